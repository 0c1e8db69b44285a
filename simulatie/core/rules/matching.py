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

from ..parameters import Matching
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
    draws = nb.streams.draws("matching")
    volunteers = np.flatnonzero(pop.is_volunteer)
    if len(volunteers) == 0:  # no scheme: nobody to come forward to, nobody to match
        return
    seekers, sought = _requests_for_volunteers(nb, remaining, budget)
    if len(seekers) == 0:
        return
    order = np.argsort(draws.uniform(nb.week, seekers, 2), kind="stable")  # no street first
    seekers, sought = seekers[order], sought[order]
    active = params.matching is Matching.ACTIVE and nb.support.present
    tries = ACTIVE_TRIES if active else PASSIVE_TRIES
    picks = np.column_stack([
        volunteers[draws.integers(nb.week, seekers, len(volunteers), 3 + 2 * t)]
        for t in range(tries)])
    fits = np.column_stack([draws.uniform(nb.week, seekers, 4 + 2 * t) for t in range(tries)])
    adjacency = nb.views.all_adjacency
    out_v, out_n, out_h, introduced = [], [], [], []
    for r, needer in enumerate(seekers.tolist()):
        volunteer, met = _choose_volunteer(nb, needer, capacity, adjacency, picks[r], fits[r])
        if sought[r] and met >= 0:  # a professional arranged a first meeting
            introduced.append((volunteer if volunteer >= 0 else met, needer))
        if volunteer < 0:
            continue
        given = min(remaining[needer], capacity[volunteer])
        capacity[volunteer] -= given
        remaining[needer] -= given
        nb.personal.note(nb.week, "match", needer, volunteer, True, given)
        out_v.append(volunteer)
        out_n.append(needer)
        out_h.append(given)
    if out_v:
        _record_volunteer_help(nb, out_v, out_n, out_h, introduced, received, contacts)


def _choose_volunteer(
    nb: Neighbourhood, needer: int, capacity: np.ndarray,
    adjacency: tuple[np.ndarray, np.ndarray], picks: np.ndarray, draws: np.ndarray,
) -> tuple[int, int]:
    """The volunteer who helps ``needer``, and the first drawn one with time to meet them.

    A volunteer among the needer's ties with hours left comes back first (a lasting match).
    Otherwise the drawn volunteers ``picks`` are tried in turn; one with hours left helps when
    the request fits what they offer (their ``draws`` entry is below their fit, raised for a
    platform user).

    Args:
        nb: The neighbourhood.
        needer: The help-seeker.
        capacity: Hours each resident has left this week.
        adjacency: All ties in CSR form, ``(ptr, neighbours)``.
        picks: The volunteers drawn for this help-seeker.
        draws: One uniform draw per pick.

    Returns:
        ``(volunteer, met)``: the helping volunteer, or -1; and the first drawn volunteer with
        time to meet, or -1 (always -1 for a returning volunteer, who needs no introduction).
    """
    pop = nb.population
    fit = nb.personal.fits(pop.fit)
    ptr, nbr = adjacency
    known = nbr[ptr[needer] : ptr[needer + 1]]
    known = known[pop.is_volunteer[known] & (capacity[known] > MIN_HOURS)]
    if len(known):
        return int(known[0]), -1
    volunteer = met = -1
    platform = PLATFORM_FIT if nb.params.digital_platform and pop.digital[needer] else 0.0
    for k in range(len(picks)):
        v = int(picks[k])
        if v == needer or capacity[v] <= MIN_HOURS:
            continue
        met = v if met < 0 else met  # the first volunteer with time to meet
        if draws[k] < fit[v] + platform:  # the request fits what they offer
            volunteer = v
            break
        nb.personal.note(nb.week, "match", needer, v, False)
    return volunteer, met


def _record_volunteer_help(
    nb: Neighbourhood, out_v: list[int], out_n: list[int], out_h: list[float],
    introduced: list[tuple[int, int]], received: np.ndarray, contacts: Contacts,
) -> None:
    """Book the volunteers' help and the contacts it and the matchers' introductions bring.

    Args:
        nb: The neighbourhood.
        out_v: The volunteer of each piece of help.
        out_n: The help-seeker of each.
        out_h: Its hours.
        introduced: ``(volunteer, help-seeker)`` pairs a professional introduced.
        received: Hours each resident received from volunteers (updated in place).
        contacts: This week's contacts.
    """
    pop = nb.population
    helper = np.array(out_v, dtype=np.int64)
    helped = np.array(out_n, dtype=np.int64)
    hours = np.array(out_h)
    np.add.at(received, helped, hours)
    np.add.at(pop.given, helper, hours)
    np.add.at(pop.volunteer_hours, helper, hours)
    contacts.help(helper, helped, hours)
    contacts.meet(helper, helped, hours * nb.params.help_shared_share)
    if introduced:
        pairs = np.array(introduced, dtype=np.int64)
        contacts.meet(pairs[:, 0], pairs[:, 1], INTRODUCTION_HOURS)


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
