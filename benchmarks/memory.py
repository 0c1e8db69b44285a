"""Peak memory of one run, measured in a fresh child process.

The suite starts ``python -m benchmarks.memory --residents N --steps S``; this process imports
the model, notes its peak resident set size (the interpreter, numpy, pandas, scipy and Mesa),
runs :func:`simulatie.experiment.run.run` once, and prints one JSON line with the peak resident set
size before and after the run. A child process keeps the measurement free of whatever the suite
itself has allocated.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

__all__ = ["measure_memory", "peak_rss_mib"]

ROOT = Path(__file__).resolve().parent.parent


def peak_rss_mib() -> float:
    """Peak resident set size of this process so far, in MiB.

    On Linux this reads ``VmHWM`` from ``/proc/self/status``: ``ru_maxrss`` survives ``exec``,
    so a child started from a big parent would report the parent's peak.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kib / 1024 if sys.platform != "darwin" else kib / 2**20


def measure_memory(
    residents: int, steps: int, seed: int = 0, timeout: float = 600
) -> dict[str, Any]:
    """Run one simulation in a child process and return its peak memory.

    Args:
        residents: Number of residents (the grid scales with them).
        steps: Weeks to simulate.
        seed: Seed of the run.
        timeout: Seconds before the child is given up on.

    Returns:
        ``residents``, ``steps``, ``baseline_mib`` (after imports), ``peak_mib`` (after the run),
        ``run_mib`` (the difference) and ``run_seconds``.

    Raises:
        RuntimeError: If the child fails.
    """
    command = [sys.executable, "-m", "benchmarks.memory", "--residents", str(residents),
               "--steps", str(steps), "--seed", str(seed)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout,
                          check=False)
    if done.returncode != 0:
        raise RuntimeError(f"memory child failed ({done.returncode}): {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    """Measure one run in this process and print the result as JSON (the child's side)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--residents", type=int, required=True)
    parser.add_argument("--steps", type=int, required=True)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    from benchmarks.model_timing import fair_parameters
    from simulatie.core.parameters import make_parameters
    from simulatie.experiment.run import run

    params = make_parameters(fair_parameters(args.residents))
    baseline = peak_rss_mib()
    started = time.perf_counter()
    result = run(params, seed=args.seed, steps=args.steps)
    seconds = time.perf_counter() - started
    peak = peak_rss_mib()
    print(json.dumps({
        "residents": args.residents,
        "steps": args.steps,
        "rows": len(result.timeseries),
        "baseline_mib": round(baseline, 1),
        "peak_mib": round(peak, 1),
        "run_mib": round(peak - baseline, 1),
        "run_seconds": round(seconds, 3),
    }))


if __name__ == "__main__":
    main()
