"""Work that many runs share: a myth answered, sweeps per minute, and the dashboard's step.

:func:`measure_myth` answers one myth cold on worker processes; :func:`measure_particle` times
one calibration particle (:class:`simulatie.experiment.calibration.abc.Simulator`) and what a
thousand-particle calibration would take on two cores; :func:`measure_sweep` times a
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

__all__ = ["EVALUATIONS_PER_1000_PARTICLES", "SWEEP_EXPERIMENT", "measure_dashboard",
           "measure_myth", "measure_particle", "measure_sweep", "measure_sweep_runner",
           "sweep_runner_available"]

EVALUATIONS_PER_1000_PARTICLES = 12_000
"""Particle evaluations an ABC-SMC calibration of 1,000 particles needs: about six generations
at about one acceptance in two (the calibrations of 7 December 2026 accepted 100 of 182 to 357
per generation; ``docs/performance.md``, "Where a calibration particle goes"). An estimate: a
harder fit needs more."""


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


def measure_particle(evaluations: int = 3, years: int = 10, seeds: int = 3,
                     cores: int = 2) -> dict[str, Any]:
    """CPU seconds of one calibration particle, and the hours 1,000 particles take on ``cores``.

    A particle as ``simulatie calibrate`` simulates it: the default scenario's calibrated
    assumptions at their defaults, on ``seeds`` seeds, the scenario and its nothing-organised
    arm for ``years`` years each (one spin-up per seed). Each evaluation has another master
    seed, so that no spin-up is reused; the disk cache is off. The median CPU time per
    evaluation is scaled to ``cores`` busy cores and :data:`EVALUATIONS_PER_1000_PARTICLES`.
    """
    from dataclasses import replace

    from simulatie.core.parameters import make_parameters
    from simulatie.experiment.calibration.abc import CalibrationSettings, Simulator

    settings = CalibrationSettings(base=make_parameters({}), years=years, seeds=seeds)
    values = {name: float(getattr(settings.base, name)) for name in settings.names}
    seconds = []
    with cache_off():
        for k in range(evaluations):
            simulator = Simulator(replace(settings, seed=1_000 + k))
            started = time.process_time()
            simulator(values)
            seconds.append(time.process_time() - started)
    median = sorted(seconds)[len(seconds) // 2]
    per_hour = cores * 3600 / median
    return {"evaluations": evaluations, "years": years, "seeds": seeds, "cores": cores,
            "cpu_seconds": seconds, "median_cpu_seconds": median,
            "evaluations_per_hour": per_hour,
            "hours_for_1000_particles": EVALUATIONS_PER_1000_PARTICLES / per_hour}


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

