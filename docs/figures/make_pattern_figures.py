"""Draw one figure per field pattern, and write the numbers behind ``docs/patterns.md``.

Reuses the arms of ``tests/patterns_helpers.py`` (same seeds, same replications as the pattern
tests). Each figure shows the two arms under the default assumptions and under the
counter-assumption: mean ± standard error, with every replication as a dot.

Run from the repository root: ``.venv/bin/python docs/figures/make_pattern_figures.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from patterns_helpers import PATTERNS, run_pattern  # noqa: E402

OUT = ROOT / "docs" / "figures" / "patterns"


def draw(key: str, result, counter) -> Path:
    """Draw one pattern's four arms and save the PNG."""
    pattern = PATTERNS[key]
    arms = [result.a, result.b, counter.a, counter.b]
    fig, ax = plt.subplots(figsize=(6.4, 3.4), dpi=90)
    colours = ["#8c8c8c", "#1f77b4", "#8c8c8c", "#1f77b4"]
    for x, (arm, colour) in enumerate(zip(arms, colours, strict=True)):
        xs = x + (0.6 if x >= 2 else 0.0)
        ax.scatter([xs] * len(arm.values), arm.values, s=10, color=colour, alpha=0.4)
        ax.errorbar(xs + 0.15, arm.mean, yerr=2 * arm.se, fmt="o", color=colour, capsize=4)
    ax.set_xticks([0, 1, 2.6, 3.6])
    ax.set_xticklabels([pattern.a.label, pattern.b.label, pattern.a.label, pattern.b.label],
                       fontsize=6, rotation=12)
    ax.axvline(1.8, color="k", lw=0.5)
    ax.set_title(f"Pattern {key}: {pattern.title}", fontsize=8)
    ax.set_ylabel(pattern.measure, fontsize=7)
    ymax = ax.get_ylim()[1]
    ax.text(0.5, ymax, f"default: z = {result.z:.1f}", ha="center", va="top", fontsize=7)
    ax.text(3.1, ymax, f"counter: z = {counter.z:.1f}", ha="center", va="top", fontsize=7)
    ax.text(3.1, ax.get_ylim()[0], pattern.counter_label, ha="center", va="bottom", fontsize=5.5,
            wrap=True)
    ax.tick_params(labelsize=6)
    fig.tight_layout()
    path = OUT / f"pattern_{key}.png"
    fig.savefig(path)
    plt.close(fig)
    return path


def main() -> None:
    """Run every pattern, draw it, and write ``results.json``."""
    OUT.mkdir(parents=True, exist_ok=True)
    numbers = {}
    for key, pattern in PATTERNS.items():
        result, counter = run_pattern(pattern)
        draw(key, result, counter)
        numbers[key] = {
            "title": pattern.title, "measure": pattern.measure, "steps": pattern.steps,
            "counter": pattern.counter_label, "mechanism": pattern.mechanism,
            "arms": [{"label": arm.label, "mean": arm.mean, "se": arm.se}
                     for arm in (result.a, result.b, counter.a, counter.b)],
            "diff": result.diff, "diff_se": result.se, "z": result.z,
            "counter_diff": counter.diff, "counter_se": counter.se, "counter_z": counter.z,
        }
        print(f"{key}: {result.describe()} | counter: {counter.describe()}", flush=True)
    (OUT / "results.json").write_text(json.dumps(numbers, indent=1))


if __name__ == "__main__":
    main()
