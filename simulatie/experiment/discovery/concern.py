"""The outcome of concern: which runs of a sweep count as "things went wrong".

A concern is one comparison, written as a user would say it::

    caring_ties < baseline                  caring ties at the end below the matched baseline
    care_hours_unmet > 0.2 * care_hours_needed     unmet need above a fifth of need
    lonely_share >= 0.3                     three in ten residents lonely or more

The left side is a per-run measure of the sweep (``simulatie report`` lists them; a metric's
final value may be named without its ``final_`` prefix). The right side is a number, the word
``baseline`` (the same measure in the run's matched baseline arm: same seed, nothing organised),
or a factor times another measure. A design point is *of concern* by its replications' mean
(``share=None``) or when at least ``share`` of its replications are.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["OPERATORS", "Concern", "ConcernError", "measure_label", "parse_concern"]

OPERATORS: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    "<=": operator.le, ">=": operator.ge, "<": operator.lt, ">": operator.gt,
}

_WORDS = {
    "<": {"en": "below", "nl": "onder"}, "<=": {"en": "at most", "nl": "hoogstens"},
    ">": {"en": "above", "nl": "boven"}, ">=": {"en": "at least", "nl": "minstens"},
}
_PATTERN = re.compile(r"^\s*([A-Za-z_][\w]*)\s*(<=|>=|<|>)\s*(.+?)\s*$")
_SCALED = re.compile(r"^([0-9.eE+-]+)\s*\*\s*([A-Za-z_][\w]*)$")


NEVER_IS_INFINITE = frozenset({"emergence_week"})
"""Measures whose missing value means "never": it counts as later than any week. Any other
missing value (e.g. no half-life because support never stopped) is never of concern."""


class ConcernError(ValueError):
    """A concern that cannot be read or applied, in one line."""


@dataclass(frozen=True)
class Concern:
    """One comparison that marks a run as of concern.

    Attributes:
        text: The concern as the user wrote it.
        measure: The run measure on the left (a column of the sweep's runs).
        op: ``<``, ``<=``, ``>`` or ``>=``.
        threshold: A fixed number on the right, or ``None``.
        other: The measure on the right (``None`` for a number).
        factor: Multiplies ``other``.
        share: A point is of concern when at least this share of its replications are; ``None``:
            when the replications' mean is.
    """

    text: str
    measure: str
    op: str
    threshold: float | None = None
    other: str | None = None
    factor: float = 1.0
    share: float | None = None

    def _sides(self, runs: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
        left = runs[self.measure].to_numpy(dtype=float)
        if self.measure in NEVER_IS_INFINITE:  # "never emerged" is later than any week
            left = np.where(np.isnan(left), np.inf, left)
        if self.other is None:
            right = np.full(len(runs), float(self.threshold))
        else:
            right = self.factor * runs[self.other].to_numpy(dtype=float)
        return left, right

    def runs_of_concern(self, runs: pd.DataFrame) -> np.ndarray:
        """Per run: whether it is of concern (a missing value never is)."""
        left, right = self._sides(runs)
        with np.errstate(invalid="ignore"):
            flags = OPERATORS[self.op](left, right)
        return flags & ~np.isnan(left) & ~np.isnan(right)

    def points_of_concern(self, runs: pd.DataFrame) -> pd.Series:
        """Per design point (``point`` column): whether it is of concern, by mean or by share."""
        if self.share is not None:
            flags = pd.Series(self.runs_of_concern(runs), index=runs.index)
            return flags.groupby(runs["point"]).mean() >= self.share
        columns = [self.measure] + ([self.other] if self.other else [])
        values = runs[columns].copy()
        if self.measure in NEVER_IS_INFINITE:
            values[self.measure] = values[self.measure].fillna(np.inf)
        means = values.groupby(runs["point"]).mean()
        return pd.Series(self.runs_of_concern(means), index=means.index)

    def rule(self, lang: str = "en") -> str:
        """How replications count, in words."""
        if self.share is None:
            return {"en": "by the mean of its replications",
                    "nl": "op het gemiddelde van de herhalingen"}[lang]
        pct = f"{self.share:.0%}"
        return {"en": f"when at least {pct} of its replications are",
                "nl": f"als minstens {pct} van de herhalingen dat is"}[lang]

    def words(self, lang: str = "en") -> str:
        """The concern in words, e.g. "caring ties at the end below the baseline"."""
        if self.other is None:
            right = f"{self.threshold:g}"
        elif self.other.startswith("final_baseline_"):
            right = {"en": "the baseline (same seed, nothing organised)",
                     "nl": "de basislijn (zelfde seed, niets georganiseerd)"}[lang]
        else:
            other = measure_label(self.other, lang)
            other = other[0].lower() + other[1:]
            right = f"{self.factor:g} × {other}" if self.factor != 1 else other
        if lang == "nl":
            right = right.replace(".", ",") if self.other is None else right
        return f"{measure_label(self.measure, lang)} {_WORDS[self.op][lang]} {right}"


def measure_label(measure: str, lang: str = "en") -> str:
    """A run measure in words: a metric's label "at the end", or the measure's own label."""
    from simulatie.core.observe.measures import MEASURE_LABELS
    from simulatie.core.observe.metrics import METRICS

    if measure in MEASURE_LABELS:
        return MEASURE_LABELS[measure][lang]
    name = measure.removeprefix("final_")
    if name in METRICS:
        end = {"en": "at the end", "nl": "aan het eind"}[lang]
        return f"{METRICS[name].label(lang)} {end}"
    return measure


def _column(name: str, columns: list[str], what: str) -> str:
    for candidate in (name, f"final_{name}"):
        if candidate in columns:
            return candidate
    measures = ", ".join(c for c in columns if c.startswith("final_") or "_" in c)
    raise ConcernError(f"{what} '{name}' is not a measure of this sweep; choose one of "
                       f"{measures}")


def parse_concern(text: str, columns: list[str], share: float | None = None) -> Concern:
    """Read a concern such as ``"caring_ties < baseline"`` against a sweep's measures.

    Args:
        text: The comparison.
        columns: The sweep's per-run measures.
        share: See :class:`Concern`.

    Raises:
        ConcernError: With the reason and what would be valid.
    """
    if share is not None and not 0 < share <= 1:
        raise ConcernError(f"--share must be above 0 and at most 1, got {share:g}")
    match = _PATTERN.match(text)
    if not match:
        raise ConcernError(f"cannot read the concern {text!r}; write e.g. 'caring_ties < "
                           "baseline', 'lonely_share > 0.3' or 'care_hours_unmet > 0.2 * "
                           "care_hours_needed'")
    name, op, right = match.groups()
    measure = _column(name, columns, "the measure")
    if right.lower() == "baseline":
        plain = measure.removeprefix("final_")
        other = f"final_baseline_{plain}"
        if other not in columns:
            raise ConcernError(f"'{measure}' has no matched baseline in this sweep (no "
                               f"'{other}'); compare with a number instead")
        return Concern(text, measure, op, other=other, share=share)
    scaled = _SCALED.match(right)
    if scaled:
        factor = float(scaled.group(1))
        return Concern(text, measure, op, other=_column(scaled.group(2), columns, "the measure"),
                       factor=factor, share=share)
    try:
        threshold = float(right)
    except ValueError:
        raise ConcernError(f"the right side {right!r} is not a number, 'baseline' or "
                           "'<factor> * <measure>'") from None
    if not math.isfinite(threshold):
        raise ConcernError(f"the threshold must be a finite number, got {right!r}")
    return Concern(text, measure, op, threshold=threshold, share=share)
