"""Arms, measures and paired statistics for the pattern tests (pattern-oriented modelling).

Each of the eleven field patterns of ``model.md`` is a :class:`Pattern`: two arms (parameter
overrides on a small base neighbourhood) whose difference in one measure must show the pattern,
and a counter-assumption (extra overrides applied to *both* arms) under which the pattern should
disappear or reverse. Both arms run on the same seeds, so the model's named random streams give
common random numbers and the statistics are on paired differences.

``tests/test_patterns.py`` asserts on these definitions; ``docs/figures/make_pattern_figures.py``
draws them. Runs are spread over the machine's cores with a process pool.
"""

from __future__ import annotations

import atexit
import math
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from simulatie import make_parameters
from simulatie.core.simulation import Simulation
from simulatie.core.ties import TieStage

__all__ = [
    "MEASURES",
    "PATTERNS",
    "Arm",
    "ArmStats",
    "PairedResult",
    "Pattern",
    "compare",
    "run_pattern",
]

BASE: dict[str, Any] = {"residents": 150}  # a small neighbourhood keeps the suite fast
REPS = 12  # replications per arm (same seeds in both arms)
SEED0 = 1000  # first seed; replication i uses SEED0 + i


# --- measures: one number per run, computed from the finished simulation -------------------------
RECORDED = ("share_with_caring_tie", "caring_ties", "friendly_ties", "care_hours_needed",
            "care_hours_unmet", "first_time_attendees_isolated", "active_initiators")
"""Weekly metrics every pattern run records (the measures below read them)."""


def _ts(sim: Simulation) -> pd.DataFrame:
    return sim.timeseries()


def _mean_over(column: str, start: int, stop: int | None = None) -> Callable:
    """Mean of a weekly metric over weeks ``start..stop`` (inclusive; ``None`` = last week)."""

    def measure(sim: Simulation) -> float:
        ts = _ts(sim)
        stop_ = ts["week"].iloc[-1] if stop is None else stop
        window = ts[(ts["week"] >= start) & (ts["week"] <= stop_)]
        return float(window[column].mean())

    measure.__doc__ = f"Mean of ``{column}`` over weeks {start}..{stop or 'end'}."
    return measure


def _final(column: str) -> Callable:
    def measure(sim: Simulation) -> float:
        return float(sim.records[-1][column])

    measure.__doc__ = f"``{column}`` in the last week."
    return measure


def unmet_share(sim: Simulation) -> float:
    """Share of all care need over the run that stayed unmet."""
    ts = _ts(sim)
    need = ts["care_hours_needed"].sum()
    return float(ts["care_hours_unmet"].sum() / need) if need > 0 else 0.0


def _volunteers(sim: Simulation) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """Join weeks of the volunteers still active, and (joined, left) of those who stopped."""
    pop = sim.model.population
    return pop.joined_week[pop.is_volunteer], sim.model.state.roles.volunteer_exits


def early_quit_share(sim: Simulation) -> float:
    """Share of volunteers who signed up during the run and were gone within 9 weeks.

    Only volunteers who joined at least 9 weeks before the end count (their fate is known).
    """
    last = sim.week
    active, exits = _volunteers(sim)
    joined = [j for j in active.tolist() if 0 < j <= last - 9]
    exits = [(j, q) for j, q in exits if 0 < j <= last - 9]
    total = len(joined) + len(exits)
    if total == 0:
        return 0.0
    return sum(1 for j, q in exits if q - j <= 9) / total


def volunteer_tenure(sim: Simulation) -> float:
    """Mean weeks volunteers who signed up in the first year stayed (censored at the end)."""
    last = sim.week
    active, exits = _volunteers(sim)
    stays = [q - j for j, q in exits if 0 < j <= 52]
    stays += [last - j for j in active.tolist() if 0 < j <= 52]
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
    ts = _ts(sim)
    return float(ts["first_time_attendees_isolated"].sum() / (len(ts) - 1) * 52)


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
    """Look up a measure by name; ``"mean:<metric>:<from>:<to>"`` averages a weekly metric."""
    if name.startswith("mean:"):
        _, column, start, stop = name.split(":")
        return _mean_over(column, int(start), int(stop) if stop else None)
    return MEASURES[name]


def _run_one(task: tuple[dict[str, Any], int, int, tuple[str, ...]]) -> dict[str, float]:
    """Run one simulation and return the named measures (module level, for a process pool)."""
    overrides, seed, steps, measures = task
    sim = Simulation(make_parameters(overrides), seed, metrics=RECORDED, baseline=False)
    sim.pattern_snapshot = sim.model.ties.key.copy()
    sim.step(steps)
    return {name: measure_fn(name)(sim) for name in measures}


# --- patterns ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Arm:
    """One arm of a comparison: a label and parameter overrides on the pattern's base."""

    label: str
    overrides: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Pattern:
    """A field pattern, its two arms, the measure, and its counter-assumption.

    Attributes:
        number: Pattern number in ``model.md``.
        title: Short statement of the pattern.
        measure: Name in :data:`MEASURES`.
        a: The arm expected to be *lower* in the measure.
        b: The arm expected to be *higher*.
        steps: Weeks per run.
        counter: Overrides applied to both arms under which the pattern should fail.
        counter_label: The counter-assumption in words.
        base: Overrides shared by all arms (on top of :data:`BASE`).
        mechanism: One sentence on the mechanism that produces the pattern.
        min_ratio: The effect must also be meaningful: ``mean_b >= min_ratio * mean_a``
            (for measures where a ratio makes sense; ``None`` to skip).
        reps: Replications per arm (more for yes/no outcomes and small effects).
    """

    number: int
    title: str
    measure: str
    a: Arm
    b: Arm
    steps: int
    counter: dict[str, Any]
    counter_label: str
    base: dict[str, Any] = field(default_factory=dict)
    mechanism: str = ""
    min_ratio: float | None = None
    reps: int = REPS

    def params(self, arm: Arm, countered: bool = False) -> dict[str, Any]:
        """The full overrides of one arm, optionally under the counter-assumption."""
        values = {**BASE, **self.base, **arm.overrides}
        if countered:
            values.update(self.counter)
        return values


@dataclass(frozen=True)
class ArmStats:
    """Mean and standard error of one arm over replications."""

    label: str
    values: np.ndarray

    @property
    def mean(self) -> float:
        """Mean over replications."""
        return float(np.mean(self.values))

    @property
    def se(self) -> float:
        """Standard error of the mean."""
        return float(np.std(self.values, ddof=1) / math.sqrt(len(self.values)))


@dataclass(frozen=True)
class PairedResult:
    """Arm a and arm b on the same seeds, and their paired difference ``b - a``."""

    a: ArmStats
    b: ArmStats

    @property
    def diff(self) -> float:
        """Mean paired difference, b minus a."""
        return float(np.mean(self.b.values - self.a.values))

    @property
    def se(self) -> float:
        """Standard error of the paired difference."""
        d = self.b.values - self.a.values
        return float(np.std(d, ddof=1) / math.sqrt(len(d)))

    @property
    def z(self) -> float:
        """Difference in standard errors (inf when the difference never varies)."""
        if self.se == 0:
            return 0.0 if self.diff == 0 else math.copysign(math.inf, self.diff)
        return self.diff / self.se

    def describe(self) -> str:
        """One line for assertion messages and reports."""
        return (f"{self.a.label}: {self.a.mean:.3g} ± {self.a.se:.2g}; "
                f"{self.b.label}: {self.b.mean:.3g} ± {self.b.se:.2g}; "
                f"b - a = {self.diff:.3g} ± {self.se:.2g} (z = {self.z:.1f})")


def compare(values: dict[str, list[float]], a: str, b: str) -> PairedResult:
    """Paired statistics of two arms' values (same seeds, same order)."""
    return PairedResult(ArmStats(a, np.asarray(values[a])), ArmStats(b, np.asarray(values[b])))


def _workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


_POOL: ProcessPoolExecutor | None = None


def _pool() -> ProcessPoolExecutor:
    """One pool of spawned workers for the whole session (forking a threaded pytest can hang)."""
    global _POOL
    if _POOL is None:
        _POOL = ProcessPoolExecutor(_workers(), mp_context=multiprocessing.get_context("spawn"))
        atexit.register(_POOL.shutdown)
    return _POOL


def run_arms(
    arms: dict[str, dict[str, Any]], steps: int, measures: tuple[str, ...],
    reps: int = REPS, seed0: int = SEED0,
) -> dict[str, dict[str, list[float]]]:
    """Run every arm on the same ``reps`` seeds; return ``{measure: {arm: [value per seed]}}``."""
    tasks = [(params, seed0 + i, steps, measures) for params in arms.values() for i in range(reps)]
    results = list(_pool().map(_run_one, tasks, chunksize=2))
    out: dict[str, dict[str, list[float]]] = {m: {} for m in measures}
    for k, label in enumerate(arms):
        for m in measures:
            out[m][label] = [r[m] for r in results[k * reps : (k + 1) * reps]]
    return out


def verdict(pattern: Pattern, result: PairedResult, z: float = 2.0) -> tuple[bool, str]:
    """Whether a comparison shows the pattern: b above a by more than ``z`` SE, and enough.

    "Enough" means ``mean_b >= min_ratio * mean_a`` when the pattern sets a ``min_ratio``. The
    counter-tests assert the negation of exactly this.

    Returns:
        ``(holds, reason)``; the reason names the numbers, for assertion messages and the docs.
    """
    if not result.z > z:
        return False, f"b - a is not more than {z:g} standard errors: {result.describe()}"
    if pattern.min_ratio is not None and result.b.mean < pattern.min_ratio * result.a.mean:
        return False, (f"the difference is too small to matter (want b >= {pattern.min_ratio:g}"
                       f" a): {result.describe()}")
    return True, f"direction and size as the pattern says: {result.describe()}"


def run_pattern(
    pattern: Pattern, reps: int | None = None, seed0: int = SEED0
) -> tuple[PairedResult, PairedResult]:
    """Run a pattern's two arms with and without its counter-assumption.

    Returns:
        ``(pattern_result, counter_result)``, each the paired comparison of ``b`` against ``a``.
    """
    arms = {
        "a": pattern.params(pattern.a), "b": pattern.params(pattern.b),
        "a_counter": pattern.params(pattern.a, True), "b_counter": pattern.params(pattern.b, True),
    }
    reps = pattern.reps if reps is None else reps
    values = run_arms(arms, pattern.steps, (pattern.measure,), reps, seed0)[pattern.measure]
    values = {
        pattern.a.label: values["a"], pattern.b.label: values["b"],
        f"{pattern.a.label} | {pattern.counter_label}": values["a_counter"],
        f"{pattern.b.label} | {pattern.counter_label}": values["b_counter"],
    }
    names = list(values)
    return compare(values, names[0], names[1]), compare(values, names[2], names[3])


PATTERNS: dict[int, Pattern] = {}  # filled below, one entry per pattern of model.md


def _add(pattern: Pattern, suffix: str = "") -> None:
    PATTERNS[f"{pattern.number}{suffix}"] = pattern


_NOTHING = {"initiators": 0, "meeting_places": 0, "professionals": 0}
_PILOT = {"funding": "pilot", "pilot_weeks": 78, "professionals": 2, "professional_hours": 24.0}
_HIGH_LOAD = {"need_scale": 2.5, "helper_capacity_hours": 1.5, "formal_care_hours": 0.0}
_ONLY = {"share_older": 0.0, "share_family": 0.0, "share_lvb": 0.0, "share_psych": 0.0}
_MIXED = {**_ONLY, "share_migrant": 0.5}  # half adults, half newcomers/migrants
_HOMOGENEOUS = {**_ONLY, "share_migrant": 0.0}  # adults only
_NO_BRIDGING = {"bridging_effort": 0.0, "professionals": 0}

_add(Pattern(
    1, "Without initiators, meeting places or support, caring ties stay rare",
    "share_with_caring_tie",
    a=Arm("no initiators, places or support", _NOTHING), b=Arm("default neighbourhood"),
    steps=104, min_ratio=1.2,
    counter={"neighbour_contacts_per_week": 8.0, "ask_threshold": 0.2},
    counter_label="neighbours meet often and dare to ask (8 contacts/week, ask threshold 0.2)",
    mechanism="Activities at meeting places are the main source of new repeated contact; "
    "without them ties rest on doorstep chats that rarely add up to a friendly tie, and help "
    "is only asked over friendly ties.",
))
_add(Pattern(
    4, "One kartrekker alone burns out far more often than two",
    "initial_initiator_burnout",
    a=Arm("two initiators", {"initiators": 2}), b=Arm("one initiator", {"initiators": 1}),
    base={"professionals": 0}, steps=104, min_ratio=2.0, reps=20,
    counter={"professionals": 1},
    counter_label="a professional supports the initiators (default 16 h/week, participative)",
    mechanism="An initiator's weekly drain is divided over the organisers while a co-organiser "
    "adds recovery; alone, the drain exceeds recovery unless professional support makes up "
    "the difference.",
))
_add(Pattern(
    6, "A one-off event leaves few lasting ties; recurring meetings do",
    "friendly_or_caring",
    a=Arm("one-off events", {"one_off_events": True}), b=Arm("weekly recurring activities"),
    steps=104, min_ratio=1.1,
    counter={"activity_interval_weeks": 26},
    counter_label="recurring activities meet only twice a year (every 26 weeks)",
    mechanism="A tie becomes friendly only after many shared hours and fresh ties fade fast, "
    "so only repeated contact with the same people crosses the threshold.",
))
_add(Pattern(
    8, "An open door draws few newcomers; active, purposeful invitation draws more",
    "first_timers_isolated",
    a=Arm("open door, cosy", {"invitation_effort": 0.0, "purposeful_share": 0.0}),
    b=Arm("personal purposeful invitation", {"invitation_effort": 1.0, "purposeful_share": 1.0}),
    steps=78, min_ratio=2.0,
    counter={"purposeful_share": 0.0},
    counter_label="organisers invite only people they already know (all activities cosy)",
    mechanism="An open door draws the sociable and already-connected; personal invitations to "
    "anyone nearby, with something to do, reach residents with few ties.",
))
_add(Pattern(
    9, "A mixed group without bridging forms fewer ties than a homogeneous group",
    "friendly_or_caring",
    a=Arm("mixed (half migrants), no bridging", _MIXED), b=Arm("homogeneous", _HOMOGENEOUS),
    base=_NO_BRIDGING, steps=104, min_ratio=1.2,
    counter={"homophily": 0.0},
    counter_label="no homophily (contacts across groups bond as fast)",
    mechanism="A contact across groups adds fewer shared hours (homophily) unless someone "
    "bridges, so in a mixed group fewer pairs reach the friendly threshold.",
))
_add(Pattern(
    2, "Much professional takeover crowds out ownership; when professionals leave, less remains",
    "mean:share_with_caring_tie:90:156",
    a=Arm("takeover 0.9", {"takeover": 0.9}), b=Arm("takeover 0.1 (facilitating)",
                                                     {"takeover": 0.1}),
    base=_PILOT, steps=156, min_ratio=1.15,
    counter={"professional_hours": 1.5},
    counter_label="professionals have only 1.5 h/week each (too little to take anything over)",
    mechanism="Professionals who do the work take over resident-run activities (the organisers "
    "step back) and meet needs before neighbours are asked; when the pilot ends their "
    "activities stop unless a resident takes one over, and fewer help requests ever ran over "
    "neighbours' ties.",
))
_add(Pattern(
    3, "Mass flyering with passive matching: most volunteers gone within about two months",
    "early_quit_share",
    a=Arm("personal asking, active matching", {"recruitment": "personal", "matching": "active"}),
    b=Arm("mass flyering, passive matching", {"recruitment": "flyer", "matching": "passive"}),
    steps=104, min_ratio=5.0,
    counter={"need_scale": 3.0, "ask_threshold": 0.0},
    counter_label="so much need, and nobody hesitates to ask, that even passive matching keeps "
    "every volunteer busy (need x3, ask threshold 0)",
    mechanism="Flyered volunteers sign up with low commitment for narrow tasks; with passive "
    "matching few requests reach them and fewer fit, and a volunteer who is not used loses "
    "motivation every week until they quit.",
))
_add(Pattern(
    5, "Where load exceeds capacity, building the network first helps",
    "unmet_share",
    a=Arm("network built: 4 initiators, 2 places, facilitating worker",
          {"initiators": 4, "meeting_places": 2, "invitation_effort": 1.0,
           "purposeful_share": 1.0, "professionals": 1, "takeover": 0.0}),
    b=Arm("no network building", {"initiators": 0, "meeting_places": 0, "professionals": 0}),
    base=_HIGH_LOAD, steps=104, min_ratio=1.05,
    counter={"helper_capacity_hours": 0.0},
    counter_label="residents have no time to give (helper capacity 0)",
    mechanism="Help is asked over friendly ties and given from residents' spare hours; "
    "activities create the ties and volunteers through which spare capacity reaches need, but "
    "there is nothing to reach when nobody has capacity.",
))
_add(Pattern(
    7, "Pilot funding that stops leads to decay; structural support sustains",
    "caring_ties",
    a=Arm("pilot of 52 weeks", {"funding": "pilot", "pilot_weeks": 52}),
    b=Arm("structural funding", {"funding": "structural"}),
    steps=156, min_ratio=1.15,
    counter={"takeover": 1.0, "guidance_style": "closed_authoritarian", "professionals": 2,
             "professional_hours": 40.0},
    counter_label="support is all takeover under a closed-authoritarian style (2 x 40 h)",
    mechanism="While funded, professionals support initiators, match help and invite people; "
    "when the pilot ends that stops and professional-run activities end, so ties that need "
    "repeated contact fade.",
))
_add(Pattern(
    10, "Reciprocity and appreciation keep volunteers longer than expecting selflessness",
    "volunteer_tenure",
    a=Arm("selflessness expected (appreciation 0)", {"appreciation": 0.0}),
    b=Arm("reciprocity and appreciation (1.0)", {"appreciation": 1.0}),
    steps=104, min_ratio=1.2,
    counter={"volunteer_selflessness": 1.0},
    counter_label="every volunteer is fully selfless (selflessness 1.0: they need nothing back)",
    mechanism="For the part of a volunteer's motives that wants something back, motivation grows "
    "more from a week of helping when they are thanked and helped back, and falls less in a week "
    "without requests; a fully selfless volunteer draws it all from helping itself.",
))
_add(Pattern(
    11, "Cosy activities mostly bind the already-connected; purposeful activities reach others",
    "new_ties_between_strangers",
    a=Arm("cosy gatherings only", {"purposeful_share": 0.0}),
    b=Arm("purposeful activities only", {"purposeful_share": 1.0}),
    steps=104, min_ratio=1.15,
    counter={"homophily": 1.0, "bridging_effort": 0.0, "professionals": 0},
    counter_label="full homophily and nobody bridging, no professional either (contacts across "
    "groups add nothing)",
    mechanism="At cosy gatherings people talk to whom they already know; tasks and roles put "
    "people in teams whoever they are, so pairs who were strangers reach the friendly "
    "threshold.",
))
_add(Pattern(
    9, "Bridging changes that: a mixed group with bridging forms more ties across groups",
    "bridging_ties",
    a=Arm("mixed, no bridging", _MIXED), b=Arm("mixed, full bridging effort",
                                               {**_MIXED, "bridging_effort": 1.0}),
    base={**_NO_BRIDGING, "residents": 200}, steps=104, min_ratio=1.5,
    counter={"homophily": 0.0},
    counter_label="no homophily (there is no gap to bridge)",
    mechanism="Bridging effort closes the homophily gap in shared hours for contacts across "
    "groups at activities, and makes diverse groups survive storming; it does not reach the "
    "doorstep, so the total number of close ties hardly changes, only how many cross groups.",
), "b")
PATTERNS = dict(sorted(PATTERNS.items(), key=lambda kv: (kv[1].number, kv[0])))
