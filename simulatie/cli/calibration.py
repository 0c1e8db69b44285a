"""The ``simulatie calibrate`` command: run (or resume) ABC-SMC and write the ensemble.

It loads a scenario, calibrates its context assumptions against the Dutch figures
(:func:`simulatie.experiment.calibration.abc.calibrate`), writes ``ensemble.csv`` and
``ensemble.json`` (the accepted parameter sets and their provenance) into the output folder and
prints how well the ensemble fits each target. ``--ship`` also writes them into the package
(``simulatie/data/``), where :func:`simulatie.experiment.calibration.load_ensemble` finds them.
Progress is one line per generation, from pyabc's log. Ctrl+C stops; the same command resumes from
the last finished generation.
"""

from __future__ import annotations

import logging
import shlex
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import numpy as np
import typer

from simulatie.cli.common import EXIT_INTERRUPTED, PACKAGE_DATA, check_workers, fail, progress_bar
from simulatie.experiment.calibration.targets import TARGETS
from simulatie.experiment.stopping import Interrupted, stop_on_signals

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CALIBRATION_DIR", "calibrate_command", "register"]

CALIBRATION_DIR = Path("results") / "calibration"


def calibrate_command(
    scenario: Annotated[
        str, typer.Option(help="Scenario whose context assumptions are calibrated.")
    ] = "default",
    particles: Annotated[int, typer.Option(help="Parameter sets per generation.")] = 100,
    generations: Annotated[int, typer.Option(help="Most generations (ABC-SMC populations).")] = 8,
    years: Annotated[int, typer.Option(help="Years simulated per parameter set (≥ 3).")] = 5,
    seed: Annotated[int, typer.Option(help="Master seed.")] = 0,
    max_simulations: Annotated[
        int | None,
        typer.Option(help="Start no new generation once this many simulations are done in all "
                     "(checked between generations).", show_default=False, min=1),
    ] = None,
    check: Annotated[
        int, typer.Option(help="Accepted parameter sets simulated again on fresh seeds, to "
                          "check the fit (0: no check).", min=0)
    ] = 20,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-w", help="Local worker processes (default: one per core).",
                     show_default=False),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(help="Address (tcp://host:port) or scheduler file of a running Dask "
                     "cluster.", show_default=False),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Output folder (default: results/calibration/SCENARIO); "
                     "an unfinished calibration there is resumed.", show_default=False),
    ] = None,
    ship: Annotated[
        bool, typer.Option(help="Also write the ensemble into the package (simulatie/data/).")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress lines.")] = False,
) -> None:
    """Calibrate against the Dutch figures (ABC-SMC) and write the ensemble of accepted sets."""
    check_workers(workers, scheduler)
    try:
        import pyabc  # noqa: F401 - checked here, before anything is written
    except ImportError:
        fail("calibration needs pyabc: pip install 'simulatie[calibration]'")
    from simulatie.experiment.calibration.abc import (
        CalibrationSettings,
        calibrate,
        predictive_check,
    )
    from simulatie.experiment.calibration.ensemble import Ensemble, fit_table, save_ensemble
    from simulatie.experiment.experiments import safe_name
    from simulatie.experiment.provenance import provenance
    from simulatie.experiment.scenarios import ScenarioError, load_scenario

    try:
        loaded = load_scenario(scenario)
        settings = CalibrationSettings(
            base=loaded.parameters, particles=particles, generations=generations, years=years,
            seed=seed, max_simulations=max_simulations, extra={"scenario": scenario},
        )
    except (ScenarioError, ValueError) as error:
        fail(error)
    out_dir = out if out is not None else CALIBRATION_DIR / safe_name(loaded.name)
    _show_generations(quiet)
    if not quiet:
        typer.echo(f"calibrating {len(settings.names)} context assumptions of '{scenario}': "
                   f"{particles} parameter sets per generation, at most {generations} "
                   f"generations, {years} years each → {out_dir}", err=True)
    started = datetime.now(UTC)
    try:
        with stop_on_signals():
            table = calibrate(settings, out_dir, workers=workers, scheduler=scheduler)
            ensemble = Ensemble(table=table, provenance={"settings": settings.record()})
            fresh = None
            if check:
                bar = progress_bar("fresh seeds", quiet)
                bar.add_task("check", total=check)
                with bar:
                    fresh = predictive_check(settings, ensemble.draw(check, seed), workers,
                                             progress=lambda: bar.advance(bar.task_ids[0]))
    except (Interrupted, KeyboardInterrupt) as stop:
        typer.echo("interrupted: run the same command to resume from the last finished "
                   "generation", err=True)
        raise typer.Exit(getattr(stop, "exit_code", EXIT_INTERRUPTED)) from None
    except (ValueError, OSError) as error:
        fail(error)
    record = {
        "built": started.isoformat(timespec="seconds"),
        "command": "simulatie calibrate " + shlex.join(sys.argv[2:]),
        "settings": settings.record(),
        "sampler": f"dask ({scheduler})" if scheduler else f"local, {workers or 'all'} workers",
        "generation": table.attrs["generation"],
        "epsilon": table.attrs["epsilon"],
        "simulations": table.attrs["simulations"],
        "effective_size": table.attrs["effective_size"],
        "targets": _targets(),
        "predictive": None if fresh is None else {
            "members": len(fresh), "seed": seed + 1,
            "fit": fit_table(fresh).drop(columns="source").to_dict(orient="records"),
            "inside_every_band": float(np.mean([
                all(t.low <= row[t.key] <= t.high for t in TARGETS)
                for _, row in fresh.iterrows()
            ])),
        },
        **provenance(),
    }
    try:
        written = save_ensemble(table, record, out_dir)
        if ship:
            written += save_ensemble(table, record, PACKAGE_DATA)
    except OSError as error:
        fail(f"cannot write the ensemble: {error}")
    _print_fit(ensemble.fit(), "Fit of the accepted runs (inside by selection)")
    if fresh is not None:
        _print_fit(fit_table(fresh), f"Fit on fresh seeds ({len(fresh)} sets drawn by weight)")
    typer.echo(f"{len(table)} parameter sets after {record['generation'] + 1} generations and "
               f"{record['simulations']} simulations (tolerance {record['epsilon']:.3g}, "
               f"effective size {record['effective_size']:.0f}); wrote "
               + ", ".join(str(p) for p in written))
    if record["epsilon"] > 0:
        typer.echo(f"warning: the last generation was accepted at tolerance "
                   f"{record['epsilon']:.3g} > 0, so not every set lies inside every band; "
                   f"allow more --generations to go on", err=True)


def _targets() -> list[dict[str, object]]:
    """The targets as JSON-ready provenance."""
    return [{"key": t.key, "low": t.low, "high": t.high, "source": t.source} for t in TARGETS]


class _GenerationLines(logging.Filter):
    """Keep pyabc's lines that say where a generation stands; drop its set-up and timings."""

    KEEP = ("t:", "Accepted:", "Stop:")

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage().startswith(self.KEEP)


def _show_generations(quiet: bool) -> None:
    """Let pyabc's one line per generation (tolerance, acceptance) through to stderr."""
    import pyabc  # noqa: F401 - sets up its loggers, which are replaced here

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("  %(message)s"))
    handler.addFilter(_GenerationLines())
    for name in list(logging.root.manager.loggerDict):
        if name == "ABC" or name.startswith("ABC."):
            logger = logging.getLogger(name)
            logger.handlers = []
            logger.propagate = True
    top = logging.getLogger("ABC")
    top.setLevel(logging.WARNING if quiet else logging.INFO)
    top.handlers = [handler]
    top.propagate = False


def _print_fit(fit: pd.DataFrame, title: str) -> None:
    """A table of each target's band against the ensemble's range."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for column in ("target", "band", "median [5%–95%]", "inside"):
        table.add_column(column)
    for row in fit.itertuples():
        table.add_row(row.target, f"{row.low:.3g}–{row.high:.3g}",
                      f"{row.median:.3g} [{row.p05:.3g}–{row.p95:.3g}]", f"{row.inside:.0%}")
    Console().print(table)


def register(app: typer.Typer) -> None:
    """Add ``calibrate`` to a Typer application (the ``simulatie`` command)."""
    app.command("calibrate")(calibrate_command)
