"""docs/odd.md and docs/patterns.md must describe the model and the pattern tests that exist.

The ODD document lists every parameter with its declared default and bounds, every metric, the
module constants with their values, and the group and guidance-style profiles; the patterns page
names each pattern's measure and counter-assumption as the tests run them. These tests fail when
the code changes and the documents do not, so the documents cannot silently drift.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import re
from enum import StrEnum
from pathlib import Path

import pytest

from simulatie.core.observe.metrics import METRICS
from simulatie.core.parameters import Parameters, parameter_specs
from simulatie.core.rules.professionals import STYLE_PROFILES
from simulatie.core.state.groups import GROUP_PROFILES
from simulatie.experiment.patterns import PATTERNS

ODD = Path(__file__).resolve().parents[1] / "docs" / "odd.md"
TEXT = ODD.read_text(encoding="utf-8")

# Core modules whose top-level numeric constants must be listed in section 9: every module of the
# model's state, rules, observation, lifecycle and run packages (the parameters are in section 8).
CORE = Path(__file__).resolve().parents[1] / "simulatie" / "core"
CONSTANT_MODULES = tuple(
    ".".join(path.relative_to(CORE).with_suffix("").parts)
    for package in ("state", "rules", "observe", "lifecycle", "run")
    for path in sorted((CORE / package).glob("*.py"))
    if path.name != "__init__.py"
)


def _section(heading: str) -> str:
    """Text of the ``## ...`` section whose heading starts with ``heading``."""
    match = re.search(rf"^## {re.escape(heading)}.*?$(.*?)(?=^## |\Z)", TEXT, re.M | re.S)
    assert match, f"docs/odd.md has no section '## {heading}'"
    return match.group(1)


def _table_rows(text: str) -> dict[str, list[str]]:
    """Rows of the markdown tables in ``text`` keyed by the backticked name in the first cell."""
    rows = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| `") and cells:
            name = cells[0].strip("`")
            rows[name] = cells
    return rows


def _number(cell: str) -> float:
    return float(cell.strip("`").replace("_", ""))


PARAM_ROWS = _table_rows(_section("8 Parameter table"))
CONSTANT_ROWS = _table_rows(_section("9 Module constants"))


# --- parameters -------------------------------------------------------------------------------
@pytest.mark.parametrize("name", list(Parameters.model_fields))
def test_every_parameter_is_documented_with_its_default(name: str) -> None:
    assert name in PARAM_ROWS, f"parameter '{name}' is missing from the table in docs/odd.md §8"
    spec = parameter_specs()[name]
    cell = PARAM_ROWS[name][1].strip("`")
    default = Parameters.model_fields[name].default
    if isinstance(default, bool):
        assert cell == str(default).lower(), f"{name}: docs say {cell}, code says {default}"
    elif isinstance(default, StrEnum):
        assert cell == default.value, f"{name}: docs say {cell}, code says {default.value}"
    else:
        assert _number(cell) == default, f"{name}: docs say {cell}, code says {default}"
        if spec.kind is int:
            assert re.fullmatch(r"-?\d+", cell), f"{name}: an int default is shown as {cell}"


@pytest.mark.parametrize("name", list(Parameters.model_fields))
def test_every_parameter_range_matches_its_bounds(name: str) -> None:
    spec = parameter_specs()[name]
    cell = PARAM_ROWS.get(name, ["", "", ""])[2]
    if spec.choices:
        assert re.findall(r"`([^`]+)`", cell) == list(spec.choices), f"{name}: choices differ"
    elif spec.kind is bool:
        assert cell == "true / false"
    else:
        lower, upper = (_number(part) for part in cell.split("–"))
        assert (lower, upper) == (spec.lower, spec.upper), f"{name}: range {cell} differs"


@pytest.mark.parametrize("name", list(Parameters.model_fields))
def test_every_parameter_shows_its_role_and_baseline(name: str) -> None:
    spec = parameter_specs()[name]
    cells = PARAM_ROWS.get(name, [""] * 6)
    assert cells[4] == spec.role.value, f"{name}: role {cells[4]!r}, code says {spec.role.value}"
    baseline = cells[5].strip("`")
    if spec.baseline is None:
        assert baseline == "—", f"{name}: a baseline {baseline!r} is shown but none is declared"
    elif isinstance(spec.baseline, bool):
        assert baseline == str(spec.baseline).lower(), name
    elif isinstance(spec.baseline, str):
        assert baseline == spec.baseline, name
    else:
        assert _number(baseline) == spec.baseline, f"{name}: baseline {baseline!r}"


def test_no_parameter_is_documented_that_does_not_exist() -> None:
    stale = set(PARAM_ROWS) - set(Parameters.model_fields)
    assert not stale, f"docs/odd.md §8 documents unknown parameters: {sorted(stale)}"


# --- metrics ----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", list(METRICS))
def test_every_metric_is_documented(name: str) -> None:
    assert f"`{name}`" in TEXT, f"metric '{name}' is not described in docs/odd.md"


# --- module constants -------------------------------------------------------------------------
def _numeric_constants() -> list[tuple[str, str, float]]:
    """Top-level UPPER_CASE numeric constants assigned in the model modules."""
    found = []
    for module in CONSTANT_MODULES:
        mod = importlib.import_module(f"simulatie.core.{module}")
        tree = ast.parse(Path(mod.__file__).read_text(encoding="utf-8"))
        for node in tree.body:
            target = node.targets[0] if isinstance(node, ast.Assign) else getattr(
                node, "target", None
            )
            if not isinstance(target, ast.Name) or not re.fullmatch(r"[A-Z][A-Z0-9_]*", target.id):
                continue
            value = getattr(mod, target.id)
            if isinstance(value, int | float) and not isinstance(value, bool):
                found.append((module, target.id, float(value)))
    return found


@pytest.mark.parametrize(("module", "name", "value"), _numeric_constants())
def test_every_constant_is_documented_with_its_value(module: str, name: str, value: float) -> None:
    assert name in CONSTANT_ROWS, f"{module}.{name} is missing from docs/odd.md §9"
    assert CONSTANT_ROWS[name][1] == module, f"{name}: docs say module {CONSTANT_ROWS[name][1]}"
    cell = CONSTANT_ROWS[name][2]
    assert _number(cell) == pytest.approx(value), f"{name}: docs say {cell}, code says {value}"


def test_group_profiles_table_matches_the_code() -> None:
    rows = _table_rows(_section("5 Initialisation"))
    for group, profile in GROUP_PROFILES.items():
        assert group.name in rows, f"group {group.name} missing from docs/odd.md §5.1"
        shown = [_number(c) for c in rows[group.name][1:11]]
        assert shown == pytest.approx(list(dataclasses.astuple(profile))), group.name


def test_style_profiles_table_matches_the_code() -> None:
    rows = _table_rows(_section("7 Submodels"))
    for style, profile in STYLE_PROFILES.items():
        assert style.value in rows, f"style {style.value} missing from docs/odd.md §7.8"
        shown = [_number(c) for c in rows[style.value][1:5]]
        assert shown == pytest.approx(list(dataclasses.astuple(profile))), style.value


# --- patterns ------------------------------------------------------------------------------------
PATTERNS_DOC = ODD.parent / "patterns.md"


@pytest.mark.parametrize("key", list(PATTERNS))
def test_patterns_doc_describes_each_pattern_as_tested(key: str) -> None:
    """docs/patterns.md has each pattern's title, target, measure and counter as the tests use.

    The per-pattern sections are written by docs/figures/make_pattern_figures.py; rerun it when
    this fails.
    """
    pattern = PATTERNS[key]
    text = PATTERNS_DOC.read_text(encoding="utf-8")
    section = rf"^## Pattern {re.escape(key)}: ([^\n]*)\n(.*?)(?=^## |\Z)"
    match = re.search(section, text, re.M | re.S)
    assert match, f"docs/patterns.md has no section for pattern {key}"
    assert match.group(1).strip() == pattern.title
    body = match.group(2)
    assert f"Measure: `{pattern.measure}` after {pattern.weeks} weeks" in body
    assert f"**Target** (written from the seed before running): {pattern.target}." in body
    assert f"**Counter-assumption:** {pattern.counter_label}." in body
    assert f"figures/patterns/pattern_{key}.png" in body
