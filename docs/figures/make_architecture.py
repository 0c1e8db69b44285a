"""Regenerate the generated parts of ``docs/architecture.md`` from the code.

Two parts of that page are drawn from the code, between ``<!-- generated: NAME -->`` and
``<!-- /generated -->`` markers, so they cannot drift from it:

- ``layers``: the layers of the first import contract in ``pyproject.toml`` (the one that
  ``lint-imports`` enforces), each with its modules and the first line of their docstrings;
- ``core``: the same for the second contract, the layers inside the model;
- ``week``: the stages of one week, in the order ``simulatie/core/lifecycle/week.py`` runs them.

Run ``python docs/figures/make_architecture.py`` after moving a module; ``--check`` only reports
whether the page is current (``tests/test_architecture.py`` calls it that way).
"""

from __future__ import annotations

import argparse
import ast
import itertools
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "architecture.md"
MARKER = re.compile(r"(<!-- generated: (\w+) -->\n)(.*?)(<!-- /generated -->)", re.DOTALL)


def _layers(contract: int = 0) -> list[list[str]]:
    """The layers of the ``contract``-th layers contract, top first; each a list of packages."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = [c for c in config["tool"]["importlinter"]["contracts"]
                 if c.get("type") == "layers"]
    return [[part.strip() for part in layer.split("|")] for layer in contracts[contract]["layers"]]


def _nested() -> set[str]:
    """The packages inside the model that the second contract orders (drawn in ``core``)."""
    return {package for layer in _layers(1) for package in layer}


def _summary(path: Path) -> str:
    """The first line of a module's (or package's) docstring."""
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    return doc.strip().splitlines()[0].rstrip(".") if doc.strip() else ""


def _modules(package: str, skip: set[str] = frozenset()) -> list[tuple[str, str]]:
    """Every module of a package, subpackages included, with its summary; sorted by name.

    A subpackage named in ``skip`` is listed by its own summary only, not module by module.
    """
    folder = ROOT / package.replace(".", "/")
    found = []
    for path in sorted(folder.rglob("*.py")):
        if path.name == "__main__.py" or "__pycache__" in path.parts:
            continue
        relative = path.relative_to(ROOT).with_suffix("")
        parts = relative.parts[:-1] if path.name == "__init__.py" else relative.parts
        if path.name == "__init__.py" and path.parent == folder:
            continue  # the layer's own package is the heading
        name = ".".join(parts)
        if any(name.startswith(f"{other}.") for other in skip):
            continue
        found.append((name, _summary(path)))
    return found


def layers_section(contract: int = 0) -> str:
    """A Mermaid picture of a contract's layers and a table of every module by layer."""
    layers = _layers(contract)
    skip = _nested() if contract == 0 else set()
    lines = ["```mermaid", "flowchart TD"]
    for index, layer in enumerate(layers):
        names = " · ".join(f"<b>{package}</b>" for package in layer)
        lines.append(f'    L{index}["{names}"]')
    for index in range(len(layers) - 1):
        lines.append(f"    L{index} --> L{index + 1}")
    lines += ["```", ""]
    for layer in layers:
        for package in layer:
            summary = _summary(ROOT / package.replace(".", "/") / "__init__.py")
            lines += [f"**`{package}`**: {summary}.", "", "| module | what it is |", "|---|---|"]
            lines += [f"| `{name}` | {summary} |" for name, summary in _modules(package, skip)]
            lines.append("")
    return "\n".join(lines)


def week_section() -> str:
    """A Mermaid picture of the week's stages, from the numbered list in ``core/week.py``."""
    doc = ast.get_docstring(ast.parse((ROOT / "simulatie/core/lifecycle/week.py").read_text()))
    stages = re.findall(r"^(\d+)\. (\w+): (.+?)(?=^\d+\. |\Z)", doc or "", re.M | re.S)
    lines = ["```mermaid", "flowchart LR"]
    for number, name, _ in stages:
        lines.append(f'    S{number}["{number}. {name}"]')
    lines += [f"    S{a[0]} --> S{b[0]}" for a, b in itertools.pairwise(stages)]
    lines += ["```", "", "| stage | what happens |", "|---|---|"]
    lines += [f"| {number}. {name} | {' '.join(text.split()).rstrip(';.')} |"
              for number, name, text in stages]
    return "\n".join(lines) + "\n"


def core_section() -> str:
    """The layers inside the model (the second contract), drawn as :func:`layers_section`."""
    return layers_section(contract=1)


SECTIONS = {"layers": layers_section, "core": core_section, "week": week_section}


def render(text: str) -> str:
    """The page with every generated section made from the code."""
    def replace(match: re.Match[str]) -> str:
        return match.group(1) + SECTIONS[match.group(2)]() + "\n" + match.group(4)

    return MARKER.sub(replace, text)


def main() -> int:
    """Rewrite the page, or with ``--check`` report whether it is current."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; exit 1 if stale")
    args = parser.parse_args()
    text = PAGE.read_text(encoding="utf-8")
    new = render(text)
    if args.check:
        if new != text:
            print("docs/architecture.md is stale: run python docs/figures/make_architecture.py")
            return 1
        return 0
    PAGE.write_text(new, encoding="utf-8")
    print(f"wrote {PAGE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
