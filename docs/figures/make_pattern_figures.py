"""Draw one figure per field pattern, and write the per-pattern part of ``docs/patterns.md``.

Reuses the arms of ``tests/patterns_helpers.py`` (same seeds, same replications, same verdict as
the pattern tests). Each figure shows the two arms under the default assumptions and under the
counter-assumption: mean ± standard error, with every replication as a dot. The text of
``docs/patterns.md`` up to its "Notes and honest limits" section is rewritten from these runs;
the notes after it are written by hand and kept.

Run from the repository root: ``.venv/bin/python docs/figures/make_pattern_figures.py``.
"""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from patterns_helpers import PATTERNS, REPS, compare, run_arms, run_pattern, verdict  # noqa: E402

OUT = ROOT / "docs" / "figures" / "patterns"
DOC = ROOT / "docs" / "patterns.md"
NOTES = "## Notes and honest limits"
Z = 2.0

INTRO = """# The eleven field patterns: where they emerge and where they fail

<!-- Generated up to "Notes and honest limits" by docs/figures/make_pattern_figures.py. -->

Pattern-oriented modelling (Grimm et al. 2005). For each pattern of `model.md` two arms run on the
same seeds (common random numbers, {reps} replications per arm{more}) in a small neighbourhood of
150 residents{bigger}. A pattern *emerges* when the paired difference b − a exceeds two standard
errors (z > 2) and, where the pattern sets one, a minimum relative size (b ≥ ratio × a). Under the
*counter-assumption* (extra settings applied to both arms) the same test must fail: the
difference vanishes (z ≤ 2), reverses, or becomes too small to matter. The tests are
`tests/test_patterns.py` (`pytest -m patterns`), the arms and the shared verdict
`tests/patterns_helpers.py`, the figures `docs/figures/make_pattern_figures.py` (dots:
replications; bars: mean ± 2 SE).

Values are mean ± standard error over replications.
"""


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


SELFLESSNESS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)


def selflessness_curve() -> Path:
    """Pattern 10 over the counter-assumption's lever: the effect fades as volunteers get selfless.

    Shows that the counter-assumption is the end of a gradient, not a switch.
    """
    pattern = PATTERNS["10"]
    a, b, diff, se = [], [], [], []
    for value in SELFLESSNESS:
        extra = {"volunteer_selflessness": value}
        arms = {"a": {**pattern.params(pattern.a), **extra},
                "b": {**pattern.params(pattern.b), **extra}}
        values = run_arms(arms, pattern.steps, (pattern.measure,))[pattern.measure]
        result = compare(values, "a", "b")
        a.append(result.a.mean)
        b.append(result.b.mean)
        diff.append(result.diff)
        se.append(result.se)
        print(f"selflessness {value}: {result.describe()}", flush=True)
    fig, ax = plt.subplots(figsize=(6.4, 3.4), dpi=90)
    ax.plot(SELFLESSNESS, a, "o-", color="#8c8c8c", label=pattern.a.label)
    ax.plot(SELFLESSNESS, b, "o-", color="#1f77b4", label=pattern.b.label)
    lower = [x - 2 * s for x, s in zip(b, se, strict=True)]
    upper = [x + 2 * s for x, s in zip(b, se, strict=True)]
    ax.fill_between(SELFLESSNESS, lower, upper, color="#1f77b4", alpha=0.15, lw=0,
                    label="b ± 2 SE of the paired difference")
    ax.set_xlabel("volunteer_selflessness (mean share of motives that needs nothing back)",
                  fontsize=7)
    ax.set_ylabel(pattern.measure, fontsize=7)
    ax.set_title("Pattern 10 across the counter-assumption's lever (default 0.3)", fontsize=8)
    ax.legend(fontsize=6)
    ax.tick_params(labelsize=6)
    fig.tight_layout()
    path = OUT / "pattern_10_selflessness.png"
    fig.savefig(path)
    plt.close(fig)
    return path


def _fmt(x: float) -> str:
    return f"{x:.3g}"


def section(key: str, result, counter) -> str:
    """The markdown section of one pattern: measure, table, mechanism, counter, figure."""
    pattern = PATTERNS[key]
    _, why = verdict(pattern, counter, Z)
    holds, reason = verdict(pattern, result, Z)
    outcome = ("**Verdict: the pattern emerges** (z > 2" + (", and b ≥ ratio × a" if
               pattern.min_ratio is not None else "") + ")." if holds else
               f"**Verdict: the pattern does not emerge**: {reason.split(':')[0]}.")
    size = f" (min ratio b/a: {pattern.min_ratio:g})" if pattern.min_ratio is not None else ""
    rows = [
        f"| a: {pattern.a.label} | {_fmt(result.a.mean)} ± {_fmt(result.a.se)} "
        f"| {_fmt(counter.a.mean)} ± {_fmt(counter.a.se)} |",
        f"| b: {pattern.b.label} | {_fmt(result.b.mean)} ± {_fmt(result.b.se)} "
        f"| {_fmt(counter.b.mean)} ± {_fmt(counter.b.se)} |",
        f"| b − a (paired) | {_fmt(result.diff)} ± {_fmt(result.se)} (z = {result.z:.1f}) "
        f"| {_fmt(counter.diff)} ± {_fmt(counter.se)} (z = {counter.z:.1f}) |",
    ]
    return "\n".join([
        f"## Pattern {key}: {pattern.title}", "",
        f"Measure: `{pattern.measure}` after {pattern.steps} weeks{size}.", "",
        "| arm | default assumptions | counter-assumption |", "|---|---|---|", *rows, "",
        outcome, "",
        f"**Mechanism.** {pattern.mechanism}", "",
        f"**Counter-assumption:** {pattern.counter_label}. The pattern no longer holds: "
        f"{why.split(':')[0]}.", "",
        f"![Pattern {key}](figures/patterns/pattern_{key}.png)", "",
    ])


def intro() -> str:
    """The opening paragraph, with the replications and sizes the patterns really use."""
    more = sorted(k for k, p in PATTERNS.items() if p.reps != REPS)
    extra = ", ".join(f"{PATTERNS[k].reps} for pattern {k}" for k in more)
    big = sorted(k for k, p in PATTERNS.items() if p.base.get("residents", 150) != 150)
    bigger = ", ".join(f"{PATTERNS[k].base['residents']} for pattern {k}" for k in big)
    text = INTRO.format(reps=REPS, more=f", {extra}" if extra else "",
                        bigger=f" ({bigger})" if bigger else "")
    paragraphs = text.split("\n\n")
    paragraphs[2] = textwrap.fill(" ".join(paragraphs[2].split()), 100)
    return "\n\n".join(paragraphs)


def main() -> None:
    """Run every pattern, draw it, write ``results.json`` and the top of ``docs/patterns.md``."""
    OUT.mkdir(parents=True, exist_ok=True)
    numbers = {}
    sections = []
    for key, pattern in PATTERNS.items():
        result, counter = run_pattern(pattern)
        draw(key, result, counter)
        sections.append(section(key, result, counter))
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
    selflessness_curve()
    notes = DOC.read_text(encoding="utf-8").split(NOTES, 1)[1]
    DOC.write_text(intro() + "\n" + "\n".join(sections) + NOTES + notes, encoding="utf-8")


if __name__ == "__main__":
    main()
