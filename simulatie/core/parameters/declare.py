"""How a parameter is declared: default, bounds, unit, role, and its Dutch and English text.

Every parameter of the model is declared once, with :func:`param`, in one of the topic modules of
this package. The declaration carries everything the rest of the tool needs: scenario files and
the command line validate against it, sweeps sample within its bounds, the dashboard builds its
controls from it and the documentation lists it.

Each parameter has a **role** (as EMA Workbench separates levers from uncertainties):

* a *policy lever* is something a municipality, care organisation or community worker decides.
  A lever declares its **baseline** value, the value it has in the neighbourhood "with nothing
  organised" (the spin-up and the matched baseline arm): zero or "none" for a lever that starts
  an intervention (professionals, initiators, meeting places, ...), and its default for a lever
  that only acts through an intervention (how the professionals work, what activities are
  like), so that runs differing only in such levers share one baseline. A lever without a
  baseline value (formal care capacity) keeps its value in the baseline arm;
* a *context* parameter is an uncertain assumption about the neighbourhood and its people;
* a *structure* parameter describes the neighbourhood being modelled (its size and make-up);
* a *measurement convention* decides how an outcome is counted, not what happens.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import Field

__all__ = ["AS_DEFAULT", "GROUP_LABELS", "ROLE_LABELS", "UNIT_LABELS", "ParameterSpec", "Role",
           "param"]


class Role(StrEnum):
    """What kind of input a parameter is."""

    LEVER = "lever"
    CONTEXT = "context"
    STRUCTURE = "structure"
    CONVENTION = "convention"


ROLE_LABELS: dict[Role, dict[str, str]] = {
    Role.LEVER: {"nl": "beleidsknop", "en": "policy lever"},
    Role.CONTEXT: {"nl": "aanname over de context", "en": "context assumption"},
    Role.STRUCTURE: {"nl": "structuur van de buurt", "en": "neighbourhood structure"},
    Role.CONVENTION: {"nl": "meetafspraak", "en": "measurement convention"},
}
"""The role names as users read them, in Dutch and English."""

GROUP_LABELS: dict[str, dict[str, str]] = {
    "neighbourhood": {"nl": "Buurt", "en": "Neighbourhood"},
    "population": {"nl": "Bevolking", "en": "Population"},
    "ties": {"nl": "Contacten en banden", "en": "Contacts and ties"},
    "activities": {"nl": "Activiteiten", "en": "Activities"},
    "meetings": {"nl": "Wat er op een bijeenkomst gebeurt", "en": "What happens at a meeting"},
    "initiators": {"nl": "Kartrekkers", "en": "Initiators (kartrekkers)"},
    "professionals": {"nl": "Professionals en financiering", "en": "Professionals and funding"},
    "volunteers": {"nl": "Vrijwilligers", "en": "Volunteers"},
    "care": {"nl": "Zorg", "en": "Care"},
    "measures": {"nl": "Meten", "en": "Measures"},
}
"""The topics parameters are declared under, as users read them, in Dutch and English."""

UNIT_LABELS: dict[str, dict[str, str]] = {
    "0..1": {"nl": "schaal 0–1", "en": "scale 0–1"},
    "1/week": {"nl": "per week", "en": "per week"},
    "1/year": {"nl": "per jaar", "en": "per year"},
    "activities": {"nl": "activiteiten", "en": "activities"},
    "cells": {"nl": "cellen", "en": "cells"},
    "chance": {"nl": "kans", "en": "chance"},
    "choice": {"nl": "keuze", "en": "choice"},
    "contacts/week": {"nl": "contacten per week", "en": "contacts per week"},
    "conversations": {"nl": "gesprekken", "en": "conversations"},
    "energy": {"nl": "energie", "en": "energy"},
    "energy/week": {"nl": "energie per week", "en": "energy per week"},
    "evenings/week": {"nl": "avonden per week", "en": "evenings per week"},
    "factor": {"nl": "factor", "en": "factor"},
    "fatigue/week": {"nl": "vermoeidheid per week", "en": "fatigue per week"},
    "homes": {"nl": "woningen", "en": "homes"},
    "hours": {"nl": "uren", "en": "hours"},
    "hours/week": {"nl": "uur per week", "en": "hours per week"},
    "hours/week per resident": {"nl": "uur per week per bewoner",
                                "en": "hours per week per resident"},
    "invitations": {"nl": "uitnodigingen", "en": "invitations"},
    "invitations/hour": {"nl": "uitnodigingen per uur", "en": "invitations per hour"},
    "meetings": {"nl": "bijeenkomsten", "en": "meetings"},
    "motivation/week": {"nl": "motivatie per week", "en": "motivation per week"},
    "odds ratio": {"nl": "kansverhouding", "en": "odds ratio"},
    "pairs": {"nl": "paren", "en": "pairs"},
    "pairs/hour": {"nl": "paren per uur", "en": "pairs per hour"},
    "people": {"nl": "personen", "en": "people"},
    "places": {"nl": "plekken", "en": "places"},
    "power": {"nl": "macht", "en": "power"},
    "residents": {"nl": "bewoners", "en": "residents"},
    "sessions/week": {"nl": "dagdelen per week", "en": "sessions per week"},
    "share": {"nl": "aandeel", "en": "share"},
    "ties": {"nl": "banden", "en": "ties"},
    "weeks": {"nl": "weken", "en": "weeks"},
    "years": {"nl": "jaren", "en": "years"},
    "yes/no": {"nl": "ja/nee", "en": "yes/no"},
}
"""Every declared unit in words, in Dutch and English (declarations name units in English)."""

NO_BASELINE = object()
"""Marks a parameter that keeps its value in the baseline arm."""

AS_DEFAULT = object()
"""Marks a lever that only acts through an intervention: in the baseline it takes its default."""


def param(
    default: Any,
    *,
    unit: str,
    short_nl: str,
    short_en: str,
    en: str,
    nl: str,
    group: str,
    role: Role,
    ge: float | None = None,
    le: float | None = None,
    baseline: Any = NO_BASELINE,
    source: str = "assumption",
    plausible: tuple[float, float] | None = None,
    plausible_source: str = "",
    plausible_log: bool = False,
) -> Any:
    """Declare one parameter.

    Args:
        default: The default value.
        unit: Unit of measurement, e.g. ``"hours/week"`` or ``"share"`` (one of
            :data:`UNIT_LABELS`).
        short_nl: Short Dutch label (one to four words), e.g. ``"Welzijnswerkers"``.
        short_en: Short English label, e.g. ``"Professionals"``.
        en: English description.
        nl: Dutch description.
        group: Topic under which the parameter is shown (CLI, dashboard, docs).
        role: Lever, context, structure or measurement convention.
        ge: Inclusive lower bound, for numbers.
        le: Inclusive upper bound, for numbers.
        baseline: For a lever: its value when nothing is organised (:data:`AS_DEFAULT` for a
            lever that only acts through an intervention).
        source: The evidence behind the default, or ``"assumption"``.
        plausible: For a context assumption: the range the evidence allows, ``(low, high)``
            in the parameter's unit, inside its bounds. A calibration draws its prior from it
            (instead of a range around the default, which was itself set by hand).
        plausible_source: Where ``plausible`` comes from: evidence, or a stated assumption of
            why it is that wide.
        plausible_log: Whether ``plausible`` is read on a log scale (a prior uniform in the
            logarithm), for a range over more than a factor of five, where a uniform prior would
            put nearly all its weight in the top decade.

    Returns:
        A pydantic ``Field`` carrying the declaration.

    Raises:
        ValueError: If the unit has no words, a baseline is given for anything but a lever, or
            ``plausible`` is not an ordered range inside the bounds with its source.
    """
    if unit not in UNIT_LABELS:
        raise ValueError(f"unit {unit!r} has no words in UNIT_LABELS")
    extra: dict[str, Any] = {"unit": unit, "nl": nl, "short_nl": short_nl, "short_en": short_en,
                             "group": group, "role": role.value, "source": source}
    if baseline is AS_DEFAULT:
        baseline = default
    if baseline is not NO_BASELINE:
        if role is not Role.LEVER:
            raise ValueError("only a policy lever has a baseline value")
        extra["baseline"] = baseline.value if isinstance(baseline, StrEnum) else baseline
    if plausible is not None:
        _check_plausible(plausible, plausible_source, plausible_log, role, ge, le)
        extra["plausible"] = [float(plausible[0]), float(plausible[1])]
        extra["plausible_source"] = plausible_source
        extra["plausible_log"] = plausible_log
    return Field(default, ge=ge, le=le, description=en, json_schema_extra=extra)


def _check_plausible(plausible: tuple[float, float], source: str, log: bool, role: Role,
                     ge: float | None, le: float | None) -> None:
    """Refuse a plausible range that is not a context assumption's, ordered, bounded, sourced.

    On a log scale (``log``) it must also start above 0.
    """
    low, high = plausible
    if log and not low > 0:
        raise ValueError("a plausible range read on a log scale starts above 0")
    if role is not Role.CONTEXT:
        raise ValueError("only a context assumption has a plausible range")
    if not low < high:
        raise ValueError(f"a plausible range runs from low to high, not {low} to {high}")
    if (ge is not None and low < ge) or (le is not None and high > le):
        raise ValueError(f"the plausible range {low} to {high} leaves the bounds {ge} to {le}")
    if not source:
        raise ValueError("a plausible range names its evidence or its assumption")


@dataclass(frozen=True)
class ParameterSpec:
    """A parameter's declaration in plain form, for CLIs, sliders, sweeps and documents.

    Attributes:
        name: The parameter's name.
        kind: Its Python type (``int``, ``float``, ``bool`` or an enum).
        default: The declared default (an enum's value as a string).
        lower: Inclusive lower bound, for numbers.
        upper: Inclusive upper bound, for numbers.
        unit: Unit of measurement.
        en: English description.
        nl: Dutch description.
        group: Topic heading.
        role: Lever, context, structure or measurement convention.
        source: Evidence behind the default, or ``"assumption"``.
        baseline: Value in the neighbourhood with nothing organised (levers only), else None.
        choices: The allowed values of a choice parameter.
        short_nl: Short Dutch label, for headers, tables and sentences.
        short_en: Short English label.
        plausible: A context assumption's range from evidence (or a stated wide assumption),
            from which calibration draws its prior; ``None`` when none is declared.
        plausible_source: The evidence or assumption behind ``plausible``.
        plausible_log: Whether ``plausible`` is read on a log scale.
    """

    name: str
    kind: type
    default: Any
    lower: float | None
    upper: float | None
    unit: str
    en: str
    nl: str
    group: str
    role: Role
    source: str = "assumption"
    baseline: Any = None
    choices: tuple[str, ...] = ()
    short_nl: str = ""
    short_en: str = ""
    plausible: tuple[float, float] | None = None
    plausible_source: str = ""
    plausible_log: bool = False

    def label(self, lang: str = "nl") -> str:
        """Return the description in the requested language (``"nl"`` or ``"en"``)."""
        return self.nl if lang == "nl" else self.en

    def short(self, lang: str = "nl") -> str:
        """Return the short label (``"Welzijnswerkers"``), or the name if it has none."""
        return (self.short_nl if lang == "nl" else self.short_en) or self.name

    def unit_label(self, lang: str = "nl") -> str:
        """Return the unit in words (``"uur per week"``), or as declared if it has none."""
        return UNIT_LABELS.get(self.unit, {}).get(lang, self.unit)

    @property
    def has_baseline(self) -> bool:
        """Whether the lever takes a declared value in the baseline arm."""
        return self.baseline is not None
