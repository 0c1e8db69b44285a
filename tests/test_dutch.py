"""Dutch throughout: help, errors and outputs reach a Dutch user without English.

Every command's ``--help`` is Dutch unless ``SIMULATIE_LANG=en``; every error a scenario or
experiment file, a ``--set`` or Click itself can give is said in Dutch, keeping its names,
suggestions and line numbers; ``--set takeover=0,5`` is read as 0.5.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from cli_assertions import assert_cli_error
from test_experiments import BAD as BAD_EXPERIMENTS
from test_scenarios import BAD_FILES as BAD_SCENARIOS
from typer.testing import CliRunner

from simulatie.cli.language import DEFAULT_LANG, ENV_VAR, Lang, lang_in_args
from simulatie.cli.main import app
from simulatie.cli.messages import CATALOGUE, translate
from simulatie.experiment.experiments import ExperimentError, load_experiment
from simulatie.experiment.scenarios import ScenarioError, load_scenario

runner = CliRunner()
pytestmark = pytest.mark.skipif(DEFAULT_LANG is not Lang.NL,
                                reason=f"{ENV_VAR} makes English the default")

ENGLISH = (" the ", " of the ", "Run ", "Show ", "Usage", "Options", "Arguments", "Commands",
           "default:", "[required]", "<int", "<str>", "<path>", "<float", " message and exit")
"""Words that give English away in help."""
ENGLISH_IN_ERRORS = (" the ", " is not ", " must ", "unknown ", "did you mean", "(line ",
                     " allowed", " cannot ", " should ", "Invalid", "Missing", "No such",
                     " a number", "error:")
"""Words that give English away in an error line (names and values are not words)."""


def _commands() -> list[list[str]]:
    """Every command and subcommand of ``simulatie``, hidden aliases included."""
    group = typer.main.get_command(app)
    paths = []
    for name, command in group.commands.items():
        paths.append([name])
        paths += [[name, sub] for sub in getattr(command, "commands", {})]
    return paths


@pytest.mark.parametrize("path", _commands(), ids=" ".join)
def test_every_commands_help_is_dutch(path):
    result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "Gebruik: simulatie" in text and "Toon deze hulp en stop." in text
    for word in ENGLISH:
        assert word not in text, f"{word!r} in the help of {' '.join(path)}: {text}"


def test_the_top_level_help_lists_the_dutch_names():
    text = runner.invoke(app, ["--help"], env={"COLUMNS": "200"}).stdout
    for name in ("vergelijk", "mythe", "mythes", "werkplaats", "buurt", "Opdrachten"):
        assert name in text
    assert not re.search(r"\b(compare|myth|workshop)\b ", text)
    for english in (["compare", "--help"], ["myth", "--help"], ["workshop", "--help"]):
        assert runner.invoke(app, english).exit_code == 0  # the English names still work


def test_help_is_english_with_simulatie_lang_en():
    environment = {**os.environ, ENV_VAR: "en", "COLUMNS": "200"}
    done = subprocess.run([sys.executable, "-m", "simulatie", "run", "--help"],
                          capture_output=True, text=True, env=environment, check=True)
    assert "Usage: simulatie run" in done.stdout and "Run one simulation" in done.stdout
    assert "Options" in done.stdout and "Gebruik" not in done.stdout


@pytest.mark.parametrize("case", sorted(BAD_SCENARIOS))
def test_every_scenario_file_error_is_said_in_dutch(case, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "mijn_buurt.toml"
    path.write_text(BAD_SCENARIOS[case][0], encoding="utf-8")
    with pytest.raises(ScenarioError) as error:
        load_scenario(path)
    _assert_dutch(str(error.value))


@pytest.mark.parametrize("case", list(BAD_EXPERIMENTS))
def test_every_experiment_file_error_is_said_in_dutch(case, tmp_path):
    path = tmp_path / "exp.toml"
    path.write_text(BAD_EXPERIMENTS[case][0], encoding="utf-8")
    with pytest.raises(ExperimentError) as error:
        load_experiment(path)
    _assert_dutch(str(error.value))


def _assert_dutch(english: str) -> None:
    """The message in Dutch: no English words, the same names, numbers and line numbers."""
    dutch = translate(english, "nl")
    for word in ENGLISH_IN_ERRORS:
        assert word not in f" {dutch} ", f"{word!r} in {dutch!r} (from {english!r})"
    assert re.findall(r"'[^']*'", english) == re.findall(r"'[^']*'", dutch)  # names kept
    assert re.findall(r"\(line (\d+)\)", english) == re.findall(r"\(regel (\d+)\)", dutch)


@pytest.mark.parametrize(("args", "fragments"), [
    (["run", "--set", "takeovr=0,5"], ["onbekende parameter 'takeovr'", "bedoelde u 'takeover'"]),
    (["run", "--set", "takeover=0,5.1"], ["gebruik een punt voor decimalen", "takeover=0.5"]),
    (["vergelijk", "kerkweg", "kerkwge"], ["B ('kerkwge') laadt niet", "bedoelde u 'kerkweg'"]),
    (["run", "--bogus"], ["onbekende optie: --bogus", "(zie 'simulatie run --help')"]),
    (["vergelijk", "kerkweg"], ["argument 'B' ontbreekt"]),
    (["mythe", "x"], ["ongeldige waarde voor 'NUMMER'", "verwacht een geheel getal"]),
    (["scenarios", "toon"], ["onbekende opdracht 'toon'"]),
    (["discover", "nergens", "-c", "lonely_share > 0,3"], ["is geen resultatenmap"]),
    (["report", "nergens"], ["is geen resultatenmap van een sweep", "draai eerst"]),
    (["sweep", "nergens.toml"], ["experimentbestand niet gevonden"]),
    (["parameters", "--role", "knop"], ["'knop' mag niet; kies uit 'lever'"]),
])
def test_typical_mistakes_are_one_dutch_line(args, fragments, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, args)
    assert_cli_error(result, *fragments)
    assert result.stderr.startswith("fout: ")
    for word in ENGLISH_IN_ERRORS:
        assert word not in result.stderr, result.stderr


def test_a_mistake_is_english_with_lang_en_wherever_it_is_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for args in (["run", "--lang", "en", "--bogus"], ["run", "--bogus", "-l", "en"],
                 ["scenarios", "--lang", "en", "validate", "kerkwge"]):
        result = runner.invoke(app, args)
        assert result.stderr.startswith("error: "), (args, result.stderr)
    assert lang_in_args(["run", "-len", "--lang=nl"]) is Lang.NL
    assert lang_in_args(["run", "--", "--lang", "en"]) is None


def test_a_decimal_comma_is_read_as_a_point(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["scenarios", "show", "default", "--changed", "--set",
                                 "takeover=0,5", "--set", "digital_platform=ja"])
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines() if line}
    assert rows["takeover"][1] == "0,5" and rows["digital_platform"][1] == "ja"
    assert load_scenario("default", {"takeover": "0.5"}).parameters.takeover == 0.5


def test_the_catalogue_is_well_formed():
    for english, dutch in CATALOGUE:
        names = sorted(re.findall(r"\{(\w+)\}", english))
        assert sorted(re.findall(r"\{(\w+)\}", dutch)) == [n for n in names
                                                           if not n.startswith("cap")], english
        assert not english.endswith(("{x}", "{x2}")), english  # a lazy match needs an end
    assert translate("anything at all", "en") == "anything at all"


def test_scenario_reasons_and_units_are_dutch():
    result = runner.invoke(app, ["scenarios", "show", "theehuis", "--changed"])
    assert result.exit_code == 0, result.output
    reasons = result.stdout.split("Waarom deze waarden:")[1]
    assert "Seed 000: gezinnen met kinderen" in reasons
    assert "Not restated" not in reasons and "Assumption" not in reasons
    assert "Koppelen (matching)" in reasons  # named by the short label


def test_the_parameters_list_says_units_in_dutch():
    text = runner.invoke(app, ["parameters"]).stdout
    assert "uur per week" in text and "hours/week" not in text
    assert "Welzijnswerkers: " in text


def test_the_readme_documents_the_language_switch():
    """The README documents SIMULATIE_LANG."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert ENV_VAR in readme
