"""Run every run of an experiment — serially, on local processes or on a Dask cluster — resumably.

A sweep writes into one output folder and never outside it::

    OUT/
      experiment.toml      copy of the experiment file, as run
      experiment.json      the resolved experiment, base parameters, fingerprint, versions
      manifest.parquet     one row per run: run_id, point, replication, seed, varied values
      runs/<run_id>.parquet          kept metrics per week; the run's summary in its metadata
      runs/<run_id>.failed.json      error and traceback of a run that raised

The manifest is written before the first run starts. Each run's file is written to a temporary
name and renamed into place (:func:`os.replace`), so a run file exists only when it is complete;
that is what makes a sweep resumable: running the same experiment into the same folder again
skips the runs whose file exists and runs the rest (failed runs are tried again). A folder that
holds another experiment, or the same file with other settings, is refused.

Runs execute through :func:`simulatie.experiment.worker.execute_run`, a plain function shipped to
the workers, which returns the run's table and summary instead of writing them: the process that
started the sweep writes every file. Where the workers are is :mod:`simulatie.experiment.executors`'
business: this process, local worker processes forked from a fresh forkserver
(:func:`simulatie.experiment.processes.process_pool`), or a Dask cluster when the caller names its
scheduler.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa

from simulatie.experiment.executors import (
    SweepError,
    open_client,
    run_locally,
    run_on_dask,
    run_serially,
)
from simulatie.experiment.experiments import Experiment, RunSpec
from simulatie.experiment.provenance import environment
from simulatie.experiment.store import (
    read_run_file,
    write_json,
    write_parquet,
    write_run_file,
    write_text,
)
from simulatie.experiment.worker import RunOutcome, RunTask, clear_neighbourhood_cache, execute_run

__all__ = [
    "EXPERIMENT_COPY",
    "EXPERIMENT_FILE",
    "MANIFEST_FILE",
    "RUNS_DIR",
    "RunOutcome",
    "RunTask",
    "SweepError",
    "SweepReport",
    "clear_neighbourhood_cache",
    "execute_run",
    "read_run_file",
    "run_sweep",
]

EXPERIMENT_COPY = "experiment.toml"
EXPERIMENT_FILE = "experiment.json"
MANIFEST_FILE = "manifest.parquet"
RUNS_DIR = "runs"


@dataclass
class SweepReport:
    """The result of :func:`run_sweep`.

    Attributes:
        out_dir: The output folder.
        total: Runs in the experiment.
        skipped: Runs already finished before this call.
        done: Runs finished by this call.
        failed: Identifiers of runs that failed in this call.
        seconds: Wall time of this call.
    """

    out_dir: Path
    total: int
    skipped: int = 0
    done: int = 0
    failed: list[str] = field(default_factory=list)
    seconds: float = 0.0


# --- Files -------------------------------------------------------------------------------------


def _inside(root: Path, path: Path) -> Path:
    """Return ``path`` after checking that it lies inside ``root``."""
    resolved = path.resolve()
    if not resolved.is_relative_to(root.resolve()):
        raise SweepError(f"refusing to write '{path}': it is outside the output folder '{root}'")
    return path


def _record_of(outcome: RunOutcome, spec: RunSpec) -> dict[str, Any]:
    return {
        "run_id": spec.run_id,
        "point": spec.point,
        "replication": spec.replication,
        "seed": spec.seed,
        "seconds": round(outcome.seconds, 3),
        "host": outcome.host,
        "summary": outcome.summary,
    }


@dataclass(frozen=True)
class _Plan:
    out_dir: Path
    runs_dir: Path
    specs: list[RunSpec]
    done: set[str]


def _prepare(experiment: Experiment, out_dir: Path) -> _Plan:
    """Create or reopen the output folder, write the manifest, and find finished runs."""
    out_dir = Path(out_dir).expanduser().absolute()
    if out_dir.exists() and not out_dir.is_dir():
        raise SweepError(f"cannot write results to '{out_dir}': it is a file")
    record_path = out_dir / EXPERIMENT_FILE
    fingerprint = experiment.fingerprint()
    if record_path.is_file():
        try:
            previous = json.loads(record_path.read_text(encoding="utf-8")).get("fingerprint")
        except (OSError, ValueError) as error:
            raise SweepError(f"cannot read '{record_path}': {error}") from None
        if previous != fingerprint:
            raise SweepError(
                f"'{out_dir}' holds the results of a different experiment (or the same file with "
                "other values); choose another --out, or remove that folder to start again"
            )
    elif out_dir.exists() and any(out_dir.iterdir()):
        raise SweepError(f"cannot write results to '{out_dir}': the folder is not empty")
    specs = experiment.runs()
    runs_dir = out_dir / RUNS_DIR
    try:
        runs_dir.mkdir(parents=True, exist_ok=True)
        if not record_path.is_file():
            write_text(_inside(out_dir, out_dir / EXPERIMENT_COPY), experiment.text)
            manifest = pa.Table.from_pandas(experiment.manifest(), preserve_index=False)
            write_parquet(_inside(out_dir, out_dir / MANIFEST_FILE), manifest)
            write_json(record_path, {**experiment.describe(), **environment()})
        for stale in runs_dir.glob(".*.tmp"):  # left by a sweep that was killed mid-write
            stale.unlink(missing_ok=True)
    except OSError as error:
        raise SweepError(f"cannot write results to '{out_dir}': {error}") from None
    done = {spec.run_id for spec in specs if (runs_dir / f"{spec.run_id}.parquet").is_file()}
    return _Plan(out_dir=out_dir, runs_dir=runs_dir, specs=specs, done=done)


def _record(plan: _Plan, spec: RunSpec, outcome: RunOutcome, varied: Iterable[str]) -> None:
    """Write a finished run's file, or a failed run's error report."""
    failed_path = _inside(plan.out_dir, plan.runs_dir / f"{spec.run_id}.failed.json")
    if outcome.ok:
        path = _inside(plan.out_dir, plan.runs_dir / f"{spec.run_id}.parquet")
        write_run_file(path, outcome.timeseries, _record_of(outcome, spec))
        failed_path.unlink(missing_ok=True)
        return
    values = spec.parameters.model_dump(mode="json")
    write_json(
        failed_path,
        {
            "run_id": spec.run_id,
            "point": spec.point,
            "replication": spec.replication,
            "seed": spec.seed,
            "varied": {name: values[name] for name in varied},
            "error": outcome.error,
            "traceback": outcome.traceback,
            "host": outcome.host,
            "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
        },
    )


# --- Running -----------------------------------------------------------------------------------


def run_sweep(
    experiment: Experiment,
    out_dir: Path | str,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    on_start: Callable[[int, int], None] | None = None,
    on_outcome: Callable[[RunOutcome], None] | None = None,
) -> SweepReport:
    """Run every unfinished run of an experiment and write its results into ``out_dir``.

    Args:
        experiment: The loaded experiment.
        out_dir: The output folder; an existing folder of the same experiment is resumed.
        workers: ``1`` runs serially in this process. Otherwise the number of local worker
            processes (default: one per core). Ignored with ``scheduler``.
        scheduler: Address (``tcp://host:port``) or scheduler file of a running Dask cluster.
        on_start: Called once with the number of runs and the number already finished.
        on_outcome: Called after each run's result or failure has been written.

    Returns:
        The counts of runs skipped, done and failed.

    Raises:
        SweepError: If the output folder cannot be used or the scheduler cannot be reached.
    """
    started = time.perf_counter()
    plan = _prepare(experiment, Path(out_dir))
    report = SweepReport(out_dir=plan.out_dir, total=len(plan.specs), skipped=len(plan.done))
    if on_start is not None:
        on_start(report.total, report.skipped)
    by_id = {spec.run_id: spec for spec in plan.specs}
    tasks = [
        RunTask(spec.run_id, spec.seed, experiment.weeks, experiment.timeseries, spec.parameters,
                experiment.baseline)
        for spec in plan.specs
        if spec.run_id not in plan.done
    ]
    with _executed(tasks, workers, scheduler) as outcomes:
        for outcome in outcomes:
            try:
                _record(plan, by_id[outcome.run_id], outcome, experiment.varied)
            except OSError as error:
                raise SweepError(f"cannot write the results of {outcome.run_id}: {error}") from None
            if outcome.ok:
                report.done += 1
            else:
                report.failed.append(outcome.run_id)
            if on_outcome is not None:
                on_outcome(outcome)
    report.seconds = time.perf_counter() - started
    return report


@contextmanager
def _executed(tasks: list[RunTask], workers: int | None, scheduler: str | None
              ) -> Iterator[Iterator[RunOutcome]]:
    """The outcomes of the tasks from the chosen executor; its workers end when the block does."""
    client = None
    outcomes: Iterator[RunOutcome] = iter(())
    try:
        if tasks and scheduler is not None:
            client = open_client(scheduler)
            outcomes = run_on_dask(client, tasks)
        elif tasks and workers == 1:
            outcomes = run_serially(tasks)
        elif tasks:
            outcomes = run_locally(min(workers or os.cpu_count() or 1, len(tasks)), tasks)
        yield outcomes
    finally:
        close = getattr(outcomes, "close", None)
        if close is not None:  # stops the local workers when the loop was interrupted
            close()
        if client is not None:
            client.close()
