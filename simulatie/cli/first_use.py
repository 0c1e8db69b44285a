"""A word before the first run on a new installation, which compiles the model's kernels.

The model's inner loops are compiled (numba) the first time they run and kept beside the code
(or in ``$NUMBA_CACHE_DIR``); on a new installation that takes about half a minute to a minute
before the first week is simulated. Without a word, a first-time user sees a progress bar that
does not move and may think the tool hangs.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import typer

__all__ = ["kernels_compiled", "note_first_compile"]

_NOTE = {
    "nl": "Eerste keer op deze computer: het model wordt eerst gecompileerd (een halve tot een "
          "hele minuut, ook voor de eerste pagina); daarna start het meteen.",
    "en": "First time on this computer: the model is compiled first (half a minute to a "
          "minute, the first page too); after that it starts at once.",
}


def kernels_compiled() -> bool:
    """Whether compiled kernels of the model are kept already (numba's index files)."""
    where = os.environ.get("NUMBA_CACHE_DIR", "").strip()
    if where:
        roots = [Path(where)]
    else:
        spec = importlib.util.find_spec("simulatie.core")
        roots = [Path(p) for p in (spec.submodule_search_locations or [])] if spec else []
    return any(next(root.rglob("*.nbi"), None) is not None for root in roots if root.is_dir())


def note_first_compile(lang: str) -> None:
    """Say on stderr that the first run compiles the model, when nothing is compiled yet."""
    if not kernels_compiled():
        typer.echo(_NOTE["nl" if lang == "nl" else "en"], err=True)
