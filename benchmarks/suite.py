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
4. the default ten-year run end to end through :func:`simulatie.experiment.run.run`, *cold* (spin-up
and
   baseline computed, the disk cache off) and *warm* (both already computed for that seed);
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
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Any

import numpy as np

from simulatie.core.model import CaringCommunity
from simulatie.core.parameters import make_parameters
from simulatie.experiment.run import run

from .memory import measure_memory
from .reference import measure_reference, split_blocks

__all__ = [
    "TARGETS",
    "ModelTiming",
    "Plan",
    "machine",
    "main",
    "measure_dashboard",
    "measure_default_run",
    "measure_model",
    "measure_sweep",
    "measure_sweep_runner",
    "run_suite",
    "scaling_exponent",
]

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "results" / "benchmarks"

TARGETS = {
    "ratio_to_reference": 3.0,  # at most, at 2,000 residents
    "us_per_resident_week_300": 2.0,  # at most, 300 residents
    "scaling_exponent": 1.05,  # at most, fair scaling up to 50,000 residents
    "default_run_seconds": 0.25,  # at most: the default ten-year run
    "myth_50_seconds": 10.0,  # at most: a myth with 50 replications per arm on 2 cores
    "parallel_efficiency": 0.9,  # at least, on 2 workers
    "peak_memory_mib": 2048.0,  # below, 50,000 residents
    "dashboard_step_seconds": 0.25,  # below: one week plus redraw of the default scenario
}
RESIDENTS_PER_PLACE = 300  # fair scaling: a meeting place, a professional and two initiators ...


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


QUICK = Plan(
    reference_agents=(300, 2_000), reference_steps=5, sizes={500: (1, 3), 2_000: (1, 3)},
    default_steps=26, default_repeats=1, sweep_runs=2, sweep_steps=8, runner_runs=3,
    runner_steps=8,
    memory_residents=500, memory_steps=26, repeats=1, dashboard_repeats=3,
    myth_replications=3,
)


# --- our model ------------------------------------------------------------------------------------
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
    per_week, cpu_per_week = [], []
    for block in split_blocks(weeks, repeats):
        started, cpu_started = time.perf_counter(), time.process_time()
        for _ in range(block):
            model.step()
        per_week.append((time.perf_counter() - started) / block)
        cpu_per_week.append((time.process_time() - cpu_started) / block)
    seconds = statistics.median(per_week)
    cpu = statistics.median(cpu_per_week)
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
    previous = os.environ.get("SIMULATIE_CACHE")
    os.environ["SIMULATIE_CACHE"] = "off"
    try:
        cold, cold_cpu, warm, warm_cpu = [], [], [], []
        for k in range(repeats):
            for seconds, cpu in ((cold, cold_cpu), (warm, warm_cpu)):
                started, cpu_started = time.perf_counter(), time.process_time()
                run(None, seed=seed + k, steps=steps)
                seconds.append(time.perf_counter() - started)
                cpu.append(time.process_time() - cpu_started)
    finally:
        if previous is None:
            os.environ.pop("SIMULATIE_CACHE", None)
        else:
            os.environ["SIMULATIE_CACHE"] = previous
    return {"steps": steps, "seconds": cold, "median_seconds": statistics.median(cold),
            "min_seconds": min(cold), "cpu_seconds": cold_cpu,
            "median_cpu_seconds": statistics.median(cold_cpu),
            "warm_seconds": warm, "median_warm_seconds": statistics.median(warm)}


def measure_myth(replications: int = 50, workers: int = 2, number: int = 1) -> dict[str, Any]:
    """Seconds to answer one myth with ``replications`` per arm on ``workers`` processes, cold.

    The myth's own scale (150 residents, five years) with the disk cache off, so every spin-up
    and run is computed; both the default answer and the counter-assumption's.
    """
    from simulatie.workshop.myths import Scale, load_myth, run_myth

    previous = os.environ.get("SIMULATIE_CACHE")
    os.environ["SIMULATIE_CACHE"] = "off"  # workers inherit it
    try:
        myth = load_myth(number, scale=Scale(replications=replications))
        started = time.perf_counter()
        run_myth(myth, workers=workers)
        seconds = time.perf_counter() - started
    finally:
        if previous is None:
            os.environ.pop("SIMULATIE_CACHE", None)
        else:
            os.environ["SIMULATIE_CACHE"] = previous
    return {"myth": number, "replications": replications, "workers": workers,
            "runs": 4 * replications, "seconds": seconds}


# --- sweeps ---------------------------------------------------------------------------------------
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


# --- dashboard ------------------------------------------------------------------------------------
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


# --- machine and bookkeeping ----------------------------------------------------------------------
def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _commit() -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                             capture_output=True, text=True, timeout=5, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def machine() -> dict[str, Any]:
    """The machine and software the numbers were measured on."""
    versions = {}
    for package in ("mesa", "numpy", "scipy", "pandas"):
        try:
            versions[package] = importlib_metadata.version(package)
        except importlib_metadata.PackageNotFoundError:
            versions[package] = "unknown"
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "versions": versions,
        "commit": _commit(),
        "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
    }


# --- the suite ------------------------------------------------------------------------------------
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
    log("process-pool sweep over run() with 1 and 2 workers ...")
    sweeps = [measure_sweep(w, plan.sweep_runs, plan.sweep_steps) for w in (1, 2)]
    pool_efficiency = sweeps[1]["runs_per_minute"] / (2 * sweeps[0]["runs_per_minute"])
    cpu_efficiency = sweeps[0]["worker_cpu_seconds"] / max(sweeps[1]["worker_cpu_seconds"], 1e-9)
    runner: list[dict[str, Any]] = []
    if sweep_runner_available():
        log("sweep runner (simulatie.experiment.sweep) with 1 and 2 workers ...")
        runner = [measure_sweep_runner(w, plan.runner_runs, plan.runner_steps) for w in (1, 2)]
    if runner:
        efficiency = runner[1]["runs_per_minute"] / (2 * runner[0]["runs_per_minute"])
        steady_efficiency = runner[1]["steady_runs_per_minute"] / (
            2 * runner[0]["steady_runs_per_minute"])
    else:
        efficiency, steady_efficiency = pool_efficiency, math.nan
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
        "myth": myth,
        "sweep": sweeps,
        "sweep_runner": runner,
        "parallel_efficiency": efficiency,
        "parallel_efficiency_source": "simulatie.experiment.sweep" if runner else "process pool",
        "parallel_efficiency_steady": steady_efficiency,
        "pool_parallel_efficiency": pool_efficiency,
        "pool_cpu_efficiency": cpu_efficiency,
        "sweep_start_method": _start_method(),
        "memory": memory,
        "dashboard": dashboard,
        "targets": TARGETS,
        "suite_seconds": time.perf_counter() - total,
    }


def _start_method() -> str:
    import multiprocessing

    return multiprocessing.get_start_method()


def _status(value: float, target: float, *, below: bool = True) -> str:
    if math.isnan(value):
        return "n/a"
    met = value <= target if below else value >= target
    return "met" if met else "MISSED"


def format_table(record: dict[str, Any]) -> str:
    """Render the record as a plain-text table: measure, value, target, status."""
    t = TARGETS
    rows: list[tuple[str, str, str, str]] = []
    for r in record["reference"]:
        rows.append((f"Reference walkers, {r['agents']:,} agents ({r['grid_side']}² torus)",
                     f"{r['us_per_agent_step']:.2f} µs/agent-step (CPU "
                     f"{r['cpu_us_per_agent_step']:.2f})", "", ""))
    for m in record["model"]:
        rows.append((f"Model, {m['residents']:,} residents ({m['grid'][0]}×{m['grid'][1]} grid)",
                     f"{m['us_per_resident_week']:.2f} µs/resident-week (CPU "
                     f"{m['cpu_us_per_resident_week']:.2f})", "", ""))
        rows.append((f"  construction, {m['residents']:,} residents",
                     f"{m['build_seconds']:.3f} s", "", ""))
    first = record["model"][0]
    if first["residents"] == 300:
        target = t["us_per_resident_week_300"]
        rows.append(("Model, 300 residents, cost per resident-week",
                     f"{first['us_per_resident_week']:.2f} µs", f"≤ {target:g} µs",
                     _status(first["us_per_resident_week"], target)))
    ratio = record["ratio_to_reference"]
    rows.append(("Ratio to reference at 2,000", f"{ratio:.2f}× (CPU "
                 f"{record['cpu_ratio_to_reference']:.2f}×)", f"≤ {t['ratio_to_reference']:g}×",
                 _status(ratio, t["ratio_to_reference"])))
    exponent = record["scaling_exponent"]
    sizes = f"{record['model'][0]['residents']:,}–{record['model'][-1]['residents']:,}"
    rows.append((f"Scaling exponent ({sizes})", f"{exponent:.2f}",
                 f"≤ {t['scaling_exponent']:g}", _status(exponent, t["scaling_exponent"])))
    d = record["default_run"]
    rows.append((f"Default run via run(), {d['steps']} weeks (median of {len(d['seconds'])})",
                 f"{d['median_seconds']:.2f} s (min {d['min_seconds']:.2f}, CPU "
                 f"{d['median_cpu_seconds']:.2f})",
                 f"< {t['default_run_seconds']:g} s" if d["steps"] == 520 else "(quick)",
                 _status(d["median_seconds"], t["default_run_seconds"])
                 if d["steps"] == 520 else ""))
    rows.append(("  warm: spin-up and baseline already computed (median)",
                 f"{d['median_warm_seconds']:.2f} s", "", ""))
    myth = record["myth"]
    full_myth = myth["replications"] == 50
    rows.append((f"Myth {myth['myth']}, {myth['replications']} replications per arm "
                 f"({myth['runs']} runs), {myth['workers']} workers, cold",
                 f"{myth['seconds']:.1f} s", f"≤ {t['myth_50_seconds']:g} s" if full_myth
                 else "(quick)", _status(myth["seconds"], t["myth_50_seconds"])
                 if full_myth else ""))
    for s in record["sweep_runner"]:
        rows.append((f"Sweep runner, {s['workers']} worker(s), {s['runs']} runs × "
                     f"{s['steps']} weeks", f"{s['runs_per_minute']:.1f} runs/min (first "
                     f"result after {s['first_result_seconds']:.1f} s)", "", ""))
    eff = record["parallel_efficiency"]
    rows.append((f"Parallel efficiency, 2 workers ({record['parallel_efficiency_source']})",
                 f"{eff:.2f}", f"≥ {t['parallel_efficiency']:g}",
                 _status(eff, t["parallel_efficiency"], below=False)))
    if record["sweep_runner"]:
        rows.append(("  after the first result (start-up excluded)",
                     f"{record['parallel_efficiency_steady']:.2f}", "", ""))
    for s in record["sweep"]:
        rows.append((f"Process pool over run(), {s['workers']} worker(s), {s['runs']} runs × "
                     f"{s['steps']} weeks", f"{s['runs_per_minute']:.1f} runs/min (CPU busy "
                     f"{s['cpu_utilisation']:.0%})", "", ""))
    rows.append(("  pool parallel efficiency, 2 workers",
                 f"{record['pool_parallel_efficiency']:.2f}", "", ""))
    rows.append(("  pool CPU per run, 1 worker ÷ 2 workers (load-free)",
                 f"{record['pool_cpu_efficiency']:.2f}", "", ""))
    mem = record["memory"]
    full_memory = mem["residents"] == 50_000
    rows.append((f"Peak memory, {mem['residents']:,} residents × {mem['steps']} weeks",
                 f"{mem['peak_mib']:.0f} MiB ({mem['run_mib']:.0f} for the run, "
                 f"{mem['run_seconds']:.1f} s)",
                 f"< {t['peak_memory_mib']:g} MiB" if full_memory else "(quick)",
                 _status(mem["peak_mib"], t["peak_memory_mib"]) if full_memory else ""))
    dash = record["dashboard"]
    if dash is None:
        rows.append(("Dashboard step + redraw", "dashboard extra not installed", "", ""))
    else:
        rows.append(("Dashboard step + redraw (default scenario, median)",
                     f"{dash['step_redraw_seconds'] * 1000:.0f} ms",
                     f"< {t['dashboard_step_seconds'] * 1000:g} ms",
                     _status(dash["step_redraw_seconds"], t["dashboard_step_seconds"])))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    header = ("Measure", "Value", "Target", "Status")
    widths = [max(w, len(h)) for w, h in zip(widths, header, strict=True)]
    lines = [" | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    m = record["machine"]
    lines.append("")
    lines.append(f"{m['cpu']}, {m['cores']} cores; Python {m['python']}, numpy "
                 f"{m['versions']['numpy']}, Mesa {m['versions']['mesa']}; commit {m['commit']}; "
                 f"load average at start {', '.join(f'{x:.2f}' for x in m['load_average'] or [])}; "
                 f"suite {record['suite_seconds']:.0f} s")
    return "\n".join(lines)


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
