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

Runs execute through :func:`execute_run`, a plain function shipped to the workers. On one
machine the workers come from :func:`simulatie.experiment.processes.process_pool` (forked from a
fresh forkserver that has already imported ``simulatie``: start-up well under a second, and no fork
of a threaded parent); a Dask cluster is used when the caller names its scheduler.
``execute_run`` returns the run's table and summary instead of writing them, so workers need no
shared file system: the process that started the sweep writes every file. After every run it
clears Mesa's global neighbourhood cache (:func:`clear_neighbourhood_cache`), which otherwise
keeps the last model alive, so a worker's memory does not grow run after run.
"""

from __future__ import annotations

import gc
import json
import os
import socket
import time
import traceback
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import pyarrow as pa

from simulatie.core.parameters import Parameters
from simulatie.experiment.experiments import Experiment, RunSpec
from simulatie.experiment.processes import process_pool
from simulatie.experiment.provenance import environment
from simulatie.experiment.stopping import stop_pool
from simulatie.experiment.store import (
    read_run_file,
    write_json,
    write_parquet,
    write_run_file,
    write_text,
)

if TYPE_CHECKING:
    from distributed import Client

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
RETRIES = 2
"""How often a run whose worker died is tried again (local pool or Dask); one that raises is not."""
CONNECT_TIMEOUT = 10
"""Seconds to wait for an existing Dask scheduler to answer."""


class SweepError(RuntimeError):
    """A sweep that cannot start or continue, explained in one line."""


@dataclass(frozen=True)
class RunTask:
    """Everything a worker needs for one run.

    Attributes:
        run_id: The run's identifier.
        seed: The model's seed.
        weeks: Weeks to simulate.
        keep: Metrics to keep every week.
        parameters: The run's validated parameters.
        baseline: Whether to run the matched baseline arm too.
    """

    run_id: str
    seed: int
    weeks: int
    keep: tuple[str, ...]
    parameters: Parameters
    baseline: bool = True


@dataclass(frozen=True)
class RunOutcome:
    """What came back from one run.

    Attributes:
        run_id: The run's identifier.
        timeseries: ``week`` plus the kept metrics, or ``None`` if the run failed.
        summary: The run's measures (``emergence_week``, ``final_<metric>``, …), or ``None``.
        error: One line describing the failure, or ``None``.
        traceback: The full traceback of the failure, or ``None``.
        seconds: Wall time of the run.
        host: Host and process that ran it.
    """

    run_id: str
    timeseries: pd.DataFrame | None = None
    summary: dict[str, float] | None = None
    error: str | None = None
    traceback: str | None = None
    seconds: float = 0.0
    host: str = ""

    @property
    def ok(self) -> bool:
        """Whether the run finished."""
        return self.error is None


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


# --- The worker side -------------------------------------------------------------------------


def clear_neighbourhood_cache() -> None:
    """Clear Mesa's global cache of cell neighbourhoods, which keeps the last model alive."""
    from mesa.discrete_space.cell import Cell

    for name in ("get_neighborhood", "_neighborhood"):
        method = getattr(Cell, name, None)
        if hasattr(method, "cache_clear"):
            method.cache_clear()


SUMMARY_METRICS = ("caring_ties", "share_with_caring_tie", "lonely_share", "care_hours_unmet")
"""Metrics every sweep run records for its summary, besides the ones the experiment keeps."""


def _simulate(task: RunTask) -> tuple[pd.DataFrame, dict[str, float]]:
    """Run the model once and keep the requested metrics (tests replace this to inject faults)."""
    from simulatie.experiment.run import run  # imports the model and Mesa, on the worker

    recorded = dict.fromkeys([*task.keep, *SUMMARY_METRICS])
    result = run(task.parameters, seed=task.seed, steps=task.weeks, metrics=recorded,
                 baseline=task.baseline)
    timeseries = result.timeseries[["week", *task.keep]].copy()
    return timeseries, dict(result.summary)


def execute_run(task: RunTask) -> RunOutcome:
    """Run one simulation; an exception becomes a failed outcome with its traceback.

    This is the function a Dask worker runs. It never raises for a failing model run (a run
    that raises would raise again, so it is not worth a retry); Dask retries only runs whose
    worker died.

    Args:
        task: The run to make.

    Returns:
        The run's kept metrics and summary, or the error and traceback.
    """
    host = f"{socket.gethostname()}:{os.getpid()}"
    started = time.perf_counter()
    try:
        timeseries, summary = _simulate(task)
    except Exception as error:  # every failure is recorded and the sweep goes on
        message = " ".join(f"{type(error).__name__}: {error}".split())
        return RunOutcome(
            run_id=task.run_id,
            error=message,
            traceback=traceback.format_exc(),
            seconds=time.perf_counter() - started,
            host=host,
        )
    finally:
        clear_neighbourhood_cache()
        gc.collect()
    return RunOutcome(
        run_id=task.run_id,
        timeseries=timeseries,
        summary=summary,
        seconds=time.perf_counter() - started,
        host=host,
    )


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


def _serial(tasks: Iterable[RunTask]) -> Iterator[RunOutcome]:
    for task in tasks:
        yield execute_run(task)


def _local(
    workers: int, tasks: list[RunTask], execute: Callable[[RunTask], RunOutcome] = execute_run
) -> Iterator[RunOutcome]:
    """Run tasks in local worker processes, a bounded number at a time, yielding as they finish.

    Workers come from :func:`~simulatie.experiment.processes.process_pool` (fast start, safe in a
    threaded parent). If a worker dies (killed, out of memory), the whole pool breaks and every run
    in flight is lost, so the runs that were in flight become *suspects*: they are run again one at
    a time, where a death points at its run. That run is tried at most ``RETRIES`` more times and
    then recorded as failed; the other suspects simply finish, and the sweep goes on in parallel.

    Args:
        workers: Worker processes.
        tasks: The runs to do.
        execute: What a worker does with one task (a module-level function).
    """
    pending = deque(tasks)
    suspects: deque[RunTask] = deque()
    attempts: dict[str, int] = {}
    while pending or suspects:
        isolating = bool(suspects)
        queue = suspects if isolating else pending
        window = 1 if isolating else max(8, 4 * workers)  # keeps every worker busy
        pool = process_pool(1 if isolating else workers)
        running: dict[Future, RunTask] = {}
        broken = False
        try:
            while (queue or running) and not broken:
                while queue and len(running) < window:
                    task = queue.popleft()
                    running[pool.submit(execute, task)] = task
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    task = running.pop(future)
                    try:
                        outcome = future.result()
                    except BrokenProcessPool as error:
                        broken = True
                        if isolating:  # alone in the pool: this run killed its worker
                            yield from _retry_or_fail(task, error, attempts, suspects)
                        else:
                            suspects.append(task)
                    else:
                        yield outcome
        except BaseException:  # asked to stop (or the consumer failed): end the workers now
            stop_pool(pool)
            raise
        pool.shutdown(wait=True)
        suspects.extend(running.values())  # lost with a broken pool (none otherwise)


def _retry_or_fail(task: RunTask, error: BaseException, attempts: dict[str, int],
                   queue: deque[RunTask]) -> Iterator[RunOutcome]:
    """Queue a run that killed its worker for another try, or record it as failed after RETRIES."""
    attempts[task.run_id] = attempts.get(task.run_id, 0) + 1
    if attempts[task.run_id] <= RETRIES:
        queue.appendleft(task)
        return
    yield RunOutcome(run_id=task.run_id,
                     error=" ".join(f"{type(error).__name__}: {error}".split()),
                     traceback="".join(traceback.format_exception(error)))


def _open_client(scheduler: str) -> Client:
    """Connect to a running Dask scheduler (address or scheduler file)."""
    from distributed import Client

    try:
        file = Path(scheduler).expanduser()
        if file.is_file():
            return Client(scheduler_file=str(file), timeout=CONNECT_TIMEOUT)
        return Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as error:
        message = " ".join(str(error).split())
        raise SweepError(f"cannot reach the Dask scheduler at '{scheduler}': {message}") from None


def _distributed(client: Client, tasks: list[RunTask]) -> Iterator[RunOutcome]:
    """Submit runs as Dask tasks, a bounded number at a time, and yield them as they finish."""
    from distributed import as_completed

    threads = sum(client.nthreads().values()) or 1
    window = max(8, 4 * threads)  # enough to keep every worker busy, few results held at once
    pending = iter(tasks)
    running: dict[Any, str] = {}
    completed = as_completed()

    def submit_next() -> None:
        task = next(pending, None)
        if task is None:
            return
        future = client.submit(
            execute_run,
            task,
            key=f"simulatie-run-{task.run_id}-{uuid.uuid4().hex[:8]}",
            pure=False,
            retries=RETRIES,
        )
        running[future.key] = task.run_id
        completed.add(future)

    for _ in range(window):
        submit_next()
    for future in completed:
        run_id = running.pop(future.key)
        if future.status == "finished":
            yield future.result()
        else:  # the worker died RETRIES + 1 times, or the task was lost
            error = future.exception()
            yield RunOutcome(
                run_id=run_id,
                error=" ".join(f"{type(error).__name__}: {error}".split()),
                traceback="".join(traceback.format_exception(error)),
            )
        future.release()
        submit_next()


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
    client = None
    outcomes: Iterator[RunOutcome] = iter(())
    try:
        if tasks and scheduler is not None:
            client = _open_client(scheduler)
            outcomes = _distributed(client, tasks)
        elif tasks and workers == 1:
            outcomes = _serial(tasks)
        elif tasks:
            outcomes = _local(min(workers or os.cpu_count() or 1, len(tasks)), tasks)
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
    finally:
        close = getattr(outcomes, "close", None)
        if close is not None:  # stops the local workers when the loop above was interrupted
            close()
        if client is not None:
            client.close()
    report.seconds = time.perf_counter() - started
    return report
