"""The pattern verdicts' statistics and bookkeeping, without running the full-scale patterns."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from simulatie.cli.main import app
from simulatie.experiment.patterns import (
    PATTERNS,
    SEED0,
    PatternError,
    compare,
    equivalence,
    plan,
)
from simulatie.experiment.patterns.evaluate import from_runs, judge, runs_table

RNG = np.random.default_rng(7)


def _paired(shift: float, noise: float = 0.05, n: int = 20) -> dict[str, list[float]]:
    a = RNG.normal(1.0, 0.3, n)
    return {"a": list(a), "b": list(a + shift + RNG.normal(0, noise, n))}


def test_tost_shows_a_tiny_difference_equivalent_and_a_large_one_not() -> None:
    tiny = compare(_paired(0.01), "a", "b")
    large = compare(_paired(0.3), "a", "b")
    assert equivalence(tiny, margin=0.1).holds
    assert not equivalence(large, margin=0.1).holds


def test_tost_needs_evidence_not_absence_of_it() -> None:
    """A noisy sample with no detectable difference is not thereby shown equivalent."""
    noisy = compare(_paired(0.0, noise=1.0, n=5), "a", "b")
    assert noisy.interval()[0] < 0 < noisy.interval()[1]  # no difference detected
    assert not equivalence(noisy, margin=0.1).holds  # and no equivalence shown either


def test_differences_that_never_vary_are_judged_without_a_t_test() -> None:
    same = compare({"a": [0.0] * 5, "b": [0.0] * 5}, "a", "b")
    assert equivalence(same, 0.1).holds
    assert not equivalence(same, 0.0).holds  # a zero margin can never be met


def test_a_pattern_shows_only_with_its_direction_and_its_target() -> None:
    pattern = PATTERNS["3"]  # target: b >= 5 a and b >= 0.5
    big = compare({"a": [0.05, 0.06, 0.04, 0.05], "b": [0.6, 0.7, 0.65, 0.55]}, "a", "b")
    short = compare({"a": [0.05, 0.06, 0.04, 0.05], "b": [0.4, 0.45, 0.42, 0.41]}, "a", "b")
    ratio = compare({"a": [0.3, 0.31, 0.29, 0.3], "b": [0.6, 0.7, 0.65, 0.55]}, "a", "b")
    assert pattern.shows(big)[0]
    assert not pattern.shows(short)[0] and "0.5" in pattern.shows(short)[1]
    assert not pattern.shows(ratio)[0] and "5" in pattern.shows(ratio)[1]


def test_every_pattern_states_its_source_target_and_a_plausible_counter() -> None:
    for key, pattern in PATTERNS.items():
        assert pattern.source and pattern.target, key
        assert pattern.min_ratio > 1 or pattern.min_level is not None, key
        for name in ("helper_capacity_hours", "volunteer_selflessness"):  # no switch-offs
            assert pattern.counter.get(name) not in (0, 0.0, 1, 1.0), (key, name)
        assert pattern.counter.get("homophily") not in (0, 0.0, 1, 1.0), key


def test_plan_runs_both_arms_on_the_same_seeds_and_keeps_the_pattern_settings() -> None:
    runs = plan("5", replications=3, overrides={"need_scale": 1.0, "homophily": 0.4})
    assert len(runs) == 12
    seeds = [seed for _, seed, _, _ in runs]
    assert seeds == [SEED0, SEED0 + 1, SEED0 + 2] * 4
    params = [p for p, _, _, _ in runs]
    assert all(p["need_scale"] == 2.5 for p in params)  # the pattern's high load wins
    assert all(p["homophily"] == 0.4 for p in params)  # the member's context is kept
    assert all(p["ask_threshold"] == 0.9 for p in params[6:])  # the counter on both arms
    assert all("ask_threshold" not in p for p in params[:6])


def test_plan_refuses_what_cannot_be_compared() -> None:
    with pytest.raises(PatternError, match="no pattern"):
        plan("12")
    with pytest.raises(PatternError, match="at least 2"):
        plan("1", replications=1)


def test_runs_table_round_trips_to_the_same_verdicts() -> None:
    values = list(RNG.normal(0.5, 0.05, 8)) + list(RNG.normal(0.8, 0.05, 8))
    values += list(RNG.normal(0.5, 0.01, 8)) * 2
    outcome = judge("1", values)
    again = from_runs(pd.DataFrame(runs_table([outcome])).to_dict("records"))[0]
    assert again.shows == outcome.shows
    assert again.equivalence.p_value == pytest.approx(outcome.equivalence.p_value)
    assert again.result.diff == pytest.approx(outcome.result.diff)


def test_cli_refuses_an_unknown_pattern_in_one_line(tmp_path) -> None:
    result = CliRunner().invoke(app, ["patterns", "12", "--out", str(tmp_path / "p")])
    assert result.exit_code == 2
    assert "patroon '12' bestaat niet" in result.output
    result = CliRunner().invoke(app, ["patterns", "12", "--lang", "en"])
    assert "no pattern '12'" in result.output
    assert not (tmp_path / "p").exists()


def test_cli_runs_a_pattern_and_writes_tidy_tables(tmp_path) -> None:
    out = tmp_path / "p"
    result = CliRunner().invoke(app, ["patterns", "3", "--replications", "2", "--workers", "1",
                                      "--quiet", "--out", str(out)])
    assert result.exit_code == 0, result.output
    table = pd.read_csv(out / "patterns.csv", dtype={"pattern": str})
    runs = pd.read_csv(out / "runs.csv", dtype={"pattern": str})
    assert table["pattern"].tolist() == ["3"]
    assert len(runs) == 8 and set(runs["point"]) == {"a", "b", "a_counter", "b_counter"}
    assert {"shows", "counter_removes", "tost_p", "margin"} <= set(table.columns)
    assert "Veldpatronen op volle schaal" in result.output and "patroon" in result.output


def test_the_shipped_robustness_covers_every_pattern_and_reads_back(tmp_path) -> None:
    from simulatie.experiment.patterns.robustness import (
        load_pattern_robustness,
        pattern_robustness_summary,
        save_pattern_robustness,
    )

    shipped = load_pattern_robustness()
    assert shipped is not None, "run 'simulatie patterns --ensemble --ship'"
    table, meta = shipped
    assert set(table["pattern"]) == set(PATTERNS)
    assert meta["settings"]["members"] == table.groupby("pattern").size().min()
    summary = pattern_robustness_summary(table)
    assert ((summary["shows"] >= 0) & (summary["shows"] <= summary["direction"] + 1e-9)).all()
    save_pattern_robustness(table, meta, tmp_path)
    again, _ = load_pattern_robustness(tmp_path / "pattern_robustness")
    pd.testing.assert_frame_equal(again, table)
