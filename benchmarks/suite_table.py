"""The benchmark suite's record as a plain-text table: measure, value, target, status.

:func:`format_table` puts together one block of rows per measurement (the reference and the
model, the default run and the myth, sweeps, memory, the dashboard) and a last line on the
machine. The targets come from the record itself (``record["targets"]``).
"""

from __future__ import annotations

import math
from typing import Any

__all__ = ["format_table"]

Row = tuple[str, str, str, str]  # measure, value, target, status


def _status(value: float, target: float, *, below: bool = True) -> str:
    if math.isnan(value):
        return "n/a"
    met = value <= target if below else value >= target
    return "met" if met else "MISSED"


def _full_size_row(measure: str, value: str, shown: float, target: float, target_text: str,
                   full: bool) -> Row:
    """A row judged against its target only at the plan's full size; a quick run says so."""
    if not full:
        return (measure, value, "(quick)", "")
    return (measure, value, target_text, _status(shown, target))


def _model_rows(record: dict[str, Any], t: dict[str, float]) -> list[Row]:
    """The reference, the model per size, its cost at 300, the ratio and the scaling."""
    rows: list[Row] = []
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
    return rows


def _run_rows(record: dict[str, Any], t: dict[str, float]) -> list[Row]:
    """The default run, cold (against the reference walkers' ten years) and warm, and the myth."""
    d = record["default_run"]
    full_run = d["steps"] == 520
    myth = record["myth"]
    reference = record.get("reference_ten_year_seconds", math.nan)
    ratio = d["median_seconds"] / reference if reference and reference > 0 else math.nan
    return [
        (f"Default run via run(), {d['steps']} weeks, cold (median of {len(d['seconds'])})",
         f"{d['median_seconds']:.2f} s (min {d['min_seconds']:.2f}, CPU "
         f"{d['median_cpu_seconds']:.2f})", "", ""),
        _full_size_row(
            "  cold ÷ reference walkers' ten years (300 × 520 steps, "
            f"{reference:.2f} s)", f"{ratio:.2f}×", ratio, t["cold_run_to_reference"],
            f"≤ {t['cold_run_to_reference']:g}×", full_run),
        _full_size_row(
            "  warm: spin-up and baseline already computed (median)",
            f"{d['median_warm_seconds']:.2f} s", d["median_warm_seconds"],
            t["warm_run_seconds"], f"≤ {t['warm_run_seconds']:g} s", full_run),
        _full_size_row(
            f"Myth {myth['myth']}, {myth['replications']} replications per arm "
            f"({myth['runs']} runs), {myth['workers']} workers, cold",
            f"{myth['seconds']:.1f} s", myth["seconds"], t["myth_50_seconds"],
            f"≤ {t['myth_50_seconds']:g} s", myth["replications"] == 50),
        *_particle_rows(record, t),
    ]


def _particle_rows(record: dict[str, Any], t: dict[str, float]) -> list[Row]:
    """A calibration particle's CPU time, and 1,000 particles on two cores against an hour."""
    p = record.get("particle")
    if p is None:  # a record from before the particle was measured
        return []
    full = p["years"] == 10 and p["seeds"] == 3
    return [
        (f"Calibration particle ({p['seeds']} seeds × {p['years']} years, 2 arms), median of "
         f"{p['evaluations']}", f"{p['median_cpu_seconds']:.2f} s CPU "
         f"({p['evaluations_per_hour']:,.0f} an hour on {p['cores']} cores)", "", ""),
        _full_size_row(
            "  ABC-SMC, 1,000 particles (about 12,000 evaluations), 2 cores",
            f"{p['hours_for_1000_particles']:.1f} h", p["hours_for_1000_particles"],
            t.get("calibration_1000_hours", 1.0), f"≤ {t.get('calibration_1000_hours', 1.0):g} h",
            full),
    ]


def _sweep_rows(record: dict[str, Any], t: dict[str, float]) -> list[Row]:
    """The sweep runner, the parallel efficiency and the plain process pool."""
    rows: list[Row] = []
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
    return rows


def _memory_and_dashboard_rows(record: dict[str, Any], t: dict[str, float]) -> list[Row]:
    """Peak memory of the largest neighbourhood and the dashboard's step plus redraw."""
    mem = record["memory"]
    rows: list[Row] = [_full_size_row(
        f"Peak memory, {mem['residents']:,} residents × {mem['steps']} weeks",
        f"{mem['peak_mib']:.0f} MiB ({mem['run_mib']:.0f} for the run, "
        f"{mem['run_seconds']:.1f} s)", mem["peak_mib"], t["peak_memory_mib"],
        f"< {t['peak_memory_mib']:g} MiB", mem["residents"] == 50_000)]
    dash = record["dashboard"]
    if dash is None:
        rows.append(("Dashboard step + redraw", "dashboard extra not installed", "", ""))
    else:
        rows.append(("Dashboard step + redraw (default scenario, median)",
                     f"{dash['step_redraw_seconds'] * 1000:.0f} ms",
                     f"< {t['dashboard_step_seconds'] * 1000:g} ms",
                     _status(dash["step_redraw_seconds"], t["dashboard_step_seconds"])))
    return rows


def _machine_line(record: dict[str, Any]) -> str:
    m = record["machine"]
    return (f"{m['cpu']}, {m['cores']} cores; Python {m['python']}, numpy "
            f"{m['versions']['numpy']}, Mesa {m['versions']['mesa']}; commit {m['commit']}; "
            f"load average at start {', '.join(f'{x:.2f}' for x in m['load_average'] or [])}; "
            f"suite {record['suite_seconds']:.0f} s")


def format_table(record: dict[str, Any]) -> str:
    """Render the record as a plain-text table: measure, value, target, status."""
    t = record["targets"]
    rows = [*_model_rows(record, t), *_run_rows(record, t), *_sweep_rows(record, t),
            *_memory_and_dashboard_rows(record, t)]
    header = ("Measure", "Value", "Target", "Status")
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(header)]
    lines = [" | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)),
             "-+-".join("-" * w for w in widths)]
    lines += [" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join([*lines, "", _machine_line(record)])
