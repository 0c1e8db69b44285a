"""One simulation: the intervention arm, its matched baseline arm, and what is recorded.

:class:`Simulation` is what :func:`simulatie.run` and the dashboard step: a
:class:`~.model.CaringCommunity` with the run's levers, and beside it the same neighbourhood on the
same seed with nothing organised (:func:`~.parameters.baseline_parameters`). Both continue from
one spin-up, so they share their history up to week 0 and the random numbers of every kind of
decision that the intervention does not touch. After every week the recorder reads the metrics
the run asked for; the baseline arm records only what the emergence and decay measures and the
figures need.

The baseline arm of a neighbourhood and seed is computed once per process and shared by every
simulation that needs it (all arms of a myth, all levers of a sweep point), extended as far as
the longest of them has run.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence

import pandas as pd

from . import cache
from .measures import BASELINE_PREFIX, run_measures
from .metrics import METRICS, Observation
from .model import CaringCommunity
from .parameters import Parameters, Role, baseline_parameters, parameter_specs
from .state import Neighbourhood, prepared_neighbourhood
from .week import advance_week

__all__ = ["BASELINE_METRICS", "Simulation", "record"]

BASELINE_METRICS = ("caring_ties", "share_with_caring_tie", "lonely_share", "care_hours_network")
"""What the baseline arm records: the emergence measures' input and the figures' reference."""

MAX_CACHED_BASELINES = 16


def record(nb: Neighbourhood, metrics: Sequence[str]) -> dict[str, float]:
    """Read ``metrics`` off the neighbourhood's state after a week.

    Args:
        nb: The neighbourhood.
        metrics: Names from :data:`~.metrics.METRICS`.

    Returns:
        ``week`` and one value per metric.
    """
    observation = Observation(nb)
    row: dict[str, float] = {"week": nb.week}
    for name in metrics:
        row[name] = METRICS[name].compute(observation)
    return row


class _BaselineArm:
    """The baseline arm of one neighbourhood and seed, extended on demand (thread-safe).

    It is kept on disk too (:mod:`.cache`): :meth:`persist` stores it when it has grown.
    """

    def __init__(self, base: Parameters, seed: int) -> None:
        self.key = f"{base.model_dump_json()}|{seed}"
        cached = cache.load("baseline", self.key)
        if cached is not None:
            self.neighbourhood, self.rows = cached
        else:
            self.neighbourhood = prepared_neighbourhood(base, seed)
            self.rows = [record(self.neighbourhood, BASELINE_METRICS)]
        self.stored = len(self.rows) if cached is not None else 0
        self.lock = threading.Lock()

    def persist(self) -> None:
        """Store the arm on disk if it has grown since it was loaded or stored."""
        with self.lock:
            if len(self.rows) > self.stored:
                cache.save("baseline", self.key, (self.neighbourhood, self.rows))
                self.stored = len(self.rows)

    def row(self, week: int) -> dict[str, float]:
        with self.lock:
            while len(self.rows) <= week:
                advance_week(self.neighbourhood)
                self.rows.append(record(self.neighbourhood, BASELINE_METRICS))
            return self.rows[week]


_baselines: OrderedDict[tuple[str, int], _BaselineArm] = OrderedDict()
_baselines_lock = threading.Lock()


def _baseline_arm(params: Parameters, seed: int) -> _BaselineArm:
    base = baseline_parameters(params)
    key = (base.model_dump_json(), seed)
    with _baselines_lock:
        arm = _baselines.get(key)
        if arm is None:
            arm = _baselines[key] = _BaselineArm(base, seed)
            while len(_baselines) > MAX_CACHED_BASELINES:
                _baselines.popitem(last=False)
        else:
            _baselines.move_to_end(key)
        return arm


class Simulation:
    """A run in progress: the intervention arm, its baseline, and the weekly records.

    Args:
        params: The run's parameters.
        seed: The run's seed.
        metrics: Metrics to record every week (default: all of them).
        baseline: Whether to run the matched baseline arm (needed for emergence and decay).
    """

    def __init__(
        self,
        params: Parameters,
        seed: int,
        metrics: Iterable[str] | None = None,
        baseline: bool = True,
    ) -> None:
        self.params = params
        self.seed = seed
        self.metrics = tuple(METRICS) if metrics is None else tuple(metrics)
        unknown = [m for m in self.metrics if m not in METRICS]
        if unknown:
            raise ValueError(f"unknown metrics: {', '.join(unknown)}")
        self.model = CaringCommunity(params=params, rng=seed)
        self._baseline = _baseline_arm(params, seed) if baseline else None
        self.records: list[dict[str, float]] = []
        self._record()

    @property
    def week(self) -> int:
        """The current week."""
        return self.model.week

    @property
    def has_baseline(self) -> bool:
        """Whether the matched baseline arm runs alongside."""
        return self._baseline is not None

    def _record(self) -> None:
        row = record(self.model.state, self.metrics)
        if self._baseline is not None:
            base = self._baseline.row(self.model.week)
            row.update({f"{BASELINE_PREFIX}{k}": v for k, v in base.items() if k != "week"})
        self.records.append(row)

    def step(self, weeks: int = 1) -> None:
        """Advance both arms by ``weeks`` weeks and record each week."""
        for _ in range(weeks):
            self.model.step()
            self._record()

    def change_levers(self, params: Parameters) -> None:
        """From the next week on, run the intervention arm with other lever values.

        This is how a decision taken during a run (a workshop round's choices) reaches the model:
        the levers are read every week by the mechanisms, so the decision acts through them from
        then on; nothing that already happened is edited. Only levers may change: the context,
        the structure and the conventions of the neighbourhood stay what they were. The baseline
        arm is not touched (it is the same neighbourhood with nothing organised).

        Args:
            params: The new parameters; they may differ from the current ones in levers only.

        Raises:
            ValueError: If a parameter that is not a lever would change.
        """
        specs = parameter_specs()
        fixed = [name for name, spec in specs.items() if spec.role is not Role.LEVER
                 and getattr(params, name) != getattr(self.params, name)]
        if fixed:
            raise ValueError(f"only levers can change during a run, not {', '.join(fixed)}")
        self.params = params
        self.model.params = params
        self.model.state.params = params

    def timeseries(self) -> pd.DataFrame:
        """One row per week recorded so far: ``week``, the metrics, and ``baseline_`` columns."""
        return pd.DataFrame.from_records(self.records)

    def summary(self) -> dict[str, float]:
        """The run's measures so far (:func:`~.measures.run_measures`)."""
        return run_measures(self.timeseries(), self.params.emergence_margin,
                            self.model.state.support.ended_week)

    def persist(self) -> None:
        """Keep the baseline arm on disk for later runs of this neighbourhood and seed."""
        if self._baseline is not None:
            self._baseline.persist()

    @property
    def spin_up(self) -> dict[str, float]:
        """What the spin-up before week 0 produced."""
        return dict(self.model.state.spin_up)
