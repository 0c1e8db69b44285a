"""Who lives here: the population's own steady state, and newcomers in the homes that empty.

Rules (``docs/odd.md`` 7.3); how residents age, leave and need care is :mod:`.lifecourse`.

* Every home that empties gets a newcomer at once, of a group drawn so that the residents' mix
  stays at the declared shares; a home built for one group gets a newcomer of that group.

**Steady state.** A neighbourhood whose residents age, die and move is only stationary if the
people living there have the age and frailty that this very process produces. The starting
population is therefore drawn from that process's stationary distribution, computed by following
a cohort of newcomers of each group from arrival until they leave (:func:`stationary_population`):
in a stationary renewal process the residents present at any moment are the newcomers' life
courses weighted by the time they spend in each state. The cohort follows each newcomer's
partner too (whether they are still alive, and how frail), so that the starting households are
the ones the process leaves. The newcomer mix is weighted by the inverse of each group's mean
length of stay, so that the residents' mix equals the declared group shares. Need then stays
level over decades unless ``ageing_trend`` (*vergrijzing*) moves the population away from it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np
from numba import njit

from ..calendar import WEEKS_PER_YEAR
from ..parameters import Parameters
from ..state.groups import GROUP_PROFILES, Group, group_shares, partner_chance
from ..state.population import Population
from ..state.streams import NEWCOMER_KEY
from .lifecourse import (
    OLDER_INFLOW_RISE,
    ageing_progress,
    arrival_frailty,
    frailty_growth,
    mortality_hazard,
)
from .residents import TRAIT_DRAWS, settle

if TYPE_CHECKING:
    from ..state.streams import Streams

__all__ = [
    "StationaryPopulation",
    "draw_newcomers",
    "draw_residents",
    "stationary_population",
]

# The cohort that approximates the stationary population (a numerical integral, the same for
# every seed): members per group, time step and horizon.
COHORT_SIZE = 300
COHORT_STEP_WEEKS = 4
COHORT_YEARS = 110
COHORT_SEED = 20_261_202
_MIN_AGE = np.array([GROUP_PROFILES[g].min_age for g in Group])
_MAX_AGE = np.array([GROUP_PROFILES[g].max_age for g in Group])
_PARTNER = np.array([GROUP_PROFILES[g].partner for g in Group])


@dataclass(frozen=True)
class StationaryPopulation:
    """Residents as the neighbourhood's own demography leaves them, per group.

    Attributes:
        age: Per group, ages of the cohort's person-time samples.
        frailty: Per group, their frailty.
        partner_alive: Per group, the chance that a partner who moved in with them still lives.
        partner_frailty: Per group, that partner's frailty.
        cumulative_weight: Per group, running sum of each sample's person-time weight.
        stay_years: Mean years a newcomer of each group stays (dies or moves).
        newcomer_shares: Group mix of newcomers that keeps the residents' mix at the declared
            shares: share / mean stay, normalised.
    """

    age: tuple[np.ndarray, ...]
    frailty: tuple[np.ndarray, ...]
    partner_alive: tuple[np.ndarray, ...]
    partner_frailty: tuple[np.ndarray, ...]
    cumulative_weight: tuple[np.ndarray, ...]
    stay_years: np.ndarray
    newcomer_shares: np.ndarray


_COHORT_LOCK = threading.Lock()
"""One thread computes a setting's cohort while others wait for it: a dashboard with many sessions
whose spin-ups came from the disk cache would otherwise compute it once per session, at once."""


@lru_cache(maxsize=64)
def _cohort(turnover: float, frailty_rate: float) -> tuple[tuple, ...]:
    """Follow newcomers of every group (and their partners) until they leave; cached."""
    rng = np.random.default_rng(COHORT_SEED)
    groups = np.repeat(np.arange(len(Group)), COHORT_SIZE)
    lo, hi = _MIN_AGE[groups], _MAX_AGE[groups]
    stratum = (np.tile(np.arange(COHORT_SIZE), len(Group)) + 0.5) / COHORT_SIZE
    age = lo + (hi - lo) * stratum
    frailty = arrival_frailty(age, rng.random(len(age)))
    partner_frailty = arrival_frailty(age, rng.random(len(age)))
    alive = np.ones(len(age))  # chance of still living here
    partner_alive = np.ones(len(age))  # chance that the partner still lives
    dt = COHORT_STEP_WEEKS / WEEKS_PER_YEAR
    phase = rng.integers(0, 13, len(age))  # record each member once a year, at its own phase
    samples: list[tuple[np.ndarray, ...]] = []
    stay = np.zeros(len(age))
    for step in range(int(COHORT_YEARS / dt)):
        stay += alive * dt
        record = (step % 13) == phase
        samples.append((groups[record], age[record], frailty[record], partner_alive[record],
                        partner_frailty[record], alive[record]))
        alive *= np.exp(-(mortality_hazard(age, frailty) + turnover) * dt)
        partner_alive *= np.exp(-mortality_hazard(age, partner_frailty) * dt)
        growth = frailty_growth(age, frailty_rate)
        frailty = np.minimum(1.0, frailty + growth * rng.gamma(COHORT_STEP_WEEKS, 1.0, len(age)))
        partner_frailty = np.minimum(
            1.0, partner_frailty + growth * rng.gamma(COHORT_STEP_WEEKS, 1.0, len(age)))
        age = age + dt
        if alive.max() < 1e-5:
            break
    g, a, f, pa, pf, w = (np.concatenate(x) for x in zip(*samples, strict=True))
    per_group = [tuple(x[g == k] for k in range(len(Group))) for x in (a, f, pa, pf)]
    weights = tuple(np.cumsum(w[g == k]) for k in range(len(Group)))
    stay_years = np.array([stay[groups == k].mean() for k in range(len(Group))])
    return (*per_group, weights, stay_years)


def stationary_population(params: Parameters) -> StationaryPopulation:
    """The stationary distribution of residents for these parameters (cached per setting).

    Args:
        params: The run's parameters (turnover, frailty rate and group shares are used).

    Returns:
        Samples of each group's residents and the newcomer mix that keeps them stationary.
    """
    with _COHORT_LOCK:
        ages, frail, partner_alive, partner_frail, weights, stay_years = _cohort(
            params.turnover_per_year, params.frailty_rate)
    shares = group_shares(params)
    newcomer = shares / stay_years
    return StationaryPopulation(
        age=ages, frailty=frail, partner_alive=partner_alive, partner_frailty=partner_frail,
        cumulative_weight=weights, stay_years=stay_years,
        newcomer_shares=newcomer / newcomer.sum(),
    )


def draw_residents(
    pop: Population, params: Parameters, rng: np.random.Generator, week: int
) -> None:
    """Fill every home with a household drawn from the stationary population.

    Groups follow the declared shares; age, frailty and the partner (still alive, and how frail)
    follow the group's person-time.

    Args:
        pop: The (empty) population.
        params: The run's parameters.
        rng: The set-up stream.
        week: The week they are counted as having arrived (the start of the spin-up).
    """
    table = stationary_population(params)
    groups = rng.choice(len(Group), size=pop.n, p=group_shares(params)).astype(np.int8)
    picks = np.zeros(pop.n, dtype=np.int64)
    for g in range(len(Group)):
        rows = np.flatnonzero(groups == g)
        if len(rows) == 0:
            continue
        cum = table.cumulative_weight[g]
        pick = np.searchsorted(cum, rng.random(len(rows)) * cum[-1], side="right")
        picks[rows] = np.minimum(pick, len(cum) - 1)
    ages, frailty, partner_alive, partner_frailty = (
        np.array([values[g][p] for g, p in zip(groups.tolist(), picks.tolist(), strict=True)])
        for values in (table.age, table.frailty, table.partner_alive, table.partner_frailty))
    settle(pop, np.arange(pop.n), groups, ages, frailty, params,
           rng.random((pop.n, TRAIT_DRAWS)), week)
    chance = partner_chance(_PARTNER[groups], params.partner_odds)
    pop.partner[:] = rng.random(pop.n) < chance * partner_alive
    pop.partner_frailty[:] = np.where(pop.partner, partner_frailty, 0.0)


def draw_newcomers(
    pop: Population, slots: np.ndarray, params: Parameters, streams: Streams, week: int
) -> None:
    """Newcomers move into the empty homes ``slots``: group, age on arrival and frailty.

    Each newcomer's draws come from their own stream
    (:meth:`~simulatie.core.state.streams.Streams.newcomer`). A home built for one group
    (clustered housing, ``group_clustering``) gets a newcomer of that group.

    Args:
        pop: The population.
        slots: Homes that emptied this week.
        params: The run's parameters.
        streams: The run's random streams.
        week: The current week.
    """
    if len(slots) == 0:
        return
    cumulative, total = _newcomer_mix(params, week)
    draws = _newcomer_draws(streams, slots, pop.generation[slots] + 1, 3 + TRAIT_DRAWS)
    groups, ages = _arrivals(draws, cumulative, total, pop.home_group, slots, _MIN_AGE, _MAX_AGE)
    frailty = arrival_frailty(ages, draws[:, 2])
    settle(pop, slots, groups, ages, frailty, params, draws[:, 3:], week)


_MIX: list[tuple[Parameters, np.ndarray, float]] = []
"""The last parameters' cumulative newcomer mix and its total, without *vergrijzing*."""


def _newcomer_mix(params: Parameters, week: int) -> tuple[np.ndarray, float]:
    """The cumulative newcomer mix of this week and its total (the mix need not sum to 1).

    The mix moves with *vergrijzing*; without it, it is kept for the parameters (they are
    frozen) until other parameters ask.
    """
    progress = ageing_progress(params, week)
    if progress <= 0:
        last = _MIX[-1] if _MIX else None
        if last is not None and last[0] is params:
            return last[1], last[2]
    shares = stationary_population(params).newcomer_shares.copy()
    if progress > 0:
        shares[Group.OLDER] *= 1 + OLDER_INFLOW_RISE * progress
        shares /= shares.sum()
    mix = np.cumsum(shares), shares.sum()
    if progress <= 0:
        _MIX[:] = [(params, *mix)]
    return mix


@njit(cache=True)
def _arrivals(draws, cumulative, total, home_group, slots, min_age, max_age):
    """Each newcomer's group (draw 0, unless the home is built for one) and age (draw 1).

    Returns:
        ``(groups, ages)`` as ``int8`` and years.
    """
    groups = np.empty(len(slots), np.int8)
    ages = np.empty(len(slots))
    last = len(min_age) - 1
    for j in range(len(slots)):
        x = draws[j, 0] * total
        g = 0
        while g < len(cumulative) and cumulative[g] <= x:
            g += 1
        g = min(g, last)
        if home_group[slots[j]] >= 0:
            g = home_group[slots[j]]
        groups[j] = g
        ages[j] = min_age[g] + (max_age[g] - min_age[g]) * draws[j, 1]
    return groups, ages


# --- newcomers' own streams, compiled ----------------------------------------------------------
# Streams.newcomer(home, generation).random(count) costs a SeedSequence and a generator per
# newcomer; the same numbers come from numpy's algorithms compiled (checked against numpy once
# per process, see _newcomer_draws).
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
def _seeded_uniforms(entropy, spawn, count):
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
def _newcomers_uniforms(entropy, key, homes, generations, count):
    """:func:`_seeded_uniforms` of the spawn key ``(key, home, generation)`` of each newcomer."""
    out = np.empty((len(homes), count))
    spawn = np.empty(3, np.uint64)
    spawn[0] = key
    for j in range(len(homes)):
        spawn[1] = np.uint64(homes[j])
        spawn[2] = np.uint64(generations[j])
        out[j] = _seeded_uniforms(entropy, spawn, count)
    return out


def _words(value: int) -> np.ndarray:
    """A non-negative integer's 32-bit words, lowest first (as SeedSequence splits entropy)."""
    out = []
    while value:
        out.append(value & 0xFFFFFFFF)
        value >>= 32
    return np.array(out or [0], dtype=np.uint64)


_COMPILED_STREAMS: list[bool] = []
"""Whether the compiled newcomer streams gave numpy's numbers (checked once per process)."""


def _newcomer_draws(streams: Streams, homes: np.ndarray, generations: np.ndarray,
                    count: int) -> np.ndarray:
    """``streams.newcomer(home, generation).random(count)`` of every newcomer, as rows.

    Compiled (:func:`_seeded_uniforms`) while the first newcomer of the process drew the same
    numbers both ways, and while seed, key, homes and generations are words numpy splits the
    same way; otherwise numpy's own streams.
    """
    small = (NEWCOMER_KEY < 2**32 and int(homes.max()) < 2**32 and int(generations.min()) >= 0
             and int(generations.max()) < 2**32)
    if small and streams.seed >= 0:
        entropy = _words(int(streams.seed))
        homes = homes.astype(np.int64)
        generations = generations.astype(np.int64)
        if not _COMPILED_STREAMS:
            numpy_draws = streams.newcomer(int(homes[0]), int(generations[0])).random(count)
            compiled = _newcomers_uniforms(entropy, NEWCOMER_KEY, homes[:1], generations[:1],
                                           count)[0]
            _COMPILED_STREAMS.append(bool(np.array_equal(numpy_draws, compiled)))
        if _COMPILED_STREAMS[0]:
            return _newcomers_uniforms(entropy, NEWCOMER_KEY, homes, generations, count)
    return np.array([streams.newcomer(home, generation).random(count)
                     for home, generation in zip(homes.tolist(), generations.tolist(),
                                                 strict=True)])
