"""The seven myths of seed 000 as experiments, and the answer the model gives to each.

Each myth is a file ``experiments/myths/myth_<n>.toml``. It follows the experiment format of
:mod:`simulatie.experiment.experiments` (``scenario``, ``weeks``, ``replications``, one master
``seed``, ``[fixed]``) but replaces the factorial ``[vary]`` with what a myth needs and a factorial
cannot express: two *arms* that each set several levers at once, and a *counter-assumption*::

    [arms.myth]          # the situation the myth says is enough (or better)
    invitation_effort = 0.0
    [arms.alternative]   # what the field (seed 000 lessons) says works
    invitation_effort = 1.0
    [counter]            # the assumption under which the myth would hold: both arms run again
    purposeful_share = 0.0
    [measure]            # one number per run, and which way is better
    metric = "first_time_attendees_isolated"
    summary = "per_year"
    better = "higher"
    holds_if = "not_worse"

So a myth is four design points — myth and alternative, each under the default assumptions and
under the counter-assumption — run on the same replications. Precedence, later wins: the
scenario, ``[fixed]``, the arm, ``[counter]`` (counter runs only), and the caller's overrides
(``simulatie myth N --set``), which apply to every run. Setting a lever with ``--set`` therefore
makes both arms identical, and the answer becomes "no clear difference": nothing is written in.

Seeds: replication ``r`` uses the seed of ``SeedSequence(seed).spawn(replications)[r]`` in all
four design points (common random numbers, :func:`simulatie.experiment.experiments.run_seeds`), so
the two arms are compared pairwise. Runs go through :func:`simulatie.experiment.run.run` on a
process pool.

The conclusion is computed (:func:`judge`): the 95% interval of the paired difference between the
arms, together with a minimum relevant size (5% of the larger mean), decides between "the myth
arm is clearly better", "clearly worse" or "no clear difference"; the myth's ``holds_if`` then
says what that means for the claim. Texts for every outcome live in :mod:`simulatie.workshop.texts`.
"""

from __future__ import annotations

import math
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from simulatie.core.calendar import WEEKS_PER_YEAR
from simulatie.core.metrics import METRICS
from simulatie.core.parameters import make_parameters, parameter_specs, suggest
from simulatie.experiment.experiments import run_seeds
from simulatie.experiment.processes import map_stoppable
from simulatie.experiment.report import interval
from simulatie.experiment.scenarios import ScenarioError, load_scenario

__all__ = [
    "ARMS",
    "MYTHS",
    "MYTHS_DIR",
    "QUICK",
    "TINY",
    "ArmResult",
    "Comparison",
    "Myth",
    "MythError",
    "MythResult",
    "Scale",
    "Verdict",
    "judge",
    "load_myth",
    "myth_holds",
    "myth_path",
    "run_myth",
    "run_task",
]

MYTHS = range(1, 8)
MYTHS_DIR = Path(__file__).resolve().parents[2] / "experiments" / "myths"
ARMS = ("myth", "alternative")
RELEVANT = 0.05
"""A difference smaller than this share of the larger arm mean is not called a clear difference."""


class MythError(ValueError):
    """A myth file or request that cannot be used, explained in one line."""


class Verdict(StrEnum):
    """What the comparison of the two arms means for the myth."""

    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    NO_CLEAR_DIFFERENCE = "no_clear_difference"


class Summary(StrEnum):
    """How a run's weekly metric becomes one number."""

    FINAL = "final"  # the value in the last week
    MEAN_LAST_YEAR = "mean_last_year"  # the mean over the last 52 weeks
    PER_YEAR = "per_year"  # the weekly values summed, per year
    SHARE_OF = "share_of"  # sum of metric / sum of ``of`` over the run


# --- the file ----------------------------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class MeasureSection(_Strict):
    """The ``[measure]`` table: the one number per run that answers the myth."""

    metric: str
    summary: Summary = Field(Summary.FINAL, strict=False)
    of: str | None = None
    better: Literal["higher", "lower"] = "higher"
    holds_if: Literal["better", "not_worse"] = "better"
    relevant: float = Field(0.0, ge=0, strict=False)


class MythFile(_Strict):
    """The top level of a myth file."""

    number: int = Field(ge=1, le=7)
    scenario: str = "default"
    weeks: int = Field(260, ge=2, le=52_000)
    replications: int = Field(10, ge=2, le=10_000)
    seed: int = Field(0, ge=0, le=2**63 - 1)
    timeseries: list[str] = []
    measure: MeasureSection
    fixed: dict[str, Any] = {}
    arms: dict[str, dict[str, Any]]
    counter: dict[str, Any] = Field(min_length=1)


@dataclass(frozen=True)
class Scale:
    """Overrides of a myth file's size, to make runs quicker (dashboard, tests).

    Attributes:
        residents: Neighbourhood size, or ``None`` to keep the file's.
        weeks: Weeks per run, or ``None``.
        replications: Replications per arm, or ``None``.
    """

    residents: int | None = None
    weeks: int | None = None
    replications: int | None = None


QUICK = Scale(residents=100, weeks=156, replications=5)
"""A dashboard answer in a few seconds: 100 residents, three years, five replications."""
TINY = Scale(residents=60, weeks=60, replications=3)
"""For tests only: the numbers mean little."""


@dataclass(frozen=True)
class Myth:
    """A validated myth experiment.

    Attributes:
        number: 1 to 7.
        path: The file.
        text: The file's text (written next to the results).
        scenario: Name or path of the base scenario.
        weeks: Weeks per run.
        replications: Replications per arm.
        seed: Master seed.
        measure: The measure that answers the myth.
        arms: Overrides per arm, ``"myth"`` and ``"alternative"``.
        counter: The counter-assumption's overrides.
        fixed: Overrides shared by every run (file ``[fixed]`` plus the caller's).
        timeseries: Extra weekly metrics reported beside the key metric.
        overrides: The caller's overrides (``--set``), applied last.
    """

    number: int
    path: Path
    text: str
    scenario: str
    weeks: int
    replications: int
    seed: int
    measure: MeasureSection
    arms: Mapping[str, Mapping[str, Any]]
    counter: Mapping[str, Any]
    fixed: Mapping[str, Any]
    timeseries: tuple[str, ...]
    overrides: Mapping[str, Any] = field(default_factory=dict)

    def parameters(self, arm: str, countered: bool) -> dict[str, Any]:
        """The overrides on the scenario of one arm, with or without the counter-assumption."""
        values = {**self.fixed, **self.arms[arm]}
        if countered:
            values.update(self.counter)
        values.update(self.overrides)
        return values

    def points(self) -> dict[tuple[str, bool], dict[str, Any]]:
        """The four design points: (arm, countered) -> full, validated parameter values."""
        out = {}
        for countered in (False, True):
            for arm in ARMS:
                try:
                    scenario = load_scenario(self.scenario, self.parameters(arm, countered))
                except ScenarioError as error:
                    raise MythError(f"{self.path.name}: {error}") from None
                out[arm, countered] = scenario.parameters.model_dump(mode="json")
        return out


def myth_path(number: int, folder: Path | None = None) -> Path:
    """The file of myth ``number`` (1 to 7)."""
    if number not in MYTHS:
        raise MythError(f"there is no myth {number}; choose 1 to 7")
    return (folder or MYTHS_DIR) / f"myth_{number}.toml"


def _check_parameters(values: Mapping[str, Any], where: str) -> dict[str, Any]:
    specs = parameter_specs()
    for name in values:
        if name not in specs:
            raise MythError(f"{where}unknown parameter '{name}'{suggest(name, list(specs))}")
    return dict(values)  # values are checked with the scenario, per design point (Myth.points)


def load_myth(
    number: int,
    *,
    scale: Scale | None = None,
    overrides: Mapping[str, Any] | None = None,
    scenario: str | None = None,
    folder: Path | None = None,
    seed: int | None = None,
) -> Myth:
    """Read and check a myth file.

    Args:
        number: The myth, 1 to 7.
        scale: Smaller settings (residents, weeks, replications) for quick answers.
        overrides: Parameter values applied to every run, after arms and counter (``--set``).
        scenario: Another base scenario than the file's (e.g. ``"kerkweg"``).
        folder: Where the myth files are (default ``experiments/myths``).
        seed: Another master seed than the file's (to check that a verdict does not hang on
            the seeds).

    Returns:
        The validated myth.

    Raises:
        MythError: With one line naming the file and the key.
    """
    path = myth_path(number, folder)
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as error:
        raise MythError(f"{path}: cannot read it: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise MythError(f"{path}: not valid TOML: {error}") from None
    try:
        spec = MythFile.model_validate(data)
    except ValidationError as error:
        problem = error.errors()[0]
        key = ".".join(str(p) for p in problem["loc"])
        raise MythError(f"{path.name}: {key}: {problem['msg']}") from None
    name = path.name
    if spec.number != number:
        raise MythError(f"{name}: number = {spec.number}, but the file is for myth {number}")
    if sorted(spec.arms) != sorted(ARMS):
        raise MythError(f"{name}: [arms] must have exactly [arms.myth] and [arms.alternative]")
    metric_names = [spec.measure.metric, *([spec.measure.of] if spec.measure.of else []),
                    *spec.timeseries]
    for metric in metric_names:
        if metric not in METRICS:
            raise MythError(f"{name}: unknown metric '{metric}'{suggest(metric, list(METRICS))}")
    if (spec.measure.summary is Summary.SHARE_OF) != (spec.measure.of is not None):
        raise MythError(f"{name}: [measure] 'of' goes with summary = 'share_of' (and only there)")
    fixed = _check_parameters(spec.fixed, f"{name}: [fixed] ")
    arms = {arm: _check_parameters(spec.arms[arm], f"{name}: [arms.{arm}] ") for arm in ARMS}
    counter = _check_parameters(spec.counter, f"{name}: [counter] ")
    extra = _check_parameters(overrides or {}, "--set: ")
    scale = scale or Scale()
    if scale.residents is not None:
        fixed["residents"] = scale.residents
    myth = Myth(
        number=number, path=path, text=text, scenario=scenario or spec.scenario,
        weeks=scale.weeks or spec.weeks, replications=scale.replications or spec.replications,
        seed=spec.seed if seed is None else seed, measure=spec.measure, arms=arms,
        counter=counter, fixed=fixed,
        timeseries=tuple(spec.timeseries), overrides=extra,
    )
    myth.points()  # every design point must validate (group shares, scenario) before running
    return myth


# --- running -------------------------------------------------------------------------------------


def summarise_run(timeseries: pd.DataFrame, measure: MeasureSection) -> float:
    """One run's number for the myth, from its weekly table.

    Args:
        timeseries: The run's table (``week`` 0..weeks).
        measure: Which metric and how to summarise it.

    Returns:
        The number (NaN when it is undefined, e.g. a share of nothing).
    """
    values = timeseries[measure.metric].to_numpy(dtype=float)
    match measure.summary:
        case Summary.FINAL:
            return float(values[-1])
        case Summary.MEAN_LAST_YEAR:
            return float(np.nanmean(values[-min(WEEKS_PER_YEAR, len(values)):]))
        case Summary.PER_YEAR:
            weeks = len(values) - 1
            return float(np.nansum(values[1:]) / weeks * WEEKS_PER_YEAR) if weeks else math.nan
        case Summary.SHARE_OF:
            total = float(np.nansum(timeseries[measure.of].to_numpy(dtype=float)[1:]))
            return float(np.nansum(values[1:]) / total) if total > 0 else math.nan
    raise AssertionError(measure.summary)  # pragma: no cover


def curve(timeseries: pd.DataFrame, measure: MeasureSection) -> np.ndarray:
    """The key metric over time as plotted: cumulative per year for sums, else the weekly value."""
    values = timeseries[measure.metric].to_numpy(dtype=float)
    if measure.summary in (Summary.PER_YEAR, Summary.SHARE_OF):
        values = np.nancumsum(np.nan_to_num(values))
        if measure.summary is Summary.SHARE_OF:
            total = np.nancumsum(np.nan_to_num(timeseries[measure.of].to_numpy(dtype=float)))
            with np.errstate(invalid="ignore", divide="ignore"):
                values = np.where(total > 0, values / total, np.nan)
    return values


def run_task(task: tuple[dict[str, Any], int, int, tuple[str, ...]]) -> pd.DataFrame:
    """Run one simulation and keep only the needed columns (module level for the pool)."""
    from simulatie.experiment.run import run
    from simulatie.experiment.sweep import clear_neighbourhood_cache

    values, seed, weeks, columns = task
    metrics = [c for c in columns if not c.startswith("baseline_")]
    result = run(make_parameters(values), seed=seed, steps=weeks, metrics=metrics, baseline=False)
    clear_neighbourhood_cache()
    return result.timeseries[["week", *columns]]


def _workers(requested: int | None, tasks: int) -> int:
    if requested is not None:
        return max(1, requested)
    return max(1, min(os.cpu_count() or 1, tasks))


@dataclass(frozen=True)
class ArmResult:
    """One design point over its replications.

    Attributes:
        arm: ``"myth"`` or ``"alternative"``.
        countered: Whether the counter-assumption applies.
        values: The key number per replication.
        stats: Mean and 95% interval of the mean (:func:`simulatie.experiment.report.interval`).
        curves: The key metric over time, one row per replication.
        extra: Per extra metric, the interval of its final value over replications.
        parameters: The run's full parameter values.
        extra_values: Per extra metric, its final value per replication.
    """

    arm: str
    countered: bool
    values: np.ndarray
    stats: dict[str, float]
    curves: np.ndarray
    extra: dict[str, dict[str, float]]
    parameters: dict[str, Any]
    extra_values: dict[str, np.ndarray] = field(default_factory=dict)


@dataclass(frozen=True)
class Comparison:
    """The paired comparison of the two arms under one set of assumptions.

    Attributes:
        myth: The myth arm.
        alternative: The alternative arm.
        difference: Interval of the paired difference ``myth - alternative``.
        outcome: ``"myth_better"``, ``"myth_worse"`` or ``"none"``.
        verdict: What that means for the myth.
    """

    myth: ArmResult
    alternative: ArmResult
    difference: dict[str, float]
    outcome: str
    verdict: Verdict


def judge(
    myth_values: np.ndarray, alternative_values: np.ndarray, measure: MeasureSection
) -> tuple[dict[str, float], str, Verdict]:
    """Decide what the two arms' numbers say about the myth.

    A difference is *clear* when the 95% interval of the paired difference (same seeds in both
    arms) excludes zero and the mean difference is at least :data:`RELEVANT` of the larger arm
    mean and at least the measure's absolute ``relevant`` size. The myth arm is then better or
    worse according to ``measure.better``.

    Args:
        myth_values: The key number per replication in the myth arm.
        alternative_values: The same replications in the alternative arm.
        measure: The measure, with its direction and the myth's ``holds_if``.

    Returns:
        The interval of ``myth - alternative``, the outcome (``"myth_better"``,
        ``"myth_worse"`` or ``"none"``) and the verdict.
    """
    diff = np.asarray(myth_values, float) - np.asarray(alternative_values, float)
    stats = interval(diff)
    scale = max(abs(np.nanmean(myth_values)), abs(np.nanmean(alternative_values)))
    mean = stats["mean"]
    clear = (
        stats["n"] >= 2
        and not math.isnan(stats["ci_low"])
        and (stats["ci_low"] > 0 or stats["ci_high"] < 0)
        and abs(mean) >= max(RELEVANT * scale, measure.relevant)
        and abs(mean) > 0
    )
    if not clear:
        outcome = "none"
    else:
        higher = mean > 0
        outcome = "myth_better" if higher == (measure.better == "higher") else "myth_worse"
    if outcome == "myth_better":
        verdict = Verdict.SUPPORTS
    elif outcome == "myth_worse":
        verdict = Verdict.CONTRADICTS
    else:
        verdict = Verdict.NO_CLEAR_DIFFERENCE
    return stats, outcome, verdict


def myth_holds(verdict: Verdict, holds_if: str) -> bool:
    """Whether the myth holds: its arm is clearly better, or no worse when that is its claim.

    Args:
        verdict: The comparison's verdict.
        holds_if: The myth's ``[measure] holds_if`` (``"better"`` or ``"not_worse"``).
    """
    return verdict is Verdict.SUPPORTS or (
        verdict is Verdict.NO_CLEAR_DIFFERENCE and holds_if == "not_worse"
    )


@dataclass(frozen=True)
class MythResult:
    """Everything the model says about one myth.

    Attributes:
        myth: The myth as run.
        weeks: The week axis of the curves.
        default: The comparison under the default assumptions.
        counter: The comparison under the counter-assumption.
        seeds: The seed of every replication.
    """

    myth: Myth
    weeks: np.ndarray
    default: Comparison
    counter: Comparison
    seeds: tuple[int, ...]

    @property
    def number(self) -> int:
        """The myth's number."""
        return self.myth.number


def _arm_result(
    arm: str, countered: bool, tables: list[pd.DataFrame], myth: Myth, parameters: dict
) -> ArmResult:
    values = np.array([summarise_run(t, myth.measure) for t in tables])
    finals = {m: np.array([float(t[m].iloc[-1]) for t in tables]) for m in myth.timeseries}
    return ArmResult(
        arm=arm, countered=countered, values=values, stats=interval(values),
        curves=np.vstack([curve(t, myth.measure) for t in tables]),
        extra={m: interval(v) for m, v in finals.items()}, parameters=parameters,
        extra_values=finals,
    )


def run_myth(myth: Myth, workers: int | None = None) -> MythResult:
    """Run a myth's four design points over its replications and compare the arms.

    Args:
        myth: From :func:`load_myth`.
        workers: Processes; default one per core; 1 runs in this process.

    Returns:
        The comparisons under the default and the counter-assumption.
    """
    points = myth.points()
    seeds = run_seeds(myth.seed, len(points), myth.replications, True)[0]
    columns = tuple(dict.fromkeys(
        [myth.measure.metric, *([myth.measure.of] if myth.measure.of else []), *myth.timeseries]
    ))
    tasks = [(values, int(seed), myth.weeks, columns)
             for values in points.values() for seed in seeds]
    n = _workers(workers, len(tasks))
    # a process pool is safe inside the dashboard's threaded server, and stops when asked
    tables = map_stoppable(run_task, tasks, n)
    reps = myth.replications
    arms = {}
    for k, (key, values) in enumerate(points.items()):
        arms[key] = _arm_result(*key, tables[k * reps:(k + 1) * reps], myth, values)
    comparisons = []
    for countered in (False, True):
        a, b = arms["myth", countered], arms["alternative", countered]
        stats, outcome, verdict = judge(a.values, b.values, myth.measure)
        comparisons.append(Comparison(a, b, stats, outcome, verdict))
    return MythResult(
        myth=myth, weeks=tables[0]["week"].to_numpy(), default=comparisons[0],
        counter=comparisons[1], seeds=tuple(int(s) for s in seeds),
    )


def swapped(myth: Myth) -> Myth:
    """The same myth with its arms exchanged (used to show that answers are computed)."""
    return replace(myth, arms={"myth": myth.arms["alternative"], "alternative": myth.arms["myth"]})
