"""Robustness of myth verdicts across the calibrated ensemble."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from simulatie.experiment.calibration import load_ensemble, save_ensemble
from simulatie.workshop.myths import MYTHS, Verdict, load_myth, myth_holds
from simulatie.workshop.robustness import (
    ROBUST_SHARE,
    RobustnessSettings,
    load_robustness,
    myth_robustness,
    robustness_summary,
    robustness_text,
)


def table_of(verdicts: list[str], myth: int = 3) -> pd.DataFrame:
    return pd.DataFrame({
        "myth": myth, "member": range(len(verdicts)), "replications": 7, "verdict": verdicts,
        "holds": [v == "supports" for v in verdicts],
    })


def test_the_summary_counts_shares_of_members_per_verdict():
    table = pd.concat([table_of(["contradicts"] * 3 + ["no_clear_difference"], myth=3),
                       table_of(["supports", "supports"], myth=5)])
    summary = robustness_summary(table).set_index("myth")
    assert summary.loc[3, "members"] == 4
    assert summary.loc[3, "contradicts"] == pytest.approx(0.75)
    assert summary.loc[3, "no_clear_difference"] == pytest.approx(0.25)
    assert summary.loc[5, "holds"] == 1.0


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_verdict_shared_by_four_in_five_is_called_robust(lang):
    agreeing = int(ROBUST_SHARE * 10)
    table = table_of(["contradicts"] * agreeing + ["supports"] * (10 - agreeing))
    lines = robustness_text(3, Verdict.CONTRADICTS, lang, shipped=(table, {}))
    assert len(lines) == 2
    assert "80%" in lines[1]
    assert ("robuust" if lang == "nl" else "robust") in lines[1]
    assert "10" in lines[0] and " 7 " in lines[0] and "20%" in lines[0]


def test_a_verdict_few_members_share_is_called_fragile():
    table = table_of(["contradicts"] * 6 + ["no_clear_difference"] * 4)
    lines = robustness_text(3, Verdict.NO_CLEAR_DIFFERENCE, "en", shipped=(table, {}))
    assert "fragile" in lines[1] and "40%" in lines[1]


def test_an_answer_at_other_settings_is_not_called_robust_or_fragile():
    table = table_of(["contradicts"] * 10)
    lines = robustness_text(3, Verdict.CONTRADICTS, "en", shipped=(table, {}), compare=False)
    assert len(lines) == 1 and "robust" not in lines[0]


def test_no_table_for_the_myth_means_no_sentence():
    assert robustness_text(4, Verdict.SUPPORTS, "en", shipped=(table_of(["supports"]), {})) == []


def test_bad_settings_are_refused():
    with pytest.raises(ValueError, match="members"):
        RobustnessSettings(members=0)
    with pytest.raises(ValueError, match="replications"):
        RobustnessSettings(replications=1)


@pytest.fixture(scope="module")
def two_members(tmp_path_factory):
    """A hand-made ensemble of two members that differ in one assumption."""
    folder = tmp_path_factory.mktemp("ensemble")
    table = pd.DataFrame({"friendly_hours": [10.0, 22.0], "weight": [0.5, 0.5],
                          "distance": [0.0, 0.0]})
    save_ensemble(table, {"settings": {"names": ["friendly_hours"]}}, folder)
    return load_ensemble(folder)


def test_each_member_asks_the_question_with_its_own_assumption(two_members):
    settings = RobustnessSettings(members=2, replications=2, residents=40, weeks=40)
    table = myth_robustness([3], two_members, settings, workers=1)
    assert list(table["member"]) == [0, 1]
    assert sorted(table["friendly_hours"]) == [10.0, 22.0]
    assert (table["replications"] == 2).all()
    holds_if = load_myth(3).measure.holds_if
    for row in table.itertuples():
        assert row.holds == myth_holds(Verdict(row.verdict), holds_if)
        assert row.ci_low <= row.mean <= row.ci_high
    again = myth_robustness([3], two_members, settings, workers=1)
    pd.testing.assert_frame_equal(table, again)  # the same seeds in every call and member


def test_each_members_values_reach_its_runs(two_members, monkeypatch):
    import simulatie.experiment.worker as worker

    seen = []

    def fake_run(task):  # the sweep runner's one call of the model
        values, seed, weeks = task.parameters, task.seed, task.weeks
        seen.append((values.friendly_hours, values.residents, seed, weeks))
        table = pd.DataFrame({"week": range(weeks + 1), **{c: float(seed % 7) for c in task.keep}})
        return table, {}

    monkeypatch.setattr(worker, "_simulate", fake_run)
    settings = RobustnessSettings(members=2, replications=3, residents=40, weeks=20)
    table = myth_robustness([3], two_members, settings, workers=1)
    assert len(seen) == 2 * 2 * 3  # members × arms × replications
    assert {fh for fh, *_ in seen} == set(table["friendly_hours"])
    assert all(residents == 40 and weeks == 20 for _, residents, _, weeks in seen)
    seeds = [seed for *_, seed, _ in seen]  # in the order the runs were made (batched by seed)
    counts = pd.Series(seeds).value_counts()
    assert len(counts) == 3 and (counts == 2 * 2).all()  # the same seeds in every arm and member


def test_the_shipped_table_covers_every_myth_with_members_of_the_shipped_ensemble():
    loaded = load_robustness()
    assert loaded is not None, "simulatie/data/myth_robustness.csv is missing"
    table, provenance = loaded
    assert sorted(table["myth"].unique()) == list(MYTHS)
    assert provenance["command"].startswith("simulatie robustness")
    ensemble = load_ensemble()
    names = ensemble.names
    members = {tuple(round(v, 9) for v in row) for row in ensemble.table[names].to_numpy()}
    for row in table[names].to_numpy():
        assert tuple(round(v, 9) for v in row) in members
    for number, part in table.groupby("myth"):
        holds_if = load_myth(int(number)).measure.holds_if
        assert (part["holds"] == [myth_holds(Verdict(v), holds_if) for v in part["verdict"]]).all()
    json.dumps(provenance)


def test_shipping_one_myth_again_keeps_the_others(tmp_path):
    from simulatie.workshop.robustness import save_robustness

    first = pd.concat([table_of(["contradicts"] * 2, myth=2), table_of(["supports"] * 2, myth=5)])
    save_robustness(first, {"command": "simulatie robustness", "settings": {"a": 1}}, tmp_path)
    again = table_of(["no_clear_difference"] * 3, myth=5)
    save_robustness(again, {"command": "simulatie robustness 5", "settings": {"a": 2}},
                    tmp_path, merge=True)
    table, provenance = load_robustness(tmp_path / "myth_robustness.csv")
    assert sorted(table["myth"].unique()) == [2, 5]
    assert (table[table["myth"] == 2]["verdict"] == "contradicts").all()
    assert list(table[table["myth"] == 5]["verdict"]) == ["no_clear_difference"] * 3
    assert provenance["myths"]["2"]["command"] == "simulatie robustness"
    assert provenance["myths"]["5"]["command"] == "simulatie robustness 5"
