"""A myth's comparison in numbers and words: the sentences a handout and the dashboard show.

A comparison of two arms (:class:`simulatie.workshop.myths.Comparison`) carries raw numbers and a
computed verdict. This module turns it into what people read: each arm's mean and 95% interval as
shown (:func:`~simulatie.experiment.wording.fmt`: percentages for shares, a decimal comma in
Dutch), the difference sentence, and the conclusion sentence chosen by the verdict from
:mod:`simulatie.workshop.texts`, followed by the side effects that clearly go against it
(:mod:`simulatie.workshop.handout_effects`). Arms are named in sentences by their short names,
quoted, so that a sentence reads the same whatever the arm is called. It exists apart from the
answer and the figure because both of them, and the numbers on every page, must format a number
the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from simulatie.core.observe.metrics import METRICS
from simulatie.experiment.wording import fmt
from simulatie.workshop.handout_effects import SideEffect, measure_side_effects, tradeoff_sentence
from simulatie.workshop.myths import Comparison, MythResult, Summary, Verdict, myth_holds
from simulatie.workshop.texts import MYTH_TEXTS, TEMPLATES

__all__ = [
    "ArmNumbers",
    "Side",
    "arm_lines",
    "describe_comparison",
    "fmt",
    "is_share",
    "short_label",
]


def is_share(result: MythResult) -> bool:
    """Whether the myth's key number is a share (shown as a percentage).

    Args:
        result: The myth's result.

    Returns:
        True for a ``share_of`` summary or a metric whose unit is ``"share"``.
    """
    measure = result.myth.measure
    return measure.summary is Summary.SHARE_OF or METRICS[measure.metric].unit == "share"


def short_label(text: str) -> str:
    """The part of a label before its first colon or parenthesis, for legends and sentences.

    Args:
        text: A label such as ``"Open door (no invitation): ..."``.

    Returns:
        The short form, e.g. ``"Open door"``.
    """
    return text.split(":")[0].split(" (")[0]


@dataclass(frozen=True)
class ArmNumbers:
    """One arm's key number: mean and 95% interval of the mean, raw and as shown."""

    label: str
    mean: float
    low: float
    high: float
    shown: tuple[str, str, str]


@dataclass(frozen=True)
class Side:
    """The comparison under one set of assumptions, in numbers and words.

    Attributes:
        myth: The myth arm's numbers.
        alternative: The alternative arm's numbers.
        difference: Mean and 95% interval of ``myth - alternative`` (paired).
        verdict: The computed verdict.
        holds: Whether the myth holds here (supports, or no clear difference for a myth that
            only claims "not worse").
        numbers: The numbers sentence.
        difference_text: The difference sentence.
        conclusion: The conclusion sentence, chosen by the verdict, and after it the side
            effects that clearly go against it (:func:`tradeoff_sentence`), if any.
        effects: What else the two arms did (:func:`measure_side_effects`).
    """

    myth: ArmNumbers
    alternative: ArmNumbers
    difference: dict[str, float]
    verdict: Verdict
    holds: bool
    numbers: str
    difference_text: str
    conclusion: str
    effects: tuple[SideEffect, ...] = ()

    @property
    def effect_lines(self) -> list[str]:
        """One sentence per side effect, as listed on the handout."""
        return [effect.text for effect in self.effects]


def _arm_numbers(label: str, stats: Mapping[str, float], share: bool, lang: str,
                 values: np.ndarray) -> ArmNumbers:
    """One arm's mean and interval, the interval kept above zero for a count or share."""
    if len(values) and np.nanmin(values) >= 0:  # a count or share: no interval below zero
        stats = {**stats, "ci_low": max(0.0, stats["ci_low"])}
    shown = tuple(fmt(stats[k], share, lang) for k in ("mean", "ci_low", "ci_high"))
    return ArmNumbers(label, stats["mean"], stats["ci_low"], stats["ci_high"], shown)


def _conclusion(comparison: Comparison, words: Mapping[str, object], t: Mapping[str, str],
                holds_if: str) -> str:
    """The conclusion sentence for the comparison's outcome, in the language of ``t``."""
    if comparison.outcome == "none":
        return t["none_not_worse" if holds_if == "not_worse" else "none_better"]
    return t[comparison.outcome].format(
        measure_short=short_label(str(words["measure"])), myth_arm=words["myth_arm"],
        alt_arm=words["alternative_arm"],
        direction=t["higher" if comparison.difference["mean"] > 0 else "lower"],
    )


def arm_lines(number: int, lang: str) -> list[str]:
    """The two arms, each by its name and what it sets: ``"‘mixed’: half of the residents ..."``.

    Args:
        number: The myth, 1 to 7.
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The myth arm's line, then the alternative's.
    """
    words, t = MYTH_TEXTS[number][lang], TEMPLATES[lang]
    return [t["arm"].format(name=words[arm], detail=words[f"{arm}_detail"])
            for arm in ("myth_arm", "alternative_arm")]


def describe_comparison(
    comparison: Comparison, number: int, lang: str, share: bool, holds_if: str,
    effects: Sequence[str] = (),
) -> Side:
    """Put one comparison of the two arms into numbers and words.

    Args:
        comparison: The comparison under the default or the counter-assumption.
        number: The myth, 1 to 7 (chooses the arm names and the measure's words).
        lang: ``"nl"`` or ``"en"``.
        share: Whether the key number is a share (:func:`is_share`).
        holds_if: The myth's claim, ``"better"`` or ``"not_worse"``.
        effects: The side effects to measure
            (:func:`simulatie.workshop.handout_effects.effect_metrics`).

    Returns:
        The comparison's numbers, sentences and whether the myth holds under it.
    """
    words, t = MYTH_TEXTS[number][lang], TEMPLATES[lang]
    myth_name, alt_name = str(words["myth_arm"]), str(words["alternative_arm"])
    myth = _arm_numbers(myth_name, comparison.myth.stats, share, lang, comparison.myth.values)
    alt = _arm_numbers(alt_name, comparison.alternative.stats, share, lang,
                       comparison.alternative.values)
    d = comparison.difference
    numbers = t["numbers"].format(
        measure=str(words["measure"]).capitalize(), myth_value=myth.shown[0],
        myth_low=myth.shown[1], myth_high=myth.shown[2], myth_arm=myth.label,
        alt_value=alt.shown[0], alt_low=alt.shown[1], alt_high=alt.shown[2], alt_arm=alt.label,
    )
    difference_text = t["difference"].format(
        diff=fmt(d["mean"], share, lang, True), diff_low=fmt(d["ci_low"], share, lang, True),
        diff_high=fmt(d["ci_high"], share, lang, True),
    )
    measured = measure_side_effects(comparison, effects, lang, t, (myth_name, alt_name))
    conclusion = " ".join(part for part in (
        _conclusion(comparison, words, t, holds_if),
        tradeoff_sentence(measured, comparison.outcome, myth_name, lang, t)) if part)
    holds = myth_holds(comparison.verdict, holds_if)
    return Side(myth, alt, dict(d), comparison.verdict, holds, numbers, difference_text,
                conclusion, tuple(measured))
