"""The field patterns of ``model.md`` at full scale: each shows, and each counter removes it.

Pattern-oriented modelling (Grimm et al. 2005). Every pattern runs on the default neighbourhood
over ten years (or the horizon its seed names), both arms on the same seeds. A pattern *shows*
when b is clearly above a (95% interval of the paired difference above zero) and the target
written from its seed is met. Under its counter-assumption, a plausible alternative rather than
a switch that removes the mechanism, the arms must be *equivalent* within the pattern's margin
(TOST at 5%): no longer "no difference detected", but "a difference too small to count, shown".
Definitions: :mod:`simulatie.experiment.patterns`; results and reasons: ``docs/patterns.md``.

The slow suite: ``make test-slow`` (or ``pytest -m patterns``), about 20 minutes on two cores.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from simulatie.experiment.patterns import PATTERNS, PatternOutcome, evaluate

pytestmark = pytest.mark.patterns

DOC = Path(__file__).resolve().parents[1] / "docs" / "patterns.md"


def _documented(key: str) -> str:
    """The section of ``docs/patterns.md`` about pattern ``key``."""
    text = DOC.read_text(encoding="utf-8")
    match = re.search(rf"^## Pattern {re.escape(key)}: .*?(?=^## |\Z)", text, re.M | re.S)
    assert match, f"docs/patterns.md has no section for pattern {key}"
    return match.group(0)


@functools.cache
def _outcomes() -> dict[str, PatternOutcome]:
    """Every pattern, run once per session in one process pool."""
    return {o.key: o for o in evaluate(list(PATTERNS))}


@pytest.mark.parametrize("key", list(PATTERNS))
def test_pattern_verdict_is_the_documented_one(key: str) -> None:
    """Whether arm b is clearly above arm a by the seed's size is what docs/patterns.md says.

    The status table is the documentation: a pattern that starts (or stops) showing after a
    change to the model fails here until docs/patterns.md is regenerated from the new runs
    (``simulatie patterns``, then ``docs/figures/make_pattern_figures.py``) and the change is
    reported. Whether a pattern shows is a finding, not something a test demands.
    """
    outcome = _outcomes()[key]
    documented = "**Verdict: the pattern shows**" in _documented(key)
    assert outcome.shows == documented, (
        f"pattern {key} ({PATTERNS[key].title}) now {'shows' if outcome.shows else 'does not show'}"
        f": {outcome.reason}; docs/patterns.md says the opposite")


@pytest.mark.parametrize("key", list(PATTERNS))
def test_counter_verdict_is_the_documented_one(key: str) -> None:
    """Whether the counter-assumption makes the arms equivalent is what docs/patterns.md says."""
    outcome = _outcomes()[key]
    documented = "the arms are equivalent within" in _documented(key)
    assert outcome.counter_removes == documented, (
        f"pattern {key} under '{PATTERNS[key].counter_label}': TOST p = "
        f"{outcome.equivalence.p_value:.3f} within ±{outcome.equivalence.margin:.3g} "
        f"({outcome.counter.describe()}); docs/patterns.md says the opposite")
