"""The handout's figure: its 95% bands stay at or above zero for a metric that cannot be negative.

The results are made by hand (no runs): one curve per replication, wide apart, so that the 95%
interval of the mean around weeks near zero reaches below zero.
"""

from __future__ import annotations

import numpy as np
import pytest

from simulatie.experiment.report import interval
from simulatie.workshop.handout import plot_myth
from simulatie.workshop.myths import ArmResult, Comparison, MythResult, Verdict, load_myth

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
