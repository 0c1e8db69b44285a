"""The seven myths: files load, handouts are written, and every number and conclusion is computed.

Runs use tiny settings (60 residents, 60 weeks, 3 replications;
:data:`simulatie.workshop.myths.TINY`), so the numbers mean nothing here; the tests check the
plumbing and that the words follow the numbers, not what the model says about a myth.
"""

from __future__ import annotations

import html
import json
from dataclasses import replace

import numpy as np
import pytest
import typer
from typer.testing import CliRunner

from simulatie.cli.myths import default_folder, register
from simulatie.workshop.handout import answer_from_result, fmt, myth_answer
from simulatie.workshop.myths import (
    ARMS,
    MYTHS,
    TINY,
    MeasureSection,
    MythError,
    Verdict,
    judge,
    load_myth,
    run_myth,
    swapped,
)
from simulatie.workshop.texts import MYTH_TEXTS, TEMPLATES

TINY_ARGS = ["--residents", "60", "--weeks", "60", "--replications", "3", "--workers", "1"]


@pytest.fixture(scope="module")
def cli() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


@pytest.mark.parametrize("n", list(MYTHS))
def test_every_myth_file_loads(n: int) -> None:
    myth = load_myth(n)
    points = myth.points()
    assert len(points) == 4
    assert points["myth", False] != points["alternative", False], "the arms must differ"
    assert points["myth", False] != points["myth", True], "the counter must change something"
    assert myth.replications >= 2 and myth.weeks >= 52
    for lang in ("nl", "en"):
        words = MYTH_TEXTS[n][lang]
        assert words["claim"] and len(words["questions"]) >= 2


def test_a_bad_override_is_one_clear_error() -> None:
    with pytest.raises(MythError, match="did you mean 'homophily'"):
        load_myth(4, overrides={"homofily": 0.0})
    with pytest.raises(MythError, match="no myth 8"):
        load_myth(8)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_cli_writes_html_pdf_png(cli: typer.Typer, tmp_path, lang: str) -> None:
    out = tmp_path / "m3"
    result = CliRunner().invoke(cli, ["myth", "3", "--lang", lang, "--out", str(out), *TINY_ARGS])
    assert result.exit_code == 0, result.output
    assert (out / "figure.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (out / "handout.pdf").read_bytes()[:5] == b"%PDF-"
    page = (out / "handout.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in page
    assert html.escape(str(MYTH_TEXTS[3][lang]["claim"])) in page
    assert html.escape(TEMPLATES[lang]["disclaimer"]) in page
    for question in MYTH_TEXTS[3][lang]["questions"]:
        assert html.escape(str(question)) in page


def test_dutch_alias_and_bad_input(cli: typer.Typer, tmp_path) -> None:
    runner = CliRunner()
    ok = runner.invoke(cli, ["mythe", "6", "--out", str(tmp_path / "m6"), *TINY_ARGS])
    assert ok.exit_code == 0, ok.output
    bad = runner.invoke(cli, ["myth", "9", *TINY_ARGS])
    assert bad.exit_code == 2 and "mythe 9 bestaat niet; kies 1 tot en met 7" in bad.output
    bad = runner.invoke(cli, ["myth", "9", "--lang", "en", *TINY_ARGS])
    assert bad.exit_code == 2 and "choose 1 to 7" in bad.output
    bad = runner.invoke(cli, ["myth", "4", "--set", "homophily=2", *TINY_ARGS])
    assert bad.exit_code == 2 and "homophily" in bad.output


def test_handout_numbers_match_a_fresh_computation(cli: typer.Typer, tmp_path) -> None:
    out = tmp_path / "m5"
    result = CliRunner().invoke(cli, ["myth", "5", "--lang", "en", "--out", str(out), *TINY_ARGS])
    assert result.exit_code == 0, result.output
    written = json.loads((out / "answer.json").read_text(encoding="utf-8"))
    page = (out / "handout.html").read_text(encoding="utf-8")

    fresh = run_myth(load_myth(5, scale=TINY), workers=1)
    for key, comparison in (("default", fresh.default), ("counter", fresh.counter)):
        for arm in ARMS:
            values = getattr(comparison, arm).values
            stored = written["run"]["values"][f"{arm}{'_counter' if key == 'counter' else ''}"]
            assert np.allclose(stored, values, equal_nan=True)
            assert written[key][arm]["mean"] == pytest.approx(float(np.mean(values)))
            shown = fmt(float(np.mean(values)), False, "en")
            assert written[key][arm]["shown"][0] == shown
            assert shown in page
        assert written[key]["verdict"] == comparison.verdict.value
    answer = answer_from_result(fresh, "en")
    assert html.escape(answer.default.numbers) in page
    assert html.escape(answer.default.conclusion) in page
    assert html.escape(answer.counter.numbers) in page


def test_identical_arms_give_no_clear_difference() -> None:
    """Setting the lever for every run makes the arms equal: the conclusion must follow."""
    answer = myth_answer(5, "en", scale=TINY, overrides={"invitation_effort": 0.5}, workers=1)
    for side in (answer.default, answer.counter):
        assert side.verdict is Verdict.NO_CLEAR_DIFFERENCE
        assert side.difference["mean"] == 0
        assert side.conclusion == TEMPLATES["en"]["none_not_worse"]
    assert answer.notes and "invitation_effort=0.5" in answer.notes[0]


def test_swapping_the_arms_mirrors_the_conclusion() -> None:
    myth = load_myth(6, scale=replace(TINY, weeks=80))
    normal = answer_from_result(run_myth(myth, workers=1), "en")
    mirror = answer_from_result(run_myth(swapped(myth), workers=1), "en")
    flip = {Verdict.SUPPORTS: Verdict.CONTRADICTS, Verdict.CONTRADICTS: Verdict.SUPPORTS,
            Verdict.NO_CLEAR_DIFFERENCE: Verdict.NO_CLEAR_DIFFERENCE}
    for a, b in ((normal.default, mirror.default), (normal.counter, mirror.counter)):
        assert b.verdict is flip[a.verdict]
        assert b.difference["mean"] == pytest.approx(-a.difference["mean"])
        if a.verdict is not Verdict.NO_CLEAR_DIFFERENCE:
            assert a.conclusion != b.conclusion


@pytest.mark.parametrize(
    ("myth_values", "alt_values", "better", "holds_if", "verdict"),
    [
        ([10, 11, 12, 13], [20, 21, 22, 23], "higher", "better", Verdict.CONTRADICTS),
        ([20, 21, 22, 23], [10, 11, 12, 13], "higher", "better", Verdict.SUPPORTS),
        ([10, 11, 12, 13], [20, 21, 22, 23], "lower", "better", Verdict.SUPPORTS),
        ([10, 11, 12, 13], [10, 11, 12, 13], "higher", "not_worse", Verdict.NO_CLEAR_DIFFERENCE),
        ([10, 30, 12, 25], [20, 11, 22, 13], "higher", "better", Verdict.NO_CLEAR_DIFFERENCE),
        ([100, 101, 102, 103], [101, 102, 103, 104], "higher", "better",
         Verdict.NO_CLEAR_DIFFERENCE),  # always 1 lower, but under 5%: not relevant
    ],
)
def test_judge(myth_values, alt_values, better, holds_if, verdict) -> None:
    measure = MeasureSection(metric="caring_ties", better=better, holds_if=holds_if)
    _, _, got = judge(np.array(myth_values, float), np.array(alt_values, float), measure)
    assert got is verdict


def test_the_conclusion_follows_the_verdict_not_the_myth() -> None:
    """Same myth, same numbers swapped: the sentence changes with them."""
    result = run_myth(load_myth(3, scale=TINY), workers=1)
    forced = []
    for outcome, verdict in (("myth_worse", Verdict.CONTRADICTS),
                             ("myth_better", Verdict.SUPPORTS)):
        comparison = replace(result.default, outcome=outcome, verdict=verdict)
        answer = answer_from_result(replace(result, default=comparison), "nl")
        forced.append(answer.default.conclusion)
    assert forced[0] != forced[1]
    assert forced[0].startswith("Het model spreekt de mythe tegen")
    assert forced[1].startswith("Het model ondersteunt de mythe")


def test_pack(tmp_path) -> None:
    from simulatie.workshop.handout import write_pack

    answers = [myth_answer(n, "nl", scale=TINY, workers=1) for n in (1, 7)]
    paths = write_pack(answers, tmp_path / "pack")
    assert paths["pdf"].read_bytes()[:5] == b"%PDF-"
    page = paths["html"].read_text(encoding="utf-8")
    assert page.count('<section class="myth"') == 2
    # myth 1 shows what else happened in its runs: the channels and the side effects, in Dutch
    first = answers[0]
    assert len(first.side_effects) == len(load_myth(1).timeseries) >= 4
    assert first.side_effects[0].startswith("Onvervulde zorgvraag (uur per week):")
    assert "Ook gemeten, in dezelfde runs" in page and 'class="side-effects"' in page
    # myth 7's file does not keep unmet care; a computed answer keeps it all the same
    assert "care_hours_unmet" not in load_myth(7).timeseries
    seventh = answers[1].side_effects[0]
    assert seventh.startswith("Onvervulde zorgvraag (uur per week):")
    assert TEMPLATES["nl"]["side_effect_missing"].split(":")[-1].strip() not in seventh


def test_a_quick_try_never_overwrites_the_full_analysis(cli: typer.Typer, tmp_path,
                                                         monkeypatch) -> None:
    """The default folders: the full analysis, a quick try and a custom run each their own."""
    full, quick = default_folder(False, False), default_folder(True, False)
    custom = default_folder(False, True)
    assert len({full / "3", quick / "3", custom / "3"}) == 3
    assert default_folder(True, True) == quick
    monkeypatch.chdir(tmp_path)
    (tmp_path / full / "3").mkdir(parents=True)
    (tmp_path / full / "3" / "handout.pdf").write_bytes(b"the full analysis")
    result = CliRunner().invoke(cli, ["myth", "3", "--quick", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / full / "3" / "handout.pdf").read_bytes() == b"the full analysis"
    page = (tmp_path / quick / "3" / "handout.html").read_text(encoding="utf-8")
    assert html.escape(TEMPLATES["nl"]["quick_title"]) in page
    assert TEMPLATES["nl"]["quick_title"].upper() in result.output
    assert TEMPLATES["nl"]["robustness_heading"] not in page
    written = json.loads((tmp_path / quick / "3" / "answer.json").read_text(encoding="utf-8"))
    assert written["variant"] == "quick" and written["robustness"] == []


def test_shipping_keeps_the_myth_files_fingerprint(tmp_path, monkeypatch) -> None:
    """A computed answer keeps unmet care beyond the file's timeseries; it ships under the file."""
    import simulatie.cli.common as common
    from simulatie.cli.myths import _ship
    from simulatie.workshop.answers import load_answers, shipped_result

    answer = myth_answer(7, "en", scale=TINY, workers=1)
    assert "care_hours_unmet" in answer.result.myth.timeseries
    monkeypatch.setattr(common, "PACKAGE_DATA", tmp_path)
    _ship([answer], "en")
    assert load_answers(tmp_path) is not None
    assert shipped_result(load_myth(7), tmp_path) is not None


def test_another_master_seed_gives_other_replications_of_the_same_question() -> None:
    from simulatie.experiment.experiments import run_seeds

    own, other = load_myth(2), load_myth(2, seed=7)
    assert other.seed == 7 and own.seed != 7
    assert own.points() == other.points()
    first = run_seeds(own.seed, 4, own.replications)[0]
    second = run_seeds(other.seed, 4, other.replications)[0]
    assert set(first).isdisjoint(second)
