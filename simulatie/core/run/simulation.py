"""One simulation: the intervention arm, its matched baseline arm, and what is recorded.

:class:`Simulation` is what :func:`simulatie.run` and the dashboard step: a
:class:`~.model.CaringCommunity` with the run's levers, and beside it the same neighbourhood on the
same seed with nothing organised (:mod:`.baseline`). Both continue from
one spin-up, so they share their history up to week 0 and the random numbers of every kind of
decision that the intervention does not touch. After every week the recorder reads the metrics
the run asked for; the baseline arm records only what the emergence and decay measures and the
figures need.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..observe.measures import BASELINE_PREFIX, run_measures
from ..observe.metrics import METRICS
from ..observe.record import record
from ..parameters import Parameters, Role, parameter_specs
from .baseline import baseline_arm
from .model import CaringCommunity

__all__ = ["Simulation"]


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
        self.seed = seed
        self.metrics = tuple(METRICS) if metrics is None else tuple(metrics)
        unknown = [m for m in self.metrics if m not in METRICS]
        if unknown:
            raise ValueError(f"unknown metrics: {', '.join(unknown)}")
        self.model = CaringCommunity(params=params, rng=seed)
        self._baseline = baseline_arm(params, seed) if baseline else None
        self.records: list[dict[str, float]] = []
        self._record()

    @property
    def params(self) -> Parameters:
        """The parameters in force (the model's state keeps them)."""
        return self.model.params

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
