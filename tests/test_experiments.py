"""Experiment files: validation into one-line errors, designs, seeds and the manifest."""

from __future__ import annotations

import textwrap
from pathlib import Path

import numpy as np
import pytest
import typer
from typer.testing import CliRunner

from simulatie.cli.sweep import register
from simulatie.core.parameters import parameter_specs
from simulatie.experiment.experiments import (
    DEFAULT_TIMESERIES,
    ExperimentError,
    load_experiment,
    run_seeds,
    safe_name,
)

EXPERIMENTS = Path(__file__).resolve().parent.parent / "experiments"

TINY = """
weeks = 10
replications = 2
seed = 3
[fixed]
residents = 40
[vary]
takeover = [0.0, 1.0]
initiators = [0, 4]
"""


def write(tmp_path: Path, text: str, name: str = "exp.toml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# --- The shipped experiments ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["default_sweep", "sensitivity_morris", "sensitivity_sobol"])
def test_shipped_experiments_load(name):
    experiment = load_experiment(EXPERIMENTS / f"{name}.toml")
    assert experiment.n_runs == len(experiment.manifest())


def test_default_sweep_has_200_runs():
    experiment = load_experiment(EXPERIMENTS / "default_sweep.toml")
    assert experiment.n_runs == 200
    assert experiment.varied == ("takeover", "professional_hours")


def test_experiment_found_by_name(monkeypatch):
    monkeypatch.chdir(EXPERIMENTS.parent)
    assert load_experiment("default_sweep").name == "default_sweep"


# --- Designs and seeds -----------------------------------------------------------------------


def test_factorial_manifest_and_crn_seeds(tmp_path):
    experiment = load_experiment(write(tmp_path, TINY))
    manifest = experiment.manifest()
    assert list(manifest.columns) == [
        "run_id", "point", "replication", "seed", "takeover", "initiators"
    ]
    assert len(manifest) == 8 and manifest["run_id"].is_unique
    assert manifest["initiators"].dtype.kind == "i"
    # common random numbers: replication r has one seed at every design point
    per_rep = manifest.groupby("replication")["seed"].nunique()
    assert (per_rep == 1).all()
    assert manifest.groupby("point")["seed"].nunique().eq(2).all()
    children = np.random.SeedSequence(3).spawn(2)
    expected = [int(c.generate_state(1, np.uint64)[0] & np.uint64(2**63 - 1)) for c in children]
    assert manifest.loc[manifest["point"] == 3, "seed"].tolist() == expected
    assert experiment.timeseries == DEFAULT_TIMESERIES
    for spec in experiment.runs():
        assert spec.parameters.residents == 40


def test_seeds_without_crn_are_all_distinct_and_stable():
    seeds = run_seeds(11, points=5, replications=3, common_random_numbers=False)
    assert len(np.unique(seeds)) == 15
    grand = np.random.SeedSequence(11).spawn(5)[4].spawn(3)[2]
    assert seeds[4, 2] == int(grand.generate_state(1, np.uint64)[0] & np.uint64(2**63 - 1))
    assert np.array_equal(seeds, run_seeds(11, 5, 3, False))
    assert (seeds >= 0).all()


def test_seed_and_parameters_enter_the_fingerprint(tmp_path):
    first = load_experiment(write(tmp_path, TINY, "a.toml")).fingerprint()
    same = load_experiment(write(tmp_path, TINY, "b.toml")).fingerprint()
    other = load_experiment(write(tmp_path, TINY.replace("seed = 3", "seed = 4"), "c.toml"))
    assert first == same != other.fingerprint()


@pytest.mark.parametrize(
    ("method", "extra", "points"),
    [("lhs", "samples = 7", 7), ("morris", "samples = 3", 9), ("sobol", "samples = 8", 32)],
)
def test_sampled_designs_stay_in_bounds(tmp_path, method, extra, points):
    text = f"""
    weeks = 5
    [design]
    method = "{method}"
    {extra}
    [vary]
    takeover = {{}}
    initiators = {{ lower = 1, upper = 9 }}
    """
    experiment = load_experiment(write(tmp_path, text))
    spec = parameter_specs()["takeover"]
    assert experiment.ranges["takeover"] == (spec.lower, spec.upper)  # the declared bounds
    assert len(experiment.points) == points
    for point in experiment.points:
        assert spec.lower <= point["takeover"] <= spec.upper
        assert isinstance(point["initiators"], int) and 1 <= point["initiators"] <= 9
    again = load_experiment(write(tmp_path, text, "again.toml"))
    assert again.points == experiment.points  # the sampler is seeded from the master seed


def test_scenario_and_fixed_are_applied(tmp_path):
    text = """
    scenario = "kerkweg"
    [fixed]
    residents = 60
    [vary]
    takeover = [0.5]
    """
    experiment = load_experiment(write(tmp_path, text))
    assert experiment.scenario.name == "kerkweg"
    assert experiment.runs()[0].parameters.residents == 60


def test_safe_name_blocks_traversal():
    for name in ("../../etc", "/etc/passwd", "..", "a/../../b", "..\\..\\x", ""):
        safe = safe_name(name)
        assert "/" not in safe and "\\" not in safe and ".." not in safe and safe
        assert not safe.startswith(".")


# --- Validation -----------------------------------------------------------------------------


BAD = {
    "unknown top-level key": (
        "replicatoins = 3\n[vary]\ntakeover = [0.1]", "unknown key 'replicatoins'",
        "did you mean 'replications'",
    ),
    "unknown design key": (
        "[design]\nmetod = 'lhs'\n[vary]\ntakeover = [0.1]", "[design] unknown key 'metod'",
        "did you mean 'method'",
    ),
    "bad method": (
        "[design]\nmethod = 'sobel'\n[vary]\ntakeover = [0.1]", "method = 'sobel'",
        "did you mean 'sobol'",
    ),
    "unknown parameter": (
        "[vary]\ntakover = [0.1]", "[vary] unknown parameter 'takover'", "did you mean 'takeover'"
    ),
    "unknown fixed parameter": (
        "[fixed]\nresidnts = 40\n[vary]\ntakeover = [0.1]", "[fixed] unknown parameter",
        "did you mean 'residents'",
    ),
    "value out of range": ("[vary]\ntakeover = [0.5, 1.5]", "[vary] takeover[1] = 1.5", "0 to 1"),
    "fixed out of range": (
        "[fixed]\nresidents = 5\n[vary]\ntakeover = [0.1]", "[fixed] residents = 5", "20 to 50000"
    ),
    "wrong type": ("[vary]\ninitiators = [1.5]", "[vary] initiators[0] = 1.5", "whole number"),
    "bad choice": (
        "[vary]\nfunding = ['pilot', 'grant']", "[vary] funding[1] = 'grant'", "'structural'"
    ),
    "weeks below 1": ("weeks = 0\n[vary]\ntakeover = [0.1]", "weeks = 0", "greater than"),
    "negative seed": ("seed = -1\n[vary]\ntakeover = [0.1]", "seed = -1", "greater than"),
    "no vary": ("weeks = 5", "[vary] is empty", ""),
    "empty vary": ("[vary]", "[vary] is empty", ""),
    "factorial needs a list": ("[vary]\ntakeover = {}", "must be a non-empty list", ""),
    "sampler needs a table": (
        "[design]\nmethod = 'lhs'\nsamples = 4\n[vary]\ntakeover = [0, 1]",
        "must be a table of bounds", "",
    ),
    "sampler needs samples": (
        "[design]\nmethod = 'lhs'\n[vary]\ntakeover = {}", "[design] samples is missing", ""
    ),
    "bound outside declared": (
        "[design]\nmethod = 'lhs'\nsamples = 4\n[vary]\ntakeover = { upper = 2 }",
        "[vary] takeover.upper = 2", "0 to 1",
    ),
    "bounds reversed": (
        "[design]\nmethod = 'lhs'\nsamples = 4\n[vary]\ntakeover = { lower = 0.8, upper = 0.2 }",
        "must be below upper", "",
    ),
    "unknown bound key": (
        "[design]\nmethod = 'lhs'\nsamples = 4\n[vary]\ntakeover = { lowr = 0.1 }",
        "unknown key 'lowr'", "did you mean 'lower'",
    ),
    "choice cannot be sampled": (
        "[design]\nmethod = 'morris'\nsamples = 4\n[vary]\nfunding = {}",
        "[vary] funding cannot be sampled", "",
    ),
    "sobol power of two": (
        "[design]\nmethod = 'sobol'\nsamples = 10\n[vary]\ntakeover = {}", "power of 2", ""
    ),
    "samples in factorial": (
        "[design]\nsamples = 10\n[vary]\ntakeover = [0.1]", "only used by", ""
    ),
    "unknown metric": (
        "timeseries = ['caring_tie']\n[vary]\ntakeover = [0.1]", "unknown metric 'caring_tie'",
        "did you mean 'caring_ties'",
    ),
    "unknown scenario": (
        "scenario = 'nowhere'\n[vary]\ntakeover = [0.1]", "scenario = 'nowhere'", ""
    ),
    "fixed and varied": (
        "[fixed]\ntakeover = 0.2\n[vary]\ntakeover = [0.1]", "both in [fixed] and in [vary]", ""
    ),
    "group shares over 1": (
        "[vary]\nshare_older = [0.2, 0.6]",
        "design point 1 (share_older=0.6)", "at most 1",
    ),
    "fixed breaks the scenario": (
        "[fixed]\nshare_family = 0.7\n[vary]\ntakeover = [0.1]", "with [fixed]: the group shares",
        "",
    ),
    "invalid toml": ("weeks = = 3", "not valid TOML", ""),
    "duplicate value": ("[vary]\ntakeover = [0.1, 0.1]", "lists a value twice", ""),
}


@pytest.mark.parametrize("case", list(BAD))
def test_invalid_files_give_one_line(tmp_path, case):
    text, *fragments = BAD[case]
    path = write(tmp_path, text)
    with pytest.raises(ExperimentError) as caught:
        load_experiment(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    for fragment in fragments:
        assert fragment in message, message


def test_missing_file(tmp_path):
    with pytest.raises(ExperimentError, match="no such experiment file"):
        load_experiment(tmp_path / "nope.toml")


def test_cli_reports_invalid_file_in_one_line(tmp_path):
    app = typer.Typer()
    register(app)
    path = write(tmp_path, "[vary]\ntakover = [0.1]")
    result = CliRunner().invoke(app, ["sweep", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("fout: ") and "bedoelde u 'takeover'" in result.stderr
    assert "(regel 2)" in result.stderr and "onbekende parameter 'takover'" in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()
    english = CliRunner().invoke(app, ["sweep", str(path), "--lang", "en"])
    assert english.stderr.startswith("error: ") and "did you mean 'takeover'" in english.stderr
