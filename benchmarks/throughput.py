"""Work that many runs share: a myth answered, sweeps per minute, and the dashboard's step.

:func:`measure_myth` answers one myth cold on worker processes; :func:`measure_sweep` times a
plain process pool over :func:`simulatie.experiment.run.run` and :func:`measure_sweep_runner`
the project's sweep runner, both in runs per minute; :func:`measure_dashboard` times one week
plus the dashboard's redraw. Used by :mod:`benchmarks.suite`.
"""

from __future__ import annotations

import importlib.util
import math
import resource
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from simulatie.experiment.run import run

from .model_timing import cache_off

__all__ = ["SWEEP_EXPERIMENT", "measure_dashboard", "measure_myth", "measure_sweep",
           "measure_sweep_runner", "sweep_runner_available"]


def measure_myth(replications: int = 50, workers: int = 2, number: int = 1) -> dict[str, Any]:
    """Seconds to answer one myth with ``replications`` per arm on ``workers`` processes, cold.

    The myth's own scale (150 residents, five years) with the disk cache off, so every spin-up
    and run is computed; both the default answer and the counter-assumption's.
    """
    from simulatie.workshop.myths import Scale, load_myth, run_myth

    with cache_off():  # the workers inherit it
        myth = load_myth(number, scale=Scale(replications=replications))
        started = time.perf_counter()
        run_myth(myth, workers=workers)
        seconds = time.perf_counter() - started
    return {"myth": number, "replications": replications, "workers": workers,
            "runs": 4 * replications, "seconds": seconds}


def _sweep_task(seed: int, steps: int) -> int:
    """One short default run in a worker; returns its row count so the result crosses back."""
    return len(run(None, seed=seed, steps=steps).timeseries)


def measure_sweep(workers: int, runs: int, steps: int) -> dict[str, Any]:
    """Runs per minute of a sweep of short default runs over ``workers`` processes.

    The pool's start-up is included, as a user of a sweep would wait for it too. The workers'
    CPU time is recorded as well: a ``cpu_utilisation`` well below 1 means the workers waited
    for a core (another process had it), not that the model scales badly.
    """
    cpu_before = _children_cpu()
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        rows = list(pool.map(_sweep_task, range(runs), [steps] * runs))
    seconds = time.perf_counter() - started
    cpu = _children_cpu() - cpu_before
    if rows != [steps + 1] * runs:
        raise RuntimeError(f"sweep runs returned unexpected row counts: {rows}")
    return {"workers": workers, "runs": runs, "steps": steps, "seconds": seconds,
            "runs_per_minute": runs / seconds * 60, "worker_cpu_seconds": cpu,
            "cpu_utilisation": cpu / (seconds * workers)}


SWEEP_EXPERIMENT = """
title = "Benchmark sweep"
scenario = "default"
weeks = {weeks}
replications = {runs}
seed = 1
timeseries = ["caring_ties"]

[vary]
takeover = [0.3]
"""


def sweep_runner_available() -> bool:
    """Whether the project's sweep runner (:mod:`simulatie.experiment.sweep`) exists."""
    return importlib.util.find_spec("simulatie.experiment.sweep") is not None


def measure_sweep_runner(workers: int, runs: int, steps: int) -> dict[str, Any]:
    """Runs per minute through the project's sweep runner,
    :func:`simulatie.experiment.sweep.run_sweep`.

    One design point of the default scenario with ``runs`` replications of ``steps`` weeks,
    written into a temporary folder. ``workers=1`` runs serially in this process; more workers
    start a local Dask cluster, whose start-up is included (a user waits for it too).
    """
    from simulatie.experiment.experiments import load_experiment
    from simulatie.experiment.sweep import run_sweep

    with tempfile.TemporaryDirectory(prefix="simulatie-bench-") as folder:
        path = Path(folder) / "bench.toml"
        path.write_text(SWEEP_EXPERIMENT.format(weeks=steps, runs=runs))
        experiment = load_experiment(path)
        finished: list[float] = []
        started = time.perf_counter()
        report = run_sweep(experiment, Path(folder) / "out", workers=workers,
                           on_outcome=lambda _: finished.append(time.perf_counter()))
        seconds = time.perf_counter() - started
    if report.done != runs or report.failed:
        raise RuntimeError(f"sweep runner finished {report.done} of {runs} runs: {report}")
    steady = (len(finished) - 1) / (finished[-1] - finished[0]) * 60 if runs > 2 else math.nan
    return {"runner": "simulatie.experiment.sweep.run_sweep", "workers": workers, "runs": runs,
            "steps": steps, "seconds": seconds, "runs_per_minute": runs / seconds * 60,
            "first_result_seconds": finished[0] - started,
            "steady_runs_per_minute": steady}


def _children_cpu() -> float:
    """CPU seconds used by finished child processes (the pool's workers, once shut down)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure_dashboard(repeats: int = 20) -> dict[str, Any] | None:
    """Median seconds for one week plus redrawing the dashboard's map and time series.

    Returns ``None`` when the dashboard's packages (the ``dashboard`` extra) are not installed.
    """
    try:
        from simulatie.dashboard.app import step_and_draw_seconds
    except ImportError:
        return None
    seconds = step_and_draw_seconds(repeats=repeats)
    return {"step_redraw_seconds": seconds, "repeats": repeats}

