"""What the model neighbourhood should look like: CBS's counts turned into the model's shares.

The model's homes hold adults only (a resident and perhaps a partner; children are not modelled),
so ages are compared among **adults aged 20 and over**: KWB's bands are 0–15, 15–25, 25–45, 45–65
and 65+, and the adults are the inhabitants less the 0–15 band and half of the 15–25 band (an
assumption: ages 20–24 are five of its ten years). KWB stops at 65+: the 75+ and 80+ shares are
either given by the user (from another table, e.g. the gemeente's own population figures) or
taken as the national ratio, CBS 1 January 2020: 75+ were 42.9% and 80+ 24.3% of the 65+
(:data:`SHARE_75_OF_65`, :data:`SHARE_80_OF_65`). Households are CBS's *particuliere
huishoudens*: one-person households and households with children as shares of all households.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import CbsError
from .figures import Figures

__all__ = [
    "ADULT_PART_15_25",
    "FEW_INHABITANTS",
    "SHARE_75_OF_65",
    "SHARE_80_OF_65",
    "Note",
    "Targets",
    "targets_from",
]

ADULT_PART_15_25 = 0.5
"""Part of KWB's 15–25 band counted as adults (20–24): five of its ten years (assumption)."""
SHARE_75_OF_65 = (644_060 + 838_661) / 3_457_535
"""Share of people aged 65+ who are 75+, the Netherlands on 1 January 2020 (CBS)."""
SHARE_80_OF_65 = 838_661 / 3_457_535
"""Share of people aged 65+ who are 80+, the Netherlands on 1 January 2020 (CBS)."""
FEW_INHABITANTS = 200
"""Below this many inhabitants CBS's rounding (to fives) makes the shares rough."""


@dataclass(frozen=True)
class Note:
    """A remark for the user, in English and Dutch."""

    en: str
    nl: str

    def text(self, lang: str = "nl") -> str:
        """The remark in ``lang``."""
        return self.nl if lang == "nl" else self.en


@dataclass(frozen=True)
class Targets:
    """The region's make-up in the model's terms (shares from 0 to 1).

    Attributes:
        figures: The CBS figures they come from.
        adults: Inhabitants aged 20 and over (estimated, see the module docstring).
        age_65: Share of adults aged 65+.
        age_75: Share of adults aged 75+.
        age_80: Share of adults aged 80+ (the national ratio of 80+ among 75+).
        old_from_user: Whether the 75+ share was given by the user (else the national ratio).
        alone: One-person households as a share of all households.
        family: Households with children as a share of all households.
        origin_abroad: Inhabitants with a migration background or a foreign country of origin,
            as a share of all inhabitants; None when the table gives no such figure.
        households: Private households (the model's homes).
        notes: Remarks on the figures (rounding, consistency).
    """

    figures: Figures
    adults: float
    age_65: float
    age_75: float
    age_80: float
    old_from_user: bool
    alone: float
    family: float
    origin_abroad: float | None
    households: int
    notes: tuple[Note, ...] = field(default=())


def _origin(figures: Figures, inhabitants: float) -> float | None:
    for first, second in (("western", "non_western"), ("origin_europe", "origin_outside_europe")):
        a, b = figures.get(first), figures.get(second)
        if a is not None and b is not None:
            return (a + b) / inhabitants
    return None


def targets_from(figures: Figures, share_75: float | None = None) -> Targets:
    """Turn one region's CBS figures into the model's targets.

    Args:
        figures: The region's KWB figures.
        share_75: The share of *all inhabitants* aged 75+ (0–1), if the user knows it; else the
            national ratio of 75+ among 65+ is used.

    Returns:
        The targets.

    Raises:
        CbsError: If a needed figure is missing (``.`` or empty) or the figures cannot be a
            neighbourhood (no inhabitants, no households, more 65+ than adults).
    """
    inhabitants = figures.require("inhabitants")
    young = figures.require("age_0_15")
    teens = figures.require("age_15_25")
    old = figures.require("age_65")
    households = figures.require("households")
    one_person = figures.require("one_person")
    with_children = figures.require("with_children")
    adults = inhabitants - young - ADULT_PART_15_25 * teens
    where = f"{figures.label} ({figures.table})"
    if inhabitants <= 0 or households <= 0 or adults <= 0:
        raise CbsError(f"{where} has no inhabitants or households to model",
                       f"{where} heeft geen inwoners of huishoudens om na te bootsen")
    if old > adults or one_person > households or with_children > households:
        raise CbsError(
            f"{where}: the figures do not add up (65+: {old:g} of about {adults:g} adults; "
            f"one-person: {one_person:g} and with children: {with_children:g} of {households:g} "
            "households)",
            f"{where}: de cijfers kloppen niet (65+: {old:g} van ongeveer {adults:g} volwassenen; "
            f"eenpersoons: {one_person:g} en met kinderen: {with_children:g} van {households:g} "
            "huishoudens)",
        )
    age_65 = old / adults
    if share_75 is None:
        age_75 = SHARE_75_OF_65 * age_65
    else:
        if not 0 <= share_75 * inhabitants <= old:
            raise CbsError(
                f"the 75+ share given ({share_75:.1%} of inhabitants) must lie between 0 and "
                f"the 65+ share ({old / inhabitants:.1%})",
                f"het opgegeven aandeel 75+ ({share_75:.1%} van de inwoners) moet tussen 0 en "
                f"het aandeel 65+ ({old / inhabitants:.1%}) liggen",
            )
        age_75 = share_75 * inhabitants / adults
    notes = []
    if inhabitants < FEW_INHABITANTS:
        notes.append(Note(
            f"{where} has only {inhabitants:g} inhabitants; CBS rounds counts to fives, so the "
            "shares are rough",
            f"{where} heeft maar {inhabitants:g} inwoners; het CBS rondt aantallen af op "
            "vijftallen, dus de aandelen zijn grof",
        ))
    bands = [figures.get(n) for n in ("age_0_15", "age_15_25", "age_25_45", "age_45_65", "age_65")]
    if all(b is not None for b in bands) and abs(sum(bands) - inhabitants) > 0.05 * inhabitants:
        notes.append(Note(
            f"the age bands add up to {sum(bands):g}, not to the {inhabitants:g} inhabitants",
            f"de leeftijdsgroepen tellen op tot {sum(bands):g}, niet tot de {inhabitants:g} "
            "inwoners",
        ))
    return Targets(
        figures=figures, adults=adults, age_65=age_65, age_75=age_75,
        age_80=age_75 * SHARE_80_OF_65 / SHARE_75_OF_65, old_from_user=share_75 is not None,
        alone=one_person / households, family=with_children / households,
        origin_abroad=_origin(figures, inhabitants), households=round(households),
        notes=tuple(notes),
    )
