"""What every command-line module shares: options, errors, interruption, progress and records.

The language choice, the options several commands declare alike, the one-line error exit, the
exit code of an interrupted command, the progress bar of long work, the provenance record of a
written table and the table printed at the end.

Bad input on the command line is reported as one ``error: ...`` line on stderr with exit code
2, never a traceback; all commands (run, scenarios, sweep, report, myths, calibrate,
robustness) use :func:`fail`.
"""

from __future__ import annotations

import shlex
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from simulatie.experiment.stopping import Interrupted, stop_on_signals

if TYPE_CHECKING:
    from datetime import datetime

    from rich.progress import Progress, ProgressColumn

__all__ = [
    "EXIT_INTERRUPTED",
    "EXIT_USAGE",
    "NOTHING_WRITTEN",
    "PACKAGE_DATA",
    "Lang",
    "OutFolderOption",
    "ProcessesOption",
    "QuietOption",
    "SchedulerOption",
    "check_workers",
    "command_record",
    "echo_wrote",
    "fail",
    "fail_on",
    "interruptible",
    "one_line",
    "print_table",
    "progress_bar",
    "step_bar",
]

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT: what a shell reports for Ctrl+C
PACKAGE_DATA = Path(__file__).resolve().parents[1] / "data"
"""Where ``--ship`` writes the calibration ensemble and the myths' robustness table."""
NOTHING_WRITTEN = "interrupted: nothing was written; run the command again"
"""What a command that writes only at its end says when it is stopped."""

ProcessesOption = Annotated[int | None, typer.Option(
    "--workers", "-w", help="Processes (default: one per core).", show_default=False)]
SchedulerOption = Annotated[str | None, typer.Option(
    help="Address (tcp://host:port) or scheduler file of a running Dask cluster.",
    show_default=False)]
OutFolderOption = Annotated[Path, typer.Option("--out", "-o", help="Output folder.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]


class Lang(StrEnum):
    """Language of labels, descriptions, figures and handouts."""

    NL = "nl"
    EN = "en"


def one_line(message: object) -> str:
    """Collapse a message's whitespace and line breaks into one line."""
    return " ".join(str(message).split())


def fail(message: object, code: int = EXIT_USAGE) -> NoReturn:
    """Print one ``error:`` line to stderr and stop with ``code`` (2: bad input)."""
    typer.echo(f"error: {one_line(message)}", err=True)
    raise typer.Exit(code)


@contextmanager
def fail_on(*errors: type[Exception], prefix: str | None = None) -> Iterator[None]:
    """Within the block, turn the given errors into one ``error:`` line and exit code 2.

    Args:
        errors: The exception types that mean bad input or a failed write.
        prefix: Said before the error, e.g. ``"cannot write the table"``.

    Yields:
        Nothing; the block runs as it is.
    """
    try:
        yield
    except errors as error:
        fail(error if prefix is None else f"{prefix}: {error}")


@contextmanager
def interruptible(message: str | Callable[[], str]) -> Iterator[None]:
    """Within the block, Ctrl+C or a signal ends the command with one line and the shell's code.

    Args:
        message: What is said on stderr (or a function saying it, asked when it is needed).

    Yields:
        Nothing; the block runs under :func:`~simulatie.experiment.stopping.stop_on_signals`.
    """
    try:
        with stop_on_signals():
            yield
    except (Interrupted, KeyboardInterrupt) as stop:
        typer.echo(message() if callable(message) else message, err=True)
        raise typer.Exit(getattr(stop, "exit_code", EXIT_INTERRUPTED)) from None


def check_workers(workers: int | None, scheduler: str | None = None) -> None:
    """Refuse ``--workers`` below 1, and ``--workers`` together with ``--scheduler``."""
    if workers is not None and workers < 1:
        fail(f"--workers must be at least 1, got {workers}")
    if workers is not None and scheduler is not None:
        fail("use either --workers (local processes) or --scheduler (an existing Dask cluster)")


def progress_bar(label: str, quiet: bool = False, *extra: ProgressColumn) -> Progress:
    """The bar of every long command, on stderr: label, bar, done of total, elapsed, remaining.

    Args:
        label: What is counted, e.g. ``"runs"``.
        quiet: No bar at all.
        extra: More columns, shown after the count (e.g. failures).

    Returns:
        The bar, not yet started (use it as a context manager).
    """
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn(label), BarColumn(), MofNCompleteColumn(), *extra, TimeElapsedColumn(),
        TimeRemainingColumn(), console=Console(stderr=True), disable=quiet,
    )


def step_bar(label: str, quiet: bool = False) -> tuple[Progress, Callable[[int], None]]:
    """A bar whose total is told by the first call of its callback; later calls advance it.

    Args:
        label: What is counted, e.g. ``"runs"``.
        quiet: No bar at all.

    Returns:
        The bar (not yet started) and the callback to hand to the work.
    """
    bar = progress_bar(label, quiet)
    task = bar.add_task(label, total=None)

    def progress(step: int) -> None:
        if bar.tasks[0].total is None:
            bar.update(task, total=step)
        else:
            bar.advance(task, step)

    return bar, progress


def command_record(name: str, started: datetime | None = None,
                   **fields: object) -> dict[str, object]:
    """The provenance of a written table: when, which command line, the fields, the versions.

    Args:
        name: The command, e.g. ``"robustness"``.
        started: When the command began (``built``); ``None`` leaves ``built`` out.
        fields: What else the record holds, in this order, before the versions.

    Returns:
        ``built``, ``command``, the fields and :func:`simulatie.experiment.provenance.provenance`.
    """
    from simulatie.experiment.provenance import provenance

    built = {} if started is None else {"built": started.isoformat(timespec="seconds")}
    return {**built, "command": f"simulatie {name} " + shlex.join(sys.argv[2:]), **fields,
            **provenance()}


def echo_wrote(paths: Iterable[Path]) -> None:
    """Say which files were written, on one line."""
    typer.echo("wrote " + ", ".join(str(p) for p in paths))


def print_table(title: str, columns: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """Print a table with its title on the left to stdout.

    Args:
        title: The table's title.
        columns: The columns' headers.
        rows: The rows, as text.
    """
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*row)
    Console().print(table)
