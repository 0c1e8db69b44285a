"""Scenarios: named sets of parameter values, kept as TOML data files and validated on load.

A scenario describes one situation from the seed documents (a village, an apartment block, a
service centre) by listing only the parameter values that differ from the declared defaults in
:mod:`simulatie.core.parameters`. :func:`load_scenario` is the one function that the command
line, the sweep runner and the dashboard call to turn a scenario name or file into validated
:class:`~simulatie.core.parameters.Parameters`.

Precedence
----------
This is the one place where the order is defined; ``docs/scenarios.md`` refers to it. Each layer
only lists what it changes, and a later layer wins:

1. the declared defaults in :mod:`simulatie.core.parameters`;
2. the ``base`` chain: a scenario's ``base`` is loaded first, recursively, so the base of the
   base comes before the base;
3. the scenario's own ``[parameters]`` table;
4. the chosen variant, ``[variants.NAME]``, addressed as ``scenario:NAME``;
5. the overrides passed by the caller (``--set name=value`` on the command line).

:attr:`Scenario.sources` records for every parameter which layer its value came from:
``"default"``, ``"<file> (base)"``, ``"<file>"``, ``"<file> (variant NAME)"`` or
``"command line"``.

Every problem with a file (unknown scenario, unknown table or key, wrong type, out-of-range value,
missing base, a cycle of bases, malformed TOML, a file that is not UTF-8, a directory instead of a
file) raises :class:`ScenarioError` with one line that names the file, the key or line, and what
is allowed.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from simulatie.core.parameters import (
    ParameterError,
    Parameters,
    make_parameters,
    parameter_specs,
    parse_override,
    suggest,
)

__all__ = [
    "COMMAND_LINE",
    "DEFAULT",
    "ENV_VAR",
    "Scenario",
    "ScenarioError",
    "list_scenarios",
    "load_scenario",
    "scenarios_dir",
]

ENV_VAR = "SIMULATIE_SCENARIOS"
"""Environment variable that points to another folder of scenario files."""

DEFAULT = "default"
"""Source label of a value that nobody changed, and the name of the neutral scenario."""

COMMAND_LINE = "command line"
"""Source label of a value passed as an override."""

TABLES = ("scenario", "parameters", "reasons", "variants")
SCENARIO_KEYS = ("base", "title_nl", "title_en", "description_nl", "description_en")
LANGUAGES = ("nl", "en")
MAX_FILE_BYTES = 1_000_000
_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*")
_MAX_PROBLEM = 300
_PROBLEM_KEY = re.compile(r"^parameter '(\w+)'")


class ScenarioError(ValueError):
    """A scenario that cannot be loaded, explained in one line naming the file and the key."""


class _CycleError(ScenarioError):
    """A cycle of bases; its message already shows the whole chain."""


@dataclass(frozen=True)
class Scenario:
    """A loaded scenario: validated parameters plus where each value came from.

    Attributes:
        name: The name it was loaded by, e.g. ``"kerkweg"`` or ``"kerkweg:no_support"``.
        parameters: The validated, frozen parameters after every layer was applied.
        sources: For every parameter, the layer its value came from (see the module docstring).
        path: The scenario file, or ``None`` for the built-in defaults.
        titles: One-line titles by language (``"nl"``, ``"en"``).
        descriptions: Longer descriptions by language.
        reasons: Why a value was chosen, by parameter name, from the layer that set it.
        base: The ``base`` named in the file, if any.
        variant: The variant applied, if any.
        variants: The variants this file offers.
        overrides: The overrides applied on top (the command line).
    """

    name: str
    parameters: Parameters
    sources: Mapping[str, str] = field(hash=False)
    path: Path | None = None
    titles: Mapping[str, str] = field(default_factory=dict, hash=False)
    descriptions: Mapping[str, str] = field(default_factory=dict, hash=False)
    reasons: Mapping[str, str] = field(default_factory=dict, hash=False)
    base: str | None = None
    variant: str | None = None
    variants: tuple[str, ...] = ()
    overrides: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def title(self, lang: str = "nl") -> str:
        """Return the one-line title in ``lang``, falling back to the other language or the name."""
        return _in_language(self.titles, lang) or self.name

    def description(self, lang: str = "nl") -> str:
        """Return the description in ``lang``, falling back to the other language."""
        return _in_language(self.descriptions, lang)

    def changed(self) -> dict[str, Any]:
        """Return the parameters whose value does not come from the declared defaults."""
        values = self.parameters.model_dump(mode="json")
        return {name: values[name] for name, source in self.sources.items() if source != DEFAULT}

    def metadata(self) -> dict[str, Any]:
        """Return a JSON-friendly description for a results sidecar."""
        return {
            "scenario": self.name,
            "scenario_file": str(self.path) if self.path else None,
            "base": self.base,
            "variant": self.variant,
            "overrides": _jsonable(dict(self.overrides)),
            "sources": dict(self.sources),
            "parameters": self.parameters.model_dump(mode="json"),
        }


def _in_language(texts: Mapping[str, str], lang: str) -> str:
    if texts.get(lang):
        return texts[lang]
    return next((texts[other] for other in LANGUAGES if texts.get(other)), "")


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v if isinstance(v, bool | int | float | str) else str(v) for k, v in values.items()}


# --- Finding files --------------------------------------------------------------------------------


def scenarios_dir() -> Path:
    """Return the folder of named scenarios.

    ``$SIMULATIE_SCENARIOS`` if set, otherwise the repository's ``scenarios/`` folder next to the
    package (or ``./scenarios`` when the package is installed elsewhere).
    """
    configured = os.environ.get(ENV_VAR, "").strip()
    if configured:
        return _expand(Path(configured))
    beside_package = Path(__file__).resolve().parents[2] / "scenarios"
    if _is_dir(beside_package):
        return beside_package
    return Path.cwd() / "scenarios"


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # e.g. an embedded null byte or a name that is too long
        return False


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


def _available() -> list[str]:
    folder = scenarios_dir()
    try:
        return sorted(p.stem for p in folder.glob("*.toml") if _is_file(p))
    except OSError:
        return []


def _display(path: Path) -> str:
    """Name a file the way a user would type it: relative to the working folder if inside it."""
    try:
        text = str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        text = str(path)
    return text if text.isprintable() else repr(text)


def _expand(path: Path) -> Path:
    try:
        return path.expanduser()
    except (RuntimeError, OSError, ValueError):  # "~user" without a home folder
        return path


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _split_variant(text: str) -> tuple[str, str | None]:
    """Split ``"kerkweg:no_support"`` into the scenario and the variant; leave paths alone."""
    head, sep, tail = text.rpartition(":")
    if sep and len(head) > 1 and _NAME.fullmatch(tail):
        return head, tail
    return text, None


def _looks_like_path(text: str) -> bool:
    return text.endswith(".toml") or "/" in text or os.sep in text


def _unknown_scenario(name: str, context: str) -> ScenarioError:
    available = _available()
    listing = ", ".join(available) if available else f"none found in {scenarios_dir()}"
    return ScenarioError(
        f"{context}unknown scenario {name!r}{suggest(name, available)} "
        f"(available: {listing}; or give the path to a .toml file)"
    )


def _resolve(reference: str | Path, *, relative_to: Path | None, context: str = "") -> Path:
    """Turn a scenario name or path into the path of an existing file.

    Args:
        reference: A name in the scenarios folder, or a path to a ``.toml`` file.
        relative_to: The folder of the file that names ``reference`` as its base; its own
            folder is searched first, so a user's files can build on each other.
        context: Prefix for error messages (which file and key named the reference).

    Raises:
        ScenarioError: If nothing matches, or the match is not a readable file.
    """
    if isinstance(reference, Path) or _looks_like_path(reference):
        path = _expand(Path(reference))
        if relative_to is not None and not path.is_absolute():
            path = relative_to / path
        return _check_file(path, context)
    if not reference.strip():
        raise ScenarioError(f"{context}the scenario name is empty")
    folders = [relative_to] if relative_to is not None else []
    folders.append(scenarios_dir())
    for folder in folders:
        candidate = folder / f"{reference}.toml"
        if _is_file(candidate):
            return candidate
    if relative_to is None and _exists(Path(reference)):
        return _check_file(Path(reference), context)
    raise _unknown_scenario(reference, context)


def _check_file(path: Path, context: str) -> Path:
    if _is_dir(path):
        raise ScenarioError(f"{context}{_display(path)} is a directory, not a scenario file")
    if not _exists(path):
        raise ScenarioError(f"{context}{_display(path)}: no such file")
    if not _is_file(path):
        raise ScenarioError(f"{context}{_display(path)} is not a regular file")
    return path


# --- Reading one file -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _File:
    """One scenario file, read and checked for structure (values are checked when merged)."""

    path: Path
    label: str
    text: str
    meta: dict[str, str]
    parameters: dict[str, Any]
    reasons: dict[str, str]
    variants: dict[str, dict[str, Any]]


def _read_text(path: Path) -> str:
    label = _display(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ScenarioError(
                f"{label}: the file is {size} bytes; a scenario file may be at most "
                f"{MAX_FILE_BYTES} bytes"
            )
        data = path.read_bytes()
    except IsADirectoryError:
        raise ScenarioError(f"{label} is a directory, not a scenario file") from None
    except OSError as error:
        raise ScenarioError(f"{label}: cannot be read ({error.strerror or error})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ScenarioError(
            f"{label}: the file is not UTF-8 text (byte {data[error.start]:#04x} on line {line}); "
            "save it as UTF-8"
        ) from None


def _line_of(text: str, table: str, key: str) -> str:
    """Return ``" (line N)"`` for ``key`` inside ``[table]``, or ``""`` when it is not found."""
    current = ""
    header = re.compile(r"\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$")
    assignment = re.compile(r"""\s*["']?([^"'=\s]+)["']?\s*=""")
    for number, line in enumerate(text.splitlines(), start=1):
        found = header.match(line)
        if found:
            current = re.sub(r"\s*\.\s*", ".", found.group(1)).replace('"', "").replace("'", "")
            continue
        found = assignment.match(line)
        if found and current == table and found.group(1) == key:
            return f" (line {number})"
    return ""


def _where(file: _File, table: str, key: str | None = None) -> str:
    """Start of an error message: the file, the table, the key and its line."""
    if key is None:
        return f"{file.label}: [{table}]"
    return f"{file.label}: [{table}] {key!r}{_line_of(file.text, table, key)}"


def _read(path: Path) -> _File:
    """Read and structurally check one scenario file.

    Raises:
        ScenarioError: If the file is not UTF-8 TOML with only the known tables and keys.
    """
    label = _display(path)
    text = _read_text(path)
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError, RecursionError) as error:
        message = str(error) or type(error).__name__
        raise ScenarioError(f"{label}: not valid TOML: {message}") from None
    shell = _File(path, label, text, {}, {}, {}, {})
    known_tables = list(TABLES)
    for name, value in data.items():
        if name not in TABLES:
            raise ScenarioError(
                f"{label}: unknown top-level table or key {name!r}{_line_of(text, '', name)}"
                f"{suggest(name, known_tables)} (allowed: "
                + ", ".join(f"[{t}]" for t in TABLES)
                + ")"
            )
        if not isinstance(value, dict):
            raise ScenarioError(
                f"{label}: {name!r}{_line_of(text, '', name)} must be a table, written [{name}]"
            )
    meta = _check_meta(shell, data.get("scenario", {}))
    parameters = _check_parameter_keys(shell, "parameters", data.get("parameters", {}))
    reasons = _check_reasons(shell, data.get("reasons", {}))
    variants: dict[str, dict[str, Any]] = {}
    for variant, values in data.get("variants", {}).items():
        table = f"variants.{variant}"
        if not _NAME.fullmatch(variant):
            raise ScenarioError(
                f"{label}: variant name {variant!r} may only use letters, digits, '_' and '-'"
            )
        if not isinstance(values, dict):
            raise ScenarioError(
                f"{_where(shell, 'variants', variant)} must be a table of parameter values, "
                f"written [{table}]"
            )
        variants[variant] = _check_parameter_keys(shell, table, values)
    return _File(path, label, text, meta, parameters, reasons, variants)


def _check_meta(file: _File, table: dict[str, Any]) -> dict[str, str]:
    for key, value in table.items():
        if key not in SCENARIO_KEYS:
            raise ScenarioError(
                f"{_where(file, 'scenario', key)} is not a known key"
                f"{suggest(key, list(SCENARIO_KEYS))} (allowed: {', '.join(SCENARIO_KEYS)})"
            )
        if not isinstance(value, str):
            raise ScenarioError(
                f"{_where(file, 'scenario', key)} = {_short(value)} must be text in quotes"
            )
    if "base" in table and not table["base"].strip():
        raise ScenarioError(
            f"{_where(file, 'scenario', 'base')} is empty; name a scenario or leave it out"
        )
    return dict(table)


def _check_parameter_keys(file: _File, table: str, values: dict[str, Any]) -> dict[str, Any]:
    specs = parameter_specs()
    for key in values:
        if key not in specs:
            raise ScenarioError(
                f"{_where(file, table, key)} is not a known parameter{suggest(key, list(specs))} "
                "(the list: 'simulatie parameters')"
            )
    return dict(values)


def _check_reasons(file: _File, table: dict[str, Any]) -> dict[str, str]:
    specs = parameter_specs()
    for key, value in table.items():
        if key not in specs:
            raise ScenarioError(
                f"{_where(file, 'reasons', key)} is not a known parameter"
                f"{suggest(key, list(specs))}; [reasons] gives one line per parameter"
            )
        if not isinstance(value, str):
            raise ScenarioError(
                f"{_where(file, 'reasons', key)} = {_short(value)} must be text in quotes"
            )
    return dict(table)


# --- Merging layers -------------------------------------------------------------------------------


@dataclass
class _Merged:
    """The values, sources and reasons accumulated over the layers so far."""

    values: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    reasons: dict[str, str] = field(default_factory=dict)

    def apply(
        self,
        values: Mapping[str, Any],
        source: str,
        where: str,
        reasons: Mapping[str, str] | None = None,
        locate: Callable[[str], str] | None = None,
    ) -> None:
        """Apply one layer and check that the result is still valid parameters.

        Args:
            values: The layer's parameter values.
            source: The source label recorded for each value.
            where: The start of an error message (file and table, or ``"command line:"``).
            reasons: The layer's reasons, if it has any.
            locate: Returns ``" (line N)"`` for a key of this layer, or ``""``.

        Raises:
            ScenarioError: If a value has the wrong type or is out of range.
        """
        reasons = reasons or {}
        for key, value in values.items():
            self.values[key] = value
            self.sources[key] = source
            self.reasons.pop(key, None)
        for key, reason in reasons.items():
            if key in values or key not in self.reasons:
                self.reasons[key] = reason
        self.validate(where, locate)

    def copy(self) -> _Merged:
        """Return an independent copy, to try a layer without changing this one."""
        return _Merged(dict(self.values), dict(self.sources), dict(self.reasons))

    def validate(self, where: str, locate: Callable[[str], str] | None = None) -> Parameters:
        """Validate the accumulated values.

        Args:
            where: The start of an error message (file and table).
            locate: Returns ``" (line N)"`` for a key, or ``""``.

        Raises:
            ScenarioError: With every problem, prefixed by ``where``.
        """
        try:
            return make_parameters(self.values)
        except ParameterError as error:
            problems = [_locate_problem(p, locate) for p in error.problems]
            raise ScenarioError(f"{where} " + "; ".join(problems)) from None
        except (OverflowError, TypeError, ValueError) as error:  # defensive: never a traceback
            raise ScenarioError(f"{where} a value cannot be used ({error})") from None


def _locate_problem(problem: str, locate: Callable[[str], str] | None) -> str:
    """Add the line of the key a problem names, and shorten very long values."""
    if locate is not None:
        problem = _PROBLEM_KEY.sub(lambda m: m.group(0) + locate(m.group(1)), problem, count=1)
    return problem if len(problem) <= _MAX_PROBLEM else problem[: _MAX_PROBLEM - 3] + "..."


def _locator(file: _File, table: str) -> Callable[[str], str]:
    return lambda key: _line_of(file.text, table, key)


def _apply_file(
    path: Path, merged: _Merged, chain: tuple[Path, ...], *, as_base: bool
) -> _File:
    """Apply one file's base chain and then its own parameters to ``merged``."""
    file = _read(path)
    identity = _identity(path)
    chain = (*chain, identity)
    base = file.meta.get("base")
    if base is not None:
        context = f"{_where(file, 'scenario', 'base')}: "
        reference, variant = _split_variant(base.strip())
        base_path = _resolve(reference, relative_to=path.parent, context=context)
        if _identity(base_path) in chain:
            names = [_display(p) for p in (*chain, _identity(base_path))]
            raise _CycleError(f"{file.label}: a cycle of bases: {' -> '.join(names)}")
        try:
            base_file = _apply_file(base_path, merged, chain, as_base=True)
            if variant is not None:
                _apply_variant(base_file, variant, merged, as_base=True)
        except _CycleError:
            raise
        except ScenarioError as error:
            raise ScenarioError(f"{error} (in the base of {file.label})") from None
    source = f"{file.label} (base)" if as_base else file.label
    merged.apply(
        file.parameters, source, _where(file, "parameters"), file.reasons,
        _locator(file, "parameters"),
    )
    for variant in file.variants:  # a broken variant is an error even when it is not chosen
        _apply_variant(file, variant, merged.copy(), as_base=as_base)
    return file


def _apply_variant(file: _File, variant: str, merged: _Merged, *, as_base: bool) -> None:
    if variant not in file.variants:
        offered = sorted(file.variants)
        listing = ", ".join(offered) if offered else "none"
        raise ScenarioError(
            f"{file.label}: unknown variant {variant!r}{suggest(variant, offered)} "
            f"(variants in this file: {listing})"
        )
    values = file.variants[variant]
    source = f"{file.label} (base)" if as_base else f"{file.label} (variant {variant})"
    table = f"variants.{variant}"
    merged.apply(values, source, _where(file, table), locate=_locator(file, table))


def _identity(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return path.absolute()


def _prepare_overrides(overrides: Mapping[str, Any]) -> dict[str, Any]:
    """Check override names and read text values (``"120"``) as the declared type."""
    specs = parameter_specs()
    prepared: dict[str, Any] = {}
    for key, value in overrides.items():
        if not isinstance(key, str) or key not in specs:
            raise ScenarioError(
                f"{COMMAND_LINE}: unknown parameter {key!r}{suggest(str(key), list(specs))}"
            )
        spec = specs[key]
        if isinstance(value, str) and spec.kind in (bool, int, float):
            try:
                key, value = parse_override(f"{key}={value}")
            except ParameterError as error:
                raise ScenarioError(f"{COMMAND_LINE}: {error}") from None
        if spec.kind is float and type(value) is int and abs(value) > 10**300:
            raise ScenarioError(f"{COMMAND_LINE}: parameter {key!r} is far out of range")
        prepared[key] = value
    return prepared


# --- Public API -----------------------------------------------------------------------------------


def load_scenario(
    name_or_path: str | Path | None = None, overrides: Mapping[str, Any] | None = None
) -> Scenario:
    """Load a scenario by name or path, apply its base, variant and overrides, and validate it.

    The order in which values are applied is described once, in this module's docstring.

    Args:
        name_or_path: A name in the scenarios folder (``"kerkweg"``), a name with a variant
            (``"kerkweg:no_support"``), or a path to a ``.toml`` file (optionally with
            ``:variant``). ``None`` loads the neutral ``default`` scenario, or the bare declared
            defaults when the scenarios folder has no ``default.toml``.
        overrides: Parameter values that win over everything in the files (the command line).
            Text values such as ``"120"`` are read as the declared type.

    Returns:
        The validated scenario.

    Raises:
        ScenarioError: With one line naming the file, the key or line, and what is allowed.
    """
    prepared = _prepare_overrides(overrides or {})
    if name_or_path is None:
        if not _is_file(scenarios_dir() / f"{DEFAULT}.toml"):
            return _built_in_defaults(prepared)
        name_or_path = DEFAULT
    if isinstance(name_or_path, Path):
        reference, variant = name_or_path, None
    else:
        reference, variant = _split_variant(str(name_or_path).strip())
    path = _resolve(reference, relative_to=None)
    merged = _Merged()
    file = _apply_file(path, merged, (), as_base=False)
    if variant is not None:
        _apply_variant(file, variant, merged, as_base=False)
    if prepared:
        merged.apply(prepared, COMMAND_LINE, f"{COMMAND_LINE}:")
    parameters = merged.validate(f"{file.label}:")
    sources = {name: merged.sources.get(name, DEFAULT) for name in parameter_specs()}
    meta = file.meta
    return Scenario(
        name=path.stem if variant is None else f"{path.stem}:{variant}",
        parameters=parameters,
        sources=MappingProxyType(sources),
        path=path,
        titles=MappingProxyType(
            {lang: meta.get(f"title_{lang}", "").strip() for lang in LANGUAGES}
        ),
        descriptions=MappingProxyType(
            {lang: meta.get(f"description_{lang}", "").strip() for lang in LANGUAGES}
        ),
        reasons=MappingProxyType(dict(merged.reasons)),
        base=meta.get("base"),
        variant=variant,
        variants=tuple(sorted(file.variants)),
        overrides=MappingProxyType(prepared),
    )


def _built_in_defaults(overrides: dict[str, Any]) -> Scenario:
    merged = _Merged()
    if overrides:
        merged.apply(overrides, COMMAND_LINE, f"{COMMAND_LINE}:")
    return Scenario(
        name=DEFAULT,
        parameters=merged.validate(f"{COMMAND_LINE}:"),
        sources=MappingProxyType(
            {name: merged.sources.get(name, DEFAULT) for name in parameter_specs()}
        ),
        titles=MappingProxyType({"nl": "Standaardwaarden", "en": "Declared defaults"}),
        overrides=MappingProxyType(overrides),
    )


def list_scenarios() -> list[Scenario]:
    """Load every scenario in the scenarios folder: ``default`` first, then by name.

    Raises:
        ScenarioError: If any file in the folder does not load.
    """
    names = _available()
    names.sort(key=lambda name: (name != DEFAULT, name))
    return [load_scenario(scenarios_dir() / f"{name}.toml") for name in names]
