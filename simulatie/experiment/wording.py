"""How numbers, metric names and units are shown to people, in Dutch or English.

A run's figure, its readable CSV table, the printed summary of ``simulatie run`` and the myths'
handouts all show the same metrics to readers who are not modellers. They take a metric's label
and unit from its declaration in :data:`simulatie.core.observe.metrics.METRICS` and format a number
here, once: shares as percentages, differences of shares in percentage points, and a decimal comma
in Dutch.
"""

from __future__ import annotations

import math

from simulatie.core.calendar import WEEKS_PER_YEAR
from simulatie.core.observe.metrics import METRICS

__all__ = [
    "READER_LABELS",
    "UNIT_WORDS",
    "check_lang",
    "decimal",
    "fmt",
    "metric_label",
    "metric_unit",
    "reader_label",
    "unit_words",
    "years",
]

UNIT_WORDS: dict[str, dict[str, str]] = {
    "share": {"nl": "aandeel", "en": "share"},
    "ties": {"nl": "banden", "en": "ties"},
    "hours/week": {"nl": "uur per week", "en": "hours per week"},
    "people": {"nl": "personen", "en": "people"},
    "activities": {"nl": "activiteiten", "en": "activities"},
    "places": {"nl": "plekken", "en": "places"},
    "0..1": {"nl": "schaal 0–1", "en": "scale 0–1"},
    "ratio": {"nl": "verhouding", "en": "ratio"},
}
"""A declared unit (metric declarations are in English) in words, per language."""

READER_LABELS: dict[str, dict[str, str]] = {
    "lonely_share": {"nl": "Bewoners zonder hechte band in de buurt",
                     "en": "Residents without a close tie in the neighbourhood"},
    "lonely_share_75plus": {"nl": "Bewoners van 75+ zonder hechte band in de buurt",
                            "en": "Residents aged 75+ without a close tie in the neighbourhood"},
    "lonely_share_under75": {"nl": "Bewoners onder 75 zonder hechte band in de buurt",
                             "en": "Residents under 75 without a close tie in the neighbourhood"},
}
"""Labels that say what is measured where the declared label is shorter than the measure: the
"lonely" metrics count residents without a friendly or caring tie in the neighbourhood (by the
default ``lonely_below_ties``), not loneliness as residents feel it."""

# The handouts show these few declared units in Dutch and every other one as declared.
_UNIT_NL = {unit: UNIT_WORDS[unit]["nl"] for unit in ("share", "ties", "hours/week")}


def check_lang(lang: str) -> None:
    """Refuse a language other than Dutch or English.

    Args:
        lang: The language code.

    Raises:
        ValueError: If ``lang`` is not ``"nl"`` or ``"en"``.
    """
    if lang not in ("nl", "en"):
        raise ValueError(f"language '{lang}' is not supported; use 'nl' or 'en'")


def metric_label(name: str, lang: str = "nl") -> str:
    """Return a metric's human label in Dutch (``"nl"``) or English (``"en"``).

    Args:
        name: Metric name, e.g. ``"lonely_share"``.
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The declared label, or the name itself for an undeclared metric.
    """
    check_lang(lang)
    metric = METRICS.get(name)
    if metric is None:
        return name
    return metric.nl if lang == "nl" else metric.en


def reader_label(name: str, lang: str = "nl") -> str:
    """Return the label a reader who is not a modeller sees: :data:`READER_LABELS` or the declared.

    Args:
        name: Metric name, e.g. ``"lonely_share"``.
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The label for figures, tables and summaries of a run.
    """
    check_lang(lang)
    return READER_LABELS[name][lang] if name in READER_LABELS else metric_label(name, lang)


def metric_unit(name: str, lang: str = "en") -> str:
    """Return a metric's declared unit (empty when undeclared), in Dutch where known."""
    metric = METRICS.get(name)
    unit = metric.unit if metric is not None else ""
    return _UNIT_NL.get(unit, unit) if lang == "nl" else unit


def unit_words(name: str, lang: str) -> str:
    """Return a metric's unit in words for readers, e.g. ``"uur per week"`` (empty if none).

    Args:
        name: Metric name, e.g. ``"care_hours_unmet"``.
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The unit in words, or the declared unit when it has no words here.
    """
    metric = METRICS.get(name)
    unit = metric.unit if metric is not None else ""
    return UNIT_WORDS.get(unit, {}).get(lang, unit)


def decimal(text: str, lang: str) -> str:
    """Put a decimal comma into a formatted number in Dutch; leave English as it is."""
    return text.replace(".", ",") if lang == "nl" else text


def fmt(value: float | None, share: bool, lang: str, difference: bool = False) -> str:
    """A number as people read it: percentages for shares, a decimal comma in Dutch.

    Values of 10 and more, and zero, are shown without decimals; smaller ones with one.

    Args:
        value: The number (``None`` or NaN is shown as a dash).
        share: Whether it is a share (shown as a percentage, differences in percentage points).
        lang: ``"nl"`` or ``"en"``.
        difference: Whether it is a difference (shown with a sign).

    Returns:
        The text, e.g. ``"43%"``, ``"+9,8 procentpunt"`` or ``"120"``.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if share:
        value = value * 100
    digits = 0 if abs(value) >= 10 or value == 0 else 1
    text = f"{value:+.{digits}f}" if difference else f"{value:.{digits}f}"
    if text in ("-0", "+0", "-0.0", "+0.0"):
        text = "0"
    text = decimal(text, lang)
    if share:
        text += (" procentpunt" if lang == "nl" else " percentage points") if difference else "%"
    return text


def years(weeks: float, lang: str) -> str:
    """Weeks as years in words, e.g. ``"2 jaar"``, ``"1,5 jaar"`` or ``"1.5 years"``."""
    value = weeks / WEEKS_PER_YEAR
    text = decimal(f"{value:.1f}".removesuffix(".0"), lang)
    if lang == "nl":
        return f"{text} jaar"
    return f"{text} year" if text == "1" else f"{text} years"
