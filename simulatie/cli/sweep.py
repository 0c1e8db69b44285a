"""The ``simulatie sweep`` and ``simulatie report`` commands: parse, load, call, print.

``sweep`` loads an experiment file (:func:`simulatie.experiment.experiments.load_experiment`), runs
it with
:func:`simulatie.experiment.sweep.run_sweep` under a progress bar and ends with one line of counts;
it exits with 1 when a run failed and 2 on a mistake in the input (one ``error: ...`` line on
stderr). ``report`` calls :func:`simulatie.experiment.report.write_report` and prints the findings
in brief; like ``run``, it speaks Dutch unless ``--lang en`` is given. ``simulatie.cli.main``
registers both functions as commands (:func:`register`); ``python -m simulatie.cli.sweep`` runs them
on their own.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from simulatie.cli.common import (
    Lang,
    QuietOption,
    SchedulerOption,
    check_workers,
    fail_on,
    interruptible,
    progress_bar,
)
from simulatie.experiment.experiments import ExperimentError, load_experiment, safe_name

if TYPE_CHECKING:
    from rich.progress import Progress

    from simulatie.experiment.experiments import Experiment
    from simulatie.experiment.sweep import SweepReport

__all__ = ["SWEEPS_DIR", "register", "report_command", "sweep_command"]

SWEEPS_DIR = Path("results") / "sweeps"
EXIT_FAILED_RUNS = 1

ExperimentArgument = Annotated[str, typer.Argument(
    help="Experiment file (.toml), or a name in experiments/.")]
WorkersOption = Annotated[int | None, typer.Option(
    "--workers", "-w",
    help="Local worker processes (default: one per core); 1 runs serially in this process.",
    show_default=False)]
OutOption = Annotated[Path | None, typer.Option(
    "--out", "-o",
    help="Results folder (default: results/sweeps/NAME); an unfinished one is resumed.",
    show_default=False)]


def _duration(seconds: float) -> str:
    minutes, seconds = divmod(round(seconds), 60)
    return f"{minutes}m{seconds:02d}s" if minutes else f"{seconds}s"


def sweep_command(
    experiment: ExperimentArgument,
    workers: WorkersOption = None,
    scheduler: SchedulerOption = None,
    out: OutOption = None,
    quiet: QuietOption = False,
) -> None:
    """Run every run of an experiment; finished runs in the results folder are skipped."""
    check_workers(workers, scheduler)
    with fail_on(ExperimentError):
        loaded = load_experiment(experiment)
    out_dir = out if out is not None else SWEEPS_DIR / safe_name(loaded.name)
    _announce(loaded, out_dir, quiet)
    report = _run(loaded, out_dir, workers, scheduler, quiet)
    _summarise(report)


def _announce(loaded: Experiment, out_dir: Path, quiet: bool) -> None:
    """Say on stderr how many runs there are and where they go."""
    from rich.console import Console

    if not quiet:
        Console(stderr=True).print(
            f"{loaded.name}: {loaded.n_runs} runs ({len(loaded.points)} design points × "
            f"{loaded.replications} replications, {loaded.weeks} weeks) → {out_dir}",
            highlight=False,
        )


class _Tally:
    """The runs done and failed: on the bar, and for the line said when the sweep is stopped."""

    def __init__(self, bar: Progress, total: int) -> None:
        self.bar = bar
        self.task = bar.add_task("runs", total=None, failed=0)
        self.total, self.done, self.failures = total, 0, 0

    def start(self, total: int, skipped: int) -> None:
        """The sweep begins: ``total`` runs, ``skipped`` of them finished before."""
        self.total, self.done = total, skipped
        self.bar.reset(self.task, total=total, completed=skipped, failed=0)

    def outcome(self, outcome: object) -> None:
        """One run finished or failed."""
        ok = getattr(outcome, "ok", True)
        self.failures += not ok
        self.done += bool(ok)
        self.bar.update(self.task, advance=1, failed=self.failures)

    def interrupted(self) -> str:
        """The line said when the sweep is stopped."""
        return (f"interrupted: {self.done} of {self.total} runs done; run the same command to "
                "resume")


def _run(loaded: Experiment, out_dir: Path, workers: int | None, scheduler: str | None,
         quiet: bool) -> SweepReport:
    """Run the sweep under a progress bar that counts the failures too.

    Returns:
        The counts of runs skipped, done and failed.
    """
    from rich.progress import TextColumn

    from simulatie.experiment.sweep import SweepError, run_sweep

    bar = progress_bar("runs", quiet, TextColumn("failed: {task.fields[failed]}"))
    tally = _Tally(bar, len(loaded.runs()))
    with fail_on(SweepError), interruptible(tally.interrupted), bar:
        return run_sweep(loaded, out_dir, workers=workers, scheduler=scheduler,
                         on_start=tally.start, on_outcome=tally.outcome)


def _summarise(report: SweepReport) -> None:
    """One line of counts; the failed runs on stderr, and exit code 1 when there are any."""
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


_WROTE = {"nl": "{n} bestanden geschreven in {folder}:", "en": "wrote {n} files in {folder}:"}
_READ = {"nl": "Lees eerst {path}", "en": "Read {path} first"}


def report_command(
    results_dir: Annotated[Path, typer.Argument(help="Results folder of a sweep.")],
    lang: Annotated[Lang, typer.Option(
        help="Language of the report in words, its tables for a spreadsheet (Dutch: for Dutch "
        "Excel) and the figures.")] = Lang.NL,
) -> None:
    """Summarise a sweep: the findings in words (report.md, .html), tables and figures."""
    from simulatie.experiment.report import ReportError, write_report

    interrupted = "interrupted: the report was not finished; run the same command again"
    with fail_on(ReportError), interruptible(interrupted):
        written, notes = write_report(results_dir, lang=lang.value)
    for note in notes:
        typer.echo(f"note: {note}", err=True)
    folder = written[0].parent if written else results_dir
    typer.echo(_WROTE[lang.value].format(n=len(written), folder=folder))
    for path in written:
        typer.echo(f"  {path.name}")
    words = [path for path in written if path.suffix == ".md"]
    if words:
        typer.echo(_READ[lang.value].format(path=words[0]))


def register(app: typer.Typer) -> None:
    """Add ``sweep`` and ``report`` to a Typer application (the ``simulatie`` command)."""
    app.command("sweep")(sweep_command)
    app.command("report")(report_command)


if __name__ == "__main__":  # pragma: no cover - python -m simulatie.cli.sweep sweep|report ...
    standalone = typer.Typer(add_completion=False, no_args_is_help=True)
    register(standalone)
    standalone()
