"""The ``simulatie patterns`` command: run the field patterns and judge them.

By default it runs the chosen patterns (all twelve comparisons when none are named) at full
scale with their counter-assumptions, under a progress bar, prints whether each shows and
whether its counter-assumption removes it (TOST), and writes ``patterns.csv`` (one row per
pattern) and ``runs.csv`` (every run's value) into the output folder. With ``--ensemble`` it
instead runs each pattern's comparison in plausible neighbourhoods of the calibration ensemble
and writes ``pattern_robustness.csv`` and ``.json``; ``--ship`` also writes those into the
package, where ``docs/patterns.md`` reads them. Ctrl+C stops (nothing partial is written).
"""

from __future__ import annotations

import shlex
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from simulatie.cli.common import EXIT_INTERRUPTED, PACKAGE_DATA, check_workers, fail, progress_bar
from simulatie.experiment.stopping import Interrupted, stop_on_signals

__all__ = ["PATTERNS_DIR", "patterns_command", "register"]

PATTERNS_DIR = Path("results") / "patterns"


def patterns_command(
    keys: Annotated[
        list[str] | None,
        typer.Argument(help="Patterns to run, e.g. 3 9b (default: all).", show_default=False),
    ] = None,
    replications: Annotated[
        int | None,
        typer.Option(help="Replications per arm (default: each pattern's).", show_default=False,
                     min=2),
    ] = None,
    ensemble: Annotated[
        bool, typer.Option("--ensemble", help="Run each comparison in plausible neighbourhoods "
                           "of the calibration ensemble instead.")
    ] = False,
    members: Annotated[int, typer.Option(help="With --ensemble: members drawn by weight.",
                                         min=1)] = 10,
    ship: Annotated[
        bool, typer.Option(help="With --ensemble: also write the table into the package.")
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-w", help="Processes (default: one per core).",
                     show_default=False),
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = PATTERNS_DIR,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Run the field patterns at full scale and judge them (or their robustness)."""
    import pandas as pd

    from simulatie.experiment.patterns import PATTERNS, PatternError, evaluate, outcome_row
    from simulatie.experiment.patterns.evaluate import runs_table

    chosen = list(dict.fromkeys(keys or PATTERNS))
    wrong = [k for k in chosen if k not in PATTERNS]
    if wrong:
        fail(f"there is no pattern {wrong[0]!r}; choose from {', '.join(PATTERNS)}")
    if ship and not ensemble:
        fail("--ship writes the robustness table: use it with --ensemble")
    check_workers(workers)
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
            if ensemble:
                table = _robustness(chosen, members, replications, workers, progress)
            else:
                outcomes = evaluate(chosen, replications, workers=workers, progress=progress)
    except (PatternError, ValueError) as error:
        fail(error)
    except (Interrupted, KeyboardInterrupt) as stop:
        typer.echo("interrupted: nothing was written; run the command again", err=True)
        raise typer.Exit(getattr(stop, "exit_code", EXIT_INTERRUPTED)) from None
    try:
        if ensemble:
            written = _save_robustness(table, started, members, replications, out, ship)
        else:
            out.mkdir(parents=True, exist_ok=True)
            written = [out / "patterns.csv", out / "runs.csv"]
            pd.DataFrame([outcome_row(o) for o in outcomes]).to_csv(written[0], index=False)
            pd.DataFrame(runs_table(outcomes)).to_csv(written[1], index=False)
    except OSError as error:
        fail(f"cannot write the results: {error}")
    if not ensemble:
        _print_outcomes(outcomes)
    typer.echo("wrote " + ", ".join(str(p) for p in written))


def _robustness(chosen, members, replications, workers, progress):
    from simulatie.experiment.calibration import EnsembleError, load_ensemble
    from simulatie.experiment.patterns.robustness import (
        pattern_robustness,
        pattern_robustness_summary,
    )

    try:
        plausible = load_ensemble()
    except EnsembleError as error:
        fail(error)
    table = pattern_robustness(chosen, plausible, members, replications, workers=workers,
                               progress=progress)
    table.attrs["ensemble"] = {"built": plausible.provenance.get("built"),
                               "members": len(plausible)}
    _print_robustness(pattern_robustness_summary(table))
    return table


def _save_robustness(table, started, members, replications, out, ship) -> list[Path]:
    from simulatie.experiment.patterns.robustness import save_pattern_robustness
    from simulatie.experiment.provenance import provenance

    record = {
        "built": started.isoformat(timespec="seconds"),
        "command": "simulatie patterns " + shlex.join(sys.argv[2:]),
        "settings": {"members": members, "replications": replications, "seed": 0},
        "ensemble": table.attrs.get("ensemble", {}),
        **provenance(),
    }
    written = list(save_pattern_robustness(table, record, out))
    if ship:
        written += save_pattern_robustness(table, record, PACKAGE_DATA)
    return written


def _print_outcomes(outcomes) -> None:
    """One line per pattern: means, difference, and both verdicts."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Field patterns at full scale", title_justify="left")
    for column in ("pattern", "a", "b", "b − a (95%)", "shows", "counter: b − a",
                   "margin", "TOST p", "counter removes it"):
        table.add_column(column)
    for o in outcomes:
        low, high = o.result.interval()
        table.add_row(o.key, f"{o.result.a.mean:.3g}", f"{o.result.b.mean:.3g}",
                      f"{o.result.diff:.3g} ({low:.3g} to {high:.3g})",
                      "yes" if o.shows else "no", f"{o.counter.diff:.3g}",
                      f"±{o.equivalence.margin:.3g}", f"{o.equivalence.p_value:.3f}",
                      "yes" if o.counter_removes else "no")
    Console().print(table)


def _print_robustness(summary) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Field patterns across plausible neighbourhoods", title_justify="left")
    for column in ("pattern", "members", "shows (direction and size)", "b clearly above a"):
        table.add_column(column)
    for row in summary.itertuples():
        table.add_row(row.pattern, str(row.members), f"{row.shows:.0%}", f"{row.direction:.0%}")
    Console().print(table)


def register(app: typer.Typer) -> None:
    """Add ``patterns`` to a Typer application (the ``simulatie`` command)."""
    app.command("patterns")(patterns_command)
