"""Runs that share a spin-up travel together, so that it is computed once.

A run starts from its neighbourhood's spin-up: the years before week 0, which depend only on the
seed and the history parameters (:func:`simulatie.core.parameters.history_parameters`). The two
arms of a myth on one seed, or every lever of a sweep point's seed under ``spin_up_history =
"cut"``, share it. A worker keeps the spin-ups it computed (a few, in memory), so runs that share
one should reach the same worker one after the other. :func:`batched` groups the tasks so, and
:func:`run_batch` is what a worker does with a group.

Measured on myth 1 at its own scale (20 replications per arm, one process, the disk cache off):
80 spin-ups for 80 runs before (the sweep's order, point after point, let a worker's memory of
spin-ups expire before the next point came to the same seed), 40 after.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from simulatie.core.parameters import history_parameters
from simulatie.experiment.worker import RunOutcome, RunTask

__all__ = ["MOST_PER_BATCH", "batched", "run_batch", "spin_up_key"]

MOST_PER_BATCH = 8
"""Most runs in one batch: a worker holds their results until the batch ends, and a long batch
would leave the other workers idle at the end of a sweep."""


def spin_up_key(task: RunTask) -> tuple[int, str]:
    """What a run's spin-up depends on: its seed and its history parameters."""
    return task.seed, history_parameters(task.parameters).model_dump_json()


def batched(tasks: list[RunTask], workers: int = 1) -> list[list[RunTask]]:
    """Group the tasks by shared spin-up, in the order each group first appears.

    A group is split into batches of at most :data:`MOST_PER_BATCH` runs, and of at most
    ``ceil(len(tasks) / workers)``, so that a sweep whose runs all share one spin-up still keeps
    every worker busy.

    Args:
        tasks: The runs to make.
        workers: Worker processes that will share the batches.

    Returns:
        The batches; every task appears in exactly one.
    """
    groups: dict[tuple[int, str], list[RunTask]] = {}
    for task in tasks:
        groups.setdefault(spin_up_key(task), []).append(task)
    most = max(1, min(MOST_PER_BATCH, math.ceil(len(tasks) / max(1, workers))))
    return [group[start:start + most]
            for group in groups.values() for start in range(0, len(group), most)]


def run_batch(
    execute: Callable[[RunTask], RunOutcome], batch: list[RunTask]
) -> list[RunOutcome]:
    """Make a batch's runs one after the other in this worker (each failure recorded alone)."""
    return [execute(task) for task in batch]
