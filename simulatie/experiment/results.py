"""Write one run's results to a folder, all or nothing, and read them back.

A run folder holds four files: ``timeseries.parquet`` (one row per week, a run file in the one
format of :mod:`simulatie.experiment.store`, so it carries the run's record too), ``metadata.json``
(the same record to read by eye: parameters, seed, versions, commit, timestamp, the per-run summary
and whatever the caller adds, such as the scenario name and overrides), ``figure.png`` and the same
table for a spreadsheet: ``tijdreeks.csv`` in Dutch (``;`` between columns, a decimal comma, Dutch
headers, as Dutch Excel opens it) or ``timeseries.csv`` in English; on request also the page for
the council (``raad.pdf`` and ``raad.html``, in English ``council.pdf`` and ``council.html``).
Everything is first written into a hidden temporary folder next to the target and then renamed into
place in one step, so a failure never leaves a half-written run folder behind.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from simulatie.core.calendar import WEEKS_PER_YEAR
from simulatie.core.observe.measures import BASELINE_PREFIX
from simulatie.experiment.council_files import council_files, write_run_page
from simulatie.experiment.store import read_run_file, to_jsonable, write_json, write_run_file
from simulatie.experiment.wording import check_lang, metric_unit, reader_label, unit_words

if TYPE_CHECKING:
    from simulatie.experiment.run import RunResult

__all__ = [
    "CSV_FILES",
    "FIGURE_FILE",
    "METADATA_FILE",
    "TIMESERIES_FILE",
    "OutputError",
    "check_output_dir",
    "read_run",
    "readable_table",
    "to_jsonable",
    "write_run",
]

TIMESERIES_FILE = "timeseries.parquet"
METADATA_FILE = "metadata.json"
FIGURE_FILE = "figure.png"
CSV_FILES = {"nl": "tijdreeks.csv", "en": "timeseries.csv"}
"""The time series for a spreadsheet, per language of the run's outputs."""

_CSV_TEXT = {
    "year": {"nl": "jaar", "en": "year"},
    "baseline": {"nl": "zonder project", "en": "with nothing organised"},
    "number": {"nl": "aantal", "en": "number"},
}
_COUNT_UNITS = ("ties", "people", "activities", "places")


class OutputError(ValueError):
    """A results folder that cannot be created, written or read, in one readable line."""


def _nearest_existing(path: Path) -> Path:
    """Return ``path`` or its closest ancestor that exists."""
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return Path(path.anchor or ".")  # pragma: no cover - the root always exists


def check_output_dir(out_dir: Path | str) -> Path:
    """Check, before any work is done, that a run folder can be created at ``out_dir``.

    The folder itself must not exist yet (or be empty); its closest existing ancestor must be a
    folder we can create entries in. The check really creates and removes a temporary folder
    there, so it also catches read-only file systems. Nothing is left behind.

    Args:
        out_dir: Where the run folder should go.

    Returns:
        The absolute path of the run folder.

    Raises:
        OutputError: If the folder exists and is not empty, or cannot be created.
    """
    target = Path(out_dir).expanduser().absolute()
    if target.exists():
        if not target.is_dir():
            raise OutputError(f"cannot write results to '{target}': it is a file")
        if any(target.iterdir()):
            raise OutputError(f"cannot write results to '{target}': the folder is not empty")
    ancestor = _nearest_existing(target.parent)
    if not ancestor.is_dir():
        raise OutputError(f"cannot create '{target}': '{ancestor}' is a file, not a folder")
    try:
        probe = tempfile.mkdtemp(prefix=".simulatie-probe-", dir=ancestor)
        os.rmdir(probe)
    except OSError as error:
        reason = error.strerror or str(error)
        raise OutputError(f"cannot write results to '{target}': {reason} in '{ancestor}'") from None
    return target


def _write_figure(
    timeseries: pd.DataFrame, metadata: Mapping[str, Any], path: Path, lang: str
) -> None:
    from simulatie.experiment.plotting import plot_run  # matplotlib only when a figure is wanted

    figure = plot_run(timeseries, lang=lang, metadata=metadata)
    figure.savefig(path, dpi=120)


def _readable_header(column: str, lang: str) -> tuple[str, bool]:
    """A column's header for readers, and whether its values are a share (shown in percent)."""
    name = column.removeprefix(BASELINE_PREFIX)
    label = reader_label(name, lang)
    if column != name:
        label += f", {_CSV_TEXT['baseline'][lang]}"
    if metric_unit(name) == "share":
        return f"{label} (%)", True
    count = metric_unit(name) in _COUNT_UNITS
    unit = _CSV_TEXT["number"][lang] if count else unit_words(name, lang)
    return (f"{label} ({unit})" if unit else label), False


def readable_table(timeseries: pd.DataFrame, lang: str = "nl") -> pd.DataFrame:
    """A run's weekly table as people read it: headers from the metric labels, shares in percent.

    Args:
        timeseries: The run's weekly table (``week``, metric columns, ``baseline_`` columns).
        lang: ``"nl"`` (Dutch headers, a ``jaar`` column) or ``"en"`` (a ``year`` column).

    Returns:
        A table with ``week``, the years since the start and one column per metric, each headed
        by its label and unit (``"Onvervulde zorgvraag (uur per week)"``); shares in percent.

    Raises:
        ValueError: If ``lang`` is not ``"nl"`` or ``"en"``.
    """
    check_lang(lang)
    columns: dict[str, Any] = {
        "week": timeseries["week"],
        _CSV_TEXT["year"][lang]: (timeseries["week"] / WEEKS_PER_YEAR).round(3),
    }
    for column in timeseries.columns:
        if column == "week":
            continue
        header, share = _readable_header(column, lang)
        columns[header] = timeseries[column] * 100 if share else timeseries[column]
    return pd.DataFrame(columns)


def _write_csv(timeseries: pd.DataFrame, path: Path, lang: str) -> None:
    """Write :func:`readable_table` as Dutch Excel (``;``, decimal comma) or English reads it."""
    readable_table(timeseries, lang).to_csv(
        path,
        index=False,
        sep=";" if lang == "nl" else ",",
        decimal="," if lang == "nl" else ".",
        float_format="%.6g",
        encoding="utf-8-sig",  # so that Excel reads the accents in the headers as UTF-8
    )


def write_run(
    result: RunResult,
    out_dir: Path | str,
    figure: bool = True,
    *,
    lang: str = "nl",
    extra_metadata: Mapping[str, Any] | None = None,
    council: bool = False,
) -> Path:
    """Write a run's time series (Parquet and CSV), metadata and figure into ``out_dir``.

    All at once: the files are written into a temporary folder next to ``out_dir`` (same parent,
    so the same file system) which is then renamed to ``out_dir``. On any failure the temporary
    folder is removed, as are parent folders this call created, and ``out_dir`` does not exist.

    Args:
        result: The run's results.
        out_dir: The run folder to create; it must not exist yet, or be empty.
        figure: Whether to draw ``figure.png``.
        lang: Language of the figure and the CSV table (:data:`CSV_FILES`), ``"nl"`` or ``"en"``.
        extra_metadata: Added to the run's metadata, e.g. the scenario name and overrides.
        council: Whether to add the one-page summary for the council, as PDF and HTML
            (:data:`simulatie.experiment.council_files.COUNCIL_FILES`).

    Returns:
        The absolute path of the written run folder.

    Raises:
        OutputError: If the folder cannot be created or a file cannot be written.
        ValueError: If ``lang`` is not ``"nl"`` or ``"en"``.
    """
    check_lang(lang)
    target = check_output_dir(out_dir)
    metadata = {**result.metadata, **(extra_metadata or {}), "summary": dict(result.summary)}
    csv_file, figure_file = CSV_FILES[lang], [FIGURE_FILE] if figure else []
    council_file = council_files(lang) if council else []
    metadata["files"] = [TIMESERIES_FILE, csv_file, METADATA_FILE, *figure_file, *council_file]

    missing = [p for p in (target.parent, *target.parent.parents) if not p.exists()]
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    except OSError as error:
        raise OutputError(f"cannot create '{target}': {error.strerror or error}") from None
    try:
        write_run_file(staging / TIMESERIES_FILE, result.timeseries, metadata)
        _write_csv(result.timeseries, staging / csv_file, lang)
        write_json(staging / METADATA_FILE, metadata)
        if figure:
            _write_figure(result.timeseries, metadata, staging / FIGURE_FILE, lang)
        if council:
            write_run_page(staging, result.timeseries, metadata, lang)
        staging.chmod(0o755)  # mkdtemp makes it private; a results folder is ordinary
        os.rename(staging, target)
    except BaseException as error:
        shutil.rmtree(staging, ignore_errors=True)
        for folder in missing:  # innermost first; only folders that are still empty
            try:
                folder.rmdir()
            except OSError:
                break
        if isinstance(error, OSError):
            raise OutputError(f"cannot write results to '{target}': {error}") from error
        raise
    return target


def read_run(run_dir: Path | str) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Read a run folder written by :func:`write_run`, with the one reader of run files.

    Args:
        run_dir: The run folder.

    Returns:
        The weekly time series and the metadata (with the summary under ``"summary"``; measures
        that were NaN come back as ``None``). A folder written before run files carried their
        record is read from its ``metadata.json``.

    Raises:
        OutputError: If the folder or one of its files is missing or unreadable.
    """
    folder = Path(run_dir)
    try:
        timeseries, metadata = read_run_file(folder / TIMESERIES_FILE)
        if not metadata:
            metadata = json.loads((folder / METADATA_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise OutputError(f"cannot read the run in '{folder}': {error}") from None
    return timeseries, metadata
