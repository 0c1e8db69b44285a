"""The sentence on why a run differs from its baseline names the steps that moved with it."""

from __future__ import annotations

import pandas as pd
import pytest

from simulatie.experiment.explanation import why_sentence

WEEKS = 60


def _table(share: float, baseline_share: float, **steps: tuple[float, float]) -> pd.DataFrame:
    """A run's table: ``steps`` maps a metric to its (run, baseline) value, held every week."""
    columns = {"week": range(WEEKS), "share_with_caring_tie": [share] * WEEKS,
               "baseline_share_with_caring_tie": [baseline_share] * WEEKS}
    for metric, (run, baseline) in steps.items():
        columns[metric] = [run] * WEEKS
        columns[f"baseline_{metric}"] = [baseline] * WEEKS
    return pd.DataFrame(columns)


def test_no_baseline_no_sentence():
    table = _table(0.5, 0.4).drop(columns="baseline_share_with_caring_tie")
    assert why_sentence(table) is None


def test_a_small_difference_is_called_small():
    text = why_sentence(_table(0.455, 0.45, attendance=(0.2, 0.0)))
    assert "klein" in text and "+0,5 procentpunt" in text
    assert "ontmoetten" not in text


def test_the_steps_that_moved_with_the_difference_are_named_in_the_chains_order():
    table = _table(0.55, 0.45, friendly_ties=(130.0, 100.0), attendance=(0.18, 0.02),
                   neighbour_help_share_month=(0.30, 0.299),  # within the noise: not named
                   care_hours_volunteers=(12.0, 0.0))
    text = why_sentence(table)
    assert text.startswith("Waarom: het verschil met zonder project (+10 procentpunt)")
    meeting = text.index("vaker ontmoetten bij activiteiten (18% per week; zonder project 2,0%)")
    contacts = text.index("meer vriendelijke contacten waren (130; zonder project 100)")
    volunteers = text.index("vrijwilligers meer zorg gaven (12 uur per week; zonder project 0)")
    assert meeting < contacts < volunteers
    assert "buur hielpen" not in text


def test_fewer_caring_ties_beside_professionals_who_do_more():
    table = _table(0.40, 0.45, care_hours_professional=(20.0, 0.0),
                   neighbour_help_share_month=(0.25, 0.30), attendance=(0.3, 0.0))
    text = why_sentence(table, "en")
    assert text.startswith("Why: there are fewer caring ties than without the project (-5.0 "
                           "percentage points)")
    assert "fewer residents helped a neighbour" in text
    assert "professionals did more themselves" in text
    assert "met more often" not in text  # more meeting does not explain fewer caring ties


def test_a_difference_no_step_explains_may_be_chance():
    text = why_sentence(_table(0.50, 0.45, attendance=(0.1, 0.1), friendly_ties=(50.0, 50.0)))
    assert "toeval" in text


def test_only_dutch_or_english():
    with pytest.raises(ValueError, match="not supported"):
        why_sentence(_table(0.5, 0.4), "de")
