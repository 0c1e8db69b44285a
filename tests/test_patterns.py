"""The eleven field patterns of ``model.md`` emerge over replications, and each fails somewhere.

Pattern-oriented modelling (Grimm et al. 2005): for every pattern two arms run on the same seeds
(common random numbers) and the paired difference must point the right way by more than two
standard errors. Every pattern also has a counter-assumption under which the same comparison
no longer shows the pattern: no difference beyond two standard errors, the reverse, or a
difference too small to matter (below the pattern's ``min_ratio``). That is what makes a myth
teachable rather than preached. Arms and measures live in ``tests/patterns_helpers.py``.

Run with ``pytest -m patterns tests/test_patterns.py``.
"""

from __future__ import annotations

import functools

import pytest
from patterns_helpers import (
    PATTERNS,
    PairedResult,
    compare,
    run_arms,
    run_pattern,
    verdict,
)

pytestmark = pytest.mark.patterns

Z = 2.0  # a difference counts when it exceeds two standard errors of the paired difference

# Counter-tests that do not hold, with the honest reason (pattern key -> reason).
COUNTER_XFAIL: dict[str, str] = {}
# Patterns that do not emerge, with the honest reason (pattern key -> reason). Each still points
# the right way (z > 2); what fails is the size the pattern asks for. See docs/patterns.md.
_SMALL = ("the difference points the right way (z > 2) but is smaller than the pattern's "
          "meaningful size: ")
PATTERN_XFAIL: dict[str, str] = {
    "1": _SMALL + "with the background calibrated to the surveys almost half of the residents "
    "have a caring tie with nothing organised, and the default intervention adds a few "
    "percentage points (ratio about 1.07, not 1.2)",
    "2": _SMALL + "takeover now crowds organisers out one by one (Frey & Jegen) instead of all "
    "at once by rule, and most caring ties belong to the background (ratio about 1.05, not "
    "1.15)",
    "7": _SMALL + "what the pilot added fades, but most caring ties in year 3 need no support "
    "(ratio about 1.07, not 1.15)",
    "9b": _SMALL + "with task teams fixed per member, fewer pairs across groups meet at "
    "purposeful activities (ratio about 1.4, not 1.5)",
}


@functools.cache
def _result(key: str) -> tuple[PairedResult, PairedResult]:
    return run_pattern(PATTERNS[key])


def _marks(key: str, xfails: dict[str, str]) -> pytest.param:
    marks = [pytest.mark.xfail(strict=True, reason=xfails[key])] if key in xfails else []
    return pytest.param(key, marks=marks, id=f"pattern{key}")


@pytest.mark.parametrize("key", [_marks(k, PATTERN_XFAIL) for k in PATTERNS])
def test_pattern_emerges(key: str) -> None:
    """Arm b exceeds arm a by more than two standard errors, and by a meaningful amount."""
    result, _ = _result(key)
    holds, why = verdict(PATTERNS[key], result, Z)
    assert holds, f"pattern {key} ({PATTERNS[key].title}) does not emerge: {why}"


@pytest.mark.parametrize("key", [_marks(k, COUNTER_XFAIL) for k in PATTERNS])
def test_pattern_fails_under_counter_assumption(key: str) -> None:
    """Under the counter-assumption the pattern test fails: no clear difference, or a trivial one.

    This is exactly the negation of :func:`test_pattern_emerges` (one shared ``verdict``): the
    difference is within two standard errors, reversed, or smaller than the pattern's meaningful
    size (``min_ratio``).
    """
    _, counter = _result(key)
    holds, why = verdict(PATTERNS[key], counter, Z)
    assert not holds, f"pattern {key} still holds under '{PATTERNS[key].counter_label}': {why}"


def test_takeover_meets_needs_short_term() -> None:
    """Pattern 2, first half: much takeover leaves less need unmet while the pilot runs."""
    pattern = PATTERNS["2"]
    arms = {"facilitating": pattern.params(pattern.b), "takeover": pattern.params(pattern.a)}
    values = run_arms(arms, 78, ("unmet_share",))["unmet_share"]
    result = compare(values, "takeover", "facilitating")
    assert result.z > Z, f"takeover does not meet more need short-term: {result.describe()}"
