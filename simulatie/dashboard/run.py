"""One run on the dashboard: a model with its matched baseline, drawn and saved from the page.

A :class:`Run` is what a browser session steps and looks at: the simulation (the model, its
baseline arm and the weekly records), the scenario and seed it was built from, and a map and a
time-series painter per language, so each week only the changing parts of the pictures are drawn
again. A lock keeps a step and a redraw from overlapping when *Play* runs in a background
thread. :func:`export_run` writes the run so far like ``simulatie run`` does, and
:func:`step_and_draw_seconds` measures what one click on *Next week* costs on the server, and
:func:`warm_up` builds the first page's run before anyone asks for it. This module does not import
Solara.
"""

from __future__ import annotations

import statistics
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from simulatie.core.run.model import CaringCommunity
from simulatie.core.run.simulation import Simulation
from simulatie.experiment.results import write_run
from simulatie.experiment.scenarios import DEFAULT, Scenario

from . import controls as ctl
from .portrayal import MapPainter, SeriesPainter
from .translations import DEFAULT_LANG

__all__ = ["RUNS_DIR", "Run", "export_run", "step_and_draw_seconds", "warm_up"]

RUNS_DIR = Path("results") / "runs"
"""Where *Save results* writes a run's folder (relative to the dashboard's working folder)."""


@dataclass
class Run:
    """One simulation (the model and its matched baseline), what it was built from, its painters.

    Attributes:
        scenario: The validated scenario (with the dashboard's changes as overrides).
        seed: The model's seed.
        simulation: The model, its baseline arm and the weekly records.
    """

    scenario: Scenario
    seed: int
    simulation: Simulation
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _maps: dict[str, MapPainter] = field(default_factory=dict, repr=False)
    _series: dict[str, SeriesPainter] = field(default_factory=dict, repr=False)

    @classmethod
    def start(cls, scenario: Scenario, seed: int) -> Run:
        """Build a fresh simulation for ``scenario`` at week 0 (after its spin-up)."""
        return cls(scenario, seed, Simulation(scenario.parameters, seed))

    @property
    def model(self) -> CaringCommunity:
        """The model with the scenario's interventions."""
        return self.simulation.model

    @property
    def records(self) -> list[dict[str, float]]:
        """The weekly records so far, baseline columns included."""
        return self.simulation.records

    @property
    def week(self) -> int:
        """The model's current week."""
        return self.model.week

    def step(self, weeks: int = 1) -> None:
        """Advance the model by ``weeks`` weeks."""
        with self.lock:
            self.simulation.step(weeks)

    def map_frame(self, lang: str, title: str | None = None) -> bytes:
        """The neighbourhood map of the current week, as a JPEG frame."""
        with self.lock:
            painter = self._maps.get(lang)
            if painter is None:
                painter = self._maps[lang] = MapPainter(self.model.layout, lang)
            painter.update(self.model, title)
            return painter.jpeg()

    def series_frame(self, lang: str, limits: Mapping[str, float] | None = None) -> bytes:
        """The time series up to the current week, as a JPEG frame."""
        with self.lock:
            painter = self._series.get(lang)
            if painter is None:
                painter = self._series[lang] = SeriesPainter(lang)
            painter.update(self.simulation.records, limits)
            return painter.jpeg()


def export_run(run: Run, out_dir: Path | None = None, lang: str = DEFAULT_LANG) -> Path:
    """Write the run so far like ``simulatie run`` does: Parquet, metadata.json and figure.

    The run is recomputed through :func:`simulatie.experiment.run.run` (the one seam) with the same
    parameters, seed and number of weeks; the model is deterministic, so this gives the weeks the
    dashboard showed, which is checked before anything is written.

    Args:
        run: The dashboard's run; it must be at week 1 or later.
        out_dir: The run folder (default ``results/runs/<scenario>-seed<N>-<local time>``).
        lang: Language of the figure.

    Returns:
        The folder written.

    Raises:
        ValueError: If the run is still at week 0.
        OutputError: If the folder cannot be written.
        RuntimeError: If the recomputed run differs from the one shown.
    """
    from simulatie.experiment.run import run as run_simulation

    with run.lock:
        weeks = run.model.week
        shown = run.simulation.timeseries()
    if weeks < 1:
        raise ValueError("the run is at week 0; step it at least one week first")
    result = run_simulation(run.scenario.parameters, seed=run.seed, steps=weeks)
    try:
        pd.testing.assert_frame_equal(result.timeseries, shown, check_dtype=False)
    except AssertionError as error:
        raise RuntimeError(f"the recomputed run differs from the one shown: {error}") from None
    if out_dir is None:
        stamp = datetime.now(UTC).astimezone().strftime("%Y%m%dT%H%M%S")
        safe = "".join(c if c.isalnum() or c in "-_." else "-" for c in run.scenario.name)
        out_dir = RUNS_DIR / f"{safe}-seed{run.seed}-week{weeks}-{stamp}"
    provenance = run.scenario.metadata()
    provenance.pop("parameters", None)  # the run records the parameters it actually used
    provenance["source"] = "dashboard"
    return write_run(result, out_dir, lang=lang, extra_metadata=provenance)


def step_and_draw_seconds(
    scenario: str = DEFAULT, seed: int = 0, warmup_weeks: int = 52, repeats: int = 20
) -> float:
    """Median seconds for one week plus redrawing the map and the time series as frames.

    This is what a click on *Next week* costs on the server, without the browser. The painters
    are warmed up first (the first frame also draws legends and axes).

    Args:
        scenario: Scenario name.
        seed: Seed.
        warmup_weeks: Weeks stepped before timing.
        repeats: Timed steps.

    Returns:
        The median over ``repeats`` steps, in seconds.
    """
    run = Run.start(ctl.resolve(scenario, ctl.scenario_values(scenario)), seed)
    run.step(warmup_weeks)
    run.map_frame(DEFAULT_LANG)
    run.series_frame(DEFAULT_LANG)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run.step()
        run.map_frame(DEFAULT_LANG)
        run.series_frame(DEFAULT_LANG)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def warm_up(scenario: str = DEFAULT, seed: int = 0, lang: str = DEFAULT_LANG) -> Run:
    """Build and draw the run a new page starts with, so the first visitor need not wait.

    The neighbourhood's spin-up is kept for every later run with the same history and seed
    (:func:`simulatie.core.lifecycle.spin_up.spun_up`), the compiled kernels are compiled or
    loaded, and matplotlib has its fonts: the first page then appears about as fast as the next.

    Returns:
        The run, at week 0 with both pictures drawn.
    """
    run = Run.start(ctl.resolve(scenario, ctl.scenario_values(scenario)), seed)
    run.map_frame(lang)
    run.series_frame(lang)
    return run
