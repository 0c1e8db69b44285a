"""Care staff who notice and connect: formal care that builds community instead of replacing it.

``docs/odd.md`` 7.9, step 2. Home-care staff who visit a frail resident see more than the task:
whether anyone comes by (seed 000, Willem Klooslaan: "a signalling role because staff are always
there"; *signaleren en verbinden*). When a resident who got formal care this week has no close
tie in the neighbourhood, the staff introduce them to a near neighbour who has time to give,
with chance ``staff_connect_rate`` a week — but only as far as they have time for more than the
task: the chance is scaled by the share of indicated need formal care covers this week, so a
shortage of staff (less formal care) also means less noticing. An introduction is a first
meeting of ``introduction_hours``; what it grows into is up to the ties' own rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numba import njit

from ..state.keyed import keyed_uniform

if TYPE_CHECKING:
    from ..parameters import Parameters
    from ..state.contacts import Contacts
    from ..state.keyed import KeyedStream
    from ..state.layout import Layout
    from ..state.views import NetworkViews

__all__ = ["connect_alone"]


def connect_alone(can_give: np.ndarray, views: NetworkViews, layout: Layout,
                  params: Parameters, draws: KeyedStream, week: int, formal: np.ndarray,
                  covered: float, contacts: Contacts) -> None:
    """Staff introduce residents they cared for who have no close tie to a near neighbour.

    A neighbour is suggested when they have more than ``able_to_help_hours`` to give this week;
    the introduction is a first meeting of ``introduction_hours``.

    Writes: contacts (the introductions).

    Args:
        can_give: Hours each resident can give this week (:func:`~.capacity.capacity`).
        views: This week's views of the ties (who has a close tie).
        layout: The homes' near neighbours.
        params: The run's parameters.
        draws: The keyed stream of care staff.
        week: The current week.
        formal: Hours of formal care each home got this week.
        covered: The share of indicated need formal care covered this week (0..1): the staff's
            time beyond the task.
        contacts: This week's contacts; the introductions are added.
    """
    rate = params.staff_connect_rate * covered
    if rate <= 0:
        return
    a, b = _introductions(draws.key, week, formal, views.friendly_counts, rate,
                          layout.neighbour_ptr, layout.neighbour_idx, can_give,
                          params.able_to_help_hours)
    if len(a):
        contacts.meet(a, b, params.introduction_hours)


def _introductions(key: np.uint64, week: int, formal: np.ndarray, friendly_counts: np.ndarray,
                   rate: float, neighbour_ptr: np.ndarray, neighbour_idx: np.ndarray,
                   can_give: np.ndarray, able_hours: float) -> tuple[np.ndarray, np.ndarray]:
    """Who the staff introduce to whom this week: ``(resident, neighbour)`` arrays.

    A resident cared for without a close tie is noticed with chance ``rate`` (a keyed draw);
    the staff suggest the near neighbour with the most hours to give, if any has more than
    ``able_hours`` (of ``can_give``).
    """
    alone = _noticed(key, week, formal, friendly_counts, rate)
    if len(alone) == 0:
        return alone, alone
    return _suggest(alone, neighbour_ptr, neighbour_idx, can_give, able_hours)


@njit(cache=True)
def _noticed(key, week, formal, friendly_counts, rate):
    """Residents given formal care without a close tie whom the staff notice (keyed draws)."""
    out = np.empty(len(formal), np.int64)
    m = 0
    for home in range(len(formal)):
        if formal[home] > 0 and friendly_counts[home] == 0 and keyed_uniform(
                key, week, home, 0) < rate:
            out[m] = home
            m += 1
    return out[:m]


@njit(cache=True)
def _suggest(alone, neighbour_ptr, neighbour_idx, can_give, able_hours):
    """For each noticed resident, the near neighbour with the most hours to give.

    The first of equals; only a neighbour with more than ``able_hours`` is suggested.

    Returns:
        ``(resident, neighbour)`` arrays of the introductions.
    """
    a = np.empty(len(alone), np.int64)
    b = np.empty(len(alone), np.int64)
    m = 0
    for home in alone:
        best = -1
        for k in range(neighbour_ptr[home], neighbour_ptr[home + 1]):
            v = neighbour_idx[k]
            if can_give[v] > able_hours and (best < 0 or can_give[v] > can_give[best]):
                best = v
        if best >= 0:
            a[m], b[m] = home, best
            m += 1
    return a[:m], b[:m]
