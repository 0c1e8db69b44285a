import importlib.util
import re
import sys
import types

import pandas as pd
import pytest
from cli_assertions import assert_cli_error
from typer.testing import CliRunner

from simulatie.cli.main import app
from simulatie.core.parameters import Parameters, parameter_specs
from simulatie.experiment import results

runner = CliRunner()


@pytest.fixture
def fake_model(monkeypatch, tmp_path, result_factory):
    """Replace simulatie.experiment.run by a fast fake that records its calls; work inside
    tmp_path."""
    calls = []

    def fake_run(params=None, seed=0, steps=520, progress=None):
        calls.append({"params": params, "seed": seed, "steps": steps})
        for week in range(1, steps + 1):
            if progress is not None:
                progress(week)
        result = result_factory(steps=steps, seed=seed)
        result.metadata["parameters"] = params.model_dump(mode="json")
        return result

    module = types.ModuleType("simulatie.experiment.run")
    module.run = fake_run
    monkeypatch.setitem(sys.modules, "simulatie.experiment.run", module)
    monkeypatch.chdir(tmp_path)
    return calls


def test_parameters_lists_every_parameter_in_dutch():
    result = runner.invoke(app, ["parameters"])
    assert result.exit_code == 0, result.output
    for name, spec in parameter_specs().items():
        assert f"  {name} " in result.stdout
        assert f"{spec.short_nl}: {spec.nl}" in result.stdout
        assert f"  {spec.unit_label('nl')}  · " in result.stdout
    assert "uur per week" in result.stdout and "hours/week" not in result.stdout
    assert "[0 – 1]" in result.stdout  # a range
    assert "[0,01 – 0,5]" in result.stdout  # with a decimal comma
    assert "  0,3  [0 – 1]  aandeel" in result.stdout  # takeover's default
    assert "[ja | nee]" in result.stdout  # a switch
    # choices, with their Dutch names
    assert "central (centraal) | spread (verspreid) | edge (aan de rand)" in result.stdout
    assert "· beleidsknop (niets georganiseerd: 0)" in result.stdout  # a lever and its baseline
    assert "· aanname over de context" in result.stdout
    # a context assumption's plausible range, from which calibration draws (on a log scale here)
    assert "· aanname over de context (aannemelijk: 0,03 – 0,5, logschaal)" in result.stdout
    assert "(aannemelijk: 0,8 – 5)" in result.stdout  # neighbour_contacts_per_week, linear


def test_parameters_can_be_listed_by_role():
    result = runner.invoke(app, ["parameters", "--role", "convention", "--lang", "en"])
    assert result.exit_code == 0, result.output
    shown = {line.split()[0] for line in result.stdout.splitlines() if line.startswith("  ")
             and "·" in line}
    expected = {n for n, s in parameter_specs().items() if s.role.value == "convention"}
    assert shown == expected


def test_parameters_in_english_shows_defaults():
    result = runner.invoke(app, ["parameters", "--lang", "en"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "hours per week" in result.stdout
    for name, spec in parameter_specs().items():
        assert f"{spec.short_en}: {spec.en}" in result.stdout
        row = next(line for line in lines if line.strip().startswith(name + " "))
        default = spec.default if not isinstance(spec.default, bool) else str(spec.default).lower()
        assert row.split()[1] == (f"{default:g}" if isinstance(default, float) else str(default))


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (["run", "no-such-scenario"], ["onbekend scenario 'no-such-scenario'"]),
        (["run", "--set", "takeovr=0.5"], ["onbekende parameter 'takeovr'",
                                           "bedoelde u 'takeover'"]),
        (["run", "--set", "takeover=1.5"], ["takeover", "1.5", "een getal van 0 tot 1 zijn",
                                            "(aandeel)"]),
        (["run", "--set", "takeover=lots"], ["takeover", "lots", "mag niet"]),
        (["run", "--set", "takeover"], ["'takeover' heeft niet de vorm naam=waarde"]),
        (["run", "--set", "funding=sometimes"], ["funding", "kies uit 'structural', 'pilot'"]),
        (["run", "--set", "share_older=0.9", "--set", "share_family=0.9"], ["tellen op tot"]),
        (["run", "--set", "takeover=1,000,5"], ["gebruik een punt", "takeover=0.5"]),
        (["run", "--steps", "0"], ["--steps moet van 1 tot 10400 zijn"]),
        (["run", "--steps", "-5"], ["--steps"]),
        (["run", "--steps", "100000000000"], ["--steps moet van 1 tot 10400", "200 jaar"]),
        (["run", "--seed", "-1"], ["--seed moet 0 of meer zijn"]),
        (["run", "--seed", "abc"], ["ongeldige waarde voor '--seed'", "geheel getal"]),
        (["run", "--lang", "de"], ["--lang", "kies uit 'nl', 'en'"]),
        (["run", "--sed", "3"], ["onbekende optie: --sed", "--seed", "(zie 'simulatie run"]),
        (["run", "--set", "takeovr=0.5", "--lang", "en"], ["unknown parameter 'takeovr'",
                                                          "did you mean 'takeover'"]),
        (["run", "--steps", "0", "-l", "en"], ["--steps must be from 1 to 10400", "200 years"]),
        (["run", "--seed", "abc", "--lang=en"], ["Invalid value for '--seed'"]),
        (["run", "--sed", "3", "--lang", "en"], ["No such option: --sed", "(see 'simulatie run"]),
    ],
)
def test_bad_input_is_one_line_exit_2_and_no_run(fake_model, tmp_path, args, fragments):
    result = runner.invoke(app, args)
    assert_cli_error(result, *fragments)
    english = "en" in args or "--lang=en" in args
    assert result.stderr.startswith("error: " if english else "fout: ")
    assert fake_model == []  # rejected before the model ran
    assert list(tmp_path.iterdir()) == []  # no results/ folder, nothing half-written


def test_malformed_scenario_file_is_one_line(fake_model, tmp_path):
    (tmp_path / "broken.toml").write_text("[parameters]\ntakeover = [\n\n", encoding="utf-8")
    result = runner.invoke(app, ["run", str(tmp_path / "broken.toml")])
    assert_cli_error(result, "broken.toml")
    assert fake_model == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.toml"]


def test_scenarios_sub_command_is_mounted():
    result = runner.invoke(app, ["scenarios"])
    assert result.exit_code == 0, result.output
    assert "default" in result.stdout
    assert "kerkweg" in result.stdout


def test_unwritable_out_is_refused_before_the_run(fake_model, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = runner.invoke(app, ["run", "--steps", "3", "--out", str(blocker / "run")])
    assert_cli_error(result, "a-file", "is een bestand, geen map")
    assert fake_model == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_non_empty_out_is_refused(fake_model, tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x").write_text("x")
    result = runner.invoke(app, ["run", "--out", "full"])
    assert_cli_error(result, "de map is niet leeg")
    assert fake_model == []


def test_failed_write_after_the_run_leaves_nothing(fake_model, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(results, "_write_figure", broken)
    result = runner.invoke(app, ["run", "--steps", "4", "--out", "out/run"])
    assert result.exit_code == 2, result.output
    # the progress bar has finished on stderr; after it comes exactly one error line
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("fout: kan de resultaten niet schrijven naar")
    assert "geen ruimte meer op de schijf" in last
    assert result.stderr.count("fout:") == 1
    assert "Traceback" not in result.output
    assert len(fake_model) == 1
    assert list(tmp_path.iterdir()) == []


def test_run_with_fake_model_writes_outputs_and_metadata(fake_model, tmp_path):
    result = runner.invoke(
        app,
        ["run", "--steps", "6", "--seed", "7", "--set", "takeover=0,8", "-s", "funding=pilot"],
    )  # a Dutch decimal comma is read as a point
    assert result.exit_code == 0, result.output
    (out,) = (tmp_path / "results" / "runs").iterdir()
    assert out.name.startswith("default-seed7-")
    assert re.fullmatch(r"default-seed7-\d{8}T\d{6}", out.name)  # local time, no "Z"
    call = fake_model[0]
    assert (call["seed"], call["steps"]) == (7, 6)
    assert isinstance(call["params"], Parameters)
    assert call["params"].takeover == 0.8
    assert call["params"].funding == "pilot"
    timeseries, metadata = results.read_run(out)
    assert len(timeseries) == 7
    assert metadata["scenario"] == "default"
    assert metadata["overrides"] == {"takeover": 0.8, "funding": "pilot"}
    assert metadata["parameters"]["takeover"] == 0.8
    assert (out / "figure.png").stat().st_size > 1000
    assert "Samenvatting" in result.stdout
    assert "steun liep door" in result.stdout  # half-life is NaN: support did not end
    assert "Hoogste aantal zorgzame banden" in result.stdout
    assert str(out) in " ".join(result.stdout.split())
    assert "tijdreeks.csv" in result.stdout


def test_run_summary_in_english(fake_model, tmp_path):
    result = runner.invoke(app, ["run", "--steps", "3", "--lang", "en", "--out", "r"],
                           env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Summary" in result.stdout
    assert "support continued to the end" in result.stdout
    assert "hours per week" in result.stdout
    assert "Mean over the whole run (weeks 0–3)" in result.stdout
    assert (tmp_path / "r" / "figure.png").exists()
    assert (tmp_path / "r" / "timeseries.csv").exists()


def test_run_summary_explains_itself_in_dutch(tmp_path, monkeypatch):
    """A real short run: units, last-year means, percentage points and decimal commas."""
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["run", "--steps", "26", "--set", "residents=60", "--out", "r"],
                           env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Eerste week met duidelijk meer zorgzame banden dan zonder project" in out
    assert "Bewoners zonder hechte band in de buurt" in out
    assert "Eenzame bewoners" not in out
    assert "Gemiddelde over de hele run (week 0–26)" in out  # a run shorter than a year
    assert "procentpunt" in out and "%" in out
    assert "uur per week" in out
    assert "zonder project:" in out
    assert "Waarom:" in out or "verschil met zonder project is klein" in out
    assert re.search(r"\d,\d", out)  # a decimal comma
    assert not re.search(r"\d\.\d", out.split("Resultaten in")[0])  # and no decimal point
    table = pd.read_csv(tmp_path / "r" / "tijdreeks.csv", sep=";", decimal=",",
                        encoding="utf-8-sig")
    assert len(table) == 27 and "jaar" in table.columns


def test_python_dash_m_entry_point_exists():
    assert importlib.util.find_spec("simulatie.__main__") is not None


@pytest.mark.skipif(
    importlib.util.find_spec("simulatie.experiment.run") is None,
    reason="simulatie.experiment.run not written yet",
)
def test_end_to_end_real_model(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["run", "--steps", "20", "--out", "e2e"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "e2e"
    assert sorted(p.name for p in out.iterdir()) == [
        "figure.png",
        "metadata.json",
        "tijdreeks.csv",
        "timeseries.parquet",
    ]
    timeseries = pd.read_parquet(out / "timeseries.parquet")
    assert len(timeseries) == 21
    assert timeseries["week"].tolist() == list(range(21))
    _, metadata = results.read_run(out)
    assert metadata["seed"] == 0
    assert metadata["steps"] == 20
    assert metadata["scenario"] == "default"


def test_the_first_run_on_a_new_installation_says_it_compiles(tmp_path, monkeypatch, capsys):
    """Nothing compiled yet: a word on stderr; once numba keeps an index file: silence."""
    from simulatie.cli.first_use import kernels_compiled, note_first_compile

    monkeypatch.setenv("NUMBA_CACHE_DIR", str(tmp_path))
    assert not kernels_compiled()
    note_first_compile("nl")
    assert "gecompileerd" in capsys.readouterr().err
    (tmp_path / "simulatie" / "core").mkdir(parents=True)
    (tmp_path / "simulatie" / "core" / "ties._apply_week-101.py312.nbi").write_bytes(b"")
    assert kernels_compiled()
    note_first_compile("nl")
    assert capsys.readouterr().err == ""
