"""Calibration against Dutch figures (ABC-SMC) and the ensemble of plausible neighbourhoods.

* :mod:`.targets`: the published figures as bands on model measures, a run's statistics.
* :mod:`.abc`: approximate Bayesian computation with pyabc (local workers or Dask).
* :mod:`.ensemble`: the accepted parameter sets, shipped in ``simulatie/data/``.
"""

from .ensemble import Ensemble, EnsembleError, load_ensemble, save_ensemble
from .targets import TARGETS, Target, band_distance, statistics

__all__ = [
    "TARGETS",
    "Ensemble",
    "EnsembleError",
    "Target",
    "band_distance",
    "load_ensemble",
    "save_ensemble",
    "statistics",
]
