"""What every command-line module shares: the language choice and the one-line error exit.

Bad input on the command line is reported as one ``error: ...`` line on stderr with exit code
2, never a traceback; all commands (run, scenarios, sweep, report, myths) use :func:`fail`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NoReturn

import typer

__all__ = ["EXIT_USAGE", "Lang", "fail", "one_line"]

EXIT_USAGE = 2


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
