"""Design points: how an experiment's ``[vary]`` table becomes the parameter values it runs.

A *factorial* design runs every combination of the listed values. A *sampled* design (Latin
hypercube, Morris or Sobol, through SALib) draws points inside a range per parameter; whole-number
parameters are rounded. Every value is checked against its declaration in
:mod:`simulatie.core.parameters`, and every problem raises :class:`DesignError` with one line that
names the table, the key and its line in the file (the experiment loader adds the file's name).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import numpy as np

from simulatie.core.parameters import ParameterSpec, allowed, suggest
from simulatie.experiment.files import FileError, short

__all__ = [
    "MAX_RUNS",
    "SAMPLER_STREAM",
    "DesignError",
    "Method",
    "Sampling",
    "check_value",
    "factorial_points",
    "sample",
    "sampled_ranges",
    "typed_points",
]

MAX_RUNS = 1_000_000
"""The most runs (design points × replications) an experiment may have."""

SAMPLER_STREAM = 0x5A1B
"""Mixed into the master seed for the samplers' own stream (:mod:`simulatie.experiment.seeds`)."""

Locate = Callable[[str, str], str]
"""Returns ``" (line N)"`` for a key in a table of the file, or ``""``."""


class DesignError(FileError):
    """A design value that cannot be used (the experiment loader adds the file's name)."""


class Method(StrEnum):
    """How the varied parameters are combined into design points."""

    FACTORIAL = "factorial"
    LHS = "lhs"
    MORRIS = "morris"
    SOBOL = "sobol"


def check_value(spec: ParameterSpec, value: Any, where: str, line: str = "") -> Any:
    """Check one value against its declaration and return it typed as declared.

    Args:
        spec: The parameter's declaration.
        value: The value from the file.
        where: How to name it, e.g. ``"[vary] takeover[1]"``.
        line: ``" (line N)"`` or ``""``.

    Returns:
        The value (a whole number given for a float becomes a float).

    Raises:
        DesignError: Naming the value and what is allowed.
    """
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
        raise DesignError(
            f"{where} = {short(value)} is not allowed; it must be {allowed(spec)}{line}"
        )
    return value


def factorial_points(
    vary: Mapping[str, Any], specs: Mapping[str, ParameterSpec], locate: Locate
) -> list[dict[str, Any]]:
    """Every combination of the listed values.

    Args:
        vary: The ``[vary]`` table: a list of values per parameter.
        specs: The parameter declarations.
        locate: Finds a key's line.

    Returns:
        One dict of varied values per design point.

    Raises:
        DesignError: For an empty list, a value that is not allowed, or a repeated value.
    """
    levels: dict[str, list[Any]] = {}
    for name, values in vary.items():
        spec, line = specs[name], locate("vary", name)
        if not isinstance(values, list) or not values:
            raise DesignError(
                f"[vary] {name} must be a non-empty list of values for method "
                f"'factorial', e.g. {name} = [{_example(spec)}]{line}"
            )
        typed = [check_value(spec, v, f"[vary] {name}[{i}]", line) for i, v in enumerate(values)]
        if len(set(map(repr, typed))) != len(typed):
            raise DesignError(f"[vary] {name} lists a value twice{line}")
        levels[name] = typed
    count = math.prod(len(v) for v in levels.values())
    if count > MAX_RUNS:
        raise DesignError(f"[vary] makes {count} design points; at most {MAX_RUNS} allowed")
    names = list(levels)
    return [dict(zip(names, combo, strict=True)) for combo in itertools.product(*levels.values())]


def _example(spec: ParameterSpec) -> str:
    if spec.choices:
        return ", ".join(f'"{c}"' for c in spec.choices[:2])
    if spec.kind is bool:
        return "false, true"
    return f"{spec.lower:g}, {spec.upper:g}"


def sampled_ranges(
    vary: Mapping[str, Any], specs: Mapping[str, ParameterSpec], method: Method, locate: Locate
) -> dict[str, tuple[float, float]]:
    """The range each varied parameter is sampled over.

    Args:
        vary: The ``[vary]`` table: a table of ``lower``/``upper`` per parameter (``{}`` for the
            declared bounds).
        specs: The parameter declarations.
        method: The sampler, for messages.
        locate: Finds a key's line.

    Returns:
        ``(lower, upper)`` per parameter, in file order.

    Raises:
        DesignError: For a parameter that is not numeric, or bounds that are not allowed.
    """
    ranges = {}
    for name, value in vary.items():
        spec, line = specs[name], locate("vary", name)
        if spec.kind not in (int, float) or spec.choices:
            raise DesignError(
                f"[vary] {name} cannot be sampled by '{method.value}': only numeric "
                f"parameters can; vary it with method 'factorial' or fix it in [fixed]{line}"
            )
        if not isinstance(value, dict):
            raise DesignError(
                f"[vary] {name} must be a table of bounds for method '{method.value}', "
                f"e.g. {name} = {{}} (the declared {spec.lower:g} to {spec.upper:g}) or "
                f"{name} = {{ lower = {spec.lower:g}, upper = {spec.upper:g} }}{line}"
            )
        ranges[name] = _bounds(name, value, spec, line)
    return ranges


def _bounds(name: str, value: Mapping[str, Any], spec: ParameterSpec, line: str
            ) -> tuple[float, float]:
    unknown = [k for k in value if k not in ("lower", "upper")]
    if unknown:
        hint = suggest(str(unknown[0]), ["lower", "upper"])
        raise DesignError(f"[vary] {name}: unknown key '{unknown[0]}'{hint}{line}")
    lower = value.get("lower", spec.lower)
    upper = value.get("upper", spec.upper)
    for key, bound in (("lower", lower), ("upper", upper)):
        if type(bound) not in (int, float) or not spec.lower <= bound <= spec.upper:
            raise DesignError(
                f"[vary] {name}.{key} = {short(bound)} is not allowed; it must be "
                f"{allowed(spec)}{line}"
            )
    if not lower < upper:
        raise DesignError(
            f"[vary] {name}: lower ({lower:g}) must be below upper ({upper:g}){line}"
        )
    return float(lower), float(upper)


@dataclass(frozen=True)
class Sampling:
    """The ``[design]`` settings a sampler needs.

    Attributes:
        samples: Design points (LHS), trajectories (Morris) or the base sample (Sobol).
        levels: Morris grid levels.
        second_order: Whether the Sobol design supports second-order indices.
    """

    samples: int | None
    levels: int
    second_order: bool


_SAMPLES_MEANING = {
    Method.LHS: "the number of design points",
    Method.MORRIS: "the number of trajectories",
    Method.SOBOL: "the base sample size, a power of 2",
}


def sample(
    method: Method, ranges: Mapping[str, tuple[float, float]], sampling: Sampling, seed: int
) -> np.ndarray:
    """Draw the sample matrix, one row per design point, from the samplers' own stream.

    Args:
        method: LHS, Morris or Sobol.
        ranges: The range per parameter.
        sampling: The ``[design]`` settings.
        seed: The experiment's master seed.

    Returns:
        The raw sample matrix (columns in the order of ``ranges``).

    Raises:
        DesignError: If ``samples`` is missing or not allowed for the method.
    """
    from SALib.sample import latin, morris, sobol  # SALib only for sampled designs

    problem = {
        "num_vars": len(ranges),
        "names": list(ranges),
        "bounds": [list(b) for b in ranges.values()],
    }
    n = sampling.samples
    if n is None:
        raise DesignError(
            f"[design] samples is missing; method '{method.value}' needs it "
            f"({_SAMPLES_MEANING[method]})"
        )
    rng = np.random.default_rng([seed, SAMPLER_STREAM])
    if method is Method.LHS:
        return latin.sample(problem, n, seed=rng)
    if method is Method.MORRIS:
        if n < 2:
            raise DesignError("[design] samples must be at least 2 trajectories for 'morris'")
        return morris.sample(problem, n, num_levels=sampling.levels, seed=rng)
    if n & (n - 1):
        raise DesignError(
            f"[design] samples = {n} is not allowed for 'sobol': it must be a power of 2 "
            "(e.g. 64, 128, 256)"
        )
    return sobol.sample(problem, n, calc_second_order=sampling.second_order, seed=rng)


def typed_points(
    samples: np.ndarray, ranges: Mapping[str, tuple[float, float]], specs: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """Turn sample rows into parameter values; whole-number parameters are rounded.

    Args:
        samples: The sample matrix.
        ranges: The range per parameter (a value is clipped into it).
        specs: The parameter declarations.

    Returns:
        One dict of varied values per design point.
    """
    points = []
    for row in samples:
        point = {}
        for name, value in zip(ranges, row, strict=True):
            lower, upper = ranges[name]
            value = min(max(float(value), lower), upper)
            point[name] = round(value) if specs[name].kind is int else value
        points.append(point)
    return points
