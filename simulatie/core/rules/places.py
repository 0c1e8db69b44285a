"""Keeping a meeting place open: what a project's money carries, and what lapses when it ends.

``docs/odd.md`` 7.7.7. A meeting place that an intervention opens is kept by the project: its
money pays the rent, its professionals hold the keys and do the paperwork (seed 002: every
project must find its own funding). While the project is funded, organisers with a sense of
ownership and the professionals' support for initiators can take the keeping over (a
*beheergroep*). A place the project still keeps when the funding ends, or whose resident keepers
have all stopped, is not closed at once: for ``grace_weeks`` its users look for someone to keep
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
from ..state.keyed import KeyedStream, keyed_uniform
from ..state.population import Population
from ..state.programme import ActivityProgramme, Keeper
from .activities import move_or_end, willingness
from .professionals import funded

if TYPE_CHECKING:
    from ..parameters import Parameters
    from ..state.support import Budget

__all__ = ["keep_places", "upkeep_share"]

# The sizes of these rules are declared parameters (group activities): ``keeper_team`` (residents
# who take over keeping a place together, a beheergroep), ``unsupported_handover`` (organisers can
# set up a beheergroep without a professional, but four times slower: the paperwork and the talks
# with the owner go faster with someone who knows the way) and ``grace_weeks`` (a quarter's
# notice: how long a place stays open while someone is sought).
PLACE_KEY = 1_000_000  # keeps a place's keyed draws apart from those of homes and activities


def _organisers_at(pop: Population, programme: ActivityProgramme, place: int) -> np.ndarray:
    """The initiators who organise an activity at ``place``, most willing first."""
    homes = [o for a in programme.running() if a.place == place for o in a.organisers]
    homes = np.unique(np.array(homes, dtype=np.int64))
    return homes[np.argsort(-willingness(pop, homes), kind="stable")]


def keep_places(
    pop: Population, programme: ActivityProgramme, params: Parameters, week: int,
    draws: KeyedStream, budget: Budget,
) -> None:
    """This week's keeping of every open meeting place (see the module's rules).

    Args:
        pop: The population.
        programme: The activities and meeting places.
        params: The parameters in force.
        week: This week.
        draws: The keyed ``organising`` stream.
        budget: This week's professional hours (support for initiators helps a handover).

    Writes: programme (``keeper``, ``keepers``, ``searching``, places that close and the
    activities that move or end), pop.energy (keepers paying without a grant), pop.activity.
    """
    is_funded = funded(params, week)
    support = min(1.0, budget.initiators / params.initiator_support_hours)
    for place in programme.open_places().tolist():
        who = programme.layout.homes + PLACE_KEY + place  # the place's own keyed draws
        programme.keepers[place] = [k for k in programme.keepers[place] if pop.is_initiator[k]]
        keeper = int(programme.keeper[place])  # a Python int compares fast with a Keeper
        if keeper == Keeper.RESIDENTS and not programme.keepers[place] and is_funded:
            programme.keeper[place] = keeper = Keeper.PROJECT  # the project takes it back
        if keeper == Keeper.PROJECT and is_funded:
            handover = params.handover_rate * max(params.unsupported_handover, support)
            _take_over(pop, programme, params, place, handover,
                       keyed_uniform(draws.key, week, who, 0))
        elif keeper == Keeper.PROJECT or not programme.keepers[place]:
            _search(pop, programme, params, week, place, keyed_uniform(draws.key, week, who, 1))
        elif not is_funded:
            _yearly_grant(pop, programme, params, week, place,
                          keyed_uniform(draws.key, week, who, 2))


def _take_over(
    pop: Population, programme: ActivityProgramme, params: Parameters, place: int, rate: float,
    u: float,
) -> bool:
    """The most willing organisers at the place take over keeping it, or not.

    The chance is ``rate`` × their willingness; taking over from the project needs a team of
    ``keeper_team``, replacing a resident keeper one organiser.
    """
    team = params.keeper_team if int(programme.keeper[place]) == Keeper.PROJECT else 1
    organisers = _organisers_at(pop, programme, place)[:team]
    if len(organisers) < team:
        return False
    if u >= rate * float(willingness(pop, organisers).mean()):
        return False
    programme.keeper[place] = Keeper.RESIDENTS
    programme.keepers[place] = organisers.tolist()
    programme.searching[place] = -1
    return True


def _search(
    pop: Population, programme: ActivityProgramme, params: Parameters, week: int, place: int,
    u: float,
) -> None:
    """Nobody keeps the place: its organisers look for a keeper for a while, then it closes.

    Taking over a place the project kept needs a team without a professional's help
    (``handover_rate`` × ``unsupported_handover``); replacing a resident keeper needs one
    organiser, who steps in with their willingness as chance.
    """
    if programme.searching[place] < 0:
        programme.searching[place] = week
    from_project = int(programme.keeper[place]) == Keeper.PROJECT
    rate = params.handover_rate * params.unsupported_handover if from_project else 1.0
    if (not _take_over(pop, programme, params, place, rate, u)
            and week - programme.searching[place] >= params.grace_weeks):
        _close(pop, programme, params, place)


def _yearly_grant(
    pop: Population, programme: ActivityProgramme, params: Parameters, week: int, place: int,
    u: float,
) -> None:
    """Once a year after the funding ended, the rent needs a grant; without it keepers pay."""
    since = week - params.pilot_weeks  # the funding ended at the pilot's end
    if since <= 0 or since % WEEKS_PER_YEAR != 0 or u < params.government_responsiveness:
        return
    keepers = programme.keepers[place]
    pop.energy[keepers] -= params.rejection_energy
    programme.rejected_plans += 1


def _close(
    pop: Population, programme: ActivityProgramme, params: Parameters, place: int
) -> None:
    """Nobody keeps the place: it closes, and its activities move elsewhere or end."""
    programme.close(place)
    for activity in programme.running():
        if activity.place == place:
            move_or_end(pop, programme, params, activity)


def upkeep_share(
    pop: Population, programme: ActivityProgramme, params: Parameters, week: int
) -> np.ndarray:
    """Per resident, the weekly energy keeping places costs them (nothing while funded).

    Args:
        pop: The population (its size).
        programme: The meeting places and their keepers.
        params: The parameters in force.
        week: This week.

    Writes: nothing.
    """
    cost = np.zeros(pop.n)
    if funded(params, week):
        return cost
    for place in np.flatnonzero(programme.keeper == Keeper.RESIDENTS).tolist():
        keepers = programme.keepers[place]
        if keepers:
            cost[keepers] += params.upkeep_drain / len(keepers)
    return cost
