"""The weighted tie network between residents, stored as sorted edge arrays.

A tie is a pair of resident homes with what the pair has shared (``docs/odd.md`` 7.6):

* **shared hours** grow with every contact and fade without it; weak, fresh ties fade much faster
  than strong ones, and ties over which help went both ways fade slower (Raeder, Lizardo, Hachen
  & Chawla 2011);
* **help weeks**, per direction: which of the last ``caring_window_weeks`` weeks one helped the
  other in (one bit per week);
* **credit**: hours one gave the other minus hours received, fading (Gouldner 1960);
* **together**: which of the last eight weeks the pair met at an activity.

A tie's stage follows from these, never from a policy:

* acquaintance: any tie below ``friendly_hours``;
* friendly contact: at least ``friendly_hours`` shared (Hall 2018, compressed);
* **caring tie**: a friendly tie over which help went in at least ``caring_help_weeks``
  different weeks of the window, or both ways within it (help over time, not one favour;
  Wellman & Wortley 1990; Plickert, Côté & Wellman 2007). A caring tie that is no longer used
  fades back to friendly.

Edges live in numpy arrays sorted by a pair key, so a week of contacts, decay and pruning are
vectorised and cost O(edges + contacts · log edges) per week. This module holds the network's
data and how it is read; how a week changes it is :mod:`simulatie.core.rules.ties`.
"""

from __future__ import annotations

from enum import IntEnum

import numpy as np
from numba import njit

__all__ = ["TieNetwork", "TieStage"]



class TieStage(IntEnum):
    """Stages a user can see, from stranger to caring tie."""

    STRANGER = 0
    ACQUAINTANCE = 1
    FRIENDLY = 2
    CARING = 3


class TieNetwork:
    """Undirected weighted ties between ``n`` resident homes.

    Args:
        n: Number of homes.
        friendly_hours: Shared hours at which a tie becomes friendly.
        strong_decay: Weekly loss of a strong tie.
        weak_decay: Weekly loss of a weak tie.
        reciprocated_persistence: How much slower a tie with help both ways fades (0..1).
        caring_help_weeks: Weeks with help (either way) in the window that make a friendly tie
            caring.
        caring_window_weeks: The window, in weeks (at most 64).
        prune_below_hours: Shared hours below which a fading tie is forgotten.
        credit_kept_per_week: Weekly persistence of a pair's reciprocity credit.
    """

    def __init__(
        self,
        n: int,
        friendly_hours: float,
        strong_decay: float,
        weak_decay: float,
        reciprocated_persistence: float,
        caring_help_weeks: int,
        caring_window_weeks: int,
        prune_below_hours: float,
        credit_kept_per_week: float,
    ) -> None:
        self.n = n
        self.friendly_hours = friendly_hours
        self.strong_decay = strong_decay
        self.weak_decay = weak_decay
        self.reciprocated_persistence = reciprocated_persistence
        self.caring_help_weeks = caring_help_weeks
        self.window = np.uint64((1 << caring_window_weeks) - 1)
        self.prune_below_hours = prune_below_hours
        self.credit_kept_per_week = credit_kept_per_week
        self.key = np.zeros(0, dtype=np.int64)
        self.a = np.zeros(0, dtype=np.int64)
        self.b = np.zeros(0, dtype=np.int64)
        self.hours = np.zeros(0)
        self.help_ab = np.zeros(0, dtype=np.uint64)  # bit k: a helped b k weeks ago
        self.help_ba = np.zeros(0, dtype=np.uint64)  # bit k: b helped a k weeks ago
        self.credit = np.zeros(0)  # hours a gave b minus hours b gave a, fading
        self.together = np.zeros(0, dtype=np.uint8)  # bit k: met at an activity k weeks ago
        self.stage = np.zeros(0, dtype=np.int8)  # TieStage of each edge, after the last update

    def __len__(self) -> int:
        return len(self.key)

    # --- finding ----------------------------------------------------------------------------
    def pair_key(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Return the key of each unordered pair ``(a, b)``."""
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        return lo.astype(np.int64) * self.n + hi

    def find(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Return the edge index of each pair, or -1 where the pair has no tie."""
        return self._lookup(self.pair_key(np.asarray(a), np.asarray(b)))

    def _lookup(self, keys: np.ndarray) -> np.ndarray:
        if len(self.key) == 0:
            return np.full(len(keys), -1, dtype=np.int64)
        pos = np.searchsorted(self.key, keys)
        hit = self.key[np.minimum(pos, len(self.key) - 1)] == keys
        return np.where(hit & (pos < len(self.key)), pos, -1)

    def remove_residents(self, slots: np.ndarray) -> bool:
        """Remove every tie of residents who left (their homes get newcomers).

        Returns:
            Whether any tie was removed (the views of the network change only then).
        """
        if len(slots) == 0 or len(self.key) == 0:
            return False
        kept = _kept_edges(np.asarray(slots, np.int64), self.n, self.a, self.b)
        if len(kept) == len(self.key):
            return False
        for name in _EDGE_ARRAYS:
            setattr(self, name, getattr(self, name)[kept])
        return True

    # --- reading ----------------------------------------------------------------------------
    def strength(self) -> np.ndarray:
        """Tie strength in [0, 1): shared hours with diminishing returns (mere exposure)."""
        return self.hours / (self.hours + self.friendly_hours)

    def balance_of(self, edge: np.ndarray, person: np.ndarray) -> np.ndarray:
        """Reciprocity credit of ``person`` on each ``edge``: hours given minus received.

        Args:
            edge: Edge indices.
            person: For each edge, one of its two residents.
        """
        credit = self.credit[edge]
        return np.where(self.a[edge] == person, credit, -credit)

    def count_per_resident(self, mask: np.ndarray) -> np.ndarray:
        """Count, per home, the ties selected by ``mask``."""
        return np.bincount(self.a[mask], minlength=self.n) + np.bincount(
            self.b[mask], minlength=self.n
        )

    def neighbour_lists(self) -> tuple[np.ndarray, ...]:
        """Each resident's neighbours over close (friendly or caring) ties and over all ties.

        Returns:
            ``(close_ptr, close_neighbours, all_ptr, all_neighbours, caring_counts,
            close_counts)``: in CSR form, the close neighbours of home ``s`` are
            ``close_neighbours[close_ptr[s]:close_ptr[s + 1]]`` (in the order of the edges);
            ``caring_counts`` and ``close_counts`` hold each home's number of caring and of
            close ties. All are read-only parts of one buffer, read off in one pass.
        """
        n = self.n
        buffer, close = _views(self.a, self.b, self.stage, n, _FRIENDLY, _CARING)
        # The buffer's layout: close_ptr, all_ptr (n + 1 each), caring and close counts (n
        # each), then the close neighbours and all neighbours.
        lists = 4 * n + 2
        buffer.flags.writeable = False  # the views are kept while the ties do not change
        return (buffer[:n + 1], buffer[lists:lists + close], buffer[n + 1:2 * n + 2],
                buffer[lists + close:], buffer[2 * n + 2:3 * n + 2], buffer[3 * n + 2:lists])


_EDGE_ARRAYS = ("key", "a", "b", "hours", "help_ab", "help_ba", "credit", "stage", "together")
"""The network's arrays with one element per edge."""


@njit(cache=True)
def _kept_edges(slots, n, a, b):
    """The edges (in order) with neither end among the homes ``slots``."""
    gone = np.zeros(n, np.bool_)
    for home in slots:
        gone[home] = True
    kept = np.empty(len(a), np.int64)
    count = 0
    for e in range(len(a)):
        if not (gone[a[e]] or gone[b[e]]):
            kept[count] = e
            count += 1
    return kept[:count]


_FRIENDLY = int(TieStage.FRIENDLY)
_CARING = int(TieStage.CARING)


@njit(cache=True)
def _views(a, b, stage, n, friendly, caring):
    """Both CSR neighbour lists (close ties, all ties) and ties per resident, in one buffer.

    A counting sort over the edges: neighbours appear in the order of the (sorted) edges.

    Returns:
        ``(buffer, close)``: the buffer holds close_ptr and all_ptr (``n`` + 1 each), caring
        ties and close ties per resident (``n`` each), then the ``close`` close neighbours and
        all neighbours (see :meth:`TieNetwork.neighbour_lists`).
    """
    close_counts = np.zeros(n, np.int64)
    all_counts = np.zeros(n, np.int64)
    caring_counts = np.zeros(n, np.int64)
    close = 0
    for e in range(len(a)):
        all_counts[a[e]] += 1
        all_counts[b[e]] += 1
        if stage[e] >= friendly:
            close_counts[a[e]] += 1
            close_counts[b[e]] += 1
            close += 2
        if stage[e] == caring:
            caring_counts[a[e]] += 1
            caring_counts[b[e]] += 1
    lists = 4 * n + 2
    buffer = np.empty(lists + close + 2 * len(a), np.int64)
    close_ptr = buffer[:n + 1]
    all_ptr = buffer[n + 1:2 * n + 2]
    buffer[2 * n + 2:3 * n + 2] = caring_counts
    buffer[3 * n + 2:lists] = close_counts
    close_ptr[0] = 0
    all_ptr[0] = 0
    for s in range(n):
        close_ptr[s + 1] = close_ptr[s] + close_counts[s]
        all_ptr[s + 1] = all_ptr[s] + all_counts[s]
    close_nbr = buffer[lists:lists + close]
    all_nbr = buffer[lists + close:]
    close_fill = close_ptr[:-1].copy()
    all_fill = all_ptr[:-1].copy()
    for e in range(len(a)):
        x, y = a[e], b[e]
        all_nbr[all_fill[x]] = y
        all_fill[x] += 1
        all_nbr[all_fill[y]] = x
        all_fill[y] += 1
        if stage[e] >= friendly:
            close_nbr[close_fill[x]] = y
            close_fill[x] += 1
            close_nbr[close_fill[y]] = x
            close_fill[y] += 1
    return buffer, close
