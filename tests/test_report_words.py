"""The sweep's report in words: effects with intervals that keep to bounds, firmness, wording in
Dutch and English, the Markdown and HTML pages and the tables for Dutch Excel.

Built on made-up sweep results (no model runs), so that every case is exact and fast; the report
of a real tiny sweep is tested in ``tests/test_sweep.py``.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from simulatie.experiment.intervals import bounded_interval, interval
from simulatie.experiment.report_document import (
    Bullets,
    Figure,
    Heading,
    Paragraph,
    Table,
    to_html,
    to_markdown,
)
from simulatie.experiment.report_effects import (
    Firmness,
    bounds,
    effects,
    interactions,
    measure_unit,
)
from simulatie.experiment.report_files import effects_table, write_table
from simulatie.experiment.report_words import (
    amount,
    brief,
    outcome_label,
    parameter_findings,
    report_blocks,
    setting,
    value,
)
from simulatie.experiment.sweep_results import SweepResults

WEEKS = 104


def fake_results(replications: int = 12, crn: bool = True, seed: int = 3) -> SweepResults:
    """takeover × professionals: takeover lowers the caring share only when there are
    professionals; professionals lower unmet care; lonely share is noise around 2%."""
    rng = np.random.default_rng(seed)
    rows = []
    levels = list(itertools.product([0.0, 0.5, 1.0], [0, 2]))
    for point, (takeover, professionals) in enumerate(levels):
        for replication in range(replications):
            chance = rng.normal(0, 0.01)
            caring = 0.40 + 0.05 * (professionals > 0) - 0.08 * takeover * (professionals > 0)
            rows.append({
                "run_id": f"p{point:04d}-r{replication:03d}", "point": point,
                "replication": replication, "seed": replication, "takeover": takeover,
                "professionals": professionals,
                "final_share_with_caring_tie": caring + chance,
                "final_lonely_share": abs(rng.normal(0.02, 0.02)),
                "final_care_hours_unmet": max(0.0, 30 - 6 * professionals + rng.normal(0, 2)),
                "final_active_volunteers": float(rng.poisson(1 + 2 * professionals)),
                "emergence_week": float(40 + replication) if professionals else np.nan,
            })
    runs = pd.DataFrame(rows)
    experiment = {
        "name": "fake", "title": "Takeover × professionals", "method": "factorial",
        "varied": ["takeover", "professionals"], "weeks": WEEKS, "seed": 5,
        "replications": replications, "common_random_numbers": crn, "points": len(levels),
        "timeseries": [], "scenario": "default", "fixed": {"residents": 60}, "ranges": {},
    }
    manifest = runs[["run_id", "point", "replication", "seed", "takeover", "professionals"]]
    return SweepResults(Path("."), experiment, manifest, runs)


def find(found, parameter, outcome):
    [effect] = [e for e in found if e.parameter == parameter and e.outcome == outcome]
    return effect


# --- Effects and their intervals ----------------------------------------------------------------


def test_effects_pair_replications_and_average_over_the_other_parameter():
    results = fake_results()
    found = effects(results)
    caring = find(found, "professionals", "final_share_with_caring_tie")
    assert caring.start == (0, 0) and caring.end == (2, 2) and caring.paired
    # +0.05 with professionals, minus 0.08 × mean takeover (0.5) with them
    assert caring.difference.mean == pytest.approx(0.05 - 0.04, abs=0.003)
    assert caring.difference.n == 12 and caring.firmness is Firmness.CLEAR
    unmet = find(found, "professionals", "final_care_hours_unmet")
    assert unmet.difference.mean == pytest.approx(-12, abs=1.5)
    assert unmet.difference.low < unmet.difference.mean < unmet.difference.high < 0


def test_intervals_keep_shares_within_0_1_and_counts_at_0():
    found = effects(fake_results(replications=3))
    for effect in found:
        low, high = bounds(effect.outcome)
        for estimate in (effect.at_start, effect.at_end):
            if not np.isnan(estimate.low):
                assert low <= estimate.low <= estimate.mean <= estimate.high <= high
    lonely = find(found, "takeover", "final_lonely_share").at_start
    # a Student's t interval of these values would reach below 0; the bootstrap's does not
    assert lonely.low >= 0


def test_bounded_interval_clips_and_says_so():
    values = [0.0, 0.0, 0.02]
    plain = interval(values)
    assert plain["ci_low"] < 0
    clipped = bounded_interval(values, "final_lonely_share")
    assert clipped["ci_low"] == 0 and clipped["ci_clipped"]
    assert clipped["ci_high"] == plain["ci_high"]
    assert not bounded_interval([0.4, 0.5, 0.45], "final_lonely_share")["ci_clipped"]
    assert bounded_interval([2.0, 0.0, 0.0], "final_active_volunteers")["ci_low"] == 0


def test_bounds_and_units():
    assert bounds("final_lonely_share") == (0.0, 1.0)
    assert bounds("final_lonely_share", difference=True) == (-1.0, 1.0)
    assert bounds("caring_excess_final") == (-1.0, 1.0)
    assert bounds("final_care_hours_unmet")[0] == 0 and bounds("final_caring_ties")[0] == 0
    assert measure_unit("final_care_hours_unmet") == "hours/week"
    assert measure_unit("final_baseline_caring_ties") == "ties"
    assert measure_unit("emergence_week") == "weeks" and measure_unit("emerged") == "share"


def test_few_runs_are_flagged():
    few = find(effects(fake_results(replications=4)), "professionals", "final_care_hours_unmet")
    assert few.difference.few and few.firmness is Firmness.FEW
    assert "weinig runs (4 herhalingen)" in parameter_findings([few], "nl")
    assert "few runs (4 replications)" in parameter_findings([few], "en")
    one = find(effects(fake_results(replications=1)), "professionals", "final_care_hours_unmet")
    assert one.firmness is Firmness.UNKNOWN and np.isnan(one.difference.low)


def test_a_lever_with_nothing_to_act_on_shows_no_difference():
    results = fake_results()
    results.runs = results.runs[results.runs["professionals"] == 0]
    results.experiment["varied"] = ["takeover"]
    caring = find(effects(results), "takeover", "final_share_with_caring_tie")
    assert caring.firmness is Firmness.UNCLEAR  # chance differs per point...
    same = results.runs.assign(final_share_with_caring_tie=0.4)
    results.runs = same
    assert find(effects(results), "takeover", "final_share_with_caring_tie").firmness is (
        Firmness.NONE)


def test_emergence_becomes_a_share_of_runs():
    emerged = find(effects(fake_results()), "professionals", "emerged")
    assert (emerged.at_start.mean, emerged.at_end.mean) == (0.0, 1.0)
    assert emerged.undefined == 0


def test_without_common_random_numbers_every_pair_of_runs_counts():
    effect = find(effects(fake_results(crn=False)), "professionals", "final_care_hours_unmet")
    assert not effect.paired and effect.difference.n == 12 * 3


def test_the_same_results_give_the_same_intervals():
    a, b = (find(effects(fake_results()), "takeover", "final_lonely_share") for _ in range(2))
    assert a == b


def test_interaction_is_found_where_one_lever_switches_another_on():
    found = [i for i in interactions(fake_results())
             if i.outcome == "final_share_with_caring_tie" and i.clear]
    takeover = next(i for i in found if i.parameter == "takeover")
    assert takeover.other_levels == (0, 2)
    assert abs(takeover.at_low.mean) < 0.01 and takeover.at_high.mean == pytest.approx(-0.08,
                                                                                      abs=0.01)
    text = brief(effects(fake_results()), interactions(fake_results()), "nl")[-1]
    # parameters by their short labels, not the names typed in experiment files
    assert text.startswith("Het effect van **Overnemen door professionals** hangt af van "
                           "**Welzijnswerkers**")
    assert "procentpunt als welzijnswerkers 0 is, maar \N{MINUS SIGN}7," in text
    english = brief(effects(fake_results()), interactions(fake_results()), "en")[-1]
    assert english.startswith("The effect of **Takeover by professionals** depends on "
                              "**Professionals**")
    assert "with professionals at 0, but" in english


def test_sampled_designs_compare_the_lowest_and_highest_quarter():
    results = fake_results(replications=1)
    rng = np.random.default_rng(1)
    n = 40
    takeover = rng.uniform(0, 1, n)
    runs = pd.DataFrame({"run_id": [f"p{i}" for i in range(n)], "point": range(n),
                         "replication": 0, "seed": 0, "takeover": takeover,
                         "final_lonely_share": 0.2 + 0.3 * takeover})
    results = SweepResults(Path("."), {**results.experiment, "method": "lhs",
                                       "varied": ["takeover"], "ranges": {"takeover": [0, 1]}},
                           runs[["run_id", "point", "replication", "seed", "takeover"]], runs)
    [effect] = effects(results)
    assert effect.sampled and effect.start[1] <= np.quantile(takeover, 0.25) + 1e-12
    assert effect.end[0] >= np.quantile(takeover, 0.75) - 1e-12
    assert effect.difference.mean == pytest.approx(0.3 * 0.75, abs=0.05)
    assert "laag (" in parameter_findings([effect], "nl")


# --- Words --------------------------------------------------------------------------------------


def test_units_in_words():
    assert amount(0.063, "final_share_with_caring_tie", "nl") == "6,3 procentpunt"
    assert amount(-0.12, "final_share_with_caring_tie", "en", signed=True) == (
        "\N{MINUS SIGN}12 percentage points")
    assert amount(3.46, "final_care_hours_unmet", "nl", signed=True) == "+3,5 uur per week"
    assert amount(3.46, "final_care_hours_unmet", "en") == "3.5 hours per week"
    assert value(0.434, "final_lonely_share", "nl") == "43%"
    assert value(4.0, "final_active_volunteers", "nl") == "4,0 personen"
    assert setting("takeover", 0.5, "nl") == "50%"
    assert setting("professional_hours", 16.0, "nl") == "16 uur per week"
    assert setting("professionals", 2, "en") == "2"


def test_outcome_labels_for_readers():
    assert outcome_label("final_lonely_share", "nl", WEEKS) == (
        "Bewoners zonder hechte band in de buurt, na 2 jaar")
    assert outcome_label("final_lonely_share", "en") == (
        "residents without a close tie in the neighbourhood")
    assert outcome_label("final_baseline_caring_ties", "nl", WEEKS).startswith(
        "Zorgzame banden, als niets georganiseerd wordt")
    assert outcome_label("final_ownership", "nl").startswith("eigenaarschap (activiteiten")


def test_findings_in_brief_say_what_moved_by_how_much_and_how_firm():
    found = effects(fake_results())
    professionals = [e for e in found if e.parameter == "professionals"]
    dutch = parameter_findings(professionals, "nl")
    assert dutch.startswith("**Welzijnswerkers van 0 naar 2**: ")
    assert "onvervulde zorgvraag: 12 uur per week minder (" in dutch
    assert "Duidelijk." in dutch and "Geen duidelijk effect op: bewoners zonder hechte" in dutch
    english = parameter_findings(professionals, "en")
    assert "unmet need: 12 fewer hours per week (" in english and "Clear." in english


def test_the_report_has_its_sections_in_both_languages():
    results = fake_results(replications=4)
    found = effects(results)
    for lang, headings in (("nl", ["Wat er is gedaan", "In het kort", "Per instelling",
                                   "Hoe zeker is dit?", "Bestanden"]),
                           ("en", ["What was done", "In brief", "Per setting",
                                   "How sure is this?", "Files"])):
        blocks = report_blocks(results, found, interactions(results), lang,
                               shown=results.varied, figures={"takeover": "t.png"},
                               files=["effecten.csv" if lang == "nl" else "effects.csv"])
        text = to_markdown(blocks)
        for heading in headings:
            assert f"## {heading}" in text
        assert "![" in text and "(t.png)" in text
        assert ("weinig runs" if lang == "nl" else "few runs") in text
        assert ("procentpunt" if lang == "nl" else "percentage points") in text


# --- Pages and tables ---------------------------------------------------------------------------


def test_markdown_and_html_pages():
    blocks = [Heading("Titel", 1), Paragraph("Met **vet** en `code` en *schuin*."),
              Bullets(("a < b", "c")), Table(("x", "y"), (("1|2", "3"),)),
              Figure("f.png", "een figuur")]
    markdown = to_markdown(blocks)
    assert markdown.startswith("# Titel\n\n") and "| 1\\|2 | 3 |" in markdown
    assert "![een figuur](f.png)" in markdown
    page = to_html(blocks, "Titel", "nl")
    assert '<html lang="nl">' in page and "<strong>vet</strong>" in page
    assert "<code>code</code>" in page and "<em>schuin</em>" in page
    assert "<li>a &lt; b</li>" in page and '<img src="f.png"' in page


def test_effects_table_for_dutch_excel(tmp_path):
    found = effects(fake_results())
    path = write_table(effects_table(found, "nl", WEEKS), tmp_path / "effecten.csv", "nl")
    raw = path.read_text(encoding="utf-8-sig")
    header = raw.splitlines()[0].split(";")
    assert header[:4] == ["instelling", "van", "naar", "uitkomst"] and "hoe zeker" in header
    table = pd.read_csv(path, sep=";", decimal=",", encoding="utf-8-sig")
    row = table[(table["instelling"] == "professionals")
                & table["uitkomst"].str.startswith("Bewoners met een zorgzame band")].iloc[0]
    assert row["eenheid"] == "%" and row["eenheid verschil"] == "procentpunt"
    assert row["verschil"] == pytest.approx(1.0, abs=0.3)  # percentage points, not a share
    assert "," in raw and table["verschil"].dtype == float
    english = effects_table(found, "en", WEEKS)
    assert list(english.columns[:4]) == ["setting", "from", "to", "outcome"]
