"""Who needs care at 75+: the table in ``docs/calibration.md`` ("Who needs care at 75+").

Runs the neighbourhood with nothing organised (every lever at its baseline) for ten years on five
seeds, for the defaults and for a few context assumptions changed one run at a time, and prints
the year-end means of the measures behind targets 5, 6 and 15 (``docs/targets.md``): the share
with a health-related need at 65-74, 75+ and 85+, receiving mantelzorg at 75+, the hours a
receiver 55+ gets, and neighbours among the carers of people 55+. It tunes nothing.

Run (about two minutes on two cores)::

    python experiments/need_at_75plus.py
    python experiments/need_at_75plus.py '{"frailty_rate": 0.0004, "frail_need_hours": 40}'
"""

from __future__ import annotations

import json
import sys

import pandas as pd

from simulatie import make_parameters, run
from simulatie.core.parameters import baseline_parameters

SEEDS = range(5)
YEARS = 10
MEASURES = (
    "health_need_share_65_74", "health_need_share_75plus", "health_need_share_85plus",
    "informal_care_received_share_75plus", "mantelzorg_hours_55plus",
    "neighbour_share_of_carers_55plus",
)
CHANGES: tuple[dict[str, float], ...] = (
    {},
    {"frailty_rate": 0.0006},
    {"frailty_rate": 0.0004},
    {"frailty_rate": 0.0004, "frail_need_hours": 40.0},
    {"frailty_rate": 0.0004, "frail_need_hours": 40.0, "frailty_age_scale": 14.0},
)


def year_end_means(changes: dict[str, float]) -> pd.Series:
    """The measures' mean over the year ends of every seed, with nothing organised."""
    params = baseline_parameters(make_parameters(changes))
    rows = []
    for seed in SEEDS:
        table = run(params, seed=seed, steps=52 * YEARS, metrics=list(MEASURES),
                    baseline=False).timeseries
        year_ends = table[(table["week"] % 52 == 0) & (table["week"] > 0)]
        rows.append(year_ends[list(MEASURES)].mean())
    return pd.DataFrame(rows).mean()


def main(argv: list[str]) -> None:
    """Print one row per set of changes (the defaults first)."""
    sets = [json.loads(arg) for arg in argv] if argv else list(CHANGES)
    table = pd.DataFrame({json.dumps(changes) if changes else "defaults": year_end_means(changes)
                          for changes in sets}).T
    with pd.option_context("display.width", 200, "display.max_columns", 10):
        print(table.round(3))


if __name__ == "__main__":
    main(sys.argv[1:])
