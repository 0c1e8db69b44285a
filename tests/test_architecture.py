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
