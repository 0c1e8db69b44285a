"""A sweep's tables for a spreadsheet: Dutch Excel's form in Dutch, plain CSV in English.

Beside the report's tables for analysis software (``runs.csv``, ``summary.csv``: ``,`` and a
decimal point, column names as in the code), :func:`write_readable_tables` writes the same
findings as people read them, with headers from the metrics' labels and shares in percent:

* ``effecten.csv`` / ``effects.csv``: per varied parameter and outcome, the outcome at both
  settings compared, the difference with its 95% interval, and how firm it is
  (:mod:`simulatie.experiment.report_effects`);
* ``samenvatting.csv`` (Dutch only; English readers have ``summary.csv``): per design point and
  measure, the mean and its 95% interval;
* ``tijdreeks.csv`` / ``timeseries.csv``: per design point the mean of every kept metric per week,
  in the columns of a single run's table (:func:`simulatie.experiment.results.readable_table`).

In Dutch the files have ``;`` between columns and a decimal comma, as Dutch Excel opens them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from simulatie.experiment.report_effects import Effect, measure_unit
from simulatie.experiment.report_words import firmness_words, outcome_label, setting
from simulatie.experiment.results import CSV_FILES, readable_table
from simulatie.experiment.wording import UNIT_WORDS, check_lang

if TYPE_CHECKING:
    from simulatie.experiment.sweep_results import SweepResults

__all__ = ["EFFECTS_FILES", "SUMMARY_FILES", "effects_table", "summary_table",
           "timeseries_table", "write_readable_tables", "write_table"]

EFFECTS_FILES = {"nl": "effecten.csv", "en": "effects.csv"}
SUMMARY_FILES = {"nl": "samenvatting.csv"}
"""The summary as people read it; in English ``summary.csv`` serves."""

_EFFECT_HEADERS = {
    "nl": ("instelling", "van", "naar", "uitkomst", "eenheid", "bij van", "bij naar", "verschil",
           "verschil 95% ondergrens", "verschil 95% bovengrens", "eenheid verschil", "aantal",
           "runs zonder waarde", "hoe zeker"),
    "en": ("setting", "from", "to", "outcome", "unit", "at from", "at to", "difference",
           "difference 95% low", "difference 95% high", "difference unit", "number",
           "runs without a value", "how sure"),
}
_SUMMARY_HEADERS = ("combinatie", "uitkomst", "eenheid", "runs met waarde", "runs zonder waarde",
                    "gemiddelde", "standaardafwijking", "95% ondergrens", "95% bovengrens",
                    "interval afgekapt")
_POINT = {"nl": "combinatie", "en": "design point"}
_YES_NO = ("ja", "nee")


def write_table(table: pd.DataFrame, path: Path, lang: str) -> Path:
    """Write a table as Dutch Excel opens it (``;``, decimal comma) or as English CSV.

    Args:
        table: The table.
        path: The file.
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The path written.
    """
    check_lang(lang)
    table.to_csv(path, index=False, sep=";" if lang == "nl" else ",",
                 decimal="," if lang == "nl" else ".", float_format="%.6g",
                 encoding="utf-8-sig")  # so that Excel reads the accents as UTF-8
    return path


def _scaled(number: float, measure: str) -> float:
    return number * 100 if measure_unit(measure) == "share" else number


def _unit(measure: str, lang: str, difference: bool = False) -> str:
    unit = measure_unit(measure)
    if unit == "share":
        return ("procentpunt" if lang == "nl" else "percentage points") if difference else "%"
    if unit == "weeks":
        return "weken" if lang == "nl" else "weeks"
    return UNIT_WORDS.get(unit, {}).get(lang, unit)


def effects_table(effects: Sequence[Effect], lang: str, weeks: int) -> pd.DataFrame:
    """The effects as people read them: one row per parameter, comparison and outcome.

    Args:
        effects: From :func:`simulatie.experiment.report_effects.effects`.
        lang: ``"nl"`` or ``"en"``.
        weeks: The runs' length (for the outcomes' labels).

    Returns:
        The table; shares in percent and their differences in percentage points.
    """
    head = _EFFECT_HEADERS[lang]
    rows = []
    for e in effects:
        o = e.outcome
        span = [" – ".join(dict.fromkeys(setting(e.parameter, v, lang) for v in s))
                for s in (e.start, e.end)]
        cells: list[Any] = [
            e.parameter, span[0], span[1], outcome_label(o, lang, weeks), _unit(o, lang),
            _scaled(e.at_start.mean, o), _scaled(e.at_end.mean, o), _scaled(e.difference.mean, o),
            _scaled(e.difference.low, o), _scaled(e.difference.high, o),
            _unit(o, lang, difference=True), e.difference.n, e.undefined,
            firmness_words(e, lang).rstrip("."),
        ]
        rows.append(dict(zip(head, cells, strict=True)))
    return pd.DataFrame(rows, columns=list(head))


def summary_table(summary: pd.DataFrame, varied: Sequence[str], weeks: int) -> pd.DataFrame:
    """``summary.csv`` in Dutch: labels, units and shares in percent.

    Args:
        summary: From :func:`simulatie.experiment.report.summarise`.
        varied: The varied parameters (columns of ``summary``).
        weeks: The runs' length (for the outcomes' labels).

    Returns:
        One row per design point and measure.
    """
    rows = []
    for _, row in summary.iterrows():
        measure = row["measure"]
        numbers = [_scaled(row[k], measure) for k in ("mean", "sd", "ci_low", "ci_high")]
        cells = [int(row["point"]), outcome_label(measure, "nl", weeks), _unit(measure, "nl"),
                 int(row["n"]), int(row["n_undefined"]), *numbers,
                 _YES_NO[0] if row.get("ci_clipped", False) else _YES_NO[1]]
        values = dict(zip(_SUMMARY_HEADERS, cells, strict=True))
        rows.append({_SUMMARY_HEADERS[0]: values.pop(_SUMMARY_HEADERS[0]),
                     **{name: row[name] for name in varied}, **values})
    return pd.DataFrame(rows)


def timeseries_table(results: SweepResults, lang: str) -> pd.DataFrame:
    """Per design point the mean of every kept metric per week, as a run's readable table.

    Args:
        results: The sweep's results.
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The design point, the varied parameters' values, then the columns of
        :func:`~simulatie.experiment.results.readable_table`.
    """
    metrics = list(results.experiment["timeseries"])
    parts = []
    for point, group in results.runs.groupby("point", sort=True):
        rows = results.runs.index.get_indexer(group.index)
        means = {m: results.timeseries(m)[rows].mean(axis=0) for m in metrics}
        weekly = pd.DataFrame({"week": range(len(next(iter(means.values())))), **means})
        table = readable_table(weekly, lang)
        table.insert(0, _POINT[lang], int(point))
        for offset, name in enumerate(results.varied, start=1):
            table.insert(offset, name, group[name].iloc[0])
        parts.append(table)
    return pd.concat(parts, ignore_index=True)


def write_readable_tables(results: SweepResults, effects: Sequence[Effect],
                          summary: pd.DataFrame, out: Path, lang: str) -> list[Path]:
    """Write the effects, the Dutch summary and the weekly means per design point.

    Args:
        results: The sweep's results.
        effects: What each parameter did to each outcome.
        summary: From :func:`simulatie.experiment.report.summarise`.
        out: The report's folder.
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The files written.
    """
    weeks = int(results.experiment["weeks"])
    written = [write_table(effects_table(effects, lang, weeks), out / EFFECTS_FILES[lang], lang)]
    if lang in SUMMARY_FILES:
        written.append(write_table(summary_table(summary, results.varied, weeks),
                                   out / SUMMARY_FILES[lang], lang))
    if results.experiment.get("timeseries"):
        written.append(write_table(timeseries_table(results, lang), out / CSV_FILES[lang],
                                   lang))
    return written
