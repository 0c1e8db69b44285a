"""Where scenario files are, and how a scenario's name or path becomes a file.

A scenario is named (``kerkweg``, found in the scenarios folder), named with a variant
(``kerkweg:no_support``), or given as a path to a ``.toml`` file. A file's ``base`` is looked for
next to that file first, so a user's own files can build on each other. The scenarios folder is
``$SIMULATIE_SCENARIOS`` if set, else the repository's ``scenarios/`` folder.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from simulatie.core.parameters import suggest
from simulatie.experiment.files import FileError, check_path

__all__ = ["ENV_VAR", "NOUN", "ScenarioError", "available", "identity", "looks_like_path",
           "resolve", "scenarios_dir", "split_variant"]

ENV_VAR = "SIMULATIE_SCENARIOS"
"""Environment variable that points to another folder of scenario files."""

NOUN = "scenario file"
NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*")
"""What a scenario's or variant's name may look like."""


class ScenarioError(FileError):
    """A scenario that cannot be loaded, explained in one line naming the file and the key."""


def scenarios_dir() -> Path:
    """Return the folder of named scenarios.

    ``$SIMULATIE_SCENARIOS`` if set, otherwise the repository's ``scenarios/`` folder next to the
    package (or ``./scenarios`` when the package is installed elsewhere).
    """
    configured = os.environ.get(ENV_VAR, "").strip()
    if configured:
        return expand(Path(configured))
    beside_package = Path(__file__).resolve().parents[2] / "scenarios"
    if is_dir(beside_package):
        return beside_package
    return Path.cwd() / "scenarios"


def is_file(path: Path) -> bool:
    """Whether ``path`` is a regular file; ``False`` for a path the system cannot even check."""
    try:
        return path.is_file()
    except (OSError, ValueError):  # e.g. an embedded null byte or a name that is too long
        return False


def is_dir(path: Path) -> bool:
    """Whether ``path`` is a folder; ``False`` for a path the system cannot even check."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def exists(path: Path) -> bool:
    """Whether ``path`` exists; ``False`` for a path the system cannot even check."""
    try:
        return path.exists()
    except (OSError, ValueError):
        return False


def available() -> list[str]:
    """The names of the scenarios in the scenarios folder."""
    folder = scenarios_dir()
    try:
        return sorted(p.stem for p in folder.glob("*.toml") if is_file(p))
    except OSError:
        return []


def expand(path: Path) -> Path:
    """``~`` expanded, or the path unchanged when there is no home folder to expand to."""
    try:
        return path.expanduser()
    except (RuntimeError, OSError, ValueError):  # "~user" without a home folder
        return path


def split_variant(text: str) -> tuple[str, str | None]:
    """Split ``"kerkweg:no_support"`` into the scenario and the variant; leave paths alone."""
    head, sep, tail = text.rpartition(":")
    if sep and len(head) > 1 and NAME.fullmatch(tail):
        return head, tail
    return text, None


def looks_like_path(text: str) -> bool:
    """Whether a reference is a path (``.toml`` or a folder separator) rather than a name."""
    return text.endswith(".toml") or "/" in text or os.sep in text


def unknown_scenario(name: str, context: str) -> ScenarioError:
    """The error for a name that is not in the scenarios folder, with the names that are."""
    names = available()
    listing = ", ".join(names) if names else f"none found in {scenarios_dir()}"
    return ScenarioError(
        f"{context}unknown scenario {name!r}{suggest(name, names)} "
        f"(available: {listing}; or give the path to a .toml file)"
    )


def resolve(reference: str | Path, *, relative_to: Path | None, context: str = "") -> Path:
    """Turn a scenario name or path into the path of an existing file.

    Args:
        reference: A name in the scenarios folder, or a path to a ``.toml`` file.
        relative_to: The folder of the file that names ``reference`` as its base; its own
            folder is searched first, so a user's files can build on each other.
        context: Prefix for error messages (which file and key named the reference).

    Raises:
        ScenarioError: If nothing matches, or the match is not a readable file.
    """
    if isinstance(reference, Path) or looks_like_path(reference):
        path = expand(Path(reference))
        if relative_to is not None and not path.is_absolute():
            path = relative_to / path
        return check_path(path, NOUN, ScenarioError, context)
    if not reference.strip():
        raise ScenarioError(f"{context}the scenario name is empty")
    folders = [relative_to] if relative_to is not None else []
    folders.append(scenarios_dir())
    for folder in folders:
        candidate = folder / f"{reference}.toml"
        if is_file(candidate):
            return candidate
    if relative_to is None and exists(Path(reference)):
        return check_path(Path(reference), NOUN, ScenarioError, context)
    raise unknown_scenario(reference, context)


def identity(path: Path) -> Path:
    """The file's real path, to recognise a cycle of bases however the files name each other."""
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return path.absolute()
