"""How a browser benchmark reports: a table on standard output and a JSON record on disk.

:mod:`benchmarks.sessions` and :mod:`benchmarks.workshop_browser` share their command line's
ending: ``--pin`` and ``--out``, progress lines on standard error, table rows
``measure | value | target | status`` on standard output, and the whole result (a dataclass) as
``<out>/<name>-<UTC timestamp>[-pinned].json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

__all__ = ["RESULTS", "Row", "add_run_options", "log_to_stderr", "report", "status"]

RESULTS = Path(__file__).resolve().parent.parent / "results" / "benchmarks"

Row = tuple[str, str, str, str]  # measure, value, target, status


def status(value: float, target: float) -> str:
    """``met`` if ``value`` is at most ``target``, else ``MISSED``."""
    return "met" if value <= target else "MISSED"


def log_to_stderr(text: str) -> None:
    """Print a progress line on standard error at once."""
    print(text, file=sys.stderr, flush=True)


def add_run_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--pin`` (the server on a core of its own) and ``--out`` (the results folder)."""
    parser.add_argument("--pin", action="store_true",
                        help="server on a core of its own, the browser on the others")
    parser.add_argument("--out", type=Path, default=RESULTS)


def report(result: Any, rows: list[Row], name: str, out: Path, pinned: bool) -> Path:
    """Print ``rows`` and write ``result`` with a timestamp to ``out``.

    Args:
        result: A dataclass instance; every field goes into the record.
        rows: The table, one row per measure.
        name: The file name's start, e.g. ``sessions``.
        out: The folder (created if needed).
        pinned: Whether the server had a core of its own (the name ends in ``-pinned``).

    Returns:
        The JSON file written.
    """
    for row in rows:
        print(" | ".join(row))
    out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    path = out / f"{name}-{stamp}{'-pinned' if pinned else ''}.json"
    record: dict[str, Any] = {"timestamp": stamp, **asdict(result)}
    path.write_text(json.dumps(record, indent=2) + "\n")
    print(f"written: {path}")
    return path
