"""One week of care: who asks whom, who gives, and what stays unmet.

Each resident's weekly need (*draaglast*) is met, in this order (model.md, "Care"):

1. by professionals who do the work themselves (``takeover``): they help everyone in need in
   proportion to that need, directly, before anyone has asked a neighbour (seed 002: residents
   then leave it to them);
2. by the resident's own ties, if they dare to ask (*vraagverlegenheid*, Linders 2010: stronger
   ties, more trust and not being in debt make asking easier; Gouldner 1960) and the tie is
   willing; a helper may stretch beyond their capacity for someone close (informal carers,
   *mantelzorgers*), which builds strain and can end in burnout;
3. by volunteers, matched by a professional who seeks out needs (active; the help-seeker's
   consent to the match counts as asking) or only for those who come forward themselves
   (passive), or through a digital platform; requests are served in random order;
4. by formal care, whose capacity is limited (staff shortage, seed 001/002) and which serves
   frail residents and those with an indication (LVB, psychiatric vulnerability);
5. the rest is unmet.

Every hour given is an hour received: the accounting is checked in the tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING

import numpy as np

from .groups import Group

if TYPE_CHECKING:
    from .model import CaringCommunity

__all__ = ["CareWeek", "Source", "indicated", "provide_care"]

STRETCH_FOR_CLOSE_TIES = 1.6  # informal carers give up to this multiple of their capacity
ASK_SOFTNESS = 0.08  # spread of the ask decision around the threshold
NETWORK_ROUNDS = 3  # a resident asks up to this many ties per week
MIN_HOURS = 0.05  # smaller transfers are not worth recording
HOURS_PER_MATCH = 0.5  # professional time to find and match one help-seeker
PASSIVE_TRIES = 2  # volunteers a service desk tries for a walk-in request
ACTIVE_TRIES = 5  # volunteers a matcher tries
ACTIVE_FIT = 0.8  # chance a matcher who knows the volunteers finds a fitting one
FORMAL_FRAILTY = 0.3  # frailty above which formal care is indicated


class Source(IntEnum):
    """Where an hour of care came from."""

    PROFESSIONAL = 0
    NETWORK = 1
    VOLUNTEERS = 2
    FORMAL = 3


@dataclass
class CareWeek:
    """The week's care accounting per resident.

    Attributes:
        need: Hours needed.
        received: ``(n, 4)`` hours received by :class:`Source`.
        unmet: Hours left unmet.
        help_pairs: ``(a, b, hours)`` of every resident-to-resident help, for the tie network.
    """

    need: np.ndarray
    received: np.ndarray
    unmet: np.ndarray
    help_pairs: tuple[np.ndarray, np.ndarray, np.ndarray]


def indicated(frailty: np.ndarray, group: np.ndarray) -> np.ndarray:
    """Whether each resident's need stems from health: frail, or LVB or psychiatric vulnerability.

    Formal care serves only them; help given to them over one's own ties is informal *care* in
    the SCP's sense (help to someone with health problems), other help is neighbourly help.
    """
    return (frailty >= FORMAL_FRAILTY) | np.isin(group, (Group.LVB, Group.PSYCH))


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _allocate_proportionally(
    remaining: np.ndarray, eligible: np.ndarray, hours: float
) -> np.ndarray:
    """Share ``hours`` over eligible residents in proportion to their remaining need."""
    want = np.where(eligible, remaining, 0.0)
    total = want.sum()
    if total <= 0 or hours <= 0:
        return np.zeros_like(remaining)
    return want * min(1.0, hours / total)


def provide_care(model: CaringCommunity) -> CareWeek:
    """Meet this week's needs from each source in turn.

    Args:
        model: The model; its population's ``need`` has been drawn for this week.

    Returns:
        The accounting for the week. Population ``given``/``received`` are updated too.
    """
    pop = model.population
    n = pop.n
    received = np.zeros((n, len(Source)))
    remaining = pop.need.copy()

    direct = _allocate_proportionally(remaining, remaining > 0, model.support.doing_hours)
    model.support.spend_doing(float(direct.sum()))
    received[:, Source.PROFESSIONAL] = direct
    remaining -= direct

    pop.care_need_indicated = indicated(pop.frailty, pop.group)
    budget = pop.capacity()
    pairs_a, pairs_b, pairs_h = _ask_own_network(model, remaining, budget, received)
    va, vb, vh = _match_volunteers(model, remaining, budget, received)

    eligible = pop.care_need_indicated
    formal = _allocate_proportionally(
        remaining, eligible, model.params.formal_care_hours * n
    )
    received[:, Source.FORMAL] = formal
    remaining -= formal

    pop.received = received.sum(axis=1)
    return CareWeek(
        need=pop.need.copy(),
        received=received,
        unmet=np.maximum(remaining, 0.0),
        help_pairs=(np.concatenate([pairs_a, va]), np.concatenate([pairs_b, vb]),
                    np.concatenate([pairs_h, vh])),
    )


def _ask_own_network(
    model: CaringCommunity, remaining: np.ndarray, budget: np.ndarray, received: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Residents ask their own ties, strongest first, in a few vectorised rounds."""
    pop = model.population
    ties = model.ties
    rng = model.streams.care
    empty = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0))
    if len(ties) == 0:
        return empty
    strength = ties.strength()
    needer = np.concatenate([ties.a, ties.b])
    helper = np.concatenate([ties.b, ties.a])
    s = np.concatenate([strength, strength])
    active = remaining[needer] > MIN_HOURS
    needer, helper, s = needer[active], helper[active], s[active]
    if len(needer) == 0:
        return empty
    debt = np.exp(np.minimum(pop.balance[needer], 0.0) / 20.0)
    courage = s * (0.5 + pop.trust[needer]) * debt - pop.ask_threshold[needer]
    asks = rng.random(len(needer)) < _sigmoid(courage / ASK_SOFTNESS)
    willing = rng.random(len(needer)) < 0.3 + 0.7 * s
    ok = asks & willing
    needer, helper, s = needer[ok], helper[ok], s[ok]
    # stretch: for a close tie a helper gives beyond capacity (informal care)
    stretch_budget = budget * STRETCH_FOR_CLOSE_TIES
    order = np.lexsort((-s, needer))
    needer, helper, s = needer[order], helper[order], s[order]
    first = np.r_[0, np.flatnonzero(np.diff(needer)) + 1]
    rank = np.arange(len(needer)) - np.repeat(first, np.diff(np.r_[first, len(needer)]))
    out_a, out_b, out_h = [], [], []
    for r in range(NETWORK_ROUNDS):
        sel = np.flatnonzero(rank == r)
        sel = sel[(remaining[needer[sel]] > MIN_HOURS)]
        limit = np.where(s[sel] >= 0.5, stretch_budget[helper[sel]], budget[helper[sel]])
        sel = sel[limit > MIN_HOURS]
        if len(sel) == 0:
            break
        request = remaining[needer[sel]]
        asked = np.bincount(helper[sel], weights=request, minlength=pop.n)
        limit = np.where(s[sel] >= 0.5, stretch_budget[helper[sel]], budget[helper[sel]])
        given = request * np.minimum(1.0, limit / asked[helper[sel]])
        given = np.where(given >= MIN_HOURS, given, 0.0)
        spent = np.bincount(helper[sel], weights=given, minlength=pop.n)
        stretch_budget -= spent
        budget -= spent
        np.maximum(budget, 0.0, out=budget)
        remaining[needer[sel]] -= given
        received[needer[sel], Source.NETWORK] += given
        pop.given += spent
        cared = given * pop.care_need_indicated[needer[sel]]  # informal *care* (SCP)
        pop.given_informal += np.bincount(helper[sel], weights=cared, minlength=pop.n)
        keep = given > 0
        out_a.append(needer[sel][keep])
        out_b.append(helper[sel][keep])
        out_h.append(given[keep])
    if not out_a:
        return empty
    return np.concatenate(out_a), np.concatenate(out_b), np.concatenate(out_h)


def _requests_for_volunteers(model: CaringCommunity, remaining: np.ndarray) -> np.ndarray:
    """Help-seekers who reach the volunteers this week.

    Passive matching: only those who come forward (low threshold, enough trust). A digital
    platform lowers the threshold for residents who use it. Active matching: professionals'
    matching hours seek out the neediest, who accept unless very reluctant.
    """
    pop = model.population
    rng = model.streams.care
    p = model.params
    waiting = remaining > MIN_HOURS
    threshold = pop.ask_threshold - np.where(p.digital_platform & pop.digital, 0.2, 0.0)
    come_forward = _sigmoid((0.45 * pop.trust - threshold) / ASK_SOFTNESS)
    forward = waiting & (rng.random(pop.n) < come_forward)
    if p.matching.value == "active" and model.support.present:
        capacity = int(model.support.matching_hours / HOURS_PER_MATCH)
        sought = np.flatnonzero(waiting & ~forward)
        sought = sought[np.argsort(-remaining[sought], kind="stable")][:capacity]
        accepts = rng.random(len(sought)) < 1.0 - 0.5 * pop.ask_threshold[sought]
        forward[sought[accepts]] = True
    return np.flatnonzero(forward)


def _match_volunteers(
    model: CaringCommunity, remaining: np.ndarray, budget: np.ndarray, received: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Match help-seekers to volunteers who have hours left and fit the request."""
    pop = model.population
    rng = model.streams.care
    volunteers = list(model.volunteer_of.values())
    requests = rng.permutation(_requests_for_volunteers(model, remaining))  # no street first
    if not volunteers or len(requests) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
    active = model.params.matching.value == "active" and model.support.present
    tries = ACTIVE_TRIES if active else PASSIVE_TRIES
    platform = model.params.digital_platform
    slots = np.array([v.slot for v in volunteers])
    fit = np.array([max(v.fit, ACTIVE_FIT) if active else v.fit for v in volunteers])
    picks = rng.integers(len(volunteers), size=(len(requests), tries))
    fits = rng.random((len(requests), tries))
    index_of = {slot: i for i, slot in enumerate(slots.tolist())}
    ptr, nbr = model.all_adjacency
    out_a, out_b, out_h = [], [], []
    for r, needer in enumerate(requests.tolist()):
        # a volunteer who already knows the help-seeker comes back first (a lasting match)
        known = [index_of[s] for s in nbr[ptr[needer] : ptr[needer + 1]].tolist() if s in index_of]
        candidates = known[:1] + picks[r].tolist()
        for k, v in enumerate(candidates):
            vslot = int(slots[v])
            own_fit = fit[v] + (0.2 if platform and pop.digital[needer] else 0.0)
            fits_request = k < len(known[:1]) or fits[r, k - len(known[:1])] < own_fit
            if vslot == needer or budget[vslot] <= MIN_HOURS or not fits_request:
                continue
            given = min(remaining[needer], budget[vslot])
            budget[vslot] -= given
            remaining[needer] -= given
            received[needer, Source.VOLUNTEERS] += given
            pop.given[vslot] += given
            volunteers[v].hours_this_week += given
            out_a.append(needer)
            out_b.append(vslot)
            out_h.append(given)
            break
    return (np.array(out_a, dtype=np.int64), np.array(out_b, dtype=np.int64),
            np.array(out_h, dtype=float))
