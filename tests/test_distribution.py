"""The model behaves as its stored reference does over many seeds: a behaviour test, not a bit test.

Golden runs (``test_golden.py``) fail on any change, a better kernel that draws its random numbers
in another order as much as a regression. This test judges behaviour: on each of 120 seeds it runs
the default scenario and a one-year pilot for three years (``distribution_reference.py``), takes
each outcome's level over years two and three, and compares it with the stored level of the same
seed. Per outcome, two one-sided t-tests (TOST) on the paired differences must show that their
mean lies within ``MARGIN`` × the outcome's spread between neighbourhoods (its standard deviation
over the reference's seeds; at least ``FLOOR`` of its mean).

What it can tell: unchanged code passes exactly (every difference is zero); a change that moves
draws but not behaviour passes, since its differences scatter around zero; a change that shifts an
outcome by more than about ``MARGIN`` of its spread fails, one by 1.2 times its spread for sure.
The margin is a stated choice, set so that a change that only moves draws passes (the paired
differences of a small count such as the active initiators scatter by about 1.4 of the spread,
so with 120 seeds their mean falls outside the margin less than once in ten thousand). Checked
both ways: every keyed stream moved to other keys passes; ten per cent fewer doorstep contacts
fails. When behaviour is meant to change, regenerate the reference
(``.venv/bin/python tests/distribution_reference.py``) and say in the commit what changed.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from distribution_reference import ARMS, METRICS, PATH, SEEDS, levels

from simulatie.experiment.patterns.statistics import compare, equivalence

MARGIN = 0.75
"""The margin, in standard deviations of an outcome between neighbourhoods (reference seeds)."""
FLOOR = 0.02
"""The smallest margin, as a share of the outcome's mean (for outcomes that hardly vary)."""

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def reference() -> dict[str, dict[str, list[float]]]:
    """The stored per-seed levels of every arm."""
    return json.loads(PATH.read_text(encoding="utf-8"))


def test_the_reference_holds_every_arm_outcome_and_seed(reference) -> None:
    assert set(reference) == set(ARMS)
    for arm in ARMS:
        assert set(reference[arm]) == set(METRICS), arm
        assert all(len(values) == len(SEEDS) for values in reference[arm].values()), arm


@pytest.mark.parametrize("arm", list(ARMS))
def test_the_model_behaves_as_its_reference_over_many_seeds(reference, arm: str) -> None:
    fresh = levels(arm)
    failures = []
    for metric in METRICS:
        stored = np.asarray(reference[arm][metric])
        margin = max(MARGIN * float(np.std(stored, ddof=1)), FLOOR * abs(float(stored.mean())))
        result = compare({"reference": stored, "now": fresh[metric]}, "reference", "now")
        if not equivalence(result, margin).holds:
            failures.append(f"{metric}: {result.describe()}; margin ±{margin:.3g}")
    assert not failures, f"{arm}: behaviour differs from the reference:\n" + "\n".join(failures)
