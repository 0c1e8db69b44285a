"""Find the parameters whose model neighbourhood has the region's ages and households.

``share_older`` is the share of residents who *moved in* aged 65+, and others grow old in place,
so the share aged 65+ is not a parameter but what the neighbourhood's demography makes of it;
likewise living alone follows from who moves in with a partner (``partner_odds``) and from
widowhood. The search therefore works on the model's own make-up:

1. the share with children, the migrant share and the number of homes are set from the figures
   directly (:func:`fixed_values`);
2. ``share_older`` and ``partner_odds`` are found by root search (Brent's method, one after the
   other until both settle) on the exact steady state (:func:`solve`);
3. the neighbourhood is built through its spin-up on a few seeds (about :data:`CHECK_HOMES`
   homes in all) and its 65+ share and share living alone are compared with the targets; if
   either is off by more than :data:`TOLERANCE`, the targets are shifted by the difference and
   the search repeated (at most :data:`MAX_ROUNDS` times).

One parameter cannot set two ages: ``share_older`` keeps the 65+ share within
:data:`AGE_SLACK` of its target and, within that, brings the 75+ share as near to its target as
it can; the 80+ share follows from the demography. All three are reported against the targets.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from scipy.optimize import brentq

from simulatie.core.parameters import Parameters, make_parameters, parameter_specs
from simulatie.core.state.groups import group_shares

from .structure import Structure, built_structure, expected_structure, steady_state
from .targets import Targets

__all__ = [
    "AGE_SLACK",
    "CHECK_HOMES",
    "MAX_HOMES",
    "MAX_ROUNDS",
    "TOLERANCE",
    "Fit",
    "check_seeds",
    "fit_neighbourhood",
    "fixed_values",
    "solve",
]

TOLERANCE = 0.02
"""How close the model's 65+ share and share living alone must come to the targets (2 points)."""
AGE_SLACK = 0.01
"""How far the 65+ share may give way (1 point) to bring the 75+ share nearer its target."""
CHECK_HOMES = 3000
"""About this many homes are built, over as many seeds as needed, to check the search."""
MAX_CHECK_SEEDS = 10
"""At most this many seeds are built for the check."""
MAX_ROUNDS = 3
"""Rounds of search and check at most."""
MAX_HOMES = 2000
"""Homes modelled at most unless the user asks for more (the run time grows with them)."""
SEARCHED = ("age_65", "alone")
"""The shares the search must bring within :data:`TOLERANCE`."""
_SPECS = parameter_specs()
ODDS_RANGE = (_SPECS["partner_odds"].lower, _SPECS["partner_odds"].upper)
"""The range searched for ``partner_odds``: its declared bounds."""


@dataclass(frozen=True)
class Fit:
    """The found parameter values and the model neighbourhood they make.

    Attributes:
        values: The scenario's values: ``residents``, ``share_older``, ``share_family``,
            ``share_migrant`` and ``partner_odds`` (others keep their defaults).
        expected: The steady state's make-up with these values.
        built: The make-up of the neighbourhoods built to week 0, or None if not built.
        reachable: For ``"age_65"`` and ``"alone"``: whether the target lies within the
            parameter's range (else the value is at its bound, as close as the model gets).
        rounds: Rounds of search and check used.
    """

    values: dict[str, Any]
    expected: Structure
    built: Structure | None
    reachable: dict[str, bool] = field(default_factory=dict)
    rounds: int = 1

    def within(self, targets: Targets, tolerance: float = TOLERANCE) -> dict[str, bool]:
        """Whether the 65+, 75+ and 80+ shares and living alone are within ``tolerance``.

        Both in the steady state and (if built) in the built neighbourhoods.
        """
        result = {}
        for name in ("age_65", "age_75", "age_80", "alone"):
            wanted = getattr(targets, name)
            shares = [getattr(s, name) for s in (self.expected, self.built) if s is not None]
            result[name] = all(abs(share - wanted) <= tolerance for share in shares)
        return result


def fixed_values(targets: Targets, homes: int | None = None) -> dict[str, Any]:
    """The values read straight from the figures: homes, families and migrants.

    Args:
        targets: The region's targets.
        homes: Homes to model; default: the region's households, at most :data:`MAX_HOMES`.

    Returns:
        ``residents``, ``share_family`` (at most what the other groups leave) and
        ``share_migrant``.
    """
    lower, upper = _SPECS["residents"].lower, _SPECS["residents"].upper
    wanted = homes if homes is not None else min(targets.households, MAX_HOMES)
    migrant = _SPECS["share_migrant"].default
    if targets.origin_abroad is not None:
        migrant = min(migrant, targets.origin_abroad)
    room = 1.0 - migrant - _SPECS["share_lvb"].default - _SPECS["share_psych"].default
    return {  # the groups may not add up to more than all homes
        "residents": int(min(max(wanted, lower), upper)),
        "share_family": round(min(targets.family, room), 4),
        "share_migrant": round(migrant, 4),
    }


def _root(function: Any, lower: float, upper: float) -> tuple[float, bool]:
    """Where an increasing or decreasing ``function`` crosses zero, or the nearer bound."""
    low, high = function(lower), function(upper)
    if low == 0 or high == 0:
        return (lower if low == 0 else upper), True
    if (low > 0) == (high > 0):  # no crossing: the bound whose value is nearer to zero
        return (lower if abs(low) < abs(high) else upper), False
    return brentq(function, lower, upper, xtol=1e-9), True


def solve(
    base: Parameters,
    age_65: float,
    alone: float,
    age_75: float | None = None,
    slack: float = AGE_SLACK,
) -> tuple[float, float, dict[str, bool]]:
    """Find ``share_older`` and ``partner_odds`` whose steady state has these shares.

    ``share_older`` sets the 65+ share; with a 75+ target it may move the 65+ share by up to
    ``slack`` to bring the 75+ share nearer (one parameter cannot set both ages).

    Args:
        base: Parameters with every other value already set (group shares, turnover, ...).
        age_65: The wanted share of adults aged 65+.
        alone: The wanted share of homes whose resident lives alone.
        age_75: The wanted share of adults aged 75+, or None to match the 65+ share exactly.
        slack: How far the 65+ share may give way to the 75+ share.

    Returns:
        ``share_older``, ``partner_odds`` and, for ``"age_65"`` and ``"alone"``, whether the
        target was within reach.
    """
    search = _Search(base)
    older, odds = min(base.share_older, search.older_max), base.partner_odds
    reached = {"age_65": True, "alone": True}
    for _ in range(50):
        new_older, reached["age_65"] = search.older_for("age_65", age_65, odds)
        if age_75 is not None and slack > 0 and reached["age_65"]:
            low = search.older_for("age_65", age_65 - slack, odds)[0]
            high = search.older_for("age_65", age_65 + slack, odds)[0]
            new_older = min(max(search.older_for("age_75", age_75, odds)[0], low), high)
        new_odds, reached["alone"] = search.odds_for(alone, new_older)
        settled = abs(new_older - older) < 1e-7 and abs(new_odds - odds) < 1e-7 * (1 + odds)
        older, odds = new_older, new_odds
        if settled:
            break
    return older, odds, reached


class _Search:
    """The steady state's shares as functions of ``share_older`` and ``partner_odds``."""

    def __init__(self, base: Parameters) -> None:
        self.base = base
        self.state = steady_state(base)
        others = base.share_family + base.share_lvb + base.share_psych + base.share_migrant
        self.older_max = max(0.0, 1.0 - others)

    def share(self, name: str, older: float, odds: float) -> float:
        """The steady state's share ``name`` (``"age_65"``, ``"alone"``, ...)."""
        shares = group_shares(self.base.model_copy(update={"share_older": older}))
        return getattr(self.state.structure(shares, odds), name)

    def older_for(self, name: str, wanted: float, odds: float) -> tuple[float, bool]:
        """The ``share_older`` that gives share ``name`` the value ``wanted``."""
        return _root(lambda older: self.share(name, older, odds) - wanted, 0.0, self.older_max)

    def odds_for(self, alone: float, older: float) -> tuple[float, bool]:
        """The ``partner_odds`` that gives this share of homes living alone."""
        return _root(lambda odds: self.share("alone", older, odds) - alone, *ODDS_RANGE)


def check_seeds(homes: int, check_homes: int = CHECK_HOMES) -> tuple[int, ...]:
    """The seeds built to check the search: enough for about ``check_homes`` homes."""
    return tuple(range(min(MAX_CHECK_SEEDS, max(1, math.ceil(check_homes / homes)))))


def fit_neighbourhood(
    targets: Targets,
    *,
    homes: int | None = None,
    overrides: Mapping[str, Any] | None = None,
    build: bool = True,
    check_homes: int = CHECK_HOMES,
) -> Fit:
    """Find the scenario's values for a region and check them on built neighbourhoods.

    Args:
        targets: The region's targets.
        homes: Homes to model (default: its households, at most :data:`MAX_HOMES`).
        overrides: Other parameter values the scenario will have (e.g. ``turnover_per_year``);
            the search holds for them.
        build: Whether to build neighbourhoods through their spin-up to check (and correct)
            the search; without it only the steady state is used.
        check_homes: About how many homes to build for the check.

    Returns:
        The values, the steady state's and the built neighbourhoods' make-up.
    """
    values = {**dict(overrides or {}), **fixed_values(targets, homes)}
    aim = {"age_65": targets.age_65, "age_75": targets.age_75, "alone": targets.alone}
    seeds = check_seeds(values["residents"], check_homes)
    built = None
    rounds = 0
    while rounds < MAX_ROUNDS:
        rounds += 1
        base = make_parameters({**values, "share_older": 0.0, "partner_odds": 1.0})
        older, odds, reachable = solve(base, aim["age_65"], aim["alone"], aim["age_75"])
        values.update(share_older=round(older, 4), partner_odds=round(odds, 4))
        params = make_parameters(values)
        expected = expected_structure(params)
        if not build:
            break
        built = built_structure(params, seeds)
        if not all(reachable.values()) or all(
            abs(getattr(built, name) - getattr(targets, name)) <= TOLERANCE
            for name in SEARCHED
        ):
            break
        for name in aim:  # the built neighbourhoods differ from the steady state: aim past it
            aim[name] = getattr(targets, name) - (getattr(built, name) - getattr(expected, name))
    return Fit(values=values, expected=expected, built=built, reachable=reachable, rounds=rounds)
