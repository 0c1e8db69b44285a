"""Asking one's own ties for help: who dares to ask, who is willing, who gives how much.

The third source of care in the week's spending order (:mod:`.care`, ``docs/odd.md`` 7.9,
step 3). Asking is easier over stronger ties, with more trust, after having given to that person
before and while waiting for formal care; it is harder while owing them (Gouldner 1960; seed 000:
first give, then take; *vraagverlegenheid*, Linders 2010). A helper may stretch beyond their
capacity for someone close (*mantelzorg*), which builds strain and can end in burnout. It has
its own module, apart from the spending order and formal care in :mod:`.care`, so that this
route to help, a compiled kernel in a few steps, can be read on its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import numpy as np
from numba import njit

from ..state.keyed import keyed_uniform

if TYPE_CHECKING:
    from ..parameters import Parameters
    from ..state.contacts import Contacts
    from ..state.keyed import KeyedStream
    from ..state.personal import PersonalChoices
    from ..state.population import Population
    from ..state.ties import TieNetwork

__all__ = ["MIN_HOURS", "AskingTerms", "ask_chance", "ask_own_network", "offer_chance",
           "willing_chance"]

MIN_HOURS = 0.05  # smaller transfers are not worth recording
CLOSE_STRENGTH = 0.5  # ties at least this strong (the friendly threshold) may stretch a helper


class AskingTerms(NamedTuple):
    """The parameters of asking one's ties, as one record the compiled rules read.

    Each field is the declared parameter of the same name (``docs/odd.md`` 7.9, step 5).
    """

    reciprocity_weight: float
    waiting_push: float
    offer_rate: float
    open_ended_hours: float
    credit_scale_hours: float
    trust_base: float
    ask_softness: float
    willing_base: float
    willing_strength: float

    @classmethod
    def of(cls, params: Parameters) -> AskingTerms:
        """The terms of a run's parameters."""
        return cls(*(getattr(params, name) for name in cls._fields))


def ask_own_network(
    pop: Population, ties: TieNetwork, params: Parameters, personal: PersonalChoices,
    draws: KeyedStream, week: int, remaining: np.ndarray, capacity: np.ndarray,
    received: np.ndarray, contacts: Contacts,
) -> None:
    """Residents ask their own ties, strongest first, in a few rounds (:func:`_ask_kernel`).

    Writes: pop.given, pop.given_network, pop.given_informal and pop.asked (the helpers' and
    the asked); personal (the asks of watched residents are noted); contacts.

    Args:
        pop: The population (trust, threshold, waiting and indicated need are read).
        ties: The tie network (read: strength, credit, weeks together).
        params: The run's parameters.
        personal: The participatory mode's choices (a chosen tie, a threshold, watched
            residents).
        draws: The keyed stream of asking.
        week: The current week.
        remaining: Each resident's need left (updated in place).
        capacity: Hours each resident can still give (updated in place).
        received: Hours each resident received from their own ties (updated in place).
        contacts: This week's contacts; help and the time it shares are added.
    """
    if len(ties) == 0:
        return
    helper, needer, given, log = _ask_kernel(
        ties.key, ties.a, ties.b, ties.hours, float(ties.friendly_hours), ties.credit,
        ties.together, np.uint8((1 << params.notice_weeks) - 1), remaining, capacity,
        pop.trust, personal.ask_thresholds(pop.ask_threshold), pop.waiting, pop.indicated,
        draws.key, week, AskingTerms.of(params), params.network_rounds, params.carer_stretch,
        received, pop.given, pop.given_network, pop.given_informal, pop.asked,
        personal.only_array(pop.n), personal.watched_mask(pop.n),
    )
    contacts.help(helper, needer, given)
    contacts.meet(helper, needer, given * params.help_shared_share)
    if personal.watched:
        _log_asks(personal, week, log, helper, needer, given)


def _log_asks(personal: PersonalChoices, week: int,
              log: tuple[np.ndarray, np.ndarray, np.ndarray], helper: np.ndarray,
              needer: np.ndarray, given: np.ndarray) -> None:
    """Log the week's asks that involved a watched resident, with the hours each brought."""
    for x, y, willing in zip(*(part.tolist() for part in log), strict=True):
        hours = float(given[(needer == x) & (helper == y)].sum())
        personal.note(week, "ask", x, y, willing and hours > 0, hours)


@njit(cache=True)
def _ask_kernel(key, a, b, hours, friendly_hours, credit, together, notice_mask, remaining,
                capacity, trust, threshold, waiting, indicated, stream, week, terms, rounds,
                stretch_factor, received, given, given_network, given_informal, asked, only,
                watched):
    """Residents in need ask their ties; willing ties help within their means (7.9.3).

    Every resident with need left considers each of their ties. They ask when a logistic draw
    around their courage succeeds::

        courage = strength × (trust_base + trust) + reciprocity + waiting_push × waiting
                  − threshold
        reciprocity = reciprocity_weight × tanh(credit with this tie / credit_scale_hours)

    and the tie is willing with chance (willing_base + willing_strength × strength +
    reciprocity) / (1 + need / ``open_ended_hours``) (:func:`willing_chance`,
    :func:`_willing_ties`); ``terms`` holds these parameters (:class:`AskingTerms`). A tie who
    met the resident at an activity in the weeks of ``notice_mask`` (the last
    ``notice_weeks``) may notice the need and offer help unasked (:func:`offer_chance`). A
    resident with a chosen tie (``only``, the participatory
    mode's "whom do you ask", :mod:`simulatie.core.state.personal`) considers that tie alone. The
    willing ties are asked strongest first, one per round, for what is still needed
    (:func:`_asking_order`, :func:`_help_rounds`); a helper asked by several people in one round
    shares their hours pro rata, in up to ``rounds`` rounds. A helper gives within their
    capacity, or up to ``stretch_factor`` times it for a close tie (*mantelzorg*).

    A tie's strength is its ``hours`` over ``hours + friendly_hours``
    (:meth:`~simulatie.core.state.ties.TieNetwork.strength`), read only for ties that are asked.
    Arrays ``remaining``, ``capacity``, ``received``, ``given``, ``given_network``,
    ``given_informal`` and ``asked`` are updated in place.

    Returns:
        ``(helper, needer, hours)`` of every piece of help given, and ``(needer, helper,
        willing)`` of every ask that involved a ``watched`` resident.
    """
    needer, helper, tie_strength, log = _willing_ties(
        key, a, b, hours, friendly_hours, credit, together, notice_mask, remaining, trust,
        threshold, waiting, stream, week, terms, asked, only, watched,
    )
    order, rank = _asking_order(needer, tie_strength)
    out_helper, out_needer, out_hours = _help_rounds(
        needer, helper, tie_strength, order, rank, remaining, capacity, indicated, rounds,
        stretch_factor, received, given, given_network, given_informal)
    return out_helper, out_needer, out_hours, log


@njit(cache=True)
def _willing_ties(key, a, b, hours, friendly_hours, credit, together, notice_mask, remaining,
                  trust, threshold, waiting, stream, week, terms, asked, only, watched):
    """The (needer, helper) pairs in which the needer dares to ask and the helper is willing.

    Both directions of every tie are considered, first ``a`` asking ``b`` for all edges, then
    ``b`` asking ``a``. The two draws of a direction (to ask, to be willing) are keyed by the
    pair's key, the direction and the week (:func:`~simulatie.core.state.keyed.keyed_uniform`),
    so a tie that exists in one arm only shifts no other pair's draws. A tie who met the needer
    at an activity lately (``notice_mask``) may offer help unasked (a third keyed draw): an
    offer is a request
    the needer did not have to make, and the one who offers is willing. A needer with a chosen tie
    (``only[x]`` is not -1) skips every other tie. Whoever is asked is marked in ``asked`` (in
    place), willing or not.

    Returns:
        ``(needer, helper, strength)`` of each willing pair, in the order of the directions, and
        ``(needer, helper, willing)`` of each ask in which a ``watched`` resident took part.
    """
    edges = len(a)
    pair_needer = np.empty(2 * edges, np.int64)
    pair_helper = np.empty(2 * edges, np.int64)
    pair_strength = np.empty(2 * edges)
    log_needer = np.empty(2 * edges, np.int64)
    log_helper = np.empty(2 * edges, np.int64)
    log_willing = np.empty(2 * edges, np.bool_)
    count = 0
    logged = 0
    for d in range(2 * edges):
        e = d % edges
        if d < edges:
            x, y, balance, who = a[e], b[e], credit[e], 2 * key[e]
        else:
            x, y, balance, who = b[e], a[e], -credit[e], 2 * key[e] + 1
        if remaining[x] <= MIN_HOURS or (only[x] >= 0 and only[x] != y):
            continue
        s = hours[e] / (hours[e] + friendly_hours)  # the tie's strength (TieNetwork.strength)
        offers = (together[e] & notice_mask) != 0 and keyed_uniform(
            stream, week, who, 2) < offer_chance(s, terms.offer_rate)
        chance = ask_chance(s, trust[x], balance, waiting[x], threshold[x], terms)
        if not offers and keyed_uniform(stream, week, who, 0) >= chance:
            continue
        asked[y] = asked[y] or not offers  # one who offers was not asked
        willing = offers or keyed_uniform(stream, week, who, 1) < willing_chance(
            s, balance, remaining[x], terms)
        if watched[x] or watched[y]:
            log_needer[logged], log_helper[logged], log_willing[logged] = x, y, willing
            logged += 1
        if not willing:
            continue
        pair_needer[count], pair_helper[count], pair_strength[count] = x, y, s
        count += 1
    log = (log_needer[:logged], log_helper[:logged], log_willing[:logged])
    return pair_needer[:count], pair_helper[:count], pair_strength[:count], log


@njit(cache=True)
def ask_chance(strength, trust, credit, waiting, threshold, terms):
    """The chance that a resident in need asks one of their ties (``docs/odd.md`` 7.9.3).

    A logistic function of courage around the resident's threshold (*vraagverlegenheid*),
    with spread ``ask_softness``::

        courage = strength × (trust_base + trust) + reciprocity + waiting_push × waiting
                  − threshold
        reciprocity = reciprocity_weight × tanh(credit / credit_scale_hours)

    Args:
        strength: The tie's strength (0..1).
        trust: The asker's trust in neighbours.
        credit: Hours the asker gave this tie minus hours received (fading).
        waiting: The share of the asker's indicated need formal care left unserved lately.
        threshold: The asker's threshold to ask.
        terms: The parameters of asking (:class:`AskingTerms`).
    """
    reciprocity = terms.reciprocity_weight * np.tanh(credit / terms.credit_scale_hours)
    courage = (strength * (terms.trust_base + trust) + reciprocity + terms.waiting_push * waiting
               - threshold)
    return 1.0 / (1.0 + np.exp(-courage / terms.ask_softness))


@njit(cache=True)
def offer_chance(strength, offer_rate):
    """The chance that a tie who met a resident in need at an activity lately offers help.

    People who see each other every week notice when the other is unwell or stuck, and offer
    (seed 000, Theehuis: "offering help or a chat"; *omkijken naar elkaar*): ``offer_rate`` ×
    the tie's strength.
    """
    return offer_rate * strength


@njit(cache=True)
def willing_chance(strength, credit, need, terms):
    """The chance that an asked tie is willing to help with ``need`` hours a week.

    (``willing_base`` + ``willing_strength`` × strength + reciprocity, in [0, 1]) / (1 + need /
    ``open_ended_hours``), with the parameters of ``terms`` (:class:`AskingTerms`): people
    help readily with something light and bounded, and hold back from a need that could swallow
    them (the limits of neighbourly help: complementarity at the light margin, substitution at
    the intensive one, ``docs/odd.md`` 7.9). Formal care and family that carry the heavy part
    therefore make neighbours more willing for the rest.
    """
    reciprocity = terms.reciprocity_weight * np.tanh(credit / terms.credit_scale_hours)
    base = min(1.0, max(0.0, terms.willing_base + terms.willing_strength * strength
                        + reciprocity))
    if terms.open_ended_hours <= 0.0:
        return base
    return base / (1.0 + need / terms.open_ended_hours)


@njit(cache=True)
def _asking_order(needer, tie_strength):
    """The order in which the willing pairs are asked, and each pair's round.

    Returns:
        ``(order, rank)``: the pairs grouped by needer and, within one needer, strongest tie
        first (stable sorts, so ties of equal strength keep their order); ``rank[i]`` is the
        round in which pair ``order[i]`` is asked (0 for a needer's strongest tie).
    """
    count = len(needer)
    by_strength = np.argsort(-tie_strength, kind="mergesort")
    order = by_strength[np.argsort(needer[by_strength], kind="mergesort")]
    rank = np.zeros(count, np.int64)
    for i in range(1, count):
        if needer[order[i]] == needer[order[i - 1]]:
            rank[i] = rank[i - 1] + 1
    return order, rank


@njit(cache=True)
def _help_rounds(needer, helper, tie_strength, order, rank, remaining, capacity, indicated,
                 rounds, stretch_factor, received, given, given_network, given_informal):
    """Up to ``rounds`` rounds of asking, each needer's next willing tie per round.

    A round asks (:func:`_round_requests`), lets each helper share their hours over everyone
    who asked them (:func:`_share_helpers`) and gives (:func:`_give`).

    Returns:
        ``(helper, needer, hours)`` of every piece of help given.
    """
    count = len(needer)
    stretch = capacity * stretch_factor
    out_helper = np.empty(count, np.int64)
    out_needer = np.empty(count, np.int64)
    out_hours = np.empty(count)
    out = 0
    requested = np.zeros(len(remaining))
    limit = np.empty(count)
    for r in range(rounds):
        chosen, m = _round_requests(r, needer, helper, tie_strength, order, rank, remaining,
                                    capacity, stretch, requested, limit)
        if m == 0:
            break
        _share_helpers(chosen, m, needer, helper, remaining, requested, limit)
        for i in range(m):
            p = chosen[i]
            x, y = needer[p], helper[p]
            requested[y] = 0.0
            hours = limit[i]
            if hours <= 0.0:
                continue
            _give(x, y, hours, remaining, capacity, stretch, indicated, received, given,
                  given_network, given_informal)
            out_helper[out], out_needer[out], out_hours[out] = y, x, hours
            out += 1
    return out_helper[:out].copy(), out_needer[:out].copy(), out_hours[:out].copy()


@njit(cache=True)
def _round_requests(r, needer, helper, tie_strength, order, rank, remaining, capacity, stretch,
                    requested, limit):
    """The pairs asked in round ``r``: needers with need left, helpers with hours to give.

    Each chosen pair's helper limit (stretched for a close tie) goes to ``limit`` and the need
    asked of each helper adds up in ``requested`` (both in place).

    Returns:
        ``(chosen, m)``: the first ``m`` entries of ``chosen`` are the pairs asked.
    """
    chosen = np.empty(len(needer), np.int64)
    m = 0
    for i in range(len(needer)):
        if rank[i] != r:
            continue
        p = order[i]
        x, y = needer[p], helper[p]
        if remaining[x] <= MIN_HOURS:
            continue
        lim = stretch[y] if tie_strength[p] >= CLOSE_STRENGTH else capacity[y]
        if lim <= MIN_HOURS:
            continue
        chosen[m] = p
        limit[m] = lim
        requested[y] += remaining[x]
        m += 1
    return chosen, m


@njit(cache=True)
def _share_helpers(chosen, m, needer, helper, remaining, requested, limit):
    """Turn each chosen pair's limit into the hours it will be given (in ``limit``, in place).

    A helper asked for more than their limit shares it pro rata to what each asked; transfers
    below ``MIN_HOURS`` are dropped.
    """
    for i in range(m):
        p = chosen[i]
        x, y = needer[p], helper[p]
        hours = remaining[x] * min(1.0, limit[i] / requested[y])
        if hours < MIN_HOURS:
            hours = 0.0
        limit[i] = hours


@njit(cache=True)
def _give(x, y, hours, remaining, capacity, stretch, indicated, received, given, given_network,
          given_informal):
    """Helper ``y`` gives ``hours`` to needer ``x`` over their tie (the accounts, in place)."""
    stretch[y] -= hours
    capacity[y] = max(0.0, capacity[y] - hours)
    remaining[x] -= hours
    received[x] += hours
    given[y] += hours
    given_network[y] += hours
    if indicated[x]:
        given_informal[y] += hours  # informal *care* (SCP)
