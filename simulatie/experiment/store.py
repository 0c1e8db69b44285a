"""The one file format of a run, its one reader, and writing that is all or nothing.

Tables that ship with the package (the calibration ensemble, the robustness of myths and patterns)
are one more shape of the same idea: a CSV table beside a JSON record of how it was made
(:func:`write_table_and_record`, :func:`read_table_and_record`).

A run, whether made by ``simulatie run``, the dashboard or a sweep, is stored as one Parquet file:
its weekly table, with the run's *record* (seed, summary, and for a single run its parameters,
scenario and provenance) in the file's schema metadata under the key ``simulatie``. So one reader,
:func:`read_run_file`, reads any run. A single run's folder (:mod:`simulatie.experiment.results`)
holds that file as ``timeseries.parquet`` beside a readable copy of the record
(``metadata.json``) and a figure; a sweep keeps one such file per run in ``runs/``
(:mod:`simulatie.experiment.sweep`).

Every file is first written under a temporary name next to its place and then renamed into place
(:func:`os.replace`), so a file either exists complete or not at all; a whole folder of results
is written the same way (:func:`write_folder`).
"""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Mapping
from enum import Enum
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

__all__ = [
    "RECORD_KEY",
    "read_run_file",
    "read_table_and_record",
    "run_table",
    "table_files",
    "to_jsonable",
    "write_atomic",
    "write_folder",
    "write_json",
    "write_parquet",
    "write_run_file",
    "write_table_and_record",
    "write_text",
]

RECORD_KEY = b"simulatie"
"""The schema-metadata key under which a run file keeps its record (JSON)."""


def to_jsonable(value: Any) -> Any:
    """Convert a value into something :func:`json.dumps` accepts under strict JSON.

    NaN and infinities become ``None`` (JSON has no NaN), numpy scalars and arrays become Python
    numbers and lists, enums their values, paths strings; mappings and sequences are converted
    recursively.

    Args:
        value: Any metadata value.

    Returns:
        A JSON-serialisable equivalent.
    """
    if isinstance(value, Enum):
        return to_jsonable(value.value)
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(v) for v in value]
    if isinstance(value, np.ndarray):
        return [to_jsonable(v) for v in value.tolist()]
    if isinstance(value, np.generic):
        return to_jsonable(value.item())
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, Path):
        return str(value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def write_atomic(path: Path, write: Callable[[Path], None]) -> None:
    """Write a file under a temporary name beside ``path``, then rename it into place.

    Args:
        path: The file's final place.
        write: Writes the content to the path it is given.
    """
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        write(temporary)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_folder(path: Path, fill: Callable[[Path], None]) -> Path:
    """Write a whole folder, all or nothing: fill a hidden folder beside ``path``, then rename it.

    On any failure the hidden folder is removed and ``path`` is untouched.

    Args:
        path: The folder's final place; it must not exist yet, or be empty.
        fill: Writes the folder's files into the folder it is given.

    Returns:
        The absolute path of the written folder.
    """
    target = Path(path).expanduser().absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        fill(staging)
        staging.chmod(0o755)  # mkdtemp makes it private; a results folder is ordinary
        os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def write_text(path: Path, text: str) -> None:
    """Write UTF-8 text, all or nothing."""
    write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def write_json(path: Path, data: Any) -> None:
    """Write strict JSON (NaN as ``null``), indented, all or nothing."""
    text = json.dumps(to_jsonable(data), indent=2, ensure_ascii=False, allow_nan=False)
    write_text(path, text + "\n")


def write_parquet(path: Path, table: pa.Table) -> None:
    """Write a Parquet table, all or nothing."""
    write_atomic(path, lambda tmp: pq.write_table(table, tmp))


def run_table(timeseries: pd.DataFrame, record: Mapping[str, Any]) -> pa.Table:
    """A run's weekly table with its record in the schema metadata.

    Args:
        timeseries: One row per week.
        record: What to keep with it (seed, summary, parameters, provenance …).

    Returns:
        The Arrow table to write.
    """
    table = pa.Table.from_pandas(timeseries, preserve_index=False)
    payload = json.dumps(to_jsonable(dict(record)), allow_nan=False).encode()
    return table.replace_schema_metadata({**(table.schema.metadata or {}), RECORD_KEY: payload})


def write_run_file(path: Path, timeseries: pd.DataFrame, record: Mapping[str, Any]) -> None:
    """Write one run file (:func:`run_table`), all or nothing.

    Args:
        path: The file.
        timeseries: One row per week.
        record: The run's record.
    """
    write_parquet(path, run_table(timeseries, record))


def read_run_file(path: Path | str) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Read one run file: of a sweep (``runs/<run_id>.parquet``) or of a run folder.

    Args:
        path: The file.

    Returns:
        The weekly table, and the run's record (``{}`` for a file written without one; measures
        that were NaN come back as ``None``).
    """
    table = pq.read_table(path)
    record = json.loads((table.schema.metadata or {}).get(RECORD_KEY, b"{}"))
    return table.to_pandas(), record


def table_files(name: str, path: Path | str | None = None) -> tuple[Traversable, Traversable]:
    """The ``.csv`` and ``.json`` of a table: shipped in ``simulatie/data/``, or at ``path``.

    Args:
        name: The shipped table's name, e.g. ``"myth_robustness"``.
        path: Another copy: its ``.csv`` or ``.json``, or a folder holding ``name.csv``.

    Returns:
        The table's file and its record's file (they may not exist).
    """
    if path is None:
        folder = resources.files("simulatie") / "data"
        return folder / f"{name}.csv", folder / f"{name}.json"
    path = Path(path)
    if path.is_dir():
        path = path / f"{name}.csv"
    return path.with_suffix(".csv"), path.with_suffix(".json")


def read_table_and_record(
    name: str, path: Path | str | None = None, dtype: Mapping[str, Any] | None = None
) -> tuple[pd.DataFrame, dict[str, Any]] | None:
    """Read a table and its record (:func:`table_files`), or ``None`` if either is missing.

    Args:
        name: The shipped table's name.
        path: Another copy (see :func:`table_files`).
        dtype: Column types for :func:`pandas.read_csv` (e.g. keys that look like numbers).

    Returns:
        The table and the record.
    """
    csv, meta = table_files(name, path)
    if not (csv.is_file() and meta.is_file()):
        return None
    with csv.open("rb") as handle:
        table = pd.read_csv(handle, dtype=dict(dtype) if dtype else None)
    return table, json.loads(meta.read_text(encoding="utf-8"))


def write_table_and_record(table: pd.DataFrame, record: Mapping[str, Any], folder: Path,
                           name: str) -> tuple[Path, Path]:
    """Write ``name.csv`` (full precision) and ``name.json`` (the record) into ``folder``.

    Args:
        table: The table.
        record: How it was made (command, settings, versions).
        folder: Where to write; created if needed.
        name: File name without suffix.

    Returns:
        The two paths.
    """
    folder.mkdir(parents=True, exist_ok=True)
    csv, meta = folder / f"{name}.csv", folder / f"{name}.json"
    table.to_csv(csv, index=False)
    meta.write_text(json.dumps(to_jsonable(dict(record)), indent=2, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    return csv, meta
