"""What every metric reads, and how metrics are declared: the observed week and its registry.

A recorder (:mod:`simulatie.core.run.simulation`) builds one :class:`Observation` of the
neighbourhood after a week; every metric is a small function of it, declared with its Dutch and
English labels and its unit in a :class:`MetricGroup` of its topic. This module exists so that the
topic modules (``metrics_*``) can declare metrics without importing each other; :mod:`.metrics`
joins their groups into the one registry, in a fixed order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from ..calendar import WEEKS_PER_YEAR
from ..rules.capacity import capacity
from ..state.care_week import CareWeek
from ..state.neighbourhood import Neighbourhood
from ..state.programme import Activity
from ..state.ties import TieStage

__all__ = ["Metric", "MetricGroup", "Observation"]

YEAR_WEEKS = WEEKS_PER_YEAR  # the surveys ask about "the past twelve months"
MONTH_WEEKS = 4  # ... and about "the past month"
OLD_AGE = 75  # the health monitor's and CBS's oldest reported group


@dataclass
class Observation:
    """One week of a neighbourhood, as the metrics read it; shared parts are computed once.

    Many metrics read the same masks and counts (residents aged 75+, the lonely, who did
    something in the past year, the running activities, what residents can give); each is
    computed at its first use in a week and kept for the others. A share is a count divided by
    a count (:meth:`share`), exactly the mean of the flags.

    Attributes:
        nb: The neighbourhood after the week (read only).
    """

    nb: Neighbourhood
    _cache: dict = field(default_factory=dict)

    @property
    def care(self) -> CareWeek:
        """The week's care accounting."""
        return self.nb.care

    @property
    def stage(self) -> np.ndarray:
        """Tie stage per edge."""
        return self.nb.ties.stage

    @cached_property
    def stage_counts(self) -> np.ndarray:
        """Ties per stage, indexed by :class:`~simulatie.core.state.ties.TieStage`."""
        return np.bincount(self.stage, minlength=len(TieStage))

    @cached_property
    def strength(self) -> np.ndarray:
        """Tie strength per edge."""
        return self.nb.ties.strength()

    @property
    def caring_per_resident(self) -> np.ndarray:
        """Caring ties per resident."""
        return self.nb.views.caring_counts

    @property
    def close_per_resident(self) -> np.ndarray:
        """Friendly or caring ties per resident."""
        return self.nb.views.friendly_counts

    @cached_property
    def older(self) -> np.ndarray:
        """Residents aged 75 and over."""
        return self.nb.population.age >= OLD_AGE

    @cached_property
    def lonely(self) -> np.ndarray:
        """Residents with fewer close ties than ``lonely_below_ties``."""
        return self.close_per_resident < self.nb.params.lonely_below_ties

    @cached_property
    def weeks_helped_month(self) -> np.ndarray:
        """In how many of the past four weeks each resident helped over their own ties."""
        return self.nb.population.weeks_helped(MONTH_WEEKS)

    @cached_property
    def capacity(self) -> np.ndarray:
        """Hours each resident could give this week (*draagkracht*, :func:`~.capacity`)."""
        return capacity(self.nb.population)

    @cached_property
    def running(self) -> list[Activity]:
        """The running activities."""
        return self.nb.programme.running()

    def in_last_year(self, last_week: np.ndarray) -> np.ndarray:
        """Whether something last happened within the past 52 weeks."""
        return last_week > self.nb.week - YEAR_WEEKS

    def recent(self, name: str) -> np.ndarray:
        """Whether the population's ``name`` (a ``last_..._week`` array) is in the past year."""
        key = ("recent", name)
        if key not in self._cache:
            self._cache[key] = self.in_last_year(getattr(self.nb.population, name))
        return self._cache[key]

    def share(self, flags: np.ndarray, among: np.ndarray | None = None) -> float:
        """Share of ``flags`` among all residents, or among those selected by ``among``.

        NaN when ``among`` selects nobody.
        """
        if among is None:
            return np.count_nonzero(flags) / len(flags)
        total = np.count_nonzero(among)
        return np.count_nonzero(flags & among) / total if total else float("nan")


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
