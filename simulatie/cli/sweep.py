"""The ``simulatie sweep`` and ``simulatie report`` commands: parse, load, call, print.

``sweep`` loads an experiment file (:func:`simulatie.experiment.experiments.load_experiment`), runs
it with
:func:`simulatie.experiment.sweep.run_sweep` under a progress bar and ends with one line of counts;
it exits with 1 when a run failed and 2 on a mistake in the input (one ``fout: ...`` line on
stderr). ``report`` calls :func:`simulatie.experiment.report.write_report` and says which files it
wrote; like every command, both speak Dutch unless ``--lang en`` is given. ``simulatie.cli.main``
registers both functions as commands (:func:`register`); ``python -m simulatie.cli.sweep`` runs them
on their own.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from simulatie.cli.common import (
    QuietOption,
    SchedulerOption,
    check_workers,
    fail_on,
    interruptible,
    progress_bar,
)
from simulatie.cli.language import DEFAULT_LANG, LangOption, current_lang, lang_option, tr
from simulatie.cli.messages import translate
from simulatie.experiment.experiments import ExperimentError, load_experiment, safe_name

if TYPE_CHECKING:
    from rich.progress import Progress

    from simulatie.experiment.experiments import Experiment
    from simulatie.experiment.sweep import SweepReport

__all__ = ["SWEEPS_DIR", "register", "report_command", "sweep_command"]

SWEEPS_DIR = Path("results") / "sweeps"
EXIT_FAILED_RUNS = 1

ExperimentArgument = Annotated[str, typer.Argument(metavar="EXPERIMENT", help=tr(
    "Experimentbestand (.toml), of een naam in experiments/.",
    "Experiment file (.toml), or a name in experiments/."))]
WorkersOption = Annotated[int | None, typer.Option("--workers", "-w", show_default=False, help=tr(
    "Processen op deze computer (standaard: één per processorkern); 1 draait alles na elkaar in "
    "dit proces.",
    "Local worker processes (default: one per core); 1 runs serially in this process."))]
OutOption = Annotated[Path | None, typer.Option("--out", "-o", show_default=False, help=tr(
    "Resultatenmap (standaard: results/sweeps/NAAM); een onafgemaakte sweep daarin gaat verder.",
    "Results folder (default: results/sweeps/NAME); an unfinished one is resumed."))]
ResultsArgument = Annotated[Path, typer.Argument(metavar=tr("RESULTATENMAP", "RESULTS"), help=tr(
    "Resultatenmap van een sweep.", "Results folder of a sweep."))]
ReportLangOption = lang_option(
    "Taal van het verslag in woorden, de tabellen voor een rekenblad (Nederlands: voor "
    "Nederlandse Excel), de figuren en de meldingen: nl (standaard) of en.",
    "Language of the report in words, its tables for a spreadsheet (Dutch: for Dutch Excel), "
    "the figures and the messages: nl (default) or en.")

_TEXT = {
    "announce": {"nl": "{name}: {runs} runs ({points} combinaties × {reps} herhalingen, {weeks} "
                       "weken) → {out}",
                 "en": "{name}: {runs} runs ({points} design points × {reps} replications, "
                       "{weeks} weeks) → {out}"},
    "failed": {"nl": "mislukt: {failed}", "en": "failed: {failed}"},
    "summary": {"nl": "klaar {done}, overgeslagen {skipped}, mislukt {failed} van {total} runs in "
                      "{time} → {out}",
                "en": "done {done}, skipped {skipped}, failed {failed} of {total} runs in {time} "
                      "→ {out}"},
    "failed_runs": {"nl": "mislukte runs: {shown} (zie runs/<run_id>.failed.json; draai opnieuw "
                          "om ze nog eens te proberen)",
                    "en": "failed runs: {shown} (see runs/<run_id>.failed.json; run again to "
                          "retry them)"},
    "wrote": {"nl": "{n} bestanden geschreven in {folder}:", "en": "wrote {n} files in {folder}:"},
    "read": {"nl": "Lees eerst {path}", "en": "Read {path} first"},
    "note": {"nl": "let op: ", "en": "note: "},
}


def _duration(seconds: float) -> str:
    minutes, seconds = divmod(round(seconds), 60)
    return f"{minutes}m{seconds:02d}s" if minutes else f"{seconds}s"


def sweep_command(
    experiment: ExperimentArgument,
    workers: WorkersOption = None,
    scheduler: SchedulerOption = None,
    out: OutOption = None,
    quiet: QuietOption = False,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    """Run every run of an experiment; finished runs in the results folder are skipped."""
    check_workers(workers, scheduler)
    with fail_on(ExperimentError):
        loaded = load_experiment(experiment)
    out_dir = out if out is not None else SWEEPS_DIR / safe_name(loaded.name)
    _announce(loaded, out_dir, quiet, lang.value)
    report = _run(loaded, out_dir, workers, scheduler, quiet)
    _summarise(report, lang.value)


def _announce(loaded: Experiment, out_dir: Path, quiet: bool, lang: str) -> None:
    """Say on stderr how many runs there are and where they go."""
    from rich.console import Console

    if not quiet:
        Console(stderr=True).print(_TEXT["announce"][lang].format(
            name=loaded.name, runs=loaded.n_runs, points=len(loaded.points),
            reps=loaded.replications, weeks=loaded.weeks, out=out_dir), highlight=False)


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
        """The line said when the sweep is stopped (:func:`interruptible` translates it)."""
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

    failed = _TEXT["failed"][current_lang().value].format(failed="{task.fields[failed]}")
    bar = progress_bar("runs", quiet, TextColumn(failed))
    tally = _Tally(bar, len(loaded.runs()))
    with fail_on(SweepError), interruptible(tally.interrupted), bar:
        return run_sweep(loaded, out_dir, workers=workers, scheduler=scheduler,
                         on_start=tally.start, on_outcome=tally.outcome)


def _summarise(report: SweepReport, lang: str) -> None:
    """One line of counts; the failed runs on stderr, and exit code 1 when there are any."""
    typer.echo(_TEXT["summary"][lang].format(
        done=report.done, skipped=report.skipped, failed=len(report.failed), total=report.total,
        time=_duration(report.seconds), out=report.out_dir))
    if report.failed:
        shown = ", ".join(report.failed[:5]) + (" …" if len(report.failed) > 5 else "")
        typer.echo(_TEXT["failed_runs"][lang].format(shown=shown), err=True)
        raise typer.Exit(EXIT_FAILED_RUNS)


def report_command(
    results_dir: ResultsArgument,
    lang: ReportLangOption = DEFAULT_LANG,
) -> None:
    """Summarise a sweep: the findings in words (report.md, .html), tables and figures."""
    from simulatie.experiment.report import write_report
    from simulatie.experiment.sweep_results import ReportError

    interrupted = "interrupted: the report was not finished; run the same command again"
    with fail_on(ReportError), interruptible(interrupted):
        written, notes = write_report(results_dir, lang=lang.value)
    for note in notes:
        typer.echo(_TEXT["note"][lang.value] + translate(note, lang.value), err=True)
    folder = written[0].parent if written else results_dir
    typer.echo(_TEXT["wrote"][lang.value].format(n=len(written), folder=folder))
    for path in written:
        typer.echo(f"  {path.name}")
    words = [path for path in written if path.suffix == ".md"]
    if words:
        typer.echo(_TEXT["read"][lang.value].format(path=words[0]))


def register(app: typer.Typer) -> None:
    """Add ``sweep`` and ``report`` to a Typer application (the ``simulatie`` command)."""
    app.command("sweep", help=tr(
        "Draai elke run van een experiment; runs die al klaar zijn in de resultatenmap worden "
        "overgeslagen.",
        "Run every run of an experiment; finished runs in the results folder are skipped."))(
        sweep_command)
    app.command("report", help=tr(
        "Vat een sweep samen: de bevindingen in woorden (report.md, .html), tabellen en "
        "figuren.",
        "Summarise a sweep: the findings in words (report.md, .html), tables and figures."))(
        report_command)


if __name__ == "__main__":  # pragma: no cover - python -m simulatie.cli.sweep sweep|report ...
    standalone = typer.Typer(add_completion=False, no_args_is_help=True)
    register(standalone)
    standalone()
