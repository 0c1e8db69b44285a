"""The spin-up: the years before week 0, with nothing organised, run once and kept.

The spin-up depends only on the baseline parameters and the seed, so it is computed once for
every run that shares them (all arms of a comparison, all levers of a sweep point's seed), kept
in this process and on disk (:mod:`.cache`), and copied for each.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..parameters import Parameters, history_parameters
from ..state.neighbourhood import Neighbourhood
from . import cache
from .build import build_neighbourhood
from .week import advance_week

__all__ = ["spun_up"]


def _spin_up_summary(nb: Neighbourhood, shares: list[float]) -> dict[str, float]:
    half = len(shares) // 2
    return {
        "weeks": float(nb.params.spin_up_weeks),
        "share_with_caring_tie": float((nb.views.caring_counts > 0).mean()),
        "friendly_or_caring_per_resident": float(nb.views.friendly_counts.mean()),
        "caring_share_first_half_of_last_year": float(np.mean(shares[:half])) if shares else 0.0,
        "caring_share_second_half_of_last_year": float(np.mean(shares[half:])) if shares else 0.0,
    }


@lru_cache(maxsize=16)
def _spun_up(base_json: str, seed: int) -> Neighbourhood:
    key = f"{base_json}|{seed}"
    cached = cache.load("spin-up", key)
    if cached is not None:
        return cached
    base = Parameters.model_validate_json(base_json)
    nb = build_neighbourhood(base, seed)
    shares = []
    while nb.week < 0:
        advance_week(nb)
        if nb.week > -52:
            shares.append(float((nb.views.caring_counts > 0).mean()))
    nb.spin_up = _spin_up_summary(nb, shares)
    cache.save("spin-up", key, nb)
    return nb


def spun_up(params: Parameters, seed: int) -> Neighbourhood:
    """The neighbourhood at week 0 with nothing organised: its own spin-up (a fresh copy).

    The spin-up depends only on the history parameters (the baseline's,
    :func:`~simulatie.core.parameters.history_parameters`) and the seed, so it is computed once
    for every run that shares them (all arms of a comparison, all levers of a sweep point's
    seed), kept in this process and on disk (:mod:`.cache`), and copied for each.
    """
    return _spun_up(history_parameters(params).model_dump_json(), seed).copy()


