"""From a sweep's runs to scenario discovery's input: one row per design point, of concern or not.

Each design point of a sweep (a combination of lever and context values) becomes one row of
``x`` (its varied numeric parameters) and one flag of ``y`` (whether it is of concern, by the
concern's replication rule). Checks that make the analysis meaningful come first, so that bad
input is one clear error and nothing is written.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from simulatie.experiment.sweep_results import SweepResults

from .concern import Concern, ConcernError

__all__ = ["MIN_POINTS_PER_PARAMETER", "design_points"]

MIN_POINTS_PER_PARAMETER = 10
"""At least this many design points per varied parameter: a rule of thumb for PRIM and CART to
find more than noise (EMA Workbench's examples use hundreds to thousands of points)."""


def design_points(results: SweepResults, concern: Concern) -> tuple[pd.DataFrame, np.ndarray]:
    """The varied parameters per design point, and whether each point is of concern.

    Raises:
        ConcernError: Too few points for the parameters, no numeric parameter varied, or a
            concern that no point (or every point) meets.
    """
    runs = results.runs
    numeric = [n for n in results.varied if pd.api.types.is_numeric_dtype(runs[n])]
    if not numeric:
        raise ConcernError("the sweep varies no numeric parameter; scenario discovery needs "
                           "an experiment that samples levers and context (method 'lhs')")
    x = runs.groupby("point")[numeric].first().astype(float)
    varying = [n for n in numeric if x[n].nunique() > 1]
    x = x[varying]
    need = MIN_POINTS_PER_PARAMETER * len(varying)
    if len(x) < need:
        raise ConcernError(f"too few runs: {len(x)} design points for {len(varying)} varied "
                           f"parameters; scenario discovery needs at least {need} "
                           f"({MIN_POINTS_PER_PARAMETER} per parameter): raise [design] samples")
    y = concern.points_of_concern(runs).reindex(x.index).fillna(False).to_numpy(dtype=bool)
    if not y.any():
        raise ConcernError(f"no design point meets '{concern.text}' ({concern.rule()}): "
                           "nothing to explain; choose a less strict threshold")
    if y.all():
        raise ConcernError(f"every design point meets '{concern.text}' ({concern.rule()}): "
                           "nothing to tell apart; choose a stricter threshold")
    return x, y
