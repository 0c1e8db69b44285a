"""Draw what remains when a pilot ends: the extra share with a caring tie over ten years.

The default neighbourhood on ten seeds, four arms on the same seeds: structural support, a
two-year pilot (takeover 0.3, the default), and two-year pilots with professionals who take the
work over (0.9) or facilitate (0.1). Each panel line is the mean over seeds of the run minus its
own matched baseline, with its 95% interval; the right panel shows the meeting places still
open (kept by the project or by residents). Writes ``docs/figures/decay.png`` and prints the
numbers ``docs/patterns.md`` quotes.

Run from the repository root: ``.venv/bin/python docs/figures/make_decay_figure.py`` (about a
minute on two cores).
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "figures" / "decay.png"
SEEDS = range(10)
WEEKS = 520
PILOT = {"funding": "pilot", "pilot_weeks": 104}
ARMS = {
    "structural support": {},
    "two-year pilot": PILOT,
    "pilot, takeover 0.9": {**PILOT, "takeover": 0.9},
    "pilot, takeover 0.1": {**PILOT, "takeover": 0.1},
}
METRICS = ["share_with_caring_tie", "open_meeting_places"]


def _run(job: tuple[str, int]) -> tuple[str, np.ndarray, np.ndarray]:
    from simulatie import run

    arm, seed = job
    table = run(ARMS[arm], seed=seed, steps=WEEKS, metrics=METRICS).timeseries
    excess = (table["share_with_caring_tie"] - table["baseline_share_with_caring_tie"]).to_numpy()
    return arm, excess, table["open_meeting_places"].to_numpy()


def _band(curves: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    smooth = np.array([np.convolve(c, np.ones(13) / 13, mode="full")[: len(c)] for c in curves])
    mean = smooth.mean(axis=0)
    half = 1.96 * smooth.std(axis=0, ddof=1) / np.sqrt(len(smooth))
    return mean, mean - half, mean + half


def main() -> None:
    """Run the arms, draw the figure, print the numbers."""
    with ProcessPoolExecutor(2) as pool:
        results = list(pool.map(_run, [(arm, seed) for arm in ARMS for seed in SEEDS]))
    weeks = np.arange(WEEKS + 1)
    figure, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2), width_ratios=(3, 2))
    for arm in ARMS:
        excess = np.array([e for a, e, _ in results if a == arm])
        places = np.array([p for a, _, p in results if a == arm])
        mean, low, high = _band(excess)
        line = left.plot(weeks / 52, mean, label=arm)[0]
        left.fill_between(weeks / 52, low, high, color=line.get_color(), alpha=0.15)
        right.plot(weeks / 52, places.mean(axis=0), color=line.get_color(), label=arm)
        print(f"{arm}: extra share at weeks 80-104 {excess[:, 80:105].mean():+.3f}, "
              f"year 10 {excess[:, -52:].mean():+.3f}; places open at year 10 "
              f"{places[:, -52:].mean():.2f}")
    for axes in (left, right):
        axes.axvline(2, color="grey", linestyle=":", linewidth=1)
        axes.set_xlabel("year")
    left.axhline(0, color="black", linewidth=0.8)
    left.set_ylabel("extra share of residents with a caring tie\n(run minus its own baseline)")
    left.set_title("What remains when a two-year pilot ends (10 seeds, 95% band)")
    right.set_ylabel("meeting places open (mean of 10 seeds)")
    right.set_title("The meeting place: kept, handed over, or closed")
    left.legend(fontsize=8, loc="upper left")
    figure.tight_layout()
    figure.savefig(OUT, dpi=110)
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
