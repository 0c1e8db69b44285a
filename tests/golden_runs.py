"""Golden runs: a short run per shipped scenario, stored, so that nothing changes results silently.

Each golden run is the scenario on seed 0 with a short spin-up, over two years, and records a few
metrics that together touch every stage of the week (demography and need, meeting, care from
every source, ties, volunteers and initiators). ``tests/test_golden.py`` compares a fresh run with
the stored one exactly. When a change alters results on purpose, regenerate them and say so in
the commit::

    .venv/bin/python tests/golden_runs.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from simulatie import load_scenario, run
from simulatie.experiment.scenarios import list_scenarios

SCENARIOS = [scenario.name for scenario in list_scenarios()]

FOLDER = Path(__file__).resolve().parent / "golden"
OVERRIDES = {"spin_up_weeks": 156}
WEEKS = 104
SEED = 0
METRICS = ("care_hours_needed", "care_hours_formal", "care_hours_network",
           "care_hours_volunteers", "care_hours_professional", "care_hours_unmet",
           "caring_ties", "friendly_ties", "active_volunteers", "active_initiators",
           "attendance", "mean_tie_strength")


def golden_run(name: str) -> dict[str, list[float]]:
    """The scenario's golden run: every recorded column, week by week."""
    params = load_scenario(name, OVERRIDES).parameters
    table = run(params, seed=SEED, steps=WEEKS, metrics=METRICS).timeseries
    return {column: table[column].tolist() for column in table.columns}


def path(name: str) -> Path:
    """Where a scenario's golden run is stored."""
    return FOLDER / f"{name}.json"


def main() -> None:
    """Regenerate every scenario's golden run."""
    FOLDER.mkdir(exist_ok=True)
    for name in SCENARIOS:
        path(name).write_text(json.dumps(golden_run(name)), encoding="utf-8")
        print(f"wrote {path(name).relative_to(FOLDER.parent.parent)}", file=sys.stderr)


if __name__ == "__main__":
    main()
