"""Every run's seed, derived from one master seed.

Every run's seed is derived from the master seed with :class:`numpy.random.SeedSequence`. By
default an experiment uses *common random numbers*: replication ``r`` gets the seed of
``SeedSequence(seed).spawn(replications)[r]`` at every design point, so two design points are
compared under the same draws and their difference is due to the parameters, not to luck. With
``common_random_numbers = false`` every design point and replication gets its own stream,
``SeedSequence(seed).spawn(points)[p].spawn(replications)[r]``. Either way a seed depends only on
the master seed and the run's position, never on the order or the place in which runs execute.
The samplers (Latin hypercube, Morris, Sobol) draw from a separate stream of the same master seed
(:data:`simulatie.experiment.designs.SAMPLER_STREAM`).
"""

from __future__ import annotations

import numpy as np

__all__ = ["run_seeds"]


def _seed_of(sequence: np.random.SeedSequence) -> int:
    """A non-negative 63-bit integer seed (fits a signed 64-bit column) from a seed sequence."""
    return int(sequence.generate_state(1, dtype=np.uint64)[0] & np.uint64(2**63 - 1))


def run_seeds(
    master: int, points: int, replications: int, common_random_numbers: bool = True
) -> np.ndarray:
    """Derive every run's seed from the master seed.

    Args:
        master: The experiment's master seed.
        points: Number of design points.
        replications: Replications per design point.
        common_random_numbers: If true, replication ``r`` has the same seed at every point.

    Returns:
        An integer array of shape ``(points, replications)``.
    """
    root = np.random.SeedSequence(master)
    seeds = np.empty((points, replications), dtype=np.int64)
    if common_random_numbers:
        row = [_seed_of(child) for child in root.spawn(replications)]
        seeds[:] = row
    else:
        for point, child in enumerate(root.spawn(points)):
            seeds[point] = [_seed_of(grandchild) for grandchild in child.spawn(replications)]
    return seeds
