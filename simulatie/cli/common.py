"""What every command-line module shares: language, errors, interruption and progress.

The language choice, the one-line error exit, the exit code of an interrupted command and the
progress bar of long work.

Bad input on the command line is reported as one ``error: ...`` line on stderr with exit code
2, never a traceback; all commands (run, scenarios, sweep, report, myths, calibrate,
robustness) use :func:`fail`.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

if TYPE_CHECKING:
    from rich.progress import Progress, ProgressColumn

__all__ = [
    "EXIT_INTERRUPTED",
    "EXIT_USAGE",
    "PACKAGE_DATA",
    "Lang",
    "check_workers",
    "fail",
    "one_line",
    "progress_bar",
]

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT: what a shell reports for Ctrl+C
PACKAGE_DATA = Path(__file__).resolve().parents[1] / "data"
"""Where ``--ship`` writes the calibration ensemble and the myths' robustness table."""


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
