"""Scenario discovery: PRIM finds a known box, concerns are read as users write them, and
``simulatie discover`` works end to end on a tiny sweep, with one-line errors on bad input."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from simulatie.cli.main import app
from simulatie.experiment.discovery import (
    ConcernError,
    box_sentence,
    choose_box,
    discover,
    parse_concern,
)
from simulatie.experiment.experiments import load_experiment
from simulatie.experiment.sweep import run_sweep

COLUMNS = ["final_caring_ties", "final_baseline_caring_ties", "final_lonely_share",
           "final_care_hours_unmet", "final_care_hours_needed", "emergence_week"]


def test_prim_recovers_a_known_box_without_any_simulation() -> None:
    """Points of concern exactly where a > 0.6 and b < 0.3: the box must find those limits."""
    rng = np.random.default_rng(3)
    x = pd.DataFrame(rng.uniform(0, 1, (600, 5)), columns=["a", "b", "c", "d", "e"])
    y = ((x["a"] > 0.6) & (x["b"] < 0.3)).to_numpy()
    found = discover(x, y, resamples=5)
    limits = {limit.name: limit for limit in found.limits}
    assert set(limits) == {"a", "b"}
    assert limits["a"].from_below and not limits["a"].from_above
    assert limits["a"].lower == pytest.approx(0.6, abs=0.05)
    assert limits["b"].from_above and not limits["b"].from_below
    assert limits["b"].upper == pytest.approx(0.3, abs=0.05)
    assert found.coverage >= 0.8 and found.density >= 0.9
    assert all(limit.significant for limit in limits.values())
    assert set(found.scores.index[:2]) == {"a", "b"}
    assert found.stability.loc["a", "reproduce density"] >= 0.6


def test_noise_gives_no_dense_box() -> None:
    rng = np.random.default_rng(4)
    x = pd.DataFrame(rng.uniform(0, 1, (400, 3)), columns=["a", "b", "c"])
    y = rng.uniform(size=400) < 0.3
    found = discover(x, y, resamples=0)
    assert found.density < 0.6  # nothing explains random concern


def test_the_chosen_box_is_the_densest_with_enough_coverage() -> None:
    trajectory = pd.DataFrame({"coverage": [1.0, 0.8, 0.6, 0.4], "density": [0.3, 0.5, 0.7, 0.9],
                               "res_dim": [0, 1, 2, 3], "mass": [1.0, 0.5, 0.3, 0.1]})
    assert choose_box(trajectory, 0.5) == 2
    assert choose_box(trajectory, 0.3) == 3
    assert choose_box(trajectory, 0.95) == 0


@pytest.mark.parametrize(("text", "measure", "other", "threshold"), [
    ("caring_ties < baseline", "final_caring_ties", "final_baseline_caring_ties", None),
    ("final_lonely_share >= 0.3", "final_lonely_share", None, 0.3),
    ("care_hours_unmet > 0.2 * care_hours_needed", "final_care_hours_unmet",
     "final_care_hours_needed", None),
    ("emergence_week>104", "emergence_week", None, 104.0),
])
def test_concerns_are_read_as_users_write_them(text, measure, other, threshold) -> None:
    concern = parse_concern(text, COLUMNS)
    assert (concern.measure, concern.other, concern.threshold) == (measure, other, threshold)


@pytest.mark.parametrize(("text", "share", "message"), [
    ("friendliness < 3", None, "not a measure of this sweep"),
    ("lonely_share < baseline", None, "no matched baseline"),
    ("caring_ties is low", None, "cannot read the concern"),
    ("caring_ties < many", None, "not a number"),
    ("caring_ties < baseline", 1.5, "--share"),
])
def test_bad_concerns_are_one_clear_error(text, share, message) -> None:
    with pytest.raises(ConcernError, match=message):
        parse_concern(text, COLUMNS, share)


def test_replications_count_by_mean_or_by_share() -> None:
    runs = pd.DataFrame({"point": [0, 0, 0, 1, 1, 1],
                         "final_lonely_share": [0.1, 0.1, 0.7, 0.35, 0.35, 0.2]})
    by_mean = parse_concern("lonely_share > 0.28", ["final_lonely_share"])
    by_share = parse_concern("lonely_share > 0.28", ["final_lonely_share"], share=0.6)
    assert by_mean.points_of_concern(runs).tolist() == [True, True]
    assert by_share.points_of_concern(runs).tolist() == [False, True]


def test_box_in_words_has_units_and_both_languages() -> None:
    rng = np.random.default_rng(5)
    x = pd.DataFrame({"takeover": rng.uniform(0, 1, 300),
                      "turnover_per_year": rng.uniform(0.04, 0.16, 300)})
    y = ((x["takeover"] > 0.6) & (x["turnover_per_year"] > 0.12)).to_numpy()
    found = discover(x, y, resamples=0)
    concern = parse_concern("caring_ties < baseline", COLUMNS)
    en, nl = box_sentence(found, concern, "en"), box_sentence(found, concern, "nl")
    assert "takeover is above 0.6" in en and "a year" in en and "coverage" in en
    assert "takeover boven 0,6" in nl and "per jaar" in nl and "dekking" in nl


TINY_LHS = """
title = "tiny discovery"
weeks = 26
replications = 1
seed = 11
timeseries = ["caring_ties", "lonely_share"]
[fixed]
residents = 40
[design]
method = "lhs"
samples = 30
[vary]
takeover = { lower = 0.0, upper = 1.0 }
professional_hours = { lower = 0.0, upper = 32.0 }
invitation_effort = { lower = 0.0, upper = 1.0 }
"""


@pytest.fixture(scope="module")
def tiny_sweep(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("discovery")
    path = folder / "tiny.toml"
    path.write_text(textwrap.dedent(TINY_LHS), encoding="utf-8")
    report = run_sweep(load_experiment(path), folder / "out", workers=1)
    assert report.done == 30
    return folder / "out"


def test_discover_runs_end_to_end_on_a_tiny_sweep(tiny_sweep: Path) -> None:
    result = CliRunner().invoke(app, ["discover", str(tiny_sweep), "--concern",
                                      "lonely_share > 0.47", "--resamples", "3", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "coverage" in result.output and "of 30 design points" in result.output
    folders = list((tiny_sweep / "discovery").iterdir())
    assert len(folders) == 1
    made = {p.name for p in folders[0].iterdir()}
    assert {"report.md", "box_limits.csv", "peeling_trajectory.csv", "feature_scores.csv",
            "tree_leaves.csv", "discovery.json", "tradeoff.png", "tree.png",
            "feature_scores.png"} <= made
    record = json.loads((folders[0] / "discovery.json").read_text(encoding="utf-8"))
    assert record["points"] == 30 and 0 < record["of_concern"] < 30
    assert record["box"]["nl"] and record["box"]["en"]
    assert "# Scenario discovery" in (folders[0] / "report.md").read_text(encoding="utf-8")


def test_discover_speaks_dutch_by_default_and_names_parameters_by_label(tiny_sweep) -> None:
    result = CliRunner().invoke(app, ["discover", str(tiny_sweep), "--concern",
                                      "lonely_share > 0.47", "--resamples", "0"])
    assert result.exit_code == 0, result.output
    assert "van de 30 combinaties zijn een punt van zorg" in result.output
    assert "dekking" in result.output and "geschreven:" in result.output
    assert "design points" not in result.output and "coverage" not in result.output
    (folder,) = (tiny_sweep / "discovery").iterdir()
    report = (folder / "report.md").read_text(encoding="utf-8")
    assert report.startswith("# Scenario-ontdekking: lonely_share > 0.47")
    assert "| Overnemen door professionals | `takeover` |" in report  # label and name to type
    assert "Which parameters" not in report and "The box" not in report


@pytest.mark.parametrize(("concern", "message"), [
    ("friendliness > 1", "is geen uitkomst van deze sweep"),
    ("lonely_share > 5", "geen enkele combinatie voldoet aan"),
    ("lonely_share >= 0", "elke combinatie voldoet aan"),
])
def test_discover_refuses_bad_input_and_writes_nothing(tiny_sweep, concern, message) -> None:
    before = sorted(p.name for p in tiny_sweep.rglob("*"))
    result = CliRunner().invoke(app, ["discover", str(tiny_sweep), "--concern", concern])
    assert result.exit_code == 2
    assert message in result.output and result.output.count("\n") == 1
    assert sorted(p.name for p in tiny_sweep.rglob("*")) == before


def test_discover_refuses_too_few_runs_and_a_folder_without_results(tmp_path) -> None:
    few = tmp_path / "few.toml"
    few.write_text(textwrap.dedent(TINY_LHS).replace("samples = 30", "samples = 12"),
                   encoding="utf-8")
    run_sweep(load_experiment(few), tmp_path / "out", workers=1)
    result = CliRunner().invoke(app, ["discover", str(tmp_path / "out"), "--concern",
                                      "lonely_share > 0.2"])
    assert result.exit_code == 2 and "te weinig runs" in result.output
    assert not (tmp_path / "out" / "discovery").exists()
    result = CliRunner().invoke(app, ["discover", str(tmp_path / "nothing"), "--concern",
                                      "lonely_share > 0.2"])
    assert result.exit_code == 2 and "is geen resultatenmap van een sweep" in result.output
    result = CliRunner().invoke(app, ["discover", str(tmp_path / "nothing"), "--concern",
                                      "lonely_share > 0.2", "--lang", "en"])
    assert result.exit_code == 2 and "not a sweep's results folder" in result.output


def test_ship_writes_the_tipping_point_map_the_dashboard_reads(tiny_sweep, tmp_path,
                                                                monkeypatch) -> None:
    from simulatie.cli import common as cli_common
    from simulatie.experiment.discovery.shipped import load_tipping, tipping_cases

    monkeypatch.setattr(cli_common, "PACKAGE_DATA", tmp_path)
    result = CliRunner().invoke(app, ["discover", str(tiny_sweep), "--concern",
                                      "lonely_share > 0.47", "--resamples", "0", "--ship"])
    assert result.exit_code == 0, result.output
    assert tipping_cases(tmp_path / "tipping") == ["default"]
    points, record = load_tipping("default", tmp_path / "tipping")
    assert len(points) == 30 and record["varied"] == ["takeover", "professional_hours",
                                                      "invitation_effort"]
    assert {"final_caring_ties", "final_baseline_caring_ties"} <= set(points.columns)


def test_never_emerged_counts_as_later_than_any_week() -> None:
    runs = pd.DataFrame({"point": [0, 0, 1, 1], "emergence_week": [float("nan"), 40.0, 20, 30]})
    late = parse_concern("emergence_week > 104", ["emergence_week"])
    assert late.points_of_concern(runs).tolist() == [True, False]  # mean of never and 40: never
    assert late.runs_of_concern(runs).tolist() == [True, False, False, False]
