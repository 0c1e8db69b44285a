"""What every metric reads, and how metrics are declared: the observed week and its registry.

A recorder (:mod:`simulatie.core.run.simulation`) builds one :class:`Observation` of the
neighbourhood after a week; every metric is a small function of it, declared with its Dutch and
English labels and its unit in a :class:`MetricGroup` of its topic. This module exists so that the
topic modules (``metrics_*``) can declare metrics without importing each other; :mod:`.metrics`
joins their groups into the one registry, in a fixed order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from numba import njit

from ..calendar import WEEKS_PER_YEAR
from ..rules.capacity import capacity
from ..rules.care import indicated
from ..state.care_week import CareWeek, Source
from ..state.neighbourhood import Neighbourhood
from ..state.programme import Activity
from .tallies import ResidentTally, TieTally, tally_residents, tally_ties

__all__ = ["Metric", "MetricGroup", "Observation"]

YEAR_WEEKS = WEEKS_PER_YEAR  # the surveys ask about "the past twelve months"
MONTH_WEEKS = 4  # ... and about "the past month"
OLD_AGE = 75  # the health monitor's and CBS's oldest reported group
OLDEST_AGE = 80  # the oldest group in CBS's figures on an ageing population (vergrijzing)


@dataclass
class Observation:
    """One week of a neighbourhood, as the metrics read it; shared parts are computed once.

    Many metrics read the same masks and counts (residents aged 75+, the lonely, who did
    something in the past year, the running activities, what residents can give); each is
    computed at its first use in a week and kept for the others. The counts of residents and of
    ties come from one compiled pass each (:attr:`residents`, :attr:`ties`); the totals of hours
    are numpy's sums, so that every value is the same as summing each array on its own. A share
    is a count divided by a count (:meth:`share`, :meth:`ratio`), exactly the mean of the flags.

    Attributes:
        nb: The neighbourhood after the week (read only).
    """

    nb: Neighbourhood

    @property
    def care(self) -> CareWeek:
        """The week's care accounting."""
        return self.nb.care

    @cached_property
    def residents(self) -> ResidentTally:
        """Counts of residents: aged 75+, lonely, active in the past year or month, and more."""
        return tally_residents(self.nb, OLD_AGE, OLDEST_AGE, self.nb.week - YEAR_WEEKS,
                               MONTH_WEEKS)

    @cached_property
    def ties(self) -> TieTally:
        """Counts of ties: per stage, and the friendly-or-caring ones across groups."""
        return tally_ties(self.nb)

    @property
    def stage_counts(self) -> tuple[int, ...]:
        """Ties per stage, indexed by :class:`~simulatie.core.state.ties.TieStage`."""
        return self.ties.stages

    @cached_property
    def strength(self) -> np.ndarray:
        """Tie strength per edge."""
        return self.nb.ties.strength()

    @cached_property
    def strength_total(self) -> float:
        """Sum of the tie strengths (numpy's sum)."""
        return float(self.strength.sum())

    @cached_property
    def totals(self) -> tuple[float, ...]:
        """Sums over residents: hours received per source, needed and unmet, and ownership.

        The arrays are laid out one row after another and summed along the rows, which adds
        each row in the same order as numpy's sum of that array alone.
        """
        care = self.care
        rows = _rows(care.received, care.need, care.unmet, self.nb.population.ownership)
        return tuple(rows.sum(axis=1).tolist())

    @property
    def source_hours(self) -> tuple[float, ...]:
        """Hours received this week per :class:`~.care_week.Source`."""
        return self.totals[:_SOURCES]

    @property
    def need_total(self) -> float:
        """Hours of care needed this week."""
        return self.totals[_SOURCES]

    @property
    def unmet_total(self) -> float:
        """Hours of need left unmet this week."""
        return self.totals[_SOURCES + 1]

    @property
    def ownership_total(self) -> float:
        """Residents' sense of ownership, added up."""
        return self.totals[_SOURCES + 2]

    @cached_property
    def capacity(self) -> np.ndarray:
        """Hours each resident could give this week (*draagkracht*, :func:`~.capacity`)."""
        return capacity(self.nb.population, self.nb.params)

    @cached_property
    def own_health_need(self) -> np.ndarray:
        """Whether each resident's own need stems from health (the partner's is not counted).

        Frail, or of the LVB or psychiatric group: :func:`~simulatie.core.rules.care.indicated`.
        """
        pop = self.nb.population
        own, _, _ = indicated(pop.frailty, pop.group, pop.partner, pop.partner_frailty,
                              self.nb.params.formal_care_frailty)
        return own

    @cached_property
    def capacity_total(self) -> float:
        """Hours all residents together could give this week (numpy's sum)."""
        return float(self.capacity.sum())

    @cached_property
    def running(self) -> list[Activity]:
        """The running activities."""
        return self.nb.programme.running()

    @cached_property
    def resident_run(self) -> list[Activity]:
        """The running activities that residents organise without professionals doing it."""
        return [a for a in self.running if a.organised and not a.professional_run]

    def share(self, flags: np.ndarray, among: np.ndarray | None = None) -> float:
        """Share of ``flags`` among all residents, or among those selected by ``among``.

        NaN when ``among`` selects nobody.
        """
        if among is None:
            return np.count_nonzero(flags) / len(flags)
        total = np.count_nonzero(among)
        return np.count_nonzero(flags & among) / total if total else float("nan")

    @staticmethod
    def ratio(count: int, total: int) -> float:
        """``count`` out of ``total`` (two counts); NaN when ``total`` is 0."""
        return count / total if total else float("nan")


_SOURCES = len(Source)


@njit(cache=True)
def _rows(received, need, unmet, ownership):
    """Each source's column of ``received``, then ``need``, ``unmet`` and ``ownership``, as rows."""
    n, sources = received.shape
    rows = np.empty((sources + 3, n))
    for i in range(n):
        for j in range(sources):
            rows[j, i] = received[i, j]
        rows[sources, i] = need[i]
        rows[sources + 1, i] = unmet[i]
        rows[sources + 2, i] = ownership[i]
    return rows


@dataclass(frozen=True)
class Metric:
    """One measure: its name, labels and unit, and how to compute it."""

    name: str
    en: str
    nl: str
    unit: str
    compute: Callable[[Observation], float]

    def label(self, lang: str = "nl") -> str:
        """The label in Dutch (``"nl"``) or English (``"en"``)."""
        return self.nl if lang == "nl" else self.en


class MetricGroup:
    """The metrics of one topic, in the order they are declared.

    Attributes:
        metrics: The declared metrics by name.
    """

    def __init__(self) -> None:
        self.metrics: dict[str, Metric] = {}

    def metric(self, name: str, en: str, nl: str, unit: str) -> Callable:
        """Register a metric function under ``name`` with its labels."""

        def register(fn: Callable[[Observation], float]) -> Callable[[Observation], float]:
            self.metrics[name] = Metric(name, en, nl, unit, fn)
            return fn

        return register
