"""Metrics of the tie network: how many ties of each stage, how strong, who is lonely, its shape.

One topic of the registry (:mod:`.metrics`, ``docs/odd.md`` 7.13): counts of acquaintance,
friendly and caring ties, tie strength, loneliness overall and by age, and the structure of the
friendly-or-caring network (clustering, the largest connected group, ties across groups). The
two graph measures are compiled kernels over the neighbour lists the state already keeps.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from ..state.ties import TieStage
from .observation import MetricGroup, Observation

__all__ = ["NETWORK_METRICS", "lonely_share", "share_with_caring_tie"]

NETWORK_METRICS = MetricGroup()
metric = NETWORK_METRICS.metric


@metric("caring_ties", "Caring ties", "Zorgzame banden", "ties")
def caring_ties(obs: Observation) -> float:
    """Friendly ties over which help has gone repeatedly, or both ways, lately."""
    return float(obs.stage_counts[TieStage.CARING])


@metric("share_with_caring_tie", "Residents with a caring tie", "Bewoners met een zorgzame band",
        "share")
def share_with_caring_tie(obs: Observation) -> float:
    """Share of residents with at least one caring tie."""
    return obs.ratio(obs.residents.with_caring_tie, obs.residents.residents)


@metric("friendly_ties", "Friendly ties", "Vriendelijke contacten", "ties")
def friendly_ties(obs: Observation) -> float:
    """Friendly ties that are not (or no longer) caring."""
    return float(obs.stage_counts[TieStage.FRIENDLY])


@metric("acquaintance_ties", "Acquaintances", "Kennissen", "ties")
def acquaintance_ties(obs: Observation) -> float:
    """Ties below the friendly threshold."""
    return float(obs.stage_counts[TieStage.ACQUAINTANCE])


@metric("mean_tie_strength", "Mean tie strength", "Gemiddelde sterkte van banden", "0..1")
def mean_tie_strength(obs: Observation) -> float:
    """Mean strength over all ties (0 when there are none)."""
    return obs.strength_total / len(obs.strength) if len(obs.strength) else 0.0


@metric("tie_strength_p90", "Tie strength, 90th percentile", "Sterkte van banden, 90e percentiel",
        "0..1")
def tie_strength_p90(obs: Observation) -> float:
    """The strength below which 90% of ties fall: the top of the distribution."""
    if len(obs.strength) == 0:
        return 0.0
    k = int(0.9 * (len(obs.strength) - 1))
    return float(_kth_smallest(obs.strength, k))


@njit(cache=True)
def _kth_smallest(values, k):
    """The value that would stand at index ``k`` if ``values`` were sorted (a partition)."""
    return np.partition(values, k)[k]


@metric("lonely_share", "Lonely residents", "Eenzame bewoners", "share")
def lonely_share(obs: Observation) -> float:
    """Share of residents with fewer friendly or caring ties than ``lonely_below_ties``."""
    return obs.ratio(obs.residents.lonely, obs.residents.residents)


@metric("lonely_share_75plus", "Lonely residents aged 75+", "Eenzame bewoners van 75+", "share")
def lonely_share_75plus(obs: Observation) -> float:
    """Loneliness among residents aged 75 and over (NaN when there are none)."""
    return obs.ratio(obs.residents.lonely_older, obs.residents.older)


@metric("lonely_share_under75", "Lonely residents under 75", "Eenzame bewoners onder 75", "share")
def lonely_share_under75(obs: Observation) -> float:
    """Loneliness among residents under 75 (NaN when there are none)."""
    counts = obs.residents
    return obs.ratio(counts.lonely - counts.lonely_older, counts.residents - counts.older)


@metric("clustering", "Network clustering", "Clustering van het netwerk", "0..1")
def clustering(obs: Observation) -> float:
    """Mean local clustering of the friendly-or-caring network over residents with 2+ ties."""
    ptr, nbr = obs.nb.views.close_adjacency
    return float(_mean_local_clustering(ptr, nbr))


@metric("largest_component_share", "Largest connected group", "Grootste verbonden groep", "share")
def largest_component_share(obs: Observation) -> float:
    """Share of residents in the largest component of the friendly-or-caring network."""
    ptr, nbr = obs.nb.views.close_adjacency
    return float(_largest_component(ptr, nbr) / obs.nb.population.n)


@njit(cache=True)
def _mean_local_clustering(ptr, nbr):
    """Mean over residents with two or more neighbours of the share of their pairs who are tied.

    The network is undirected and small-degree, so each pair of a resident's neighbours is
    looked up in the other's (short) neighbour list.
    """
    n = len(ptr) - 1
    total = 0.0
    counted = 0
    for v in range(n):
        d = ptr[v + 1] - ptr[v]
        if d < 2:
            continue
        links = 0
        for i in range(ptr[v], ptr[v + 1]):
            u = nbr[i]
            for j in range(i + 1, ptr[v + 1]):
                w = nbr[j]
                for k in range(ptr[u], ptr[u + 1]):
                    if nbr[k] == w:
                        links += 1
                        break
        total += 2.0 * links / (d * (d - 1))
        counted += 1
    return total / counted if counted else 0.0


@njit(cache=True)
def _largest_component(ptr, nbr):
    """Size of the largest connected component (breadth-first search over the CSR lists)."""
    n = len(ptr) - 1
    seen = np.zeros(n, np.bool_)
    queue = np.empty(n, np.int64)
    best = 0
    for start in range(n):
        if seen[start]:
            continue
        seen[start] = True
        queue[0] = start
        head, tail = 0, 1
        while head < tail:
            v = queue[head]
            head += 1
            for k in range(ptr[v], ptr[v + 1]):
                u = nbr[k]
                if not seen[u]:
                    seen[u] = True
                    queue[tail] = u
                    tail += 1
        best = max(best, tail)
    return best


@metric("bridging_share", "Bridging ties", "Overbruggende banden", "share")
def bridging_share(obs: Observation) -> float:
    """Share of friendly-or-caring ties that connect different groups."""
    ties = obs.ties
    return ties.bridging / ties.close if ties.close else 0.0
