"""Experiment files: which runs a sweep makes, validated on load, and the design they expand to.

An experiment (``experiments/*.toml``) names a base scenario, fixed overrides on top of it, the
parameters to vary and how (a full factorial of listed values, or ranges sampled by Latin
hypercube, Morris or Sobol through SALib; ``[screen]`` adds every numeric parameter of whole
roles, see :mod:`simulatie.experiment.screening`), the number of replications, the number of weeks,
the metrics to keep every week, and one master seed. :func:`load_experiment` reads and checks the
file and returns an :class:`Experiment` whose :meth:`Experiment.runs` lists every run with its
validated parameters and seed. Every mistake in a file raises :class:`ExperimentError` with one
line that names the file and the key; nothing here prints a traceback.

Seeds are derived from the master seed by :mod:`simulatie.experiment.seeds`; design points are
made by :mod:`simulatie.experiment.designs`; the file is read by :mod:`simulatie.experiment.files`.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import numpy as np
import pandas as pd
from pydantic import Field, Strict

from simulatie.core.parameters import (
    ParameterError,
    Parameters,
    ParameterSpec,
    Role,
    make_parameters,
    parameter_specs,
    suggest,
)
from simulatie.experiment.designs import (
    MAX_RUNS,
    DesignError,
    Method,
    Sampling,
    check_value,
    factorial_points,
    sample,
    sampled_ranges,
    typed_points,
)
from simulatie.experiment.files import (
    FileError,
    StrictFile,
    TomlFile,
    check_parameter_names,
    check_path,
    read_toml,
    validate_file,
)
from simulatie.experiment.scenarios import COMMAND_LINE, Scenario, ScenarioError, load_scenario
from simulatie.experiment.screening import DEFAULT_FACTOR, screening_ranges
from simulatie.experiment.seeds import run_seeds

__all__ = [
    "DEFAULT_TIMESERIES",
    "Experiment",
    "ExperimentError",
    "Method",
    "RunSpec",
    "load_experiment",
    "run_seeds",
    "safe_name",
]

DEFAULT_TIMESERIES = (
    "caring_ties",
    "share_with_caring_tie",
    "lonely_share",
    "care_hours_unmet",
    "active_volunteers",
    "community_spirit",
)
"""Metrics kept every week when an experiment does not say which."""

NOUN = "experiment file"


class ExperimentError(FileError):
    """An experiment file that cannot be used, explained in one line naming the file and key."""


# --- The file's schema ------------------------------------------------------------------------


class DesignSection(StrictFile):
    """The ``[design]`` table: how design points are made."""

    method: Method = Field(Method.FACTORIAL, strict=False)
    samples: int | None = Field(None, ge=1, le=MAX_RUNS)
    levels: int = Field(4, ge=2, le=100)
    second_order: bool = False
    common_random_numbers: bool = True


class ScreenSection(StrictFile):
    """The ``[screen]`` table: vary every numeric parameter of these roles around its value."""

    roles: list[Annotated[Role, Strict(False)]] = Field(min_length=1)
    factor: float = Field(DEFAULT_FACTOR, gt=1, le=100, strict=False)


class ExperimentFile(StrictFile):
    """The top level of an experiment file."""

    name: str | None = Field(None, min_length=1, max_length=200)
    title: str = ""
    description: str = ""
    scenario: str = Field("default", min_length=1)
    weeks: int = Field(520, ge=1, le=52_000)
    replications: int = Field(1, ge=1, le=100_000)
    seed: int = Field(0, ge=0, le=2**63 - 1)
    timeseries: list[str] | None = None
    design: DesignSection = DesignSection()
    screen: ScreenSection | None = None
    fixed: dict[str, Any] = Field(default_factory=dict)
    vary: dict[str, Any] = Field(default_factory=dict)


# --- Resolved experiment ----------------------------------------------------------------------


@dataclass(frozen=True)
class RunSpec:
    """One run of a sweep.

    Attributes:
        run_id: Stable identifier, ``p<point>-r<replication>``; also its file name.
        point: Index of the design point.
        replication: Index of the replication at that point.
        seed: The model's seed, derived from the master seed.
        parameters: The validated parameters of the run.
    """

    run_id: str
    point: int
    replication: int
    seed: int
    parameters: Parameters


@dataclass(frozen=True)
class Experiment:
    """A validated experiment and its design.

    Attributes:
        name: Name (from the file, or its stem); :func:`safe_name` makes it a folder name.
        path: The experiment file.
        text: The file's text, copied into the results for provenance.
        title: One-line title.
        description: Longer description.
        scenario: The loaded base scenario (with the fixed overrides applied).
        method: How design points are made.
        weeks: Weeks per run.
        replications: Replications per design point.
        seed: The master seed.
        timeseries: Metrics kept every week.
        fixed: The fixed overrides.
        varied: Names of the varied parameters, in file order.
        ranges: For sampled designs: the (lower, upper) bounds per varied parameter.
        samples: The sampler's raw sample matrix (one row per design point), or ``None``.
        points: The design points: varied parameter values, typed as declared.
        levels: Morris grid levels.
        second_order: Whether the Sobol design supports second-order indices.
        common_random_numbers: Whether replication ``r`` shares its seed across design points.
        baseline: Whether each run also runs its matched baseline (same seed, nothing organised);
            a myth compares its own two arms and does without.
    """

    name: str
    path: Path
    text: str
    title: str
    description: str
    scenario: Scenario
    method: Method
    weeks: int
    replications: int
    seed: int
    timeseries: tuple[str, ...]
    fixed: Mapping[str, Any]
    varied: tuple[str, ...]
    ranges: Mapping[str, tuple[float, float]]
    samples: np.ndarray | None
    points: tuple[Mapping[str, Any], ...]
    levels: int
    second_order: bool
    common_random_numbers: bool
    _parameters: tuple[Parameters, ...] = ()
    baseline: bool = True

    @property
    def n_runs(self) -> int:
        """Number of runs: design points × replications."""
        return len(self.points) * self.replications

    def problem(self) -> dict[str, Any]:
        """The SALib problem definition of a sampled design."""
        return {
            "num_vars": len(self.varied),
            "names": list(self.varied),
            "bounds": [list(self.ranges[name]) for name in self.varied],
        }

    def runs(self) -> list[RunSpec]:
        """Every run, design point by design point, replication by replication."""
        seeds = run_seeds(
            self.seed, len(self.points), self.replications, self.common_random_numbers
        )
        width = max(4, len(str(len(self.points) - 1)))
        rep_width = max(3, len(str(self.replications - 1)))
        return [
            RunSpec(
                run_id=f"p{point:0{width}d}-r{rep:0{rep_width}d}",
                point=point,
                replication=rep,
                seed=int(seeds[point, rep]),
                parameters=self._parameters[point],
            )
            for point in range(len(self.points))
            for rep in range(self.replications)
        ]

    def manifest(self) -> pd.DataFrame:
        """One row per run: run_id, point, replication, seed and one column per varied value."""
        rows = [
            {
                "run_id": spec.run_id,
                "point": spec.point,
                "replication": spec.replication,
                "seed": spec.seed,
                **dict(self.points[spec.point]),
            }
            for spec in self.runs()
        ]
        columns = ["run_id", "point", "replication", "seed", *self.varied]
        return pd.DataFrame.from_records(rows, columns=columns)

    def base_parameters(self) -> dict[str, Any]:
        """The scenario's parameters with the fixed overrides, before any varied value."""
        return self.scenario.parameters.model_dump(mode="json")

    def fingerprint(self) -> str:
        """A hash of everything that determines the runs' outputs, to recognise a resumed sweep."""
        content = {
            "weeks": self.weeks,
            "timeseries": list(self.timeseries),
            "runs": [
                [s.run_id, s.seed, s.parameters.model_dump(mode="json")] for s in self.runs()
            ],
        }
        if not self.baseline:  # only when off, so that earlier sweeps keep their fingerprint
            content["baseline"] = False
        data = json.dumps(content, sort_keys=True, separators=(",", ":")).encode()
        return hashlib.sha256(data).hexdigest()

    def describe(self) -> dict[str, Any]:
        """A JSON-friendly record of the experiment, written next to its results."""
        return {
            "name": self.name,
            "file": str(self.path),
            "title": self.title,
            "description": self.description,
            "scenario": self.scenario.name,
            "scenario_file": str(self.scenario.path) if self.scenario.path else None,
            "method": self.method.value,
            "weeks": self.weeks,
            "replications": self.replications,
            "seed": self.seed,
            "common_random_numbers": self.common_random_numbers,
            "baseline": self.baseline,
            "timeseries": list(self.timeseries),
            "fixed": dict(self.fixed),
            "varied": list(self.varied),
            "ranges": {k: list(v) for k, v in self.ranges.items()},
            "levels": self.levels,
            "second_order": self.second_order,
            "points": len(self.points),
            "runs": self.n_runs,
            "base_parameters": self.base_parameters(),
            "samples": None if self.samples is None else self.samples.tolist(),
            "fingerprint": self.fingerprint(),
        }


def safe_name(name: str) -> str:
    """Make a name safe as a single folder or file name (no separators, no leading dots)."""
    safe = re.sub(r"[^\w.-]+", "-", name, flags=re.ASCII).strip("-.")
    safe = re.sub(r"\.{2,}", ".", safe)
    return safe[:80] or "experiment"


# --- Checking values ----------------------------------------------------------------------------


def _check_metrics(names: list[str] | None, toml: TomlFile) -> tuple[str, ...]:
    from simulatie.core.observe.metrics import METRICS  # the registry (no model, no Mesa)

    if names is None:
        return tuple(n for n in DEFAULT_TIMESERIES if n in METRICS)
    if names == ["all"]:
        return tuple(METRICS)
    seen: list[str] = []
    for name in names:
        if name not in METRICS:
            raise ExperimentError(
                f"{toml.label}: timeseries{toml.line('', 'timeseries')}: unknown metric "
                f"'{name}'{suggest(name, list(METRICS))}"
            )
        if name not in seen:
            seen.append(name)
    return tuple(seen)


# --- Loading --------------------------------------------------------------------------------------


def _scenario_reference(reference: str, folder: Path) -> str:
    """Resolve a scenario path relative to the experiment file; leave names alone."""
    path_part, sep, variant = reference.partition(":")
    if path_part.endswith(".toml") or "/" in path_part or "\\" in path_part:
        path = Path(path_part).expanduser()
        if not path.is_absolute():
            path = folder / path
        return f"{path}{sep}{variant}"
    return reference


def resolve_experiment(path: Path | str) -> Path:
    """Find an experiment by path, or by name in the ``experiments`` folder.

    Args:
        path: A path to a ``.toml`` file, or a bare name such as ``"default_sweep"``.

    Returns:
        The path of the file (it may not exist; :func:`load_experiment` reports that).
    """
    candidate = Path(path).expanduser()
    if candidate.exists() or candidate.suffix == ".toml" or len(candidate.parts) > 1:
        return candidate
    package_root = Path(__file__).resolve().parents[2]
    for folder in (Path.cwd() / "experiments", package_root / "experiments"):
        if (folder / f"{candidate}.toml").is_file():
            return folder / f"{candidate}.toml"
    return candidate


def load_experiment(path: Path | str) -> Experiment:
    """Read, check and expand an experiment file.

    Args:
        path: The experiment file, or its name in the ``experiments`` folder.

    Returns:
        The validated experiment with its design points and validated parameters.

    Raises:
        ExperimentError: With one line naming the file, the key, its line and what is allowed.
    """
    file = resolve_experiment(path)
    check_path(file, NOUN, ExperimentError)
    toml = read_toml(file, NOUN, ExperimentError)
    content = validate_file(ExperimentFile, toml, ExperimentError)
    try:
        return _build(content, toml)
    except DesignError as error:
        raise ExperimentError(f"{toml.label}: {error}") from None


def _build(content: ExperimentFile, toml: TomlFile) -> Experiment:
    specs = parameter_specs()
    fixed = _fixed_values(content, toml, specs)
    timeseries = _check_metrics(content.timeseries, toml)
    scenario = _base_scenario(content, toml, fixed)
    points, ranges, samples = _design(content, toml, specs, scenario, fixed)
    return Experiment(
        name=content.name or toml.path.stem,
        path=toml.path,
        text=toml.text,
        title=content.title,
        description=content.description.strip(),
        scenario=scenario,
        method=content.design.method,
        weeks=content.weeks,
        replications=content.replications,
        seed=content.seed,
        timeseries=timeseries,
        fixed=fixed,
        varied=tuple(ranges) if ranges else tuple(content.vary),
        ranges=ranges,
        samples=samples,
        points=tuple(points),
        levels=content.design.levels,
        second_order=content.design.second_order,
        common_random_numbers=content.design.common_random_numbers,
        _parameters=tuple(_point_parameters(points, scenario, toml)),
    )


def _fixed_values(
    content: ExperimentFile, toml: TomlFile, specs: Mapping[str, ParameterSpec]
) -> dict[str, Any]:
    """The ``[fixed]`` values, each checked against its declaration."""
    check_parameter_names(content.fixed, toml, "fixed", ExperimentError)
    check_parameter_names(content.vary, toml, "vary", ExperimentError)
    fixed = {
        name: check_value(specs[name], value, f"[fixed] {name}", toml.line("fixed", name))
        for name, value in content.fixed.items()
    }
    both = sorted(set(fixed) & set(content.vary))
    if both:
        raise ExperimentError(
            f"{toml.label}: '{both[0]}' is both in [fixed] and in [vary]; keep one"
        )
    return fixed


def _base_scenario(content: ExperimentFile, toml: TomlFile, fixed: dict[str, Any]) -> Scenario:
    """The scenario the experiment starts from, with the fixed values applied."""
    try:
        return load_scenario(_scenario_reference(content.scenario, toml.path.parent), fixed)
    except ScenarioError as error:
        message = str(error).replace(f"{COMMAND_LINE}: ", "with [fixed]: ")
        raise ExperimentError(
            f"{toml.label}: scenario = {content.scenario!r}{toml.line('', 'scenario')}: "
            f"{message}"
        ) from None


def _design(
    content: ExperimentFile, toml: TomlFile, specs: Mapping[str, ParameterSpec],
    scenario: Scenario, fixed: Mapping[str, Any],
) -> tuple[list[dict[str, Any]], dict[str, tuple[float, float]], np.ndarray | None]:
    """The design points, and for sampled designs the ranges and the sample matrix."""
    method, design = content.design.method, content.design
    if not content.vary and content.screen is None:
        raise DesignError("[vary] is empty; name at least one parameter to vary "
                          "(or screen whole roles with [screen])")
    if method is Method.FACTORIAL:
        if content.screen is not None:
            raise DesignError("[screen] samples ranges; use it with method 'lhs', 'morris' or "
                              "'sobol', not 'factorial'")
        if design.samples is not None:
            raise DesignError(
                "[design] samples is only used by 'lhs', 'morris' and 'sobol'; a factorial "
                "design runs every combination of the listed values"
            )
        return factorial_points(content.vary, specs, toml.line), {}, None
    ranges = sampled_ranges(content.vary, specs, method, toml.line)
    if content.screen is not None:
        try:
            ranges |= screening_ranges(
                specs, scenario.parameters.model_dump(mode="python"), content.screen.roles,
                content.screen.factor, exclude=[*ranges, *fixed],
            )
        except ValueError as error:
            raise DesignError(f"[screen] {error}") from None
    sampling = Sampling(design.samples, design.levels, design.second_order)
    samples = sample(method, ranges, sampling, content.seed)
    points = typed_points(samples, ranges, specs)
    if len(points) * content.replications > MAX_RUNS:
        raise DesignError(
            f"the experiment has {len(points) * content.replications} runs; at most {MAX_RUNS}"
        )
    return points, ranges, samples


def _point_parameters(
    points: list[dict[str, Any]], scenario: Scenario, toml: TomlFile
) -> list[Parameters]:
    """Every design point's full, validated parameters."""
    base = scenario.parameters.model_dump(mode="python")
    parameters = []
    for index, point in enumerate(points):
        try:
            parameters.append(make_parameters({**base, **point}))
        except ParameterError as error:
            shown = ", ".join(f"{k}={_format(v)}" for k, v in point.items())
            raise ExperimentError(
                f"{toml.label}: design point {index} ({shown}): {error}"
            ) from None
    return parameters


def _format(value: Any) -> str:
    return f"{value:.4g}" if isinstance(value, float) else str(value)
