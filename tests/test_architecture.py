"""docs/architecture.md stays true: its generated parts are current, and what it names exists."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "architecture.md"
GENERATOR = ROOT / "docs" / "figures" / "make_architecture.py"


def test_the_generated_parts_are_current():
    check = subprocess.run([sys.executable, str(GENERATOR), "--check"], capture_output=True,
                           text=True, cwd=ROOT, check=False)
    assert check.returncode == 0, check.stdout + check.stderr


def test_every_path_named_on_the_page_exists():
    text = PAGE.read_text(encoding="utf-8")
    paths = set(re.findall(r"`((?:simulatie|docs|tests|experiments|scenarios)/[\w./-]*)`", text))
    assert paths, "the page names no files; the check would be empty"
    missing = sorted(p for p in paths if not (ROOT / p).exists())
    assert not missing, f"docs/architecture.md names files that do not exist: {missing}"


def test_every_module_named_on_the_page_imports():
    text = PAGE.read_text(encoding="utf-8")
    names = set(re.findall(r"`(simulatie(?:\.\w+)+)`", text))
    assert len(names) > 20, "the generated tables should name every module"
    missing = sorted(n for n in names if importlib.util.find_spec(n) is None)
    assert not missing, f"docs/architecture.md names modules that do not exist: {missing}"


def test_every_layer_package_is_on_the_page():
    text = PAGE.read_text(encoding="utf-8")
    for package in ("simulatie.cli", "simulatie.dashboard", "simulatie.workshop",
                    "simulatie.experiment", "simulatie.core"):
        assert f"**`{package}`**" in text


def _outside_the_model():
    """Every syntax node of the layers above the model, with its place (``path:line``)."""
    import ast

    for layer in ("experiment", "workshop", "cli", "dashboard"):
        for path in sorted((ROOT / "simulatie" / layer).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                yield f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}", node


def _assigned(node) -> list:
    """The targets an assignment (plain or augmented) writes to; none for other nodes."""
    import ast

    if isinstance(node, ast.Assign):
        return node.targets
    return [node.target] if isinstance(node, ast.AugAssign) else []


def test_nothing_outside_the_model_writes_the_models_state():
    """Decisions enter the model through declared choices (``state/personal.py``); no module
    outside ``simulatie/core`` assigns to an element or attribute of the neighbourhood's state."""
    import ast

    records = {"population", "ties", "programme", "views", "support", "roles", "care", "layout"}

    def reaches_state(node: ast.AST) -> bool:
        """Whether an assignment target writes into a record of the state (not ``personal``)."""
        names = []
        while isinstance(node, ast.Attribute | ast.Subscript):
            if isinstance(node, ast.Attribute):
                names.append(node.attr)
            node = node.value
        if "personal" in names:  # the declared seam for decisions of played people
            return False
        return bool(records & set(names[1:])) or (isinstance(node, ast.Name)
                                                  and node.id == "pop")

    offending = [place for place, node in _outside_the_model()
                 if any(isinstance(t, ast.Subscript | ast.Attribute) and reaches_state(t)
                        for t in _assigned(node))]
    assert not offending, f"writes into the model's state outside simulatie/core: {offending}"


def test_played_peoples_choices_enter_only_through_the_declared_methods():
    """Outside ``simulatie/core`` nothing changes the containers of ``PersonalChoices``
    (``personal.fit[...] = ...``, ``personal.watched.add(...)``, ``personal.log.clear()``): a
    choice enters through its method (``choose_fit``, ``watch``, ``take_log``, ...)."""
    import ast

    mutators = {"pop", "add", "discard", "clear", "update", "append", "remove", "setdefault",
                "popitem", "extend"}

    def on_personal(node: ast.AST) -> bool:
        """Whether ``node`` is ``personal.<container>`` or ``<...>.personal.<container>``."""
        if not isinstance(node, ast.Attribute):
            return False
        owner = node.value
        return (isinstance(owner, ast.Attribute) and owner.attr == "personal") or (
            isinstance(owner, ast.Name) and owner.id == "personal")

    def changes_a_choice(node: ast.AST) -> bool:
        written = any(on_personal(t.value if isinstance(t, ast.Subscript) else t)
                      for t in _assigned(node))
        called = (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                  and node.func.attr in mutators and on_personal(node.func.value))
        return written or called

    offending = [place for place, node in _outside_the_model() if changes_a_choice(node)]
    assert not offending, f"choices changed outside their methods: {offending}"
