"""A fair comparison of two policies: both on the same seeds, replicated, and compared in pairs.

One run per policy is one draw of chance: on one seed a policy can look better than another that
is better on average. :func:`compare` runs policy A and policy B on the same replications, each
replication on its own seed derived from one master seed (:func:`~.seeds.run_seeds`, common random
numbers), so within a replication the two arms live in the same neighbourhood with the same
chance events and differ only in their settings. It summarises each measure by the mean of each
arm over the last year with its 95% interval, and by the paired difference B − A with its 95%
t-interval; the difference is *clear* when that interval excludes zero.

How it runs: through the one seam :func:`simulatie.experiment.run.run`, on local worker
processes (:func:`simulatie.experiment.processes.map_counted`), not through the sweep engine. A
comparison is small (two arms times ten replications, under a minute), it is written all at once
rather than resumed, and it needs the ``baseline_…`` columns that the sweep's workers do not keep.
One task runs *both* arms of a replication in one process, so they share the neighbourhood's
spin-up and its matched baseline (both computed once per process), and B costs a fraction of A.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from simulatie.core.calendar import WEEKS_PER_YEAR
from simulatie.core.observe.measures import BASELINE_PREFIX
from simulatie.core.parameters import MAX_RUN_WEEKS, Parameters
from simulatie.experiment.intervals import interval
from simulatie.experiment.processes import map_counted
from simulatie.experiment.seeds import run_seeds

if TYPE_CHECKING:
    from simulatie.experiment.scenarios import Scenario

__all__ = [
    "ARMS",
    "DEFAULT_REPLICATIONS",
    "DEFAULT_WEEKS",
    "EXTRA_SHARE",
    "HEADLINE",
    "LAST_YEAR",
    "MEASURES",
    "Arm",
    "Comparison",
    "band",
    "compare",
    "differing_levers_only",
    "last_year_means",
    "summarise",
]

ARMS = ("A", "B")
DEFAULT_REPLICATIONS = 10
DEFAULT_WEEKS = 520
LAST_YEAR = WEEKS_PER_YEAR
"""Weeks at the end of a run over which each replication's measures are averaged."""
METRICS_KEPT = ("share_with_caring_tie", "caring_ties", "lonely_share", "care_hours_unmet",
                "active_volunteers", "ownership")
"""The metrics recorded every week, in the order the summary lists them."""
EXTRA_SHARE = "extra_share_with_caring_tie"
"""The share with a caring tie minus its baseline arm's (same seed, nothing organised)."""
MEASURES = (*METRICS_KEPT, EXTRA_SHARE)
HEADLINE = "share_with_caring_tie"
"""The measure whose difference the comparison is mostly about."""
SHARES = frozenset({"share_with_caring_tie", "lonely_share", "ownership", EXTRA_SHARE})
"""Measures that are shares: summarised in percent, their differences in percentage points."""


@dataclass(frozen=True)
class Arm:
    """One side of a comparison: a policy's parameters and where they came from.

    Attributes:
        name: What the arm is called, e.g. ``"kerkweg:no_support"``.
        parameters: The validated parameters.
        overrides: The values set on top of the scenario (the command line's ``--set``).
        record: A JSON-friendly description (the scenario's metadata, without the parameters).
    """

    name: str
    parameters: Parameters
    overrides: Mapping[str, Any] = field(default_factory=dict)
    record: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, source: Arm | Scenario | Parameters, name: str) -> Arm:
        """An arm from a loaded scenario or a parameter set (named ``name`` then).

        Args:
            source: A scenario from :func:`~.scenarios.load_scenario`, parameters, or an arm.
            name: The name for bare parameters.

        Returns:
            The arm.
        """
        if isinstance(source, Arm):
            return source
        if isinstance(source, Parameters):
            return cls(name=name, parameters=source)
        record = source.metadata()
        record.pop("parameters", None)
        return cls(name=source.name, parameters=source.parameters,
                   overrides=dict(source.overrides), record=record)

    def values(self) -> dict[str, Any]:
        """The parameters as JSON values."""
        return self.parameters.model_dump(mode="json")


@dataclass(frozen=True)
class Comparison:
    """What :func:`compare` returns.

    Attributes:
        arms: Arm A and arm B.
        replications: Replications per arm.
        weeks: Weeks simulated after week 0.
        seed: The master seed.
        seeds: The seed of each replication (the same for both arms).
        weekly: One row per arm, replication and week: ``arm``, ``replication``, ``seed``,
            ``week``, the recorded metrics and the ``baseline_…`` columns of the arm's baseline.
        summary: One row per measure (see :func:`summarise`).
    """

    arms: tuple[Arm, Arm]
    replications: int
    weeks: int
    seed: int
    seeds: tuple[int, ...]
    weekly: pd.DataFrame
    summary: pd.DataFrame

    @property
    def last_year(self) -> tuple[int, int]:
        """The first and last week over which the summary averages."""
        return max(1, self.weeks - LAST_YEAR + 1), self.weeks

    def differing(self) -> dict[str, tuple[Any, Any]]:
        """The parameters whose values differ between A and B, as ``name: (a, b)``."""
        a, b = self.arms[0].values(), self.arms[1].values()
        return {name: (a[name], b[name]) for name in a if a[name] != b[name]}

    def headline(self) -> pd.Series:
        """The summary row of the headline measure (share with a caring tie)."""
        return self.summary.set_index("measure").loc[HEADLINE]

    def replications_needed(self) -> int | None:
        """Replications for the headline interval to become narrower than the difference.

        Returns:
            ``None`` when it already is (or the arms do not differ at all); otherwise an
            estimate from the interval's width shrinking with the square root of the
            replications, at least one more than now.
        """
        row = self.headline()
        width, size = row["difference_high"] - row["difference_low"], abs(row["difference"])
        if not math.isfinite(width) or width <= size or width == 0:
            return None
        if size == 0:
            return 10 * self.replications
        return max(self.replications + 1, math.ceil(self.replications * (width / size) ** 2))


@dataclass(frozen=True)
class _Pair:
    """One replication: both arms on one seed (shipped to a worker)."""

    a: Parameters
    b: Parameters
    seed: int
    weeks: int


def _run_pair(pair: _Pair) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Run both arms of one replication in this process, so they share spin-up and baseline."""
    from simulatie.experiment.run import run  # imports the model only where it runs
    from simulatie.experiment.worker import clear_neighbourhood_cache

    try:
        return tuple(run(p, seed=pair.seed, steps=pair.weeks, metrics=METRICS_KEPT).timeseries
                     for p in (pair.a, pair.b))
    finally:
        clear_neighbourhood_cache()


def compare(
    a: Arm | Scenario | Parameters,
    b: Arm | Scenario | Parameters,
    *,
    replications: int = DEFAULT_REPLICATIONS,
    weeks: int = DEFAULT_WEEKS,
    seed: int = 0,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Comparison:
    """Run A and B on the same seeds and compare them replication by replication.

    Args:
        a: Policy A: a loaded scenario, validated parameters or an :class:`Arm`.
        b: Policy B, likewise.
        replications: Replications per arm (at least 2: an interval needs two).
        weeks: Weeks to simulate after week 0 (520 is ten years).
        seed: The master seed every replication's seed derives from.
        workers: Processes (default one per core, at most one per replication; 1 runs here).
        progress: Called with the number of replications first, then with 1 after each.

    Returns:
        The weekly tables of every run and the summary per measure.

    Raises:
        ValueError: If ``replications`` is below 2, ``weeks`` out of range or ``seed`` negative.
    """
    if replications < 2:
        raise ValueError(f"replications must be at least 2 (an interval needs two), got "
                         f"{replications}")
    if not 1 <= weeks <= MAX_RUN_WEEKS:
        raise ValueError(f"weeks must be from 1 to {MAX_RUN_WEEKS}, got {weeks}")
    if seed < 0:
        raise ValueError(f"the seed must be 0 or more, got {seed}")
    arms = (Arm.of(a, ARMS[0]), Arm.of(b, ARMS[1]))
    seeds = tuple(int(s) for s in run_seeds(seed, 1, replications)[0])
    pairs = [_Pair(arms[0].parameters, arms[1].parameters, s, weeks) for s in seeds]
    tables = map_counted(_run_pair, pairs, workers, progress)
    weekly = _weekly(tables, seeds)
    return Comparison(arms=arms, replications=replications, weeks=weeks, seed=seed,
                      seeds=seeds, weekly=weekly, summary=summarise(weekly, weeks))


def _weekly(tables: list[tuple[pd.DataFrame, pd.DataFrame]], seeds: tuple[int, ...]
            ) -> pd.DataFrame:
    """All runs' weekly tables in one, with ``arm``, ``replication`` and ``seed`` in front."""
    parts = []
    for replication, (pair, seed) in enumerate(zip(tables, seeds, strict=True)):
        for arm, table in zip(ARMS, pair, strict=True):
            parts.append(table.assign(arm=arm, replication=replication, seed=seed))
    weekly = pd.concat(parts, ignore_index=True)
    front = ["arm", "replication", "seed", "week"]
    return weekly[front + [c for c in weekly.columns if c not in front]]


def last_year_means(weekly: pd.DataFrame, weeks: int) -> pd.DataFrame:
    """Each run's mean of every measure over the last year, one row per arm and replication.

    Args:
        weekly: The weekly table of :class:`Comparison`.
        weeks: The runs' length (the last year is its last 52 weeks, or all weeks after 0).

    Returns:
        Columns ``arm``, ``replication`` and one per measure (shares as fractions).
    """
    last = weekly[weekly["week"] >= max(1, weeks - LAST_YEAR + 1)]
    last = last.assign(**{EXTRA_SHARE: last[HEADLINE] - last[BASELINE_PREFIX + HEADLINE]})
    return last.groupby(["arm", "replication"], as_index=False)[list(MEASURES)].mean()


def _bounded(stats: dict[str, float], measure: str) -> dict[str, float]:
    """An arm's interval cut to the values the measure can take: 0 or more, shares at most 100%."""
    if measure == EXTRA_SHARE:  # a difference with the baseline: either sign
        return stats
    high = min(stats["ci_high"], 100.0) if measure in SHARES else stats["ci_high"]
    return {**stats, "ci_low": max(stats["ci_low"], 0.0), "ci_high": high}


def summarise(weekly: pd.DataFrame, weeks: int) -> pd.DataFrame:
    """Per measure: each arm's mean with its 95% interval, and the paired difference B − A.

    Shares (and the extra share) are in percent, their differences in percentage points. The
    intervals are Student's t over the replications; an arm's interval is cut to what the
    measure can take (no negative counts, no share above 100%), a difference of shares to
    what two shares can differ by (±100 percentage points); other differences are not cut.

    Args:
        weekly: The weekly table of :class:`Comparison`.
        weeks: The runs' length.

    Returns:
        One row per measure: ``measure``, ``share`` (whether it is a share), ``mean_a``,
        ``low_a``, ``high_a``, the same for ``b``, ``difference``, ``difference_low``,
        ``difference_high``, ``clear`` (the difference's interval excludes zero) and ``n``.
    """
    means = last_year_means(weekly, weeks)
    by_arm = {arm: means[means["arm"] == arm].set_index("replication") for arm in ARMS}
    rows = []
    for measure in MEASURES:
        scale = 100.0 if measure in SHARES else 1.0
        a, b = (by_arm[arm][measure].to_numpy(dtype=float) * scale for arm in ARMS)
        stats = {arm: _bounded(interval(values), measure)
                 for arm, values in zip(ARMS, (a, b), strict=True)}
        difference = interval(b - a)
        low, high = difference["ci_low"], difference["ci_high"]
        if measure in SHARES or measure == EXTRA_SHARE:  # two shares differ by ±100 pp at most
            low, high = max(low, -100.0), min(high, 100.0)
        rows.append({
            "measure": measure, "share": measure in SHARES,
            **{f"{key}_{arm.lower()}": stats[arm][stat] for arm in ARMS
               for key, stat in (("mean", "mean"), ("low", "ci_low"), ("high", "ci_high"))},
            "difference": difference["mean"], "difference_low": low, "difference_high": high,
            "clear": bool(low > 0 or high < 0), "n": difference["n"],
        })
    return pd.DataFrame(rows)


def band(weekly: pd.DataFrame, column: str, arm: str) -> pd.DataFrame:
    """An arm's weekly mean of ``column`` over the replications, with its 95% interval.

    Args:
        weekly: The weekly table of :class:`Comparison`.
        column: A recorded metric or ``baseline_`` column.
        arm: ``"A"`` or ``"B"``.

    Returns:
        Columns ``week``, ``mean``, ``low``, ``high``.
    """
    wide = weekly[weekly["arm"] == arm].pivot(index="week", columns="replication", values=column)
    rows = [interval(values) for values in wide.to_numpy(dtype=float)]
    return pd.DataFrame({"week": wide.index.to_numpy(), "mean": [r["mean"] for r in rows],
                         "low": [r["ci_low"] for r in rows],
                         "high": [r["ci_high"] for r in rows]})


def differing_levers_only(comparison: Comparison) -> bool:
    """Whether A and B differ in policy levers only (the same neighbourhood and assumptions)."""
    from simulatie.core.parameters import Role, parameter_specs

    specs = parameter_specs()
    return all(specs[name].role is Role.LEVER for name in comparison.differing())

