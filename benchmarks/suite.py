"""The benchmark suite: how fast and how big the caring-community model is, against targets.

Run it with ``.venv/bin/python -m benchmarks`` (add ``--quick`` for a smoke run of a few
seconds). In one process it measures, in this order:

1. the reference model (:mod:`benchmarks.reference`) at 300 and 2,000 walkers, in µs per
   agent-step: the floor for a Python-level Mesa model on this machine;
2. our model at 300, 2,000, 8,000, 16,000 and 50,000 residents, in µs per resident-week after a
   short warm-up (construction timed separately), and its ratio to the reference at 2,000. The
   neighbourhood grows *fairly*: one meeting place, one professional and two initiators per 300
   residents, so that per-resident behaviour stays the same (:func:`fair_parameters`);
3. the scaling exponent of time per week against residents (log-log least squares);
4. the default ten-year run end to end through :func:`simulatie.experiment.run.run`, *cold*
   (spin-up and baseline computed, the disk cache off) and *warm* (both already computed for
   that seed);
4b. a myth answered with 50 replications per arm on two worker processes, cold;
5. a sweep's runs per minute with one and two workers through the project's sweep runner
   (:mod:`simulatie.experiment.sweep`, when it exists) and through a plain process pool over
   ``run()``, and the parallel efficiency (the sweep runner's when it exists);
6. the peak memory of the fairly scaled neighbourhood of 50,000 residents over a year, in a
   child process;
7. the dashboard's step-plus-redraw time (when the dashboard extra is installed).

Many browser sessions on one dashboard server are measured separately, by
``python -m benchmarks.sessions`` (:mod:`benchmarks.sessions`): it needs Chromium and about two
minutes.

It prints a table and writes every number, with the machine's description, to
``results/benchmarks/<timestamp>.json``. Timings use the median of several blocks, so another
process briefly taking a core moves them less, and each is given in CPU time too, which a busy
machine disturbs far less than wall time; the load average is recorded with the results. The
targets are judged on wall time.

This module holds the plan, the targets and the order; the measurements live beside it:
:mod:`benchmarks.reference` (the reference model), :mod:`benchmarks.model_timing` (our model's
speed and scaling, the default run), :mod:`benchmarks.throughput` (the myth, sweeps, the
dashboard's step), :mod:`benchmarks.memory` (peak memory), :mod:`benchmarks.machine` (what they
ran on) and :mod:`benchmarks.suite_table` (the printed table).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .machine import machine
from .memory import measure_memory
from .model_timing import measure_default_run, measure_model, scaling_exponent
from .reference import measure_reference
from .suite_table import format_table
from .throughput import (
    measure_dashboard,
    measure_myth,
    measure_particle,
    measure_sweep,
    measure_sweep_runner,
    sweep_runner_available,
)

__all__ = ["QUICK", "RESULTS", "TARGETS", "Plan", "main", "run_suite", "write_record"]

REFERENCE_TEN_YEAR_AGENTS = 300  # the walkers a ten-year default run is compared with ...
TEN_YEARS = 520  # ... over as many steps as the run has weeks

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "results" / "benchmarks"

TARGETS = {
    "ratio_to_reference": 3.0,  # at most, at 2,000 residents
    "us_per_resident_week_300": 2.0,  # at most, 300 residents
    "scaling_exponent": 1.05,  # at most, fair scaling up to 50,000 residents
    "cold_run_to_reference": 0.35,  # at most: a cold default ten-year run over the reference
    # walkers' ten-year run (300 walkers x 520 steps), both measured in this process
    "warm_run_seconds": 0.1,  # at most: the default ten-year run, spin-up and baseline computed
    "myth_50_seconds": 10.0,  # at most: a myth with 50 replications per arm on 2 cores
    "calibration_1000_hours": 1.0,  # at most: ABC-SMC with 1,000 particles, 3 seeds each, ten
    # years, on 2 cores (from one particle's CPU time, throughput.EVALUATIONS_PER_1000_PARTICLES)
    "parallel_efficiency": 0.9,  # at least, on 2 workers
    "peak_memory_mib": 2048.0,  # below, 50,000 residents
    "dashboard_step_seconds": 0.25,  # below: one week plus redraw of the default scenario
}


@dataclass(frozen=True)
class Plan:
    """How much work each measurement does (the full suite, or the ``--quick`` smoke run).

    Attributes:
        reference_agents: Walker counts for the reference; the comparison uses 2,000.
        reference_steps: Timed steps of the reference.
        sizes: Resident counts with ``(warm-up weeks, timed weeks)`` each.
        default_steps: Weeks of the default run (520 is ten years).
        default_repeats: How often the default run is repeated (median reported).
        sweep_runs: Runs per process-pool sweep.
        sweep_steps: Weeks per process-pool run.
        runner_runs: Runs per sweep through :mod:`simulatie.experiment.sweep` (when it exists).
        runner_steps: Weeks per run of that sweep.
        memory_residents: Residents of the memory run.
        memory_steps: Weeks of the memory run.
        repeats: Blocks each timing is split into (median block reported).
        dashboard_repeats: Timed dashboard steps (median reported).
        particle_evaluations: Calibration particles timed (median reported).
        particle_years: Years of each particle's runs (10 as in a calibration).
        particle_seeds: Seeds per particle (3 as in a calibration).
    """

    reference_agents: tuple[int, ...] = (300, 2_000)
    reference_steps: int = 50
    sizes: dict[int, tuple[int, int]] = field(default_factory=lambda: {
        300: (10, 200), 2_000: (10, 100), 8_000: (5, 40), 16_000: (5, 20), 50_000: (3, 8),
    })
    default_steps: int = 520
    default_repeats: int = 3
    sweep_runs: int = 8
    sweep_steps: int = 104
    runner_runs: int = 24
    runner_steps: int = 520
    memory_residents: int = 50_000
    memory_steps: int = 52
    myth_replications: int = 50
    repeats: int = 5
    dashboard_repeats: int = 20
    particle_evaluations: int = 3
    particle_years: int = 10
    particle_seeds: int = 3


QUICK = Plan(
    reference_agents=(300, 2_000), reference_steps=5, sizes={500: (1, 3), 2_000: (1, 3)},
    default_steps=26, default_repeats=1, sweep_runs=2, sweep_steps=8, runner_runs=3,
    runner_steps=8,
    memory_residents=500, memory_steps=26, repeats=1, dashboard_repeats=3,
    myth_replications=3, particle_evaluations=1, particle_years=3, particle_seeds=1,
)


def _efficiencies(sweeps: list[dict[str, Any]], runner: list[dict[str, Any]]) -> dict[str, Any]:
    """Parallel efficiency on two workers: the sweep runner's when it ran, else the pool's."""
    pool = sweeps[1]["runs_per_minute"] / (2 * sweeps[0]["runs_per_minute"])
    if runner:
        efficiency = runner[1]["runs_per_minute"] / (2 * runner[0]["runs_per_minute"])
        steady = runner[1]["steady_runs_per_minute"] / (2 * runner[0]["steady_runs_per_minute"])
    else:
        efficiency, steady = pool, math.nan
    return {
        "parallel_efficiency": efficiency,
        "parallel_efficiency_source": "simulatie.experiment.sweep" if runner else "process pool",
        "parallel_efficiency_steady": steady,
        "pool_parallel_efficiency": pool,
        "pool_cpu_efficiency": (sweeps[0]["worker_cpu_seconds"]
                                / max(sweeps[1]["worker_cpu_seconds"], 1e-9)),
    }


def run_suite(plan: Plan, log: Callable[[str], None] = print) -> dict[str, Any]:
    """Take every measurement of ``plan`` and return them as one JSON-serialisable record.

    The disk cache of spin-ups and baselines is switched off for the whole suite (and its
    worker processes), so that no measurement profits from an earlier one; the warm default run
    reuses what this process computed.
    """
    os.environ["SIMULATIE_CACHE"] = "off"
    total = time.perf_counter()
    log("reference model ...")
    reference = [measure_reference(n, steps=plan.reference_steps, repeats=plan.repeats)
                 for n in plan.reference_agents]
    log("caring-community model at " + ", ".join(f"{n:,}" for n in plan.sizes) + " residents ...")
    timings = [measure_model(n, weeks=w, warmup=warm, repeats=plan.repeats)
               for n, (warm, w) in plan.sizes.items()]
    ref_2000 = next((r for r in reference if r.agents == 2_000), reference[-1])
    ours_2000 = next((t for t in timings if t.residents == 2_000), timings[-1])
    log(f"default run ({plan.default_steps} weeks), cold and warm ...")
    default = measure_default_run(plan.default_steps, plan.default_repeats)
    log(f"myth 1 with {plan.myth_replications} replications per arm on 2 workers ...")
    myth = measure_myth(plan.myth_replications)
    log(f"a calibration particle ({plan.particle_seeds} seeds, {plan.particle_years} years), "
        f"{plan.particle_evaluations} times ...")
    particle = measure_particle(plan.particle_evaluations, plan.particle_years,
                                plan.particle_seeds)
    log("process-pool sweep over run() with 1 and 2 workers ...")
    sweeps = [measure_sweep(w, plan.sweep_runs, plan.sweep_steps) for w in (1, 2)]
    runner: list[dict[str, Any]] = []
    if sweep_runner_available():
        log("sweep runner (simulatie.experiment.sweep) with 1 and 2 workers ...")
        runner = [measure_sweep_runner(w, plan.runner_runs, plan.runner_steps) for w in (1, 2)]
    log(f"memory of {plan.memory_residents:,} residents over {plan.memory_steps} weeks "
        "(child process) ...")
    memory = measure_memory(plan.memory_residents, plan.memory_steps)
    dashboard = measure_dashboard(repeats=plan.dashboard_repeats)
    return {
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
        "quick": plan is QUICK,
        "plan": asdict(plan),
        "machine": machine(),
        "reference": [asdict(r) for r in reference],
        "model": [asdict(t) for t in timings],
        "ratio_to_reference": ours_2000.us_per_resident_week / ref_2000.us_per_agent_step,
        "cpu_ratio_to_reference": (ours_2000.cpu_us_per_resident_week
                                   / ref_2000.cpu_us_per_agent_step),
        "scaling_exponent": scaling_exponent(timings),
        "default_run": default,
        "reference_ten_year_seconds": _reference_ten_years(reference),
        "myth": myth,
        "particle": particle,
        "sweep": sweeps,
        "sweep_runner": runner,
        **_efficiencies(sweeps, runner),
        "sweep_start_method": _start_method(),
        "memory": memory,
        "dashboard": dashboard,
        "targets": TARGETS,
        "suite_seconds": time.perf_counter() - total,
    }


def _reference_ten_years(reference: list) -> float:
    """Seconds the reference's 300 walkers would take for ten years (520 steps), as measured."""
    walkers = next((r for r in reference if r.agents == REFERENCE_TEN_YEAR_AGENTS), None)
    if walkers is None:
        return math.nan
    return walkers.us_per_agent_step * REFERENCE_TEN_YEAR_AGENTS * TEN_YEARS / 1e6


def _start_method() -> str:
    """How this platform starts worker processes (``fork``, ``spawn`` or ``forkserver``)."""
    import multiprocessing

    return multiprocessing.get_start_method()


def write_record(record: dict[str, Any], folder: Path = RESULTS) -> Path:
    """Write the record to ``folder/<timestamp>.json`` and return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = folder / f"{stamp}{'-quick' if record['quick'] else ''}.json"
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(record, indent=2, default=str) + "\n")
    tmp.replace(path)
    return path


def main(argv: list[str] | None = None) -> int:
    """Run the suite, print the table and write the JSON record."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description="Benchmark the caring-community model."
    )
    parser.add_argument("--quick", action="store_true", help="a smoke run of a few seconds")
    parser.add_argument("--out", type=Path, default=RESULTS, help="folder for the JSON record")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else Plan()
    record = run_suite(plan, log=lambda text: print(text, file=sys.stderr, flush=True))
    print(format_table(record))
    path = write_record(record, args.out)
    print(f"\nwritten: {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0
