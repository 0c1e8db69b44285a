"""The model's behaviour over many seeds, stored, so that a change that moves draws can be judged.

Golden runs (``golden_runs.py``) tell whether anything changed at all. A change that draws
random numbers differently (a new kernel, another order of draws, a new stream) changes every
golden run while the model may behave just as before; a regression changes them too. This
reference tells the two apart: for each arm below, the per-seed level of a dozen outcomes (their
mean over the second and third year of a short run) on ``SEEDS``.
``tests/test_distribution.py`` runs the same and checks, per outcome, that the mean of the paired
differences (fresh minus stored, seed by seed) is equivalent to zero within a stated margin (two
one-sided t-tests).

When a change is meant to alter behaviour, regenerate the reference and say so in the commit::

    .venv/bin/python tests/distribution_reference.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from simulatie import make_parameters, run

PATH = Path(__file__).resolve().parent / "data" / "distribution.json"
SEEDS = tuple(range(100, 220))
WEEKS = 156
FROM_WEEK = 53
"""Outcomes are averaged over weeks 53–156: after the first year's start-up of activities."""
OVERRIDES = {"spin_up_weeks": 156}
ARMS: dict[str, dict[str, object]] = {
    "default": {},
    "pilot": {"funding": "pilot", "pilot_weeks": 52},
}
"""The default scenario, and a one-year pilot whose second and third years run without funding."""
METRICS = ("share_with_caring_tie", "friendly_ties", "care_hours_network",
           "care_hours_volunteers", "care_hours_unmet", "active_volunteers", "active_initiators",
           "attendance", "open_meeting_places", "neighbour_help_share_year", "lonely_share",
           "frail_with_two_helpers_share")


def levels(arm: str) -> dict[str, list[float]]:
    """Per outcome, its mean over weeks ``FROM_WEEK``–``WEEKS`` on each of ``SEEDS``."""
    params = make_parameters({**OVERRIDES, **ARMS[arm]})
    out: dict[str, list[float]] = {metric: [] for metric in METRICS}
    for seed in SEEDS:
        table = run(params, seed=seed, steps=WEEKS, metrics=METRICS, baseline=False).timeseries
        later = table[table["week"] >= FROM_WEEK]
        for metric in METRICS:
            out[metric].append(float(later[metric].mean()))
    return out


def main() -> None:
    """Regenerate the stored reference."""
    PATH.write_text(json.dumps({arm: levels(arm) for arm in ARMS}, indent=1), encoding="utf-8")
    print(f"wrote {PATH.relative_to(PATH.parent.parent.parent)}", file=sys.stderr)


if __name__ == "__main__":
    main()
