"""Random draws keyed by who and when: the same person in the same week draws the same number.

A draw from a shared generator depends on how many draws came before it, so one extra tie or
one more volunteer in one arm of a comparison shifts every later draw of that stream, and two
arms that should differ only where a policy acts drift apart everywhere. A keyed draw is instead
a pure function of the stream's key, the week, *who* (a home, or a pair of homes and a
direction) and *which* of their draws it is (``docs/odd.md`` 4.9): it is computed by hashing
these numbers (splitmix64's finaliser, Steele, Lea & Flood 2014), needs no state, and is the
same in every arm in which that person makes that decision in that week.

:class:`KeyedStream` gives vectorised draws for the rules in Python; :func:`keyed_uniform` is the
same function for the compiled kernels.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numba import njit
from scipy.special import ndtri

__all__ = ["KeyedStream", "keyed_poisson", "keyed_series", "keyed_uniform", "keyed_uniforms"]

_GAMMA = np.uint64(0x9E3779B97F4A7C15)  # splitmix64's increment (the golden ratio)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_TO_UNIT = 1.0 / 9007199254740992.0  # 2**-53: the top 53 bits as a double in [0, 1)


@njit(cache=True, inline="always")
def _mix(x):
    """Splitmix64's finaliser: a bijective scramble of 64 bits."""
    x = (x ^ (x >> np.uint64(30))) * _M1
    x = (x ^ (x >> np.uint64(27))) * _M2
    return x ^ (x >> np.uint64(31))


@njit(cache=True)
def keyed_uniform(key, week, who, k):
    """A uniform draw in [0, 1) that depends only on ``(key, week, who, k)``.

    Args:
        key: The stream's key (:attr:`KeyedStream.key`, a ``uint64``).
        week: The week (negative in the spin-up).
        who: A home, or a pair's key and direction, as a non-negative integer.
        k: Which of this person's draws in this week and stream.
    """
    x = _mix(np.uint64(key) + _GAMMA * np.uint64(np.int64(week) + np.int64(1 << 40)))
    x = _mix(x + _GAMMA * (np.uint64(who) + np.uint64(1)))
    x = _mix(x + _GAMMA * (np.uint64(k) + np.uint64(1)))
    return float(x >> np.uint64(11)) * _TO_UNIT


@njit(cache=True)
def keyed_poisson(key, week, who, mean, k):
    """A Poisson number of mean ``mean`` from the keyed uniform ``(key, week, who, k)``.

    The inverse of the Poisson CDF: the first count whose cumulative probability exceeds the
    uniform (at most 1,000).
    """
    u = keyed_uniform(key, week, who, k)
    count = 0
    term = np.exp(-mean)
    total = term
    while u > total and count < 1000:
        count += 1
        term *= mean / count
        total += term
    return count


@njit(cache=True)
def keyed_uniforms(key, week, who, k):
    """:func:`keyed_uniform` for every entry of the array ``who``."""
    out = np.empty(len(who))
    for i in range(len(who)):
        out[i] = keyed_uniform(key, week, who[i], k)
    return out


@njit(cache=True)
def keyed_series(key, week, who, first, count):
    """Draws ``first`` to ``first + count - 1`` of one ``who`` in one week, as an array."""
    out = np.empty(count)
    for j in range(count):
        out[j] = keyed_uniform(key, week, who, first + j)
    return out


@dataclass(frozen=True)
class KeyedStream:
    """One kind of decision's keyed draws (:func:`keyed_uniform`) for the rules in Python.

    Attributes:
        key: The stream's key, derived from the run's seed and the stream's name.
    """

    key: np.uint64

    def uniform(self, week: int, who: np.ndarray | int, k: int = 0) -> np.ndarray:
        """Uniform draws in [0, 1), one per entry of ``who``."""
        homes = np.atleast_1d(np.asarray(who, dtype=np.int64))
        return keyed_uniforms(self.key, week, homes, k)

    def normal(self, week: int, who: np.ndarray | int, k: int = 0) -> np.ndarray:
        """Standard normal draws, one per entry of ``who`` (the inverse CDF of a uniform)."""
        return ndtri(self.uniform(week, who, k))

    def series(self, week: int, who: int, first: int, count: int) -> np.ndarray:
        """``count`` uniform draws of one ``who`` in one week, from its draw ``first`` on."""
        return keyed_series(self.key, week, who, first, count)

    def poisson(self, week: int, who: int, mean: float, k: int = 0) -> int:
        """A Poisson number of mean ``mean`` for one ``who`` (:func:`keyed_poisson`)."""
        return int(keyed_poisson(self.key, week, who, float(mean), k))

    def integers(self, week: int, who: np.ndarray | int, high: int, k: int = 0) -> np.ndarray:
        """Whole numbers from 0 to ``high`` − 1, one per entry of ``who``."""
        return np.minimum((self.uniform(week, who, k) * high).astype(np.int64), high - 1)
