"""A comparison of two policies in words: the table and the lines around it, in Dutch or English.

:mod:`simulatie.experiment.comparison` computes; this module says it. Shares are shown in percent
and differences of shares in percentage points (*procentpunt*, pp); Dutch numbers have a decimal
comma. Settings are named by their short labels (``Welzijnswerkers``) with their values as read
(``structureel``, ``0,8``); an arm's own name keeps the ``name=value`` the user typed. The
command line prints these texts (:mod:`simulatie.cli.compare`) and
:mod:`simulatie.experiment.comparison_files` writes them into ``samenvatting.csv``.
"""

from __future__ import annotations

import math
from typing import Any

from simulatie.core.calendar import WEEKS_PER_YEAR
from simulatie.core.observe.metrics import METRICS
from simulatie.core.parameters import choice_label, parameter_specs
from simulatie.experiment.comparison import (
    ARMS,
    EXTRA_SHARE,
    HEADLINE,
    LAST_YEAR,
    SHARES,
    Comparison,
    differing_levers_only,
)
from simulatie.experiment.wording import UNIT_WORDS, decimal, reader_label

__all__ = [
    "advice",
    "arm_label",
    "columns",
    "footer",
    "header",
    "measure_label",
    "number",
    "setting",
    "table_rows",
    "unit",
    "verdict",
]

MAX_SHOWN = 6
"""At most this many differing settings are named in the header (metadata.json has them all)."""
MAX_SUGGESTED = 100
"""The most replications the advice suggests; a smaller difference may need more ("or more")."""

_EXTRA_LABEL = {"nl": "Extra aandeel met zorgzame band t.o.v. niets georganiseerd",
                "en": "Extra share with a caring tie over nothing organised"}
_UNITS = {  # the metrics' declared units, as shown beside a label
    "share": {"nl": "%", "en": "%"},
    "ties": {"nl": "aantal", "en": "number"},
    "people": {"nl": "aantal", "en": "number"},
    "hours/week": UNIT_WORDS["hours/week"],
}
_POINTS = {"nl": "pp", "en": "pp"}
_TEXT: dict[str, dict[str, str]] = {
    "measure": {"nl": "Uitkomst", "en": "Measure"},
    "difference": {"nl": "Verschil B − A", "en": "Difference B − A"},
    "verdict": {"nl": "Oordeel", "en": "Verdict"},
    "clear": {"nl": "duidelijk verschil", "en": "clear difference"},
    "unclear": {"nl": "geen duidelijk verschil", "en": "no clear difference"},
    "to": {"nl": "tot", "en": "to"},
    "variant": {"nl": "variant {variant} van {scenario}", "en": "variant {variant} of {scenario}"},
    "differ": {"nl": "Verschil in instellingen: {items}", "en": "Settings that differ: {items}"},
    "same": {"nl": "A en B hebben dezelfde instellingen", "en": "A and B have the same settings"},
    "more": {"nl": "en nog {n}", "en": "and {n} more"},
    "both": {"nl": "Voor beide: {items}", "en": "For both: {items}"},
    "runs": {"nl": "{n} herhalingen per beleid op dezelfde seeds (hoofdseed {seed}); {years} "
                   "gesimuleerd ({weeks} weken); gemiddelden over {span}.",
             "en": "{n} replications per policy on the same seeds (master seed {seed}); {years} "
                   "simulated ({weeks} weeks); means over {span}."},
    "year": {"nl": "het laatste jaar, week {first}–{last} (jaar {year})",
             "en": "the last year, weeks {first}–{last} (year {year})"},
    "all_weeks": {"nl": "week {first}–{last}", "en": "weeks {first}–{last}"},
    "years": {"nl": "{n} jaar", "en": "{n} years"},
}
_FOOTER = {
    "nl": "A en B zijn op dezelfde seeds gedraaid: per herhaling dezelfde buurt met dezelfde "
          "toevallige gebeurtenissen, dus ze verschillen alleen in {what}. 'Niets "
          "georganiseerd' (de nulmeting) is dezelfde buurt waarin niets georganiseerd wordt. "
          "Tussen haakjes: het 95%-interval over de herhalingen; pp = procentpunt.",
    "en": "A and B were run on the same seeds: in each replication the same neighbourhood with "
          "the same chance events, so they differ only in {what}. 'Nothing organised' (the "
          "baseline) is the same neighbourhood with nothing organised. In brackets: the 95% "
          "interval over the replications; pp = percentage points.",
}
_WHAT = {"levers": {"nl": "het beleid", "en": "the policy"},
         "settings": {"nl": "hun instellingen (let op: niet alleen beleidsknoppen verschillen, "
                            "ook de buurt of de aannames)",
                      "en": "their settings (note: not only policy levers differ, but also the "
                            "neighbourhood or the assumptions)"}}
_ADVICE = {
    "nl": "Meer herhalingen nodig: het 95%-interval van het verschil in '{label}' ({width} pp "
          "breed) is breder dan het verschil zelf ({size} pp). Probeer --herhalingen {n}{more}.",
    "en": "More replications needed: the 95% interval of the difference in '{label}' ({width} "
          "pp wide) is wider than the difference itself ({size} pp). Try --replications "
          "{n}{more}.",
}
_ADVICE_CLEAR = {  # the interval excludes zero: the direction is clear, its size is not yet
    "nl": "De richting is duidelijk, de grootte nog niet: het 95%-interval van het verschil in "
          "'{label}' ({width} pp breed) is breder dan het verschil zelf ({size} pp). Voor een "
          "preciezer getal: --herhalingen {n}{more}.",
    "en": "The direction is clear, the size not yet: the 95% interval of the difference in "
          "'{label}' ({width} pp wide) is wider than the difference itself ({size} pp). For a "
          "more precise number: --replications {n}{more}.",
}
_OR_MORE = {"nl": " of meer", "en": " or more"}


def measure_label(measure: str, lang: str = "nl") -> str:
    """A measure's label as a run's outputs show it (the extra share has its own)."""
    if measure == EXTRA_SHARE:
        return _EXTRA_LABEL[lang]
    return reader_label(measure, lang)


def unit(measure: str, lang: str = "nl", difference: bool = False) -> str:
    """How a measure's values (or their differences) are expressed: ``%``, ``pp``, ``aantal``."""
    if measure == EXTRA_SHARE or (difference and measure in SHARES):
        return _POINTS[lang]
    declared = METRICS[measure].unit
    return _UNITS.get(declared, {}).get(lang, declared)


def number(value: float, lang: str = "nl", decimals: int = 1, sign: bool = False) -> str:
    """A number with a decimal comma in Dutch, ``—`` when undefined, ``+`` when ``sign``."""
    if value is None or not math.isfinite(value):
        return "—"
    text = f"{value:+.{decimals}f}" if sign else f"{value:.{decimals}f}"
    return decimal(text.replace("-", "−"), lang)


def _decimals(row: Any) -> int:
    largest = max(abs(row["mean_a"]), abs(row["mean_b"]), abs(row["difference"]))
    return 2 if math.isfinite(largest) and largest < 1 else 1


def _cell(mean: float, low: float, high: float, measure: str, lang: str, difference: bool,
          decimals: int) -> str:
    """``55,0%`` over ``(39,7 tot 70,4)``, or ``−8,8 pp`` over ``(−14,5 tot −3,1)``."""
    shown_unit = unit(measure, lang, difference)
    signed = shown_unit == _POINTS[lang] or difference
    suffix = {"%": "%", "pp": " pp"}.get(shown_unit, "")
    main = number(mean, lang, decimals, signed) + suffix
    to = _TEXT["to"][lang]
    return (f"{main}\n({number(low, lang, decimals, signed)} {to} "
            f"{number(high, lang, decimals, signed)})")


def verdict(clear: bool, lang: str = "nl") -> str:
    """``duidelijk verschil`` or ``geen duidelijk verschil`` (English: clear or not)."""
    return _TEXT["clear" if clear else "unclear"][lang]


def arm_label(comparison: Comparison, index: int, lang: str | None = None) -> str:
    """An arm's name with the values set for it alone, e.g. ``default + funding=pilot``.

    The values are written as they can be typed after ``--set``: with ``lang="nl"`` a switch is
    ``ja``/``nee`` and a decimal has a comma, else ``true``/``false`` and a point.
    """
    arm, other = comparison.arms[index], comparison.arms[1 - index]
    own = {k: v for k, v in arm.overrides.items()
           if k not in other.overrides or other.overrides[k] != v}
    shown = ", ".join(f"{k}={_typed(v, lang)}" for k, v in own.items())
    return f"{arm.name} + {shown}" if shown else arm.name


def _typed(value: Any, lang: str | None) -> str:
    """A value as it is typed after ``--set``, in ``lang``'s way (``ja``, ``0,8``)."""
    if isinstance(value, bool):
        return ("ja" if value else "nee") if lang == "nl" else ("true" if value else "false")
    text = _value(value)
    return decimal(text, lang) if isinstance(value, float) else text


def columns(lang: str = "nl") -> tuple[str, ...]:
    """The printed table's headers: measure, A, B, difference, verdict.

    The arms are named in the header's first line (:func:`header`), so the columns stay narrow.
    """
    return (_TEXT["measure"][lang], *ARMS, _TEXT["difference"][lang], _TEXT["verdict"][lang])


def table_rows(comparison: Comparison, lang: str = "nl") -> list[tuple[str, ...]]:
    """One row per measure: label (unit), A and B, the difference, the verdict.

    A value's cell has two lines: the mean, and its 95% interval in brackets.
    """
    rows = []
    for _, row in comparison.summary.iterrows():
        measure, decimals = row["measure"], _decimals(row)
        label = f"{measure_label(measure, lang)} ({unit(measure, lang)})"
        cells = [_cell(row[f"mean_{a}"], row[f"low_{a}"], row[f"high_{a}"], measure, lang,
                       False, decimals) for a in ("a", "b")]
        difference = _cell(row["difference"], row["difference_low"], row["difference_high"],
                           measure, lang, True, decimals)
        rows.append((label, *cells, difference, verdict(bool(row["clear"]), lang)))
    return rows


def _value(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


_YES_NO = {"nl": ("ja", "nee"), "en": ("yes", "no")}


def setting(name: str, value: Any, lang: str = "nl") -> str:
    """A setting's value as read: ``0,8``, ``ja``, ``structureel`` (a choice's name, briefly)."""
    if isinstance(value, bool):
        return _YES_NO[lang][0 if value else 1]
    spec = parameter_specs().get(name)
    if spec is not None and spec.choices and isinstance(value, str):
        return choice_label(value, lang).split(" (")[0]
    text = _value(value)
    return decimal(text, lang) if isinstance(value, float) else text


def _label(name: str, lang: str) -> str:
    spec = parameter_specs().get(name)
    return spec.short(lang) if spec is not None else name


def _arm_line(comparison: Comparison, lang: str) -> str:
    """``A: kerkweg · B: kerkweg:no_support (variant no_support van kerkweg)``."""
    parts = []
    for key, index in zip(ARMS, range(2), strict=True):
        arm, text = comparison.arms[index], f"{key}: {arm_label(comparison, index, lang)}"
        variant = arm.record.get("variant")
        if variant:
            scenario = arm.name.rsplit(":", 1)[0]
            text += f" ({_TEXT['variant'][lang].format(variant=variant, scenario=scenario)})"
        parts.append(text)
    return " · ".join(parts)


def _settings_line(comparison: Comparison, lang: str) -> str:
    """Which settings differ between A and B, each with both values."""
    differing = comparison.differing()
    if not differing:
        return _TEXT["same"][lang]
    items = [f"{_label(name, lang)} (A {setting(name, a, lang)}, B {setting(name, b, lang)})"
             for name, (a, b) in differing.items()]
    if len(items) > MAX_SHOWN:
        items = [*items[:MAX_SHOWN], _TEXT["more"][lang].format(n=len(items) - MAX_SHOWN)]
    return _TEXT["differ"][lang].format(items=", ".join(items))


def _years(weeks: int, lang: str) -> str:
    years = number(weeks / WEEKS_PER_YEAR, lang, 1).removesuffix(",0").removesuffix(".0")
    return _TEXT["years"][lang].format(n=years)


def header(comparison: Comparison, lang: str = "nl") -> list[str]:
    """The lines above the table: what A and B are, what differs, replications and years."""
    lines = [_arm_line(comparison, lang), _settings_line(comparison, lang)]
    a, b = comparison.arms
    shared = {k: v for k, v in a.overrides.items() if b.overrides.get(k, object()) == v}
    if shared:
        items = ", ".join(f"{_label(k, lang)} {setting(k, v, lang)}" for k, v in shared.items())
        lines.append(_TEXT["both"][lang].format(items=items))
    first, last = comparison.last_year
    span = (_TEXT["year"][lang].format(first=first, last=last, year=last // LAST_YEAR)
            if last % LAST_YEAR == 0 else _TEXT["all_weeks"][lang].format(first=first, last=last))
    lines.append(_TEXT["runs"][lang].format(
        n=comparison.replications, seed=comparison.seed, years=_years(comparison.weeks, lang),
        weeks=comparison.weeks, span=span))
    return lines


def footer(comparison: Comparison, lang: str = "nl") -> str:
    """The sentence below the table: same seeds, so only the policy differs; the baseline."""
    what = _WHAT["levers" if differing_levers_only(comparison) else "settings"][lang]
    return _FOOTER[lang].format(what=what)


def advice(comparison: Comparison, lang: str = "nl") -> str | None:
    """The line asking for more replications, or ``None`` when they are not needed.

    They are needed when the headline difference's interval is wider than the difference itself.
    """
    needed = comparison.replications_needed()
    if needed is None:
        return None
    row = comparison.headline()
    width = row["difference_high"] - row["difference_low"]
    more = _OR_MORE[lang] if needed > MAX_SUGGESTED else ""
    template = _ADVICE_CLEAR if bool(row["clear"]) else _ADVICE
    return template[lang].format(label=measure_label(HEADLINE, lang), width=number(width, lang),
                                size=number(abs(row["difference"]), lang),
                                n=min(needed, MAX_SUGGESTED), more=more)
