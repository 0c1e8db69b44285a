"""`simulatie buurt`: a scenario of one's own buurt from CBS Kerncijfers wijken en buurten.

Never touches the network: CBS open data is replaced by recorded-response-shaped rows
(tests/data/cbs/odata_*.json) and the StatLine exports are the constructed CSV files beside them
(docs/buurt.md says how they were made).
"""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import numpy as np
import pytest
from cli_assertions import assert_cli_error
from typer.testing import CliRunner

from simulatie.cli.main import app
from simulatie.core.parameters import make_parameters
from simulatie.core.state.groups import GROUP_PROFILES, Group, partner_chance
from simulatie.experiment import neighbourhood as nb
from simulatie.experiment.neighbourhood import online
from simulatie.experiment.neighbourhood.figures import (
    label_key,
    parse_value,
    quantity_for_key,
    quantity_for_label,
)
from simulatie.experiment.neighbourhood.fit import solve
from simulatie.experiment.scenarios import load_scenario

DATA = Path(__file__).parent / "data" / "cbs"
CSV_2018 = DATA / "Kerncijfers_wijken_en_buurten_2018.csv"
CSV_2024 = DATA / "Kerncijfers_wijken_en_buurten_2024.csv"
EMMALAAN = "BU04840501"  # a family buurt: 24.6% of adults 65+, 34.2% one-person households
LIJSTERLAAN = "BU04840602"  # an old buurt: 44.3% of adults 65+, 48.5% one-person households
runner = CliRunner()


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Any call of the real client fails the test: CBS is never asked."""
    def refuse(*args, **kwargs):
        raise AssertionError("a test asked CBS open data")

    monkeypatch.setitem(sys.modules, "cbsodata", types.SimpleNamespace(get_data=refuse))


def recorded(name: str):
    """A recorded answer of CBS open data, and the calls made for it."""
    record = json.loads((DATA / name).read_text(encoding="utf-8"))
    calls = []

    def get_data(table: str, filters: str):
        calls.append((table, filters))
        assert table == record["table"]
        assert filters == record["filters"]
        return [dict(row) for row in record["rows"]]

    return get_data, calls


def emmalaan() -> nb.Targets:
    return nb.targets_from(nb.read_export(CSV_2018, nb.parse_region(EMMALAAN)))


def lijsterlaan() -> nb.Targets:
    return nb.targets_from(nb.read_export(CSV_2024, nb.parse_region(LIJSTERLAAN)))


# --- region codes --------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "code", "level"), [
    ("BU04840501", "BU04840501", nb.Level.BUURT),
    (" bu04840501 ", "BU04840501", nb.Level.BUURT),
    ("WK048405", "WK048405", nb.Level.WIJK),
    ("wk0363af", "WK0363AF", nb.Level.WIJK),
    ("GM0484", "GM0484", nb.Level.GEMEENTE),
])
def test_region_codes_are_read_as_cbs_writes_them(text, code, level):
    region = nb.parse_region(text)
    assert (region.code, region.level, region.municipality) == (code, level, "GM" + code[2:6])


@pytest.mark.parametrize("text", ["BU0484050", "BU048405011", "GM484", "WK04840", "XX04840501",
                                  "0484", "", "BU 0484 0501 x"])
def test_a_bad_region_code_says_which_forms_are_allowed(text):
    with pytest.raises(nb.RegionError) as caught:
        nb.parse_region(text)
    assert "BU + 8" in caught.value.en and "WK + 6" in caught.value.en
    assert "GM + 4" in caught.value.en
    assert "geen CBS-regiocode" in caught.value.message("nl")


# --- columns and cells ---------------------------------------------------------------------------
@pytest.mark.parametrize(("key", "name"), [
    ("AantalInwoners_5", "inhabitants"),
    ("k_65JaarOfOuder_12", "age_65"),
    ("HuishoudensTotaal_28", "households"),  # 2018
    ("HuishoudensTotaal_29", "households"),  # 2024
    ("Eenpersoonshuishoudens_30", "one_person"),
    ("BuitenEuropa_22", "origin_outside_europe"),
    ("HuishoudensMetKinderen", "with_children"),
])
def test_odata_columns_are_matched_by_stem_whatever_their_suffix(key, name):
    assert quantity_for_key(key).name == name


def test_statline_titles_are_matched_by_their_end_without_unit_or_double_spaces():
    title = "Bevolking/Bevolking naar herkomst/Herkomstland/Buiten Europa  (aantal)"
    assert label_key(title) == "bevolking/bevolking naar herkomst/herkomstland/buiten europa"
    assert quantity_for_label(title).name == "origin_outside_europe"
    born = "Bevolking/Bevolking naar herkomst/Geboren buiten Nederland/Buiten Europa (aantal)"
    assert quantity_for_label(born) is None
    assert quantity_for_label("Bevolking/Personen met een migratieachtergrond/Niet-westers/"
                              "Niet-westers totaal (aantal)").name == "non_western"
    assert quantity_for_label("Bevolking/Personen met een migratieachtergrond/Westers totaal "
                              "(aantal)").name == "western"


@pytest.mark.parametrize(("cell", "value"), [
    ("2,2", 2.2), ("2.675", 2675.0), ("1 215", 1215.0), ("505", 505.0), (505, 505.0),
    (2.2, 2.2), ("1.234,5", 1234.5), (" 7 ", 7.0),
])
def test_cells_are_read_with_dutch_decimals_and_thousands(cell, value):
    assert parse_value(cell)[0] == value


@pytest.mark.parametrize("cell", [".", "", "   .  ", None, "x", float("nan")])
def test_a_cbs_symbol_or_empty_cell_is_missing_never_zero(cell):
    assert parse_value(cell)[0] is None


def test_a_cell_that_is_no_number_is_an_error():
    with pytest.raises(nb.CbsError, match="cannot read 'veel' as a number"):
        parse_value("veel")


# --- reading the two layouts ---------------------------------------------------------------------
def test_statline_export_2018_layout():
    figures = nb.read_export(CSV_2018, nb.parse_region(EMMALAAN))
    assert (figures.code, figures.name, figures.municipality, figures.year) == (
        EMMALAAN, "Emmalaan", "Alphen aan den Rijn", 2018)
    assert figures.values["inhabitants"] == 2675
    assert figures.values["household_size"] == 2.2
    targets = nb.targets_from(figures)
    assert targets.adults == 2675 - 470 - 150
    assert targets.age_65 == pytest.approx(505 / 2055)
    assert targets.alone == pytest.approx(415 / 1215)
    assert targets.family == pytest.approx(480 / 1215)
    assert targets.origin_abroad == pytest.approx((215 + 160) / 2675)  # migration background
    assert targets.age_75 == pytest.approx(505 / 2055 * 1_482_721 / 3_457_535)
    assert targets.households == 1215


def test_statline_export_2024_layout_takes_origin_not_birthplace():
    figures = nb.read_export(CSV_2024, nb.parse_region(LIJSTERLAAN))
    assert figures.year == 2024
    targets = nb.targets_from(figures)
    assert targets.origin_abroad == pytest.approx((170 + 175) / 2095)  # not the born-abroad 110
    assert targets.age_65 == pytest.approx(815 / (2095 - 180 - 75))
    assert targets.alone == pytest.approx(565 / 1165)


def test_the_year_can_be_given_when_the_file_name_does_not_say(tmp_path):
    copy = tmp_path / "download.csv"
    copy.write_bytes(CSV_2018.read_bytes())
    region = nb.parse_region(EMMALAAN)
    assert nb.read_export(copy, region).year is None
    assert nb.read_export(copy, region, year=2018).year == 2018


def test_an_export_with_odata_keys_and_a_title_line_is_read_too(tmp_path):
    export = tmp_path / "kwb.csv"
    export.write_text(
        "Kerncijfers wijken en buurten 2024\n"
        "ID;WijkenEnBuurten;Codering_3;AantalInwoners_5;k_0Tot15Jaar_8;k_15Tot25Jaar_9;"
        "k_65JaarOfOuder_12;HuishoudensTotaal_29;Eenpersoonshuishoudens_30;"
        "HuishoudensMetKinderen_32\n"
        "7;BU04840602  ;BU04840602  ;2095;180;150;815;1165;565;280\n", encoding="utf-8")
    figures = nb.read_export(export, nb.parse_region(LIJSTERLAAN))
    assert figures.year == 2024 and figures.name == ""
    assert nb.targets_from(figures).age_65 == pytest.approx(815 / 1840)


def test_online_2018_layout_gives_the_same_figures_as_the_export(monkeypatch):
    get_data, calls = recorded("odata_84286NED_BU04840501.json")
    monkeypatch.setattr(online, "get_data", get_data)
    fetched = nb.fetch_figures(nb.parse_region(EMMALAAN), 2018)
    exported = nb.read_export(CSV_2018, nb.parse_region(EMMALAAN))
    assert calls == [("84286NED", "startswith(WijkenEnBuurten,'BU04840501')")]
    assert fetched.name == "Emmalaan" and fetched.municipality == "Alphen aan den Rijn"
    for name in ("inhabitants", "age_0_15", "age_15_25", "age_65", "households", "one_person",
                 "with_children", "western", "non_western", "household_size"):
        assert fetched.values[name] == exported.values[name], name


def test_online_2024_layout_takes_the_first_of_repeated_stems(monkeypatch):
    get_data, _ = recorded("odata_85984NED_BU04840602.json")
    monkeypatch.setattr(online, "get_data", get_data)
    fetched = nb.fetch_figures(nb.parse_region(LIJSTERLAAN), 2024)
    exported = nb.read_export(CSV_2024, nb.parse_region(LIJSTERLAAN))
    assert fetched.values["origin_outside_europe"] == 175  # BuitenEuropa_19, not _22
    got, wanted = nb.targets_from(fetched), nb.targets_from(exported)
    for name in ("adults", "age_65", "age_75", "alone", "family", "origin_abroad", "households"):
        assert getattr(got, name) == getattr(wanted, name), name


def test_online_without_the_client_says_how_to_install_it_or_go_offline(monkeypatch):
    monkeypatch.setitem(sys.modules, "cbsodata", None)  # import fails
    with pytest.raises(nb.CbsError) as caught:
        nb.fetch_figures(nb.parse_region(EMMALAAN), 2018)
    assert "simulatie[cbs]" in caught.value.en and "--csv" in caught.value.en
    assert "cbsodata" in caught.value.nl


def test_online_failure_and_unknown_year_are_clear(monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("no route to host")

    monkeypatch.setitem(sys.modules, "cbsodata", types.SimpleNamespace(get_data=broken))
    with pytest.raises(nb.CbsError, match=r"did not answer.*--csv"):
        nb.fetch_figures(nb.parse_region(EMMALAAN), 2018)
    with pytest.raises(nb.CbsError, match="no KWB table known for 2016"):
        nb.fetch_figures(nb.parse_region(EMMALAAN), 2016)


def test_online_region_not_in_the_table(monkeypatch):
    monkeypatch.setattr(online, "get_data", lambda table, filters: [])
    with pytest.raises(nb.CbsError, match="has no region BU04849999"):
        nb.fetch_figures(nb.parse_region("BU04849999"), 2024)


# --- missing and suppressed figures --------------------------------------------------------------
def test_a_suppressed_figure_is_named_never_read_as_zero():
    figures = nb.read_export(CSV_2018, nb.parse_region("BU04849699"))
    assert figures.get("age_65") is None and figures.raw["age_65"] == "."
    assert figures.get("one_person") is None and figures.raw["one_person"] == ""
    with pytest.raises(nb.CbsError) as caught:
        nb.targets_from(figures)
    assert "'65 jaar of ouder'" in caught.value.nl and "'.'" in caught.value.nl
    assert "BU04849699" in caught.value.en and "KWB 2018" in caught.value.en
    assert "wijk" in caught.value.en  # what to do instead


def test_an_empty_required_cell_says_empty():
    figures = nb.Figures(code=EMMALAAN, name="Emmalaan", municipality="", year=2018,
                         source="test", values={"one_person": None}, raw={"one_person": ""})
    with pytest.raises(nb.CbsError) as caught:
        figures.require("one_person")
    assert "'One-person households' in Emmalaan (BU04840501) (KWB 2018)" in caught.value.en
    assert "the cell is empty" in caught.value.en and "de cel is leeg" in caught.value.nl


def test_a_missing_optional_figure_is_shown_as_missing_and_the_rest_goes_on():
    targets = nb.targets_from(nb.read_export(CSV_2018, nb.parse_region("GM0484")))
    assert targets.households == 47347
    figures = nb.Figures(code=EMMALAAN, name="", municipality="", year=2018, source="test",
                         values={**emmalaan().figures.values, "western": None})
    assert nb.targets_from(figures).origin_abroad is None


def test_a_column_the_table_lacks_is_named(tmp_path):
    export = tmp_path / "kwb_2018.csv"
    export.write_text('"Regioaanduiding/Codering (code)";"Bevolking/Aantal inwoners (aantal)"\n'
                      f'"{EMMALAAN}";"2675"\n', encoding="utf-8")
    with pytest.raises(nb.CbsError, match="has no column for 'Aged 0 to 15'"):
        nb.targets_from(nb.read_export(export, nb.parse_region(EMMALAAN)))


def test_an_export_without_the_code_column_or_the_region_says_what_to_select(tmp_path):
    export = tmp_path / "kwb.csv"
    export.write_text('"Wijken en buurten";"Bevolking/Aantal inwoners (aantal)"\n"Emmalaan";"1"\n',
                      encoding="utf-8")
    with pytest.raises(nb.CbsError, match="Codering"):
        nb.read_export(export, nb.parse_region(EMMALAAN))
    with pytest.raises(nb.CbsError, match=r"has no row for BU04849999 \(4 regions, e.g. GM0484"):
        nb.read_export(CSV_2018, nb.parse_region("BU04849999"))


def test_percentages_of_an_old_table_are_refused(tmp_path):
    export = tmp_path / "kwb_2014.csv"
    export.write_text('"Regioaanduiding/Codering (code)";"Bevolking/Personen met een '
                      'migratieachtergrond/Westers totaal (%)"\n"GM0484";"10"\n', encoding="utf-8")
    with pytest.raises(nb.CbsError, match="older KWB table"):
        nb.read_export(export, nb.parse_region("GM0484"))


# --- the model side ------------------------------------------------------------------------------
def test_partner_odds_default_keeps_every_group_chance_exactly():
    chances = np.array([GROUP_PROFILES[g].partner for g in Group])
    assert np.array_equal(partner_chance(chances, 1.0), chances)
    assert make_parameters({}).partner_odds == 1.0


def test_living_alone_falls_as_partner_odds_rise():
    alone = [nb.expected_structure(make_parameters({"partner_odds": k})).alone
             for k in (0.2, 0.5, 1.0, 2.0, 5.0)]
    assert alone == sorted(alone, reverse=True)
    assert alone[0] - alone[-1] > 0.3


def test_the_default_steady_state_is_what_its_docs_say():
    structure = nb.expected_structure(make_parameters({}))
    assert structure.age_65 == pytest.approx(0.235, abs=0.01)  # per adult (docs: 25% per home)
    assert structure.groups["older"] == pytest.approx(0.15)


@pytest.mark.parametrize(("age_65", "alone"), [(0.15, 0.25), (0.25, 0.40), (0.40, 0.55)])
def test_the_search_hits_the_steady_state_exactly_where_reachable(age_65, alone):
    base = make_parameters({"share_family": 0.25, "share_older": 0.0})
    older, odds, reached = solve(base, age_65, alone)
    found = nb.expected_structure(base.model_copy(update={"share_older": older,
                                                          "partner_odds": odds}))
    assert reached == {"age_65": True, "alone": True}
    assert found.age_65 == pytest.approx(age_65, abs=1e-6)
    assert found.alone == pytest.approx(alone, abs=1e-6)


def test_an_unreachable_age_structure_is_flagged_not_hidden():
    base = make_parameters({"share_family": 0.1, "share_older": 0.0})
    older, _, reached = solve(base, 0.02, 0.7)  # students: almost nobody 65+
    assert older == 0.0 and reached["age_65"] is False


def test_an_old_buurt_matches_at_the_default_size():
    wanted = lijsterlaan()  # 44% of adults 65+; the family buurt is checked through the command
    fit = nb.fit_neighbourhood(wanted, homes=300)  # the model's default size
    within = fit.within(wanted)
    assert within["age_65"] and within["alone"], (fit.expected, fit.built)
    assert fit.built.homes >= 3000 and fit.built.seeds[0] == 0
    assert abs(fit.expected.groups["family"] - wanted.family) < 1e-4
    assert not within["age_75"]  # the model's old are older: said in a note, not hidden
    assert any("75+" in line for line in nb.words.notes(wanted, fit, "en"))


# --- the scenario file ---------------------------------------------------------------------------
def test_the_scenario_file_loads_with_a_reason_for_every_value(tmp_path):
    targets = emmalaan()
    fit = nb.fit_neighbourhood(targets, homes=300, build=False)
    path = nb.write_scenario(nb.scenario_text(targets, fit), tmp_path, "emmalaan")
    scenario = load_scenario(path)
    for name, value in fit.values.items():
        if name != "share_migrant":  # the default 0.10 is kept, not restated
            assert getattr(scenario.parameters, name) == value
            assert "CBS" in scenario.reasons[name] or "Gezocht" in scenario.reasons[name]
    assert "2018" in scenario.reasons["share_family"]
    for kept in ("meeting_places", "street_length", "share_lvb", "share_psych"):
        assert scenario.reasons[kept].startswith("Standaard: het CBS geeft hier geen cijfer")
    english = nb.scenario_text(targets, fit, "en")
    assert "Default: CBS gives no figure for this, change it if you know better" in english


def test_an_existing_scenario_is_never_overwritten_without_force(tmp_path):
    targets = emmalaan()
    fit = nb.fit_neighbourhood(targets, homes=300, build=False)
    text = nb.scenario_text(targets, fit)
    (tmp_path / "mijn.toml").write_text("# mine\n", encoding="utf-8")
    with pytest.raises(nb.CbsError, match=r"already exists.*--force"):
        nb.write_scenario(text, tmp_path, "mijn")
    assert (tmp_path / "mijn.toml").read_text(encoding="utf-8") == "# mine\n"
    nb.write_scenario(text, tmp_path, "mijn", force=True)
    assert load_scenario(tmp_path / "mijn.toml").parameters.residents == 300
    with pytest.raises(nb.CbsError, match="cannot be a scenario name"):
        nb.write_scenario(text, tmp_path, "mijn buurt")


# --- the command ---------------------------------------------------------------------------------
def test_command_writes_a_scenario_that_runs_and_validates(tmp_path, monkeypatch):
    monkeypatch.setenv("SIMULATIE_SCENARIOS", str(tmp_path))
    result = runner.invoke(app, ["buurt", EMMALAAN, "--csv", str(CSV_2018), "--woningen", "300"])
    assert result.exit_code == 0, result.output
    out = result.stdout  # the model's 65+, 75+, 80+ and living alone all within 2 points
    for label, cbs in (("65 jaar of ouder", "24,6%"), ("75 jaar of ouder", "10,5%"),
                       ("80 jaar of ouder", "6,0%"), ("Woont alleen", "34,2%")):
        line = next(line for line in out.splitlines() if label in line)
        assert cbs in line and "✓" in line, line
    assert "aanname" in out and "✗" not in out and "Week 0" in out
    assert "simulatie run bu04840501" in out
    assert (tmp_path / "bu04840501.toml").is_file()
    assert runner.invoke(app, ["scenarios", "validate", "bu04840501"]).stdout.strip() == "ok"
    ran = runner.invoke(app, ["run", "bu04840501", "--steps", "2", "--out",
                              str(tmp_path / "run"), "--no-figure"])
    assert ran.exit_code == 0, ran.output
    again = runner.invoke(app, ["buurt", EMMALAAN, "--csv", str(CSV_2018)])
    assert_cli_error(again, "bestaat al", "--force")


def test_command_in_english_from_recorded_open_data(tmp_path, monkeypatch):
    get_data, calls = recorded("odata_85984NED_BU04840602.json")
    monkeypatch.setattr(online, "get_data", get_data)
    result = runner.invoke(app, ["buurt", LIJSTERLAAN, "--map", str(tmp_path), "--lang", "en",
                                 "--no-check", "--naam", "lijsterlaan"])
    assert result.exit_code == 0, result.output
    assert calls and "44.3%" in result.stdout and "48.5%" in result.stdout
    assert "KWB 2024" in result.stdout and (tmp_path / "lijsterlaan.toml").is_file()


@pytest.mark.parametrize(("args", "fragments"), [
    (["buurt", "BU123"], ("geen CBS-regiocode", "BU + 8")),
    (["buurt", "BU123", "--lang", "en"], ("not a CBS region code", "GM + 4")),
    (["buurt", "BU04849699", "--csv", str(CSV_2018)], ("65 jaar of ouder", "'.'")),
    (["buurt", EMMALAAN, "--csv", str(CSV_2018), "--woningen", "5"], ("--woningen",)),
    (["buurt", EMMALAAN, "--csv", str(CSV_2018), "--perc-75plus", "140"], ("--perc-75plus",)),
    (["buurt", EMMALAAN, "--jaar", "2016"], ("geen KWB-tabel bekend voor 2016",)),
])
def test_command_mistakes_are_one_line(tmp_path, args, fragments):
    result = runner.invoke(app, [*args, "--map", str(tmp_path)])
    assert_cli_error(result, *fragments)
    assert not list(tmp_path.iterdir())


def test_a_buurt_of_families_only_still_makes_valid_groups():
    figures = nb.Figures(code=EMMALAAN, name="", municipality="", year=2018, source="test",
                         values={**emmalaan().figures.values, "with_children": 1180})
    values = nb.fit.fixed_values(nb.targets_from(figures), homes=300)
    assert values["share_family"] == pytest.approx(1 - 0.10 - 0.03 - 0.03)
    make_parameters({**values, "share_older": 0.0})  # the groups fit in the homes
