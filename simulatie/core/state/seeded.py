"""numpy's SeedSequence and PCG64 compiled, for the many small streams of newcomers.

Every newcomer draws from their own stream (:meth:`.streams.Streams.newcomer`:
``default_rng(SeedSequence(seed, spawn_key=(NEWCOMER_KEY, home, generation)))``). Building a
SeedSequence and a generator per newcomer costs more than the draws; :func:`newcomers_uniforms`
gives the same numbers from numpy's algorithms compiled (the entropy pool of four words, hashmix
and mix; PCG64 seeded from four 64-bit words of the sequence's state, XSL-RR output, a double from
the top 53 bits), whose streams numpy keeps stable. :meth:`.streams.Streams.newcomers_random`
checks the two against each other once per process and falls back to numpy if they differ.
"""

from __future__ import annotations

import numpy as np
from numba import njit

__all__ = ["newcomers_uniforms", "seed_words", "seeded_uniforms"]

_U32 = np.uint64(0xFFFFFFFF)
_INIT_A = np.uint64(0x43B0D7E5)
_MULT_A = np.uint64(0x931E8875)
_INIT_B = np.uint64(0x8B51F9DD)
_MULT_B = np.uint64(0x58F38DED)
_MIX_L = np.uint64(0xCA01F9DD)
_MIX_R = np.uint64(0x4973F715)
_SHIFT = np.uint64(16)
_PCG_HI = np.uint64(2549297995355413924)
_PCG_LO = np.uint64(4865540595714422341)
_POOL = 4  # SeedSequence's pool size


@njit(cache=True, inline="always")
def _hashmix(value, hash_const):
    """SeedSequence's hashmix of one 32-bit word (the constant moves on, in place)."""
    value = (value ^ hash_const[0]) & _U32
    hash_const[0] = (hash_const[0] * _MULT_A) & _U32
    value = (value * hash_const[0]) & _U32
    return value ^ (value >> _SHIFT)


@njit(cache=True, inline="always")
def _mix(x, y):
    """SeedSequence's mix of two 32-bit words."""
    result = ((_MIX_L * x) - (_MIX_R * y)) & _U32
    return result ^ (result >> _SHIFT)


@njit(cache=True, inline="always")
def _mul64(a, b):
    """The full 128-bit product of two 64-bit words, as ``(high, low)``."""
    a0, a1 = a & _U32, a >> np.uint64(32)
    b0, b1 = b & _U32, b >> np.uint64(32)
    p00, p01, p10, p11 = a0 * b0, a0 * b1, a1 * b0, a1 * b1
    mid = (p00 >> np.uint64(32)) + (p01 & _U32) + (p10 & _U32)
    lo = (mid << np.uint64(32)) | (p00 & _U32)
    hi = p11 + (p01 >> np.uint64(32)) + (p10 >> np.uint64(32)) + (mid >> np.uint64(32))
    return hi, lo


@njit(cache=True, inline="always")
def _step(hi, lo, inc_hi, inc_lo):
    """PCG64's step: the 128-bit state × multiplier + increment (modulo 2**128)."""
    p_hi, p_lo = _mul64(lo, _PCG_LO)
    p_hi = p_hi + lo * _PCG_HI + hi * _PCG_LO
    new_lo = p_lo + inc_lo
    carry = np.uint64(1) if new_lo < p_lo else np.uint64(0)
    return p_hi + inc_hi + carry, new_lo


@njit(cache=True)
def seeded_uniforms(entropy, spawn, count):
    """``np.random.default_rng(np.random.SeedSequence(seed, spawn_key=key)).random(count)``.

    numpy's SeedSequence (its entropy pool of four words, hashmix and mix) and PCG64 (seeded
    from four 64-bit words of the sequence's state; XSL-RR output; a double from the top 53
    bits), whose streams numpy keeps stable.

    Args:
        entropy: The seed's 32-bit words, lowest first (as ``uint64``).
        spawn: The spawn key's 32-bit words, element by element.
        count: How many uniform draws.
    """
    run = max(len(entropy), _POOL) if len(spawn) else len(entropy)
    words = np.zeros(run + len(spawn), np.uint64)
    words[:len(entropy)] = entropy
    words[run:] = spawn
    hash_const = np.array([_INIT_A])
    pool = np.empty(_POOL, np.uint64)
    for i in range(_POOL):
        pool[i] = _hashmix(words[i] if i < len(words) else np.uint64(0), hash_const)
    for src in range(_POOL):
        for dst in range(_POOL):
            if src != dst:
                pool[dst] = _mix(pool[dst], _hashmix(pool[src], hash_const))
    for src in range(_POOL, len(words)):
        for dst in range(_POOL):
            pool[dst] = _mix(pool[dst], _hashmix(words[src], hash_const))
    state = np.empty(8, np.uint64)
    hc = _INIT_B
    for i in range(8):
        value = (pool[i % _POOL] ^ hc) & _U32
        hc = (hc * _MULT_B) & _U32
        value = (value * hc) & _U32
        state[i] = value ^ (value >> _SHIFT)
    seed_hi = state[0] | (state[1] << np.uint64(32))
    seed_lo = state[2] | (state[3] << np.uint64(32))
    seq_hi = state[4] | (state[5] << np.uint64(32))
    seq_lo = state[6] | (state[7] << np.uint64(32))
    inc_hi = (seq_hi << np.uint64(1)) | (seq_lo >> np.uint64(63))
    inc_lo = (seq_lo << np.uint64(1)) | np.uint64(1)
    hi, lo = _step(np.uint64(0), np.uint64(0), inc_hi, inc_lo)
    new_lo = lo + seed_lo
    carry = np.uint64(1) if new_lo < lo else np.uint64(0)
    hi, lo = hi + seed_hi + carry, new_lo
    hi, lo = _step(hi, lo, inc_hi, inc_lo)
    out = np.empty(count)
    for j in range(count):
        hi, lo = _step(hi, lo, inc_hi, inc_lo)
        x = hi ^ lo
        rot = hi >> np.uint64(58)
        x = (x >> rot) | (x << ((np.uint64(64) - rot) & np.uint64(63)))
        out[j] = float(x >> np.uint64(11)) * (1.0 / 9007199254740992.0)
    return out


@njit(cache=True)
def newcomers_uniforms(entropy, key, homes, generations, count):
    """:func:`seeded_uniforms` of the spawn key ``(key, home, generation)`` of each newcomer."""
    out = np.empty((len(homes), count))
    spawn = np.empty(3, np.uint64)
    spawn[0] = key
    for j in range(len(homes)):
        spawn[1] = np.uint64(homes[j])
        spawn[2] = np.uint64(generations[j])
        out[j] = seeded_uniforms(entropy, spawn, count)
    return out


def seed_words(value: int) -> np.ndarray:
    """A non-negative integer's 32-bit words, lowest first (as SeedSequence splits entropy)."""
    out = []
    while value:
        out.append(value & 0xFFFFFFFF)
        value >>= 32
    return np.array(out or [0], dtype=np.uint64)
