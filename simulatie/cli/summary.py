"""The summary ``simulatie run`` prints: one run's outcomes in words a policy adviser reads.

Every value has its unit; shares are percentages and their differences percentage points
(*procentpunt*); Dutch numbers have a decimal comma (:func:`simulatie.experiment.wording.fmt`).
Values "at the end" are means over the last 52 weeks of the table, not one noisy final week, and
each is shown beside the same neighbourhood with nothing organised when the run has that baseline.
The wording lives here, beside the command: the measures' own labels
(:data:`simulatie.core.observe.measures.MEASURE_LABELS`) stay short for figures and tables.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import typer

from simulatie.core.calendar import WEEKS_PER_YEAR
from simulatie.core.observe.measures import BASELINE_PREFIX
from simulatie.core.observe.metrics import METRICS
from simulatie.experiment.explanation import why_sentence
from simulatie.experiment.results import CSV_FILES, FIGURE_FILE
from simulatie.experiment.wording import decimal, fmt, reader_label, unit_words, years

if TYPE_CHECKING:
    from simulatie.experiment.run import RunResult

__all__ = ["print_summary", "summary_rows"]

_LAST_YEAR = (  # metrics shown as their mean over the last year, in this order
    "share_with_caring_tie",
    "lonely_share",
    "care_hours_unmet",
    "active_volunteers",
    "ownership",
    "community_spirit",
)

_TEXT: dict[str, dict[str, str]] = {
    "title": {"nl": "Samenvatting", "en": "Summary"},
    "measure": {"nl": "Uitkomst", "en": "Measure"},
    "value": {"nl": "Waarde", "en": "Value"},
    "steps": {"nl": "{weeks} weken ({years})", "en": "{weeks} weeks ({years})"},
    "pilot": {"nl": "proef van {weeks} weken", "en": "pilot of {weeks} weeks"},
    "start": {"nl": "Bewoners met een zorgzame band bij de start (week 0)",
              "en": "Residents with a caring tie at the start (week 0)"},
    "emergence_week": {"nl": "Eerste week met duidelijk meer zorgzame banden dan zonder project",
                       "en": "First week with clearly more caring ties than without the project"},
    "half_excess_week": {
        "nl": "Week waarin de helft van het extra aandeel van het laatste jaar bereikt was",
        "en": "Week in which half of the last year's extra share was reached"},
    "half_life_weeks": {"nl": "Halveringstijd van het verschil na het einde van de steun",
                        "en": "Time for the difference to halve after support ended"},
    "caring_peak": {"nl": "Hoogste aantal zorgzame banden", "en": "Highest number of caring ties"},
    "last_year": {"nl": "Gemiddelde laatste jaar (week {first}–{last})",
                  "en": "Mean of the last year (weeks {first}–{last})"},
    "whole_run": {"nl": "Gemiddelde over de hele run (week {first}–{last})",
                  "en": "Mean over the whole run (weeks {first}–{last})"},
    "caring_excess_final": {"nl": "Bewoners met een zorgzame band: verschil met zonder project",
                            "en": "Residents with a caring tie: difference from without the "
                                  "project"},
    "week": {"nl": "week {week}", "en": "week {week}"},
    "after": {"nl": "week {week} (na {years})", "en": "week {week} (after {years})"},
    "weeks": {"nl": "{n} weken", "en": "{n} weeks"},
    "peak": {"nl": "{n} banden, in week {week}", "en": "{n} ties, in week {week}"},
    "baseline": {"nl": "zonder project: {value}", "en": "without the project: {value}"},
    "scale": {"nl": "{value} op een schaal van 0 tot 1", "en": "{value} on a scale from 0 to 1"},
    "caption": {
        "nl": "‘Zonder project’: dezelfde buurt met dezelfde seed, waarin niets georganiseerd "
              "wordt. Een procentpunt is het verschil tussen twee percentages.",
        "en": "‘Without the project’: the same neighbourhood on the same seed with nothing "
              "organised. A percentage point is the difference between two percentages."},
    "results": {"nl": "Resultaten in {folder}", "en": "Results in {folder}"},
    "figure": {"nl": "Het verloop staat in {file}.", "en": "{file} shows the run week by week."},
    "csv": {"nl": "Open {file} in Excel (kolommen met ; en decimale komma).",
            "en": "Open {file} in a spreadsheet."},
}
_UNDEFINED: dict[str, dict[str, str]] = {  # what a NaN measure means, per measure
    "emergence_week": {"nl": "geen duidelijk verschil", "en": "no clear difference"},
    "half_excess_week": {"nl": "geen extra aandeel in het laatste jaar",
                         "en": "no extra share in the last year"},
    "half_life_continued": {"nl": "steun liep door tot het einde",
                            "en": "support continued to the end"},
    "half_life_weeks": {"nl": "geen duidelijk verschil bij het einde van de steun, of niet "
                              "gehalveerd",
                        "en": "no clear difference when support ended, or not halved"},
}


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _week(value: float, lang: str) -> str:
    """A week number, with the years it is after the start when that is a year or more."""
    week = int(value)
    if week < WEEKS_PER_YEAR:
        return _TEXT["week"][lang].format(week=week)
    return _TEXT["after"][lang].format(week=week, years=years(week, lang))


def _value(name: str, value: float, lang: str) -> str:
    """A metric's value with its unit: ``"48%"``, ``"62 uur per week"``, ``"0,47 op …"``."""
    if _missing(value):
        return "–"
    unit = METRICS[name].unit if name in METRICS else ""
    if unit == "share":
        return fmt(value, True, lang)
    if unit == "0..1":
        return _TEXT["scale"][lang].format(value=decimal(f"{value:.2f}", lang))
    if unit == "hours/week":
        return f"{fmt(value, False, lang)} {unit_words(name, lang)}"
    return fmt(value, False, lang)


def _measure_rows(
    summary: Mapping[str, float], ended: int | None, lang: str
) -> list[tuple[str, str]]:
    """The measures against the baseline: emergence, half of the extra share, half-life, peak."""
    rows = []
    for key in ("emergence_week", "half_excess_week"):
        if key in summary:
            value = summary[key]
            shown = _UNDEFINED[key][lang] if _missing(value) else _week(value, lang)
            rows.append((_TEXT[key][lang], shown))
    if "half_life_weeks" in summary:
        value = summary["half_life_weeks"]
        if not _missing(value):
            shown = _TEXT["weeks"][lang].format(n=int(value))
        else:
            shown = _UNDEFINED["half_life_continued" if ended is None else "half_life_weeks"][lang]
        rows.append((_TEXT["half_life_weeks"][lang], shown))
    if "caring_peak" in summary and "caring_peak_week" in summary:
        shown = _TEXT["peak"][lang].format(n=int(summary["caring_peak"]),
                                           week=int(summary["caring_peak_week"]))
        rows.append((_TEXT["caring_peak"][lang], shown))
    return rows


def _last_year_rows(
    timeseries: pd.DataFrame, summary: Mapping[str, float], lang: str
) -> tuple[str, list[tuple[str, str]]]:
    """The heading of the last year's means and their rows, each beside its baseline if any."""
    tail = timeseries.tail(WEEKS_PER_YEAR)
    first, last = int(tail["week"].iloc[0]), int(tail["week"].iloc[-1])
    key = "last_year" if len(tail) == WEEKS_PER_YEAR else "whole_run"
    heading = _TEXT[key][lang].format(first=first, last=last)
    rows = []
    if "caring_excess_final" in summary:
        rows.append((_TEXT["caring_excess_final"][lang],
                     fmt(summary["caring_excess_final"], True, lang, difference=True)))
    means = tail.mean(numeric_only=True)
    for name in _LAST_YEAR:
        if name not in timeseries.columns:
            continue
        shown = _value(name, float(means[name]), lang)
        if f"{BASELINE_PREFIX}{name}" in timeseries.columns:
            baseline = _value(name, float(means[f"{BASELINE_PREFIX}{name}"]), lang)
            shown += f" ({_TEXT['baseline'][lang].format(value=baseline)})"
        rows.append((reader_label(name, lang), shown))
    return heading, rows


def summary_rows(result: RunResult, lang: str) -> list[tuple[str, str] | str]:
    """The summary's rows, in order: pairs of label and value, and headings as plain strings.

    Args:
        result: The run (its table, measures and metadata).
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The rows, each a ``(label, value)`` pair with the unit in the value, or a heading.
    """
    timeseries, summary = result.timeseries, result.summary
    rows: list[tuple[str, str] | str] = []
    if "share_with_caring_tie" in timeseries.columns:
        rows.append((_TEXT["start"][lang],
                     _value("share_with_caring_tie", timeseries["share_with_caring_tie"].iloc[0],
                            lang)))
    rows += _measure_rows(summary, result.metadata.get("support_ended_week"), lang)
    heading, last_year = _last_year_rows(timeseries, summary, lang)
    return [*rows, heading, *last_year]


def _title(result: RunResult, scenario: str | None, lang: str) -> str:
    """"Samenvatting: default, seed 0, 156 weken (3 jaar), proef van 104 weken"."""
    metadata = result.metadata
    steps = int(result.timeseries["week"].iloc[-1])
    parts = [scenario] if scenario else []
    if metadata.get("seed") is not None:
        parts.append(f"seed {metadata['seed']}")
    parts.append(_TEXT["steps"][lang].format(weeks=steps, years=years(steps, lang)))
    parameters = metadata.get("parameters") or {}
    if parameters.get("funding") == "pilot" and parameters.get("pilot_weeks") is not None:
        parts.append(_TEXT["pilot"][lang].format(weeks=parameters["pilot_weeks"]))
    return f"{_TEXT['title'][lang]}: {', '.join(parts)}"


def print_summary(
    result: RunResult, out_dir: Path, lang: str, scenario: str | None = None
) -> None:
    """Print a run's summary as a table, one sentence on why, then where its files are.

    Args:
        result: The run.
        out_dir: The folder its files were written to.
        lang: ``"nl"`` or ``"en"``.
        scenario: The scenario's name, for the title.
    """
    from rich.console import Console
    from rich.table import Table

    table = Table(_TEXT["measure"][lang], _TEXT["value"][lang],
                  title=_title(result, scenario, lang), caption=_TEXT["caption"][lang])
    table.columns[1].justify = "right"
    for row in summary_rows(result, lang):
        if isinstance(row, str):
            table.add_section()
            table.add_row(row, "", style="bold")
        else:
            table.add_row(*row)
    Console().print(table)
    why = why_sentence(result.timeseries, lang)
    if why:
        typer.echo(why)
    typer.echo(_TEXT["results"][lang].format(folder=out_dir))
    for key, name in (("figure", FIGURE_FILE), ("csv", CSV_FILES[lang])):
        if (out_dir / name).exists():
            typer.echo(_TEXT[key][lang].format(file=name))
