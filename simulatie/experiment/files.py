"""Reading the project's data files: one reader, one strict base, one way to explain a mistake.

Scenario files (``scenarios/*.toml``), experiment files (``experiments/*.toml``) and myth files
(``experiments/myths/*.toml``) are all TOML and are all read the same way:

1. :func:`read_toml` checks the file (it exists, is a regular file, is not too large, is UTF-8 and
   is valid TOML) and keeps its text, so that every later message can give a line;
2. the file's structure is a :class:`StrictFile` model (pydantic, unknown keys fail, frozen, no
   silent coercion), and :func:`validate_file` turns the first problem into one line with
   :func:`explain`;
3. parameter names in any table are checked by :func:`check_parameter_names`, and text values
   (``--set takeover=0.8``) become their declared type once, in :func:`typed_overrides`.

Every problem raises a :class:`FileError` subclass (``ScenarioError``, ``ExperimentError``,
``MythError``) whose message is one line naming the file, the table, the key and its line. The
rule for wording: a *name* that is wrong is quoted (``unknown key 'metod'``); a *value* that is
wrong is shown as ``key = value``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from simulatie.core.parameters import ParameterError, convert_override, parameter_specs, suggest

__all__ = [
    "MAX_FILE_BYTES",
    "FileError",
    "StrictFile",
    "TomlFile",
    "check_parameter_names",
    "check_path",
    "display",
    "explain",
    "line_of",
    "read_toml",
    "short",
    "typed_overrides",
    "validate_file",
]

MAX_FILE_BYTES = 1_000_000
"""The largest data file read (a scenario, experiment or myth file is a few kilobytes)."""

_MAX_SHOWN = 60
_HEADER = re.compile(r"\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$")
_ASSIGNMENT = re.compile(r"""\s*["']?([^"'=\s]+)["']?\s*=""")


class FileError(ValueError):
    """A data file or value that cannot be used, explained in one line naming file and key."""


class StrictFile(BaseModel):
    """The base of every file's schema: unknown keys fail, values are frozen and never coerced."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


@dataclass(frozen=True)
class TomlFile:
    """One data file, read and parsed.

    Attributes:
        path: The file.
        label: The file named the way a user would type it (:func:`display`).
        text: Its text, kept to find the line of a key.
        data: The parsed TOML.
    """

    path: Path
    label: str
    text: str
    data: dict[str, Any]

    def line(self, table: str, key: str) -> str:
        """Return ``" (line N)"`` for ``key`` in ``[table]`` (``""`` for top level), or ``""``."""
        return line_of(self.text, table, key)

    def where(self, table: str, key: str | None = None) -> str:
        """The start of a message about a table, or a name in it: file, table, key and line."""
        head = f"{self.label}: [{table}]" if table else f"{self.label}:"
        if key is None:
            return head
        return f"{head} {key!r}{self.line(table, key)}"


def short(value: Any) -> str:
    """A value as shown in a message: its ``repr``, cut to 60 characters."""
    text = repr(value)
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 3] + "..."


def display(path: Path) -> str:
    """Name a file the way a user would type it: relative to the working folder if inside it."""
    try:
        text = str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        text = str(path)
    return text if text.isprintable() else repr(text)


def line_of(text: str, table: str, key: str) -> str:
    """Return ``" (line N)"`` for ``key`` inside ``[table]``, or ``""`` when it is not found.

    Args:
        text: The file's text.
        table: The dotted table name (``"variants.v"``), or ``""`` for the top level.
        key: The key.
    """
    current = ""
    for number, line in enumerate(text.splitlines(), start=1):
        found = _HEADER.match(line)
        if found:
            current = re.sub(r"\s*\.\s*", ".", found.group(1)).replace('"', "").replace("'", "")
            continue
        found = _ASSIGNMENT.match(line)
        if found and current == table and found.group(1) == key:
            return f" (line {number})"
    return ""


def check_path(path: Path, noun: str, error: type[FileError], context: str = "") -> Path:
    """Check that a path names an existing regular file.

    Args:
        path: The path.
        noun: What the file should be, for messages (``"scenario file"``).
        error: The error class to raise.
        context: Start of the message, e.g. which file and key named this path.

    Returns:
        The path.

    Raises:
        FileError: Of class ``error`` if it is missing, a directory or not a regular file.
    """
    label = display(path)
    try:
        is_dir, exists, is_file = path.is_dir(), path.exists(), path.is_file()
    except (OSError, ValueError) as problem:  # an embedded null byte, a name that is too long
        raise error(f"{context}{label}: cannot be read ({problem})") from None
    if is_dir:
        raise error(f"{context}{label} is a directory, not a {noun}")
    if not exists:
        raise error(f"{context}{label}: no such {noun}")
    if not is_file:
        raise error(f"{context}{label} is not a regular file")
    return path


def _read_text(path: Path, noun: str, error: type[FileError]) -> str:
    label = display(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise error(f"{label}: the file is {size} bytes; a {noun} may be at most "
                        f"{MAX_FILE_BYTES} bytes")
        data = path.read_bytes()
    except IsADirectoryError:
        raise error(f"{label} is a directory, not a {noun}") from None
    except OSError as problem:
        raise error(f"{label}: cannot be read ({problem.strerror or problem})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        line = data[: problem.start].count(b"\n") + 1
        raise error(
            f"{label}: the file is not UTF-8 text (byte {data[problem.start]:#04x} on line "
            f"{line}); save it as UTF-8"
        ) from None


def read_toml(path: Path, noun: str, error: type[FileError]) -> TomlFile:
    """Read a data file: it must exist, be a regular UTF-8 file under 1 MB, and be valid TOML.

    Args:
        path: The file.
        noun: What the file is, for messages (``"scenario file"``).
        error: The error class to raise.

    Returns:
        The file's label, text and parsed data.

    Raises:
        FileError: Of class ``error``, one line naming the file.
    """
    check_path(path, noun, error)
    text = _read_text(path, noun, error)
    label = display(path)
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError, RecursionError) as problem:
        message = str(problem) or type(problem).__name__
        raise error(f"{label}: not valid TOML: {message}") from None
    return TomlFile(path=path, label=label, text=text, data=data)


def _split_location(loc: Sequence[Any], data: Mapping[str, Any]) -> tuple[str, str, str]:
    """Split a pydantic location into the TOML table, the key in it, and any index after it."""
    parts = [str(p) for p in loc]
    table: list[str] = []
    node: Any = data
    while len(parts) > 1 and isinstance(node, dict) and isinstance(node.get(parts[0]), dict):
        node = node[parts[0]]
        table.append(parts.pop(0))
    key = parts.pop(0) if parts else ""
    index = "".join(f"[{p}]" for p in parts)
    return ".".join(table), key, index


def _allowed_keys(model: type[BaseModel]) -> str:
    names = []
    for name, info in model.model_fields.items():
        kind = info.annotation
        is_table = isinstance(kind, type) and issubclass(kind, BaseModel)
        is_table = is_table or "dict[" in str(kind) or "Section" in str(kind)
        names.append(f"[{name}]" if is_table else name)
    return ", ".join(names)


def _model_at(model: type[BaseModel], table: str) -> type[BaseModel] | None:
    for part in filter(None, table.split(".")):
        field = model.model_fields.get(part)
        kind = getattr(field, "annotation", None)
        kind = next((a for a in getattr(kind, "__args__", ()) if isinstance(a, type)), kind)
        if not (isinstance(kind, type) and issubclass(kind, BaseModel)):
            return None
        model = kind
    return model


def explain(error: ValidationError, file: TomlFile, model: type[BaseModel]) -> str:
    """The first problem of a validation error as one line naming the file, table, key and line.

    Args:
        error: From validating ``file.data`` against ``model``.
        file: The file.
        model: The file's schema.

    Returns:
        For example ``"exp.toml: [design] unknown key 'metod' (line 2); did you mean 'method'?
        (allowed: method, samples, …)"``.
    """
    problems = error.errors()
    # an unknown key often explains a missing one (a misspelling), so it is named first
    problem = next((p for p in problems if p["type"] == "extra_forbidden"), problems[0])
    table, key, index = _split_location(problem["loc"], file.data)
    line = file.line(table, key)
    head = f"{file.label}: [{table}] " if table else f"{file.label}: "
    kind = problem["type"]
    value = problem.get("input")
    name = key if re.fullmatch(r"[\w.-]+", key) else repr(key)
    if kind == "extra_forbidden":
        owner = _model_at(model, table)
        hint = suggest(key, list(owner.model_fields)) if owner else ""
        allowed = f" (allowed: {_allowed_keys(owner)})" if owner else ""
        return f"{head}unknown key {key!r}{line}{hint}{allowed}"
    if kind == "missing":
        return f"{head}{key!r} is missing"
    if kind in ("dict_type", "model_type"):
        dotted = f"{table}.{name}" if table else name
        return f"{head}{key!r}{line} must be a table, written [{dotted}]"
    shown = f"{head}{name}{index} = {short(value)}"
    if kind == "string_type":
        return f"{shown} must be text in quotes{line}"
    if kind in ("enum", "literal_error"):
        expected = problem.get("ctx", {}).get("expected", "")
        choices = re.findall(r"'([^']*)'", expected)
        return f"{shown} is not allowed; use {expected}{line}{suggest(str(value), choices)}"
    return f"{shown} is not allowed: {problem['msg'][:1].lower()}{problem['msg'][1:]}{line}"


def validate_file[M: StrictFile](model: type[M], file: TomlFile, error: type[FileError]) -> M:
    """Validate a file's data against its schema.

    Args:
        model: The schema.
        file: The file, from :func:`read_toml`.
        error: The error class to raise.

    Returns:
        The validated, frozen model.

    Raises:
        FileError: Of class ``error``, with :func:`explain`'s line.
    """
    try:
        return model.model_validate(file.data)
    except ValidationError as problem:
        raise error(explain(problem, file, model)) from None


def check_parameter_names(
    values: Mapping[str, Any], file: TomlFile, table: str, error: type[FileError]
) -> dict[str, Any]:
    """Check that every key of a table names a declared parameter.

    Args:
        values: The table.
        file: The file it is in.
        table: Its dotted name (``"parameters"``, ``"variants.v"``, ``"arms.myth"``).
        error: The error class to raise.

    Returns:
        A copy of the table (values are checked later, together, by the parameters' model).

    Raises:
        FileError: Of class ``error``, naming the file, table, key and line.
    """
    specs = parameter_specs()
    for key in values:
        if key not in specs:
            raise error(
                f"{file.label}: [{table}] unknown parameter {key!r}{file.line(table, key)}"
                f"{suggest(key, list(specs))} (the list: 'simulatie parameters')"
            )
    return dict(values)


def typed_overrides(
    overrides: Mapping[str, Any], where: str, error: type[FileError]
) -> dict[str, Any]:
    """Check override names and convert text values (``"120"``) to the declared type, once.

    The command line hands over ``--set name=value`` as text; this is the one place where that
    text becomes a number or a switch. Values that already have a type pass unchanged (they are
    validated with the other parameters).

    Args:
        overrides: Parameter name to value or text.
        where: The start of an error message (``"command line:"``).
        error: The error class to raise.

    Returns:
        The overrides, typed as declared.

    Raises:
        FileError: Of class ``error`` for an unknown name or text that is not of the type.
    """
    specs = parameter_specs()
    typed: dict[str, Any] = {}
    for key, value in overrides.items():
        if not isinstance(key, str) or key not in specs:
            raise error(f"{where} unknown parameter {key!r}{suggest(str(key), list(specs))}")
        spec = specs[key]
        if isinstance(value, str):
            try:
                value = convert_override(key, value)
            except ParameterError as problem:
                raise error(f"{where} {problem}") from None
        if spec.kind is float and type(value) is int and abs(value) > 10**300:
            raise error(f"{where} parameter {key!r} is far out of range")
        typed[key] = value
    return typed
