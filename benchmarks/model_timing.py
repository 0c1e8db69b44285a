"""The caring-community model's own speed: time per resident-week, scaling, the default run.

:func:`fair_parameters` grows the default neighbourhood *fairly* (one meeting place, one
professional and two initiators per 300 residents), :func:`measure_model` times its weeks,
:func:`scaling_exponent` fits time per week against residents, and :func:`measure_default_run`
times the default ten-year run end to end, cold and warm. Used by :mod:`benchmarks.suite` and
:mod:`benchmarks.memory`.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np

from simulatie.core.parameters import make_parameters
from simulatie.core.run.model import CaringCommunity
from simulatie.experiment.run import run

from .reference import time_steps

__all__ = ["RESIDENTS_PER_PLACE", "ModelTiming", "cache_off", "fair_parameters",
           "measure_default_run", "measure_model", "scaling_exponent"]

RESIDENTS_PER_PLACE = 300  # fair scaling: a meeting place, a professional and two initiators ...


@contextmanager
def cache_off() -> Iterator[None]:
    """Switch the disk cache of spin-ups and baselines off inside the block (worker processes
    started in it inherit that), and back to what it was afterwards."""
    previous = os.environ.get("SIMULATIE_CACHE")
    os.environ["SIMULATIE_CACHE"] = "off"
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("SIMULATIE_CACHE", None)
        else:
            os.environ["SIMULATIE_CACHE"] = previous


def fair_parameters(residents: int, spin_up_weeks: int = 52) -> dict[str, Any]:
    """The default neighbourhood at another size, with its organisation growing along.

    One meeting place, one professional and two initiators per 300 residents (the default's
    ratio), so that the work per resident stays the same and the timing measures scaling, not
    a neighbourhood that thins out. A short spin-up keeps the construction of the largest
    neighbourhoods within a minute; the weeks timed afterwards are ordinary weeks.
    """
    units = max(1, round(residents / RESIDENTS_PER_PLACE))
    return {"residents": residents, "meeting_places": units, "professionals": units,
            "initiators": 2 * units, "spin_up_weeks": spin_up_weeks}


@dataclass(frozen=True)
class ModelTiming:
    """Timing of the caring-community model at one size.

    Attributes:
        residents: Number of residents.
        grid: Grid width and height in cells.
        warmup_weeks: Untimed weeks after construction.
        weeks: Timed weeks.
        build_seconds: Wall time to construct the model.
        seconds_per_week: Median block's wall time per week.
        us_per_resident_week: Microseconds per resident per week.
        ties: Ties in the network at the end.
        cpu_us_per_resident_week: The same in CPU time of this process (less disturbed by
            other processes on a busy machine).
    """

    residents: int
    grid: tuple[int, int]
    warmup_weeks: int
    weeks: int
    build_seconds: float
    seconds_per_week: float
    us_per_resident_week: float
    ties: int
    cpu_us_per_resident_week: float


def measure_model(
    residents: int, weeks: int, warmup: int = 5, seed: int = 0, repeats: int = 5
) -> ModelTiming:
    """Time the model on the default scenario with ``residents`` residents.

    Args:
        residents: Number of residents; the grid and street count scale with them.
        weeks: Weeks to time after the warm-up.
        warmup: Untimed weeks after construction.
        seed: Seed of the model.
        repeats: Blocks the timed weeks are split into; the median block is reported.

    Returns:
        The timing.
    """
    params = make_parameters(fair_parameters(residents))
    started = time.perf_counter()
    model = CaringCommunity(params=params, rng=seed)
    build = time.perf_counter() - started
    for _ in range(warmup):
        model.step()
    seconds, cpu = time_steps(model.step, weeks, repeats)
    return ModelTiming(
        residents=residents, grid=(model.layout.width, model.layout.height),
        warmup_weeks=warmup, weeks=weeks, build_seconds=build, seconds_per_week=seconds,
        us_per_resident_week=seconds / residents * 1e6, ties=len(model.ties),
        cpu_us_per_resident_week=cpu / residents * 1e6,
    )


def scaling_exponent(timings: list[ModelTiming]) -> float:
    """Slope of log(time per week) against log(residents), fitted by least squares.

    1 is linear scaling; below 1 means fixed costs per week still matter at the small sizes.
    """
    if len(timings) < 2:
        return float("nan")
    x = np.log([t.residents for t in timings])
    y = np.log([t.seconds_per_week for t in timings])
    return float(np.polyfit(x, y, 1)[0])


def measure_default_run(steps: int = 520, repeats: int = 3, seed: int = 0) -> dict[str, Any]:
    """Wall time of the default run end to end through :func:`simulatie.experiment.run.run`.

    *Cold*: a fresh seed each time, with the disk cache off, so the spin-up and the baseline arm
    are computed (as for a first run of a neighbourhood). *Warm*: the same seeds again, with
    the spin-up and baseline already computed in this process (as in a sweep or a myth, where
    runs share them, or a second run of the same neighbourhood). Both include validating the
    parameters, building the model, every week, the results table and the measures.
    """
    with cache_off():
        cold, cold_cpu, warm, warm_cpu = [], [], [], []
        for k in range(repeats):
            for seconds, cpu in ((cold, cold_cpu), (warm, warm_cpu)):
                started, cpu_started = time.perf_counter(), time.process_time()
                run(None, seed=seed + k, steps=steps)
                seconds.append(time.perf_counter() - started)
                cpu.append(time.process_time() - cpu_started)
    return {"steps": steps, "seconds": cold, "median_seconds": statistics.median(cold),
            "min_seconds": min(cold), "cpu_seconds": cold_cpu,
            "median_cpu_seconds": statistics.median(cold_cpu),
            "warm_seconds": warm, "median_warm_seconds": statistics.median(warm)}

