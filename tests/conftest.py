"""Shared fixtures: a small fake run result with the contract's columns and summary."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pytest

METRIC_NAMES = (
    "caring_ties",
    "share_with_caring_tie",
    "friendly_ties",
    "acquaintance_ties",
    "mean_tie_strength",
    "lonely_share",
    "clustering",
    "largest_component_share",
    "bridging_share",
    "care_hours_needed",
    "care_hours_network",
    "care_hours_volunteers",
    "care_hours_professional",
    "care_hours_formal",
    "care_hours_unmet",
    "load_capacity_ratio",
    "ownership",
    "active_volunteers",
    "volunteer_retention",
    "active_initiators",
    "attendance",
    "help_burden_top10",
    "community_spirit",
    "infrastructure",
    "formal_support",
)


@dataclass(frozen=True)
class FakeRunResult:
    """Stands in for ``simulatie.experiment.run.RunResult`` (same three fields)."""

    timeseries: pd.DataFrame
    summary: dict[str, float]
    metadata: dict[str, Any] = field(default_factory=dict)


def make_fake_result(steps: int = 12, seed: int = 0) -> FakeRunResult:
    """Build a plausible run result with ``steps + 1`` weekly rows."""
    rng = np.random.default_rng(seed)
    weeks = np.arange(steps + 1)
    data: dict[str, Any] = {"week": weeks.astype(int)}
    for name in METRIC_NAMES:
        data[name] = rng.random(steps + 1)
    data["caring_ties"] = np.linspace(0, 40, steps + 1)
    sources = ["network", "volunteers", "professional", "formal", "unmet"]
    data["care_hours_needed"] = sum(data[f"care_hours_{s}"] for s in sources)
    timeseries = pd.DataFrame(data)
    summary = {
        "emergence_week": 7.0,
        "caring_peak": 0.4,
        "caring_peak_week": 9.0,
        "half_life_weeks": math.nan,
        **{f"final_{n}": float(timeseries[n].iloc[-1]) for n in METRIC_NAMES},
    }
    metadata = {
        "parameters": {"residents": 300, "funding": "structural"},
        "seed": seed,
        "steps": steps,
        "versions": {"python": "3.12", "mesa": "3.5.1"},
        "commit": "abc1234",
        "timestamp": "2025-01-01T00:00:00Z",
    }
    return FakeRunResult(timeseries=timeseries, summary=summary, metadata=metadata)


@pytest.fixture
def fake_result() -> FakeRunResult:
    """A small fake run of 12 weeks."""
    return make_fake_result()


@pytest.fixture
def result_factory():
    """The :func:`make_fake_result` builder, for tests that need other sizes or seeds."""
    return make_fake_result
