"""Where a myth's verdict flips across the ensemble, and how the handout says it."""

import re
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from simulatie.workshop.flip_conditions import (
    MIN_DIFFERING,
    FlipConditions,
    NoFlipReason,
    flip_conditions,
)
from simulatie.workshop.handout_robustness import ensemble_lines, flip_line
from simulatie.workshop.texts import TEMPLATES
from simulatie.workshop.verdict import Verdict

SHOWN = Verdict.CONTRADICTS
OTHER = Verdict.SUPPORTS


def table(assumptions: dict[str, list[float]], verdicts: list[str]) -> pd.DataFrame:
    """A robustness table of myth 3: one row per draw."""
    return pd.DataFrame({
        "myth": 3, "member": range(len(verdicts)), **assumptions, "replications": 10,
        "verdict": verdicts, "holds": [v != SHOWN.value for v in verdicts],
        "mean": 0.0, "ci_low": -1.0, "ci_high": 1.0,
    })


def region(flips_above: bool = True, members: int = 16) -> pd.DataFrame:
    """Neighbourhoods whose verdict flips where homophily is above (or below) 0.6, plus noise."""
    rng = np.random.default_rng(7)
    homophily = np.linspace(0.05, 0.95, members)
    flips = homophily > 0.6 if flips_above else homophily < 0.4
    return table(
        {"homophily": homophily.tolist(), "chat_hours": rng.uniform(0.2, 0.8, members).tolist(),
         "need_scale": rng.uniform(0.5, 1.5, members).tolist()},
        [OTHER.value if f else SHOWN.value for f in flips],
    )


def test_a_clear_region_on_one_assumption_is_found_on_the_right_side():
    found = flip_conditions(region(flips_above=True), SHOWN)
    assert found.found and found.members == 16 and found.differing == 6
    assert [limit.name for limit in found.limits] == ["homophily"]
    limit = found.limits[0]
    assert limit.from_below and not limit.from_above
    assert 0.59 < limit.lower <= 0.65  # between the last holding and the first flipping value
    assert found.inside == 6 and found.in_box == 6
    assert found.coverage == 1.0 and found.density == 1.0

    below = flip_conditions(region(flips_above=False), SHOWN)
    assert [limit.name for limit in below.limits] == ["homophily"]
    assert below.limits[0].from_above and not below.limits[0].from_below
    assert 0.35 <= below.limits[0].upper < 0.41


@pytest.mark.parametrize(("lang", "side", "value"), [("en", "above", "0.62"),
                                                     ("nl", "boven", "0,62")])
def test_the_region_is_said_with_the_short_label_and_the_side(lang, side, value):
    found = flip_conditions(region(), SHOWN)
    line = flip_line(found, lang)
    label = "preference for own group" if lang == "en" else "voorkeur voor eigen groep"
    assert f"{label} {'is ' if lang == 'en' else ''}{side} {value}" in line
    assert re.search(r"\b6 (of|van) (the|de) 6\b", line)
    assert "100%" in line
    assert TEMPLATES[lang]["flip_box"].split("{")[0] in line


def test_a_repeated_draw_is_one_neighbourhood():
    once = region()
    again = pd.concat([once] + [once.iloc[[12]]] * 4, ignore_index=True)  # a flipping member
    assert len(again) == 20
    assert flip_conditions(again, SHOWN) == flip_conditions(once, SHOWN)
    # two differing neighbourhoods stay two however often they are drawn
    two = table({"homophily": [0.1, 0.2, 0.3, 0.4, 0.5, 0.9, 0.9, 0.9, 0.95, 0.95]},
                [SHOWN.value] * 5 + [OTHER.value] * 5)
    found = flip_conditions(two, SHOWN)
    assert (found.members, found.differing, found.reason) == (7, 2, NoFlipReason.TOO_FEW)


def test_a_member_whose_draws_disagree_counts_by_most_of_its_draws():
    rows = table({"homophily": [0.1, 0.1, 0.1, 0.5, 0.9]},
                 [OTHER.value, OTHER.value, SHOWN.value, SHOWN.value, SHOWN.value])
    assert flip_conditions(rows, SHOWN).differing == 1
    rows = table({"homophily": [0.1, 0.1, 0.1, 0.5, 0.9]},
                 [OTHER.value, SHOWN.value, SHOWN.value, SHOWN.value, SHOWN.value])
    assert flip_conditions(rows, SHOWN).reason is NoFlipReason.SAME_EVERYWHERE


def test_every_neighbourhood_the_same_says_none():
    same = table({"homophily": [0.1, 0.3, 0.5, 0.7]}, [SHOWN.value] * 4)
    found = flip_conditions(same, SHOWN)
    assert found == FlipConditions(members=4, differing=0, reason=NoFlipReason.SAME_EVERYWHERE)
    assert not found.found and not found.limits
    assert flip_line(found, "en").startswith("No conditions were found")
    assert "each of the 4 plausible" in flip_line(found, "en")
    assert "elk van de 4 plausibele" in flip_line(found, "nl")


def test_one_differing_neighbourhood_is_too_few():
    one = table({"homophily": [0.1, 0.3, 0.5, 0.7, 0.9]}, [SHOWN.value] * 4 + [OTHER.value])
    found = flip_conditions(one, SHOWN)
    assert found.reason is NoFlipReason.TOO_FEW and found.differing == 1 < MIN_DIFFERING
    assert not found.limits
    for lang in ("nl", "en"):
        line = flip_line(found, lang)
        assert re.search(r"\b1 (of|van) (the|de) 5\b", line)


def test_scattered_differences_give_no_box():
    # the differing neighbourhoods sit at both ends: peeling either end only thins the box
    homophily = [i / 11 for i in range(12)]
    verdicts = [OTHER.value] * 2 + [SHOWN.value] * 8 + [OTHER.value] * 2
    found = flip_conditions(table({"homophily": homophily}, verdicts), SHOWN)
    assert (found.reason, found.differing, found.members) == (NoFlipReason.NO_BOX, 4, 12)
    assert "50%" in flip_line(found, "en") and "50%" in flip_line(found, "nl")


def test_an_assumption_every_neighbourhood_shares_is_not_named():
    chat = [i / 10 for i in range(1, 11)]
    rows = table({"homophily": [0.5] * 10, "chat_hours": chat},
                 [SHOWN.value] * 6 + [OTHER.value] * 4)
    found = flip_conditions(rows, SHOWN)
    assert [limit.name for limit in found.limits] == ["chat_hours"]
    assert found.limits[0].from_below and 0.6 < found.limits[0].lower <= 0.7
    everything_shared = table({"homophily": [0.5] * 8, "chat_hours": [0.3] * 8},
                              [OTHER.value] * 8)
    assert flip_conditions(everything_shared, SHOWN).members == 1


def test_every_neighbourhood_different_is_not_a_region():
    found = flip_conditions(table({"homophily": [0.1, 0.5, 0.9]}, [OTHER.value] * 3), SHOWN)
    assert found.reason is NoFlipReason.DIFFERS_EVERYWHERE and found.differing == 3
    assert "everywhere" in flip_line(found, "en") and "overal" in flip_line(found, "nl")


ENGLISH = {"the", "of", "and", "where", "above", "below", "between", "neighbourhoods",
           "verdict", "no", "found", "another", "chance", "region", "hours", "week"}
DUTCH = {"het", "de", "van", "en", "ligt", "waar", "boven", "onder", "tussen", "buurten",
         "oordeel", "geen", "gevonden", "ander", "toeval", "gebied", "uur", "maar", "overal"}


def every_case() -> list[FlipConditions]:
    return [
        flip_conditions(region(), SHOWN),
        flip_conditions(region(flips_above=False), SHOWN),
        flip_conditions(table({"homophily": [0.1, 0.3]}, [SHOWN.value] * 2), SHOWN),
        flip_conditions(table({"homophily": [0.1, 0.3, 0.5]}, [SHOWN.value] * 2 + [OTHER.value]),
                        SHOWN),
        flip_conditions(table({"homophily": [i / 11 for i in range(12)]},
                              [OTHER.value] * 2 + [SHOWN.value] * 8 + [OTHER.value] * 2), SHOWN),
        flip_conditions(table({"homophily": [0.1, 0.5]}, [OTHER.value] * 2), SHOWN),
    ]


@pytest.mark.parametrize(("lang", "foreign"), [("nl", ENGLISH), ("en", DUTCH)])
def test_each_language_speaks_only_its_own(lang, foreign):
    for found in every_case():
        line = flip_line(found, lang)
        words = set(re.findall(r"[a-zà-ÿ]+", line.lower()))
        assert not words & foreign, (line, words & foreign)
        assert not re.search(r"\d\.\d" if lang == "nl" else r"\d,\d", line), line
        assert line.endswith(".") and "{" not in line


def test_a_flip_with_a_significant_limit_is_not_hedged_and_a_weak_one_is():
    strong = flip_conditions(region(members=30), SHOWN)
    assert strong.significant
    assert TEMPLATES["en"]["flip_chance"] not in flip_line(strong, "en")
    weak = FlipConditions(members=15, differing=6, inside=6, in_box=6, limits=tuple(
        replace(limit, qp_lower=0.3) for limit in strong.limits))
    assert not weak.significant
    assert TEMPLATES["nl"]["flip_chance"] in flip_line(weak, "nl")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_handout_appends_the_flip_sentence(lang):
    draws = region()
    lines = ensemble_lines(3, SHOWN, lang, shipped=(draws, {}))
    assert len(lines) == 3
    assert lines[2] == flip_line(flip_conditions(draws, SHOWN), lang)
    assert "robu" not in lines[1]  # 6 of 16 flip: the answer is fragile
    same = ensemble_lines(3, SHOWN, lang, shipped=(table({"homophily": [0.1, 0.2]},
                                                         [SHOWN.value] * 2), {}))
    assert same[2] == TEMPLATES[lang]["flip_same"].format(members=2)
