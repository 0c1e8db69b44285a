"""Draw one figure per field pattern, and write the per-pattern part of ``docs/patterns.md``.

Reads the runs that ``simulatie patterns`` wrote (``results/patterns/runs.csv``: same seeds,
replications and verdicts as the tests) and the robustness across the calibration ensemble that
``simulatie patterns --ensemble --ship`` shipped (``simulatie/data/pattern_robustness.csv``).
Each figure shows the two arms under the default assumptions and under the counter-assumption:
every replication as a dot, the mean with its 95% interval. The text of ``docs/patterns.md`` up
to its "Notes and honest limits" section is rewritten; the notes after it are written by hand.

Run from the repository root, after ``simulatie patterns`` (about 20 minutes on two cores):
``.venv/bin/python docs/figures/make_pattern_figures.py [results/patterns/runs.csv]``.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd

from simulatie.experiment.patterns import PATTERNS, REPLICATIONS, PatternOutcome
from simulatie.experiment.patterns.evaluate import from_runs
from simulatie.experiment.patterns.robustness import (
    load_pattern_robustness,
    pattern_robustness_summary,
)

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "figures" / "patterns"
DOC = ROOT / "docs" / "patterns.md"
RUNS = ROOT / "results" / "patterns" / "runs.csv"
NOTES = "## Notes and honest limits"
# The model changed in ways that make earlier robustness answers stale (households, activities
# that live by people, lapsing meeting places): shipped answers built before this are marked.
MODEL_CHANGED = "2026-12-07"

INTRO = """# The eleven field patterns: where they emerge and where they fail

<!-- Generated up to "Notes and honest limits" by docs/figures/make_pattern_figures.py. -->

Pattern-oriented modelling (Grimm et al. 2005). For each pattern of `model.md` two arms run on the
same seeds (common random numbers, {reps} replications per arm{more}) on the **default
neighbourhood of 300 residents over ten years**, or the horizon the seed names. Before any run,
each pattern's **target** was written from the seed's words: the direction, and the size that
would count (b ≥ ratio × a, and a level where the seed names one).

- A pattern **shows** when the 95% interval of the paired difference b − a lies above zero and
  the target is met.
- Under the **counter-assumption** (extra settings on both arms: a plausible other neighbourhood
  or practice, not a switch that removes the mechanism) the arms must be **equivalent**: two
  one-sided t-tests (TOST, 5%) show the difference lies within ± the margin. The margin is the
  pattern's own meaningful size, (ratio − 1) × a under the counter-assumption, unless stated.
{ensemble}

Run them with `simulatie patterns` (`results/patterns/`), across the ensemble with
`simulatie patterns --ensemble`; the definitions are in `simulatie/experiment/patterns/`, the tests
in `tests/test_patterns.py` (`make test-slow`), the figures by
`docs/figures/make_pattern_figures.py` (dots: replications; bars: mean and 95% interval).
"""


def draw(outcome: PatternOutcome) -> Path:
    """Draw one pattern's four arms and save the PNG."""
    pattern, result, counter = outcome.pattern, outcome.result, outcome.counter
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
    ax.set_title(f"Pattern {outcome.key}: {pattern.title}", fontsize=8)
    ax.set_ylabel(pattern.measure, fontsize=7)
    ymax = ax.get_ylim()[1]
    shows = "shows" if outcome.shows else "does not show"
    equal = "equivalent" if outcome.counter_removes else "not shown equivalent"
    ax.text(0.5, ymax, f"default: {shows}", ha="center", va="top", fontsize=7)
    ax.text(3.1, ymax, f"counter: {equal} (TOST p = {outcome.equivalence.p_value:.2f})",
            ha="center", va="top", fontsize=7)
    ax.text(3.1, ax.get_ylim()[0], pattern.counter_label, ha="center", va="bottom", fontsize=5.5,
            wrap=True)
    ax.tick_params(labelsize=6)
    fig.tight_layout()
    path = OUT / f"pattern_{outcome.key}.png"
    fig.savefig(path)
    plt.close(fig)
    return path


def _fmt(x: float) -> str:
    return f"{x:.3g}"


def _p(value: float) -> str:
    return "< 0.001" if value < 0.001 else f"= {value:.3f}"


def _interval(result) -> str:
    low, high = result.interval()
    return f"{_fmt(result.diff)} ({_fmt(low)} to {_fmt(high)})"


def section(outcome: PatternOutcome, robust: dict | None, built: str = "") -> str:
    """The markdown section of one pattern: source, target, table, verdicts, figure."""
    key, pattern, result, counter = outcome.key, outcome.pattern, outcome.result, outcome.counter
    verdict = ("**Verdict: the pattern shows**, with the size its target asks for."
               if outcome.shows else
               f"**Verdict: the pattern does not show**: {outcome.reason.split(':')[0]}.")
    equal = outcome.equivalence
    counter_verdict = (
        f"the arms are equivalent within ±{_fmt(equal.margin)} (TOST p {_p(equal.p_value)})."
        if outcome.counter_removes else
        f"the arms are **not** shown equivalent within ±{_fmt(equal.margin)} "
        f"(TOST p {_p(equal.p_value)}).")
    rows = [
        f"| a: {pattern.a.label} | {_fmt(result.a.mean)} ± {_fmt(result.a.se)} "
        f"| {_fmt(counter.a.mean)} ± {_fmt(counter.a.se)} |",
        f"| b: {pattern.b.label} | {_fmt(result.b.mean)} ± {_fmt(result.b.se)} "
        f"| {_fmt(counter.b.mean)} ± {_fmt(counter.b.se)} |",
        f"| b − a (paired, 95% interval) | {_interval(result)} | {_interval(counter)} |",
    ]
    if robust is None:
        across = "not yet asked (`simulatie patterns --ensemble`)."
    else:
        across = (f"the pattern shows in **{robust['shows']:.0%}** of {robust['members']} "
                  f"plausible neighbourhoods; b is clearly above a in {robust['direction']:.0%}.")
        if built and built < MODEL_CHANGED:
            across += (f" *Stale: asked on {built[:10]}, of the model before its "
                       f"{MODEL_CHANGED} changes (`docs/calibration.md`).*")
    return "\n".join([
        f"## Pattern {key}: {pattern.title}", "",
        f"Source: {pattern.source}.", "",
        f"**Target** (written from the seed before running): {pattern.target}.", "",
        f"Measure: `{pattern.measure}` after {pattern.weeks} weeks, "
        f"{len(result.a.values)} replications per arm.", "",
        "| arm | default assumptions | counter-assumption |", "|---|---|---|", *rows, "",
        verdict, "",
        f"**Across plausible neighbourhoods:** {across}", "",
        f"**Mechanism.** {pattern.mechanism}", "",
        f"**Counter-assumption:** {pattern.counter_label}. Under it {counter_verdict}", "",
        f"![Pattern {key}](figures/patterns/pattern_{key}.png)", "",
    ])


def main(runs: Path = RUNS) -> None:
    """Read the runs, draw every pattern and write the top of ``docs/patterns.md``."""
    if not runs.is_file():
        sys.exit(f"error: no {runs}; run 'simulatie patterns' first")
    outcomes = {o.key: o for o in from_runs(pd.read_csv(runs, dtype={"pattern": str})
                                            .to_dict("records"))}
    missing = [k for k in PATTERNS if k not in outcomes]
    if missing:
        sys.exit(f"error: {runs} has no runs of pattern {missing[0]}; run 'simulatie patterns'")
    shipped = load_pattern_robustness()
    summary, ensemble, built = {}, "members of the calibration ensemble (not yet asked)", ""
    if shipped is not None:
        table, meta = shipped
        built = str(meta.get("built", ""))
        summary = {row["pattern"]: row for row in
                   pattern_robustness_summary(table).to_dict("records")}
        ensemble = (f"{meta['settings']['members']} members of the calibration ensemble "
                    f"({int(table['replications'].iloc[0])} replications per arm each; "
                    "`docs/calibration.md`)")
    OUT.mkdir(parents=True, exist_ok=True)
    sections = []
    for key in PATTERNS:
        draw(outcomes[key])
        sections.append(section(outcomes[key], summary.get(key), built))
    more = ", ".join(f"{p.replications} for pattern {k}" for k, p in PATTERNS.items()
                     if p.replications != REPLICATIONS)
    bullet = textwrap.fill(f"- **Across plausible neighbourhoods**: the same comparison in "
                           f"{ensemble}, and the share in which the pattern shows.", 100,
                           subsequent_indent="  ")
    text = INTRO.format(reps=REPLICATIONS, more=f"; {more}" if more else "", ensemble=bullet)
    notes = DOC.read_text(encoding="utf-8").split(NOTES, 1)[1]
    DOC.write_text(text + "\n" + "\n".join(sections) + NOTES + notes, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else RUNS)
