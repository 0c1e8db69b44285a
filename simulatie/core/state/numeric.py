"""Small compiled helpers that the kernels of rules and observations share.

Kept beside the state because every layer above may use them: the smaller and the larger of two
numbers exactly as numpy's ``minimum`` and ``maximum`` (a NaN stays a NaN) and a number within
bounds as its ``clip``, so that a kernel gives the same bits as the numpy code it replaced, and
the number of set bits of a week mask.
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["clip", "least", "most", "popcount"]


@njit(cache=True, inline="always")
def least(x, y):
    """The smaller of two numbers, as numpy's ``minimum`` (NaN stays NaN)."""
    return x if x <= y or x != x else y


@njit(cache=True, inline="always")
def most(x, y):
    """The larger of two numbers, as numpy's ``maximum`` (NaN stays NaN)."""
    return x if x >= y or x != x else y


@njit(cache=True, inline="always")
def clip(x, low, high):
    """``x`` within ``[low, high]``, exactly as numpy's ``clip`` (NaN stays NaN)."""
    if x != x:
        return x
    x = x if x > low else low
    return x if x < high else high


@njit(cache=True)
def popcount(bits):
    """Number of set bits of an unsigned mask (e.g. the weeks with help in a window)."""
    x = np.uint64(bits)
    count = 0
    while x:
        x &= x - np.uint64(1)
        count += 1
    return count
