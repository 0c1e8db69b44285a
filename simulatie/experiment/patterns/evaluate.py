"""Run a field pattern's four arms and judge it: does it show, and does its counter remove it?

A pattern runs four design points on the same seeds (common random numbers): arm a and arm b,
each under the default assumptions and under the counter-assumption. Runs go to a process pool
(:func:`simulatie.experiment.processes.map_counted`, so Ctrl+C stops them). :func:`evaluate`
returns a
:class:`PatternOutcome`; :func:`outcome_row` turns it into one tidy row for tables and files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from simulatie.experiment.processes import map_counted

from .catalogue import PATTERNS, Pattern
from .measures import run_measures
from .statistics import Equivalence, PairedResult, compare, equivalence

__all__ = [
    "SEED0", "PatternError", "PatternOutcome", "evaluate", "from_runs", "judge", "outcome_row",
    "plan", "runs_table",
]

SEED0 = 1000
"""Seed of the first replication; replication ``i`` uses ``SEED0 + i`` in every arm."""

POINTS = ("a", "b", "a_counter", "b_counter")


class PatternError(ValueError):
    """A pattern that does not exist, or too few replications to compare."""


@dataclass(frozen=True)
class PatternOutcome:
    """A pattern's comparison under the default and the counter-assumption, and the verdicts."""

    key: str
    pattern: Pattern
    result: PairedResult
    counter: PairedResult
    shows: bool
    reason: str
    equivalence: Equivalence

    @property
    def counter_removes(self) -> bool:
        """Whether under the counter-assumption the arms are equivalent within the margin."""
        return self.equivalence.holds


def plan(
    key: str, replications: int | None = None, seed0: int = SEED0,
    overrides: Mapping[str, Any] | None = None, counter: bool = True,
) -> list[tuple[dict[str, Any], int, int, tuple[str, ...]]]:
    """The runs of one pattern, point by point (a, b, then the counter's a and b).

    Args:
        key: The pattern (``"1"`` to ``"11"``, ``"9b"``).
        replications: Per arm (default: the pattern's).
        seed0: Seed of the first replication.
        overrides: The context of every run (e.g. an ensemble member's assumptions); what the
            pattern itself sets (its base, arms and counter-assumption) wins over them.
        counter: Also run the counter-assumption.

    Raises:
        PatternError: For an unknown pattern or fewer than two replications.
    """
    if key not in PATTERNS:
        raise PatternError(f"there is no pattern {key!r}; choose one of {', '.join(PATTERNS)}")
    pattern = PATTERNS[key]
    overrides = dict(overrides or {})
    reps = pattern.replications if replications is None else replications
    if reps < 2:
        raise PatternError(f"replications must be at least 2, got {reps}")
    points = [(pattern.a, False), (pattern.b, False)]
    if counter:
        points += [(pattern.a, True), (pattern.b, True)]
    tasks = []
    for arm, countered in points:
        params = {**overrides, **pattern.params(arm, countered)}
        tasks += [(params, seed0 + i, pattern.weeks, (pattern.measure,)) for i in range(reps)]
    return tasks


def judge(key: str, values: list[float], counter: bool = True) -> PatternOutcome:
    """Judge a pattern from its runs' values, in the order of :func:`plan`."""
    pattern = PATTERNS[key]
    points = len(POINTS) if counter else 2
    reps = len(values) // points
    by_point = {p: values[i * reps:(i + 1) * reps] for i, p in enumerate(POINTS[:points])}
    named = {pattern.a.label: by_point["a"], pattern.b.label: by_point["b"]}
    result = compare(named, pattern.a.label, pattern.b.label)
    if counter:
        a_label = f"{pattern.a.label} | {pattern.counter_label}"
        b_label = f"{pattern.b.label} | {pattern.counter_label}"
        countered = compare({a_label: by_point["a_counter"], b_label: by_point["b_counter"]},
                            a_label, b_label)
        equal = equivalence(countered, pattern.counter_margin(countered))
    else:
        countered, equal = result, Equivalence(0.0, float("nan"))
    shows, reason = pattern.shows(result)
    return PatternOutcome(key, pattern, result, countered, shows, reason, equal)


def evaluate(
    keys: Iterable[str],
    replications: int | None = None,
    seed0: int = SEED0,
    overrides: Mapping[str, Any] | None = None,
    counter: bool = True,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[PatternOutcome]:
    """Run and judge patterns (all their runs share one pool).

    Args:
        keys: Patterns to run.
        replications: Per arm (default: each pattern's).
        seed0: Seed of the first replication.
        overrides: Settings for every run (see :func:`plan`).
        counter: Also run and judge the counter-assumption.
        workers: Processes (default one per core; 1 runs in this process).
        progress: Called with the number of runs first, then with 1 after each run.

    Returns:
        One outcome per pattern, in the order given.
    """
    keys = list(keys)
    plans = [plan(k, replications, seed0, overrides, counter) for k in keys]
    tasks = [task for p in plans for task in p]
    results = map_counted(run_measures, tasks, workers, progress)
    outcomes, start = [], 0
    for key, runs in zip(keys, plans, strict=True):
        measure = PATTERNS[key].measure
        values = [r[measure] for r in results[start:start + len(runs)]]
        outcomes.append(judge(key, values, counter))
        start += len(runs)
    return outcomes


def outcome_row(outcome: PatternOutcome) -> dict[str, Any]:
    """One tidy row: arm means, the paired difference and its interval, and both verdicts."""
    result, counter = outcome.result, outcome.counter
    low, high = result.interval()
    return {
        "pattern": outcome.key, "measure": outcome.pattern.measure,
        "weeks": outcome.pattern.weeks, "replications": len(result.a.values),
        "mean_a": result.a.mean, "mean_b": result.b.mean, "difference": result.diff,
        "ci_low": low, "ci_high": high, "shows": outcome.shows,
        "counter_mean_a": counter.a.mean, "counter_mean_b": counter.b.mean,
        "counter_difference": counter.diff, "margin": outcome.equivalence.margin,
        "tost_p": outcome.equivalence.p_value, "counter_removes": outcome.counter_removes,
    }


def runs_table(outcomes: Iterable[PatternOutcome]) -> list[dict[str, Any]]:
    """Every run's value: one row per pattern, design point and replication (tidy)."""
    rows = []
    for outcome in outcomes:
        stats = {"a": outcome.result.a, "b": outcome.result.b}
        if outcome.counter is not outcome.result:
            stats |= {"a_counter": outcome.counter.a, "b_counter": outcome.counter.b}
        for point, arm in stats.items():
            rows += [{"pattern": outcome.key, "point": point, "replication": i, "value": float(v)}
                     for i, v in enumerate(arm.values)]
    return rows


def from_runs(rows: Iterable[Mapping[str, Any]]) -> list[PatternOutcome]:
    """Judge patterns again from a :func:`runs_table` (e.g. read back from ``runs.csv``)."""
    values: dict[str, dict[str, list[tuple[int, float]]]] = {}
    for row in rows:
        values.setdefault(str(row["pattern"]), {}).setdefault(str(row["point"]), []).append(
            (int(row["replication"]), float(row["value"])))
    outcomes = []
    for key, points in values.items():
        counter = "a_counter" in points
        ordered = [v for p in POINTS[:4 if counter else 2] for _, v in sorted(points[p])]
        outcomes.append(judge(key, ordered, counter))
    return outcomes
