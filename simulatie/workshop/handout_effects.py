"""What else the two arms of a myth did: the side effects a handout shows beside its answer.

A myth is answered on one measure, but a reader weighs more: a policy that gives more community
and leaves more care unmet is not simply better. So every handout shows, next to its conclusion,
what else was measured in the same runs (the myth file's ``timeseries``, and always unmet care in
hours per week, :data:`ALWAYS_SHOWN`), each side effect judged clear or not by the rule that
judges the answer (:func:`simulatie.workshop.verdict.paired_difference`). Where a side effect has
a better direction (:data:`BETTER`) and clearly goes against the conclusion, the conclusion says
so (:func:`tradeoff_sentence`): a handout never calls an outcome better, worse or unchanged while
a side effect clearly goes the other way without saying so. Care hours by source have no better
direction (a shift between family and neighbours is neither), so they are shown but never judged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from simulatie.core.observe.metrics import METRICS
from simulatie.experiment.wording import fmt, reader_label, unit_words
from simulatie.workshop.verdict import Comparison, paired_difference

__all__ = [
    "ALWAYS_SHOWN",
    "BETTER",
    "LABELS",
    "SideEffect",
    "effect_metrics",
    "measure_side_effects",
    "tradeoff_sentence",
]

ALWAYS_SHOWN = ("care_hours_unmet",)
"""Side effects on every handout, whatever the myth file keeps: unmet care in hours per week."""

BETTER: dict[str, str] = {
    "care_hours_unmet": "lower",
    "lonely_share": "lower",
    "frail_with_two_helpers_share": "higher",
    "ownership": "higher",
    "caring_ties": "higher",
    "friendly_ties": "higher",
    "share_with_caring_tie": "higher",
    "bridging_share": "higher",
    "attendance": "higher",
    "first_time_attendees": "higher",
    "first_time_attendees_isolated": "higher",
    "active_volunteers": "higher",
    "volunteer_retention": "higher",
    "volunteer_sign_ups": "higher",
}
"""Which way is better for a side effect. A metric not listed is shown without a judgement."""

UNITS_SHOWN = frozenset({"0..1", "ratio"})
"""Units named after a label; a share shows as a percentage, and ties or people need no word."""

LABELS: dict[str, dict[str, str]] = {
    "care_hours_unmet": {"nl": "Onvervulde zorgvraag", "en": "Unmet care need"},
    "attendance": {"nl": "Bewoners bij een activiteit in een week",
                   "en": "Residents at an activity in a week"},
    "first_time_attendees": {"nl": "Nieuwe bezoekers van activiteiten per week",
                             "en": "First-time attendees per week"},
}
"""Labels a handout reader needs spelled out more than the declared one (else the reader label)."""


@dataclass(frozen=True)
class SideEffect:
    """One extra metric in both arms: last-year means, the paired difference and a judgement.

    Attributes:
        metric: The metric's name.
        kept: Whether the runs kept it (a shipped answer may lack :data:`ALWAYS_SHOWN`).
        myth: The myth arm's mean over replications (NaN when not kept).
        alternative: The alternative arm's mean.
        difference: Mean and 95% interval of ``myth - alternative`` (paired).
        clear: Whether the difference is clear by the answer's rule.
        better: ``"higher"``, ``"lower"`` or ``None`` (not judged).
        text: The sentence shown in the list of side effects.
    """

    metric: str
    kept: bool
    myth: float
    alternative: float
    difference: dict[str, float]
    clear: bool
    better: str | None
    text: str

    @property
    def for_myth(self) -> str | None:
        """``"better"`` or ``"worse"`` for the myth arm when clear and judged, else ``None``."""
        if not (self.kept and self.clear and self.better):
            return None
        higher = self.difference["mean"] > 0
        return "better" if higher == (self.better == "higher") else "worse"


def effect_metrics(timeseries: Sequence[str]) -> tuple[str, ...]:
    """The side effects a handout shows: :data:`ALWAYS_SHOWN` first, then the myth file's.

    Args:
        timeseries: The myth file's extra metrics.

    Returns:
        The metric names, each once.
    """
    return tuple(dict.fromkeys([*ALWAYS_SHOWN, *timeseries]))


def _share(name: str) -> bool:
    return METRICS[name].unit == "share"


def _name(name: str, lang: str) -> str:
    """The metric as a reader calls it: :data:`LABELS`, else its reader label."""
    return LABELS[name][lang] if name in LABELS else reader_label(name, lang)


def _label(name: str, lang: str, t: Mapping[str, str]) -> str:
    """The name with its unit, e.g. ``"Unmet care need (hours per week)"``.

    A declared label with a colon (``"Ownership: activities run by residents"``) reads as
    ``"Ownership (activities run by residents)"``, so that it can stand before a colon.
    """
    label = _name(name, lang)
    if ": " in label:
        head, tail = label.split(": ", 1)
        label = f"{head} ({tail})"
    unit = METRICS[name].unit
    if unit == "hours/week":
        return f"{label} ({t['hours_per_week']})"
    return f"{label} ({unit_words(name, lang)})" if unit in UNITS_SHOWN else label


def _value(value: float, name: str, lang: str, t: Mapping[str, str]) -> str:
    """A value as shown inside a sentence: ``"61 uur per week"``, ``"55%"`` or ``"12"``."""
    text = fmt(value, _share(name), lang)
    return f"{text} {t['hours_per_week']}" if METRICS[name].unit == "hours/week" else text


def measure_side_effects(
    comparison: Comparison,
    metrics: Sequence[str],
    lang: str,
    t: Mapping[str, str],
    arms: tuple[str, str],
) -> list[SideEffect]:
    """Each side effect of one comparison: both arms' means, the difference and its sentence.

    Args:
        comparison: The comparison under the default or the counter-assumption.
        metrics: The metrics to show (:func:`effect_metrics`); one the runs did not keep is
            shown as not recorded.
        lang: ``"nl"`` or ``"en"``.
        t: The language's templates (:data:`simulatie.workshop.texts.TEMPLATES`).
        arms: The short names of the myth arm and the alternative, as in the sentences.

    Returns:
        One side effect per metric, in the order given.
    """
    effects = []
    for name in metrics:
        label = _label(name, lang, t)
        myth_runs = comparison.myth.extra_values.get(name)
        alt_runs = comparison.alternative.extra_values.get(name)
        if myth_runs is None or alt_runs is None:
            effects.append(SideEffect(name, False, float("nan"), float("nan"), {}, False,
                                      BETTER.get(name),
                                      t["side_effect_missing"].format(label=label)))
            continue
        stats, clear = paired_difference(myth_runs, alt_runs)
        share = _share(name)
        myth, alt = float(np.nanmean(myth_runs)), float(np.nanmean(alt_runs))
        text = t["side_effect"].format(
            label=label, myth_value=fmt(myth, share, lang), alt_value=fmt(alt, share, lang),
            myth_arm=arms[0], alt_arm=arms[1], diff=fmt(stats["mean"], share, lang, True),
            clear=t["clear" if clear else "not_clear"])
        effects.append(SideEffect(name, True, myth, alt, dict(stats), clear, BETTER.get(name),
                                  text))
    return effects


def _item(effect: SideEffect, lang: str, t: Mapping[str, str]) -> str:
    """``"unmet care need higher (61 against 27 hours per week)"``."""
    label = _name(effect.metric, lang).split(":")[0]
    label = label[:1].lower() + label[1:]
    return t["tradeoff_item"].format(
        label=label, direction=t["higher" if effect.difference["mean"] > 0 else "lower"],
        myth_value=fmt(effect.myth, _share(effect.metric), lang),
        alt_value=_value(effect.alternative, effect.metric, lang, t))


def tradeoff_sentence(
    effects: Sequence[SideEffect], outcome: str, myth_arm: str, lang: str, t: Mapping[str, str]
) -> str:
    """What the conclusion must add: the side effects that clearly go against it.

    A conclusion that the myth arm is better names the side effects clearly worse in it; one that
    it is worse names those clearly better; "no clear difference" names every clear one, since
    it would otherwise read as "nothing changes".

    Args:
        effects: From :func:`measure_side_effects`.
        outcome: The comparison's outcome (``"myth_better"``, ``"myth_worse"`` or ``"none"``).
        myth_arm: The myth arm's short name.
        lang: ``"nl"`` or ``"en"``.
        t: The language's templates.

    Returns:
        The sentences, or ``""`` when no side effect goes against the conclusion.
    """
    against = {"myth_better": ("worse",), "myth_worse": ("better",),
               "none": ("worse", "better")}[outcome]
    groups = {way: [_item(e, lang, t) for e in effects if e.for_myth == way] for way in against}
    if not any(groups.values()):
        return ""
    intro = {"myth_better": "tradeoff_better", "myth_worse": "tradeoff_worse",
             "none": "tradeoff_none"}[outcome]
    parts = [t[intro].format(arm=myth_arm)]
    parts += [t[f"tradeoff_{way}_items"].format(items="; ".join(items))
              for way, items in groups.items() if items]
    return " ".join(parts)
