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

from typing import TYPE_CHECKING

import numpy as np
from numba import njit

from ..parameters import Recruitment
from ..state.keyed import keyed_uniform
from .capacity import capacity
from .professionals import funded
from .roles import add_volunteers

if TYPE_CHECKING:
    from ..state.neighbourhood import Neighbourhood

__all__ = ["recruit_volunteers", "start_volunteer_scheme"]

INITIAL_MOTIVATION = 0.6  # volunteers who sign up when a scheme starts
INITIAL_FIT = 0.55
FLYER_MOTIVATION = 0.35  # flyered volunteers sign up on impulse
PERSONAL_MOTIVATION = 0.75  # asked by someone they know, over a tie of strength 0.5
PERSONAL_ACCEPT = 0.5  # chance a friend who is asked says yes
ABLE_HOURS = 1.0  # residents who can give more than this can sign up at the start
FREE_HOURS = 0.5  # ... and later
CAMPAIGN_EVERY_WEEKS = 26  # a flyer campaign twice a year
CAMPAIGN_WEEKS = 2


def start_volunteer_scheme(nb: Neighbourhood) -> None:
    """At week 0 a share of residents with time to give signs up (``initial_volunteer_share``).

    They are the residents with time to give whose keyed draw of week 0 is lowest, so the same
    people sign up in every arm that starts a scheme.
    """
    pop = nb.population
    able = np.flatnonzero(capacity(pop) > ABLE_HOURS)
    count = min(len(able), round(nb.params.initial_volunteer_share * pop.n))
    if count:
        order = np.argsort(nb.streams.draws("volunteering").uniform(nb.week, able, 0),
                           kind="stable")
        add_volunteers(nb, np.sort(able[order[:count]]), INITIAL_MOTIVATION, INITIAL_FIT)


def recruit_volunteers(nb: Neighbourhood) -> None:
    """Sign up new volunteers: on their own where a scheme exists, and by the recruitment route."""
    p = nb.params
    pop = nb.population
    scheme = bool(nb.support.present or pop.is_volunteer.any())
    free, spontaneous = _spontaneous(
        pop.is_volunteer, capacity(pop), pop.ownership, pop.reliance,
        p.spontaneous_sign_up if scheme else 0.0, nb.streams.draws("volunteering").key, nb.week)
    add_volunteers(nb, spontaneous, PERSONAL_MOTIVATION, p.personal_fit)
    if p.recruitment is Recruitment.NONE or not funded(p, nb.week):
        return
    if p.recruitment is Recruitment.FLYER:
        signed_up = np.zeros(pop.n, dtype=bool)
        signed_up[spontaneous] = True
        _flyer_campaign(nb, free & ~signed_up)
    else:
        _ask_friends(nb, free)


@njit(cache=True)
def _spontaneous(is_volunteer, hours, ownership, reliance, rate, key, week):
    """Who is free to sign up, and who signs up on their own this week.

    Free: not a volunteer yet, with more than ``FREE_HOURS`` to give. A free resident signs up
    with chance ``rate`` × ownership × (1 − reliance) (keyed draw 1 of their week; ``rate`` is 0
    where no scheme exists).

    Returns:
        ``(free, homes)``: the mask of free residents and the homes of those who sign up.
    """
    free = np.zeros(len(is_volunteer), np.bool_)
    homes = np.empty(len(is_volunteer), np.int64)
    k = 0
    for i in range(len(is_volunteer)):
        free[i] = not is_volunteer[i] and hours[i] > FREE_HOURS
        if free[i] and keyed_uniform(key, week, i, 1) < rate * (ownership[i] * (1.0 - reliance[i])):
            homes[k] = i
            k += 1
    return free, homes[:k]


def _flyer_campaign(nb: Neighbourhood, free: np.ndarray) -> None:
    """In campaign weeks, residents who read a flyer sign up on impulse, for what they like."""
    p = nb.params
    pop = nb.population
    if not nb.support.present or nb.week % CAMPAIGN_EVERY_WEEKS >= CAMPAIGN_WEEKS:
        return  # a campaign needs an organisation behind it
    draws = nb.streams.draws("volunteering")
    homes = np.arange(pop.n)
    chance = p.flyer_response * p.recruitment_effort * (0.5 + pop.sociability)
    signing = np.flatnonzero(free & (draws.uniform(nb.week, homes, 2) < chance))
    fit = np.minimum(1.0, 2.0 * p.flyer_fit * draws.uniform(nb.week, signing, 6))
    add_volunteers(nb, signing, FLYER_MOTIVATION, fit)


def _ask_friends(nb: Neighbourhood, free: np.ndarray) -> None:
    """Volunteers and initiators ask a friend; the closer the tie, the better the fit.

    A friend asked over a tie of strength s says yes with chance ``PERSONAL_ACCEPT`` × (1 −
    reliance); their fit is ``personal_fit`` × (0.5 + s) and their commitment
    ``PERSONAL_MOTIVATION`` × (0.5 + s), both at most 1.
    """
    p = nb.params
    pop = nb.population
    draws = nb.streams.draws("volunteering")
    askers = np.flatnonzero(pop.is_initiator | pop.is_volunteer)
    asking = askers[draws.uniform(nb.week, askers, 3)
                    < p.personal_ask_rate * p.recruitment_effort]
    ptr, nbr = nb.views.close_adjacency
    ties = nb.ties
    friends, motivation, fit = _friends_asked(
        asking, ptr, nbr, free, pop.is_volunteer, pop.reliance, draws.key, nb.week, ties.key,
        ties.hours, ties.friendly_hours, ties.n, p.personal_fit)
    if len(friends):
        add_volunteers(nb, friends, motivation, fit)


@njit(cache=True)
def _friends_asked(asking, ptr, nbr, free, is_volunteer, reliance, key, week, edge_key, hours,
                   friendly_hours, n, personal_fit):
    """Each asker in turn asks a free friend who is no volunteer yet; who says yes, on what terms.

    The friend is keyed draw 4 of the asker's week among their close neighbours (``ptr``,
    ``nbr``) who are free and not yet volunteers, those who said yes before them included; they
    say yes if the asker's keyed draw 5 is below ``PERSONAL_ACCEPT`` × (1 − reliance).

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
        if keyed_uniform(key, week, home, 5) >= PERSONAL_ACCEPT * (1.0 - reliance[friend]):
            continue
        pair = min(home, friend) * n + max(home, friend)
        e = np.searchsorted(edge_key, pair)
        if e >= len(edge_key) or edge_key[e] != pair:
            e = len(edge_key) - 1  # as TieNetwork.find's -1 reads the last tie
        closeness = 0.5 + hours[e] / (hours[e] + friendly_hours)
        volunteer[friend] = True
        friends[k] = friend
        motivation[k] = _at_most_one(PERSONAL_MOTIVATION * closeness)
        fit[k] = _at_most_one(personal_fit * closeness)
        k += 1
    return friends[:k], motivation[:k], fit[:k]


@njit(cache=True, inline="always")
def _at_most_one(x):
    """``min(1.0, x)``, as Python's ``min``."""
    return x if x < 1.0 else 1.0
