"""Settings in words a council member reads: a parameter's own description and its value.

The page for the council (:mod:`simulatie.experiment.council_page`) says what was changed without
``name=value`` syntax. Each setting is named by the Dutch (or English) description it is declared
with (:func:`simulatie.core.parameters.parameter_specs`), lightly shortened: pointers meant for
modellers (the source documents, myth numbers, documentation files) are left out, and a long
description is cut at its first clause. Its value gets its unit in words: shares and chances as
percentages, hours per week, weeks with the years they make, a choice by its Dutch name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from simulatie.core.calendar import WEEKS_PER_YEAR
from simulatie.core.parameters import choice_label, parameter_specs
from simulatie.experiment.wording import UNIT_WORDS, decimal, years

__all__ = [
    "MAX_SETTINGS",
    "in_sentence",
    "more_settings",
    "policy_value",
    "scenario_title",
    "setting_label",
    "setting_line",
    "setting_value",
]

MAX_SETTINGS = 6
"""At most this many settings are listed in one list on the page; the rest are counted."""
LONG = 100
"""A description longer than this is cut at its first clause (when that clause is long enough)."""
_SHORTEST_CLAUSE = 25

_MODELLER_NOTES = re.compile(
    r"\s*\([^()]*(?:seed \d|docs/|mythe? \d|myth \d|simulatie )[^()]*\)", re.IGNORECASE)
"""A parenthesis that points modellers to a source document, a myth, a file or a command."""
_PERCENT_WORDS = ("aandeel", "deel ", "kans", "share", "chance", "fraction")
"""A share or chance whose description starts like this reads as a percentage."""

_UNITS: dict[str, dict[str, str]] = {
    "residents": {"nl": "bewoners", "en": "residents"},
    "homes": {"nl": "woningen", "en": "homes"},
    "places": UNIT_WORDS["places"],
    "people": {"nl": "personen", "en": "people"},
    "hours/week": {"nl": "uur per week", "en": "hours per week"},
    "hours/week per resident": {"nl": "uur per bewoner per week",
                                "en": "hours per resident per week"},
    "hours": {"nl": "uur", "en": "hours"},
    "contacts/week": {"nl": "per week", "en": "a week"},
    "1/week": {"nl": "per week", "en": "a week"},
    "1/year": {"nl": "per jaar", "en": "a year"},
    "conversations": {"nl": "gesprekken", "en": "conversations"},
    "invitations": {"nl": "uitnodigingen", "en": "invitations"},
    "ties": {"nl": "banden", "en": "ties"},
}
_SINGULAR = {"bewoners": "bewoner", "residents": "resident", "woningen": "woning",
             "homes": "home", "plekken": "plek", "places": "place", "personen": "persoon",
             "people": "person", "hours": "hour", "gesprekken": "gesprek",
             "conversations": "conversation", "uitnodigingen": "uitnodiging",
             "invitations": "invitation", "banden": "band", "ties": "tie"}
_COUNT_WORDS = ("aantal", "number")
"""A count whose description already names what is counted is shown as a bare number."""
_TEXT: dict[str, dict[str, str]] = {
    "pilot": {"nl": "een pilot van {weeks}", "en": "a pilot of {weeks}"},
    "yes": {"nl": "ja", "en": "yes"},
    "no": {"nl": "nee", "en": "no"},
    "scale": {"nl": "{value} op een schaal van 0 tot 1", "en": "{value} on a scale from 0 to 1"},
    "week": {"nl": "{n} week", "en": "{n} week"},
    "weeks": {"nl": "{n} weken", "en": "{n} weeks"},
    "more": {"nl": "en nog {n} andere instellingen", "en": "and {n} other settings"},
    "more_one": {"nl": "en nog 1 andere instelling", "en": "and 1 other setting"},
}


def _number(value: float, lang: str) -> str:
    """A setting's number as written: whole numbers plain, others with up to three digits."""
    if float(value).is_integer():
        return str(int(value))
    return decimal(f"{value:.3g}", lang)


def _percent(value: float, lang: str) -> str:
    shown = value * 100
    return decimal(f"{shown:.0f}" if shown >= 10 or shown == 0 else f"{shown:.2g}", lang) + "%"


def setting_label(name: str, lang: str = "nl") -> str:
    """A parameter's description as a council member reads it, without the notes for modellers.

    Args:
        name: A declared parameter, e.g. ``"professionals"``.
        lang: ``"nl"`` or ``"en"``.

    Returns:
        For example ``"Welzijns- of opbouwwerkers die vanaf week 0 in de buurt actief zijn"``.
    """
    text = _MODELLER_NOTES.sub("", parameter_specs()[name].label(lang)).strip()
    text = _first_clause(text, ". ").rstrip(".")  # the first sentence
    if len(text) > LONG:
        for mark in (";", ":"):
            head = _first_clause(text, mark)
            alternatives = head[0].isdigit() or (mark == ";" and ":" in head)  # "a: …; b: …"
            if len(head) >= _SHORTEST_CLAUSE and not alternatives:
                return head
    return text


def _first_clause(text: str, mark: str) -> str:
    """The text up to the first ``mark`` outside brackets (all of it when there is none)."""
    depth = 0
    for index, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and text.startswith(mark, index):
            return text[:index]
    return text


def setting_value(name: str, value: Any, lang: str = "nl") -> str:
    """A parameter's value with its unit in words: ``"2 personen"``, ``"80%"``, ``"pilot (stopt)"``.

    Args:
        name: A declared parameter.
        value: Its value (an enum, a number, a switch or its JSON form).
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The value as the page shows it.
    """
    spec = parameter_specs()[name]
    if spec.choices:
        return choice_label(str(getattr(value, "value", value)), lang)
    if isinstance(value, bool) or spec.kind is bool:
        return _TEXT["yes" if value else "no"][lang]
    if spec.unit in ("share", "chance", "1/week", "1/year"):
        per = _UNITS.get(spec.unit, {}).get(lang, "")
        if spec.unit in ("1/week", "1/year") or spec.label(lang).lower().startswith(
                _PERCENT_WORDS):
            return " ".join(filter(None, (_percent(float(value), lang), per)))
        return _TEXT["scale"][lang].format(value=_number(float(value), lang))
    if spec.unit == "weeks":
        shown = _TEXT["week" if value == 1 else "weeks"][lang].format(n=_number(value, lang))
        return f"{shown} ({years(value, lang)})" if value >= WEEKS_PER_YEAR else shown
    words = _UNITS.get(spec.unit, {}).get(lang)
    if not words or spec.label(lang).lower().startswith(_COUNT_WORDS):
        return _number(value, lang)
    return f"{_number(value, lang)} {_SINGULAR.get(words, words) if value == 1 else words}"


def policy_value(name: str, values: Mapping[str, Any], lang: str = "nl") -> str:
    """A setting's value among the others: a pilot's funding says how long the pilot lasts.

    Args:
        name: A declared parameter.
        values: Every parameter's value (as JSON or typed).
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The value as the page shows it, e.g. ``"een pilot van 104 weken (2 jaar)"``.
    """
    value = values[name]
    if name == "funding" and str(getattr(value, "value", value)) == "pilot":
        weeks = setting_value("pilot_weeks", values["pilot_weeks"], lang)
        return _TEXT["pilot"][lang].format(weeks=weeks)
    return setting_value(name, value, lang)


def setting_line(name: str, value: Any, lang: str = "nl") -> str:
    """A setting and its value in one line: ``"<description>: <value>"``.

    Args:
        name: A declared parameter.
        value: Its value.
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The line.
    """
    return f"{setting_label(name, lang)}: {setting_value(name, value, lang)}"


def in_sentence(text: str) -> str:
    """A description as part of a sentence: its first letter small, unless it opens an acronym."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def more_settings(lines: list[str], lang: str, limit: int = MAX_SETTINGS) -> list[str]:
    """At most ``limit`` lines, the last one counting those left out (``"en nog 3 …"``).

    Args:
        lines: The lines.
        lang: ``"nl"`` or ``"en"``.
        limit: The most lines shown.

    Returns:
        The lines to show.
    """
    if len(lines) <= limit:
        return list(lines)
    left = len(lines) - (limit - 1)
    more = _TEXT["more_one" if left == 1 else "more"][lang].format(n=left)
    return [*lines[: limit - 1], more]


def scenario_title(record: Mapping[str, Any], lang: str = "nl") -> str | None:
    """The one-line title of the scenario a run or an arm was loaded from, if it has one.

    Args:
        record: A scenario's record (``scenario`` and ``scenario_file``), as a run keeps it.
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The scenario file's title, or ``None`` when the file cannot be read again.
    """
    from simulatie.experiment.scenarios import ScenarioError, load_scenario

    source = record.get("scenario_file") or record.get("scenario")
    if not source:
        return None
    try:
        scenario = load_scenario(str(source))
    except (ScenarioError, OSError, ValueError):
        return None
    title = scenario.title(lang)
    return title if title != scenario.name else None
