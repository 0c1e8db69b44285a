"""Help-seekers and volunteers: who comes forward, who is sought out, which volunteer helps.

The fourth source of care in the week's spending order (:mod:`.care`, ``docs/odd.md`` 7.9,
step 4). A help-seeker reaches the volunteers by coming forward (easier with trust, or on a
digital platform), or, with active matching, because a professional seeks them out and
introduces them to a volunteer. A volunteer helps when the request fits what they signed up for;
one who already helped the seeker comes back first. Kept apart from :mod:`.asking` because it
is a different route to help: through a scheme, not over one's own ties.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import numpy as np
from numba import njit

from ..parameters import Matching
from ..state.keyed import keyed_uniform
from ..state.personal import NOBODY
from .asking import MIN_HOURS

if TYPE_CHECKING:
    from ..parameters import Parameters
    from ..state.contacts import Contacts
    from ..state.keyed import KeyedStream
    from ..state.layout import Layout
    from ..state.personal import PersonalChoices
    from ..state.population import Population
    from ..state.support import Budget, Support
    from ..state.views import NetworkViews

__all__ = ["MatchingParts", "introduce_chosen", "match_volunteers"]


class MatchingParts(NamedTuple):
    """The parts of the neighbourhood that matching help-seekers to volunteers reads and writes.

    Reads: ``views`` (whom a help-seeker knows), ``layout`` (who lives nearest), ``params``,
    ``support`` (whether professionals work here), ``draws`` (the keyed stream of matching),
    ``week`` and ``leavers`` (homes whose resident left this week). Writes: ``pop`` (``given``,
    ``volunteer_hours``) and ``personal`` (the requests of watched residents, the partners of
    chosen introductions). The week's need, capacity, budget and contacts are passed apart.

    Attributes:
        pop: The population.
        views: This week's views of the ties.
        layout: The homes and their places.
        params: The run's parameters.
        support: Whether professionals work here.
        personal: The participatory mode's choices.
        draws: The keyed stream of matching.
        week: The current week.
        leavers: Homes whose resident left in the last week.
    """

    pop: Population
    views: NetworkViews
    layout: Layout
    params: Parameters
    support: Support
    personal: PersonalChoices
    draws: KeyedStream
    week: int
    leavers: np.ndarray


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _requests_for_volunteers(
    parts: MatchingParts, remaining: np.ndarray, budget: Budget
) -> tuple[np.ndarray, np.ndarray]:
    """Help-seekers who reach the volunteers this week.

    Passive: only those who come forward (courage ``come_forward_trust`` × trust against their
    threshold, with spread ``ask_softness``). A digital platform lowers the threshold by
    ``platform_threshold`` for residents who use it. Active: the professionals' matching hours
    seek out the neediest of those who did not come forward, who decline with chance
    ``sought_refusal`` × their threshold.

    Returns:
        The help-seekers, and whether each was sought out by a professional.
    """
    pop = parts.pop
    params = parts.params
    draws = parts.draws
    homes = np.arange(pop.n)
    waiting = remaining > MIN_HOURS
    platform = params.digital_platform & pop.digital
    own = parts.personal.ask_thresholds(pop.ask_threshold)
    threshold = own - np.where(platform, params.platform_threshold, 0.0)
    come_forward = _sigmoid((params.come_forward_trust * pop.trust - threshold)
                            / params.ask_softness)
    forward = waiting & (draws.uniform(parts.week, homes, 0) < come_forward)
    sought = np.zeros(pop.n, dtype=bool)
    if params.matching is Matching.ACTIVE and budget.matching > 0:
        capacity = int(budget.matching / params.hours_per_match)
        candidates = np.flatnonzero(waiting & ~forward)
        candidates = candidates[np.argsort(-remaining[candidates], kind="stable")][:capacity]
        budget.matching -= len(candidates) * params.hours_per_match
        accepts = (draws.uniform(parts.week, candidates, 1)
                   < 1.0 - params.sought_refusal * own[candidates])
        sought[candidates[accepts]] = True
    seekers = np.flatnonzero(forward | sought)
    return seekers, sought[seekers]


def match_volunteers(
    parts: MatchingParts, remaining: np.ndarray, capacity: np.ndarray, received: np.ndarray,
    budget: Budget, contacts: Contacts,
) -> None:
    """Match help-seekers to volunteers who have hours left and fit the request.

    The help-seekers are served in a keyed random order (no street first); each one's volunteer
    is chosen by :func:`_choose_volunteer`, in a compiled kernel (:func:`_match_kernel`), from
    up to ``active_tries`` drawn volunteers with active matching while professionals work here,
    else ``passive_tries``. A request from a platform user fits with ``platform_fit`` more
    chance. A professional's introduction is a first meeting of ``introduction_hours``.

    Writes: pop.given and pop.volunteer_hours (the volunteers'); personal (the requests of
    watched residents); budget.matching; contacts.

    Args:
        parts: The parts of the neighbourhood matching reads and writes.
        remaining: Each resident's need left (updated in place).
        capacity: Hours each resident can still give (updated in place).
        received: Hours each resident received from volunteers (updated in place).
        budget: This week's professional hours (matching hours are spent here).
        contacts: This week's contacts; help and the time it shares are added.
    """
    pop = parts.pop
    params = parts.params
    volunteers = np.flatnonzero(pop.is_volunteer)
    if len(volunteers) == 0:  # no scheme: nobody to come forward to, nobody to match
        return
    seekers, sought = _requests_for_volunteers(parts, remaining, budget)
    if len(seekers) == 0:
        return
    active = params.matching is Matching.ACTIVE and parts.support.present
    ptr, nbr = parts.views.all_adjacency
    personal = parts.personal
    helper, helped, hours, introduced, log = _match_kernel(
        parts.draws.key, parts.week, seekers, sought, volunteers,
        params.active_tries if active else params.passive_tries, ptr, nbr, pop.is_volunteer,
        capacity, remaining, personal.fits(pop.fit), pop.digital,
        params.platform_fit if params.digital_platform else 0.0, received, pop.given,
        pop.volunteer_hours,
    )
    if personal.watched:
        for needer, volunteer, yes, given in zip(*(part.tolist() for part in log), strict=True):
            personal.note(parts.week, "match", needer, volunteer, yes, given)
    if len(helper):
        contacts.help(helper, helped, hours)
        contacts.meet(helper, helped, hours * params.help_shared_share)
        if len(introduced[0]):
            contacts.meet(introduced[0], introduced[1], params.introduction_hours)


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
    parts: MatchingParts, capacity: np.ndarray, budget: Budget, contacts: Contacts
) -> None:
    """The professional brings each resident a participant chose together with a partner.

    The participatory mode's "whom do you connect" (:mod:`simulatie.core.state.personal`,
    ``docs/odd.md`` 7.16).
    Every week the choice holds, the chosen resident and their partner meet for
    ``introduction_hours``, as at a matcher's first meeting. The partner, found once, is the
    volunteer nearest to them with hours left this week, or else the nearest neighbour with more
    than ``able_to_help_hours`` to give. Each meeting costs ``hours_per_match`` of the matching
    hours, or else of the connecting hours; without professionals or hours left, there is no
    meeting that week.

    Writes: personal (the introductions' partners, and each meeting noted); budget.matching or
    budget.connecting; contacts.

    Args:
        parts: The parts of the neighbourhood matching reads and writes.
        capacity: Hours each resident can still give this week.
        budget: This week's professional hours (spent here).
        contacts: This week's contacts; the meetings are added.
    """
    personal = parts.personal
    if not personal.introductions:
        return
    week = parts.week
    cost = parts.params.hours_per_match
    for home, partner in list(personal.introductions.items()):
        if home in parts.leavers:
            del personal.introductions[home]
            continue
        if partner == NOBODY or partner in parts.leavers:
            partner = _partner(parts, home, capacity)
            personal.introductions[home] = partner
        if partner == NOBODY or not parts.support.present:
            personal.note(week, "introduce", home, partner, False)
            continue
        if budget.matching >= cost:
            budget.matching -= cost
        elif budget.connecting >= cost:
            budget.connecting -= cost
        else:
            personal.note(week, "introduce", home, partner, False)
            continue
        contacts.meet(np.array([home]), np.array([partner]), parts.params.introduction_hours)
        personal.note(week, "introduce", home, partner, True)


def _partner(parts: MatchingParts, home: int, capacity: np.ndarray) -> int:
    """The volunteer nearest to ``home`` with hours left, else the nearest able neighbour."""
    pop = parts.pop
    others = np.arange(pop.n) != home
    for candidates in (pop.is_volunteer & (capacity > MIN_HOURS) & others,
                       (capacity > parts.params.able_to_help_hours) & others):
        found = np.flatnonzero(candidates)
        if len(found):
            xy = parts.layout.home_xy
            distance = np.abs(xy[found] - xy[home]).sum(axis=1)
            return int(found[np.argmin(distance)])
    return NOBODY
