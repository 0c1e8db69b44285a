"""Screening over every assumption: ranges around each value, and the ``[screen]`` table."""

from __future__ import annotations

import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from simulatie.core.parameters import Role, make_parameters, parameter_specs
from simulatie.experiment.experiments import ExperimentError, load_experiment
from simulatie.experiment.screening import range_around, screening_ranges
from simulatie.experiment.sensitivity import HEATMAP_FROM, plot_sensitivity, relative_influence

SPECS = parameter_specs()
EXPERIMENTS = Path(__file__).resolve().parent.parent / "experiments"


def numeric(role: Role) -> list[str]:
    """Names of the numeric parameters with this role."""
    return [
        name for name, spec in SPECS.items()
        if spec.role is role and spec.kind in (int, float) and not spec.choices
    ]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "screen.toml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# --- One range ---------------------------------------------------------------------------------


def test_a_float_range_is_the_value_divided_and_multiplied_by_the_factor():
    spec = SPECS["friendly_hours"]
    lower, upper = range_around(spec, 15.0, 1.5)
    assert lower == pytest.approx(10.0)
    assert upper == pytest.approx(22.5)


def test_a_range_is_clipped_to_the_declared_bounds():
    spec = SPECS["takeover"]  # a share: at most 1
    lower, upper = range_around(spec, 0.9, 2.0)
    assert lower == pytest.approx(0.45)
    assert upper == float(spec.upper)


def test_a_zero_value_is_screened_over_its_declared_bounds():
    spec = SPECS["ageing_trend"]
    assert range_around(spec, 0.0, 1.5) == (float(spec.lower), float(spec.upper))


def test_a_whole_number_is_widened_to_whole_numbers_at_least_one_either_side():
    spec = SPECS["meeting_places"]
    lower, upper = range_around(spec, 1.0, 1.5)
    assert (lower, upper) == (0.0, 2.0)
    lower, upper = range_around(spec, 4.0, 1.5)
    assert lower == 2.0 and upper == 6.0
    assert lower.is_integer() and upper.is_integer()


def test_a_factor_of_one_or_less_is_refused():
    with pytest.raises(ValueError, match="factor must be above 1"):
        range_around(SPECS["friendly_hours"], 15.0, 1.0)


# --- Whole roles ------------------------------------------------------------------------------


def test_every_numeric_parameter_of_the_roles_gets_a_range_inside_its_bounds():
    values = make_parameters().model_dump(mode="python")
    ranges = screening_ranges(SPECS, values, [Role.LEVER, Role.CONTEXT])
    assert set(ranges) == set(numeric(Role.LEVER)) | set(numeric(Role.CONTEXT))
    for name, (lower, upper) in ranges.items():
        spec = SPECS[name]
        assert spec.lower <= lower < upper <= spec.upper, name
        value = values[name]
        assert lower <= value <= upper or value == 0, name


def test_structure_and_choices_are_not_screened():
    values = make_parameters().model_dump(mode="python")
    ranges = screening_ranges(SPECS, values, [Role.LEVER, Role.CONTEXT])
    assert "residents" not in ranges
    assert not any(SPECS[name].choices for name in ranges)


def test_excluded_parameters_are_left_alone():
    values = make_parameters().model_dump(mode="python")
    ranges = screening_ranges(SPECS, values, [Role.CONTEXT], exclude=["friendly_hours"])
    assert "friendly_hours" not in ranges
    assert "ask_threshold" in ranges


# --- The [screen] table of an experiment ------------------------------------------------------


SCREEN = """
weeks = 10
seed = 1
[fixed]
residents = 40
friendly_hours = 20
[design]
method = "morris"
samples = 2
[screen]
roles = ["context"]
factor = 2
[vary]
ask_threshold = { lower = 0.1, upper = 0.2 }
"""


def test_screen_adds_every_context_parameter_around_the_scenario_value(tmp_path):
    experiment = load_experiment(write(tmp_path, SCREEN))
    expected = set(numeric(Role.CONTEXT)) - {"friendly_hours"}
    assert set(experiment.varied) == expected
    assert experiment.ranges["ask_threshold"] == (0.1, 0.2)  # the explicit range wins
    assert experiment.n_runs == 2 * (len(expected) + 1)
    samples = np.asarray(experiment.samples)
    for i, name in enumerate(experiment.varied):
        lower, upper = experiment.ranges[name]
        assert samples[:, i].min() >= lower and samples[:, i].max() <= upper


def test_screen_centres_each_range_on_the_scenario_value_not_the_declared_default(tmp_path):
    text = SCREEN.replace("weeks = 10", 'scenario = "drenthe"\nweeks = 10')
    experiment = load_experiment(write(tmp_path, text))
    values = experiment.scenario.parameters.model_dump(mode="python")
    differs = [
        name for name in experiment.varied
        if name != "ask_threshold" and values[name] not in (0, SPECS[name].default)
    ]
    assert differs, "drenthe should set some context assumption away from its default"
    for name in differs:
        assert experiment.ranges[name] == range_around(SPECS[name], float(values[name]), 2.0)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ('roles = ["context"]', "[screen] roles[0] = 'nonsense' is not allowed; use 'lever'"),
        ('method = "morris"', "use it with method 'lhs', 'morris' or 'sobol'"),
        ("factor = 2", "[screen] factor = 1 is not allowed"),
    ],
)
def test_screen_mistakes_give_one_line(tmp_path, change, message):
    replacement = {
        'roles = ["context"]': 'roles = ["nonsense"]',
        'method = "morris"': 'method = "factorial"',
        "factor = 2": "factor = 1",
    }[change]
    text = SCREEN.replace(change, replacement)
    if "factorial" in replacement:
        text = text.replace("samples = 2\n", "").replace(
            "ask_threshold = { lower = 0.1, upper = 0.2 }", "ask_threshold = [0.1]"
        )
    with pytest.raises(ExperimentError) as caught:
        load_experiment(write(tmp_path, text))
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_screen_alone_needs_no_vary(tmp_path):
    text = SCREEN.replace("[vary]\nask_threshold = { lower = 0.1, upper = 0.2 }\n", "")
    experiment = load_experiment(write(tmp_path, text))
    assert "ask_threshold" in experiment.varied


def test_the_shipped_screening_covers_every_lever_and_context_parameter():
    experiment = load_experiment(EXPERIMENTS / "screening_all.toml")
    expected = set(numeric(Role.LEVER)) | set(numeric(Role.CONTEXT))
    assert set(experiment.varied) == expected - set(experiment.fixed)
    assert experiment.n_runs == len(experiment.manifest())


# --- The figure -------------------------------------------------------------------------------


def test_many_parameters_are_shown_as_one_heatmap_scaled_per_outcome():
    rng = np.random.default_rng(0)
    names = [f"p{i}" for i in range(HEATMAP_FROM + 5)]
    table = pd.DataFrame(
        [
            {"output": out, "parameter": name, "mu_star": value, "mu_star_conf": 0.0,
             "mu": value, "sigma": 0.0}
            for out in ("a", "b")
            for name, value in zip(names, rng.uniform(0, 10, len(names)), strict=True)
        ]
    )
    scaled = relative_influence(table, "morris")
    assert scaled.max().tolist() == [1.0, 1.0]
    assert scaled.max(axis=1).is_monotonic_decreasing
    figure = plot_sensitivity(table, "morris")
    assert len(figure.axes) == 2  # the heatmap and its colour bar
    assert len(figure.axes[0].get_yticklabels()) == len(names)
