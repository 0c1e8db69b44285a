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

        Args:
            a: First resident of each contact.
            b: Second resident of each contact.
            hours: Shared hours of each contact (help's shared time included by the caller).
            helper: Who gave each piece of help this week.
            helped: Who received it.
            help_hours: Hours of each piece of help.
        """
        self._add_hours(np.concatenate([a, helper]), np.concatenate([b, helped]),
                        np.concatenate([hours, np.zeros(len(helper))]))
        one = np.uint64(1)
        self.help_ab = (self.help_ab << one) & self.window  # a new week in the window
        self.help_ba = (self.help_ba << one) & self.window
        self._record_help(helper, helped, help_hours)
        self._fade()

    def _add_hours(self, a: np.ndarray, b: np.ndarray, hours: np.ndarray) -> None:
        """Add shared hours to pairs, creating ties that did not exist (help creates one too)."""
        keep = a != b
        if not keep.all():
            a, b, hours = a[keep], b[keep], hours[keep]
        if len(a) == 0:
            return
        uniq, inverse = np.unique(self.pair_key(a, b), return_inverse=True)
        add = np.bincount(inverse, weights=hours, minlength=len(uniq))
        pos = self._lookup(uniq)
        found = pos >= 0
        self.hours[pos[found]] += add[found]
        if not found.all():
            new_keys, new_hours = uniq[~found], add[~found]
            at = np.searchsorted(self.key, new_keys)
            zeros = np.zeros(len(new_keys))
            no_help = np.zeros(len(new_keys), dtype=np.uint64)
            self.key = np.insert(self.key, at, new_keys)
            self.a = np.insert(self.a, at, new_keys // self.n)
            self.b = np.insert(self.b, at, new_keys % self.n)
            self.hours = np.insert(self.hours, at, new_hours)
            self.help_ab = np.insert(self.help_ab, at, no_help)
            self.help_ba = np.insert(self.help_ba, at, no_help)
            self.credit = np.insert(self.credit, at, zeros)
            self.stage = np.insert(self.stage, at, np.zeros(len(new_keys), dtype=np.int8))

    def _record_help(self, helper: np.ndarray, helped: np.ndarray, hours: np.ndarray) -> None:
        """Count this week as a help week for each direction used, and move the credit."""
        keep = helper != helped
        helper, helped, hours = helper[keep], helped[keep], hours[keep]
        if len(helper) == 0:
            return
        edge = self.find(helper, helped)  # every pair has a tie: _add_hours made one
        forward = helper < helped  # the helper is the edge's ``a``
        self.help_ab[edge[forward]] |= np.uint64(1)
        self.help_ba[edge[~forward]] |= np.uint64(1)
        np.add.at(self.credit, edge, np.where(forward, hours, -hours))

    def _fade(self) -> None:
        """Let every tie fade for one week, forget the faintest and set each tie's stage.

        The loss rate slides from ``weak_decay`` for a fresh tie to ``strong_decay`` for a
        strong one, and falls by ``reciprocated_persistence`` while help goes both ways.
        """
        reciprocated = (self.help_ab > 0) & (self.help_ba > 0)
        strength = self.strength()
        rate = self.weak_decay + (self.strong_decay - self.weak_decay) * strength
        rate = np.where(reciprocated, rate * (1.0 - self.reciprocated_persistence), rate)
        self.hours *= 1.0 - rate
        self.credit *= CREDIT_KEPT_PER_WEEK
        self._keep(self.hours >= PRUNE_BELOW_HOURS)
        self.stage = self._stages()

    def _stages(self) -> np.ndarray:
        friendly = self.hours >= self.friendly_hours
        weeks = np.bitwise_count(self.help_ab | self.help_ba)
        used = (weeks >= self.caring_help_weeks) | ((self.help_ab > 0) & (self.help_ba > 0))
        stage = np.where(friendly, TieStage.FRIENDLY, TieStage.ACQUAINTANCE)
        return np.where(friendly & used, TieStage.CARING, stage).astype(np.int8)

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

    def adjacency(self, mask: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Neighbours of each resident over the ties selected by ``mask``, in CSR form.

        Returns:
            ``(ptr, neighbours)``: the neighbours of home ``s`` are
            ``neighbours[ptr[s]:ptr[s + 1]]``.
        """
        a, b = (self.a, self.b) if mask is None else (self.a[mask], self.b[mask])
        src = np.concatenate([a, b])
        dst = np.concatenate([b, a])
        order = np.argsort(src, kind="stable")
        ptr = np.searchsorted(src[order], np.arange(self.n + 1))
        return ptr, dst[order]
