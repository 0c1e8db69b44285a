"""The worker side of a sweep: one run, in whatever process or machine runs it.

:func:`execute_run` is the plain function shipped to the workers (local processes or Dask). It
runs the model once through :func:`simulatie.experiment.run.run` and returns the run's kept
metrics and summary instead of writing them, so workers need no shared file system: the process
that started the sweep writes every file. A run that raises becomes a failed outcome with its
traceback. After every run it clears Mesa's global neighbourhood cache
(:func:`clear_neighbourhood_cache`), which otherwise keeps the last model alive, and collects
the run's reference cycles, so a worker's memory does not grow run after run. After the first
run the objects still alive (the imported libraries, the compiled kernels, the kept spin-up) are
frozen out of later collections (:func:`gc.freeze`): a collection then looks at one run's
objects only, about 1 ms instead of 70–80 ms among the 190,000 objects of the libraries, which
was a tenth of a myth's run at 150 residents. What the first run left in the caches is kept for
the worker's life even when the cache lets it go: one spin-up and one baseline at most.
"""

from __future__ import annotations

import gc
import os
import socket
import time
import traceback
from dataclasses import dataclass

import pandas as pd

from simulatie.core.parameters import Parameters

__all__ = ["SUMMARY_METRICS", "RunOutcome", "RunTask", "clear_neighbourhood_cache", "execute_run"]


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


def clear_neighbourhood_cache() -> None:
    """Clear Mesa's global cache of cell neighbourhoods, which keeps the last model alive."""
    from mesa.discrete_space.cell import Cell

    for name in ("get_neighborhood", "_neighborhood"):
        method = getattr(Cell, name, None)
        if hasattr(method, "cache_clear"):
            method.cache_clear()


_frozen: list[bool] = []
"""Whether this process has frozen its long-lived objects out of the collector (after its first
run)."""

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
        if not _frozen:
            gc.freeze()
            _frozen.append(True)
    return RunOutcome(
        run_id=task.run_id,
        timeseries=timeseries,
        summary=summary,
        seconds=time.perf_counter() - started,
        host=host,
    )


