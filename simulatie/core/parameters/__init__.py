"""Every model parameter, declared once, and the one way to validate a set of values.

Each field carries its type, default, bounds, unit, role and a Dutch and English description
(:mod:`.declare`). The fields are declared by topic in the sibling modules and assembled into
one flat, frozen, strict :class:`Parameters` model: an unknown key or an out-of-range value is an
error that names the key and what is allowed (:func:`explain_errors`). Scenario files, command-line
overrides, sweeps, calibration and dashboard controls all read these declarations.
"""

from __future__ import annotations

import difflib
from enum import StrEnum
from typing import Any

from pydantic import ConfigDict, ValidationError, model_validator

from simulatie.core.calendar import WEEKS_PER_YEAR

from .activities import ActivityParameters
from .care import CareParameters
from .choices import (
    CHOICE_LABELS,
    Funding,
    GuidanceStyle,
    History,
    Matching,
    Placement,
    Recruitment,
    choice_label,
)
from .conventions import ConventionParameters
from .declare import GROUP_LABELS, ROLE_LABELS, UNIT_LABELS, ParameterSpec, Role
from .demography import DemographyParameters
from .initiators import InitiatorParameters
from .meetings import MeetingParameters
from .neighbourhood import NeighbourhoodParameters
from .professionals import ProfessionalParameters
from .ties import TieParameters
from .volunteers import VolunteerParameters

__all__ = [
    "CHOICE_LABELS",
    "GROUP_LABELS",
    "MAX_RUN_WEEKS",
    "ROLE_LABELS",
    "UNIT_LABELS",
    "Funding",
    "GuidanceStyle",
    "History",
    "Matching",
    "ParameterError",
    "ParameterSpec",
    "Parameters",
    "Placement",
    "Recruitment",
    "Role",
    "allowed",
    "baseline_parameters",
    "choice_label",
    "convert_override",
    "explain_errors",
    "history_parameters",
    "make_parameters",
    "parameter_specs",
    "parse_override",
    "split_override",
    "suggest",
]


MAX_RUN_WEEKS = WEEKS_PER_YEAR * 200
"""The longest run allowed, in weeks: two hundred years."""


class Parameters(  # fields are listed in reverse order of these bases
    ConventionParameters,
    CareParameters,
    VolunteerParameters,
    ProfessionalParameters,
    InitiatorParameters,
    MeetingParameters,
    ActivityParameters,
    TieParameters,
    DemographyParameters,
    NeighbourhoodParameters,
):
    """All inputs of one simulation. Frozen and strict: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, validate_default=True)

    @model_validator(mode="after")
    def _groups_fit(self) -> Parameters:
        total = (
            self.share_older + self.share_family + self.share_lvb + self.share_psych
            + self.share_migrant
        )
        if total > 1.0 + 1e-9:
            raise ValueError(
                f"the group shares add up to {total:.2f}; share_older + share_family + "
                "share_lvb + share_psych + share_migrant must be at most 1 (the rest are "
                "other adults)"
            )
        return self


def _bounds(metadata: list[Any]) -> tuple[float | None, float | None]:
    lower = upper = None
    for item in metadata:
        lower = getattr(item, "ge", lower)
        upper = getattr(item, "le", upper)
    return lower, upper


def _build_specs() -> dict[str, ParameterSpec]:
    specs = {}
    for name, field in Parameters.model_fields.items():
        extra = field.json_schema_extra or {}
        lower, upper = _bounds(field.metadata)
        kind = field.annotation
        is_choice = isinstance(kind, type) and issubclass(kind, StrEnum)
        default = field.default.value if isinstance(field.default, StrEnum) else field.default
        specs[name] = ParameterSpec(
            name=name, kind=kind, default=default, lower=lower, upper=upper,
            unit=extra["unit"], en=field.description or "", nl=extra["nl"], group=extra["group"],
            role=Role(extra["role"]), source=extra["source"], baseline=extra.get("baseline"),
            choices=tuple(m.value for m in kind) if is_choice else (),
            short_nl=extra["short_nl"], short_en=extra["short_en"],
            plausible=tuple(extra["plausible"]) if "plausible" in extra else None,
            plausible_source=extra.get("plausible_source", ""),
            plausible_log=extra.get("plausible_log", False),
        )
    return specs


_SPECS = _build_specs()


def parameter_specs() -> dict[str, ParameterSpec]:
    """Return every parameter's declaration, keyed by name, in declaration order."""
    return dict(_SPECS)


def history_parameters(params: Parameters) -> Parameters:
    """The parameters of the neighbourhood's spin-up before week 0.

    Its baseline (:func:`baseline_parameters`); with ``spin_up_history`` ``"cut"`` every lever
    without a baseline value also at its default, so that runs that differ in such levers share
    one spin-up and change them at week 0.

    Args:
        params: The run's parameters.
    """
    base = baseline_parameters(params)
    if params.spin_up_history is not History.CUT:
        return base
    changes = {name: spec.kind(spec.default) if spec.choices else spec.default
               for name, spec in _SPECS.items()
               if spec.role is Role.LEVER and not spec.has_baseline}
    return base.model_copy(update=changes)


def baseline_parameters(params: Parameters) -> Parameters:
    """The same neighbourhood with nothing organised: every intervention lever at its baseline.

    Context, structure, conventions and levers without a baseline value (formal care capacity)
    are kept, so the result is the run's own counterfactual (used for the spin-up before week 0
    and for the matched baseline arm).

    Args:
        params: The run's parameters.

    Returns:
        The parameters with each lever set to its declared baseline value.
    """
    changes = {name: spec.kind(spec.baseline) if spec.choices else spec.baseline
               for name, spec in _SPECS.items() if spec.has_baseline}
    return params.model_copy(update=changes)


class ParameterError(ValueError):
    """Parameters that do not validate, explained in one readable message per problem."""

    def __init__(self, problems: list[str], source: str | None = None) -> None:
        self.problems = problems
        self.source = source
        prefix = f"{source}: " if source else ""
        super().__init__("; ".join(prefix + p for p in problems))


def allowed(spec: ParameterSpec) -> str:
    """Say in words what values a parameter allows (for error messages)."""
    if spec.choices:
        return "one of " + ", ".join(repr(c) for c in spec.choices)
    if spec.kind is bool:
        return "true or false"
    kind = "a whole number" if spec.kind is int else "a number"
    return f"{kind} from {spec.lower:g} to {spec.upper:g} ({spec.unit})"


def suggest(name: str, known: list[str]) -> str:
    """Return a "did you mean" hint for a misspelled name, or an empty string."""
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def explain_errors(error: ValidationError) -> list[str]:
    """Turn a pydantic validation error into one plain sentence per problem.

    Args:
        error: The error raised while validating :class:`Parameters`.

    Returns:
        Messages that name the key and what is allowed.
    """
    messages = []
    for problem in error.errors():
        key = ".".join(str(p) for p in problem["loc"])
        if problem["type"] == "extra_forbidden":
            messages.append(f"unknown parameter '{key}'{suggest(key, list(_SPECS))}")
        elif key in _SPECS:
            value = problem.get("input")
            messages.append(
                f"parameter '{key}' = {value!r} is not allowed; it must be {allowed(_SPECS[key])}"
            )
        else:
            messages.append(problem["msg"].removeprefix("Value error, "))
    return messages


def make_parameters(values: dict[str, Any] | None = None, source: str | None = None) -> Parameters:
    """Validate a mapping of parameter values into :class:`Parameters`.

    Args:
        values: Parameter names and values; anything missing keeps its declared default.
        source: Where the values came from (a file name), used in error messages.

    Returns:
        The validated, frozen parameters.

    Raises:
        ParameterError: If a key is unknown or a value has the wrong type or is out of range.
    """
    values = dict(values or {})
    for name, spec in _SPECS.items():  # strict mode: accept an int where a float is declared
        if spec.kind is float and type(values.get(name)) is int:
            if abs(values[name]) > 2**53:  # beyond exact floats and far beyond any bound
                raise ParameterError([f"parameter '{name}' is not allowed; it must be "
                                      f"{allowed(spec)}"], source)
            values[name] = float(values[name])
        if spec.choices and isinstance(values.get(name), str) and values[name] in spec.choices:
            values[name] = spec.kind(values[name])
    try:
        return Parameters.model_validate(values)
    except ValidationError as error:
        raise ParameterError(explain_errors(error), source) from None


def split_override(text: str) -> tuple[str, str]:
    """Split one ``name=value`` override from the command line, keeping the value as text.

    The value is converted to its declared type later, once, where the override is applied
    (:func:`convert_override`, called by the scenario loader).

    Args:
        text: For example ``"takeover=0.8"`` or ``"funding=pilot"``.

    Returns:
        The parameter name and the value's text.

    Raises:
        ParameterError: If the text is not ``name=value`` or the name is unknown.
    """
    name, sep, raw = text.partition("=")
    name, raw = name.strip(), raw.strip()
    if not sep or not name:
        raise ParameterError([f"'{text}' is not of the form name=value"])
    if name not in _SPECS:
        raise ParameterError([f"unknown parameter '{name}'{suggest(name, list(_SPECS))}"])
    return name, raw


def convert_override(name: str, raw: str) -> Any:
    """Read an override's text as the parameter's declared type.

    Args:
        name: A declared parameter.
        raw: Its value as text, e.g. ``"0.8"``, ``"true"`` or ``"pilot"``.

    Returns:
        The value as a ``bool``, ``int``, ``float`` or text (choices are checked with the other
        parameters).

    Raises:
        ParameterError: If the text cannot be read as the declared type.
    """
    spec = _SPECS[name]
    raw = raw.strip()
    try:
        if spec.kind is bool:
            lowered = raw.lower()
            if lowered not in {"true", "false", "yes", "no", "1", "0"}:
                raise ValueError
            return lowered in {"true", "yes", "1"}
        if spec.kind is int:
            return int(raw)
        if spec.kind is float:
            return float(raw)
        return raw
    except ValueError:
        raise ParameterError(
            [f"parameter '{name}' = {raw!r} is not allowed; it must be {allowed(spec)}"]
        ) from None


def parse_override(text: str) -> tuple[str, Any]:
    """Split and convert one ``name=value`` override (:func:`split_override`, then convert).

    Args:
        text: For example ``"takeover=0.8"``.

    Returns:
        The parameter name and its value converted to the declared type.

    Raises:
        ParameterError: If the text is not ``name=value``, the name is unknown, or the value
            cannot be read as the declared type.
    """
    name, raw = split_override(text)
    return name, convert_override(name, raw)
