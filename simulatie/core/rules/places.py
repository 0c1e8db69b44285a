"""Keeping a meeting place open: what a project's money carries, and what lapses when it ends.

``docs/odd.md`` 7.7.7. A meeting place that an intervention opens is kept by the project: its
money pays the rent, its professionals hold the keys and do the paperwork (seed 002: every
project must find its own funding). While the project is funded, organisers with a sense of
ownership and the professionals' support for initiators can take the keeping over (a
*beheergroep*). A place the project still keeps when the funding ends, or whose resident keepers
have all stopped, is not closed at once: for ``GRACE_WEEKS`` its users look for someone to keep
it, and it closes when nobody steps in. A place that residents keep:

* costs its keepers its upkeep (``upkeep_drain``, shared) once the project's money has gone,
  and, once a year, needs a grant for the rent: the council gives it with
  ``government_responsiveness``, otherwise the keepers find the money themselves at the cost of a
  rejected plan's energy (seed 003 case 3);
* loses a keeper who stops organising.

An activity whose place closes moves to another open place, or ends (:mod:`.activities`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..calendar import WEEKS_PER_YEAR
from ..state.keyed import keyed_uniform
from ..state.programme import Keeper
from .activities import move_or_end, willingness
from .professionals import funded

if TYPE_CHECKING:
    from ..state.neighbourhood import Neighbourhood
    from ..state.support import Budget

__all__ = ["GRACE_WEEKS", "KEEPER_TEAM", "keep_places", "upkeep_share"]

KEEPER_TEAM = 2  # residents who take over keeping a place together (a beheergroep)
# Organisers can set up a beheergroep without a professional, but (an assumption) four times
# slower: the paperwork and the talks with the owner go faster with someone who knows the way.
UNSUPPORTED_HANDOVER = 0.25
GRACE_WEEKS = 13  # a quarter's notice: how long a place stays open while someone is sought
PLACE_KEY = 1_000_000  # keeps a place's keyed draws apart from those of homes and activities


def _organisers_at(nb: Neighbourhood, place: int) -> np.ndarray:
    """The initiators who organise an activity at ``place``, most willing first."""
    homes = [o for a in nb.programme.running() if a.place == place for o in a.organisers]
    homes = np.unique(np.array(homes, dtype=np.int64))
    return homes[np.argsort(-willingness(nb.population, homes), kind="stable")]


def keep_places(nb: Neighbourhood, budget: Budget) -> None:
    """This week's keeping of every open meeting place (see the module's rules)."""
    programme = nb.programme
    is_funded = funded(nb.params, nb.week)
    draws = nb.streams.draws("organising")
    support = min(1.0, budget.initiators / nb.params.initiator_support_hours)
    for place in programme.open_places().tolist():
        who = programme.layout.homes + PLACE_KEY + place  # the place's own keyed draws
        pop = nb.population
        programme.keepers[place] = [k for k in programme.keepers[place] if pop.is_initiator[k]]
        keeper = int(programme.keeper[place])  # a Python int compares fast with a Keeper
        if keeper == Keeper.RESIDENTS and not programme.keepers[place] and is_funded:
            programme.keeper[place] = keeper = Keeper.PROJECT  # the project takes it back
        if keeper == Keeper.PROJECT and is_funded:
            handover = nb.params.handover_rate * max(UNSUPPORTED_HANDOVER, support)
            _take_over(nb, place, handover, keyed_uniform(draws.key, nb.week, who, 0))
        elif keeper == Keeper.PROJECT or not programme.keepers[place]:
            _search(nb, place, keyed_uniform(draws.key, nb.week, who, 1))
        elif not is_funded:
            _yearly_grant(nb, place, keyed_uniform(draws.key, nb.week, who, 2))


def _take_over(nb: Neighbourhood, place: int, rate: float, u: float) -> bool:
    """The most willing organisers at the place take over keeping it, or not.

    The chance is ``rate`` × their willingness; taking over from the project needs a team of
    :data:`KEEPER_TEAM`, replacing a resident keeper one organiser.
    """
    programme = nb.programme
    team = KEEPER_TEAM if int(programme.keeper[place]) == Keeper.PROJECT else 1
    organisers = _organisers_at(nb, place)[:team]
    if len(organisers) < team:
        return False
    if u >= rate * float(willingness(nb.population, organisers).mean()):
        return False
    programme.keeper[place] = Keeper.RESIDENTS
    programme.keepers[place] = organisers.tolist()
    programme.searching[place] = -1
    return True


def _search(nb: Neighbourhood, place: int, u: float) -> None:
    """Nobody keeps the place: its organisers look for a keeper for a while, then it closes.

    Taking over a place the project kept needs a team without a professional's help
    (``handover_rate`` × ``UNSUPPORTED_HANDOVER``); replacing a resident keeper needs one
    organiser, who steps in with their willingness as chance.
    """
    programme = nb.programme
    if programme.searching[place] < 0:
        programme.searching[place] = nb.week
    from_project = int(programme.keeper[place]) == Keeper.PROJECT
    rate = nb.params.handover_rate * UNSUPPORTED_HANDOVER if from_project else 1.0
    if not _take_over(nb, place, rate, u) and nb.week - programme.searching[place] >= GRACE_WEEKS:
        _close(nb, place)


def _yearly_grant(nb: Neighbourhood, place: int, u: float) -> None:
    """Once a year after the funding ended, the rent needs a grant; without it keepers pay."""
    since = nb.week - nb.params.pilot_weeks  # the funding ended at the pilot's end
    if since <= 0 or since % WEEKS_PER_YEAR != 0 or u < nb.params.government_responsiveness:
        return
    keepers = nb.programme.keepers[place]
    nb.population.energy[keepers] -= nb.params.rejection_energy
    nb.programme.rejected_plans += 1


def _close(nb: Neighbourhood, place: int) -> None:
    """Nobody keeps the place: it closes, and its activities move elsewhere or end."""
    nb.programme.close(place)
    for activity in nb.programme.running():
        if activity.place == place:
            move_or_end(nb, activity)


def upkeep_share(nb: Neighbourhood) -> np.ndarray:
    """Per resident, the weekly energy keeping places costs them (nothing while funded)."""
    cost = np.zeros(nb.population.n)
    if funded(nb.params, nb.week):
        return cost
    programme = nb.programme
    for place in np.flatnonzero(programme.keeper == Keeper.RESIDENTS).tolist():
        keepers = programme.keepers[place]
        if keepers:
            cost[keepers] += nb.params.upkeep_drain / len(keepers)
    return cost
