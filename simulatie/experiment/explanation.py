"""One plain sentence on why a run's caring ties differ from the same neighbourhood left alone.

In the model a caring tie grows only one way: people meet (at the door or at an activity), a
meeting becomes a friendly tie, and help asked and given over that tie makes it a caring one
(``docs/odd.md`` 7.5–7.9). So the difference between a run and its baseline (same seed, nothing
organised) has its reasons in the steps of that chain. This module compares the last year of the
run with the baseline step by step and names the steps that moved the same way as the difference,
in the chain's order: "het verschil ontstond doordat bewoners elkaar vaker ontmoetten bij
activiteiten (18% per week; zonder project 2%) en er meer vriendelijke contacten waren
(130; zonder project 112)".

It is one run's account, as the summary around it is one draw; a comparison over replications is
:mod:`simulatie.experiment.comparison`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from simulatie.core.calendar import WEEKS_PER_YEAR
from simulatie.core.observe.measures import BASELINE_PREFIX
from simulatie.experiment.wording import check_lang, fmt, unit_words

__all__ = ["CLEAR_EXCESS", "STEP_MARGIN", "Step", "why_sentence"]

CLEAR_EXCESS = 0.01
"""Below this difference in the share with a caring tie (one percentage point) the sentence says
that there is hardly a difference to explain."""
STEP_MARGIN = 0.05
"""A step counts as a reason when it differs from the baseline by at least this share of the
baseline's value (5%): smaller differences are within one run's noise."""


@dataclass(frozen=True)
class Step:
    """A step of the chain from meeting to caring, and how to say that it went up or down.

    Attributes:
        metric: The metric that measures the step.
        more: The clause when the step is larger than in the baseline, per language.
        less: The clause when it is smaller, per language.
    """

    metric: str
    more: dict[str, str]
    less: dict[str, str]


STEPS = (
    Step("attendance",
         {"nl": "bewoners elkaar vaker ontmoetten bij activiteiten",
          "en": "residents met more often at activities"},
         {"nl": "bewoners elkaar minder ontmoetten bij activiteiten",
          "en": "residents met less often at activities"}),
    Step("friendly_ties",
         {"nl": "er meer vriendelijke contacten waren", "en": "there were more friendly ties"},
         {"nl": "er minder vriendelijke contacten waren", "en": "there were fewer friendly ties"}),
    Step("neighbour_help_share_month",
         {"nl": "meer bewoners een buur hielpen", "en": "more residents helped a neighbour"},
         {"nl": "minder bewoners een buur hielpen", "en": "fewer residents helped a neighbour"}),
    Step("care_hours_volunteers",
         {"nl": "vrijwilligers meer zorg gaven", "en": "volunteers gave more care"},
         {"nl": "vrijwilligers minder zorg gaven", "en": "volunteers gave less care"}),
    Step("care_hours_professional",
         {"nl": "professionals meer zelf deden", "en": "professionals did more themselves"},
         {"nl": "professionals minder zelf deden", "en": "professionals did less themselves"}),
)
"""The chain's steps in order. Professionals doing the work themselves is listed last: it can
stand beside a smaller difference (residents left it to them, the consumer role)."""

_TEXT = {
    "grew": {"nl": "Waarom: het verschil met zonder project ({excess}) ontstond doordat {reasons}.",
             "en": "Why: the difference from without the project ({excess}) came about because "
                   "{reasons}."},
    "fell": {"nl": "Waarom: er zijn minder zorgzame banden dan zonder project ({excess}), "
                   "doordat {reasons}.",
             "en": "Why: there are fewer caring ties than without the project ({excess}), "
                   "because {reasons}."},
    "small": {"nl": "Het verschil met zonder project is klein ({excess}): in het laatste jaar "
                    "hebben ongeveer even veel bewoners een zorgzame band.",
              "en": "The difference from without the project is small ({excess}): in the last "
                    "year about as many residents have a caring tie."},
    "unclear": {"nl": "Waarom: geen van de stappen van ontmoeten naar helpen verschilt "
                      "duidelijk van zonder project ({excess}); het verschil kan toeval zijn.",
                "en": "Why: none of the steps from meeting to helping clearly differs from "
                      "without the project ({excess}); the difference may be chance."},
    "without": {"nl": "zonder project", "en": "without the project"},
    "and": {"nl": "en", "en": "and"},
    "per_week": {"nl": "per week", "en": "a week"},
}


def _last_year_means(timeseries: pd.DataFrame) -> pd.Series:
    return timeseries.tail(WEEKS_PER_YEAR).mean(numeric_only=True)


def _shown(metric: str, value: float, lang: str) -> tuple[str, str]:
    """A step's value as the reader sees it, and its unit: ``("18%", "per week")``."""
    if metric == "attendance":
        return fmt(value, True, lang), _TEXT["per_week"][lang]
    if metric.endswith("_share_month"):
        return fmt(value, True, lang), ""
    if metric.startswith("care_hours"):
        return fmt(value, False, lang), unit_words(metric, lang)
    return fmt(value, False, lang), ""


def _reason(step: Step, run: float, baseline: float, up: bool, lang: str) -> str | None:
    """The step's clause with both values, when it moved clearly in direction ``up``."""
    if not (np.isfinite(run) and np.isfinite(baseline)):
        return None
    change = run - baseline
    if abs(change) < STEP_MARGIN * max(abs(baseline), 1e-9) or (change > 0) != up:
        return None
    clause = (step.more if up else step.less)[lang]
    shown, unit = _shown(step.metric, run, lang)
    without, _ = _shown(step.metric, baseline, lang)
    return f"{clause} ({' '.join(filter(None, (shown, unit)))}; {_TEXT['without'][lang]} {without})"


def _join(parts: list[str], lang: str) -> str:
    if len(parts) == 1:
        return parts[0]
    return f"{', '.join(parts[:-1])} {_TEXT['and'][lang]} {parts[-1]}"


def why_sentence(timeseries: pd.DataFrame, lang: str = "nl") -> str | None:
    """Say in one sentence why the run's share with a caring tie differs from its baseline.

    Args:
        timeseries: A run's weekly table with ``baseline_`` columns.
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The sentence, or ``None`` when the run has no baseline to compare with.

    Raises:
        ValueError: If ``lang`` is not ``"nl"`` or ``"en"``.
    """
    check_lang(lang)
    share = "share_with_caring_tie"
    if f"{BASELINE_PREFIX}{share}" not in timeseries.columns:
        return None
    means = _last_year_means(timeseries)
    excess_value = float(means[share] - means[f"{BASELINE_PREFIX}{share}"])
    excess = fmt(excess_value, True, lang, difference=True)
    if abs(excess_value) < CLEAR_EXCESS:
        return _TEXT["small"][lang].format(excess=excess)
    up = excess_value > 0
    reasons = []
    for step in STEPS:
        baseline_column = f"{BASELINE_PREFIX}{step.metric}"
        if step.metric not in means or baseline_column not in means:
            continue
        # Professionals who do more stand beside fewer caring ties, not more: the consumer role.
        direction = (not up) if step.metric == "care_hours_professional" else up
        reason = _reason(step, float(means[step.metric]), float(means[baseline_column]),
                         direction, lang)
        if reason:
            reasons.append(reason)
    if not reasons:
        return _TEXT["unclear"][lang].format(excess=excess)
    return _TEXT["grew" if up else "fell"][lang].format(excess=excess,
                                                         reasons=_join(reasons, lang))
