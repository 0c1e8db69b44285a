"""Profile the model's weeks with pyinstrument: where does a week's time go?

Usage::

    .venv/bin/python -m benchmarks.profile --residents 2000 --weeks 100
    .venv/bin/python -m benchmarks.profile --run            # the default run through run()

Prints pyinstrument's call tree and writes it as text and HTML to
``results/benchmarks/profile-<residents>-<timestamp>.{txt,html}``. Model construction and the
warm-up weeks are not profiled, unless ``--run`` profiles a whole
:func:`simulatie.experiment.run.run`.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from pyinstrument import Profiler

from simulatie.core.parameters import make_parameters
from simulatie.core.run.model import CaringCommunity
from simulatie.experiment.run import run

__all__ = ["main", "profile_weeks"]

RESULTS = Path(__file__).resolve().parent.parent / "results" / "benchmarks"


def profile_weeks(
    residents: int, weeks: int, warmup: int = 5, seed: int = 0, whole_run: bool = False
) -> Profiler:
    """Profile ``weeks`` model weeks (after ``warmup``) at ``residents`` residents.

    Args:
        residents: Number of residents on the default scenario.
        weeks: Weeks to profile.
        warmup: Unprofiled weeks after construction.
        seed: Seed of the model.
        whole_run: Profile one whole :func:`simulatie.experiment.run.run` of ``weeks`` weeks
        instead.

    Returns:
        The stopped profiler.
    """
    params = make_parameters({"residents": residents})
    profiler = Profiler(interval=0.0005)
    if whole_run:
        profiler.start()
        run(params, seed=seed, steps=weeks)
        profiler.stop()
        return profiler
    model = CaringCommunity(params=params, rng=seed)
    for _ in range(warmup):
        model.step()
    profiler.start()
    for _ in range(weeks):
        model.step()
    profiler.stop()
    return profiler


def main(argv: list[str] | None = None) -> None:
    """Profile, print the call tree and write it to ``results/benchmarks``."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile", description=__doc__)
    parser.add_argument("--residents", type=int, default=None,
                        help="residents (default: 2000, or the declared default with --run)")
    parser.add_argument("--weeks", type=int, default=None,
                        help="weeks to profile (default: 100, or 520 with --run)")
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--run", action="store_true", help="profile a whole run() instead")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    residents = args.residents or (make_parameters().residents if args.run else 2_000)
    weeks = args.weeks or (520 if args.run else 100)
    profiler = profile_weeks(residents, weeks, args.warmup, args.seed, whole_run=args.run)
    text = profiler.output_text(unicode=True, color=False, show_all=False)
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    stem = RESULTS / f"profile-{'run-' if args.run else ''}{residents}-{stamp}"
    stem.with_suffix(".txt").write_text(text)
    stem.with_suffix(".html").write_text(profiler.output_html())
    print(f"written: {stem}.txt and .html")


if __name__ == "__main__":
    main()
