"""The discovered box in plain Dutch and English, with units.

For example: "Zorgzame banden aan het eind onder de basislijn als overnemen door professionals
boven 0,6 ligt en verhuizingen per jaar boven 0,12 per jaar ligt (dekking 81%, dichtheid 88%)."
Every number is filled in from the analysis. With ``labels=True`` a parameter is named by its
short label, as the command line and the report say it; without, by the name users type in
experiment files ("takeover is above 0.6"), as the dashboard's tipping-point map says it.
"""

from __future__ import annotations

from simulatie.core.parameters import parameter_specs
from simulatie.experiment.wording import decimal

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
    "chance": {"en": "", "nl": ""},
    "0..1": {"en": "", "nl": ""},
    "odds ratio": {"en": "", "nl": ""},
    "residents": {"en": "", "nl": ""},
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
    return words[lang] if words else f" {spec.unit_label(lang)}"


def _name(name: str, lang: str, labels: bool) -> str:
    """A parameter as a sentence names it: its short label (in lower case) or its name."""
    spec = parameter_specs().get(name)
    if not labels or spec is None:
        return name
    label = spec.short(lang)
    return label[:1].lower() + label[1:]


def _value(name: str, value: float, lang: str, unit: bool = True) -> str:
    spec = parameter_specs().get(name)
    text = f"{round(value)}" if spec is not None and spec.kind is int else f"{value:.3g}"
    return decimal(text, lang) + (unit_words(name, lang) if unit else "")


def limit_phrase(limit: BoxLimit, lang: str = "en", labels: bool = False) -> str:
    """One limit in words: "takeover is above 0.6", "… between 2 and 4 places".

    Args:
        limit: The limit.
        lang: ``"nl"`` or ``"en"``.
        labels: Name the parameter by its short label ("overnemen door professionals").
    """
    name = limit.name
    if limit.from_below and limit.from_above:
        where = _T["between"][lang].format(lo=_value(name, limit.lower, lang, unit=False),
                                           hi=_value(name, limit.upper, lang))
    elif limit.from_below:
        where = f"{_T['above'][lang]} {_value(name, limit.lower, lang)}"
    else:
        where = f"{_T['below'][lang]} {_value(name, limit.upper, lang)}"
    # Dutch puts the verb last in a clause after "als": "als takeover boven 0,6 ligt"
    named = _name(name, lang, labels)
    return f"{named} is {where}" if lang == "en" else f"{named} {where} ligt"


def box_sentence(found: Discovery, concern: Concern, lang: str = "en",
                 labels: bool = False) -> str:
    """The chosen box as one sentence, with its coverage and density.

    Args:
        found: The discovery.
        concern: The outcome of concern.
        lang: ``"nl"`` or ``"en"``.
        labels: Name each parameter by its short label instead of the name users type.
    """
    stats = _T["stats"][lang].format(c=found.coverage, d=found.density)
    if not found.limits:
        return f"{concern.words(lang)}: {_T['none'][lang]} ({stats})."
    phrases = [limit_phrase(limit, lang, labels) for limit in found.limits]
    joined = (", ".join(phrases[:-1]) + f" {_T['and'][lang]} " + phrases[-1]
              if len(phrases) > 1 else phrases[0])
    text = f"{concern.words(lang)} {_T['when'][lang]} {joined} ({stats})."
    return text[0].upper() + text[1:]
