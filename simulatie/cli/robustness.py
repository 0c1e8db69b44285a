"""The ``simulatie robustness`` command: each myth's verdict across the calibrated ensemble.

It asks each chosen myth's question in every chosen member of the ensemble
(:func:`simulatie.workshop.robustness.myth_robustness`) under a progress bar, writes
``myth_robustness.csv`` and ``.json`` into the output folder, and prints per myth the share of
plausible neighbourhoods in which the model supports it, contradicts it or sees no clear
difference. ``--ship`` also writes the files into the package (``simulatie/data/``), where
handouts and the dashboard read them; rows of myths not asked again are kept there. Ctrl+C
stops (nothing partial is written).
"""

from __future__ import annotations

import shlex
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from simulatie.cli.common import EXIT_INTERRUPTED, PACKAGE_DATA, check_workers, fail, progress_bar
from simulatie.experiment.stopping import Interrupted, stop_on_signals

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ROBUSTNESS_DIR", "register", "robustness_command"]

ROBUSTNESS_DIR = Path("results") / "robustness"


def robustness_command(
    myths: Annotated[
        list[int] | None, typer.Argument(help="Myths to ask (default: all seven).",
                                         show_default=False)
    ] = None,
    members: Annotated[int, typer.Option(
        help="Plausible neighbourhoods (ensemble members, drawn by weight).")] = 20,
    replications: Annotated[
        int | None,
        typer.Option(help="Replications per arm in each member (default: the myth file's).",
                     show_default=False, min=2),
    ] = None,
    residents: Annotated[
        int | None, typer.Option(help="Residents (default: the myth file's).", show_default=False,
                                 min=1)
    ] = None,
    weeks: Annotated[
        int | None, typer.Option(help="Weeks per run (default: the myth file's).",
                                 show_default=False, min=1)
    ] = None,
    ensemble: Annotated[
        Path | None,
        typer.Option(help="An ensemble built by 'simulatie calibrate' (default: the shipped one).",
                     show_default=False),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-w", help="Processes (default: one per core).",
                     show_default=False),
    ] = None,
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Output folder.")
    ] = ROBUSTNESS_DIR,
    ship: Annotated[
        bool, typer.Option(help="Also write the table into the package (simulatie/data/).")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Ask each myth in every plausible neighbourhood of the calibrated ensemble."""
    from simulatie.experiment.calibration import EnsembleError, load_ensemble
    from simulatie.experiment.provenance import provenance
    from simulatie.workshop.myths import MYTHS, MythError
    from simulatie.workshop.robustness import (
        RobustnessSettings,
        myth_robustness,
        robustness_summary,
        save_robustness,
    )

    numbers = sorted(set(myths or MYTHS))
    wrong = [n for n in numbers if n not in MYTHS]
    if wrong:
        fail(f"there is no myth {wrong[0]}; choose 1 to 7")
    check_workers(workers)
    try:
        settings = RobustnessSettings(members=members, replications=replications,
                                      residents=residents, weeks=weeks)
        plausible = load_ensemble(ensemble)
    except (ValueError, EnsembleError) as error:
        fail(error)
    if plausible.provenance.get("epsilon", 0) > 0:
        typer.echo("warning: the ensemble's calibration stopped above tolerance 0: some members "
                   "lie outside a band", err=True)

    bar = progress_bar("runs", quiet)
    task = bar.add_task("runs", total=None)

    def progress(step: int) -> None:
        if bar.tasks[0].total is None:
            bar.update(task, total=step)
        else:
            bar.advance(task, step)

    started = datetime.now(UTC)
    try:
        with stop_on_signals(), bar:
            table = myth_robustness(numbers, plausible, settings, workers=workers,
                                    progress=progress)
    except (MythError, ValueError) as error:  # ParameterError is a ValueError
        fail(error)
    except (Interrupted, KeyboardInterrupt) as stop:
        typer.echo("interrupted: nothing was written; run the command again", err=True)
        raise typer.Exit(getattr(stop, "exit_code", EXIT_INTERRUPTED)) from None
    record = {
        "built": started.isoformat(timespec="seconds"),
        "command": "simulatie robustness " + shlex.join(sys.argv[2:]),
        "settings": settings.__dict__,
        "ensemble": {"built": plausible.provenance.get("built"),
                     "command": plausible.provenance.get("command"),
                     "members": len(plausible)},
        **provenance(),
    }
    try:
        written = save_robustness(table, record, out)
        if ship:  # the other myths' rows stay in the package's table
            written += save_robustness(table, record, PACKAGE_DATA, merge=True)
    except OSError as error:
        fail(f"cannot write the table: {error}")
    _print(robustness_summary(table))
    typer.echo("wrote " + ", ".join(str(p) for p in written))


def _print(summary: pd.DataFrame) -> None:
    """The summary as a table on stdout."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Myth verdicts across plausible neighbourhoods", title_justify="left")
    for column in ("myth", "members", "supports", "contradicts", "no clear difference", "holds"):
        table.add_column(column)
    for row in summary.itertuples():
        table.add_row(str(row.myth), str(row.members), f"{row.supports:.0%}",
                      f"{row.contradicts:.0%}", f"{row.no_clear_difference:.0%}",
                      f"{row.holds:.0%}")
    Console().print(table)


def register(app: typer.Typer) -> None:
    """Add ``robustness`` to a Typer application (the ``simulatie`` command)."""
    app.command("robustness")(robustness_command)
