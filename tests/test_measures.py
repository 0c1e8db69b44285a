import math

import pandas as pd

from simulatie.core.measures import emergence_week, half_life_after


def series(caring, share=None):
    weeks = list(range(len(caring)))
    share = share if share is not None else [c / 10 for c in caring]
    return pd.DataFrame({"week": weeks, "caring_ties": caring, "share_with_caring_tie": share})


def test_emergence_is_the_first_week_over_the_threshold():
    ts = series([0, 1, 2, 3, 2], share=[0, 0.05, 0.12, 0.2, 0.15])
    assert emergence_week(ts, 0.1) == 2
    assert math.isnan(emergence_week(ts, 0.5))


def test_half_life_counts_weeks_until_half_the_level_at_support_end():
    ts = series([0, 4, 8, 8, 7, 6, 5, 4, 3])
    assert half_life_after(ts, 3) == 4  # 8 at week 3, 4 at week 7
    assert math.isnan(half_life_after(ts, None))
    assert math.isnan(half_life_after(series([0, 4, 8, 8, 8]), 2))
