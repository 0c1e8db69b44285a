"""Professional support: the week's hours, how they are spent, and what takeover does.

Each professional splits their weekly hours into *doing* (share ``takeover``: running activities
and giving care themselves) and *facilitating* (supporting initiators, matching help-seekers with
volunteers, inviting and connecting people). All effects of ``takeover`` live in this module
(``docs/odd.md`` 7.8):

* the split of hours (:func:`week_budget`);
* professionals who do the work run activities of their own and step into resident-run ones
  (:func:`run_activities`, :func:`step_into_activities`), within their doing hours;
* organisers of an activity that professionals have stepped into lose drive each week
  (:func:`crowding_out`): controlling help crowds out intrinsic motivation (Frey & Jegen 2001),
  so organisers step back one by one, not all at once;
* what doing hours are left go to residents in need directly (:func:`give_direct_care`).

Seed 002 names the risk of taking over; Oude Vrielink & van de Wijdeven ask for support that is
"aanvullend in plaats van invullend". The guidance style (Pröpper 2009, seed 003) says how the
facilitating hours are divided and how much room residents get. Pilot funding withdraws the
professionals after ``pilot_weeks`` (seed 002: pilots without follow-up lead nowhere).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..parameters import Funding, GuidanceStyle, Parameters
from ..state.keyed import KeyedStream, keyed_uniform
from ..state.population import Population
from ..state.programme import ActivityProgramme
from ..state.support import Budget, Support
from .activities import activity_key, start_professional_activity

__all__ = [
    "STYLE_PROFILES",
    "StyleProfile",
    "arrive",
    "check_funding",
    "crowding_out",
    "funded",
    "give_direct_care",
    "run_activities",
    "step_into_activities",
    "week_budget",
]

# The weekly support hours that fully back one initiator are a declared parameter (group
# professionals: ``initiator_support_hours``), as is the share of the doing hours professionals
# budget for activities of their own (``own_activities_share``).


@dataclass(frozen=True)
class StyleProfile:
    """What a guidance style means in behaviour.

    Attributes:
        room: How much say residents get (0..1): the chance that residents, not the
            professional, take the decisions at a resident-run meeting the professional joins
            (:mod:`.meetings`).
        initiators: Share of facilitation hours spent supporting initiators.
        matching: Share spent finding and matching help-seekers.
        connecting: Share spent inviting people and bridging groups.
    """

    room: float
    initiators: float
    matching: float
    connecting: float


STYLE_PROFILES: dict[GuidanceStyle, StyleProfile] = {
    GuidanceStyle.CLOSED_AUTHORITARIAN: StyleProfile(0.05, 0.1, 0.6, 0.3),
    GuidanceStyle.OPEN_AUTHORITARIAN: StyleProfile(0.2, 0.15, 0.55, 0.3),
    GuidanceStyle.CONSULTATIVE: StyleProfile(0.4, 0.25, 0.45, 0.3),
    GuidanceStyle.PARTICIPATIVE: StyleProfile(0.6, 0.35, 0.35, 0.3),
    GuidanceStyle.DELEGATING: StyleProfile(0.8, 0.6, 0.2, 0.2),
    GuidanceStyle.COOPERATIVE: StyleProfile(0.8, 0.4, 0.3, 0.3),
    GuidanceStyle.FACILITATING: StyleProfile(0.9, 0.3, 0.35, 0.35),
}


def arrive(support: Support, params: Parameters) -> None:
    """The professionals arrive (week 0 of an intervention)."""
    support.professionals = params.professionals if params.professional_hours > 0 else 0


def funded(params: Parameters, week: int) -> bool:
    """Whether professional support is still paid for in ``week``."""
    return params.funding is Funding.STRUCTURAL or week < params.pilot_weeks


def check_funding(support: Support, params: Parameters, week: int) -> bool:
    """Withdraw the professionals when a pilot ends; return True in the week they leave."""
    if support.present and not funded(params, week) and support.ended_week is None:
        support.ended_week = week
        support.professionals = 0
        return True
    return False


def week_budget(params: Parameters, support: Support) -> Budget:
    """Split this week's professional hours into doing and the three kinds of facilitating."""
    if not support.present:
        return Budget()
    style = STYLE_PROFILES[params.guidance_style]
    hours = support.professionals * params.professional_hours
    doing = hours * params.takeover
    facilitating = hours - doing
    return Budget(
        doing=doing,
        initiators=facilitating * style.initiators,
        matching=facilitating * style.matching,
        connecting=facilitating * style.connecting,
        room=style.room,
    )


def _meeting_cost(params: Parameters) -> float:
    """Weekly professional hours one professional-run activity costs."""
    return params.hours_per_meeting / params.activity_interval_weeks


def run_activities(
    programme: ActivityProgramme, params: Parameters, budget: Budget, week: int,
    draws: KeyedStream,
) -> None:
    """Professionals who do the work start activities of their own, with part of their doing hours.

    They budget ``own_activities_share`` of the doing hours (half) for them, at most one of
    their own per open meeting place.
    """
    places = len(programme.open_places())
    if budget.doing <= 0 or places == 0:
        return
    own = programme.count_professional_run()
    wanted = min(int(budget.doing * params.own_activities_share // _meeting_cost(params)),
                 places)
    if params.one_off_events:  # one-off events: professionals, too, hold one now and then
        if week < programme.professional_next_event:
            return
        programme.professional_next_event = week + params.retry_weeks
    for _ in range(max(0, wanted - own)):
        if start_professional_activity(programme, params, week, draws) is None:
            break


def step_into_activities(
    programme: ActivityProgramme, params: Parameters, budget: Budget, week: int,
    draws: KeyedStream,
) -> None:
    """Professionals who do the work step into resident-run activities, within their hours.

    Each week a resident-run activity is stepped into with chance ``takeover_rate`` ×
    ``takeover``², if the doing hours can run one more activity. The organisers stay; what
    happens to them is :func:`crowding_out`.
    """
    rate = params.takeover_rate * params.takeover**2
    if budget.doing <= 0 or rate == 0:
        return
    room = int(budget.doing // _meeting_cost(params)) - programme.count_professional_run()
    for activity in programme.running():
        if room <= 0:
            break
        u = keyed_uniform(draws.key, week, activity_key(programme, activity), 5)
        if not activity.professional_run and activity.organised and u < rate:
            activity.professional_run = True
            room -= 1


def crowding_out(
    pop: Population, programme: ActivityProgramme, params: Parameters
) -> np.ndarray:
    """Organisers of activities that professionals run lose drive (Frey & Jegen 2001).

    Args:
        pop: The population.
        programme: The activities.
        params: The run's parameters.

    Returns:
        The weekly energy loss of every resident (zero for all but crowded-out organisers);
        :func:`~.initiators.update_energy` applies it.
    """
    loss = np.zeros(pop.n)
    run_by_professionals = programme.professional_run_ids()
    if len(run_by_professionals) == 0:
        return loss
    run = np.zeros(programme.next_ident + 1, dtype=np.bool_)
    run[run_by_professionals] = True
    crowded = pop.is_initiator & run[pop.activity]  # NO_ACTIVITY (-1) reads the spare last flag
    loss[crowded] = params.crowding_out * params.takeover
    return loss


def give_direct_care(remaining: np.ndarray, budget: Budget) -> np.ndarray:
    """Professionals who do the work give care themselves, to everyone in need, pro rata.

    Args:
        remaining: Hours of need still open per resident (not changed).
        budget: This week's hours; the doing hours left after running activities are spent.

    Returns:
        Hours of care given to each resident.
    """
    if budget.doing <= 0:
        return np.zeros_like(remaining)
    total = remaining.sum()
    if total <= 0:
        return np.zeros_like(remaining)
    given = remaining * min(1.0, budget.doing / total)
    budget.spend_doing(float(given.sum()))
    return given
