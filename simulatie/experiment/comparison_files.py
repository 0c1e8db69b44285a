"""Write a comparison of two policies into one folder, all or nothing.

The folder holds:

* ``samenvatting.csv`` (Dutch: ``;`` between fields, decimal comma, Dutch headers; opens as it
  should in a Dutch spreadsheet) or ``summary.csv`` (English: ``,`` and decimal point): per
  measure each arm's mean over the last year with its 95% interval, the paired difference B − A
  with its interval, and whether it is clear;
* ``timeseries.parquet``: every run's weekly table (columns ``arm``, ``replication``, ``seed``,
  ``week``, the metrics and the ``baseline_…`` columns), with the record of
  ``metadata.json`` in its schema metadata (read it with
  :func:`simulatie.experiment.store.read_run_file`);
* ``figure.png`` (:func:`simulatie.experiment.comparison_figure.plot_comparison`);
* ``metadata.json``: both arms' scenarios and parameters, the settings that differ, the master
  seed and every replication's seed, the summary, versions, commit, time and host;
* on request, the page for the council: ``raad.pdf`` and ``raad.html`` (English:
  ``council.pdf``, ``council.html``; :mod:`simulatie.experiment.council_comparison`).

The folder is filled beside its place and renamed into it (:func:`~.store.write_folder`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from simulatie.experiment.comparison import ARMS, Comparison
from simulatie.experiment.comparison_words import measure_label, unit
from simulatie.experiment.council_files import council_files, write_comparison_page
from simulatie.experiment.provenance import environment
from simulatie.experiment.store import run_table, write_folder, write_json, write_parquet

__all__ = ["FIGURE_FILE", "METADATA_FILE", "SUMMARY_FILES", "TIMESERIES_FILE", "metadata",
           "summary_table",
           "write_comparison"]

SUMMARY_FILES = {"nl": "samenvatting.csv", "en": "summary.csv"}
TIMESERIES_FILE = "timeseries.parquet"
FIGURE_FILE = "figure.png"
METADATA_FILE = "metadata.json"

_HEADERS = {
    "nl": ("maat", "uitkomst", "eenheid", "{arm} gemiddelde", "{arm} 95% ondergrens",
           "{arm} 95% bovengrens", "verschil B - A", "verschil 95% ondergrens",
           "verschil 95% bovengrens", "eenheid verschil", "duidelijk verschil", "herhalingen"),
    "en": ("measure", "label", "unit", "{arm} mean", "{arm} 95% low", "{arm} 95% high",
           "difference B - A", "difference 95% low", "difference 95% high", "difference unit",
           "clear difference", "replications"),
}
_YES_NO = {"nl": ("ja", "nee"), "en": ("yes", "no")}
_POINTS = {"nl": "procentpunt", "en": "percentage points"}


def summary_table(comparison: Comparison, lang: str = "nl") -> pd.DataFrame:
    """The summary with headers, labels and units in ``lang`` (shares in %, differences in pp).

    Args:
        comparison: From :func:`simulatie.experiment.comparison.compare`.
        lang: ``"nl"`` or ``"en"``.

    Returns:
        One row per measure, numbers rounded to four decimals.
    """
    head = _HEADERS[lang]
    yes, no = _YES_NO[lang]
    rows = []
    for _, row in comparison.summary.iterrows():
        measure = row["measure"]
        units = [unit(measure, lang, difference) for difference in (False, True)]
        units = [_POINTS[lang] if shown == "pp" else shown for shown in units]
        values: dict[str, Any] = {head[0]: measure, head[1]: measure_label(measure, lang),
                                  head[2]: units[0]}
        for arm in ARMS:
            for header, key in zip(head[3:6], ("mean", "low", "high"), strict=True):
                values[header.format(arm=arm)] = row[f"{key}_{arm.lower()}"]
        values |= {head[6]: row["difference"], head[7]: row["difference_low"],
                   head[8]: row["difference_high"], head[9]: units[1],
                   head[10]: yes if row["clear"] else no, head[11]: int(row["n"])}
        rows.append(values)
    return pd.DataFrame(rows).round(4)


def _write_summary(table: pd.DataFrame, path: Path, lang: str) -> None:
    if lang == "nl":  # what a Dutch spreadsheet expects; the byte-order mark tells it UTF-8
        table.to_csv(path, sep=";", decimal=",", index=False, encoding="utf-8-sig")
    else:
        table.to_csv(path, index=False)


def metadata(comparison: Comparison, extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The record of a comparison: arms, parameters, differences, seeds, summary, versions.

    Args:
        comparison: The comparison.
        extra: Added first, e.g. the command line.

    Returns:
        A JSON-friendly record.
    """
    arms = {key: {"name": arm.name, "overrides": dict(arm.overrides), "scenario": dict(arm.record),
                  "parameters": arm.values()}
            for key, arm in zip(ARMS, comparison.arms, strict=True)}
    first, last = comparison.last_year
    return {
        **(extra or {}),
        "arms": arms,
        "differing": {name: {"A": a, "B": b} for name, (a, b) in comparison.differing().items()},
        "replications": comparison.replications,
        "weeks": comparison.weeks,
        "master_seed": comparison.seed,
        "seeds": list(comparison.seeds),
        "common_random_numbers": True,
        "summarised_weeks": [first, last],
        "summary": comparison.summary.to_dict(orient="records"),
        **environment(),
    }


def write_comparison(comparison: Comparison, out_dir: Path | str, lang: str = "nl", *,
                     extra_metadata: Mapping[str, Any] | None = None,
                     council: bool = False) -> Path:
    """Write the summary, weekly tables, figure and metadata into ``out_dir``, all or nothing.

    Args:
        comparison: The comparison.
        out_dir: The folder to create; it must not exist yet, or be empty.
        lang: Language of the summary's form and of the figure.
        extra_metadata: Added to ``metadata.json``, e.g. the command line.
        council: Whether to add the one-page summary for the council, as PDF and HTML.

    Returns:
        The absolute path of the written folder.

    Raises:
        OSError: If the folder cannot be written (nothing is left behind).
    """
    from simulatie.experiment.comparison_figure import plot_comparison  # matplotlib only here

    record = metadata(comparison, extra_metadata)
    record["files"] = [SUMMARY_FILES[lang], TIMESERIES_FILE, FIGURE_FILE, METADATA_FILE,
                       *(council_files(lang) if council else [])]

    def fill(folder: Path) -> None:
        _write_summary(summary_table(comparison, lang), folder / SUMMARY_FILES[lang], lang)
        write_parquet(folder / TIMESERIES_FILE, run_table(comparison.weekly, record))
        plot_comparison(comparison, lang).savefig(folder / FIGURE_FILE, dpi=120)
        write_json(folder / METADATA_FILE, record)
        if council:
            write_comparison_page(folder, comparison, lang, made=record["timestamp"])

    return write_folder(Path(out_dir), fill)
