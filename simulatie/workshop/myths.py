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

A myth is therefore an experiment like any other: :func:`myth_experiment` turns it into an
:class:`~simulatie.experiment.experiments.Experiment` with those four design points, and
:func:`run_myth` runs it with the sweep runner (:func:`simulatie.experiment.sweep.run_sweep`). So a
myth runs on local processes or a Dask cluster, resumes when it is run again into the same folder,
records a failing run instead of stopping, and writes the sweep's Parquet layout. Seeds: replication
``r`` uses the seed of ``SeedSequence(seed).spawn(replications)[r]`` in all four design points
(common random numbers, :func:`simulatie.experiment.seeds.run_seeds`), so the two arms are compared
pairwise.

The conclusion is computed (:func:`simulatie.workshop.verdict.judge`): the 95% interval of the
paired difference between the
arms, together with a minimum relevant size (5% of the larger mean), decides between "the myth
arm is clearly better", "clearly worse" or "no clear difference"; the myth's ``holds_if`` then
says what that means for the claim. Texts for every outcome live in :mod:`simulatie.workshop.texts`.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from pydantic import Field

from simulatie.core.observe.metrics import METRICS
from simulatie.core.parameters import make_parameters, suggest
from simulatie.experiment.designs import Method
from simulatie.experiment.experiments import Experiment
from simulatie.experiment.files import (
    FileError,
    StrictFile,
    TomlFile,
    check_parameter_names,
    display,
    read_toml,
    typed_overrides,
    validate_file,
)
from simulatie.experiment.intervals import interval
from simulatie.experiment.scenarios import ScenarioError, load_scenario
from simulatie.experiment.sweep import RUNS_DIR, RunOutcome, read_run_file, run_sweep
from simulatie.workshop.measure import MeasureSection, Summary, curve, summarise_run
from simulatie.workshop.verdict import (
    RELEVANT,
    ArmResult,
    Comparison,
    Verdict,
    judge,
    myth_holds,
)

__all__ = [
    "ARMS",
    "MYTHS",
    "MYTHS_DIR",
    "QUICK",
    "RELEVANT",
    "TINY",
    "ArmResult",
    "Comparison",
    "MeasureSection",
    "Myth",
    "MythError",
    "MythResult",
    "Scale",
    "Summary",
    "Verdict",
    "curve",
    "judge",
    "load_myth",
    "myth_experiment",
    "myth_holds",
    "myth_path",
    "run_myth",
    "run_tables",
    "summarise_run",
]

LAST_YEAR = 52  # weeks over which a myth's side effects are averaged

MYTHS = range(1, 8)
MYTHS_DIR = Path(__file__).resolve().parents[2] / "experiments" / "myths"
ARMS = ("myth", "alternative")
NOUN = "myth file"


class MythError(FileError):
    """A myth file or request that cannot be used, explained in one line."""


# --- the file ----------------------------------------------------------------------------------


class MythFile(StrictFile):
    """The top level of a myth file."""

    number: int = Field(ge=1, le=7)
    scenario: str = "default"
    weeks: int = Field(260, ge=2, le=52_000)
    replications: int = Field(10, ge=2, le=10_000)
    seed: int = Field(0, ge=0, le=2**63 - 1)
    timeseries: list[str] = Field(default_factory=list)
    measure: MeasureSection
    fixed: dict[str, Any] = Field(default_factory=dict)
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
                    raise MythError(f"{display(self.path)}: {error}") from None
                out[arm, countered] = scenario.parameters.model_dump(mode="json")
        return out


def myth_path(number: int, folder: Path | None = None) -> Path:
    """The file of myth ``number`` (1 to 7)."""
    if number not in MYTHS:
        raise MythError(f"there is no myth {number}; choose 1 to 7")
    return (folder or MYTHS_DIR) / f"myth_{number}.toml"


def _check_content(content: MythFile, toml: TomlFile, number: int) -> None:
    """The checks a schema cannot make: the number, the two arms, the metrics, the names."""
    where = toml.label
    if content.number != number:
        raise MythError(f"{where}: number = {content.number}{toml.line('', 'number')}, but the "
                        f"file is for myth {number}")
    if sorted(content.arms) != sorted(ARMS):
        raise MythError(f"{where}: [arms] must have exactly [arms.myth] and [arms.alternative]")
    measure = content.measure
    named = [(measure.metric, "[measure] metric", toml.line("measure", "metric")),
             *([(measure.of, "[measure] of", toml.line("measure", "of"))] if measure.of else []),
             *[(m, "timeseries", toml.line("", "timeseries")) for m in content.timeseries]]
    for metric, key, line in named:
        if metric not in METRICS:
            raise MythError(f"{where}: {key}{line}: unknown metric '{metric}'"
                            f"{suggest(metric, list(METRICS))}")
    if (measure.summary is Summary.SHARE_OF) != (measure.of is not None):
        raise MythError(f"{where}: [measure] 'of' goes with summary = 'share_of' (and only there)")
    check_parameter_names(content.fixed, toml, "fixed", MythError)
    for arm in ARMS:
        check_parameter_names(content.arms[arm], toml, f"arms.{arm}", MythError)
    check_parameter_names(content.counter, toml, "counter", MythError)


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
        overrides: Parameter values applied to every run, after arms and counter (``--set``);
            text values are read as the declared type.
        scenario: Another base scenario than the file's (e.g. ``"kerkweg"``).
        folder: Where the myth files are (default ``experiments/myths``).
        seed: Another master seed than the file's (to check that a verdict does not hang on
            the seeds).

    Returns:
        The validated myth.

    Raises:
        MythError: With one line naming the file, the key and its line.
    """
    path = myth_path(number, folder)
    toml = read_toml(path, NOUN, MythError)
    content = validate_file(MythFile, toml, MythError)
    _check_content(content, toml, number)
    extra = typed_overrides(overrides or {}, "--set:", MythError)
    scale = scale or Scale()
    fixed = dict(content.fixed)
    if scale.residents is not None:
        fixed["residents"] = scale.residents
    myth = Myth(
        number=number, path=path, text=toml.text, scenario=scenario or content.scenario,
        weeks=scale.weeks or content.weeks,
        replications=scale.replications or content.replications,
        seed=content.seed if seed is None else seed, measure=content.measure,
        arms={arm: dict(content.arms[arm]) for arm in ARMS}, counter=dict(content.counter),
        fixed=fixed, timeseries=tuple(content.timeseries), overrides=extra,
    )
    myth.points()  # every design point must validate (group shares, scenario) before running
    return myth


# --- running: a two-arm experiment through the sweep runner ------------------------------------


def _columns(myth: Myth) -> tuple[str, ...]:
    measure = myth.measure
    return tuple(dict.fromkeys([measure.metric, *([measure.of] if measure.of else []),
                                *myth.timeseries]))


def myth_experiment(myth: Myth) -> Experiment:
    """The myth as an experiment: four design points (arm × assumption), common random numbers.

    Args:
        myth: From :func:`load_myth`.

    Returns:
        An experiment the sweep runner runs like any other; the matched baseline arm is not run
        (a myth compares its own two arms).
    """
    points = myth.points()
    scenario = load_scenario(myth.scenario, {**myth.fixed, **myth.overrides})
    return Experiment(
        name=f"myth_{myth.number}", path=myth.path, text=myth.text, title=f"myth {myth.number}",
        description="", scenario=scenario, method=Method.FACTORIAL, weeks=myth.weeks,
        replications=myth.replications, seed=myth.seed, timeseries=_columns(myth),
        fixed={**myth.fixed, **myth.overrides}, varied=("arm", "countered"), ranges={},
        samples=None,
        points=tuple({"arm": arm, "countered": countered} for arm, countered in points),
        levels=4, second_order=False, common_random_numbers=True,
        _parameters=tuple(make_parameters(values) for values in points.values()),
        baseline=False,
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
    finals = {m: np.array([float(t[m].iloc[-LAST_YEAR:].mean()) for t in tables])
              for m in myth.timeseries}  # the side effects: each one's mean over the last year
    return ArmResult(
        arm=arm, countered=countered, values=values, stats=interval(values),
        curves=np.vstack([curve(t, myth.measure) for t in tables]),
        extra={m: interval(v) for m, v in finals.items()}, parameters=parameters,
        extra_values=finals,
    )


@contextmanager
def _results_folder(out_dir: Path | str | None, experiment: Experiment) -> Iterator[Path]:
    """The sweep folder of the runs: inside ``out_dir``, or a temporary one removed afterwards.

    Inside ``out_dir`` the folder is named by the experiment's fingerprint
    (``sweep-<12 hex digits>``), so runs made with other settings never mix and the same
    settings resume.
    """
    if out_dir is not None:
        yield Path(out_dir) / f"sweep-{experiment.fingerprint()[:12]}"
        return
    with tempfile.TemporaryDirectory(prefix="simulatie-myth-") as folder:
        yield Path(folder) / "sweep"


def _workers(requested: int | None, tasks: int) -> int:
    if requested is not None:
        return max(1, requested)
    return max(1, min(os.cpu_count() or 1, tasks))


def run_tables(
    experiment: Experiment,
    workers: int | None = None,
    *,
    out_dir: Path | str | None = None,
    scheduler: str | None = None,
    on_outcome: Callable[[RunOutcome], None] | None = None,
) -> list[pd.DataFrame]:
    """Run a myth's experiment with the sweep runner and read every run's table back, in order.

    Args:
        experiment: From :func:`myth_experiment` (or built like it).
        workers: Processes; default one per core; 1 runs in this process.
        out_dir: Where the runs are kept, in a sweep folder named by the experiment's
            fingerprint (the sweep's layout); running the same again resumes there. Default: a
            temporary folder, removed afterwards.
        scheduler: Address or scheduler file of a Dask cluster to run on instead.
        on_outcome: Called after each run (for a progress bar).

    Returns:
        One table (``week`` and the kept metrics) per run of :meth:`Experiment.runs`.

    Raises:
        MythError: If a run failed (its error is in ``runs/<run_id>.failed.json``).
        SweepError: If the folder cannot be used or the scheduler cannot be reached.
    """
    with _results_folder(out_dir, experiment) as folder:
        report = run_sweep(experiment, folder, workers=_workers(workers, experiment.n_runs),
                           scheduler=scheduler, on_outcome=on_outcome)
        if report.failed:
            raise MythError(f"{experiment.name}: {len(report.failed)} of {report.total} runs "
                            f"failed, e.g. {report.failed[0]} (see {folder / RUNS_DIR})")
        return [read_run_file(folder / RUNS_DIR / f"{spec.run_id}.parquet")[0]
                for spec in experiment.runs()]


def run_myth(
    myth: Myth,
    workers: int | None = None,
    *,
    out_dir: Path | str | None = None,
    scheduler: str | None = None,
    on_outcome: Callable[[RunOutcome], None] | None = None,
) -> MythResult:
    """Run a myth's four design points over its replications with the sweep runner and judge.

    Args:
        myth: From :func:`load_myth`.
        workers: Processes; default one per core; 1 runs in this process.
        out_dir: Where the runs are kept (see :func:`run_tables`); the same myth run again
            resumes there.
        scheduler: Address or scheduler file of a Dask cluster to run on instead.
        on_outcome: Called after each run (for a progress bar).

    Returns:
        The comparisons under the default and the counter-assumption.

    Raises:
        MythError: If a run failed.
        SweepError: If the folder cannot be used or the scheduler cannot be reached.
    """
    experiment = myth_experiment(myth)
    tables = run_tables(experiment, workers, out_dir=out_dir, scheduler=scheduler,
                        on_outcome=on_outcome)
    points = myth.points()
    reps = myth.replications
    arms = {key: _arm_result(*key, tables[k * reps:(k + 1) * reps], myth, values)
            for k, (key, values) in enumerate(points.items())}
    comparisons = []
    for countered in (False, True):
        a, b = arms["myth", countered], arms["alternative", countered]
        stats, outcome, verdict = judge(a.values, b.values, myth.measure)
        comparisons.append(Comparison(a, b, stats, outcome, verdict))
    seeds = tuple(spec.seed for spec in experiment.runs()[:reps])
    return MythResult(myth=myth, weeks=tables[0]["week"].to_numpy(), default=comparisons[0],
                      counter=comparisons[1], seeds=seeds)


def swapped(myth: Myth) -> Myth:
    """The same myth with its arms exchanged (used to show that answers are computed)."""
    return replace(myth, arms={"myth": myth.arms["alternative"], "alternative": myth.arms["myth"]})
