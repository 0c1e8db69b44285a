"""``simulatie vergelijk A B``: a fair comparison of two policies, in Dutch, on the same seeds.

The runs are tiny (60 residents, half a year, two replications): the numbers mean little, the
tests check the command's contract.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pandas as pd
import pytest
from cli_assertions import assert_cli_error
from typer.testing import CliRunner

from simulatie.cli.main import app
from simulatie.experiment import comparison
from simulatie.experiment.comparison_words import advice
from simulatie.experiment.scenarios import load_scenario
from simulatie.experiment.store import read_run_file

runner = CliRunner()

TINY = ["--set", "residents=60", "--weken", "26", "--herhalingen", "2"]
PILOT = ["default", "default", *TINY, "--set-b", "funding=pilot", "--set-b", "pilot_weeks=13"]


@pytest.fixture(scope="module")
def first(tmp_path_factory):
    """One comparison of structural support (A) with a pilot (B), made once for the module."""
    folder = tmp_path_factory.mktemp("vergelijk") / "eerste"
    result = runner.invoke(app, ["vergelijk", *PILOT, "--workers", "1", "--out", str(folder)],
                           env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    return result, folder


def test_the_table_is_printed_in_dutch(first):
    result, folder = first
    text = " ".join(result.stdout.split())
    assert "Vergelijking van A en B" in text
    assert "Bewoners met een zorgzame band" in text
    assert "Verschil" in text and "Oordeel" in text
    assert "duidelijk verschil" in text  # "geen duidelijk verschil" holds it too
    assert "A: default · B: default + funding=pilot, pilot_weeks=13" in text
    # settings by their short labels, with their values as read
    assert "Verschil in instellingen: Financiering (A structureel, B pilot)" in text
    assert "Duur van de pilot (A 104, B 13)" in text
    assert "Voor beide: Woningen 60" in text
    assert "2 herhalingen per beleid op dezelfde seeds" in text
    assert "dus ze verschillen alleen in het beleid" in text
    assert "Resultaten in" in text and str(folder) in text


def test_the_summary_is_a_dutch_spreadsheet(first):
    _, folder = first
    text = (folder / "samenvatting.csv").read_text(encoding="utf-8-sig")
    header, *rows = text.strip().splitlines()
    assert header.split(";")[:4] == ["maat", "uitkomst", "eenheid", "A gemiddelde"]
    assert "duidelijk verschil" in header
    assert len(rows) == len(comparison.MEASURES)
    assert all(";" in row and "," not in row.split(";")[0] for row in rows)
    assert re.search(r";-?\d+,\d+;", text), "numbers have a decimal comma"
    table = pd.read_csv(folder / "samenvatting.csv", sep=";", decimal=",", encoding="utf-8-sig")
    shares = table.set_index("maat").loc["share_with_caring_tie"]
    assert shares["eenheid"] == "%" and shares["eenheid verschil"] == "procentpunt"
    assert 0 <= shares["A gemiddelde"] <= 100
    assert set(table["duidelijk verschil"]) <= {"ja", "nee"}


def test_set_b_changes_only_arm_b(first):
    _, folder = first
    record = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    a, b = record["arms"]["A"]["parameters"], record["arms"]["B"]["parameters"]
    assert (a["funding"], b["funding"]) == ("structural", "pilot")
    assert (a["residents"], b["residents"]) == (60, 60)
    assert record["differing"] == {"funding": {"A": "structural", "B": "pilot"},
                                   "pilot_weeks": {"A": 104, "B": 13}}
    assert len(record["seeds"]) == 2 and record["master_seed"] == 0
    assert "versions" in record and record["weeks"] == 26


def test_the_folder_holds_the_weekly_tables_and_the_figure(first):
    _, folder = first
    assert sorted(p.name for p in folder.iterdir()) == [
        "figure.png", "metadata.json", "samenvatting.csv", "timeseries.parquet"]
    assert (folder / "figure.png").stat().st_size > 10_000
    weekly, record = read_run_file(folder / "timeseries.parquet")
    assert set(weekly["arm"]) == {"A", "B"}
    assert len(weekly) == 2 * 2 * 27  # arms × replications × weeks 0..26
    assert "baseline_share_with_caring_tie" in weekly.columns
    assert record["seeds"] == sorted(set(weekly["seed"]), key=record["seeds"].index)


def test_the_same_seed_gives_the_same_numbers_on_worker_processes(first, tmp_path):
    _, folder = first
    again = runner.invoke(app, ["vergelijk", *PILOT, "--workers", "2", "--out",
                                str(tmp_path / "again")])
    assert again.exit_code == 0, again.output
    assert ((tmp_path / "again" / "samenvatting.csv").read_bytes()
            == (folder / "samenvatting.csv").read_bytes())


@pytest.fixture
def no_runs(monkeypatch, tmp_path):
    """Work in tmp_path; any attempt to run the comparison fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("the comparison ran despite bad input")

    monkeypatch.setattr(comparison, "compare", refuse)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(("args", "fragments"), [
    (["kerkweg", "nergensweg"], ["B ('nergensweg') laadt niet", "nergensweg"]),
    (["kerkweg:geen_variant", "kerkweg"], ["A ('kerkweg:geen_variant') laadt niet"]),
    (["default", "default", "--set-b", "takover=0.5"], ["takover"]),
    (["default", "default", "--set", "residents"], ["--set"]),
    (["default", "default", "--set-a", "takeover=7"], ["takeover"]),
    (["default", "default", "--herhalingen", "1"], ["--herhalingen moet minstens 2 zijn"]),
    (["default", "default", "--weken", "0"], ["--weken moet van 1 tot"]),
    (["default", "default", "--seed", "-1"], ["--seed moet 0 of meer zijn"]),
    (["default", "default", "--workers", "0"], ["--workers moet minstens 1 zijn"]),
])
def test_bad_input_is_one_line_exit_2_and_nothing_written(no_runs, args, fragments):
    assert_cli_error(runner.invoke(app, ["vergelijk", *args]), *fragments)
    assert list(no_runs.iterdir()) == []


def test_a_non_empty_out_folder_is_refused_before_running(no_runs):
    (no_runs / "bezet").mkdir()
    (no_runs / "bezet" / "iets.txt").write_text("al hier")
    result = runner.invoke(app, ["vergelijk", "default", "default", "--out", "bezet"])
    assert_cli_error(result, "kan de resultaten niet schrijven", "de map is niet leeg")
    assert [p.name for p in no_runs.iterdir()] == ["bezet"]


def test_english_errors_with_lang_en(no_runs):
    result = runner.invoke(app, ["compare", "default", "default", "--lang", "en",
                                 "--replications", "1"])
    assert_cli_error(result, "--replications must be at least 2")


def test_ctrl_c_stops_with_one_line_and_nothing_written(monkeypatch, tmp_path):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(comparison, "compare", interrupted)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["vergelijk", "default", "default"])
    assert result.exit_code == 130
    assert result.stderr.strip().splitlines()[-1].startswith("onderbroken: er is niets geschreven")
    assert list(tmp_path.iterdir()) == []


def test_english_alias_writes_an_english_summary(tmp_path):
    result = runner.invoke(app, ["compare", "default", "default", *TINY, "--set-b",
                                 "professionals=0", "--lang", "en", "--workers", "1",
                                 "--out", str(tmp_path / "en")])
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "Comparison of A and B" in text
    assert "Settings that differ: Professionals (A 1, B 0)" in text and "For both: Homes 60" in text
    summary = pd.read_csv(tmp_path / "en" / "summary.csv")
    assert list(summary["measure"]) == list(comparison.MEASURES)
    assert set(summary["clear difference"]) <= {"yes", "no"}


def test_identical_arms_differ_by_nothing():
    arm = load_scenario("default", {"residents": 60})
    result = comparison.compare(arm, arm, replications=2, weeks=4, workers=1)
    assert (result.summary["difference"] == 0).all()
    assert not result.summary["clear"].any()
    assert result.differing() == {}
    assert advice(result) is None


def test_more_replications_are_asked_for_when_the_interval_is_wider_than_the_difference():
    arm = load_scenario("default", {"residents": 60})
    result = comparison.compare(arm, arm, replications=2, weeks=4, workers=1)
    summary = result.summary.copy()
    headline = summary["measure"] == comparison.HEADLINE
    summary.loc[headline, ["difference", "difference_low", "difference_high"]] = [1.0, -1.0, 3.0]
    wide = replace(result, summary=summary)
    assert wide.replications_needed() == 2 * 16
    assert "Meer herhalingen nodig" in advice(wide) and "--herhalingen 32" in advice(wide)
    summary.loc[headline, ["difference", "difference_low", "difference_high"]] = [0.1, -1, 1]
    assert "--herhalingen 100 of meer" in advice(replace(result, summary=summary))
    summary.loc[headline, ["difference", "difference_low", "difference_high"]] = [1, 0.6, 1.4]
    assert advice(replace(result, summary=summary)) is None
    # a clear difference (the interval excludes zero) whose size is still uncertain
    summary.loc[headline, ["difference", "difference_low", "difference_high", "clear"]] = [
        1.0, 0.2, 2.6, True]
    text = advice(replace(result, summary=summary))
    assert "De richting is duidelijk" in text and "Meer herhalingen nodig" not in text


def test_a_single_run_points_to_the_fair_comparison(tmp_path):
    result = runner.invoke(app, ["run", "--steps", "2", "--set", "residents=60", "--out",
                                 str(tmp_path / "run")])
    assert result.exit_code == 0, result.output
    last = result.stdout.strip().splitlines()[-1]
    assert "één trekking" in last and "simulatie vergelijk" in last


def test_a_difference_of_shares_never_reaches_beyond_a_hundred_points():
    """Two replications, ownership 0% and 0% in A, 0% and 100% in B: t's interval is cut."""
    rows = []
    for arm, owned in (("A", (0.0, 0.0)), ("B", (0.0, 1.0))):
        for replication, value in enumerate(owned):
            row = {name: 0.5 for name in comparison.METRICS_KEPT}
            row.update({"week": 52, "arm": arm, "replication": replication, "ownership": value,
                        comparison.BASELINE_PREFIX + comparison.HEADLINE: 0.4})
            rows.append(row)
    summary = comparison.summarise(pd.DataFrame(rows), weeks=52).set_index("measure")
    owned = summary.loc["ownership"]
    assert owned["difference"] == pytest.approx(50.0)
    assert (owned["difference_low"], owned["difference_high"]) == (-100.0, 100.0)
    assert not owned["clear"]
    counts = summary.loc["caring_ties"]  # not a share: not cut
    assert counts["difference"] == 0.0
