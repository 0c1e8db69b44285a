"""Counts over residents and ties that many metrics share, each made in one compiled pass.

Most metrics are a count of residents (or ties) with some property, or such a count among the
residents aged 75+. Rather than building a mask and counting it per metric, an
:class:`~.observation.Observation` makes every count it may need in one pass over the residents
(:func:`tally_residents`) and one over the ties (:func:`tally_ties`), at its first use in a week.
Only counts are made here: every sum of hours or strengths stays with numpy, in numpy's order.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numba import njit

from ..state.neighbourhood import Neighbourhood
from ..state.numeric import popcount
from ..state.ties import TieStage

__all__ = ["ResidentTally", "TieTally", "tally_residents", "tally_ties"]


class ResidentTally(NamedTuple):
    """Counts of residents: who is 75+, lonely, recently helped or active, and how often.

    Attributes:
        residents: All residents (homes).
        older: Residents aged 75 and over.
        oldest: Residents aged 80 and over.
        with_caring_tie: Residents with at least one caring tie.
        lonely: Residents with fewer close ties than ``lonely_below_ties``.
        lonely_older: Lonely residents aged 75+.
        helped_year: Residents who helped over their own ties in the past year.
        idle_not_asked: Residents who neither helped nor were asked in the past year.
        informal_year: Residents who gave informal care in the past year.
        informal_year_older: The same among residents aged 75+.
        helped_by_ties_year_older: Residents aged 75+ who received help over their own ties
            in the past year.
        volunteered_year: Residents who were a volunteer or initiator in the past year.
        volunteered_year_older: The same among residents aged 75+.
        volunteers: Volunteers signed up now.
        initiators: Initiators now.
        attended: Residents who attended an activity this week.
        weeks_helped_month: Residents by the number of the past four weeks in which they helped
            over their own ties (index 0: none of them).
    """

    residents: int
    older: int
    oldest: int
    with_caring_tie: int
    lonely: int
    lonely_older: int
    helped_year: int
    idle_not_asked: int
    informal_year: int
    informal_year_older: int
    helped_by_ties_year_older: int
    volunteered_year: int
    volunteered_year_older: int
    volunteers: int
    initiators: int
    attended: int
    weeks_helped_month: tuple[int, ...]


class TieTally(NamedTuple):
    """Counts of ties: per stage, and the friendly-or-caring ones across groups.

    Attributes:
        stages: Ties per stage, indexed by :class:`~simulatie.core.state.ties.TieStage`.
        close: Friendly or caring ties.
        bridging: Friendly or caring ties between residents of different groups.
    """

    stages: tuple[int, ...]
    close: int
    bridging: int


def tally_residents(
    nb: Neighbourhood, old_age: float, oldest_age: float, since: int, month: int
) -> ResidentTally:
    """Count the residents every resident metric reads, in one pass.

    Args:
        nb: The neighbourhood after the week.
        old_age: Age from which a resident counts as older.
        oldest_age: Age from which a resident counts among the oldest.
        since: Something happened "in the past year" when its week is after this one.
        month: The weeks of the past month (fewer than the weeks of helping remembered).

    Returns:
        The counts.
    """
    pop = nb.population
    views = nb.views
    *counts, weeks = _count_residents(
        pop.age, old_age, oldest_age, views.caring_counts, views.friendly_counts,
        nb.params.lonely_below_ties, pop.last_network_help_week, pop.last_asked_week,
        pop.last_informal_week, pop.last_helped_week, pop.last_volunteer_week, since,
        pop.is_volunteer, pop.is_initiator, pop.attended, pop.help_history,
        np.uint32((1 << month) - 1), month)
    return ResidentTally(len(pop.age), *counts, tuple(weeks.tolist()))


@njit(cache=True)
def _count_residents(age, old_age, oldest_age, caring, close, lonely_below, last_help, last_asked,
                     last_informal, last_helped, last_volunteer, since, volunteer, initiator,
                     attended, help_history, month_mask, month):
    """The counts of :class:`ResidentTally` after ``residents``, in its order."""
    older = oldest = with_caring = lonely = lonely_older = helped_year = idle_not_asked = 0
    informal_year = informal_older = helped_older = volunteered = volunteered_older = 0
    volunteers = initiators = attending = 0
    weeks = np.zeros(month + 1, np.int64)
    for i in range(len(age)):
        old = age[i] >= old_age
        older += old
        oldest += age[i] >= oldest_age
        with_caring += caring[i] > 0
        alone = close[i] < lonely_below
        lonely += alone
        lonely_older += alone and old
        helped = last_help[i] > since
        helped_year += helped
        idle_not_asked += not helped and not last_asked[i] > since
        informal = last_informal[i] > since
        informal_year += informal
        informal_older += informal and old
        helped_older += last_helped[i] > since and old
        active = last_volunteer[i] > since
        volunteered += active
        volunteered_older += active and old
        volunteers += volunteer[i]
        initiators += initiator[i]
        attending += attended[i]
        weeks[popcount(help_history[i] & month_mask)] += 1
    return (older, oldest, with_caring, lonely, lonely_older, helped_year, idle_not_asked,
            informal_year, informal_older, helped_older, volunteered, volunteered_older,
            volunteers, initiators, attending, weeks)



def tally_ties(nb: Neighbourhood) -> TieTally:
    """Count the ties every tie-count metric reads, in one pass."""
    ties = nb.ties
    stages, close, bridging = _count_ties(ties.stage, ties.a, ties.b, nb.population.group,
                                          _STAGES, _FRIENDLY)
    return TieTally(tuple(stages.tolist()), close, bridging)


_STAGES = len(TieStage)
_FRIENDLY = int(TieStage.FRIENDLY)


@njit(cache=True)
def _count_ties(stage, a, b, group, stages, friendly):
    """Ties per stage, friendly-or-caring ties, and those between different groups.

    Returns:
        ``(per_stage, close, bridging)``.
    """
    per_stage = np.zeros(stages, np.int64)
    close = bridging = 0
    for e in range(len(stage)):
        per_stage[stage[e]] += 1
        if stage[e] >= friendly:
            close += 1
            if group[a[e]] != group[b[e]]:
                bridging += 1
    return per_stage, close, bridging
