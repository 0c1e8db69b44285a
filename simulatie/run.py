"""The one seam: run one simulation and return tidy results with their metadata.

The command line, the sweep runner, the myths, the tests and the dashboard's export all call
:func:`run`. It builds the model from validated parameters and a seed, steps it week by week,
and returns the per-week table, the per-run measures and a metadata record (resolved parameters,
seed, package versions, commit, timestamp).
"""

from __future__ import annotations

import json
import platform
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Any

import pandas as pd

from .measures import run_measures
from .model import CaringCommunity
from .parameters import Parameters, make_parameters

__all__ = ["RunResult", "run"]


@dataclass(frozen=True)
class RunResult:
    """What one run returns.

    Attributes:
        timeseries: One row per week (``week`` 0..steps) and one column per metric.
        summary: Per-run measures (emergence week, peak, half-life) and ``final_<metric>``.
        metadata: JSON-serialisable record of how the run was made.
    """

    timeseries: pd.DataFrame
    summary: dict[str, float]
    metadata: dict[str, Any]


def _versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for package in ("simulatie", "mesa", "numpy", "pandas", "scipy", "pydantic"):
        try:
            versions[package] = importlib_metadata.version(package)
        except importlib_metadata.PackageNotFoundError:
            versions[package] = "unknown"
    return versions


def _commit() -> str | None:
    """The git commit of the source tree, when it is a checkout."""
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=Path(__file__).parent, capture_output=True,
            text=True, timeout=5, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def run(
    params: Parameters | Mapping[str, Any] | None = None,
    seed: int = 0,
    steps: int = 520,
    progress: Callable[[int], None] | None = None,
) -> RunResult:
    """Run one simulation.

    Args:
        params: Validated parameters, or a mapping of overrides on the declared defaults.
        seed: Seed of the model's random generator; the same seed gives the same run.
        steps: Weeks to simulate (520 is ten years).
        progress: Called with the week number after every week.

    Returns:
        The per-week table, the per-run measures and the metadata.

    Raises:
        ParameterError: If ``params`` is a mapping that does not validate.
        ValueError: If ``steps`` is below 1.
    """
    if steps < 1:
        raise ValueError(f"steps must be at least 1, got {steps}")
    if not isinstance(params, Parameters):
        params = make_parameters(dict(params or {}))
    started = datetime.now(UTC)
    model = CaringCommunity(params=params, rng=seed)
    for week in range(1, steps + 1):
        model.step()
        if progress is not None:
            progress(week)
    timeseries = pd.DataFrame.from_records(model.records)
    summary = run_measures(timeseries, params, model.support.ended_week)
    metadata = {
        "parameters": json.loads(params.model_dump_json()),
        "seed": seed,
        "steps": steps,
        "versions": _versions(),
        "commit": _commit(),
        "timestamp": started.isoformat(timespec="seconds"),
        "support_ended_week": model.support.ended_week,
    }
    return RunResult(timeseries=timeseries, summary=summary, metadata=metadata)
