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

A file's ``[reasons]`` say why a value was chosen, in the file's language; ``[reasons_nl]`` and
``[reasons_en]`` may say it in Dutch or English as well (:meth:`Scenario.reason`). A reason belongs
to the layer that set the value: a later layer that changes the value drops the earlier reasons.

Every problem with a file (unknown scenario, unknown table or key, wrong type, out-of-range value,
missing base, a cycle of bases, malformed TOML, a file that is not UTF-8, a directory instead of a
file) raises :class:`ScenarioError` with one line that names the file, the key or line, and what
is allowed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from pydantic import Field

from simulatie.core.parameters import (
    ParameterError,
    Parameters,
    make_parameters,
    parameter_specs,
    suggest,
)
from simulatie.experiment.files import (
    StrictFile,
    TomlFile,
    check_parameter_names,
    display,
    read_toml,
    typed_overrides,
    validate_file,
)
from simulatie.experiment.scenario_paths import (
    ENV_VAR,
    NAME,
    NOUN,
    ScenarioError,
    available,
    identity,
    is_file,
    resolve,
    scenarios_dir,
    split_variant,
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

DEFAULT = "default"
"""Source label of a value that nobody changed, and the name of the neutral scenario."""

COMMAND_LINE = "command line"
"""Source label of a value passed as an override."""

LANGUAGES = ("nl", "en")
REASON_TABLES = ("reasons", "reasons_nl", "reasons_en")
"""The tables of reasons: as the file says them, in Dutch, in English."""
_MAX_PROBLEM = 300
_PROBLEM_KEY = re.compile(r"^parameter '(\w+)'")


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
        reasons: Why a value was chosen, by parameter name, from the layer that set it
            (``[reasons]``, in the file's language).
        base: The ``base`` named in the file, if any.
        variant: The variant applied, if any.
        variants: The variants this file offers.
        overrides: The overrides applied on top (the command line).
        translated_reasons: The reasons given in ``[reasons_nl]`` and ``[reasons_en]``, by
            language and parameter name.
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
    translated_reasons: Mapping[str, Mapping[str, str]] = field(default_factory=dict, hash=False)

    def reason(self, name: str, lang: str = "nl") -> str:
        """Why ``name`` has its value: in ``lang`` if a file says it so, else as the file says it.

        Args:
            name: A parameter.
            lang: ``"nl"`` or ``"en"``.

        Returns:
            The reason (``[reasons_nl]``/``[reasons_en]``, else ``[reasons]``, else the other
            language), or ``""`` when no file gives one.
        """
        own = self.translated_reasons.get(lang, {}).get(name)
        if own:
            return own
        if self.reasons.get(name):
            return self.reasons[name]
        return next((self.translated_reasons.get(other, {}).get(name, "")
                     for other in LANGUAGES if self.translated_reasons.get(other, {}).get(name)),
                    "")

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


# --- Reading one file -----------------------------------------------------------------------------


class ScenarioSection(StrictFile):
    """The ``[scenario]`` table: the file's base and its titles and descriptions."""

    base: str | None = None
    title_nl: str = ""
    title_en: str = ""
    description_nl: str = ""
    description_en: str = ""


class ScenarioFile(StrictFile):
    """The whole file: ``[scenario]``, ``[parameters]``, the reasons and ``[variants.*]``.

    Parameter names are checked against the declarations; parameter values are checked when
    the layers are merged (:class:`_Merged`), because a value can only be judged together with
    the others (group shares must add up to at most 1).
    """

    scenario: ScenarioSection = ScenarioSection()
    parameters: dict[str, Any] = Field(default_factory=dict)
    reasons: dict[str, str] = Field(default_factory=dict)
    reasons_nl: dict[str, str] = Field(default_factory=dict)
    reasons_en: dict[str, str] = Field(default_factory=dict)
    variants: dict[str, dict[str, Any]] = Field(default_factory=dict)


TABLES = tuple(ScenarioFile.model_fields)
"""The tables a scenario file may have."""
SCENARIO_KEYS = tuple(ScenarioSection.model_fields)
"""The keys of its ``[scenario]`` table."""


@dataclass(frozen=True)
class _File:
    """One scenario file, read and checked for structure (values are checked when merged)."""

    toml: TomlFile
    content: ScenarioFile

    @property
    def label(self) -> str:
        """The file as the user would name it."""
        return self.toml.label

    @property
    def meta(self) -> ScenarioSection:
        """The ``[scenario]`` table."""
        return self.content.scenario

    @property
    def variants(self) -> dict[str, dict[str, Any]]:
        """The variants by name."""
        return self.content.variants

    @property
    def reasons(self) -> dict[str, dict[str, str]]:
        """The file's reasons, by table (:data:`REASON_TABLES`)."""
        return {table: getattr(self.content, table) for table in REASON_TABLES}


def _read(path: Path) -> _File:
    """Read and structurally check one scenario file.

    Raises:
        ScenarioError: If the file is not UTF-8 TOML with only the known tables and keys.
    """
    toml = read_toml(path, NOUN, ScenarioError)
    content = validate_file(ScenarioFile, toml, ScenarioError)
    base = content.scenario.base
    if base is not None and not base.strip():
        raise ScenarioError(
            f"{toml.where('scenario', 'base')} is empty; name a scenario or leave it out"
        )
    check_parameter_names(content.parameters, toml, "parameters", ScenarioError)
    for table in REASON_TABLES:
        check_parameter_names(getattr(content, table), toml, table, ScenarioError)
    for variant, values in content.variants.items():
        if not NAME.fullmatch(variant):
            raise ScenarioError(
                f"{toml.label}: variant name {variant!r} may only use letters, digits, '_' and '-'"
            )
        check_parameter_names(values, toml, f"variants.{variant}", ScenarioError)
    return _File(toml, content)


# --- Merging layers -------------------------------------------------------------------------------


def _no_reasons() -> dict[str, dict[str, str]]:
    return {table: {} for table in REASON_TABLES}


@dataclass
class _Merged:
    """The values, sources and reasons (by table) accumulated over the layers so far."""

    values: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    reasons: dict[str, dict[str, str]] = field(default_factory=_no_reasons)

    def apply(
        self,
        values: Mapping[str, Any],
        source: str,
        where: str,
        reasons: Mapping[str, Mapping[str, str]] | None = None,
        locate: Callable[[str], str] | None = None,
    ) -> None:
        """Apply one layer and check that the result is still valid parameters.

        Args:
            values: The layer's parameter values.
            source: The source label recorded for each value.
            where: The start of an error message (file and table, or ``"command line:"``).
            reasons: The layer's reasons by table (:data:`REASON_TABLES`), if it has any.
            locate: Returns ``" (line N)"`` for a key of this layer, or ``""``.

        Raises:
            ScenarioError: If a value has the wrong type or is out of range.
        """
        for key, value in values.items():
            self.values[key] = value
            self.sources[key] = source
            for kept in self.reasons.values():
                kept.pop(key, None)
        for table, given in (reasons or {}).items():
            kept = self.reasons[table]
            for key, reason in given.items():
                if key in values or key not in kept:
                    kept[key] = reason
        self.validate(where, locate)

    def copy(self) -> _Merged:
        """Return an independent copy, to try a layer without changing this one."""
        return _Merged(dict(self.values), dict(self.sources),
                       {table: dict(kept) for table, kept in self.reasons.items()})

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
    return lambda key: file.toml.line(table, key)


def _apply_file(
    path: Path, merged: _Merged, chain: tuple[Path, ...], *, as_base: bool
) -> _File:
    """Apply one file's base chain and then its own parameters to ``merged``."""
    file = _read(path)
    chain = (*chain, identity(path))
    base = file.meta.base
    if base is not None:
        context = f"{file.toml.where('scenario', 'base')}: "
        reference, variant = split_variant(base.strip())
        base_path = resolve(reference, relative_to=path.parent, context=context)
        if identity(base_path) in chain:
            names = [display(p) for p in (*chain, identity(base_path))]
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
        file.content.parameters, source, file.toml.where("parameters"), file.reasons,
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
    merged.apply(values, source, file.toml.where(table), locate=_locator(file, table))


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
    prepared = typed_overrides(overrides or {}, f"{COMMAND_LINE}:", ScenarioError)
    if name_or_path is None:
        if not is_file(scenarios_dir() / f"{DEFAULT}.toml"):
            return _built_in_defaults(prepared)
        name_or_path = DEFAULT
    if isinstance(name_or_path, Path):
        reference, variant = name_or_path, None
    else:
        reference, variant = split_variant(str(name_or_path).strip())
    path = resolve(reference, relative_to=None)
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
            {lang: getattr(meta, f"title_{lang}").strip() for lang in LANGUAGES}
        ),
        descriptions=MappingProxyType(
            {lang: getattr(meta, f"description_{lang}").strip() for lang in LANGUAGES}
        ),
        reasons=MappingProxyType(dict(merged.reasons["reasons"])),
        base=meta.base,
        variant=variant,
        variants=tuple(sorted(file.variants)),
        overrides=MappingProxyType(prepared),
        translated_reasons=MappingProxyType(
            {lang: MappingProxyType(dict(merged.reasons[f"reasons_{lang}"])) for lang in LANGUAGES}
        ),
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
    names = available()
    names.sort(key=lambda name: (name != DEFAULT, name))
    return [load_scenario(scenarios_dir() / f"{name}.toml") for name in names]
