"""The weighted tie network between residents, stored as sorted edge arrays.

A tie is a pair of resident slots with the hours they have shared. Shared hours grow with every
contact and fade without it; weak, fresh ties fade much faster than strong ones (Raeder et al.
2011), so ties per resident stay bounded. A tie's stage follows from its hours and its history:

* acquaintance — any remaining tie below ``friendly_hours``;
* friendly contact — at least ``friendly_hours`` shared (Hall 2018, compressed);
* caring tie — a friendly tie over which help has been asked and given (seed 000: caring is an
  outcome, never a starting point). No policy creates one directly.

Edges live in numpy arrays sorted by a pair key, so adding a week of contacts, decaying and
pruning are vectorised and cost O(edges + contacts · log edges) per week.
"""

from __future__ import annotations

from enum import IntEnum

import numpy as np

__all__ = ["TieNetwork", "TieStage"]

PRUNE_BELOW_HOURS = 0.5  # a tie this faint is forgotten: the pair are strangers again


class TieStage(IntEnum):
    """Stages a user can see, from stranger to caring tie."""

    STRANGER = 0
    ACQUAINTANCE = 1
    FRIENDLY = 2
    CARING = 3


class TieNetwork:
    """Undirected weighted ties between ``n`` resident slots.

    Args:
        n: Number of resident slots.
        friendly_hours: Shared hours at which a tie becomes friendly.
        strong_decay: Weekly loss of a strong tie.
        weak_decay: Weekly loss of a weak tie.
    """

    def __init__(self, n: int, friendly_hours: float, strong_decay: float, weak_decay: float):
        self.n = n
        self.friendly_hours = friendly_hours
        self.strong_decay = strong_decay
        self.weak_decay = weak_decay
        self.key = np.zeros(0, dtype=np.int64)
        self.a = np.zeros(0, dtype=np.int64)
        self.b = np.zeros(0, dtype=np.int64)
        self.hours = np.zeros(0)
        self.helped = np.zeros(0, dtype=bool)

    def __len__(self) -> int:
        return len(self.key)

    # --- building -------------------------------------------------------------------------
    def pair_key(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Return the key of each unordered pair ``(a, b)``."""
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        return lo.astype(np.int64) * self.n + hi

    def find(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Return the edge index of each pair, or -1 where the pair has no tie."""
        keys = self.pair_key(np.asarray(a), np.asarray(b))
        pos = np.searchsorted(self.key, keys)
        pos_ok = np.minimum(pos, max(len(self.key) - 1, 0))
        hit = (pos < len(self.key)) & (self.key[pos_ok] == keys) if len(self.key) else pos < 0
        return np.where(hit, pos, -1)

    def add_contact(
        self, a: np.ndarray, b: np.ndarray, hours: np.ndarray, helped: np.ndarray | None = None
    ) -> None:
        """Add shared hours to pairs, creating ties that did not exist yet.

        Args:
            a: First resident of each contact.
            b: Second resident of each contact.
            hours: Hours shared in each contact (already scaled for homophily).
            helped: Whether the contact was help asked and given.
        """
        a, b, hours = np.asarray(a), np.asarray(b), np.asarray(hours, dtype=float)
        keep = (a != b) & (hours > 0)
        a, b, hours = a[keep], b[keep], hours[keep]
        helped = np.zeros(len(a), dtype=bool) if helped is None else np.asarray(helped)[keep]
        if len(a) == 0:
            return
        keys = self.pair_key(a, b)
        uniq, inverse = np.unique(keys, return_inverse=True)
        add_hours = np.bincount(inverse, weights=hours, minlength=len(uniq))
        add_helped = np.bincount(inverse, weights=helped, minlength=len(uniq)) > 0
        pos = np.searchsorted(self.key, uniq)
        pos_ok = np.minimum(pos, max(len(self.key) - 1, 0))
        found = (pos < len(self.key)) & (self.key[pos_ok] == uniq) if len(self.key) else pos < 0
        self.hours[pos[found]] += add_hours[found]
        self.helped[pos[found]] |= add_helped[found]
        new = ~found
        if new.any():
            at = pos[new]
            new_keys = uniq[new]
            self.key = np.insert(self.key, at, new_keys)
            self.a = np.insert(self.a, at, new_keys // self.n)
            self.b = np.insert(self.b, at, new_keys % self.n)
            self.hours = np.insert(self.hours, at, add_hours[new])
            self.helped = np.insert(self.helped, at, add_helped[new])

    # --- change over time -----------------------------------------------------------------
    def decay(self) -> None:
        """Let every tie fade for one week and forget the faintest.

        The loss rate slides from ``weak_decay`` for a fresh tie to ``strong_decay`` for a
        strong one, so heavier ties last longer (Raeder et al. 2011). A caring tie that drops
        below ``friendly_hours`` loses its caring status: the help is no longer part of a
        living relationship.
        """
        strength = self.strength()
        rate = self.weak_decay + (self.strong_decay - self.weak_decay) * strength
        self.hours *= 1.0 - rate
        self.helped &= self.hours >= self.friendly_hours
        self._keep(self.hours >= PRUNE_BELOW_HOURS)

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
        self.key, self.a, self.b = self.key[mask], self.a[mask], self.b[mask]
        self.hours, self.helped = self.hours[mask], self.helped[mask]

    # --- reading ------------------------------------------------------------------------------
    def strength(self) -> np.ndarray:
        """Tie strength in [0, 1): shared hours with diminishing returns (mere exposure)."""
        return self.hours / (self.hours + self.friendly_hours)

    def stage(self) -> np.ndarray:
        """The :class:`TieStage` of every edge."""
        friendly = self.hours >= self.friendly_hours
        stage = np.where(friendly, TieStage.FRIENDLY, TieStage.ACQUAINTANCE)
        return np.where(friendly & self.helped, TieStage.CARING, stage).astype(np.int8)

    def count_per_resident(self, mask: np.ndarray) -> np.ndarray:
        """Count, per resident slot, the ties selected by ``mask``."""
        return np.bincount(self.a[mask], minlength=self.n) + np.bincount(
            self.b[mask], minlength=self.n
        )

    def adjacency(self, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Neighbours of each resident over the ties selected by ``mask``, in CSR form.

        Returns:
            ``(ptr, neighbours)``: the neighbours of slot ``s`` are
            ``neighbours[ptr[s]:ptr[s + 1]]``.
        """
        src = np.concatenate([self.a[mask], self.b[mask]])
        dst = np.concatenate([self.b[mask], self.a[mask]])
        order = np.argsort(src, kind="stable")
        ptr = np.searchsorted(src[order], np.arange(self.n + 1))
        return ptr, dst[order]
