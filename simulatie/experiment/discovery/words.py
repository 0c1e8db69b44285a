"""The discovered box in plain Dutch and English, with units.

For example: "final_caring_ties below the baseline when takeover is above 0.6 and
turnover_per_year is above 0.12 a year (coverage 81%, density 88%)." Every number is filled in
from the analysis; parameter names stay as users type them in experiment files, with their
declared description and unit beside them in the report's table.
"""

from __future__ import annotations

from simulatie.core.parameters import parameter_specs

from .analysis import BoxLimit, Discovery
from .concern import Concern

__all__ = ["box_sentence", "limit_phrase", "unit_words"]

_UNITS = {
    "share": {"en": "", "nl": ""},
    "1/year": {"en": " a year", "nl": " per jaar"},
    "hours/week": {"en": " h/week", "nl": " uur/week"},
    "contacts/week": {"en": " contacts/week", "nl": " contacten/week"},
    "factor": {"en": "×", "nl": "×"},
    "hours": {"en": " hours", "nl": " uur"},
    "hours/week per resident": {"en": " h/week per resident", "nl": " uur/week per bewoner"},
    "people": {"en": "", "nl": ""},
    "places": {"en": " places", "nl": " plekken"},
    "weeks": {"en": " weeks", "nl": " weken"},
}
_T = {
    "above": {"en": "above", "nl": "boven"}, "below": {"en": "below", "nl": "onder"},
    "between": {"en": "between {lo} and {hi}", "nl": "tussen {lo} en {hi}"},
    "and": {"en": "and", "nl": "en"},
    "when": {"en": "when", "nl": "als"},
    "stats": {"en": "coverage {c:.0%}, density {d:.0%}",
              "nl": "dekking {c:.0%}, dichtheid {d:.0%}"},
    "none": {"en": "no parameter restricts the points of concern",
             "nl": "geen parameter begrenst de punten van zorg"},
}


def unit_words(name: str, lang: str = "en") -> str:
    """The unit to write after a value of ``name`` (empty for shares)."""
    spec = parameter_specs().get(name)
    if spec is None:
        return ""
    words = _UNITS.get(spec.unit)
    return words[lang] if words else f" {spec.unit}"


def _value(name: str, value: float, lang: str, unit: bool = True) -> str:
    spec = parameter_specs().get(name)
    text = f"{round(value)}" if spec is not None and spec.kind is int else f"{value:.3g}"
    if lang == "nl":
        text = text.replace(".", ",")
    return text + (unit_words(name, lang) if unit else "")


def limit_phrase(limit: BoxLimit, lang: str = "en") -> str:
    """One limit in words: "takeover is above 0.6", "… between 2 and 4 places"."""
    name = limit.name
    if limit.from_below and limit.from_above:
        where = _T["between"][lang].format(lo=_value(name, limit.lower, lang, unit=False),
                                           hi=_value(name, limit.upper, lang))
    elif limit.from_below:
        where = f"{_T['above'][lang]} {_value(name, limit.lower, lang)}"
    else:
        where = f"{_T['below'][lang]} {_value(name, limit.upper, lang)}"
    # Dutch puts the verb last in a clause after "als": "als takeover boven 0,6 ligt"
    return f"{name} is {where}" if lang == "en" else f"{name} {where} ligt"


def box_sentence(found: Discovery, concern: Concern, lang: str = "en") -> str:
    """The chosen box as one sentence, with its coverage and density."""
    stats = _T["stats"][lang].format(c=found.coverage, d=found.density)
    if not found.limits:
        return f"{concern.words(lang)}: {_T['none'][lang]} ({stats})."
    phrases = [limit_phrase(limit, lang) for limit in found.limits]
    joined = (", ".join(phrases[:-1]) + f" {_T['and'][lang]} " + phrases[-1]
              if len(phrases) > 1 else phrases[0])
    text = f"{concern.words(lang)} {_T['when'][lang]} {joined} ({stats})."
    return text[0].upper() + text[1:]
