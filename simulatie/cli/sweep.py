"""The ``simulatie sweep`` and ``simulatie report`` commands: parse, load, call, print.

``sweep`` loads an experiment file (:func:`simulatie.experiment.experiments.load_experiment`), runs
it with
:func:`simulatie.experiment.sweep.run_sweep` under a progress bar and ends with one line of counts;
it exits with 1 when a run failed and 2 on a mistake in the input (one ``error: ...`` line on
stderr). ``report`` calls :func:`simulatie.experiment.report.write_report`. ``simulatie.cli.main``
registers both functions as commands (:func:`register`); ``python -m simulatie.cli.sweep`` runs them
on their own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from simulatie.cli.common import EXIT_INTERRUPTED, Lang, check_workers, fail, progress_bar
from simulatie.experiment.experiments import ExperimentError, load_experiment, safe_name
from simulatie.experiment.stopping import Interrupted, stop_on_signals

__all__ = ["SWEEPS_DIR", "register", "report_command", "sweep_command"]

SWEEPS_DIR = Path("results") / "sweeps"
EXIT_FAILED_RUNS = 1




def _duration(seconds: float) -> str:
    minutes, seconds = divmod(round(seconds), 60)
    return f"{minutes}m{seconds:02d}s" if minutes else f"{seconds}s"


def sweep_command(
    experiment: Annotated[
        str,
        typer.Argument(help="Experiment file (.toml), or a name in experiments/."),
    ],
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-w",
            help="Local worker processes (default: one per core); 1 runs serially in this process.",
            show_default=False,
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Address (tcp://host:port) or scheduler file of a running Dask cluster.",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Results folder (default: results/sweeps/NAME); an unfinished one is resumed.",
            show_default=False,
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Run every run of an experiment; finished runs in the results folder are skipped."""
    check_workers(workers, scheduler)
    try:
        loaded = load_experiment(experiment)
    except ExperimentError as error:
        fail(error)
    out_dir = out if out is not None else SWEEPS_DIR / safe_name(loaded.name)

    from rich.console import Console
    from rich.progress import TextColumn

    from simulatie.experiment.sweep import SweepError, run_sweep

    console = Console(stderr=True)
    points = len(loaded.points)
    if not quiet:
        console.print(
            f"{loaded.name}: {loaded.n_runs} runs ({points} design points × "
            f"{loaded.replications} replications, {loaded.weeks} weeks) → {out_dir}",
            highlight=False,
        )
    progress = progress_bar("runs", quiet, TextColumn("failed: {task.fields[failed]}"))
    task = progress.add_task("runs", total=None, failed=0)
    failures = 0
    counts = {"total": len(loaded.runs()), "done": 0}

    def on_start(total: int, skipped: int) -> None:
        counts.update(total=total, done=skipped)
        progress.reset(task, total=total, completed=skipped, failed=0)

    def on_outcome(outcome: object) -> None:
        nonlocal failures
        failures += not getattr(outcome, "ok", True)
        counts["done"] += bool(getattr(outcome, "ok", True))
        progress.update(task, advance=1, failed=failures)

    try:
        with stop_on_signals(), progress:
            report = run_sweep(
                loaded,
                out_dir,
                workers=workers,
                scheduler=scheduler,
                on_start=on_start,
                on_outcome=on_outcome,
            )
    except SweepError as error:
        fail(error)
    except (Interrupted, KeyboardInterrupt) as stop:
        typer.echo(f"interrupted: {counts['done']} of {counts['total']} runs done; run the same "
                   "command to resume", err=True)
        raise typer.Exit(getattr(stop, "exit_code", EXIT_INTERRUPTED)) from None
    typer.echo(
        f"done {report.done}, skipped {report.skipped}, failed {len(report.failed)} "
        f"of {report.total} runs in {_duration(report.seconds)} → {report.out_dir}"
    )
    if report.failed:
        shown = ", ".join(report.failed[:5]) + (" …" if len(report.failed) > 5 else "")
        typer.echo(
            f"failed runs: {shown} (see runs/<run_id>.failed.json; run again to retry them)",
            err=True,
        )
        raise typer.Exit(EXIT_FAILED_RUNS)


def report_command(
    results_dir: Annotated[Path, typer.Argument(help="Results folder of a sweep.")],
    lang: Annotated[Lang, typer.Option(help="Language of the figures.")] = Lang.EN,
) -> None:
    """Summarise a sweep: report/summary.csv, runs.csv, figures and sensitivity indices."""
    from simulatie.experiment.report import ReportError, write_report

    try:
        with stop_on_signals():
            written, notes = write_report(results_dir, lang=lang.value)
    except ReportError as error:
        fail(error)
    except (Interrupted, KeyboardInterrupt) as stop:
        typer.echo("interrupted: the report was not finished; run the same command again",
                   err=True)
        raise typer.Exit(getattr(stop, "exit_code", EXIT_INTERRUPTED)) from None
    for note in notes:
        typer.echo(f"note: {note}", err=True)
    folder = written[0].parent if written else results_dir
    typer.echo(f"wrote {len(written)} files in {folder}:")
    for path in written:
        typer.echo(f"  {path.name}")


def register(app: typer.Typer) -> None:
    """Add ``sweep`` and ``report`` to a Typer application (the ``simulatie`` command)."""
    app.command("sweep")(sweep_command)
    app.command("report")(report_command)


if __name__ == "__main__":  # pragma: no cover - python -m simulatie.cli.sweep sweep|report ...
    standalone = typer.Typer(add_completion=False, no_args_is_help=True)
    register(standalone)
    standalone()
