"""Tests for simulatie.experiment.scenarios and the ``simulatie scenarios`` sub-app."""

from __future__ import annotations

import datetime as dt
import json
import math
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import typer
from cli_assertions import assert_cli_error
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from simulatie.cli.scenarios import scenarios_app
from simulatie.core.parameters import Parameters, parameter_specs
from simulatie.experiment.scenarios import (
    COMMAND_LINE,
    DEFAULT,
    ENV_VAR,
    SCENARIO_KEYS,
    TABLES,
    Scenario,
    ScenarioError,
    list_scenarios,
    load_scenario,
    scenarios_dir,
)

REPO = Path(__file__).resolve().parent.parent
SHIPPED = sorted(p.stem for p in (REPO / "scenarios").glob("*.toml"))
EXPECTED = {
    "default",
    "kerkweg",
    "willem_klooslaan",
    "theehuis",
    "drenthe",
    "brabant",
    "vlaanderen_conflictstraten",
    "vlaanderen_dienstencentrum",
    "vlaanderen_moestuin",
}
SPECS = parameter_specs()
DEFAULTS = Parameters().model_dump(mode="json")


@pytest.fixture(autouse=True)
def shipped_folder(monkeypatch):
    """Every test sees the repository's scenarios unless it points elsewhere itself."""
    monkeypatch.delenv(ENV_VAR, raising=False)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def raw_toml(name: str) -> dict[str, Any]:
    return tomllib.loads((REPO / "scenarios" / f"{name}.toml").read_text(encoding="utf-8"))


# --- Shipped scenarios ----------------------------------------------------------------------------


def test_every_expected_scenario_is_shipped():
    assert set(SHIPPED) >= EXPECTED
    assert scenarios_dir() == REPO / "scenarios"


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_scenario_loads_with_titles_descriptions_and_reasons(name):
    scenario = load_scenario(name)
    assert isinstance(scenario.parameters, Parameters)
    assert scenario.name == name
    for lang in ("nl", "en"):
        assert scenario.titles[lang], f"{name}: title_{lang} is missing"
        assert "\n" not in scenario.title(lang)
        assert len(scenario.descriptions[lang]) > 200, f"{name}: description_{lang} is too short"
    data = raw_toml(name)
    for key in data.get("parameters", {}):
        assert data.get("reasons", {}).get(key), f"{name}: no reason for {key}"
    if name != DEFAULT:
        assert scenario.base == DEFAULT


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_variants_load_and_change_something(name):
    scenario = load_scenario(name)
    for variant in scenario.variants:
        varied = load_scenario(f"{name}:{variant}")
        assert varied.name == f"{name}:{variant}"
        assert varied.parameters != scenario.parameters
        assert f"(variant {variant})" in " ".join(varied.sources.values())


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_scenarios_never_restate_an_inherited_value(name):
    """A scenario only lists what differs from its base; a variant only what it changes."""
    data = raw_toml(name)
    base = data.get("scenario", {}).get("base")
    inherited = (load_scenario(base).parameters if base else Parameters()).model_dump(mode="json")
    for key, value in data.get("parameters", {}).items():
        assert inherited[key] != value, f"{name}: {key} = {value!r} restates the inherited value"
    own = load_scenario(name).parameters.model_dump(mode="json")
    for variant, values in data.get("variants", {}).items():
        for key, value in values.items():
            assert own[key] != value, f"{name}:{variant}: {key} = {value!r} changes nothing"


def test_default_scenario_is_the_declared_defaults():
    for scenario in (load_scenario(), load_scenario("default")):
        assert scenario.parameters == Parameters()
        assert set(scenario.sources.values()) == {DEFAULT}
        assert scenario.changed() == {}


def test_list_scenarios_puts_default_first_and_lists_every_file():
    scenarios = list_scenarios()
    assert scenarios[0].name == DEFAULT
    assert sorted(s.name for s in scenarios) == SHIPPED
    assert all(isinstance(s, Scenario) for s in scenarios)


def test_docs_table_lists_every_scenario_and_variant():
    text = (REPO / "docs" / "scenarios.md").read_text(encoding="utf-8")
    for scenario in list_scenarios():
        assert f"| `{scenario.name}` |" in text
        for variant in scenario.variants:
            assert f"`{variant}`" in text


def test_case_values_follow_the_brief():
    kerkweg = load_scenario("kerkweg").parameters
    assert kerkweg.group_clustering == 0  # sprinkled housing: the default, not restated
    assert kerkweg.ask_threshold < Parameters().ask_threshold
    assert load_scenario("kerkweg:no_support").parameters.professionals == 0
    willem = load_scenario("willem_klooslaan").parameters
    assert willem.meeting_places == 1 and willem.meeting_place_placement == "edge"
    assert willem.area_risk >= 0.5
    assert load_scenario("willem_klooslaan:no_centre").parameters.meeting_places == 0
    assert load_scenario("theehuis").parameters.matching == "active"
    assert load_scenario("drenthe").parameters.government_responsiveness >= 0.8
    brabant = load_scenario("brabant").parameters
    assert brabant.group_clustering >= 0.5 and brabant.initiators >= 3
    assert brabant.funding == "structural"
    service = load_scenario("vlaanderen_dienstencentrum").parameters
    assert (service.recruitment, service.matching) == ("flyer", "passive")
    assert load_scenario("vlaanderen_moestuin").parameters.government_responsiveness <= 0.2
    conflict = load_scenario("vlaanderen_conflictstraten").parameters
    assert conflict.professional_hours < Parameters().professional_hours


def test_metadata_is_json_friendly():
    scenario = load_scenario("kerkweg:no_support", {"takeover": 0.9})
    metadata = json.loads(json.dumps(scenario.metadata()))
    assert metadata["scenario"] == "kerkweg:no_support"
    assert metadata["variant"] == "no_support"
    assert metadata["overrides"] == {"takeover": 0.9}
    assert metadata["sources"]["takeover"] == COMMAND_LINE
    assert metadata["parameters"]["professionals"] == 0


# --- Precedence -----------------------------------------------------------------------------------


@pytest.fixture
def layered(tmp_path, monkeypatch):
    """grand.toml <- base.toml <- child.toml (with a variant), in their own scenarios folder."""
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "grand.toml", "[parameters]\nresidents = 50\nhomophily = 0.9\n")
    write(
        tmp_path,
        "base.toml",
        '[scenario]\nbase = "grand"\n[parameters]\nresidents = 100\ninitiators = 3\n'
        "takeover = 0.5\nappreciation = 0.9\n"
        '[reasons]\nresidents = "from base"\ninitiators = "base initiators"\n',
    )
    write(
        tmp_path,
        "child.toml",
        '[scenario]\nbase = "base"\ntitle_nl = "Kind"\ntitle_en = "Child"\n'
        "[parameters]\nresidents = 150\ninitiators = 4\ntakeover = 0.6\n"
        '[reasons]\nresidents = "from child"\n'
        "[variants.v]\ninitiators = 5\ntakeover = 0.7\n",
    )
    return tmp_path


def test_precedence_defaults_base_scenario_variant_command_line(layered):
    scenario = load_scenario("child:v", {"takeover": 0.8})
    p = scenario.parameters
    assert p.homophily == 0.9  # grandparent (base of the base)
    assert p.appreciation == 0.9  # base
    assert p.residents == 150  # scenario over base
    assert p.initiators == 5  # variant over scenario
    assert p.takeover == 0.8  # command line over variant
    assert p.area_risk == Parameters().area_risk  # nobody set it
    assert scenario.sources["homophily"] == "grand.toml (base)"
    assert scenario.sources["appreciation"] == "base.toml (base)"
    assert scenario.sources["residents"] == "child.toml"
    assert scenario.sources["initiators"] == "child.toml (variant v)"
    assert scenario.sources["takeover"] == COMMAND_LINE
    assert scenario.sources["area_risk"] == DEFAULT
    assert scenario.reasons["residents"] == "from child"
    assert "initiators" not in scenario.reasons  # overridden by the variant, no longer applies
    assert scenario.title("en") == "Child" and scenario.title("nl") == "Kind"
    assert scenario.changed()["takeover"] == 0.8


def test_reasons_in_dutch_belong_to_the_layer_that_set_the_value(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    write(tmp_path, "base.toml",
          "[parameters]\nresidents = 100\ninitiators = 3\n"
          '[reasons]\nresidents = "base homes"\ninitiators = "base initiators"\n'
          '[reasons_nl]\nresidents = "woningen van de basis"\n'
          'initiators = "kartrekkers van de basis"\n')
    write(tmp_path, "child.toml",
          '[scenario]\nbase = "base"\n[parameters]\nresidents = 150\n'
          '[reasons]\nresidents = "child homes"\n'
          '[reasons_en]\ninitiators = "the base\'s initiators, in English"\n')
    scenario = load_scenario("child")
    assert scenario.reason("initiators", "nl") == "kartrekkers van de basis"
    assert scenario.reason("initiators", "en") == "the base's initiators, in English"
    # the child set residents again: the base's Dutch reason no longer applies
    assert scenario.reason("residents", "nl") == "child homes"
    assert scenario.reason("area_risk", "nl") == ""
    write(tmp_path, "bad.toml", '[reasons_nl]\nresidnets = "x"\n')
    with pytest.raises(ScenarioError, match=r"\[reasons_nl\] unknown parameter 'residnets'"):
        load_scenario("bad")


def test_every_scenario_with_reasons_gives_them_in_dutch():
    for scenario in list_scenarios():
        if scenario.reasons:
            assert set(scenario.translated_reasons["nl"]) == set(scenario.reasons), scenario.name


def test_precedence_without_variant_or_overrides(layered):
    scenario = load_scenario("child")
    assert (scenario.parameters.initiators, scenario.parameters.takeover) == (4, 0.6)
    assert scenario.sources["takeover"] == "child.toml"
    assert load_scenario("base").sources["residents"] == "base.toml"


def test_load_by_path_and_text_overrides(layered):
    scenario = load_scenario(layered / "child.toml", {"residents": "200", "funding": "pilot"})
    assert scenario.parameters.residents == 200
    assert scenario.parameters.funding == "pilot"
    assert load_scenario("child.toml:v").parameters.initiators == 5
    assert load_scenario(str(layered / "child.toml")).name == "child"


def test_base_is_found_next_to_the_file_before_the_scenarios_folder(tmp_path, monkeypatch):
    own = tmp_path / "own"
    own.mkdir()
    write(own, "kerkweg.toml", "[parameters]\nresidents = 77\n")
    child = write(own, "mine.toml", '[scenario]\nbase = "kerkweg"\n')
    assert load_scenario(child).parameters.residents == 77
    other = write(tmp_path, "other.toml", '[scenario]\nbase = "kerkweg"\n')
    kerkweg = load_scenario("kerkweg").parameters
    assert load_scenario(other).parameters.residents == kerkweg.residents
    variant = write(tmp_path, "v.toml", '[scenario]\nbase = "kerkweg:no_support"\n')
    assert load_scenario(variant).parameters.professionals == 0


def test_built_in_defaults_when_the_folder_has_no_default(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    scenario = load_scenario(None, {"residents": 99})
    assert scenario.path is None
    assert scenario.parameters.residents == 99
    assert scenario.sources["residents"] == COMMAND_LINE
    assert list_scenarios() == []


# --- Errors ---------------------------------------------------------------------------------------


def assert_one_line(error: pytest.ExceptionInfo, *fragments: str) -> str:
    message = str(error.value)
    assert "\n" not in message, message
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"
    return message


BAD_FILES = {
    # case: (file text, fragments the message must contain besides the file name)
    "unknown top-level table": ("[paramters]\nresidents = 1\n", ["'paramters'", "'parameters'"]),
    "top-level key": ("residents = 120\n", ["'residents'", "(line 1)", "[parameters]"]),
    "table that is a value": ("parameters = 3\n", ["'parameters'", "must be a table"]),
    "unknown [scenario] key": ('[scenario]\ntitel_nl = "x"\n', ["'titel_nl'", "'title_nl'"]),
    "wrong type in [scenario]": (
        "[scenario]\ntitle_en = 3\n", ["title_en = 3", "(line 2)", "text"]
    ),
    "empty base": ('[scenario]\nbase = " "\n', ["'base'", "empty"]),
    "unknown parameter": (
        "[parameters]\ninitiators = 3\nresidnets = 120\n",
        ["'residnets'", "(line 3)", "did you mean 'residents'"],
    ),
    "wrong type": (
        '[parameters]\ninitiators = 3\nresidents = "many"\n',
        ["'residents'", "(line 3)", "whole number from 20 to"],
    ),
    "float for an int": ("[parameters]\nresidents = 120.5\n", ["'residents'", "whole number"]),
    "out of range": (
        "[parameters]\nshare_older = 1.5\n",
        ["'share_older'", "(line 2)", "from 0 to 1"],
    ),
    "unknown choice": (
        '[parameters]\nfunding = "forever"\n',
        ["'funding'", "'structural'", "'pilot'"],
    ),
    "bool for a number": ("[parameters]\ntakeover = true\n", ["'takeover'", "a number"]),
    "huge int for a float": ("[parameters]\ntakeover = " + "9" * 400 + "\n", ["'takeover'"]),
    "group shares over 1": (
        "[parameters]\nshare_older = 0.6\nshare_family = 0.6\n",
        ["share_older + share_family", "at most 1"],
    ),
    "unknown reason key": ('[reasons]\nresidnets = "x"\n', ["'residnets'", "'residents'"]),
    "reason not text": ("[reasons]\nresidents = 3\n", ["residents = 3", "(line 2)", "text"]),
    "variant not a table": ("[variants]\nv = 3\n", ["'v'", "[variants.v]"]),
    "bad variant name": ('[variants."no support"]\nresidents = 50\n', ["'no support'"]),
    "variant unknown parameter": (
        "[variants.v]\nresidnets = 50\n",
        ["[variants.v]", "'residnets'", "(line 2)"],
    ),
    "variant out of range": (
        "[variants.v]\nresidents = 5\n",
        ["[variants.v]", "'residents'", "(line 2)", "from 20"],
    ),
    "malformed TOML": ("[parameters]\nresidents = \n", ["not valid TOML", "line 2"]),
    "duplicate key": ("[parameters]\nresidents = 100\nresidents = 120\n", ["not valid TOML"]),
    "missing base": ('[scenario]\nbase = "kerkwge"\n', ["'base'", "'kerkwge'", "'kerkweg'"]),
    "missing base file": (
        '[scenario]\nbase = "nope/none.toml"\n', ["'base'", "no such scenario file"]
    ),
    "base is a directory": ('[scenario]\nbase = "./"\n', ["'base'", "is a directory"]),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_file_gives_one_line_naming_file_and_key(case, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text, fragments = BAD_FILES[case]
    path = write(tmp_path, "mijn_buurt.toml", text)
    with pytest.raises(ScenarioError) as error:
        load_scenario(path)
    assert_one_line(error, "mijn_buurt.toml", *fragments)
    # "validate" through a variant (if it loads the file) sees the same problem
    if "variants" not in text:
        with pytest.raises(ScenarioError):
            load_scenario(f"{path}:v")


def test_unknown_scenario_lists_the_available_ones_with_a_suggestion():
    with pytest.raises(ScenarioError) as error:
        load_scenario("kerkwge")
    assert_one_line(error, "'kerkwge'", "did you mean 'kerkweg'", "available:", "brabant")


def test_unknown_variant_suggests_the_nearest(tmp_path):
    with pytest.raises(ScenarioError) as error:
        load_scenario("kerkweg:nosupport")
    assert_one_line(error, "kerkweg.toml", "'nosupport'", "did you mean 'no_support'")
    with pytest.raises(ScenarioError) as error:
        load_scenario("default:anything")
    assert_one_line(error, "default.toml", "variants in this file: none")


def test_cycle_of_bases_shows_the_chain(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "a.toml", '[scenario]\nbase = "b"\n')
    write(tmp_path, "b.toml", '[scenario]\nbase = "c"\n')
    write(tmp_path, "c.toml", '[scenario]\nbase = "a.toml"\n')
    with pytest.raises(ScenarioError) as error:
        load_scenario(tmp_path / "a.toml")
    assert_one_line(error, "a cycle of bases: a.toml -> b.toml -> c.toml -> a.toml")
    write(tmp_path, "self.toml", '[scenario]\nbase = "self"\n')
    with pytest.raises(ScenarioError) as error:
        load_scenario(tmp_path / "self.toml")
    assert_one_line(error, "self.toml -> self.toml")


def test_error_inside_a_base_names_both_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "base.toml", "[parameters]\nresidents = 5\n")
    write(tmp_path, "child.toml", '[scenario]\nbase = "base"\n')
    with pytest.raises(ScenarioError) as error:
        load_scenario(tmp_path / "child.toml")
    assert_one_line(error, "base.toml: [parameters]", "'residents'", "(in the base of child.toml)")


def test_not_utf8(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "latin1.toml"
    path.write_bytes('[scenario]\ntitle_nl = "Café"\n'.encode("latin-1"))
    with pytest.raises(ScenarioError) as error:
        load_scenario(path)
    assert_one_line(error, "latin1.toml", "not UTF-8", "line 2")


def test_utf8_with_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes("[parameters]\nresidents = 120\n".encode("utf-8-sig"))
    assert load_scenario(path).parameters.residents == 120


def test_directory_and_missing_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder.toml").mkdir()
    with pytest.raises(ScenarioError) as error:
        load_scenario(tmp_path / "folder.toml")
    assert_one_line(error, "folder.toml", "is a directory")
    with pytest.raises(ScenarioError) as error:
        load_scenario(tmp_path)
    assert_one_line(error, "is a directory")
    with pytest.raises(ScenarioError) as error:
        load_scenario("missing.toml")
    assert_one_line(error, "missing.toml", "no such scenario file")


@pytest.mark.parametrize(
    ("overrides", "fragments"),
    [
        ({"residnets": 1}, ["command line", "'residnets'", "'residents'"]),
        ({"residents": 5}, ["command line", "'residents'", "from 20"]),
        ({"residents": "many"}, ["command line", "'residents'"]),
        ({"takeover": 10**400}, ["command line", "'takeover'"]),
        ({"funding": "forever"}, ["command line", "'funding'"]),
        ({3: 1}, ["command line", "3"]),
    ],
)
def test_bad_overrides(overrides, fragments):
    with pytest.raises(ScenarioError) as error:
        load_scenario("kerkweg", overrides)
    assert_one_line(error, *fragments)


# --- Property-based: nothing but ScenarioError escapes --------------------------------------------

KNOWN_KEYS = [*SPECS, *SCENARIO_KEYS]
CHOICES = sorted({c for spec in SPECS.values() for c in spec.choices})
scalars = st.one_of(
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=0, max_value=1),
    st.text(max_size=20),
    st.sampled_from([*CHOICES, *SHIPPED, "kerkweg:no_support", "../", "/", "a:b", "~nobody/x"]),
    st.dates(),
)
values = st.one_of(
    scalars,
    st.lists(scalars, max_size=3),
    st.dictionaries(st.text(max_size=5), scalars, max_size=2),
)
keys = st.one_of(st.sampled_from(KNOWN_KEYS), st.text(max_size=12))
tables = st.dictionaries(keys, values, max_size=6)


def allowed_values(name: str) -> st.SearchStrategy[Any]:
    """Values the declaration allows for ``name`` (in range, one of the choices, ...)."""
    spec = SPECS[name]
    if spec.choices:
        return st.sampled_from(spec.choices)
    if spec.kind is bool:
        return st.booleans()
    if spec.kind is int:
        return st.integers(int(spec.lower), int(spec.upper))
    return st.floats(spec.lower, spec.upper)


key_values = st.sampled_from(list(SPECS)).flatmap(
    lambda name: st.tuples(st.just(name), st.one_of(*[allowed_values(name)] * 4, values))
)
mostly_valid_tables = st.one_of(
    st.lists(key_values, max_size=6).map(dict),
    st.tuples(st.lists(key_values, max_size=4).map(dict), tables).map(lambda t: {**t[0], **t[1]}),
)
documents = st.dictionaries(
    st.one_of(st.sampled_from([*TABLES, "paramters", "scenarios"]), st.text(max_size=8)),
    st.one_of(tables, st.dictionaries(st.text(max_size=8), tables, max_size=2), values),
    max_size=4,
)


def toml_string(text: str) -> str:
    """A TOML basic string (JSON's escapes are valid TOML, except that DEL must be escaped)."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return "{" + ", ".join(f"{toml_string(k)} = {toml_value(v)}" for k, v in value.items()) + "}"


def toml_document(document: dict[str, Any]) -> str:
    top, sections = [], []
    for name, content in document.items():
        if not isinstance(content, dict):
            top.append(f"{toml_string(name)} = {toml_value(content)}")
            continue
        sections.append(f"[{toml_string(name)}]")
        for key, value in content.items():
            sections.append(f"{toml_string(key)} = {toml_value(value)}")
    return "\n".join(top + sections) + "\n"


def check_loads_or_scenario_error(text: str | bytes, overrides: dict[Any, Any] | None = None):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "random.toml"
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        try:
            scenario = load_scenario(path, overrides)
        except ScenarioError as error:
            message = str(error)
            assert "\n" not in message
            assert "random.toml" in message or (overrides and COMMAND_LINE in message)
        else:
            assert isinstance(scenario.parameters, Parameters)


PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(document=documents)
def test_random_documents_load_or_raise_scenario_error(document):
    check_loads_or_scenario_error(toml_document(document))


@PROPERTY
@given(parameters=mostly_valid_tables, variant=mostly_valid_tables)
def test_random_parameter_tables_load_or_raise_scenario_error(parameters, variant):
    document = {"scenario": {"base": "default"}, "parameters": parameters}
    text = toml_document(document)
    text += "[variants.v]\n"
    text += "".join(f"{toml_string(k)} = {toml_value(v)}\n" for k, v in variant.items())
    check_loads_or_scenario_error(text)


@PROPERTY
@given(text=st.text(max_size=300))
def test_random_text_loads_or_raises_scenario_error(text):
    check_loads_or_scenario_error(text)


@PROPERTY
@given(data=st.binary(max_size=200))
def test_random_bytes_load_or_raise_scenario_error(data):
    check_loads_or_scenario_error(data)


@PROPERTY
@given(name=st.sampled_from(SHIPPED), position=st.integers(0, 10**6), insert=st.text(max_size=5))
def test_mutated_shipped_files_load_or_raise_scenario_error(name, position, insert):
    original = (REPO / "scenarios" / f"{name}.toml").read_text(encoding="utf-8")
    position %= len(original) + 1
    check_loads_or_scenario_error(original[:position] + insert + original[position + 1 :])


@PROPERTY
@given(overrides=st.dictionaries(st.one_of(keys, st.integers()), values, max_size=4))
def test_random_overrides_load_or_raise_scenario_error(overrides):
    check_loads_or_scenario_error('[scenario]\nbase = "kerkweg"\n', overrides)


# --- The command-line sub-app ---------------------------------------------------------------------

runner = CliRunner()
app = typer.Typer()
app.add_typer(scenarios_app, name="scenarios")


@app.command()
def _other() -> None:
    """Keep the throwaway app a group, as in simulatie.cli.main."""


def test_cli_lists_scenarios_in_dutch_and_english():
    dutch = runner.invoke(app, ["scenarios"])
    english = runner.invoke(app, ["scenarios", "--lang", "en"])
    assert dutch.exit_code == 0 and english.exit_code == 0, dutch.output + english.output
    for scenario in list_scenarios():
        assert scenario.name in dutch.stdout
        assert scenario.title("nl") in dutch.stdout
        assert scenario.title("en") in english.stdout
    assert "kerkweg:no_support" in dutch.stdout
    assert "varianten" in dutch.stdout and "variants" in english.stdout


def test_cli_show_prints_values_sources_and_reasons():
    args = ["scenarios", "show", "kerkweg:no_support", "--set", "takeover=0.8"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    table = [line for line in lines if line and not line[0].isspace()]
    row = {line.split()[0]: line for line in table if line.split()[0] in SPECS}
    assert set(row) == set(SPECS)
    assert row["residents"].split()[1] == "120" and "kerkweg.toml" in row["residents"]
    assert row["professionals"].split()[1] == "0"
    assert "(variant no_support)" in row["professionals"]
    assert row["takeover"].rstrip().endswith("opdrachtregel")  # where a value came from, in Dutch
    assert row["area_risk"].rstrip().endswith("standaard")
    assert "uur per week per bewoner" in row["formal_care_hours"]  # units in words
    assert "participative (participatief)" in row["guidance_style"]  # a choice with its name
    assert row["takeover"].split()[1] == "0,8"  # a decimal comma
    assert "Waarom deze waarden" in result.stdout
    # a Dutch reason from [reasons_nl], named by the parameter's short label
    assert "Aandeel ouderen (share_older): Seed 000: de locatie huisvest ouderen" in result.stdout
    assert "Assumption:" not in result.stdout
    english = runner.invoke(app, ["scenarios", "show", "kerkweg", "--lang", "en", "--changed"])
    assert english.exit_code == 0, english.output
    assert "Why these values" in english.stdout
    assert "Share of older people (share_older): Seed 000: the location houses" in english.stdout
    assert "area_risk " not in english.stdout  # --changed hides defaults
    assert "Sprinkled housing" in english.stdout or "sprinkled housing" in english.stdout


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (["show", "kerkwge"], ["'kerkwge'", "bedoelde u 'kerkweg'"]),
        (["show", "kerkweg", "--set", "residnets=3"], ["'residnets'"]),
        (["show", "kerkweg", "--set", "residents=5"], ["'residents'", "opdrachtregel"]),
        (["show", "kerkweg:nope"], ["'nope'"]),
        (["show", "kerkweg:nope", "--lang", "en"], ["unknown variant 'nope'"]),
    ],
)
def test_cli_show_errors_are_one_line(args, fragments):
    assert_cli_error(runner.invoke(app, ["scenarios", *args]), *fragments)


def test_cli_validate(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = '[scenario]\nbase = "kerkweg"\n[parameters]\nresidents = 90\n'
    good = write(tmp_path, "good.toml", text)
    result = runner.invoke(app, ["scenarios", "validate", str(good)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "ok"
    bad = write(tmp_path, "bad.toml", "[parameters]\nresidents = 90\nshare_oldr = 0.5\n")
    assert_cli_error(
        runner.invoke(app, ["scenarios", "validate", str(bad)]),
        "bad.toml",
        "onbekende parameter 'share_oldr'",
        "(regel 3)",
        "bedoelde u 'share_older'",
    )
    assert_cli_error(
        runner.invoke(app, ["scenarios", "validate", str(bad), "--lang", "en"]),
        "unknown parameter 'share_oldr'", "(line 3)", "did you mean 'share_older'",
    )
    broken = write(tmp_path, "broken.toml", "[parameters\n")
    assert_cli_error(runner.invoke(app, ["scenarios", "validate", "broken.toml"]), "broken.toml")
    assert_cli_error(runner.invoke(app, ["scenarios", "validate", str(tmp_path)]), "is een map")
    assert_cli_error(
        runner.invoke(app, ["scenarios", "validate", "nothing.toml"]),
        "scenariobestand niet gevonden"
    )
    assert_cli_error(runner.invoke(app, ["scenarios", "validate", str(broken) + "x"]))


@pytest.mark.parametrize("reference", ["kerkweg", "kerkweg:no_support", "default"])
def test_cli_validate_takes_a_name_as_run_does(reference, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # not where the scenarios folder is
    result = runner.invoke(app, ["scenarios", "validate", reference])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "ok"


def test_cli_validate_names_an_unknown_scenario():
    assert_cli_error(runner.invoke(app, ["scenarios", "validate", "kerkwge"]),
                     "onbekend scenario 'kerkwge'", "bedoelde u 'kerkweg'")


@pytest.mark.parametrize("args", [
    ["scenarios", "--lang", "en", "show", "kerkweg"],
    ["scenarios", "show", "kerkweg", "--lang", "en"],
    ["scenarios", "--lang", "nl", "show", "kerkweg", "--lang", "en"],  # the nearer one wins
])
def test_cli_show_in_english_wherever_lang_is_given(args):
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    english = load_scenario("kerkweg").title("en")
    assert result.stdout.startswith(f"kerkweg: {english}")
    assert "file:" in result.stdout and "bestand:" not in result.stdout


def test_cli_show_is_dutch_by_default():
    for args in (["scenarios", "show", "kerkweg"],
                 ["scenarios", "--lang", "en", "show", "kerkweg", "--lang", "nl"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert result.stdout.startswith(f"kerkweg: {load_scenario('kerkweg').title('nl')}")


def test_cli_list_reports_a_broken_file_in_the_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    write(tmp_path, "ok.toml", '[scenario]\ntitle_nl = "Goed"\n')
    assert "Goed" in runner.invoke(app, ["scenarios"]).stdout
    write(tmp_path, "zz.toml", "[parameters]\nresidents = 1\n")
    assert_cli_error(runner.invoke(app, ["scenarios"]), "zz.toml", "'residents'")


# --- Every scenario runs --------------------------------------------------------------------------


def _run():
    try:
        from simulatie.experiment.run import run
    except ImportError:  # the model is not there yet
        pytest.skip("simulatie.experiment.run is not available")
    return run


@pytest.mark.parametrize("name", SHIPPED)
def test_every_scenario_runs_ten_years(name):
    """The smoke test of issue 4: every shipped scenario runs for 520 weeks (1.5-6 s each)."""
    run = _run()
    result = run(load_scenario(name).parameters, seed=1, steps=520)
    series = result.timeseries
    assert len(series) == 521
    needed = series["care_hours_needed"]
    met = series[[c for c in series if c.startswith("care_hours_") and c != "care_hours_needed"]]
    assert np.allclose(met.sum(axis=1), needed)
    assert series[["caring_ties", "lonely_share", "active_volunteers"]].notna().all().all()
