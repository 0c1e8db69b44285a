"""The run's random streams: one per kind of decision, all from the run's seed.

One generator per neighbourhood, split into named streams, one per kind of decision (an idea from
Starsim), so two arms on the same seed differ only where a policy acts (common random numbers).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

__all__ = ["NEWCOMER_KEY", "Streams"]

NEWCOMER_KEY = 1_000  # keeps newcomers' streams apart from the named streams (spawn keys 0-7)


@dataclass(frozen=True)
class Streams:
    """Independent random streams, one per kind of decision, all from the run's seed.

    Newcomers are the exception: each newcomer's traits come from a stream of their own, keyed
    by home and by how many residents the home has had (:meth:`newcomer`). Two arms whose
    residents leave at different moments (a care-home move depends on unmet need) then still
    get the same newcomer in the same home, and the shared streams do not shift.
    """

    seed: int
    demography: np.random.Generator
    encounters: np.random.Generator
    activities: np.random.Generator
    care: np.random.Generator
    engagement: np.random.Generator
    setup: np.random.Generator
    motives: np.random.Generator
    personal: np.random.Generator  # the participatory mode's personal choices (last: adding it
    # shifted no other stream, since a child's spawn key is its position)

    @classmethod
    def from_seed(cls, seed: int) -> Streams:
        """Spawn the streams in a fixed order from the seed."""
        children = np.random.SeedSequence(seed).spawn(len(fields(cls)) - 1)
        return cls(seed, *(np.random.default_rng(child) for child in children))

    def newcomer(self, home: int, generation: int) -> np.random.Generator:
        """The stream of the ``generation``-th resident to move into ``home``."""
        sequence = np.random.SeedSequence(self.seed, spawn_key=(NEWCOMER_KEY, home, generation))
        return np.random.default_rng(sequence)
