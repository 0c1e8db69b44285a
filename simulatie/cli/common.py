"""What every command-line module shares: options, errors, interruption, progress and records.

The options several commands declare alike (``--lang``, ``--set``, ``--workers``, …), the one-line
error exit, the exit code of an interrupted command, the progress bar of long work, the
provenance record of a written table and the table printed at the end.

Bad input on the command line is reported as one ``fout: ...`` line (``error: ...`` with
``--lang en``) on stderr with exit code 2, never a traceback; every command uses :func:`fail`,
which says the message in the command's language (:mod:`simulatie.cli.language`,
:mod:`simulatie.cli.messages`). ``--set NAME=VALUE`` is read by :func:`read_overrides`, which
also takes the decimal comma and ``ja``/``nee`` that Dutch users type.
"""

from __future__ import annotations

import re
import shlex
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from simulatie.cli.language import Lang, current_lang, tr
from simulatie.cli.messages import PREFIX, translate
from simulatie.core.parameters import ParameterError, parameter_specs, split_override
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
    "read_overrides",
    "set_option",
    "step_bar",
]

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT: what a shell reports for Ctrl+C
PACKAGE_DATA = Path(__file__).resolve().parents[1] / "data"
"""Where ``--ship`` writes the calibration ensemble and the myths' robustness table."""
NOTHING_WRITTEN = "interrupted: nothing was written; run the command again"
"""What a command that writes only at its end says when it is stopped (in the user's language:
:func:`interruptible` translates it)."""

ProcessesOption = Annotated[int | None, typer.Option(
    "--workers", "-w", help=tr("Processen (standaard: één per processorkern).",
                               "Processes (default: one per core)."), show_default=False)]
SchedulerOption = Annotated[str | None, typer.Option(
    help=tr("Adres (tcp://host:poort) of schedulerbestand van een draaiend Dask-cluster.",
            "Address (tcp://host:port) or scheduler file of a running Dask cluster."),
    show_default=False)]
OutFolderOption = Annotated[Path, typer.Option("--out", "-o", help=tr("Uitvoermap.",
                                                                      "Output folder."))]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help=tr("Geen voortgangsbalk.",
                                                                    "No progress bar."))]


def set_option(nl: str, en: str, *names: str) -> object:
    """A ``--set NAME=VALUE`` option (repeatable), with its help in Dutch and English.

    Args:
        nl: Dutch help text.
        en: English help text.
        names: The option's names (default ``--set`` and ``-s``).

    Returns:
        An ``Annotated`` type for a command's parameter; read it with :func:`read_overrides`.
    """
    return Annotated[list[str] | None, typer.Option(
        *(names or ("--set", "-s")), metavar=tr("NAAM=WAARDE", "NAME=VALUE"), help=tr(nl, en))]


def one_line(message: object) -> str:
    """Collapse a message's whitespace and line breaks into one line."""
    return " ".join(str(message).split())


def fail(message: object, code: int = EXIT_USAGE, lang: str | None = None) -> NoReturn:
    """Print one error line to stderr, in the user's language, and stop with ``code``.

    Args:
        message: The problem, in English or already in the user's language; every piece
            :mod:`simulatie.cli.messages` knows is said in Dutch when the language is Dutch.
        code: The exit code (2: bad input).
        lang: The language (default: the command's ``--lang``).
    """
    chosen = current_lang() if lang is None else Lang(lang)
    typer.echo(PREFIX[chosen] + translate(one_line(message), chosen), err=True)
    raise typer.Exit(code)


@contextmanager
def fail_on(*errors: type[Exception], prefix: str | None = None) -> Iterator[None]:
    """Within the block, turn the given errors into one error line (:func:`fail`) and exit code 2.

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
        said = message() if callable(message) else message
        typer.echo(translate(said, current_lang()), err=True)
        raise typer.Exit(getattr(stop, "exit_code", EXIT_INTERRUPTED)) from None


def check_workers(workers: int | None, scheduler: str | None = None) -> None:
    """Refuse ``--workers`` below 1, and ``--workers`` together with ``--scheduler``."""
    if workers is not None and workers < 1:
        fail(f"--workers must be at least 1, got {workers}")
    if workers is not None and scheduler is not None:
        fail("use either --workers (local processes) or --scheduler (an existing Dask cluster)")


_DECIMAL_COMMA = re.compile(r"([-+]?\d*),(\d+)")
_NUMBER_LIKE = re.compile(r"[-+]?[\d.,]+")
_YES_NO = {"ja": "true", "nee": "false"}


def _as_typed(name: str, raw: str, option: str) -> str:
    """An override's text as the scenario loader reads it: a decimal comma becomes a point.

    ``takeover=0,5`` is what a Dutch user types; it is read as ``0.5``. A comma that could also
    separate thousands (three digits after it, for a parameter that goes to 1000 or more), more
    than one comma, or a comma beside a point is refused with the hint to use a point. A switch
    also takes ``ja`` and ``nee``. Anything else is left to the loader, which names what is
    allowed.
    """
    spec = parameter_specs()[name]
    text = raw.strip()
    if spec.kind is bool:
        return _YES_NO.get(text.lower(), raw)
    if spec.kind is not float or "," not in text or not _NUMBER_LIKE.fullmatch(text):
        return raw
    found = _DECIMAL_COMMA.fullmatch(text)
    if found is None or (len(found.group(2)) == 3 and (spec.upper or 0) >= 1000):
        fail(f"{option}: {name} = {raw!r}: use a point for decimals, e.g. {name}=0.5")
    return f"{found.group(1) or '0'}.{found.group(2)}"


def read_overrides(texts: Iterable[str] | None, option: str = "--set") -> dict[str, str]:
    """``NAME=VALUE`` texts as name to text, for the scenario loader; a later one wins.

    The name must be declared (else one error line with a "did you mean"); the value stays
    text, converted once by the loader, after a Dutch decimal comma became a point.

    Args:
        texts: The option's values, e.g. ``["takeover=0,5", "funding=pilot"]``.
        option: The option's name, for messages.

    Returns:
        Parameter name to the value's text.
    """
    values: dict[str, str] = {}
    for text in texts or []:
        try:
            name, raw = split_override(text)
        except ParameterError as error:
            fail(f"{option}: {error}")
        values[name] = _as_typed(name, raw, option)
    return values


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
    said = "geschreven: " if current_lang() is Lang.NL else "wrote "
    typer.echo(said + ", ".join(str(p) for p in paths))


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
