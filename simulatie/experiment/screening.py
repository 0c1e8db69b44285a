"""Screening ranges: every numeric parameter of the chosen roles, varied around its value.

A screening over *every assumption* (Morris, then Sobol over what matters) needs a range for each
of some sixty parameters. Their declared bounds say what is valid, not what is plausible
(``friendly_hours`` may be anything from 1 to 200 hours), so a screening varies each parameter
around the value the experiment's scenario gives it: from ``value / factor`` to
``value × factor``, clipped to the declared bounds. With the default factor 1.5 that is a third
less to half as much again, the same relative uncertainty for every assumption, which is a stated
convention, not evidence (``docs/sensitivity.md``). Two cases need a rule of their own:

- a parameter whose value is 0 (``ageing_trend``, ``area_risk``) has no relative range; it is
  varied over its declared bounds;
- a whole-number parameter is widened to whole numbers (``floor`` and ``ceil``), and to at least
  one either side, so that ``meeting_places = 1`` is screened over 0 to 2, not left at 1.

Parameters with choices or switches cannot be sampled and are left out; so are parameters the
experiment fixes or varies itself (its own range wins).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from simulatie.core.parameters import ParameterSpec, Role

__all__ = ["DEFAULT_FACTOR", "range_around", "screening_ranges"]

DEFAULT_FACTOR = 1.5
"""Screen from value ÷ 1.5 to value × 1.5 unless the experiment says otherwise."""


def range_around(spec: ParameterSpec, value: float, factor: float) -> tuple[float, float]:
    """The screening range of one parameter around ``value``.

    Args:
        spec: The parameter's declaration (bounds and type).
        value: The value the experiment's scenario gives it.
        factor: How far to go either way, as a factor (above 1).

    Returns:
        ``(lower, upper)`` within the declared bounds, with ``lower < upper``.

    Raises:
        ValueError: If ``factor`` is not above 1 or no range fits the declared bounds.
    """
    if not factor > 1:
        raise ValueError(f"factor must be above 1, not {factor:g}")
    if value == 0:
        lower, upper = float(spec.lower), float(spec.upper)
    else:
        low, high = sorted((value / factor, value * factor))  # a negative value: × is lower
        lower = max(float(spec.lower), low)
        upper = min(float(spec.upper), high)
    if spec.kind is int:
        lower = max(float(spec.lower), float(math.floor(min(lower, value - 1))))
        upper = min(float(spec.upper), float(math.ceil(max(upper, value + 1))))
    if not lower < upper:
        raise ValueError(
            f"{spec.name}: no range around {value:g} fits its bounds {spec.lower:g} to "
            f"{spec.upper:g}"
        )
    return lower, upper


def screening_ranges(
    specs: Mapping[str, ParameterSpec],
    values: Mapping[str, Any],
    roles: Iterable[Role],
    factor: float = DEFAULT_FACTOR,
    exclude: Iterable[str] = (),
) -> dict[str, tuple[float, float]]:
    """Ranges for every numeric parameter with one of ``roles``, in declaration order.

    Args:
        specs: The parameter declarations (:func:`simulatie.core.parameters.parameter_specs`).
        values: The scenario's value of every parameter.
        roles: Which roles to screen, e.g. levers and context assumptions.
        factor: Relative width of each range (see :func:`range_around`).
        exclude: Parameters not to screen (those the experiment fixes or varies itself).

    Returns:
        ``{name: (lower, upper)}``.
    """
    wanted, skip = set(roles), set(exclude)
    ranges = {}
    for name, spec in specs.items():
        if spec.role not in wanted or name in skip:
            continue
        if spec.kind not in (int, float) or spec.choices:
            continue
        ranges[name] = range_around(spec, float(values[name]), factor)
    return ranges
