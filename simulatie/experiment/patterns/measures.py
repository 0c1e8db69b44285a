"""Measures of the field patterns: one number per finished simulation.

Each measure reads a :class:`simulatie.core.run.simulation.Simulation` after its last week: a weekly
metric in the last week or averaged over a window, or something only the agents know (when
volunteers joined and left, which ties are new, which cross groups). A pattern names its measure
by key in :data:`MEASURES`, or as ``"mean:<metric>:<from>:<to>"``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from simulatie.core.calendar import WEEKS_PER_YEAR
from simulatie.core.parameters import make_parameters
from simulatie.core.run.simulation import Simulation
from simulatie.core.state.ties import TieStage

__all__ = ["EARLY_WEEKS", "MEASURES", "RECORDED", "measure_fn", "run_measures"]

RECORDED = ("share_with_caring_tie", "caring_ties", "friendly_ties", "care_hours_needed",
            "care_hours_unmet", "first_time_attendees_isolated", "active_initiators")
"""Weekly metrics every pattern run records (the measures read them)."""

EARLY_WEEKS = 9
""""Two months later hardly any are left" (seed 003, case 2): a volunteer counts as gone early
when they quit within nine weeks of signing up."""


def _mean_over(column: str, start: int, stop: int | None = None) -> Callable[[Simulation], float]:
    """Mean of a weekly metric over weeks ``start..stop`` (inclusive; ``None`` = last week)."""

    def measure(sim: Simulation) -> float:
        ts = sim.timeseries()
        stop_ = ts["week"].iloc[-1] if stop is None else stop
        window = ts[(ts["week"] >= start) & (ts["week"] <= stop_)]
        return float(window[column].mean())

    measure.__doc__ = f"Mean of ``{column}`` over weeks {start}..{stop or 'end'}."
    return measure


def _final(column: str) -> Callable[[Simulation], float]:
    def measure(sim: Simulation) -> float:
        return float(sim.records[-1][column])

    measure.__doc__ = f"``{column}`` in the last week."
    return measure


def unmet_share(sim: Simulation) -> float:
    """Share of all care need over the run that stayed unmet."""
    ts = sim.timeseries()
    need = ts["care_hours_needed"].sum()
    return float(ts["care_hours_unmet"].sum() / need) if need > 0 else 0.0


def _volunteers(sim: Simulation) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """Join weeks of the volunteers still active, and (joined, left) of those who stopped."""
    pop = sim.model.population
    return pop.joined_week[pop.is_volunteer], sim.model.state.roles.volunteer_exits


def early_quit_share(sim: Simulation) -> float:
    """Share of volunteers who signed up during the run and were gone within nine weeks.

    Only volunteers who joined at least nine weeks before the end count (their fate is known).
    """
    last = sim.week
    active, exits = _volunteers(sim)
    joined = [j for j in active.tolist() if 0 < j <= last - EARLY_WEEKS]
    exits = [(j, q) for j, q in exits if 0 < j <= last - EARLY_WEEKS]
    total = len(joined) + len(exits)
    if total == 0:
        return 0.0
    return sum(1 for j, q in exits if q - j <= EARLY_WEEKS) / total


def volunteer_tenure(sim: Simulation) -> float:
    """Mean weeks volunteers who signed up in the first year stayed (censored at the end)."""
    last = sim.week
    active, exits = _volunteers(sim)
    stays = [q - j for j, q in exits if 0 < j <= WEEKS_PER_YEAR]
    stays += [last - j for j in active.tolist() if 0 < j <= WEEKS_PER_YEAR]
    return float(np.mean(stays)) if stays else math.nan


def initial_initiator_burnout(sim: Simulation) -> float:
    """Share of the starting initiators who burnt out (energy ran out doing the work)."""
    start = sim.params.initiators
    if start == 0:
        return 0.0
    exits = sim.model.state.roles.initiator_exits
    return sum(1 for started, _, why in exits if started == 0 and why == "burnout") / start


def first_timers_isolated(sim: Simulation) -> float:
    """First-time attendees per year who had fewer than two friendly ties when they first came."""
    ts = sim.timeseries()
    return float(ts["first_time_attendees_isolated"].sum() / (len(ts) - 1) * WEEKS_PER_YEAR)


def new_ties_between_strangers(sim: Simulation) -> float:
    """Friendly or caring ties at the end between residents who had no tie at all at week 0."""
    ties = sim.model.ties
    close = ties.stage >= TieStage.FRIENDLY
    new = ~np.isin(ties.key[close], sim.pattern_snapshot)
    arrived = sim.model.population.arrived_week
    moved = (arrived[ties.a[close]] > 0) | (arrived[ties.b[close]] > 0)
    return float((new & ~moved).sum())


def friendly_or_caring(sim: Simulation) -> float:
    """Friendly plus caring ties in the last week."""
    row = sim.records[-1]
    return float(row["friendly_ties"] + row["caring_ties"])


def bridging_ties(sim: Simulation) -> float:
    """Friendly or caring ties in the last week between residents of different groups."""
    ties = sim.model.ties
    close = ties.stage >= TieStage.FRIENDLY
    group = sim.model.population.group
    return float((group[ties.a[close]] != group[ties.b[close]]).sum())


MEASURES: dict[str, Callable[[Simulation], float]] = {
    "share_with_caring_tie": _final("share_with_caring_tie"),
    "caring_ties": _final("caring_ties"),
    "friendly_or_caring": friendly_or_caring,
    "bridging_ties": bridging_ties,
    "active_initiators": _final("active_initiators"),
    "unmet_share": unmet_share,
    "early_quit_share": early_quit_share,
    "volunteer_tenure": volunteer_tenure,
    "initial_initiator_burnout": initial_initiator_burnout,
    "first_timers_isolated": first_timers_isolated,
    "new_ties_between_strangers": new_ties_between_strangers,
}


def measure_fn(name: str) -> Callable[[Simulation], float]:
    """Look up a measure by name; ``"mean:<metric>:<from>:<to>"`` averages a weekly metric.

    Raises:
        KeyError: For an unknown measure.
    """
    if name.startswith("mean:"):
        _, column, start, stop = name.split(":")
        return _mean_over(column, int(start), int(stop) if stop else None)
    return MEASURES[name]


def run_measures(task: tuple[dict[str, Any], int, int, tuple[str, ...]]) -> dict[str, float]:
    """Run one simulation and return the named measures (module level, for a process pool).

    Args:
        task: ``(overrides, seed, weeks, measures)``.
    """
    overrides, seed, steps, measures = task
    sim = Simulation(make_parameters(overrides), seed, metrics=RECORDED, baseline=False)
    sim.pattern_snapshot = sim.model.ties.key.copy()
    sim.step(steps)
    return {name: measure_fn(name)(sim) for name in measures}
