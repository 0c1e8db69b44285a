"""A sweep's results folder, read back: the experiment, its manifest and each finished run.

:func:`load_results` reads what :mod:`simulatie.experiment.sweep` wrote (``experiment.json``, the
manifest and ``runs/*.parquet``) into a :class:`SweepResults`, which the report, its words and
tables (:mod:`.report`, :mod:`.report_words`, :mod:`.report_files`, :mod:`.report_effects`) and
scenario discovery read. It reads results and never imports the model.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from simulatie.experiment.sweep import EXPERIMENT_FILE, MANIFEST_FILE, RUNS_DIR, read_run_file

__all__ = ["KEY_MEASURES", "ReportError", "SweepResults", "load_results"]

KEY_MEASURES = ("emergence_week", "half_excess_week", "caring_excess_final", "half_life_weeks",
                "caring_peak", "caring_peak_week")
"""Per-run measures of emergence and decay, summarised before the final metric values."""


class ReportError(ValueError):
    """A results folder that cannot be analysed, in one line."""


@dataclass
class SweepResults:
    """A sweep's results, read back.

    Attributes:
        folder: The results folder.
        experiment: The experiment record (``experiment.json``).
        manifest: One row per planned run.
        runs: One row per finished run: the manifest's columns plus every summary measure.
        failed: Identifiers of runs that failed and have no result.
    """

    folder: Path
    experiment: dict[str, Any]
    manifest: pd.DataFrame
    runs: pd.DataFrame
    failed: list[str] = field(default_factory=list)
    _tables: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)

    @property
    def varied(self) -> list[str]:
        """The varied parameters."""
        return list(self.experiment["varied"])

    @property
    def measures(self) -> list[str]:
        """The summary measures: emergence and decay first, then final metric values."""
        finals = [c for c in self.runs.columns if c.startswith("final_")]
        return [m for m in KEY_MEASURES if m in self.runs.columns] + finals

    def timeseries(self, metric: str) -> np.ndarray:
        """One metric per week for every finished run, rows in the order of :attr:`runs`.

        Each run file is read once, the first time any metric is asked for.
        """
        rows = []
        for run_id in self.runs["run_id"]:
            if run_id not in self._tables:
                table, _ = read_run_file(self.folder / RUNS_DIR / f"{run_id}.parquet")
                self._tables[run_id] = table
            rows.append(self._tables[run_id][metric].to_numpy(dtype=float))
        return np.vstack(rows) if rows else np.empty((0, 0))


def load_results(folder: Path | str) -> SweepResults:
    """Read a sweep's results folder.

    Args:
        folder: The folder a sweep wrote into.

    Returns:
        The experiment record, manifest and one row per finished run.

    Raises:
        ReportError: If the folder is not a sweep's results folder or nothing finished.
    """
    folder = Path(folder).expanduser()
    record = folder / EXPERIMENT_FILE
    if not record.is_file() or not (folder / MANIFEST_FILE).is_file():
        raise ReportError(
            f"'{folder}' is not a sweep's results folder (no {EXPERIMENT_FILE} and "
            f"{MANIFEST_FILE}); run 'simulatie sweep' first"
        )
    try:
        experiment = json.loads(record.read_text(encoding="utf-8"))
        manifest = pd.read_parquet(folder / MANIFEST_FILE)
    except (OSError, ValueError) as error:
        raise ReportError(f"cannot read the results in '{folder}': {error}") from None
    summaries = []
    failed = []
    for run_id in manifest["run_id"]:
        path = folder / RUNS_DIR / f"{run_id}.parquet"
        if path.is_file():
            try:
                _, info = read_run_file(path)
            except (OSError, ValueError) as error:
                raise ReportError(f"cannot read '{path}': {error}") from None
            summaries.append({"run_id": run_id, **(info.get("summary") or {})})
        elif (folder / RUNS_DIR / f"{run_id}.failed.json").is_file():
            failed.append(run_id)
    if not summaries:
        raise ReportError(f"'{folder}' holds no finished runs yet")
    table = pd.DataFrame.from_records(summaries)
    measures = [c for c in table.columns if c != "run_id"]
    table[measures] = table[measures].astype(float)  # None (NaN in JSON) becomes NaN
    runs = manifest.merge(table, on="run_id", how="inner")
    return SweepResults(folder, experiment, manifest, runs, failed)
