"""Experiment files: which runs a sweep makes, validated on load, and the design they expand to.

An experiment (``experiments/*.toml``) names a base scenario, fixed overrides on top of it, the
parameters to vary and how (a full factorial of listed values, or ranges sampled by Latin
hypercube, Morris or Sobol through SALib; ``[screen]`` adds every numeric parameter of whole
roles, see :mod:`simulatie.experiment.screening`), the number of replications, the number of weeks,
the metrics to keep every week, and one master seed. :func:`load_experiment` reads and checks the
file and returns an :class:`Experiment` whose :meth:`Experiment.runs` lists every run with its
validated parameters and seed. Every mistake in a file raises :class:`ExperimentError` with one
line that names the file and the key; nothing here prints a traceback.

Seeds
-----
Every run's seed is derived from the master seed with :class:`numpy.random.SeedSequence`. By
default the experiment uses *common random numbers*: replication ``r`` gets the seed of
``SeedSequence(seed).spawn(replications)[r]`` at every design point, so two design points are
compared under the same draws and their difference is due to the parameters, not to luck. With
``common_random_numbers = false`` every design point and replication gets its own stream,
``SeedSequence(seed).spawn(points)[p].spawn(replications)[r]``. Either way a seed depends only on
the master seed and the run's position, never on the order or the place in which runs execute.
The samplers (Latin hypercube, Morris, Sobol) draw from a separate stream of the same master seed.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, Strict, ValidationError

from simulatie.core.parameters import (
    ParameterError,
    Parameters,
    ParameterSpec,
    Role,
    allowed,
    make_parameters,
    parameter_specs,
    suggest,
)
from simulatie.experiment.scenarios import COMMAND_LINE, Scenario, ScenarioError, load_scenario
from simulatie.experiment.screening import DEFAULT_FACTOR, screening_ranges

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

SAMPLER_STREAM = 0x5A1B
"""Mixed into the master seed for the samplers' own stream (see the module docstring)."""

MAX_RUNS = 1_000_000
_MAX_FILE_BYTES = 1_000_000


class ExperimentError(ValueError):
    """An experiment file that cannot be used, explained in one line naming the file and key."""


class Method(StrEnum):
    """How the varied parameters are combined into design points."""

    FACTORIAL = "factorial"
    LHS = "lhs"
    MORRIS = "morris"
    SOBOL = "sobol"


# --- The file's schema ------------------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class DesignSection(_Strict):
    """The ``[design]`` table: how design points are made."""

    method: Method = Field(Method.FACTORIAL, strict=False)
    samples: int | None = Field(None, ge=1, le=MAX_RUNS)
    levels: int = Field(4, ge=2, le=100)
    second_order: bool = False
    common_random_numbers: bool = True


class ScreenSection(_Strict):
    """The ``[screen]`` table: vary every numeric parameter of these roles around its value."""

    roles: list[Annotated[Role, Strict(False)]] = Field(min_length=1)
    factor: float = Field(DEFAULT_FACTOR, gt=1, le=100, strict=False)


class ExperimentFile(_Strict):
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
    fixed: dict[str, Any] = {}
    vary: dict[str, Any] = {}


_TABLES: dict[tuple[str, ...], type[BaseModel]] = {
    (): ExperimentFile,
    ("design",): DesignSection,
    ("screen",): ScreenSection,
}


def _where(loc: Sequence[Any]) -> tuple[str, str]:
    """Split a pydantic location into the table (``"[design] "``) and the key."""
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("design", "screen", "fixed", "vary") and len(parts) > 1:
        return f"[{parts[0]}] ", ".".join(parts[1:])
    return "", ".".join(parts)


def _explain(error: ValidationError) -> str:
    """The first problem of a validation error as one sentence naming the key."""
    problem = error.errors()[0]
    loc = problem["loc"]
    table, key = _where(loc)
    kind = problem["type"]
    if kind == "extra_forbidden":
        model = _TABLES.get(tuple(str(p) for p in loc[:-1]), ExperimentFile)
        hint = suggest(str(loc[-1]), list(model.model_fields))
        return f"{table}unknown key '{loc[-1]}'{hint}"
    if kind == "missing":
        return f"{table}'{key}' is missing"
    value = problem.get("input")
    if kind == "enum" and table == "[screen] ":
        roles = ", ".join(repr(r.value) for r in Role)
        return f"[screen] roles: {value!r} is not a role; use {roles}"
    if kind == "enum":
        choices = ", ".join(repr(m.value) for m in Method)
        hint = suggest(str(value), [m.value for m in Method])
        return f"{table}{key} = {value!r} is not a method; use one of {choices}{hint}"
    message = problem["msg"]
    return f"{table}{key} = {_short(value)} is not allowed: {message.lower()}"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


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


# --- Seeds --------------------------------------------------------------------------------------


def _seed_of(sequence: np.random.SeedSequence) -> int:
    """A non-negative 63-bit integer seed (fits a signed 64-bit column) from a seed sequence."""
    return int(sequence.generate_state(1, dtype=np.uint64)[0] & np.uint64(2**63 - 1))


def run_seeds(
    master: int, points: int, replications: int, common_random_numbers: bool = True
) -> np.ndarray:
    """Derive every run's seed from the master seed.

    Args:
        master: The experiment's master seed.
        points: Number of design points.
        replications: Replications per design point.
        common_random_numbers: If true, replication ``r`` has the same seed at every point.

    Returns:
        An integer array of shape ``(points, replications)``.
    """
    root = np.random.SeedSequence(master)
    seeds = np.empty((points, replications), dtype=np.int64)
    if common_random_numbers:
        row = [_seed_of(child) for child in root.spawn(replications)]
        seeds[:] = row
    else:
        for point, child in enumerate(root.spawn(points)):
            seeds[point] = [_seed_of(grandchild) for grandchild in child.spawn(replications)]
    return seeds


def safe_name(name: str) -> str:
    """Make a name safe as a single folder or file name (no separators, no leading dots)."""
    safe = re.sub(r"[^\w.-]+", "-", name, flags=re.ASCII).strip("-.")
    safe = re.sub(r"\.{2,}", ".", safe)
    return safe[:80] or "experiment"


# --- Checking values ----------------------------------------------------------------------------


def _check_value(spec: ParameterSpec, value: Any, where: str) -> Any:
    """Check one value against its declaration and return it typed as declared."""
    ok = False
    if spec.choices:
        ok = isinstance(value, str) and value in spec.choices
    elif spec.kind is bool:
        ok = isinstance(value, bool)
    elif spec.kind is int:
        ok = type(value) is int
    elif spec.kind is float:
        ok = type(value) in (int, float) and math.isfinite(value)
        value = float(value) if ok else value
    if ok and spec.lower is not None and not spec.lower <= value <= spec.upper:
        ok = False
    if not ok:
        raise ExperimentError(
            f"{where} = {_short(value)} is not allowed; it must be {allowed(spec)}"
        )
    return value


def _known(name: str, where: str, specs: Mapping[str, ParameterSpec]) -> ParameterSpec:
    if name not in specs:
        raise ExperimentError(f"{where}unknown parameter '{name}'{suggest(name, list(specs))}")
    return specs[name]


def _check_metrics(names: list[str] | None) -> tuple[str, ...]:
    from simulatie.core.metrics import METRICS  # the registry (no model, no Mesa)

    if names is None:
        return tuple(n for n in DEFAULT_TIMESERIES if n in METRICS)
    if names == ["all"]:
        return tuple(METRICS)
    seen: list[str] = []
    for name in names:
        if name not in METRICS:
            raise ExperimentError(
                f"timeseries: unknown metric '{name}'{suggest(name, list(METRICS))}"
            )
        if name not in seen:
            seen.append(name)
    return tuple(seen)


# --- Designs ------------------------------------------------------------------------------------


def _factorial(vary: Mapping[str, Any], specs: Mapping[str, ParameterSpec]) -> list[dict]:
    levels: dict[str, list[Any]] = {}
    for name, values in vary.items():
        spec = _known(name, "[vary] ", specs)
        if not isinstance(values, list) or not values:
            raise ExperimentError(
                f"[vary] {name} must be a non-empty list of values for method 'factorial', "
                f"e.g. {name} = [{_example(spec)}]"
            )
        typed = [_check_value(spec, v, f"[vary] {name}[{i}]") for i, v in enumerate(values)]
        if len(set(map(repr, typed))) != len(typed):
            raise ExperimentError(f"[vary] {name} lists a value twice")
        levels[name] = typed
    count = math.prod(len(v) for v in levels.values())
    if count > MAX_RUNS:
        raise ExperimentError(f"[vary] makes {count} design points; at most {MAX_RUNS} allowed")
    names = list(levels)
    return [dict(zip(names, combo, strict=True)) for combo in itertools.product(*levels.values())]


def _example(spec: ParameterSpec) -> str:
    if spec.choices:
        return ", ".join(f'"{c}"' for c in spec.choices[:2])
    if spec.kind is bool:
        return "false, true"
    return f"{spec.lower:g}, {spec.upper:g}"


def _ranges(
    vary: Mapping[str, Any], specs: Mapping[str, ParameterSpec], method: Method
) -> dict[str, tuple[float, float]]:
    ranges = {}
    for name, value in vary.items():
        spec = _known(name, "[vary] ", specs)
        if spec.kind not in (int, float) or spec.choices:
            raise ExperimentError(
                f"[vary] {name} cannot be sampled by '{method.value}': only numeric parameters "
                "can; vary it with method 'factorial' or fix it in [fixed]"
            )
        if not isinstance(value, dict):
            raise ExperimentError(
                f"[vary] {name} must be a table of bounds for method '{method.value}', e.g. "
                f"{name} = {{}} (the declared {spec.lower:g} to {spec.upper:g}) or "
                f"{name} = {{ lower = {spec.lower:g}, upper = {spec.upper:g} }}"
            )
        unknown = [k for k in value if k not in ("lower", "upper")]
        if unknown:
            hint = suggest(str(unknown[0]), ["lower", "upper"])
            raise ExperimentError(f"[vary] {name}: unknown key '{unknown[0]}'{hint}")
        lower = value.get("lower", spec.lower)
        upper = value.get("upper", spec.upper)
        for key, bound in (("lower", lower), ("upper", upper)):
            if type(bound) not in (int, float) or not spec.lower <= bound <= spec.upper:
                raise ExperimentError(
                    f"[vary] {name}.{key} = {_short(bound)} is not allowed; it must be "
                    f"{allowed(spec)}"
                )
        if not lower < upper:
            raise ExperimentError(
                f"[vary] {name}: lower ({lower:g}) must be below upper ({upper:g})"
            )
        ranges[name] = (float(lower), float(upper))
    return ranges


def _sample(
    method: Method,
    ranges: Mapping[str, tuple[float, float]],
    design: DesignSection,
    seed: int,
) -> np.ndarray:
    from SALib.sample import latin, morris, sobol  # SALib only for sampled designs

    problem = {
        "num_vars": len(ranges),
        "names": list(ranges),
        "bounds": [list(b) for b in ranges.values()],
    }
    n = design.samples
    if n is None:
        raise ExperimentError(
            f"[design] samples is missing; method '{method.value}' needs it ("
            + {
                Method.LHS: "the number of design points",
                Method.MORRIS: "the number of trajectories",
                Method.SOBOL: "the base sample size, a power of 2",
            }[method]
            + ")"
        )
    rng = np.random.default_rng([seed, SAMPLER_STREAM])
    if method is Method.LHS:
        return latin.sample(problem, n, seed=rng)
    if method is Method.MORRIS:
        if n < 2:
            raise ExperimentError("[design] samples must be at least 2 trajectories for 'morris'")
        return morris.sample(problem, n, num_levels=design.levels, seed=rng)
    if n & (n - 1):
        raise ExperimentError(
            f"[design] samples = {n} is not allowed for 'sobol': it must be a power of 2 "
            "(e.g. 64, 128, 256)"
        )
    return sobol.sample(problem, n, calc_second_order=design.second_order, seed=rng)


def _typed_points(
    samples: np.ndarray, ranges: Mapping[str, tuple[float, float]], specs: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """Turn sample rows into parameter values; whole-number parameters are rounded."""
    points = []
    for row in samples:
        point = {}
        for name, value in zip(ranges, row, strict=True):
            lower, upper = ranges[name]
            value = min(max(float(value), lower), upper)
            point[name] = round(value) if specs[name].kind is int else value
        points.append(point)
    return points


# --- Loading --------------------------------------------------------------------------------------


def _read(path: Path) -> dict[str, Any]:
    label = str(path)
    if not path.exists():
        raise ExperimentError(f"{label}: no such experiment file")
    if not path.is_file():
        raise ExperimentError(f"{label}: not a file")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ExperimentError(f"{label}: cannot read it: {error.strerror or error}") from None
    if len(raw) > _MAX_FILE_BYTES:
        raise ExperimentError(f"{label}: the file is too large for an experiment")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ExperimentError(f"{label}: the file is not UTF-8 text") from None
    try:
        return tomllib.loads(text) | {"__text__": text}
    except tomllib.TOMLDecodeError as error:
        raise ExperimentError(f"{label}: not valid TOML: {error}") from None


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
        ExperimentError: With one line naming the file and the key and what is allowed.
    """
    file = resolve_experiment(path)
    label = str(file)
    data = _read(file)
    text = data.pop("__text__")
    try:
        spec = ExperimentFile.model_validate(data)
    except ValidationError as error:
        raise ExperimentError(f"{label}: {_explain(error)}") from None
    try:
        return _build(spec, file, text)
    except ExperimentError as error:
        raise ExperimentError(f"{label}: {error}") from None


def _build(spec: ExperimentFile, file: Path, text: str) -> Experiment:
    specs = parameter_specs()
    fixed = {}
    for name, value in spec.fixed.items():
        fixed[name] = _check_value(_known(name, "[fixed] ", specs), value, f"[fixed] {name}")
    both = sorted(set(fixed) & set(spec.vary))
    if both:
        raise ExperimentError(f"'{both[0]}' is both in [fixed] and in [vary]; keep one")
    timeseries = _check_metrics(spec.timeseries)
    try:
        scenario = load_scenario(_scenario_reference(spec.scenario, file.parent), fixed)
    except ScenarioError as error:
        message = str(error).replace(f"{COMMAND_LINE}: ", "with [fixed]: ")
        raise ExperimentError(f"scenario = {spec.scenario!r}: {message}") from None

    method = spec.design.method
    if not spec.vary and spec.screen is None:
        raise ExperimentError("[vary] is empty; name at least one parameter to vary "
                              "(or screen whole roles with [screen])")
    ranges: dict[str, tuple[float, float]] = {}
    samples = None
    if spec.screen is not None and method is Method.FACTORIAL:
        raise ExperimentError("[screen] samples ranges; use it with method 'lhs', 'morris' or "
                              "'sobol', not 'factorial'")
    if method is Method.FACTORIAL:
        if spec.design.samples is not None:
            raise ExperimentError(
                "[design] samples is only used by 'lhs', 'morris' and 'sobol'; a factorial "
                "design runs every combination of the listed values"
            )
        points = _factorial(spec.vary, specs)
    else:
        ranges = _ranges(spec.vary, specs, method)
        if spec.screen is not None:
            try:
                ranges |= screening_ranges(
                    specs, scenario.parameters.model_dump(mode="python"), spec.screen.roles,
                    spec.screen.factor, exclude=[*ranges, *fixed],
                )
            except ValueError as error:
                raise ExperimentError(f"[screen] {error}") from None
        samples = _sample(method, ranges, spec.design, spec.seed)
        points = _typed_points(samples, ranges, specs)
    if len(points) * spec.replications > MAX_RUNS:
        raise ExperimentError(
            f"the experiment has {len(points) * spec.replications} runs; at most {MAX_RUNS}"
        )

    base = scenario.parameters.model_dump(mode="python")
    parameters = []
    for index, point in enumerate(points):
        try:
            parameters.append(make_parameters({**base, **point}))
        except ParameterError as error:
            shown = ", ".join(f"{k}={_format(v)}" for k, v in point.items())
            raise ExperimentError(f"design point {index} ({shown}): {error}") from None

    return Experiment(
        name=spec.name or file.stem,
        path=file,
        text=text,
        title=spec.title,
        description=spec.description.strip(),
        scenario=scenario,
        method=method,
        weeks=spec.weeks,
        replications=spec.replications,
        seed=spec.seed,
        timeseries=timeseries,
        fixed=fixed,
        varied=tuple(ranges) if ranges else tuple(spec.vary),
        ranges=ranges,
        samples=samples,
        points=tuple(points),
        levels=spec.design.levels,
        second_order=spec.design.second_order,
        common_random_numbers=spec.design.common_random_numbers,
        _parameters=tuple(parameters),
    )


def _format(value: Any) -> str:
    return f"{value:.4g}" if isinstance(value, float) else str(value)
