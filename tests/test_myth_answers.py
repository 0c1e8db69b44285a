"""The shipped full answers: what the dashboard shows is what ``simulatie myth N`` computes."""

from __future__ import annotations

import numpy as np
import pytest

from simulatie.workshop.answers import fingerprint, load_answers, save_answers, shipped_result
from simulatie.workshop.myths import MYTHS, TINY, Scale, load_myth, run_myth


def test_every_myth_has_a_shipped_answer_for_its_files_settings() -> None:
    loaded = load_answers()
    assert loaded is not None, "run 'simulatie myths --ship'"
    _, meta = loaded
    for n in MYTHS:
        assert meta["myths"][str(n)]["fingerprint"] == fingerprint(load_myth(n)), (
            f"myth {n}'s shipped answer is for other settings: run 'simulatie myths --ship'")
        assert shipped_result(load_myth(n)) is not None


@pytest.mark.parametrize("n", MYTHS)
def test_shipped_answers_are_what_the_command_line_computes_now(n: int) -> None:
    """The first replications of each myth, run again, give exactly the shipped numbers.

    So the dashboard (which shows the shipped answer) and ``simulatie myth N`` (which computes
    it) agree. Replication r has the same seed whatever the number of replications, so two
    suffice to catch a change of the model's behaviour that would leave an answer stale.
    """
    full = shipped_result(load_myth(n))
    assert full is not None, "run 'simulatie myths --ship'"
    again = run_myth(load_myth(n, scale=Scale(replications=2)), workers=1)
    for shipped, now in ((full.default, again.default), (full.counter, again.counter)):
        for arm in ("myth", "alternative"):
            np.testing.assert_allclose(getattr(now, arm).values,
                                       getattr(shipped, arm).values[:2], rtol=1e-9)


def test_a_saved_answer_reads_back_with_the_same_verdicts_and_numbers(tmp_path) -> None:
    myth = load_myth(7, scale=TINY)
    result = run_myth(myth, workers=1)
    save_answers([result], {"command": "test"}, tmp_path)
    back = shipped_result(myth, tmp_path)
    assert back is not None
    for before, after in ((result.default, back.default), (result.counter, back.counter)):
        assert after.verdict == before.verdict
        assert after.difference == pytest.approx(before.difference, nan_ok=True)
        for arm in ("myth", "alternative"):
            np.testing.assert_array_equal(getattr(after, arm).values, getattr(before, arm).values)
            np.testing.assert_allclose(getattr(after, arm).curves, getattr(before, arm).curves,
                                       rtol=1e-6)
            for metric, stats in getattr(before, arm).extra.items():
                assert getattr(after, arm).extra[metric] == pytest.approx(stats, nan_ok=True)
    assert back.seeds == result.seeds


def test_another_setting_is_computed_not_taken_from_the_shelf(tmp_path) -> None:
    myth = load_myth(7, scale=TINY)
    save_answers([run_myth(myth, workers=1)], {"command": "test"}, tmp_path)
    other = load_myth(7, scale=TINY, overrides={"homophily": 0.2})
    assert shipped_result(other, tmp_path) is None
    assert shipped_result(load_myth(7, scale=TINY, seed=5), tmp_path) is None
