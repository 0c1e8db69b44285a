"""Where a myth's verdict flips: the assumptions under which plausible neighbourhoods disagree.

The robustness table (:mod:`simulatie.workshop.robustness`) asks a myth's question again in the
plausible neighbourhoods of the calibration ensemble. Some may give another verdict than the
answer shown. This module asks where they lie: scenario discovery on the members' calibrated
assumptions, with the neighbourhoods that give another verdict as the points of concern. The
box is EMA Workbench's PRIM box chosen and pruned by the project's own rules
(:mod:`simulatie.experiment.discovery.analysis`): the densest box that holds at least
:data:`~simulatie.experiment.discovery.analysis.MIN_COVERAGE` of the differing neighbourhoods,
with restrictions that chance explains dropped. The handout names its limits in the parameters'
short labels (:func:`simulatie.experiment.discovery.words.limit_phrase`).

**One neighbourhood, one point.** The table's rows are draws by weight: a member that fits the
Dutch figures better may be drawn several times, with the same assumptions and the same verdict.
Repeated draws are merged before PRIM. The weights say how plausible a neighbourhood is, which
is right for the handout's shares ("the myth holds in 80%"); the question here is where in the
space of assumptions the verdict changes, and a neighbourhood drawn three times is still one
place in that space. Counted three times it would make a box look denser and its limits more
significant (PRIM's quasi-p values are binomial tests that take points as independent) on the
evidence of one neighbourhood. Should the draws of one member ever disagree, the member counts as
differing when more than half of its draws give another verdict.

**When nothing is named.** (a) Every neighbourhood gives the verdict shown: nothing flips.
(b) Fewer than :data:`MIN_DIFFERING` distinct neighbourhoods differ: too few to say where. With
about fifteen neighbourhoods and a dozen assumptions, one differing neighbourhood is the highest
or lowest on some assumption four times in five by chance alone, and two are the two highest or
lowest on some assumption about one time in five; three are so about one time in twenty.
(c) PRIM's chosen box restricts nothing: the differing neighbourhoods share no assumption range
that holds at least the convention's share of them. And (d) when every neighbourhood differs,
the verdict does not flip under some conditions but everywhere. A box is named with its coverage
(how many of the differing neighbourhoods lie inside) and density (the share inside that
differs); when none of its limits is significant, the handout says that chance could give the
pattern too.

:func:`simulatie.experiment.discovery.discover` is not called as a whole: besides PRIM it fits a
CART tree whose smallest leaf is 5% of the points, which is no point at all below twenty, and
scikit-learn refuses it. This module takes the same PRIM box, chosen and pruned the same way
(:func:`~simulatie.experiment.discovery.analysis.prim_box`, which ``discover`` uses too), without
the tree and the feature scores, which the handout does not show.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

import numpy as np
import pandas as pd

from simulatie.experiment.discovery.analysis import MIN_COVERAGE, BoxLimit, prim_box
from simulatie.workshop.verdict import Verdict

__all__ = ["BOOKKEEPING", "MIN_DIFFERING", "FlipConditions", "NoFlipReason", "flip_conditions"]

BOOKKEEPING = frozenset({"myth", "member", "replications", "verdict", "holds", "mean", "ci_low",
                         "ci_high"})
"""Columns of the robustness table that are not a member's calibrated assumptions."""

MIN_DIFFERING = 3
"""Fewest distinct neighbourhoods with another verdict for which a flip region is sought. With
fewer, some assumption fences them off by chance alone too often (see the module docstring)."""


class NoFlipReason(StrEnum):
    """Why no conditions are named under which the verdict flips."""

    SAME_EVERYWHERE = "same_everywhere"
    """Every plausible neighbourhood gives the verdict shown."""
    TOO_FEW = "too_few"
    """Fewer than :data:`MIN_DIFFERING` neighbourhoods give another verdict."""
    NO_BOX = "no_box"
    """PRIM finds no box with restrictions that meets the coverage convention."""
    DIFFERS_EVERYWHERE = "differs_everywhere"
    """Every plausible neighbourhood gives another verdict than the one shown."""


@dataclass(frozen=True)
class FlipConditions:
    """Where in the ensemble the verdict differs from the one shown.

    Attributes:
        members: Distinct plausible neighbourhoods (repeated draws merged).
        differing: How many of them give another verdict.
        reason: Why no conditions are named, or ``None`` when a box is named.
        limits: The box's restricted assumptions with their ranges (empty without a box).
        inside: Differing neighbourhoods inside the box.
        in_box: All neighbourhoods inside the box.
    """

    members: int
    differing: int
    reason: NoFlipReason | None = None
    limits: tuple[BoxLimit, ...] = ()
    inside: int = 0
    in_box: int = 0

    @property
    def found(self) -> bool:
        """Whether a box of conditions is named."""
        return self.reason is None

    @property
    def coverage(self) -> float:
        """Share of the differing neighbourhoods that lie inside the box."""
        return self.inside / self.differing if self.found else math.nan

    @property
    def density(self) -> float:
        """Share of the neighbourhoods inside the box that give another verdict."""
        return self.inside / self.in_box if self.found else math.nan

    @property
    def significant(self) -> bool:
        """Whether at least one limit of the box is significant (chance explains it poorly)."""
        return any(limit.significant for limit in self.limits)


def flip_conditions(part: pd.DataFrame, shown: Verdict) -> FlipConditions:
    """Under which assumptions the ensemble's neighbourhoods give another verdict than ``shown``.

    Args:
        part: The robustness table's rows of one myth (draws; repeated members are merged).
        shown: The verdict of the answer shown.

    Returns:
        The counts and either the box's limits or the reason why none are named. The same
        table and verdict give the same result (PRIM is deterministic; results are cached).
    """
    assumptions = tuple(c for c in part.columns if c not in BOOKKEEPING)
    rows = tuple(part[[*assumptions, "verdict"]].itertuples(index=False, name=None))
    return _flip_conditions(assumptions, rows, Verdict(shown).value)


@lru_cache(maxsize=32)
def _flip_conditions(assumptions: tuple[str, ...], rows: tuple[tuple, ...],
                     shown: str) -> FlipConditions:
    draws = pd.DataFrame(list(rows), columns=[*assumptions, "verdict"])
    draws["differs"] = draws["verdict"] != shown
    if assumptions:
        members = draws.groupby(list(assumptions), sort=False, dropna=False,
                                as_index=False)["differs"].mean()
    else:  # no assumptions recorded: every draw is its own neighbourhood
        members = draws[["differs"]].astype(float)
    y = (members["differs"] > 0.5).to_numpy()
    count, differing = len(y), int(y.sum())
    if differing == 0:
        return FlipConditions(count, 0, NoFlipReason.SAME_EVERYWHERE)
    if differing == count:
        return FlipConditions(count, differing, NoFlipReason.DIFFERS_EVERYWHERE)
    if differing < MIN_DIFFERING:
        return FlipConditions(count, differing, NoFlipReason.TOO_FEW)
    x = members[list(assumptions)].astype(float).reset_index(drop=True)
    x = x.loc[:, x.nunique() > 1]  # an assumption all neighbourhoods share tells none apart
    if x.empty:
        return FlipConditions(count, differing, NoFlipReason.NO_BOX)
    with warnings.catch_warnings():  # EMA Workbench's own notices, not the user's
        warnings.filterwarnings("ignore", module=r"ema_workbench\..*")
        return _prim_box(x, y, count, differing)


def _prim_box(x: pd.DataFrame, y: np.ndarray, count: int, differing: int) -> FlipConditions:
    """PRIM's box as :func:`~simulatie.experiment.discovery.discover` chooses and prunes it."""
    limits: tuple[BoxLimit, ...] = prim_box(x, y, MIN_COVERAGE).limits
    if not limits:
        return FlipConditions(count, differing, NoFlipReason.NO_BOX)
    inside = np.ones(len(x), dtype=bool)
    for limit in limits:
        values = x[limit.name].to_numpy()
        inside &= (values >= limit.lower) & (values <= limit.upper)
    return FlipConditions(count, differing, limits=limits, inside=int(y[inside].sum()),
                          in_box=int(inside.sum()))
