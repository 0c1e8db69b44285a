"""The weighted tie network between residents, stored as sorted edge arrays.

A tie is a pair of resident homes with what the pair has shared (``docs/odd.md`` 7.6):

* **shared hours** grow with every contact and fade without it; weak, fresh ties fade much faster
  than strong ones, and ties over which help went both ways fade slower (Raeder, Lizardo, Hachen
  & Chawla 2011);
* **help weeks**, per direction: which of the last ``caring_window_weeks`` weeks one helped the
  other in (one bit per week);
* **credit**: hours one gave the other minus hours received, fading (Gouldner 1960).

A tie's stage follows from these, never from a policy:

* acquaintance: any tie below ``friendly_hours``;
* friendly contact: at least ``friendly_hours`` shared (Hall 2018, compressed);
* **caring tie**: a friendly tie over which help went in at least ``caring_help_weeks``
  different weeks of the window, or both ways within it (help over time, not one favour;
  Wellman & Wortley 1990; Plickert, Côté & Wellman 2007). A caring tie that is no longer used
  fades back to friendly.

Edges live in numpy arrays sorted by a pair key, so a week of contacts, decay and pruning are
vectorised and cost O(edges + contacts · log edges) per week.
"""

from __future__ import annotations

from enum import IntEnum

import numpy as np
from numba import njit

__all__ = ["TieNetwork", "TieStage"]

PRUNE_BELOW_HOURS = 0.5  # a tie this faint is forgotten: the pair are strangers again
CREDIT_KEPT_PER_WEEK = 0.99  # reciprocity credit fades by 1% a week (about half in 70 weeks)


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
    ) -> None:
        self.n = n
        self.friendly_hours = friendly_hours
        self.strong_decay = strong_decay
        self.weak_decay = weak_decay
        self.reciprocated_persistence = reciprocated_persistence
        self.caring_help_weeks = caring_help_weeks
        self.window = np.uint64((1 << caring_window_weeks) - 1)
        self.key = np.zeros(0, dtype=np.int64)
        self.a = np.zeros(0, dtype=np.int64)
        self.b = np.zeros(0, dtype=np.int64)
        self.hours = np.zeros(0)
        self.help_ab = np.zeros(0, dtype=np.uint64)  # bit k: a helped b k weeks ago
        self.help_ba = np.zeros(0, dtype=np.uint64)  # bit k: b helped a k weeks ago
        self.credit = np.zeros(0)  # hours a gave b minus hours b gave a, fading
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

    # --- one week ---------------------------------------------------------------------------
    def update_week(
        self,
        a: np.ndarray,
        b: np.ndarray,
        hours: np.ndarray,
        helper: np.ndarray,
        helped: np.ndarray,
        help_hours: np.ndarray,
    ) -> None:
        """Apply a week: add shared hours, record help, then let everything fade.

        Every pair that met or helped gets a tie if it had none. The week enters the caring
        window; each direction that was helped gets this week's bit, and the credit moves by
        the hours given. Then every tie fades (:func:`_apply_week`), the faintest are
        forgotten and each tie's stage is set.

        Args:
            a: First resident of each contact.
            b: Second resident of each contact.
            hours: Shared hours of each contact (help's shared time included by the caller).
            helper: Who gave each piece of help this week.
            helped: Who received it.
            help_hours: Hours of each piece of help.
        """
        out = _apply_week(
            self.key, self.hours, self.help_ab, self.help_ba, self.credit, self.n,
            np.asarray(a, np.int64), np.asarray(b, np.int64), np.asarray(hours, np.float64),
            np.asarray(helper, np.int64), np.asarray(helped, np.int64),
            np.asarray(help_hours, np.float64),
            self.window, self.friendly_hours, self.strong_decay, self.weak_decay,
            self.reciprocated_persistence, self.caring_help_weeks,
        )
        self.key, self.hours, self.help_ab, self.help_ba, self.credit, self.stage = out
        self.a = self.key // self.n
        self.b = self.key % self.n

    def remove_residents(self, slots: np.ndarray) -> None:
        """Remove every tie of residents who left (their homes get newcomers)."""
        if len(slots) == 0 or len(self.key) == 0:
            return
        gone = np.zeros(self.n, dtype=bool)
        gone[slots] = True
        self._keep(~(gone[self.a] | gone[self.b]))

    def _keep(self, mask: np.ndarray) -> None:
        if mask.all():
            return
        for name in ("key", "a", "b", "hours", "help_ab", "help_ba", "credit", "stage"):
            setattr(self, name, getattr(self, name)[mask])

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
            ``(close_ptr, close_neighbours, all_ptr, all_neighbours, caring_counts)``: in CSR
            form, the close neighbours of home ``s`` are
            ``close_neighbours[close_ptr[s]:close_ptr[s + 1]]`` (in the order of the edges),
            and ``caring_counts`` holds each home's number of caring ties.
        """
        return _views(self.a, self.b, self.stage, self.n, _FRIENDLY, _CARING)


# --- compiled kernels -------------------------------------------------------------------------
_ACQUAINTANCE = int(TieStage.ACQUAINTANCE)
_FRIENDLY = int(TieStage.FRIENDLY)
_CARING = int(TieStage.CARING)


@njit(cache=True)
def _popcount(x: np.uint64) -> int:
    """Number of set bits (weeks with help in the window)."""
    count = 0
    while x:
        x &= x - np.uint64(1)
        count += 1
    return count


@njit(cache=True)
def _apply_week(key, hours, help_ab, help_ba, credit, n, c_a, c_b, c_hours, h_from, h_to,
                h_hours, window, friendly, strong, weak, persistence, caring_weeks):
    """One week of the tie network in one pass (``docs/odd.md`` 7.6).

    1. Contacts (and help, which needs a tie to go over) are turned into pair keys, summed per
       pair and merged into the sorted edge arrays; new pairs start with no help and no credit
       (:func:`_week_pairs`, :func:`_merge_pairs`).
    2. The caring window moves on a week; every helped direction gets this week's bit and the
       credit moves by the hours given (:func:`_record_help`).
    3. Every tie fades by a rate that slides from ``weak`` to ``strong`` with its strength,
       lowered by ``persistence`` while help goes both ways; credit fades by 1% a week; ties
       below ``PRUNE_BELOW_HOURS`` are dropped, and each remaining tie's stage is set
       (:func:`_fade_and_stage`).

    Returns:
        The new ``key``, ``hours``, ``help_ab``, ``help_ba``, ``credit`` and ``stage`` arrays.
    """
    pair_key, pair_hours = _week_pairs(c_a, c_b, c_hours, h_from, h_to, n)
    o_key, o_hours, o_ab, o_ba, o_credit = _merge_pairs(
        key, hours, help_ab, help_ba, credit, pair_key, pair_hours, window
    )
    _record_help(o_key, o_ab, o_ba, o_credit, h_from, h_to, h_hours, n)
    return _fade_and_stage(o_key, o_hours, o_ab, o_ba, o_credit, friendly, strong, weak,
                           persistence, caring_weeks)


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
    order = np.argsort(new_key, kind="mergesort")
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
                    caring_weeks):
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
        if h < PRUNE_BELOW_HOURS:
            continue
        key[w], hours[w], credit[w] = key[e], h, credit[e] * CREDIT_KEPT_PER_WEEK
        help_ab[w], help_ba[w] = help_ab[e], help_ba[e]
        if h < friendly:
            stage[w] = _ACQUAINTANCE
        elif both or _popcount(help_ab[e] | help_ba[e]) >= caring_weeks:
            stage[w] = _CARING
        else:
            stage[w] = _FRIENDLY
        w += 1
    return (key[:w].copy(), hours[:w].copy(), help_ab[:w].copy(), help_ba[:w].copy(),
            credit[:w].copy(), stage[:w].copy())


@njit(cache=True)
def _views(a, b, stage, n, friendly, caring):
    """Both CSR neighbour lists (close ties, all ties) and caring ties per resident, in one pass.

    A counting sort over the edges: neighbours appear in the order of the (sorted) edges.
    """
    close_ptr = np.zeros(n + 1, np.int64)
    all_ptr = np.zeros(n + 1, np.int64)
    caring_counts = np.zeros(n, np.int64)
    for e in range(len(a)):
        all_ptr[a[e] + 1] += 1
        all_ptr[b[e] + 1] += 1
        if stage[e] >= friendly:
            close_ptr[a[e] + 1] += 1
            close_ptr[b[e] + 1] += 1
        if stage[e] == caring:
            caring_counts[a[e]] += 1
            caring_counts[b[e]] += 1
    for s in range(n):
        close_ptr[s + 1] += close_ptr[s]
        all_ptr[s + 1] += all_ptr[s]
    close_fill = close_ptr[:-1].copy()
    all_fill = all_ptr[:-1].copy()
    close_nbr = np.empty(close_ptr[n], np.int64)
    all_nbr = np.empty(all_ptr[n], np.int64)
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
    return close_ptr, close_nbr, all_ptr, all_nbr, caring_counts
