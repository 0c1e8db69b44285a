"""One week of care: who asks whom, who gives, and what stays unmet.

Each resident's weekly need (*draaglast*) is met from a support budget spent in a declared order
(:data:`SPENDING_ORDER`, ``docs/odd.md`` 7.9):

1. **formal care**, for residents whose need stems from health (frail, LVB, psychiatric
   vulnerability), within a limited capacity (staff shortage, seed 001/002);
2. **professionals who do the work themselves** (``takeover``), for everyone in need
   (:func:`~.professionals.give_direct_care`);
3. the resident's **own ties**, if they dare to ask (*vraagverlegenheid*, Linders 2010). Asking
   is easier over stronger ties, with more trust, after having given to that person before and
   while waiting for formal care; it is harder while owing them (Gouldner 1960; seed 000: first
   give, then take). A helper may stretch beyond their capacity for someone close (informal
   carers, *mantelzorgers*), which builds strain and can end in burnout;
4. **volunteers**: help-seekers who come forward themselves (passive), or whom a professional
   seeks out and introduces to a volunteer (active); a volunteer helps when the request fits
   what they signed up for;
5. the rest is **unmet**.

Because formal care comes first, scarce formal care leaves more to ask of neighbours, and the
waiting it causes lowers the threshold to ask: a mechanism, not an order, decides whether less
government brings more community (myth 1). Every hour given is an hour received.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING

import numpy as np
from numba import njit

from .groups import Group
from .parameters import Matching
from .professionals import give_direct_care

if TYPE_CHECKING:
    from .contacts import Contacts
    from .professionals import Budget
    from .state import Neighbourhood

__all__ = ["SPENDING_ORDER", "CareWeek", "Source", "indicated", "provide_care"]

ASK_SOFTNESS = 0.08  # spread of the ask decision around the threshold
NETWORK_ROUNDS = 3  # a resident turns to at most this many willing ties a week, strongest first
MIN_HOURS = 0.05  # smaller transfers are not worth recording
CLOSE_STRENGTH = 0.5  # ties at least this strong (the friendly threshold) may stretch a helper
CREDIT_SCALE_HOURS = 2.0  # credit (hours given minus received) at which its effect is 3/4 of full
WAITING_KEPT_PER_WEEK = 0.9  # memory of waiting for formal care (about ten weeks)
PASSIVE_TRIES = 2  # volunteers a service desk tries for a walk-in request
ACTIVE_TRIES = 5  # volunteers a matcher who knows them tries
INTRODUCTION_HOURS = 1.0  # shared hours of the first meeting a matcher arranges
PLATFORM_FIT = 0.2  # a platform user describes the request better: higher chance it fits
PLATFORM_THRESHOLD = 0.2  # and posting a request is easier than asking in person


class Source(IntEnum):
    """Where an hour of care came from."""

    FORMAL = 0
    PROFESSIONAL = 1
    NETWORK = 2
    VOLUNTEERS = 3


_INDICATED_GROUP = np.isin(np.arange(len(Group)), (Group.LVB, Group.PSYCH))

SPENDING_ORDER = (Source.FORMAL, Source.PROFESSIONAL, Source.NETWORK, Source.VOLUNTEERS)
"""The order in which the week's support is spent on each resident's need."""


@dataclass
class CareWeek:
    """The week's care accounting per resident.

    Attributes:
        need: Hours needed.
        received: ``(n, 4)`` hours received by :class:`Source`.
        unmet: Hours left unmet.
    """

    need: np.ndarray
    received: np.ndarray
    unmet: np.ndarray

    @classmethod
    def empty(cls, n: int) -> CareWeek:
        """A week without any need (the state before the first week)."""
        return cls(need=np.zeros(n), received=np.zeros((n, len(Source))), unmet=np.zeros(n))


def indicated(frailty: np.ndarray, group: np.ndarray, threshold: float) -> np.ndarray:
    """Whether each resident's need stems from health: frail, or LVB or psychiatric vulnerability.

    Formal care serves only them; help given to them over one's own ties is informal *care* in
    the SCP's sense (help to someone with health problems), other help is neighbourly help.
    """
    return (frailty >= threshold) | _INDICATED_GROUP[group]


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def provide_care(nb: Neighbourhood, budget: Budget, contacts: Contacts) -> CareWeek:
    """Meet this week's needs from each source in :data:`SPENDING_ORDER`.

    Args:
        nb: The neighbourhood; its population's ``need`` has been drawn for this week.
        budget: This week's professional hours (doing and matching hours are spent here).
        contacts: This week's contacts; help and the time it shares are added.

    Returns:
        The accounting for the week. The population's ``given`` and ``received`` are updated.
    """
    pop = nb.population
    params = nb.params
    received = np.zeros((pop.n, len(Source)))
    remaining = pop.need.copy()
    pop.indicated = indicated(pop.frailty, pop.group, params.formal_care_frailty)

    formal = received[:, Source.FORMAL]
    _formal_care(remaining, pop.indicated, params.formal_care_hours * pop.n, formal, pop.waiting)

    direct = give_direct_care(remaining, budget)
    received[:, Source.PROFESSIONAL] = direct
    remaining -= direct

    capacity = pop.capacity()
    _ask_own_network(nb, remaining, capacity, received, contacts)
    _match_volunteers(nb, remaining, capacity, received, budget, contacts)

    pop.received = received.sum(axis=1)
    pop.received_network = received[:, Source.NETWORK].copy()
    return CareWeek(need=pop.need.copy(), received=received, unmet=np.maximum(remaining, 0.0))


@njit(cache=True)
def _formal_care(remaining, eligible, hours, formal, waiting):
    """Formal care for eligible residents, pro rata to need, and the waiting they remember.

    Formal care's ``hours`` are shared over the eligible residents in proportion to their need
    (all of it when it suffices). A resident with an indicated need this week remembers the
    share of it left unserved (``waiting``, a moving average); others forget theirs. ``formal``
    receives the hours given, ``remaining`` loses them (both in place).
    """
    total = 0.0
    for i in range(len(remaining)):
        if eligible[i]:
            total += remaining[i]
    share = min(1.0, hours / total) if total > 0 and hours > 0 else 0.0
    kept = WAITING_KEPT_PER_WEEK
    for i in range(len(remaining)):
        need = remaining[i]
        given = need * share if eligible[i] else 0.0
        formal[i] = given
        remaining[i] = need - given
        if eligible[i] and need > 0:
            waiting[i] = kept * waiting[i] + (1 - kept) * (1.0 - given / need)
        elif not eligible[i]:
            waiting[i] *= kept


def _ask_own_network(
    nb: Neighbourhood, remaining: np.ndarray, capacity: np.ndarray, received: np.ndarray,
    contacts: Contacts,
) -> None:
    """Residents ask their own ties, strongest first, in a few rounds (:func:`_ask_kernel`)."""
    pop = nb.population
    ties = nb.ties
    params = nb.params
    if len(ties) == 0:
        return
    draws = nb.streams.care.random((2, 2 * len(ties)))
    helper, needer, given = _ask_kernel(
        ties.a, ties.b, ties.strength(), ties.credit, remaining, capacity,
        pop.trust, pop.ask_threshold, pop.waiting, pop.indicated, draws[0], draws[1],
        params.reciprocity_weight, params.waiting_push, params.carer_stretch,
        received[:, Source.NETWORK], pop.given, pop.given_network, pop.given_informal, pop.asked,
    )
    contacts.help(helper, needer, given)
    contacts.meet(helper, needer, given * params.help_shared_share)


@njit(cache=True)
def _ask_kernel(a, b, strength, credit, remaining, capacity, trust, threshold, waiting,
                indicated, u_ask, u_willing, reciprocity_weight, waiting_push, stretch_factor,
                received, given, given_network, given_informal, asked):
    """Residents in need ask their ties; willing ties help within their means (7.9.3).

    Every resident with need left considers each of their ties. They ask when a logistic draw
    around their courage succeeds::

        courage = strength × (0.5 + trust) + reciprocity + waiting_push × waiting − threshold
        reciprocity = reciprocity_weight × tanh(credit with this tie / CREDIT_SCALE_HOURS)

    and the tie is willing with chance 0.3 + 0.7 × strength + reciprocity. The willing ties are
    asked strongest first, one per round, for what is still needed; a helper asked by several
    people in one round shares their hours pro rata. A helper gives within their capacity, or up
    to ``stretch_factor`` times it for a close tie (*mantelzorg*).

    Arrays ``remaining``, ``capacity``, ``received``, ``given``, ``given_network``,
    ``given_informal`` and ``asked`` are updated in place.

    Returns:
        ``(helper, needer, hours)`` of every piece of help given.
    """
    n = len(remaining)
    edges = len(a)
    pair_needer = np.empty(2 * edges, np.int64)
    pair_helper = np.empty(2 * edges, np.int64)
    pair_strength = np.empty(2 * edges)
    count = 0
    for d in range(2 * edges):
        e = d % edges
        if d < edges:
            x, y, balance = a[e], b[e], credit[e]
        else:
            x, y, balance = b[e], a[e], -credit[e]
        if remaining[x] <= MIN_HOURS:
            continue
        s = strength[e]
        reciprocity = reciprocity_weight * np.tanh(balance / CREDIT_SCALE_HOURS)
        courage = s * (0.5 + trust[x]) + reciprocity + waiting_push * waiting[x] - threshold[x]
        if u_ask[d] >= 1.0 / (1.0 + np.exp(-courage / ASK_SOFTNESS)):
            continue
        asked[y] = True
        if u_willing[d] >= min(1.0, max(0.0, 0.3 + 0.7 * s + reciprocity)):
            continue
        pair_needer[count], pair_helper[count], pair_strength[count] = x, y, s
        count += 1
    by_strength = np.argsort(-pair_strength[:count], kind="mergesort")
    order = by_strength[np.argsort(pair_needer[:count][by_strength], kind="mergesort")]
    rank = np.zeros(count, np.int64)
    for i in range(1, count):
        if pair_needer[order[i]] == pair_needer[order[i - 1]]:
            rank[i] = rank[i - 1] + 1
    stretch = capacity * stretch_factor
    out_helper = np.empty(count, np.int64)
    out_needer = np.empty(count, np.int64)
    out_hours = np.empty(count)
    out = 0
    requested = np.zeros(n)
    limit = np.empty(count)
    for r in range(NETWORK_ROUNDS):
        chosen = np.empty(count, np.int64)
        m = 0
        for i in range(count):
            if rank[i] != r:
                continue
            p = order[i]
            x, y = pair_needer[p], pair_helper[p]
            if remaining[x] <= MIN_HOURS:
                continue
            lim = stretch[y] if pair_strength[p] >= CLOSE_STRENGTH else capacity[y]
            if lim <= MIN_HOURS:
                continue
            chosen[m] = p
            limit[m] = lim
            requested[y] += remaining[x]
            m += 1
        if m == 0:
            break
        for i in range(m):
            p = chosen[i]
            x, y = pair_needer[p], pair_helper[p]
            hours = remaining[x] * min(1.0, limit[i] / requested[y])
            if hours < MIN_HOURS:
                hours = 0.0
            limit[i] = hours
        for i in range(m):
            p = chosen[i]
            x, y = pair_needer[p], pair_helper[p]
            requested[y] = 0.0
            hours = limit[i]
            if hours <= 0.0:
                continue
            stretch[y] -= hours
            capacity[y] = max(0.0, capacity[y] - hours)
            remaining[x] -= hours
            received[x] += hours
            given[y] += hours
            given_network[y] += hours
            if indicated[x]:
                given_informal[y] += hours  # informal *care* (SCP)
            out_helper[out], out_needer[out], out_hours[out] = y, x, hours
            out += 1
    return out_helper[:out].copy(), out_needer[:out].copy(), out_hours[:out].copy()


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
    rng = nb.streams.care
    waiting = remaining > MIN_HOURS
    platform = params.digital_platform & pop.digital
    threshold = pop.ask_threshold - np.where(platform, PLATFORM_THRESHOLD, 0.0)
    come_forward = _sigmoid((0.45 * pop.trust - threshold) / ASK_SOFTNESS)
    forward = waiting & (rng.random(pop.n) < come_forward)
    sought = np.zeros(pop.n, dtype=bool)
    if params.matching is Matching.ACTIVE and budget.matching > 0:
        capacity = int(budget.matching / params.hours_per_match)
        candidates = np.flatnonzero(waiting & ~forward)
        candidates = candidates[np.argsort(-remaining[candidates], kind="stable")][:capacity]
        budget.matching -= len(candidates) * params.hours_per_match
        accepts = rng.random(len(candidates)) < 1.0 - 0.5 * pop.ask_threshold[candidates]
        sought[candidates[accepts]] = True
    seekers = np.flatnonzero(forward | sought)
    return seekers, sought[seekers]


def _match_volunteers(
    nb: Neighbourhood, remaining: np.ndarray, capacity: np.ndarray, received: np.ndarray,
    budget: Budget, contacts: Contacts,
) -> None:
    """Match help-seekers to volunteers who have hours left and fit the request."""
    pop = nb.population
    params = nb.params
    rng = nb.streams.care
    volunteers = np.flatnonzero(pop.is_volunteer)
    if len(volunteers) == 0:  # no scheme: nobody to come forward to, nobody to match
        return
    seekers, sought = _requests_for_volunteers(nb, remaining, budget)
    if len(seekers) == 0:
        return
    order = rng.permutation(len(seekers))  # no street goes first
    seekers, sought = seekers[order], sought[order]
    active = params.matching is Matching.ACTIVE and nb.support.present
    tries = ACTIVE_TRIES if active else PASSIVE_TRIES
    picks = volunteers[rng.integers(len(volunteers), size=(len(seekers), tries))]
    draws = rng.random((len(seekers), tries))
    ptr, nbr = nb.views.all_adjacency
    out_v, out_n, out_h, introduced = [], [], [], []
    for r, needer in enumerate(seekers.tolist()):
        # a volunteer who already knows the help-seeker comes back first (a lasting match)
        known = nbr[ptr[needer] : ptr[needer + 1]]
        known = known[pop.is_volunteer[known] & (capacity[known] > MIN_HOURS)]
        if len(known):
            volunteer = int(known[0])
        else:
            volunteer = met = -1
            platform = PLATFORM_FIT if params.digital_platform and pop.digital[needer] else 0.0
            for k in range(tries):
                v = int(picks[r, k])
                if v == needer or capacity[v] <= MIN_HOURS:
                    continue
                met = v if met < 0 else met  # the first volunteer with time to meet
                if draws[r, k] < pop.fit[v] + platform:  # the request fits what they offer
                    volunteer = v
                    break
            if sought[r] and met >= 0:  # a professional arranged a first meeting
                introduced.append((volunteer if volunteer >= 0 else met, needer))
        if volunteer < 0:
            continue
        given = min(remaining[needer], capacity[volunteer])
        capacity[volunteer] -= given
        remaining[needer] -= given
        out_v.append(volunteer)
        out_n.append(needer)
        out_h.append(given)
    if not out_v:
        return
    helper = np.array(out_v, dtype=np.int64)
    helped = np.array(out_n, dtype=np.int64)
    hours = np.array(out_h)
    np.add.at(received[:, Source.VOLUNTEERS], helped, hours)
    np.add.at(pop.given, helper, hours)
    np.add.at(pop.volunteer_hours, helper, hours)
    contacts.help(helper, helped, hours)
    contacts.meet(helper, helped, hours * params.help_shared_share)
    if introduced:
        pairs = np.array(introduced, dtype=np.int64)
        contacts.meet(pairs[:, 0], pairs[:, 1], INTRODUCTION_HOURS)
