"""The handout: what its pages say, and what they must never say.

The results are made by hand (no runs), with chosen key numbers per arm judged by the real rule,
so that every verdict kind can be shown: the figure's bands stay at or above zero for a metric
that cannot be negative; the counter-assumption's section fits the verdict; a conclusion never
goes against a clear side effect without naming it; unmet care is on every handout; a quick try
says so and carries no robustness; participants' pages name no files, commands or parameters;
arm names read inside sentences; and the robustness counts the distinct neighbourhoods of its
table.
"""

from __future__ import annotations

import html
import re

import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure

from simulatie.core.observe.metrics import METRICS
from simulatie.core.parameters import Parameters
from simulatie.experiment.intervals import interval
from simulatie.experiment.wording import fmt
from simulatie.workshop.handout import answer_from_result, plot_myth
from simulatie.workshop.handout_figure import figure_png
from simulatie.workshop.handout_html import html_section
from simulatie.workshop.handout_pdf import handout_pages
from simulatie.workshop.handout_robustness import distinct_members, ensemble_lines
from simulatie.workshop.myths import (
    QUICK,
    ArmResult,
    Comparison,
    MythResult,
    Verdict,
    judge,
    load_myth,
)
from simulatie.workshop.robustness import load_robustness
from simulatie.workshop.texts import MYTH_TEXTS, TEMPLATES

WEEKS = np.arange(0, 53)


def result_with_curves(number: int, curves: np.ndarray) -> MythResult:
    """Myth ``number`` with the same hand-made curves in both arms and both assumptions."""

    def arm(name: str, countered: bool) -> ArmResult:
        values = curves[:, -1]
        return ArmResult(arm=name, countered=countered, values=values,
                         stats={"mean": float(values.mean())}, curves=curves, extra={},
                         parameters={})

    def comparison(countered: bool) -> Comparison:
        return Comparison(myth=arm("myth", countered), alternative=arm("alternative", countered),
                          difference={}, outcome="none", verdict=Verdict.NO_CLEAR_DIFFERENCE)

    seeds = tuple(range(len(curves)))
    return MythResult(myth=load_myth(number), weeks=WEEKS, default=comparison(False),
                      counter=comparison(True), seeds=seeds)


def band_floors(result: MythResult) -> list[float]:
    """The lowest point of every band drawn in the figure."""
    figure = plot_myth(result, "en")
    floors = [float(np.nanmin(collection.get_paths()[0].vertices[:, 1]))
              for ax in figure.axes for collection in ax.collections]
    assert len(floors) == 4, "one band per arm and panel"
    return floors


def spread_curves(offset: float) -> np.ndarray:
    """Three replications: two flat at ``offset``, one rising far above them."""
    rise = np.linspace(0.0, 40.0, len(WEEKS))
    return np.vstack([np.zeros_like(rise), np.zeros_like(rise), rise]) + offset


@pytest.mark.parametrize("number", [1, 2, 3])  # a count, a share of totals, a share
def test_a_band_of_a_metric_that_is_never_negative_stops_at_zero(number: int) -> None:
    curves = spread_curves(0.0)
    if number != 1:
        curves = curves / 100  # shares between 0 and 0.4
    assert min(interval(column)["ci_low"] for column in curves.T) < 0, "a case worth testing"
    assert min(band_floors(result_with_curves(number, curves))) == 0.0


def test_a_band_of_a_metric_observed_below_zero_is_not_cut_at_zero() -> None:
    floors = band_floors(result_with_curves(1, spread_curves(-1.0)))
    assert min(floors) < -1.0


# --- the handout's words: made results with chosen verdicts (no runs) --------------------------

LOW, MID, HIGH = (np.array([10.0, 11.0, 12.0, 13.0]) + shift for shift in (0.0, 10.0, 20.0))
NOISE = np.array([10.0, 30.0, 12.0, 25.0])  # around MID, no clear difference with MID


def made_result(number: int, default: tuple[np.ndarray, np.ndarray],
                counter: tuple[np.ndarray, np.ndarray] | None = None,
                extras: dict[str, tuple[np.ndarray, np.ndarray]] | None = None,
                **load: object) -> MythResult:
    """Myth ``number`` with hand-made key numbers per arm, judged by the real rule.

    Args:
        number: The myth.
        default: The myth arm's and the alternative's values under the default assumptions.
        counter: The same under the counter-assumption (default: no clear difference).
        extras: Per extra metric, the myth arm's and the alternative's values (both
            assumptions); metrics not given are not kept.
        **load: Passed to :func:`load_myth` (``scale``, ``overrides``, ``seed``).
    """
    myth = load_myth(number, **load)
    points = myth.points()
    extras = extras or {}

    def arm(name: str, countered: bool, values: np.ndarray) -> ArmResult:
        extra_values = {m: pair[0 if name == "myth" else 1] for m, pair in extras.items()}
        return ArmResult(arm=name, countered=countered, values=values, stats=interval(values),
                         curves=np.tile(values[:, None], (1, len(WEEKS))) / 100,
                         extra={m: interval(v) for m, v in extra_values.items()},
                         parameters=points[name, countered], extra_values=extra_values)

    def comparison(countered: bool, pair: tuple[np.ndarray, np.ndarray]) -> Comparison:
        a, b = arm("myth", countered, pair[0]), arm("alternative", countered, pair[1])
        stats, outcome, verdict = judge(a.values, b.values, myth.measure)
        return Comparison(a, b, stats, outcome, verdict)

    return MythResult(myth=myth, weeks=WEEKS, default=comparison(False, default),
                      counter=comparison(True, counter or (MID, MID)), seeds=(1, 2, 3, 4))


def participants_part(page: str) -> str:
    """The HTML of a handout without its technical notes."""
    parts = re.split(r'<aside class="technical">.*?</aside>', page, flags=re.S)
    assert len(parts) == 2, "one technical part per section"
    return html.unescape("".join(parts))


def pdf_texts(answer) -> list[str]:
    """Every text drawn on the answer's PDF pages, in order."""
    pages = handout_pages(answer, _png())
    return [text.get_text() for page in pages for text in page.texts]


def _png() -> bytes:
    figure = Figure(figsize=(4, 1.5))
    figure.add_subplot().plot([0, 1], [0, 1])
    return figure_png(figure, dpi=40)


HOLDS_AFTER_ALL = {"nl": "wél kloppen", "en": "hold after all"}
"""Words of the heading written for a contradicted myth only."""


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    ("number", "default", "counter", "heading", "closing"),
    [
        # myth 3 claims "not worse" (higher is better): contradicted, then holds when countered
        (3, (LOW, MID), (MID, MID), "counter_heading_contradicts", "counter_now_holds"),
        (3, (LOW, MID), (LOW, MID), "counter_heading_contradicts", "counter_still_fails"),
        # no clear difference holds for myth 3, so it is asked whether it still holds
        (3, (NOISE, MID), (MID, MID), "counter_heading_holds", "counter_still_holds"),
        (3, (HIGH, MID), (LOW, MID), "counter_heading_holds", "counter_no_longer_holds"),
        # myth 1 promises more: no clear difference does not hold, support does
        (1, (NOISE, MID), (HIGH, MID), "counter_heading_unclear", "counter_now_holds"),
        (1, (HIGH, MID), (MID, MID), "counter_heading_holds", "counter_no_longer_holds"),
    ],
)
def test_the_counter_section_fits_the_verdict(number, default, counter, heading, closing, lang):
    answer = answer_from_result(made_result(number, default, counter), lang)
    t = TEMPLATES[lang]
    assert answer.counter_heading == t[heading]
    assert answer.counter_conclusion == t[closing]
    page = participants_part(html_section(answer, _png()))
    assert t[heading] in page
    others = {"counter_heading_contradicts", "counter_heading_unclear",
              "counter_heading_holds"} - {heading}
    assert not any(t[key] in page for key in others)
    if answer.default.holds:  # the words for a contradicted myth never on a myth that holds
        assert HOLDS_AFTER_ALL[lang] not in page
        assert t["counter_now_holds"] not in page and t["counter_still_fails"] not in page
    else:
        assert t["counter_still_holds"] not in page and t["counter_no_longer_holds"] not in page
    if answer.default.verdict is not Verdict.CONTRADICTS:
        assert HOLDS_AFTER_ALL[lang] not in page


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_better_is_never_said_while_unmet_care_goes_the_other_way_unsaid(lang):
    unmet = {"care_hours_unmet": (HIGH * 3, MID)}  # clearly more unmet care in the myth arm
    answer = answer_from_result(made_result(1, (HIGH, MID), (HIGH, MID), extras=unmet), lang)
    label = "onvervulde zorgvraag" if lang == "nl" else "unmet care need"
    for side in (answer.default, answer.counter):
        assert side.verdict is Verdict.SUPPORTS
        assert TEMPLATES[lang]["tradeoff_better"].format(arm=MYTH_TEXTS[1][lang]["myth_arm"]) \
            in side.conclusion
        assert label in side.conclusion
        assert [e.for_myth for e in side.effects if e.kept] == ["worse"]
    calm = answer_from_result(made_result(1, (HIGH, MID), extras={
        "care_hours_unmet": (MID, MID)}), lang)
    assert label not in calm.default.conclusion  # nothing against it: nothing added


@pytest.mark.parametrize("number", list(range(1, 8)))
def test_no_conclusion_goes_against_a_clear_side_effect_without_naming_it(number):
    extras = {name: (HIGH * 2, MID) for name in ("care_hours_unmet", *load_myth(number).timeseries)}
    for default in ((HIGH, MID), (LOW, MID), (NOISE, MID)):
        answer = answer_from_result(made_result(number, default, extras=extras), "en")
        side = answer.default
        against = {"myth_better": "worse", "myth_worse": "better"}.get(
            answer.result.default.outcome)
        named = [e for e in side.effects if e.for_myth and e.for_myth in (against or e.for_myth)]
        for effect in named:
            shown = fmt(effect.myth, METRICS[effect.metric].unit == "share", "en")
            assert shown in side.conclusion, (number, effect.metric)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("number", list(range(1, 8)))
def test_every_handout_shows_unmet_care_in_hours_per_week_first(number, lang):
    unmet = {"care_hours_unmet": (HIGH, MID)}
    answer = answer_from_result(made_result(number, (MID, MID), extras=unmet), lang)
    first = answer.side_effects[0]
    assert first.startswith("Onvervulde zorgvraag (uur per week):" if lang == "nl"
                            else "Unmet care need (hours per week):")
    page = participants_part(html_section(answer, _png()))
    side_effects_at = page.index(TEMPLATES[lang]["side_effects_heading"])
    assert page.index(answer.default.conclusion) < side_effects_at < page.index("<img")


def test_a_side_effect_the_runs_did_not_keep_is_said_to_be_missing():
    answer = answer_from_result(made_result(4, (MID, MID)), "en")
    assert answer.side_effects[0] == "Unmet care need (hours per week): not recorded in these runs."
    assert any("care_hours_unmet" in note for note in answer.notes)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_quick_page_says_so_and_shows_no_robustness(lang):
    quick = answer_from_result(made_result(1, (NOISE, MID), scale=QUICK), lang)
    full = answer_from_result(made_result(1, (NOISE, MID)), lang)
    t = TEMPLATES[lang]
    assert (quick.variant, full.variant) == ("quick", "full")
    page = participants_part(html_section(quick, _png()))
    assert t["quick_title"] in page and "data-variant=\"quick\"" in page
    assert quick.robustness == [] and t["robustness_heading"] not in page
    assert "100%" not in page and t["ensemble"][:30] not in page
    assert t["quick_title"] in quick.page_title()
    texts = pdf_texts(quick)
    assert t["quick_title"].upper() in texts
    # the full analysis shows the ensemble's answer (shipped for myth 1) and no banner
    assert full.robustness and not full.banner_title
    assert t["quick_title"] not in participants_part(html_section(full, _png()))


def test_a_custom_page_names_what_differs_in_plain_words():
    answer = answer_from_result(made_result(5, (MID, MID), overrides={"homophily": 0.2},
                                            seed=7), "en")
    assert answer.variant == "custom" and answer.robustness == []
    assert "other assumptions" in answer.banner and "other random numbers" in answer.banner
    assert "homophily" not in answer.banner
    assert any("--set homophily=0.2" in note for note in answer.notes)


IDENTIFIER = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
DEVELOPER = ("docs/", "--set", "--quick", ".toml", ".csv", "simulatie/", "results/", "scenarios/",
             "seed 000", "master seed", "commit")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("number", list(range(1, 8)))
def test_participants_pages_name_no_files_commands_or_parameters(number, lang):
    result = made_result(number, (LOW, MID), overrides={"homophily": 0.2}, scenario="kerkweg")
    answer = answer_from_result(result, lang)
    page = participants_part(html_section(answer, _png()))
    for word in DEVELOPER:
        assert word not in page, word
    names = set(Parameters.model_fields) | set(result.myth.timeseries) | {"care_hours_unmet"}
    assert not set(IDENTIFIER.findall(page)) & names
    texts = pdf_texts(answer)
    cut = texts.index(TEMPLATES[lang]["technical_heading"])
    participants, technical = " ".join(texts[:cut]), " ".join(texts[cut:])
    for word in DEVELOPER:
        assert word not in participants, word
    assert not set(IDENTIFIER.findall(participants)) & names
    assert "--set homophily=0.2" in technical and "docs/odd.md" in technical


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("number", list(range(1, 8)))
def test_arms_read_as_names_inside_sentences(number, lang):
    words = MYTH_TEXTS[number][lang]
    for arm in ("myth_arm", "alternative_arm"):
        assert ":" not in str(words[arm]) + str(words[f"{arm}_detail"])
    answer = answer_from_result(made_result(number, (LOW, MID)), lang)
    joint = " " + ("bij" if lang == "nl" else "with") + " "
    for arm in ("myth_arm", "alternative_arm"):
        assert f"{joint}‘{words[arm]}’" in answer.default.numbers
        assert f"‘{words[arm]}’: {words[f'{arm}_detail']}." in answer.arms
    assert answer.default.numbers.count(":") == 1  # only after the measure


def robustness_table(assumptions: list[float], verdicts: list[str]) -> pd.DataFrame:
    return pd.DataFrame({
        "myth": 3, "member": range(len(verdicts)), "homophily": assumptions,
        "replications": 10, "verdict": verdicts, "holds": [v != "contradicts" for v in verdicts],
    })


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_member_count_is_the_distinct_neighbourhoods_of_the_table(lang):
    table = robustness_table([0.1, 0.1, 0.2, 0.3, 0.3, 0.4],
                             ["contradicts"] * 2 + ["supports"] + ["contradicts"] * 3)
    assert distinct_members(table) == 4
    lines = ensemble_lines(3, Verdict.CONTRADICTS, lang, shipped=(table, {}))
    numbers = re.findall(r"\d+(?!%)\b", lines[0])
    assert numbers[:1] == ["4"] and "6" in numbers  # four neighbourhoods, six draws
    assert "83%" in lines[0] and "robu" in lines[1]
    unique = robustness_table([0.1, 0.2, 0.3], ["contradicts"] * 3)
    lines = ensemble_lines(3, Verdict.CONTRADICTS, lang, shipped=(unique, {}))
    assert re.findall(r"\d+(?!%)\b", lines[0])[:1] == ["3"]
    assert TEMPLATES[lang]["ensemble"][:20] in lines[0]


def test_the_shipped_member_count_comes_from_the_shipped_table():
    loaded = load_robustness()
    assert loaded is not None
    table, _ = loaded
    part = table[table["myth"] == 1]
    calibrated = [c for c in part.columns if c not in (
        "myth", "member", "replications", "verdict", "holds", "mean", "ci_low", "ci_high")]
    distinct = len(part.drop_duplicates(subset=calibrated))
    lines = ensemble_lines(1, Verdict.NO_CLEAR_DIFFERENCE, "en")
    assert f"in {distinct} other plausible neighbourhoods" in lines[0]
    if distinct != len(part):
        assert f"{len(part)} draws" in lines[0]
        assert f"in {len(part)} other plausible" not in lines[0]
