"""Scenario discovery on design points: PRIM boxes, a CART tree and feature scores.

The algorithms are EMA Workbench's (Kwakkel 2017): PRIM (Friedman & Fisher 1999) with its
peeling trajectory, quasi-p values of each box limit and resampling; CART (a scikit-learn
decision tree, as EMA Workbench builds it); and extra-trees feature scoring (Jaxa-Rozen &
Kwakkel 2018). This module only chooses, collects and checks; nothing here is hand-written PRIM.

**Which box.** PRIM's peeling trajectory trades coverage (the share of all points of concern
inside the box) against density (the share of points inside the box that are of concern). The
chosen box is the densest one whose coverage is at least ``min_coverage`` (default 0.5: the box
explains at least half of the cases), with the fewest restricted parameters among equals. The
rule is a convention stated in ``docs/discovery.md``; the report shows the whole trajectory.

**Dropping what chance explains.** With a hundred points PRIM also trims thin slices that
chance explains. After choosing, the least significant restriction (every quasi-p value at
least :data:`SIGNIFICANT`) is dropped, with EMA Workbench's ``drop_restriction``, when the box
keeps :data:`KEEP_DENSITY` of its density without it; and so on until none qualifies (Bryant &
Lempert 2010 recommend removing restrictions that are not significant). The report names what
was dropped and flags every limit that stays without being significant.
"""

from __future__ import annotations

import logging
import math
import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["MIN_COVERAGE", "BoxLimit", "Discovery", "PrimBox", "discover", "prim_box"]

MIN_COVERAGE = 0.5
"""The chosen box explains at least this share of the points of concern (a convention)."""

SIGNIFICANT = 0.05
"""A box limit whose quasi-p value is below this is called significant (Bryant & Lempert 2010)."""

KEEP_DENSITY = 0.9
"""A restriction that is not significant is dropped only if the box keeps this share of its
density without it: a convention, so that thin slices chance explains go, and limits that carry
the box stay (flagged as not significant)."""


def _workbench() -> Any:
    """EMA Workbench's analysis module, imported quietly (it warns about optional parts)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from ema_workbench.analysis import cart, feature_scoring, prim
        from ema_workbench.analysis.scenario_discovery_util import RuleInductionType
    logging.getLogger("EMA").setLevel(logging.WARNING)
    return prim, cart, feature_scoring, RuleInductionType


@dataclass(frozen=True)
class BoxLimit:
    """One restricted parameter of the chosen box.

    Attributes:
        name: The parameter.
        lower: The box's lower limit (the sampled minimum when not restricted from below).
        upper: The box's upper limit.
        low_end: The smallest sampled value (the box is restricted from below if ``lower`` is
            above it).
        high_end: The largest sampled value.
        qp_lower: Quasi-p value of the lower limit (``nan`` when not restricted from below).
        qp_upper: Quasi-p value of the upper limit.
    """

    name: str
    lower: float
    upper: float
    low_end: float
    high_end: float
    qp_lower: float
    qp_upper: float

    @property
    def from_below(self) -> bool:
        """Whether the box cuts off low values."""
        return not math.isnan(self.qp_lower)

    @property
    def from_above(self) -> bool:
        """Whether the box cuts off high values."""
        return not math.isnan(self.qp_upper)

    @property
    def significant(self) -> bool:
        """Whether every restricted side has a quasi-p value below :data:`SIGNIFICANT`."""
        sides = [p for p in (self.qp_lower, self.qp_upper) if not math.isnan(p)]
        return bool(sides) and all(p < SIGNIFICANT for p in sides)


@dataclass(frozen=True)
class Discovery:
    """What scenario discovery found.

    Attributes:
        points: Design points analysed.
        of_concern: How many of them are of concern.
        trajectory: PRIM's peeling trajectory (coverage, density, mass, res_dim per box).
        chosen: Index of the chosen box in the trajectory.
        limits: The chosen box's restricted parameters.
        stability: Per parameter, the share of resampled PRIM runs (half the points each) whose
            box of similar coverage and of similar density restricts it.
        tree: The fitted CART decision tree (scikit-learn) and its feature names.
        tree_leaves: Per leaf of the tree: coverage, density, mass and restricted parameters.
        scores: Extra-trees feature scores, highest first.
        dropped: Restrictions of the first chosen box dropped as not significant, in order.
    """

    points: int
    of_concern: int
    trajectory: pd.DataFrame
    chosen: int
    limits: tuple[BoxLimit, ...]
    stability: pd.DataFrame
    tree: Any
    tree_features: tuple[str, ...]
    tree_leaves: pd.DataFrame
    scores: pd.Series
    dropped: tuple[str, ...] = ()

    @property
    def coverage(self) -> float:
        """Coverage of the chosen box."""
        return float(self.trajectory["coverage"].iloc[self.chosen])

    @property
    def density(self) -> float:
        """Density of the chosen box."""
        return float(self.trajectory["density"].iloc[self.chosen])

    @property
    def mass(self) -> float:
        """Share of all points inside the chosen box."""
        return float(self.trajectory["mass"].iloc[self.chosen])


def choose_box(trajectory: pd.DataFrame, min_coverage: float = MIN_COVERAGE) -> int:
    """The densest box with at least ``min_coverage``; fewest restrictions among equals."""
    candidates = trajectory[trajectory["coverage"] >= min_coverage - 1e-12]
    if candidates.empty:
        candidates = trajectory.iloc[:1]
    best = candidates["density"].max()
    densest = candidates[candidates["density"] >= best - 1e-12]
    return int(densest.sort_values(["res_dim", "coverage"], ascending=[True, False]).index[0])


def discover(
    x: pd.DataFrame, y: np.ndarray, min_coverage: float = MIN_COVERAGE, resamples: int = 10,
    seed: int = 0,
) -> Discovery:
    """Find the conditions under which the outcome of concern happens.

    Args:
        x: One row per design point, one column per varied parameter.
        y: Per point, whether it is of concern.
        min_coverage: See :func:`choose_box`.
        resamples: PRIM runs on random halves of the points, to see how stable the box is.
        seed: Seed of the resampling and of the extra trees.

    Returns:
        The box, its limits and stability, the tree and the feature scores.
    """
    with warnings.catch_warnings():  # EMA Workbench's own deprecation notices, not the user's
        warnings.filterwarnings("ignore", module=r"ema_workbench\..*")
        return _discover(x, y, min_coverage, resamples, seed)


@dataclass(frozen=True)
class PrimBox:
    """PRIM's chosen and pruned box, without the tree and scores of :func:`discover`.

    Attributes:
        box: EMA Workbench's PRIM box (its peeling trajectory extended by the pruning).
        chosen: Index of the chosen box on ``box.peeling_trajectory``.
        limits: The restricted parameters of the chosen box.
        dropped: Restrictions dropped because chance explains them.
    """

    box: Any
    chosen: int
    limits: tuple[BoxLimit, ...]
    dropped: tuple[str, ...]


def prim_box(x: pd.DataFrame, y: np.ndarray, min_coverage: float = MIN_COVERAGE) -> PrimBox:
    """PRIM's box, chosen (:func:`choose_box`) and pruned of what chance explains.

    Args:
        x: One row per point, one column per parameter (numbers).
        y: Per point, whether it is of concern.
        min_coverage: See :func:`choose_box`.
    """
    prim = _workbench()[0]
    x = x.reset_index(drop=True).astype(float)
    y = np.asarray(y, dtype=bool)
    box = prim.Prim(x, y.astype(int)).find_box()
    trajectory = box.peeling_trajectory.reset_index(drop=True)
    chosen, dropped = _prune(box, choose_box(trajectory, min_coverage), x, y)
    lims, first, pvalues = box.box_lims[chosen], box.box_lims[0], box.p_values[chosen]
    limits = tuple(
        BoxLimit(name=name, lower=float(lims[name].iloc[0]), upper=float(lims[name].iloc[1]),
                 low_end=float(first[name].iloc[0]), high_end=float(first[name].iloc[1]),
                 qp_lower=math.nan if qp_low == -1 else float(qp_low),
                 qp_upper=math.nan if qp_high == -1 else float(qp_high))
        for name, (qp_low, qp_high) in pvalues.items()
    )
    return PrimBox(box=box, chosen=chosen, limits=limits, dropped=tuple(dropped))


def _discover(x: pd.DataFrame, y: np.ndarray, min_coverage: float, resamples: int,
              seed: int) -> Discovery:
    _, cart, feature_scoring, rule_type = _workbench()
    x = x.reset_index(drop=True).astype(float)
    y = np.asarray(y, dtype=bool)
    found = prim_box(x, y, min_coverage)
    box, chosen, limits, dropped = found.box, found.chosen, found.limits, found.dropped
    trajectory = box.peeling_trajectory.reset_index(drop=True)
    stability = pd.DataFrame(columns=["reproduce coverage", "reproduce density"], dtype=float)
    if resamples > 0:
        stability = box.resample(chosen, iterations=resamples, p=0.5,
                                 rng=np.random.default_rng(seed)) / 100.0
    tree = cart.CART(x, y.astype(int), mass_min=0.05)
    tree.build_tree()
    leaves = pd.DataFrame(tree.stats)
    scores, _ = feature_scoring.get_ex_feature_scores(
        x, y.astype(int), mode=rule_type.CLASSIFICATION, random_state=seed)
    return Discovery(
        points=len(y), of_concern=int(y.sum()), trajectory=trajectory, chosen=chosen,
        limits=tuple(limits), stability=stability, tree=tree.clf,
        tree_features=tuple(tree.feature_names), tree_leaves=leaves,
        scores=scores.iloc[:, 0].sort_values(ascending=False), dropped=tuple(dropped),
    )


def _prune(box: Any, chosen: int, x: pd.DataFrame, y: np.ndarray) -> tuple[int, list[str]]:
    """Drop restrictions that are not significant and add little density.

    The least significant restriction (every quasi-p value at least :data:`SIGNIFICANT`) is
    dropped when the box without it keeps at least :data:`KEEP_DENSITY` of its density; then
    the next, until none qualifies or one restriction is left.

    Returns:
        The index of the final box on the (extended) trajectory, and the dropped parameters.
    """
    dropped = []
    while True:
        pvalues = box.p_values[chosen]
        weak = {name: max(p for p in sides if p != -1)
                for name, sides in pvalues.items()
                if any(p != -1 for p in sides) and all(p == -1 or p >= SIGNIFICANT
                                                         for p in sides)}
        if len(pvalues) <= 1:
            return chosen, dropped
        density = float(box.peeling_trajectory["density"].iloc[chosen])
        for name in sorted(weak, key=weak.get, reverse=True):
            if _density_without(box, chosen, name, x, y) >= KEEP_DENSITY * density:
                box.drop_restriction(name, chosen)
                chosen = len(box.peeling_trajectory) - 1
                dropped.append(name)
                break
        else:
            return chosen, dropped


def _density_without(box: Any, chosen: int, name: str, x: pd.DataFrame, y: np.ndarray) -> float:
    """The density the box would have without its restriction on ``name``."""
    lims = box.box_lims[chosen].copy()
    lims[name] = box.box_lims[0][name]
    inside = np.ones(len(x), dtype=bool)
    for column in lims.columns:
        inside &= (x[column] >= lims[column].iloc[0]).to_numpy()
        inside &= (x[column] <= lims[column].iloc[1]).to_numpy()
    return float(y[inside].mean()) if inside.any() else 0.0
