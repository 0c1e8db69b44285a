"""The one seam: run one simulation and return tidy results with their metadata.

The command line, the sweep runner, the myths, the tests and the dashboard's export all call
:func:`run`. It builds the neighbourhood from validated parameters and a seed (after its own
spin-up), steps it and its matched baseline week by week, and returns the per-week table, the
per-run measures and a metadata record (resolved parameters, seed, spin-up, package versions,
commit, timestamp).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from simulatie.core.parameters import MAX_RUN_WEEKS, Parameters, make_parameters
from simulatie.experiment.provenance import provenance

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["RunResult", "run"]


@dataclass(frozen=True)
class RunResult:
    """What one run returns.

    Attributes:
        timeseries: One row per week (``week`` 0..steps), one column per recorded metric, and
            ``baseline_`` columns for the matched baseline arm.
        summary: Per-run measures (emergence week, half-life, peak) and ``final_<column>``.
        metadata: JSON-serialisable record of how the run was made.
    """

    timeseries: pd.DataFrame
    summary: dict[str, float]
    metadata: dict[str, Any]


def run(
    params: Parameters | Mapping[str, Any] | None = None,
    seed: int = 0,
    steps: int = 520,
    progress: Callable[[int], None] | None = None,
    metrics: Iterable[str] | None = None,
    baseline: bool = True,
) -> RunResult:
    """Run one simulation.

    Args:
        params: Validated parameters, or a mapping of overrides on the declared defaults.
        seed: Seed of the run's random streams; the same seed gives the same run.
        steps: Weeks to simulate after week 0 (520 is ten years).
        progress: Called with the week number after every week.
        metrics: Metrics to record every week (default: all).
        baseline: Whether to run the matched baseline arm (needed for emergence and decay).

    Returns:
        The per-week table, the per-run measures and the metadata.

    Raises:
        ParameterError: If ``params`` is a mapping that does not validate.
        ValueError: If ``steps`` is below 1 or above :data:`MAX_RUN_WEEKS`, or a metric is unknown.
    """
    if not 1 <= steps <= MAX_RUN_WEEKS:
        raise ValueError(f"steps must be from 1 to {MAX_RUN_WEEKS} weeks, got {steps}")
    from simulatie.core.run.simulation import Simulation  # loads Mesa: only when a run is made

    if not isinstance(params, Parameters):
        params = make_parameters(dict(params or {}))
    started = datetime.now(UTC)
    simulation = Simulation(params, seed, metrics=metrics, baseline=baseline)
    for week in range(1, steps + 1):
        simulation.step()
        if progress is not None:
            progress(week)
    simulation.persist()
    metadata = {
        "parameters": json.loads(params.model_dump_json()),
        "seed": seed,
        "steps": steps,
        "spin_up": simulation.spin_up,
        "baseline": "same seed, every intervention lever at its baseline value"
        if baseline else None,
        **provenance(),
        "timestamp": started.isoformat(timespec="seconds"),
        "support_ended_week": simulation.model.state.support.ended_week,
    }
    return RunResult(timeseries=simulation.timeseries(), summary=simulation.summary(),
                     metadata=metadata)
