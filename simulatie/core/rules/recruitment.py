"""Finding volunteers: a scheme's first sign-ups, signing up on one's own, flyers, being asked.

``docs/odd.md`` 7.10.1 (seed 003 case 2; Smith's review: being asked by someone you know is the
key trigger):

* mass flyering reaches everyone in short campaigns; those who sign up chose for themselves,
  on impulse, what they would like to do, which often fits no request (their fit is drawn
  uniformly around ``flyer_fit``);
* personal asking goes through friendly ties: the asker knows what the friend can and likes to
  do and the friend says yes to someone they know, so the closer the tie, the better the fit and
  the stronger the commitment;
* residents with a sense of ownership also sign up on their own, where a scheme exists to sign
  up to; residents in the consumer role less so.

Recruitment runs while support is funded. Every draw is keyed by the resident and the week.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numba import njit

from ..parameters import Recruitment
from ..state.keyed import keyed_uniform
from .capacity import capacity
from .professionals import funded
from .roles import add_volunteers

if TYPE_CHECKING:
    from ..parameters import Parameters
    from ..state.population import Population
    from ..state.roles import RoleLog
    from ..state.streams import Streams
    from ..state.support import Support
    from ..state.ties import TieNetwork
    from ..state.views import NetworkViews

__all__ = ["RecruitmentParts", "recruit_volunteers", "start_volunteer_scheme"]

# The sizes of these rules are declared parameters (group volunteers: ``initial_motivation``,
# ``initial_fit``, ``scheme_start_hours`` for a scheme's first sign-ups; ``sign_up_hours``,
# ``flyer_motivation``, ``flyer_sociability_base``, ``campaign_every_weeks``,
# ``campaign_weeks``, ``personal_motivation``, ``personal_accept`` and
# ``asked_closeness_base`` later).
FLYER_FIT_UP_TO = 2.0
"""A flyered volunteer's fit is drawn uniformly up to this many times ``flyer_fit`` (so that
``flyer_fit`` is its mean), at most 1."""


@dataclass(frozen=True)
class RecruitmentParts:
    """The parts of the neighbourhood that recruiting volunteers reads and writes.

    Reads: the population's capacity, ownership, reliance, sociability and roles; the close
    ties (``views``) and their hours (``ties``); whether professionals work here
    (``support``); the parameters; the keyed ``volunteering`` and ``motives`` streams.
    Writes: the new volunteers' rows of ``pop`` and the role log (``roles``), through
    :func:`~.roles.add_volunteers`.
    """

    pop: Population
    ties: TieNetwork
    views: NetworkViews
    roles: RoleLog
    support: Support
    params: Parameters
    streams: Streams
    week: int

    def sign_up(self, homes: np.ndarray, motivation: float | np.ndarray,
                fit: float | np.ndarray) -> None:
        """Residents in ``homes`` sign up, with their commitment and fit."""
        add_volunteers(self.pop, self.roles, self.streams, self.params, self.week, homes,
                       motivation, fit)


def start_volunteer_scheme(pop: Population, roles: RoleLog, streams: Streams,
                           params: Parameters, week: int) -> None:
    """At week 0 a share of residents with time to give signs up (``initial_volunteer_share``).

    They are the residents with more time to give than ``scheme_start_hours`` whose keyed draw
    of week 0 is lowest, so the same people sign up in every arm that starts a scheme; they
    start with ``initial_motivation`` and ``initial_fit``.

    Args:
        pop: The population.
        roles: The role log.
        streams: The random streams (the keyed ``volunteering`` and ``motives`` streams).
        params: The run's parameters.
        week: The current week (0).

    Writes: the new volunteers' rows of pop; roles (:func:`~.roles.add_volunteers`).
    """
    able = np.flatnonzero(capacity(pop, params) > params.scheme_start_hours)
    count = min(len(able), round(params.initial_volunteer_share * pop.n))
    if count:
        order = np.argsort(streams.draws("volunteering").uniform(week, able, 0), kind="stable")
        add_volunteers(pop, roles, streams, params, week, np.sort(able[order[:count]]),
                       params.initial_motivation, params.initial_fit)


def recruit_volunteers(pop: Population, ties: TieNetwork, views: NetworkViews, roles: RoleLog,
                       support: Support, params: Parameters, streams: Streams,
                       week: int, can_give: np.ndarray) -> None:
    """Sign up new volunteers: on their own where a scheme exists, and by the recruitment route.

    Args:
        pop: The population.
        ties: The tie network (hours of the tie between asker and friend).
        views: This week's views of the tie network (close ties).
        roles: The role log.
        support: Whether professionals work here (a scheme exists; flyer campaigns).
        params: The parameters in force.
        streams: The random streams (the keyed ``volunteering`` and ``motives`` streams).
        week: The current week.
        can_give: Hours each resident can give this week (:func:`~.capacity.capacity`).

    Writes: the new volunteers' rows of pop; roles (:func:`~.roles.add_volunteers`).
    """
    p = params
    free, spontaneous = _spontaneous(
        pop.is_volunteer, can_give, pop.ownership, pop.reliance, p.spontaneous_sign_up,
        bool(support.present), streams.draws("volunteering").key, week, float(p.sign_up_hours))
    add_volunteers(pop, roles, streams, params, week, spontaneous, p.personal_motivation,
                   p.personal_fit)
    if p.recruitment is Recruitment.NONE or not funded(p, week):
        return
    parts = RecruitmentParts(pop, ties, views, roles, support, params, streams, week)
    if p.recruitment is Recruitment.FLYER:
        signed_up = np.zeros(pop.n, dtype=bool)
        signed_up[spontaneous] = True
        _flyer_campaign(parts, free & ~signed_up)
    else:
        _ask_friends(parts, free)


@njit(cache=True)
def _spontaneous(is_volunteer, hours, ownership, reliance, rate, present, key, week,
                 sign_up_hours):
    """Who is free to sign up, and who signs up on their own this week.

    Free: not a volunteer yet, with more than ``sign_up_hours`` to give. Where a scheme exists
    (professionals are ``present`` or anyone volunteers), a free resident signs up with chance
    ``rate`` × ownership × (1 − reliance) (keyed draw 1 of their week); elsewhere nobody does.

    Returns:
        ``(free, homes)``: the mask of free residents and the homes of those who sign up.
    """
    if not (present or is_volunteer.any()):
        rate = 0.0
    free = np.zeros(len(is_volunteer), np.bool_)
    homes = np.empty(len(is_volunteer), np.int64)
    k = 0
    for i in range(len(is_volunteer)):
        free[i] = not is_volunteer[i] and hours[i] > sign_up_hours
        if free[i] and keyed_uniform(key, week, i, 1) < rate * (ownership[i] * (1.0 - reliance[i])):
            homes[k] = i
            k += 1
    return free, homes[:k]


def _flyer_campaign(parts: RecruitmentParts, free: np.ndarray) -> None:
    """In campaign weeks, residents who read a flyer sign up on impulse, for what they like.

    A campaign of ``campaign_weeks`` starts every ``campaign_every_weeks``; a free resident
    signs up with chance ``flyer_response`` × ``recruitment_effort`` ×
    (``flyer_sociability_base`` + sociability), with ``flyer_motivation`` and a fit drawn
    uniformly up to :data:`FLYER_FIT_UP_TO` × ``flyer_fit``, at most 1.
    """
    p = parts.params
    pop = parts.pop
    week = parts.week
    if not parts.support.present or week % p.campaign_every_weeks >= p.campaign_weeks:
        return  # a campaign needs an organisation behind it
    draws = parts.streams.draws("volunteering")
    homes = np.arange(pop.n)
    chance = (p.flyer_response * p.recruitment_effort
              * (p.flyer_sociability_base + pop.sociability))
    signing = np.flatnonzero(free & (draws.uniform(week, homes, 2) < chance))
    fit = np.minimum(1.0, FLYER_FIT_UP_TO * p.flyer_fit * draws.uniform(week, signing, 6))
    parts.sign_up(signing, p.flyer_motivation, fit)


def _ask_friends(parts: RecruitmentParts, free: np.ndarray) -> None:
    """Volunteers and initiators ask a friend; the closer the tie, the better the fit.

    A friend asked over a tie of strength s says yes with chance ``personal_accept`` × (1 −
    reliance); their fit is ``personal_fit`` × (``asked_closeness_base`` + s) and their
    commitment ``personal_motivation`` × (``asked_closeness_base`` + s), both at most 1.
    """
    p = parts.params
    pop = parts.pop
    week = parts.week
    draws = parts.streams.draws("volunteering")
    askers = np.flatnonzero(pop.is_initiator | pop.is_volunteer)
    asking = askers[draws.uniform(week, askers, 3)
                    < p.personal_ask_rate * p.recruitment_effort]
    ptr, nbr = parts.views.close_adjacency
    ties = parts.ties
    friends, motivation, fit = _friends_asked(
        asking, ptr, nbr, free, pop.is_volunteer, pop.reliance, draws.key, week, ties.key,
        ties.hours, ties.friendly_hours, ties.n, p.personal_fit, float(p.personal_accept),
        float(p.personal_motivation), float(p.asked_closeness_base))
    if len(friends):
        parts.sign_up(friends, motivation, fit)


@njit(cache=True)
def _friends_asked(asking, ptr, nbr, free, is_volunteer, reliance, key, week, edge_key, hours,
                   friendly_hours, n, personal_fit, personal_accept, personal_motivation,
                   closeness_base):
    """Each asker in turn asks a free friend who is no volunteer yet; who says yes, on what terms.

    The friend is keyed draw 4 of the asker's week among their close neighbours (``ptr``,
    ``nbr``) who are free and not yet volunteers, those who said yes before them included; they
    say yes if the asker's keyed draw 5 is below ``personal_accept`` × (1 − reliance). Their
    commitment and fit are ``personal_motivation`` and ``personal_fit`` × (``closeness_base`` +
    the tie's strength), at most 1.

    Returns:
        ``(friends, motivation, fit)`` of those who said yes, in the order they were asked.
    """
    volunteer = is_volunteer.copy()
    friends = np.empty(len(asking), np.int64)
    motivation = np.empty(len(asking))
    fit = np.empty(len(asking))
    candidates = np.empty(len(nbr), np.int64)
    k = 0
    for home in asking:
        count = 0
        for j in range(ptr[home], ptr[home + 1]):
            if free[nbr[j]] and not volunteer[nbr[j]]:
                candidates[count] = nbr[j]
                count += 1
        if count == 0:
            continue
        friend = candidates[min(int(keyed_uniform(key, week, home, 4) * count), count - 1)]
        if keyed_uniform(key, week, home, 5) >= personal_accept * (1.0 - reliance[friend]):
            continue
        pair = min(home, friend) * n + max(home, friend)
        e = np.searchsorted(edge_key, pair)
        if e >= len(edge_key) or edge_key[e] != pair:
            e = len(edge_key) - 1  # as TieNetwork.find's -1 reads the last tie
        closeness = closeness_base + hours[e] / (hours[e] + friendly_hours)
        volunteer[friend] = True
        friends[k] = friend
        motivation[k] = _at_most_one(personal_motivation * closeness)
        fit[k] = _at_most_one(personal_fit * closeness)
        k += 1
    return friends[:k], motivation[:k], fit[:k]


@njit(cache=True, inline="always")
def _at_most_one(x):
    """``min(1.0, x)``, as Python's ``min``."""
    return x if x < 1.0 else 1.0
