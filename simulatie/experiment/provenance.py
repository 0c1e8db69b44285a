"""Where a result came from: package versions, the source commit, the time and the host.

Every file of results carries this record (a run's sidecar, a sweep's ``experiment.json``, a
handout's footer, the shipped tables). The versions and the commit cannot change while a process
runs, so they are computed once per process (:func:`provenance`): ``git`` is spawned at most once,
not on every run. :func:`environment` adds what does change: the time and the host.
"""

from __future__ import annotations

import platform
import socket
import subprocess
from datetime import UTC, datetime
from functools import cache
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Any

__all__ = ["PACKAGES", "environment", "provenance", "source_commit"]

PACKAGES = ("simulatie", "mesa", "numpy", "pandas", "scipy", "pydantic", "dask", "distributed",
            "SALib")
"""The packages whose versions a result records (``unknown`` when one is not installed)."""


@cache
def source_commit() -> str | None:
    """The git commit of the source tree, or ``None`` outside a git checkout (computed once)."""
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=Path(__file__).parent, capture_output=True,
            text=True, timeout=5, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


@cache
def _versions() -> tuple[tuple[str, str], ...]:
    versions = [("python", platform.python_version())]
    for package in PACKAGES:
        try:
            versions.append((package, importlib_metadata.version(package)))
        except importlib_metadata.PackageNotFoundError:
            versions.append((package, "unknown"))
    return tuple(versions)


def provenance() -> dict[str, Any]:
    """Package versions and the source commit, computed once per process.

    Returns:
        ``{"versions": {package: version}, "commit": sha or None}``, a fresh dict each call.
    """
    return {"versions": dict(_versions()), "commit": source_commit()}


def environment() -> dict[str, Any]:
    """:func:`provenance` plus the time (UTC, to the second) and the host's name.

    Returns:
        ``{"versions": ..., "commit": ..., "timestamp": ..., "host": ...}``.
    """
    return {
        **provenance(),
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
        "host": socket.gethostname(),
    }
