"""Calibration by ABC-SMC: targets, distance, resumable runs and the shipped ensemble."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

from simulatie.core.parameters import Role, make_parameters, parameter_specs
from simulatie.experiment.calibration import TARGETS, band_distance, load_ensemble, statistics
from simulatie.experiment.calibration.abc import (
    CALIBRATED,
    SEED_DISTANCE,
    CalibrationSettings,
    Simulator,
    calibrate,
    held_out_fit,
    log_scaled,
    particle_seed,
    prior_ranges,
)
from simulatie.experiment.calibration.ensemble import EnsembleError, save_ensemble
from simulatie.experiment.calibration.targets import (
    HELD_OUT,
    held_out_statistics,
    seed_distance,
    target_metrics,
)


def inside() -> dict[str, float]:
    """Every statistic at its band's midpoint."""
    return {t.key: (t.low + t.high) / 2 for t in TARGETS}


# --- Targets and distance ---------------------------------------------------------------------


def test_inside_every_band_is_distance_zero():
    assert band_distance(inside()) == 0.0


def test_distance_grows_with_how_far_outside_in_band_widths():
    target = TARGETS[0]
    values = inside()
    values[target.key] = target.high + (target.high - target.low)
    assert band_distance(values) == pytest.approx(1.0)
    values[target.key] = target.low - 0.5 * (target.high - target.low)
    assert band_distance(values) == pytest.approx(0.5)


def test_an_undefined_statistic_counts_as_one_band_width():
    values = inside()
    values[TARGETS[-1].key] = math.nan
    assert band_distance(values) == pytest.approx(1.0)


def test_every_target_names_a_source_and_a_real_band():
    for target in TARGETS:
        assert target.low < target.high and target.source
    assert len({t.key for t in TARGETS}) == len(TARGETS)


def test_statistics_read_year_ends_of_the_baseline_and_later_weeks_of_the_scenario():
    weeks = np.arange(0, 157)
    baseline = pd.DataFrame({"week": weeks})
    for metric in target_metrics("baseline"):
        baseline[metric] = np.where(weeks % 52 == 0, 0.5, 9.0)  # only year ends count
        baseline.loc[0, metric] = 9.0  # week 0 is the spin-up's end, not a year of the run
    default = pd.DataFrame({"week": weeks})
    for metric in target_metrics("default"):
        default[metric] = np.where(weeks >= 104, 0.25, 9.0)
    default["active_initiators"] = np.where((weeks > 0) & (weeks <= 52), 6.0, 3.0)
    values = statistics(baseline, default, residents=300)
    for target in TARGETS:
        expected = {"baseline": 0.5, "default": 0.25}[target.arm]
        if target.metric == "initiator_share":
            expected = 3 / 300
        if target.metric == "initiator_share_peak_year":  # the whole run: year 1 had 6
            expected = 6 / 300
        assert values[target.key] == pytest.approx(expected), target.key


def test_the_initiators_peak_year_is_read_over_whole_years_only():
    weeks = np.arange(0, 130)  # two whole years and a part
    default = pd.DataFrame({"week": weeks, "active_initiators": np.where(weeks > 104, 30.0, 3.0)})
    for metric in target_metrics("default"):
        if metric != "active_initiators":
            default[metric] = 0.2
    baseline = default.copy()
    for metric in target_metrics("baseline"):
        baseline[metric] = 0.5
    values = statistics(baseline, default, residents=300)
    assert values["default:initiator_share_peak_year"] == pytest.approx(3 / 300)


def test_seed_distance_weighs_how_far_and_how_often():
    target = TARGETS[0]
    width = target.high - target.low
    far = inside() | {target.key: target.high + width}  # one band width above
    assert seed_distance([inside(), inside(), inside()]) == 0.0
    assert seed_distance([far, inside()]) == pytest.approx(0.5 + 0.5)
    little = inside() | {target.key: target.high + 0.1 * width}
    assert seed_distance([little, little]) == pytest.approx(0.1 + 1.0)


def test_held_out_targets_are_not_fitted_and_read_their_arms():
    assert not {t.key for t in HELD_OUT} & {t.key for t in TARGETS}
    assert all(t.use == "held_out" for t in HELD_OUT) and all(t.use == "fit" for t in TARGETS)
    weeks = np.arange(0, 261)
    default = pd.DataFrame({"week": weeks, "volunteer_share_year": 0.2,
                            "volunteer_share_year_75plus": 0.15})
    pilot = pd.DataFrame({"week": weeks,
                          "activities_outliving_support": np.where(weeks < 160, 1.0, 0.0)})
    baseline = pd.DataFrame({"week": weeks, "health_need_share_65_74": 0.1,
                             "health_need_share_85plus": np.where(weeks == 104, 0.6, 0.3),
                             "mantelzorg_hours_55plus": weeks / 10.0})
    values = held_out_statistics(baseline, default, pilot)
    assert values["default:volunteer_ratio_75plus"] == pytest.approx(0.75)
    assert values["pilot:resident_activity_a_year_after"] == 1.0  # week 156 still runs one
    # a baseline measure is read at the year ends (weeks 52, 104, 156, 208, 260) only
    assert values["baseline:health_need_share_85plus"] == pytest.approx((0.3 * 4 + 0.6) / 5)
    assert values["baseline:mantelzorg_hours_55plus"] == pytest.approx(15.6)
    assert set(values) == {t.key for t in HELD_OUT}
    pilot["activities_outliving_support"] = np.where(weeks < 150, 1.0, 0.0)
    assert held_out_statistics(baseline, default, pilot)[
        "pilot:resident_activity_a_year_after"] == 0.0
    with pytest.raises(ValueError, match="too short"):
        held_out_statistics(baseline, default, pilot[pilot["week"] < 100])
    with pytest.raises(ValueError, match="baseline arm is too short"):
        held_out_statistics(baseline[baseline["week"] < 40], default, pilot)


def test_held_out_fit_judges_a_rate_per_run_and_a_chance_on_its_mean():
    fresh = pd.DataFrame({"default:volunteer_ratio_75plus": [0.7, 0.8, 0.2, 0.75],
                          "pilot:resident_activity_a_year_after": [1.0, 0.0, 1.0, 1.0],
                          "baseline:health_need_share_65_74": [0.1, 0.1, 0.3, np.nan],
                          "baseline:health_need_share_85plus": 0.5,
                          "baseline:mantelzorg_hours_55plus": [4.0, 5.0, 6.0, 20.0]})
    ratio, chance, young_old, _, hours = held_out_fit(fresh)
    assert ratio["runs_inside"] == pytest.approx(0.75) and ratio["mean_inside"] is False
    assert chance["mean"] == pytest.approx(0.75) and chance["mean_inside"] is True
    assert chance["runs_inside"] is None
    assert young_old["runs"] == 3 and young_old["runs_inside"] == pytest.approx(2 / 3)
    assert hours["mean"] == pytest.approx(8.75) and hours["runs_inside"] == pytest.approx(0.25)


def test_statistics_refuse_runs_shorter_than_two_years():
    frame = pd.DataFrame({"week": np.arange(0, 60), "x": 0.0})
    with pytest.raises(ValueError, match="too short"):
        statistics(frame, frame, residents=100)


# --- Settings, prior and seeds ----------------------------------------------------------------


def test_calibrated_parameters_are_context_assumptions():
    specs = parameter_specs()
    assert all(specs[name].role is Role.CONTEXT for name in CALIBRATED)


def test_without_a_declared_range_the_prior_is_the_screening_range_around_the_scenario_value():
    assert parameter_specs()["favour_hours"].plausible is None
    base = make_parameters({"favour_hours": 2.0})
    ranges = prior_ranges(CalibrationSettings(base=base, names=("favour_hours",)))
    assert ranges["favour_hours"] == pytest.approx((2 / 1.5, 3.0))


def test_a_declared_plausible_range_is_the_prior_whatever_the_scenario_says():
    base = make_parameters({"friendly_hours": 20.0, "initiator_rate": 0.01})
    settings = CalibrationSettings(base=base, names=("friendly_hours", "initiator_rate"))
    specs = parameter_specs()
    assert prior_ranges(settings) == {name: specs[name].plausible for name in settings.names}
    assert log_scaled(settings) == ("initiator_rate",)
    assert settings.record()["log_scaled"] == ["initiator_rate"]


def test_every_calibrated_parameter_has_a_sourced_plausible_range_around_its_default():
    specs = parameter_specs()
    for name in CALIBRATED:
        low, high = specs[name].plausible
        assert specs[name].plausible_source, name
        assert low <= specs[name].default <= high, name


@pytest.mark.parametrize(
    ("change", "message"),
    [({"names": ("nonsense",)}, "unknown parameter"), ({"years": 2}, "at least 3"),
     ({"particles": 1}, "at least 2"), ({"generations": 0}, "at least 1"),
     ({"seeds": 0}, "seeds must be at least 1"),
     ({"kernel_scaling": 0.0}, "kernel_scaling must be above 0"),
     ({"names": ("takeover",)}, "only numeric context assumptions"),
     ({"names": ("mantelzorg_hours",)}, "only numeric context assumptions"),
     ({"names": ("favour_rate", "favour_rate")}, "once"), ({"names": ()}, "at least one")],
)
def test_bad_settings_say_what_is_wrong(change, message):
    with pytest.raises(ValueError, match=message):
        CalibrationSettings(base=make_parameters({}), **change)


def test_a_particle_seed_depends_on_the_values_and_the_master_seed_only():
    a = particle_seed(0, {"x": 1.0, "y": 2.0})
    assert a == particle_seed(0, {"y": 2.0, "x": 1.0})
    assert a != particle_seed(1, {"x": 1.0, "y": 2.0})
    assert a != particle_seed(0, {"x": 1.5, "y": 2.0})


def test_the_simulator_gives_every_statistic_and_repeats_itself():
    settings = CalibrationSettings(base=make_parameters({"residents": 60}), years=3,
                                   names=("friendly_hours",), seeds=2)
    simulator = Simulator(settings)
    first = simulator({"friendly_hours": 14.0})
    assert set(first) == {t.key for t in TARGETS} | {SEED_DISTANCE}
    np.testing.assert_equal(first, simulator({"friendly_hours": 14.0}))
    seeds = simulator.per_seed({"friendly_hours": 14.0})
    assert len(seeds) == 2 and seeds[0]["seed"] != seeds[1]["seed"]
    assert first[SEED_DISTANCE] == pytest.approx(seed_distance(seeds))
    for target in TARGETS:
        both = [row[target.key] for row in seeds]
        if np.isfinite(both).all():
            assert first[target.key] == pytest.approx(np.mean(both)), target.key


# --- A small calibration, resumed -------------------------------------------------------------


def test_a_small_calibration_runs_resumes_and_writes_an_ensemble(tmp_path):
    settings = CalibrationSettings(
        base=make_parameters({"residents": 60}), names=("friendly_hours", "ask_threshold"),
        particles=3, generations=1, years=3, seed=5, seeds=1,
    )
    first = calibrate(settings, tmp_path, workers=1)
    assert first.attrs["generation"] == 0 and len(first) == 3
    longer = CalibrationSettings(**{**settings.__dict__, "generations": 2})
    second = calibrate(longer, tmp_path, workers=1)
    assert second.attrs["generation"] == 1
    assert second.attrs["simulations"] > first.attrs["simulations"]
    assert second["weight"].sum() == pytest.approx(1.0)
    ranges = prior_ranges(settings)
    for name, (lower, upper) in ranges.items():
        assert second[name].between(lower, upper).all()
    assert second["distance"].max() <= second.attrs["epsilon"] + 1e-12

    other = CalibrationSettings(**{**settings.__dict__, "particles": 4})
    with pytest.raises(ValueError, match="other settings"):
        calibrate(other, tmp_path, workers=1)

    provenance = {"settings": longer.record(), "command": "test"}
    save_ensemble(second, provenance, tmp_path)
    ensemble = load_ensemble(tmp_path)
    assert len(ensemble) == 3
    members = ensemble.members(make_parameters({"residents": 60, "takeover": 0.7}))
    assert [m.friendly_hours for m in members] == pytest.approx(list(second["friendly_hours"]))
    assert all(m.takeover == 0.7 for m in members)


def test_a_calibration_stopped_before_its_first_population_resumes_the_same_run(
    tmp_path, monkeypatch
):
    import pyabc

    from simulatie.experiment.calibration import abc

    settings = CalibrationSettings(
        base=make_parameters({"residents": 40}), names=("friendly_hours",), particles=2,
        generations=1, years=3, seed=2,
    )
    real = abc.Simulator.__call__
    calls = {"n": 0}

    def breaks_on_the_third(self, values):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("stopped")
        return real(self, values)

    monkeypatch.setattr(abc.Simulator, "__call__", breaks_on_the_third)
    with pytest.raises(RuntimeError, match="stopped"):
        calibrate(settings, tmp_path, workers=1)
    with pytest.raises(ValueError, match="no population"):
        abc.final_population(f"sqlite:///{tmp_path / 'abc.db'}", 1)
    monkeypatch.setattr(abc.Simulator, "__call__", real)
    table = calibrate(settings, tmp_path, workers=1)
    assert table.attrs["generation"] == 0 and len(table) == 2
    assert len(pyabc.History(f"sqlite:///{tmp_path / 'abc.db'}").all_runs()) == 1


def test_the_weighted_draw_follows_the_weights():
    from simulatie.experiment.calibration.ensemble import Ensemble

    table = pd.DataFrame({"x": [1.0, 2.0, 3.0], "weight": [0.7, 0.2, 0.1],
                          "distance": 0.0})
    ensemble = Ensemble(table, {"settings": {"names": ["x"]}})
    drawn = ensemble.draw(10, seed=3)["x"].value_counts().to_dict()
    assert drawn == {1.0: 7, 2.0: 2, 3.0: 1}  # systematic resampling: exact to one draw


# --- The shipped ensemble ---------------------------------------------------------------------


def test_the_shipped_ensemble_loads_and_states_its_provenance():
    ensemble = load_ensemble()
    provenance = ensemble.provenance
    assert provenance["command"].startswith("simulatie calibrate")
    assert set(ensemble.names) <= set(parameter_specs())
    assert all(t["key"] in ensemble.table.columns and t["source"] for t in provenance["targets"])
    assert ensemble.table["weight"].sum() == pytest.approx(1.0, abs=1e-4)
    ranges = provenance["settings"]["ranges"]
    for name in ensemble.names:
        lower, upper = ranges[name]
        assert ensemble.table[name].between(lower - 1e-9, upper + 1e-9).all(), name


def test_the_shipped_ensemble_fits_every_target_on_fresh_seeds_in_most_members():
    """Not the accepted runs (inside by selection): the same parameters on other seeds."""
    predictive = load_ensemble().provenance["predictive"]
    assert predictive["members"] >= 10
    fit = pd.DataFrame(predictive["fit"])
    assert list(fit["target"]) == [t["key"] for t in load_ensemble().provenance["targets"]]
    assert (fit["inside"] >= 0.5).all(), fit[["target", "inside"]].to_string()


def test_a_stale_shipped_ensemble_says_so_in_the_docs_and_in_every_handout():
    """Fitted to other targets than today's, the ensemble (and what rests on it) is stale."""
    from pathlib import Path

    from simulatie.workshop.handout_robustness import ensemble_lines
    from simulatie.workshop.myths import Verdict
    from simulatie.workshop.texts import TEMPLATES

    docs = (Path(__file__).parents[1] / "docs" / "calibration.md").read_text(encoding="utf-8")
    stale = not load_ensemble().fitted_to_current_targets()
    assert ("The shipped ensemble is stale" in docs) == stale
    for lang in ("nl", "en"):
        lines = ensemble_lines(3, Verdict.CONTRADICTS, lang)
        assert (TEMPLATES[lang]["ensemble_stale"] in lines) == stale


def test_an_ensemble_knows_whether_it_was_fitted_to_todays_targets():
    from simulatie.experiment.calibration.ensemble import Ensemble

    current = [{"key": t.key, "low": t.low, "high": t.high, "source": t.source} for t in TARGETS]
    table = pd.DataFrame({"weight": [1.0], "distance": [0.0]})
    assert Ensemble(table, {"targets": current}).fitted_to_current_targets()
    older = [dict(t) for t in current[:-1]]
    assert not Ensemble(table, {"targets": older}).fitted_to_current_targets()
    wider = [dict(t) for t in current]
    wider[0]["high"] += 0.1
    assert not Ensemble(table, {"targets": wider}).fitted_to_current_targets()


def test_members_of_the_shipped_ensemble_are_valid_parameter_sets():
    ensemble = load_ensemble()
    members = ensemble.members(make_parameters({}), count=5, seed=1)
    assert len(members) == 5
    rows = {tuple(row) for row in ensemble.table[ensemble.names].to_numpy()}
    for member in members:
        assert tuple(getattr(member, n) for n in ensemble.names) in rows


def test_a_missing_or_broken_ensemble_says_so(tmp_path):
    with pytest.raises(EnsembleError, match="no ensemble"):
        load_ensemble(tmp_path)
    (tmp_path / "ensemble.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (tmp_path / "ensemble.json").write_text(json.dumps({"settings": {"names": ["x"]}}),
                                            encoding="utf-8")
    with pytest.raises(EnsembleError, match="columns missing: x, weight, distance"):
        load_ensemble(tmp_path)


# --- The commands -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["calibrate", "--workers", "0"], "--workers must be at least 1"),
        (["calibrate", "--workers", "2", "--scheduler", "tcp://x:1"], "either --workers"),
        (["calibrate", "--scenario", "nowhere"], "nowhere"),
        (["calibrate", "--years", "2"], "years must be at least 3"),
        (["calibrate", "--parameters", "favour_rate,takeover"], "not: takeover"),
        (["calibrate", "--parameters", "favour_rat"], "unknown parameter(s) to calibrate"),
        (["robustness", "9"], "there is no myth 9"),
        (["robustness", "--members", "0"], "members must be at least 1"),
    ],
)
def test_command_mistakes_are_one_line_and_exit_2(args, message, tmp_path):
    from typer.testing import CliRunner

    from simulatie.cli.main import app

    result = CliRunner().invoke(app, [*args, "--lang", "en", "--out", str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert not (tmp_path / "out").exists()


def test_the_command_calibrates_checks_on_fresh_seeds_and_writes_the_ensemble(tmp_path):
    from typer.testing import CliRunner

    from simulatie.cli.main import app

    scenario = tmp_path / "tiny.toml"
    scenario.write_text('[scenario]\nbase = "default"\ntitle_en = "tiny"\n'
                        '[parameters]\nresidents = 40\n', encoding="utf-8")
    out = tmp_path / "cal"
    args = ["calibrate", "--scenario", str(scenario), "--particles", "2", "--generations", "1",
            "--years", "3", "--workers", "1", "--check", "2", "--quiet", "--out", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    ensemble = load_ensemble(out)
    assert len(ensemble) == 2
    predictive = ensemble.provenance["predictive"]
    assert predictive["members"] == 2 and len(predictive["fit"]) == len(TARGETS)
    assert ensemble.provenance["command"].startswith("simulatie calibrate")
    assert "Passing op nieuwe seeds" in result.output


def test_the_command_calibrates_the_parameters_it_is_given():
    from simulatie.cli.calibration import _settings
    from simulatie.experiment.calibration.abc import CALIBRATED

    _, chosen = _settings("default", 10, 1, 3, 1, 0, None, parameters=" favour_rate, willing_base")
    assert chosen.names == ("favour_rate", "willing_base")
    assert set(prior_ranges(chosen)) == {"favour_rate", "willing_base"}
    _, default = _settings("default", 10, 1, 3, 1, 0, None)
    assert default.names == CALIBRATED
