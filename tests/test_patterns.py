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

import pytest

from simulatie.experiment.patterns import PATTERNS, PatternOutcome, compare, evaluate
from simulatie.experiment.patterns.measures import run_measures

pytestmark = pytest.mark.patterns

# Patterns whose target is not met at full scale, with the honest reason (key -> reason). Each
# is discussed in docs/patterns.md, "Notes and honest limits"; no constant was tuned to pass.
PATTERN_XFAIL: dict[str, str] = {
    "1": "organising adds about five percentage points to a background of 45% of residents "
    "with a caring tie (ratio 1.11, target 1.2)",
    "2": "ten years on, 8.5 years after the pilot, nothing of takeover's effect remains either "
    "way (difference 0.004, interval includes 0)",
    "3": "42% of flyered volunteers are gone within nine weeks (target: more than half), "
    "against 1% of personally asked ones",
    "7": "structural support keeps 7% more caring ties than a one-year pilot (ratio 1.07, "
    "target 1.15): most caring ties at year ten need no support",
    "9": "a homogeneous neighbourhood without bridging has 9% more close ties than a mixed one "
    "(ratio 1.09, target 1.2): most ties are within a group either way",
    "11": "reverses at ten years: cosy gatherings end with more close ties between former "
    "strangers than purposeful activities with fixed task teams",
}
# Counter-assumptions under which the arms are not shown equivalent (key -> reason): the
# pattern survives a plausible alternative, or the alternative reverses it.
COUNTER_XFAIL: dict[str, str] = {
    "3": "with three times the need and little hesitation, flyered volunteers still quit "
    "early more often (26% against 10%; margin 10 points)",
    "4": "with a professional, lone and paired initiators burn out alike (7% and 8%), but 30 "
    "replications cannot show it within ±10 points (TOST p = 0.056)",
    "5": "when residents hardly dare to ask, network building still lowers the unmet share by "
    "5 points (margin 4.5)",
    "7": "all-takeover support reverses the pattern: a pilot's end leaves more caring ties "
    "than structural takeover (107 against 72)",
    "9b": "with homophily at the low end of its range bridging still adds about 55 close ties "
    "across groups",
    "10": "with mostly selfless volunteers (0.8) appreciation still adds about 23 weeks of "
    "tenure (margin 12)",
    "11": "the pattern is already reversed; strong homophily reverses it further",
}


@functools.cache
def _outcomes() -> dict[str, PatternOutcome]:
    """Every pattern, run once per session in one process pool."""
    return {o.key: o for o in evaluate(list(PATTERNS))}


def _marks(key: str, xfails: dict[str, str]) -> pytest.param:
    marks = [pytest.mark.xfail(strict=True, reason=xfails[key])] if key in xfails else []
    return pytest.param(key, marks=marks, id=f"pattern{key}")


@pytest.mark.parametrize("key", [_marks(k, PATTERN_XFAIL) for k in PATTERNS])
def test_pattern_shows_with_its_target(key: str) -> None:
    """Arm b is clearly above arm a, by the size the seed's words ask for."""
    outcome = _outcomes()[key]
    assert outcome.shows, f"pattern {key} ({PATTERNS[key].title}): {outcome.reason}"


@pytest.mark.parametrize("key", [_marks(k, COUNTER_XFAIL) for k in PATTERNS])
def test_counter_assumption_makes_the_arms_equivalent(key: str) -> None:
    """Under the counter-assumption the difference lies within ± the margin (TOST, p < 0.05)."""
    outcome = _outcomes()[key]
    assert outcome.counter_removes, (
        f"pattern {key} under '{PATTERNS[key].counter_label}': not shown equivalent within "
        f"±{outcome.equivalence.margin:.3g} (TOST p = {outcome.equivalence.p_value:.3f}): "
        f"{outcome.counter.describe()}")


@pytest.mark.xfail(strict=True, reason="at full scale takeover leaves as much need unmet while "
                   "the pilot runs (0.146 against 0.150, interval -0.004 to 0.011)")
def test_takeover_meets_needs_short_term() -> None:
    """Pattern 2, first half: much takeover leaves less need unmet while the pilot runs."""
    pattern = PATTERNS["2"]
    values: dict[str, list[float]] = {"facilitating": [], "takeover": []}
    for label, arm in (("facilitating", pattern.b), ("takeover", pattern.a)):
        for seed in range(1000, 1000 + pattern.replications):
            task = (pattern.params(arm), seed, 78, ("unmet_share",))
            values[label].append(run_measures(task)["unmet_share"])
    result = compare(values, "takeover", "facilitating")
    assert result.interval()[0] > 0, f"takeover does not meet more need: {result.describe()}"
