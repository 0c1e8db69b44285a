"""Help-seekers and volunteers: who comes forward, who is sought out, which volunteer helps.

The fourth source of care in the week's spending order (:mod:`.care`, ``docs/odd.md`` 7.9,
step 4). A help-seeker reaches the volunteers by coming forward (easier with trust, or on a
digital platform), or, with active matching, because a professional seeks them out and
introduces them to a volunteer. A volunteer helps when the request fits what they signed up for;
one who already helped the seeker comes back first. Kept apart from :mod:`.asking` because it
is a different route to help: through a scheme, not over one's own ties.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numba import njit

from ..parameters import Matching
from ..state.keyed import keyed_uniform
from ..state.personal import NOBODY
from .asking import ASK_SOFTNESS, MIN_HOURS

if TYPE_CHECKING:
    from ..state.contacts import Contacts
    from ..state.neighbourhood import Neighbourhood
    from ..state.support import Budget

__all__ = ["introduce_chosen", "match_volunteers"]

PASSIVE_TRIES = 2  # volunteers a service desk tries for a walk-in request
ACTIVE_TRIES = 5  # volunteers a matcher who knows them tries
INTRODUCTION_HOURS = 1.0  # shared hours of the first meeting a matcher arranges
PLATFORM_FIT = 0.2  # a platform user describes the request better: higher chance it fits
PLATFORM_THRESHOLD = 0.2  # and posting a request is easier than asking in person
# Coming forward to a scheme takes courage COME_FORWARD_TRUST x trust against one's threshold (at
# average trust and threshold, about one in five with need comes forward on their own); someone
# sought out by a professional declines with chance SOUGHT_REFUSAL x their threshold.
COME_FORWARD_TRUST = 0.45
SOUGHT_REFUSAL = 0.5


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _requests_for_volunteers(
    nb: Neighbourhood, remaining: np.ndarray, budget: Budget
) -> tuple[np.ndarray, np.ndarray]:
    """Help-seekers who reach the volunteers this week.

    Passive: only those who come forward (low threshold, enough trust). A digital platform
    lowers the threshold for residents who use it. Active: the professionals' matching hours
    seek out the neediest of those who did not come forward, who accept unless very reluctant.

    Returns:
        The help-seekers, and whether each was sought out by a professional.
    """
    pop = nb.population
    params = nb.params
    draws = nb.streams.draws("matching")
    homes = np.arange(pop.n)
    waiting = remaining > MIN_HOURS
    platform = params.digital_platform & pop.digital
    own = nb.personal.ask_thresholds(pop.ask_threshold)
    threshold = own - np.where(platform, PLATFORM_THRESHOLD, 0.0)
    come_forward = _sigmoid((COME_FORWARD_TRUST * pop.trust - threshold) / ASK_SOFTNESS)
    forward = waiting & (draws.uniform(nb.week, homes, 0) < come_forward)
    sought = np.zeros(pop.n, dtype=bool)
    if params.matching is Matching.ACTIVE and budget.matching > 0:
        capacity = int(budget.matching / params.hours_per_match)
        candidates = np.flatnonzero(waiting & ~forward)
        candidates = candidates[np.argsort(-remaining[candidates], kind="stable")][:capacity]
        budget.matching -= len(candidates) * params.hours_per_match
        accepts = (draws.uniform(nb.week, candidates, 1)
                   < 1.0 - SOUGHT_REFUSAL * own[candidates])
        sought[candidates[accepts]] = True
    seekers = np.flatnonzero(forward | sought)
    return seekers, sought[seekers]


def match_volunteers(
    nb: Neighbourhood, remaining: np.ndarray, capacity: np.ndarray, received: np.ndarray,
    budget: Budget, contacts: Contacts,
) -> None:
    """Match help-seekers to volunteers who have hours left and fit the request.

    The help-seekers are served in a keyed random order (no street first); each one's volunteer
    is chosen by :func:`_choose_volunteer`, in a compiled kernel (:func:`_match_kernel`).

    Args:
        nb: The neighbourhood.
        remaining: Each resident's need left (updated in place).
        capacity: Hours each resident can still give (updated in place).
        received: Hours each resident received from volunteers (updated in place).
        budget: This week's professional hours (matching hours are spent here).
        contacts: This week's contacts; help and the time it shares are added.
    """
    pop = nb.population
    params = nb.params
    volunteers = np.flatnonzero(pop.is_volunteer)
    if len(volunteers) == 0:  # no scheme: nobody to come forward to, nobody to match
        return
    seekers, sought = _requests_for_volunteers(nb, remaining, budget)
    if len(seekers) == 0:
        return
    active = params.matching is Matching.ACTIVE and nb.support.present
    ptr, nbr = nb.views.all_adjacency
    helper, helped, hours, introduced, log = _match_kernel(
        nb.streams.draws("matching").key, nb.week, seekers, sought, volunteers,
        ACTIVE_TRIES if active else PASSIVE_TRIES, ptr, nbr, pop.is_volunteer, capacity,
        remaining, nb.personal.fits(pop.fit), pop.digital,
        PLATFORM_FIT if params.digital_platform else 0.0, received, pop.given,
        pop.volunteer_hours,
    )
    if nb.personal.watched:
        for needer, volunteer, yes, given in zip(*(part.tolist() for part in log), strict=True):
            nb.personal.note(nb.week, "match", needer, volunteer, yes, given)
    if len(helper):
        contacts.help(helper, helped, hours)
        contacts.meet(helper, helped, hours * params.help_shared_share)
        if len(introduced[0]):
            contacts.meet(introduced[0], introduced[1], INTRODUCTION_HOURS)


@njit(cache=True)
def _match_kernel(key, week, seekers, sought, volunteers, tries, ptr, nbr, is_volunteer,
                  capacity, remaining, fit, digital, platform_fit, received, given,
                  volunteer_hours):
    """Serve the help-seekers in a keyed random order, each by one volunteer at most.

    A help-seeker's volunteer gives what they need, up to the volunteer's hours left
    (``capacity`` and ``remaining`` lose it; ``received``, ``given`` and ``volunteer_hours``
    gain it, all in place). A help-seeker whom a professional sought out (``sought``) is
    introduced to their volunteer, or else to the first drawn volunteer with time to meet.

    Returns:
        ``(helper, helped, hours)`` of every piece of help, the introduced ``(volunteer,
        help-seeker)`` pairs, and the log of every request as ``(help-seeker, volunteer, yes,
        hours)``.
    """
    m = len(seekers)
    first = np.empty(m)
    for r in range(m):
        first[r] = keyed_uniform(key, week, seekers[r], 2)
    order = np.argsort(first, kind="mergesort")
    out_v = np.empty(m, np.int64)
    out_n = np.empty(m, np.int64)
    out_h = np.empty(m)
    intro_v = np.empty(m, np.int64)
    intro_n = np.empty(m, np.int64)
    log_n = np.empty(m * (tries + 1), np.int64)
    log_v = np.empty(m * (tries + 1), np.int64)
    log_yes = np.zeros(m * (tries + 1), np.bool_)
    log_h = np.zeros(m * (tries + 1))
    done = introductions = logged = 0
    for r in order:
        needer = seekers[r]
        platform = platform_fit if digital[needer] else 0.0
        volunteer, met, logged = _choose_volunteer(
            key, week, needer, volunteers, tries, ptr, nbr, is_volunteer, capacity, fit,
            platform, log_n, log_v, logged)
        if sought[r] and met >= 0:  # a professional arranged a first meeting
            intro_v[introductions] = volunteer if volunteer >= 0 else met
            intro_n[introductions] = needer
            introductions += 1
        if volunteer < 0:
            continue
        left, can = remaining[needer], capacity[volunteer]
        hours = can if can < left else left  # Python's min(left, can)
        capacity[volunteer] -= hours
        remaining[needer] -= hours
        log_n[logged], log_v[logged] = needer, volunteer
        log_yes[logged], log_h[logged] = True, hours
        logged += 1
        out_v[done], out_n[done], out_h[done] = volunteer, needer, hours
        done += 1
    for i in range(done):
        received[out_n[i]] += out_h[i]
        given[out_v[i]] += out_h[i]
        volunteer_hours[out_v[i]] += out_h[i]
    log = (log_n[:logged], log_v[:logged], log_yes[:logged], log_h[:logged])
    return out_v[:done], out_n[:done], out_h[:done], (intro_v[:introductions],
                                                      intro_n[:introductions]), log


@njit(cache=True)
def _choose_volunteer(key, week, needer, volunteers, tries, ptr, nbr, is_volunteer, capacity,
                      fit, platform, log_n, log_v, logged):
    """The volunteer who helps ``needer``, and the first drawn one with time to meet them.

    A volunteer among the needer's ties with hours left comes back first (a lasting match).
    Otherwise ``tries`` volunteers are drawn (keyed draws ``3, 5, ...``) and tried in turn; one
    with hours left helps when the request fits what they offer (keyed draws ``4, 6, ...``
    below their ``fit``, raised by ``platform`` for a platform user). Each drawn volunteer who
    did not fit is logged (``log_n``, ``log_v`` from ``logged`` on, in place).

    Returns:
        ``(volunteer, met, logged)``: the helping volunteer, or -1; the first drawn volunteer
        with time to meet, or -1 (always -1 for a returning volunteer, who needs no
        introduction); and the log's new length.
    """
    for k in range(ptr[needer], ptr[needer + 1]):
        known = nbr[k]
        if is_volunteer[known] and capacity[known] > MIN_HOURS:
            return known, -1, logged
    count = len(volunteers)
    met = -1
    for t in range(tries):
        pick = min(int(keyed_uniform(key, week, needer, 3 + 2 * t) * count), count - 1)
        v = volunteers[pick]
        if v == needer or capacity[v] <= MIN_HOURS:
            continue
        met = v if met < 0 else met  # the first volunteer with time to meet
        if keyed_uniform(key, week, needer, 4 + 2 * t) < fit[v] + platform:  # the request fits
            return v, met, logged
        log_n[logged], log_v[logged] = needer, v
        logged += 1
    return -1, met, logged


def introduce_chosen(
    nb: Neighbourhood, capacity: np.ndarray, budget: Budget, contacts: Contacts
) -> None:
    """The professional brings each resident a participant chose together with a partner.

    The participatory mode's "whom do you connect" (:mod:`simulatie.core.state.personal`,
    ``docs/odd.md`` 7.16).
    Every week the choice holds, the chosen resident and their partner meet for
    ``INTRODUCTION_HOURS``, as at a matcher's first meeting. The partner, found once, is the
    volunteer nearest to them with hours left this week, or else the nearest neighbour with more
    than an hour to give. Each meeting costs ``hours_per_match`` of the matching hours, or else
    of the connecting hours; without professionals or hours left, there is no meeting that week.

    Args:
        nb: The neighbourhood.
        capacity: Hours each resident can still give this week.
        budget: This week's professional hours (spent here).
        contacts: This week's contacts; the meetings are added.
    """
    personal = nb.personal
    if not personal.introductions:
        return
    cost = nb.params.hours_per_match
    for home, partner in list(personal.introductions.items()):
        if home in nb.leavers:
            del personal.introductions[home]
            continue
        if partner == NOBODY or partner in nb.leavers:
            partner = _partner(nb, home, capacity)
            personal.introductions[home] = partner
        if partner == NOBODY or not nb.support.present:
            personal.note(nb.week, "introduce", home, partner, False)
            continue
        if budget.matching >= cost:
            budget.matching -= cost
        elif budget.connecting >= cost:
            budget.connecting -= cost
        else:
            personal.note(nb.week, "introduce", home, partner, False)
            continue
        contacts.meet(np.array([home]), np.array([partner]), INTRODUCTION_HOURS)
        personal.note(nb.week, "introduce", home, partner, True)


def _partner(nb: Neighbourhood, home: int, capacity: np.ndarray) -> int:
    """The volunteer nearest to ``home`` with hours left, else the nearest able neighbour."""
    pop = nb.population
    others = np.arange(pop.n) != home
    for candidates in (pop.is_volunteer & (capacity > MIN_HOURS) & others,
                       (capacity > 1.0) & others):
        found = np.flatnonzero(candidates)
        if len(found):
            xy = nb.layout.home_xy
            distance = np.abs(xy[found] - xy[home]).sum(axis=1)
            return int(found[np.argmin(distance)])
    return NOBODY
