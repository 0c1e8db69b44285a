"""The dashboard's controls, generated from the parameter declarations, and the scenario list.

Nothing here restates a label, a bound or a default: each :class:`Control` is derived from a
:class:`~simulatie.core.parameters.ParameterSpec`. The dashboard's settings are a scenario name plus
the values of the controls; :func:`resolve` turns them into a validated
:class:`~simulatie.experiment.scenarios.Scenario` through
:func:`~simulatie.experiment.scenarios.load_scenario`, the same function the command line and the
sweep runner call, so the dashboard's values are checked exactly like a scenario file's and its
exports carry the same provenance. This module does not import Solara;
:mod:`simulatie.dashboard.control_widgets` turns the controls into widgets.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from simulatie.core.parameters import GROUP_LABELS, ParameterSpec, parameter_specs
from simulatie.experiment.scenarios import DEFAULT, Scenario, list_scenarios, load_scenario

from .translations import t, unit

__all__ = [
    "GROUP_SHARES",
    "NUMBER_INPUT_SPAN",
    "Control",
    "ScenarioChoice",
    "Widget",
    "controls",
    "controls_by_group",
    "invalid_words",
    "nice_step",
    "overrides_from",
    "resolve",
    "scenario_choices",
    "scenario_values",
]

SLIDER_POSITIONS = 200  # a slider has at least this many positions (fine enough to drag)
NUMBER_INPUT_SPAN = 2000  # whole-number parameters with a wider range get a number field
_NICE = (1.0, 2.0, 2.5, 5.0)


class Widget(StrEnum):
    """The kind of widget a parameter is shown with."""

    SLIDER_FLOAT = "slider_float"
    SLIDER_INT = "slider_int"
    NUMBER_INT = "number_int"
    SELECT = "select"
    CHECKBOX = "checkbox"


def _is_multiple(value: float, step: float) -> bool:
    ratio = value / step
    return math.isclose(ratio, round(ratio), abs_tol=1e-9)


def nice_step(spec: ParameterSpec) -> float:
    """Return a slider step for a number: round, fine enough, and hitting the default exactly.

    The step is the largest "nice" number (1, 2, 2.5 or 5 times a power of ten) of at most
    ``span / SLIDER_POSITIONS`` for which the default and both bounds lie on the slider's grid,
    so a slider has between ``SLIDER_POSITIONS`` and a few times that many positions.
    Whole-number parameters always step by at least 1.

    Args:
        spec: A numeric parameter's declaration with both bounds.

    Returns:
        The step.
    """
    lower, upper = float(spec.lower), float(spec.upper)
    span = upper - lower
    if spec.kind is int:
        return 1.0
    exponent = math.floor(math.log10(span / SLIDER_POSITIONS))
    for power in range(exponent, exponent - 6, -1):
        for factor in reversed(_NICE):
            step = factor * 10.0**power
            if step > span / SLIDER_POSITIONS * 1.0000001:
                continue
            if all(_is_multiple(v - lower, step) for v in (float(spec.default), upper)):
                return step
    return span / SLIDER_POSITIONS  # pragma: no cover - only for a default off every grid


@dataclass(frozen=True)
class Control:
    """One parameter as a dashboard control.

    Attributes:
        spec: The parameter's declaration (name, kind, default, bounds, unit, labels, group).
        widget: The kind of widget.
        step: Slider step, for sliders.
    """

    spec: ParameterSpec
    widget: Widget
    step: float | None = None

    @property
    def name(self) -> str:
        """The parameter's name."""
        return self.spec.name

    @property
    def default(self) -> Any:
        """The declared default (an enum's value for choices)."""
        return self.spec.default

    @property
    def lower(self) -> float | None:
        """The declared lower bound."""
        return self.spec.lower

    @property
    def upper(self) -> float | None:
        """The declared upper bound."""
        return self.spec.upper

    @property
    def choices(self) -> tuple[str, ...]:
        """The allowed values of a choice."""
        return self.spec.choices

    def label(self, lang: str = "nl") -> str:
        """The declared description in ``lang``, with its unit where that helps."""
        text = self.spec.label(lang).rstrip(".")
        if self.widget in (Widget.SELECT, Widget.CHECKBOX):
            return text
        return f"{text} ({unit(self.spec.unit, lang)})"

    def coerce(self, value: Any) -> Any:
        """Bring a widget's value to the parameter's type, on the step grid and within bounds.

        Args:
            value: What the widget reported.

        Returns:
            A value of the declared type.
        """
        if self.widget is Widget.CHECKBOX:
            return bool(value)
        if self.widget is Widget.SELECT:
            return str(value)
        number = min(max(float(value), float(self.lower)), float(self.upper))
        if self.spec.kind is int:
            return round(number)
        steps = round((number - float(self.lower)) / self.step)
        return round(float(self.lower) + steps * self.step, 10)


def _control(spec: ParameterSpec) -> Control:
    if spec.choices:
        return Control(spec, Widget.SELECT)
    if spec.kind is bool:
        return Control(spec, Widget.CHECKBOX)
    if spec.kind is int:
        wide = spec.upper - spec.lower > NUMBER_INPUT_SPAN
        return Control(spec, Widget.NUMBER_INT if wide else Widget.SLIDER_INT, 1.0)
    return Control(spec, Widget.SLIDER_FLOAT, nice_step(spec))


@cache
def _controls() -> tuple[Control, ...]:
    return tuple(_control(spec) for spec in parameter_specs().values())


def controls() -> dict[str, Control]:
    """Return one control per declared parameter, by name, in declaration order."""
    return {c.name: c for c in _controls()}


def controls_by_group() -> dict[str, list[Control]]:
    """Return the controls under their declared group, groups in declaration order."""
    groups: dict[str, list[Control]] = {}
    for control in _controls():
        groups.setdefault(control.spec.group, []).append(control)
    return groups


@dataclass(frozen=True)
class ScenarioChoice:
    """A scenario or one of its variants, as offered in the picker.

    Attributes:
        name: What :func:`~simulatie.experiment.scenarios.load_scenario` accepts, e.g.
            ``"kerkweg"`` or
            ``"kerkweg:no_support"``.
        titles: The scenario file's title by language.
        variant: The variant's name, if this is a variant.
    """

    name: str
    titles: Mapping[str, str]
    variant: str | None = None

    def label(self, lang: str = "nl") -> str:
        """The title in ``lang``, with the variant's name after it."""
        title = self.titles.get(lang) or self.titles.get("nl") or self.name
        return f"{title} — {self.variant}" if self.variant else title


def _titles(scenario: Scenario) -> dict[str, str]:
    return {lang: scenario.title(lang) for lang in ("nl", "en")}


@cache
def scenario_choices() -> tuple[ScenarioChoice, ...]:
    """Return every scenario in the scenarios folder and each of its variants, default first."""
    choices = []
    for scenario in list_scenarios():
        titles = _titles(scenario)
        choices.append(ScenarioChoice(scenario.name, titles))
        for variant in scenario.variants:
            choices.append(ScenarioChoice(f"{scenario.name}:{variant}", titles, variant))
    return tuple(choices)


@cache
def _scenario(name: str) -> Scenario:
    return load_scenario(name)


def scenario_values(name: str = DEFAULT) -> dict[str, Any]:
    """Return the values a scenario gives every parameter, as the controls hold them.

    Args:
        name: A scenario name, optionally with ``:variant``.

    Returns:
        Parameter name to value (choices as their text value).

    Raises:
        ScenarioError: If the scenario does not load.
    """
    return _scenario(name).parameters.model_dump(mode="json")


def overrides_from(values: Mapping[str, Any], scenario: str = DEFAULT) -> dict[str, Any]:
    """Return the control values that differ from the scenario's own values."""
    base = scenario_values(scenario)
    return {name: value for name, value in values.items() if base.get(name) != value}


GROUP_SHARES: tuple[str, ...] = (
    "share_older", "share_family", "share_lvb", "share_psych", "share_migrant",
)
"""The resident groups' shares, which together may be at most 1 (the rest are other adults)."""


def invalid_words(values: Mapping[str, Any], lang: str = "nl") -> str:
    """Why the controls' values do not fit together, in plain words and what to do about it.

    The sliders keep every value within its bounds, so what can go wrong is a combination: the
    resident groups adding up to more than the whole neighbourhood. Any other problem gets a
    general sentence (the technical message is shown apart, for the researcher).

    Args:
        values: The controls' values by name.
        lang: ``"nl"`` or ``"en"``.

    Returns:
        One or two sentences.
    """
    shares = {name: float(values.get(name, 0.0) or 0.0) for name in GROUP_SHARES}
    total = sum(shares.values())
    if total <= 1.0 + 1e-9:
        return t("invalid_other", lang)
    parts = ", ".join(f"{t(f'plural_{name}', lang)} {round(100 * share)}%"
                      for name, share in shares.items() if share > 0)
    spec = parameter_specs()[GROUP_SHARES[0]]
    where = " → ".join((t("settings", lang), t(f"section_{spec.role.value}", lang),
                        GROUP_LABELS.get(spec.group, {}).get(lang, spec.group)))
    return t("invalid_groups", lang, total=round(100 * total), parts=parts, where=where)


def resolve(scenario: str, values: Mapping[str, Any]) -> Scenario:
    """Validate a scenario plus the controls' values, as the command line does with ``--set``.

    Args:
        scenario: The scenario picked.
        values: The controls' values (only those differing from the scenario are applied).

    Returns:
        The loaded scenario with the changed values as overrides.

    Raises:
        ScenarioError: If the combination does not validate (e.g. group shares above 1).
    """
    return load_scenario(scenario, overrides_from(values, scenario))
