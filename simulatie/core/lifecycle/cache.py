"""A disk cache for what every run of a neighbourhood and seed shares: its spin-up and baseline.

A run's first 15 years (the spin-up before week 0) and its matched baseline arm depend only on the
baseline parameters and the seed. Within one process they are computed once (:mod:`.spin_up`,
:mod:`simulatie.core.run.baseline`); this cache keeps them between processes too, so that running a
scenario again, resuming a sweep, asking a myth again or resetting the dashboard does not redo them.
A cached result is exactly what computing it gives: the key holds the parameters, the seed and a
fingerprint of the model's code and of the numerical libraries, so a changed model never reads an
old entry.

Where: ``$SIMULATIE_CACHE`` if set (``off`` switches the cache off), else
``$XDG_CACHE_HOME/simulatie`` or ``~/.cache/simulatie``. Entries are written atomically, so
processes may share the folder; the oldest are removed when it grows beyond ``LIMIT_BYTES``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import platform
import tempfile
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

__all__ = ["LIMIT_BYTES", "folder", "load", "save"]

LIMIT_BYTES = 512 * 1024 * 1024  # the cache trims itself to this size, oldest entries first
_CORE = Path(__file__).resolve().parents[1]  # the model core: simulatie/core


@cache
def fingerprint() -> str:
    """A hash of the model's code and the libraries whose arithmetic it depends on."""
    digest = hashlib.sha256()
    for path in sorted(_CORE.rglob("*.py")):
        digest.update(path.relative_to(_CORE).as_posix().encode())
        digest.update(path.read_bytes())
    for package in ("numpy", "numba", "scipy"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(f"{package}={metadata.version(package)}".encode())
    digest.update(platform.python_version().encode())
    digest.update(platform.machine().encode())
    return digest.hexdigest()[:16]


def folder() -> Path | None:
    """The cache folder, or None when the cache is switched off."""
    setting = os.environ.get("SIMULATIE_CACHE", "")
    if setting.lower() == "off":
        return None
    if setting:
        return Path(setting).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "simulatie"


def _path(kind: str, key: str) -> Path | None:
    root = folder()
    if root is None:
        return None
    name = hashlib.sha256(f"{fingerprint()}|{key}".encode()).hexdigest()[:32]
    return root / fingerprint() / f"{kind}-{name}.pickle"


def load(kind: str, key: str) -> Any | None:
    """The cached object of ``kind`` for ``key``, or None if there is none (or it is unreadable).

    Args:
        kind: What is cached (``"spin-up"``, ``"baseline"``).
        key: Everything the object depends on, as text (parameters as JSON, the seed).
    """
    path = _path(kind, key)
    if path is None or not path.is_file():
        return None
    try:
        with path.open("rb") as handle:
            value = pickle.load(handle)
        os.utime(path)  # recently used: trimmed last
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return value


def save(kind: str, key: str, value: Any) -> None:
    """Store ``value`` for ``key`` (atomically; a cache that cannot be written is skipped)."""
    path = _path(kind, key)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
        _trim(path.parent.parent)
    except OSError:
        with contextlib.suppress(OSError, NameError):
            os.unlink(handle.name)


def _trim(root: Path) -> None:
    """Remove the least recently used entries (and old code versions) beyond ``LIMIT_BYTES``."""
    entries = []
    for path in root.glob("*/*.pickle"):
        with contextlib.suppress(OSError):
            info = path.stat()
            entries.append((info.st_mtime, info.st_size, path))
    total = sum(size for _, size, _ in entries)
    for _, size, path in sorted(entries):
        if total <= LIMIT_BYTES:
            break
        with contextlib.suppress(OSError):
            path.unlink()
            total -= size
