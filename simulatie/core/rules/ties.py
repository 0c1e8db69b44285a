"""How a week changes the tie network: shared hours, help over time, fading and stages.

``docs/odd.md`` 7.6. Every pair that met or helped this week gets a tie if it had none and adds
the hours it shared; the caring window moves on a week and each helped direction gets this
week's bit; the reciprocity credit moves by the hours given. Then every tie fades, weak and
fresh ties much faster than strong ones and reciprocated ties slower (Raeder, Lizardo, Hachen &
Chawla 2011); the faintest are forgotten and each tie's stage is set. The network's data and how
it is read are :mod:`simulatie.core.state.ties`.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from ..state.contacts import Contacts
from ..state.numeric import popcount
from ..state.ties import TieNetwork, TieStage

__all__ = ["update_ties"]

# How faint a tie is forgotten (the pair are strangers again) and how fast reciprocity credit
# fades are declared parameters of the network (group ties: ``prune_below_hours``,
# ``credit_kept_per_week``), kept on the :class:`~simulatie.core.state.ties.TieNetwork`.


def update_ties(ties: TieNetwork, contacts: Contacts) -> None:
    """Apply a week of contacts and help to the ties, then let everything fade.

    Every pair that met or helped gets a tie if it had none. The week enters the caring window;
    each direction that was helped gets this week's bit, and the credit moves by the hours
    given. Then every tie fades (:func:`_apply_week`), the faintest are forgotten and each tie's
    stage is set.

    Args:
        ties: The tie network (changed in place).
        contacts: The week's contacts (shared hours, help's shared time included by the stage
            that recorded it) and help.
    """
    a, b, hours = contacts.met()
    helper, helped, help_hours = contacts.helped()
    t_a, t_b = contacts.together()
    (ties.key, ties.hours, ties.help_ab, ties.help_ba, ties.credit, ties.stage, ties.a, ties.b,
     ties.together) = _apply_week(
        ties.key, ties.hours, ties.help_ab, ties.help_ba, ties.credit, ties.together, ties.n,
        np.asarray(a, np.int64), np.asarray(b, np.int64), np.asarray(hours, np.float64),
        np.asarray(helper, np.int64), np.asarray(helped, np.int64),
        np.asarray(help_hours, np.float64), np.asarray(t_a, np.int64),
        np.asarray(t_b, np.int64),
        ties.window, ties.friendly_hours, ties.strong_decay, ties.weak_decay,
        ties.reciprocated_persistence, ties.caring_help_weeks,
        float(ties.prune_below_hours), float(ties.credit_kept_per_week),
    )


@njit(cache=True)
def _ends_and_together(key, n, old_key, old_together, t_a, t_b):
    """Each tie's two residents, and its weeks of meeting at an activity moved on a week.

    A tie that existed last week keeps its bits, one week older (the oldest falls out of the
    eight); this week's pairs who met at an activity get this week's bit.

    Args:
        key: The ties' sorted pair keys after this week.
        n: Number of homes.
        old_key: Last week's sorted pair keys.
        old_together: Last week's bits per tie.
        t_a: One side of each pair who met at an activity this week.
        t_b: The other side.

    Returns:
        ``(a, b, together)`` per tie.
    """
    edges = len(key)
    a = np.empty(edges, np.int64)
    b = np.empty(edges, np.int64)
    together = np.zeros(edges, np.uint8)
    i = 0
    one = np.uint8(1)
    for e in range(edges):
        a[e] = key[e] // n
        b[e] = key[e] % n
        while i < len(old_key) and old_key[i] < key[e]:
            i += 1
        if i < len(old_key) and old_key[i] == key[e]:
            together[e] = np.uint8(old_together[i] << one)
    for j in range(len(t_a)):
        x, y = t_a[j], t_b[j]
        pair = min(x, y) * n + max(x, y)
        e = np.searchsorted(key, pair)
        if e < edges and key[e] == pair:
            together[e] |= one
    return a, b, together


_ACQUAINTANCE = int(TieStage.ACQUAINTANCE)
_FRIENDLY = int(TieStage.FRIENDLY)
_CARING = int(TieStage.CARING)



@njit(cache=True)
def _apply_week(key, hours, help_ab, help_ba, credit, together, n, c_a, c_b, c_hours, h_from,
                h_to, h_hours, t_a, t_b, window, friendly, strong, weak, persistence,
                caring_weeks, prune_below, credit_kept):
    """One week of the tie network in one pass (``docs/odd.md`` 7.6).

    1. Contacts (and help, which needs a tie to go over) are turned into pair keys, summed per
       pair and merged into the sorted edge arrays; new pairs start with no help and no credit
       (:func:`_week_pairs`, :func:`_merge_pairs`).
    2. The caring window moves on a week; every helped direction gets this week's bit and the
       credit moves by the hours given (:func:`_record_help`).
    3. Every tie fades by a rate that slides from ``weak`` to ``strong`` with its strength,
       lowered by ``persistence`` while help goes both ways; credit keeps ``credit_kept`` of
       itself; ties below ``prune_below`` hours are dropped, and each remaining tie's stage is
       set (:func:`_fade_and_stage`).
    4. Each tie's two residents are read off its key and its weeks of meeting at an activity
       (``together``) move on a week, with this week's bit for the pairs ``t_a``, ``t_b``
       (:func:`_ends_and_together`).

    Returns:
        The new ``key``, ``hours``, ``help_ab``, ``help_ba``, ``credit``, ``stage``, ``a``,
        ``b`` and ``together`` arrays.
    """
    pair_key, pair_hours = _week_pairs(c_a, c_b, c_hours, h_from, h_to, n)
    o_key, o_hours, o_ab, o_ba, o_credit = _merge_pairs(
        key, hours, help_ab, help_ba, credit, pair_key, pair_hours, window
    )
    _record_help(o_key, o_ab, o_ba, o_credit, h_from, h_to, h_hours, n)
    f_key, f_hours, f_ab, f_ba, f_credit, stage = _fade_and_stage(
        o_key, o_hours, o_ab, o_ba, o_credit, friendly, strong, weak, persistence, caring_weeks,
        prune_below, credit_kept)
    a, b, f_together = _ends_and_together(f_key, n, key, together, t_a, t_b)
    return f_key, f_hours, f_ab, f_ba, f_credit, stage, a, b, f_together


@njit(cache=True)
def _week_pairs(c_a, c_b, c_hours, h_from, h_to, n):
    """The pair key and shared hours of every contact, then of every piece of help (0 hours).

    A resident's contact with themselves is no pair and is left out.

    Returns:
        ``(keys, hours)``, in the order of the contacts and then the help, unsorted.
    """
    m = len(c_a) + len(h_from)
    new_key = np.empty(m, np.int64)
    new_hours = np.empty(m)
    k = 0
    for i in range(len(c_a)):
        x, y = c_a[i], c_b[i]
        if x != y:
            new_key[k] = min(x, y) * n + max(x, y)
            new_hours[k] = c_hours[i]
            k += 1
    for i in range(len(h_from)):
        x, y = h_from[i], h_to[i]
        if x != y:
            new_key[k] = min(x, y) * n + max(x, y)
            new_hours[k] = 0.0
            k += 1
    return new_key[:k], new_hours[:k]


@njit(cache=True)
def _merge_pairs(key, hours, help_ab, help_ba, credit, new_key, new_hours, window):
    """Merge the week's pairs into the sorted edges and move every tie's caring window on.

    The week's hours are summed per pair and added to its tie; a pair without a tie gets one
    with no help and no credit. Every tie's help bits move one week back, the oldest falling
    out of ``window``.

    Returns:
        The merged ``key``, ``hours``, ``help_ab``, ``help_ba`` and ``credit`` arrays.
    """
    k = len(new_key)
    order = _stable_order(new_key)
    edges = len(key)
    size = edges + k
    o_key = np.empty(size, np.int64)
    o_hours = np.empty(size)
    o_ab = np.empty(size, np.uint64)
    o_ba = np.empty(size, np.uint64)
    o_credit = np.empty(size)
    i = j = o = 0
    nk = 0
    one = np.uint64(1)
    while i < edges or j < k:
        if j < k:
            nk = new_key[order[j]]
        if j >= k or (i < edges and key[i] < nk):
            o_key[o], o_hours[o], o_credit[o] = key[i], hours[i], credit[i]
            o_ab[o], o_ba[o] = help_ab[i], help_ba[i]
            i += 1
        else:
            added = 0.0
            while j < k and new_key[order[j]] == nk:
                added += new_hours[order[j]]
                j += 1
            if i < edges and key[i] == nk:
                o_key[o], o_hours[o], o_credit[o] = nk, hours[i] + added, credit[i]
                o_ab[o], o_ba[o] = help_ab[i], help_ba[i]
                i += 1
            else:
                o_key[o], o_hours[o], o_credit[o] = nk, added, 0.0
                o_ab[o], o_ba[o] = np.uint64(0), np.uint64(0)
        o_ab[o] = (o_ab[o] << one) & window
        o_ba[o] = (o_ba[o] << one) & window
        o += 1
    return o_key[:o], o_hours[:o], o_ab[:o], o_ba[:o], o_credit[:o]


@njit(cache=True)
def _stable_order(keys):
    """The stable ascending order of non-negative ``keys`` (as a mergesort ``argsort``).

    Sorts each key with its position in the low digits, which is faster for a week's pairs;
    keys too large for that are argsorted.
    """
    k = len(keys)
    if k == 0 or keys.max() >= (1 << 62) // max(k, 1):
        return np.argsort(keys, kind="mergesort")
    packed = np.empty(k, np.int64)
    for j in range(k):
        packed[j] = keys[j] * k + j
    packed.sort()
    order = np.empty(k, np.int64)
    for j in range(k):
        order[j] = packed[j] % k
    return order


@njit(cache=True)
def _record_help(key, help_ab, help_ba, credit, h_from, h_to, h_hours, n):
    """Give every helped direction this week's bit and move the pair's credit (in place).

    Every piece of help has a tie by now (:func:`_merge_pairs`); credit counts hours the
    lower-numbered resident gave minus hours they received.
    """
    one = np.uint64(1)
    for i in range(len(h_from)):
        x, y = h_from[i], h_to[i]
        if x == y:
            continue
        e = np.searchsorted(key, min(x, y) * n + max(x, y))
        if x < y:
            help_ab[e] |= one
            credit[e] += h_hours[i]
        else:
            help_ba[e] |= one
            credit[e] -= h_hours[i]


@njit(cache=True)
def _fade_and_stage(key, hours, help_ab, help_ba, credit, friendly, strong, weak, persistence,
                    caring_weeks, prune_below, credit_kept):
    """Let every tie fade, forget the faintest and set each remaining tie's stage.

    The arrays are compacted in place; the kept part is returned as copies.

    Returns:
        The new ``key``, ``hours``, ``help_ab``, ``help_ba``, ``credit`` and ``stage`` arrays.
    """
    o = len(key)
    stage = np.empty(o, np.int8)
    w = 0
    for e in range(o):
        h = hours[e]
        rate = weak + (strong - weak) * (h / (h + friendly))
        both = help_ab[e] != 0 and help_ba[e] != 0
        if both:
            rate *= 1.0 - persistence
        h *= 1.0 - rate
        if h < prune_below:
            continue
        key[w], hours[w], credit[w] = key[e], h, credit[e] * credit_kept
        help_ab[w], help_ba[w] = help_ab[e], help_ba[e]
        if h < friendly:
            stage[w] = _ACQUAINTANCE
        elif both or popcount(help_ab[e] | help_ba[e]) >= caring_weeks:
            stage[w] = _CARING
        else:
            stage[w] = _FRIENDLY
        w += 1
    return (key[:w].copy(), hours[:w].copy(), help_ab[:w].copy(), help_ba[:w].copy(),
            credit[:w].copy(), stage[:w].copy())


