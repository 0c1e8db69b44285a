"""The run's random streams: one per kind of decision, all from the run's seed.

One generator per neighbourhood, split into named streams, one per kind of decision (an idea from
Starsim), so two arms on the same seed differ only where a policy acts (common random numbers).
A generator stream serves decisions that draw the same number of numbers every week in every arm
(one per home: ageing, leaving, need), so that its draws stay keyed by home. Every decision whose
number of draws depends on what happened (who asks whom, who comes to a meeting) uses a keyed
stream instead (:mod:`.keyed`): a draw that depends only on who decides what, and when.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import lru_cache

import numpy as np

from .keyed import KeyedStream
from .seeded import newcomers_uniforms, seed_words

__all__ = ["KEYED_STREAMS", "MESA_KEY", "NEWCOMER_KEY", "Streams"]

NEWCOMER_KEY = 1_000  # keeps newcomers' streams apart from the named streams (spawn keys 0-7)

_COMPILED_STREAMS: list[bool] = []
"""Whether the compiled newcomer streams gave numpy's numbers (checked once per process)."""
KEYED_KEY = 2_000  # keeps the keyed streams' keys apart from both
MESA_KEY = 3_000  # the seed of the Mesa model's own generators (the grid, the map's placing)

KEYED_STREAMS = (
    "asking", "encounters", "matching", "meetings", "organising", "volunteering", "motives",
    "care_staff",
)
"""The keyed streams, one per kind of decision whose number of draws depends on the state."""


@lru_cache(maxsize=64)
def _seed_words(seed: int) -> np.ndarray:
    """:func:`~.seeded.seed_words` of a seed, kept per seed (the kernels only read it)."""
    return seed_words(seed)


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
    # The next four are no longer drawn from (their decisions use keyed streams); they are still
    # spawned, in this order, because a child's spawn key is its position: removing them would
    # move the keys of the setup and personal streams after them.
    encounters: np.random.Generator
    activities: np.random.Generator
    care: np.random.Generator
    engagement: np.random.Generator
    setup: np.random.Generator
    motives: np.random.Generator  # no longer drawn from either (see above)
    personal: np.random.Generator  # the participatory mode's personal choices (last: adding it
    # shifted no other stream, since a child's spawn key is its position)
    keyed: dict[str, KeyedStream] = field(default_factory=dict)

    @classmethod
    def from_seed(cls, seed: int) -> Streams:
        """Spawn the streams in a fixed order from the seed, and the keyed streams' keys."""
        generators = [f for f in fields(cls) if f.name not in ("seed", "keyed")]
        children = np.random.SeedSequence(seed).spawn(len(generators))
        keyed = {}
        for index, name in enumerate(KEYED_STREAMS):
            sequence = np.random.SeedSequence(seed, spawn_key=(KEYED_KEY, index))
            keyed[name] = KeyedStream(sequence.generate_state(1, np.uint64)[0])
        return cls(seed, *(np.random.default_rng(child) for child in children), keyed=keyed)

    @staticmethod
    def mesa_seed(seed: int) -> int:
        """The seed of the Mesa model's own generators, of the same family as the run's streams.

        Mesa's ``model.random`` and ``model.rng`` only place agents on the map (the grid, where a
        professional is drawn); no rule of the week reads them.
        """
        sequence = np.random.SeedSequence(seed, spawn_key=(MESA_KEY,))
        return int(sequence.generate_state(1, np.uint32)[0])

    def draws(self, name: str) -> KeyedStream:
        """The keyed stream of one kind of decision (a name of :data:`KEYED_STREAMS`)."""
        return self.keyed[name]

    def newcomer(self, home: int, generation: int) -> np.random.Generator:
        """The stream of the ``generation``-th resident to move into ``home``."""
        sequence = np.random.SeedSequence(self.seed, spawn_key=(NEWCOMER_KEY, home, generation))
        return np.random.default_rng(sequence)

    def newcomers_random(self, homes: np.ndarray, generations: np.ndarray,
                         count: int) -> np.ndarray:
        """``self.newcomer(home, generation).random(count)`` of every newcomer, as rows.

        Compiled (:mod:`.seeded`) while the first newcomer of the process drew the same numbers
        both ways, and while seed, key, homes and generations are words numpy splits the same
        way; otherwise numpy's own streams.
        """
        home_list, generation_list = homes.tolist(), generations.tolist()
        small = (NEWCOMER_KEY < 2**32 and max(home_list) < 2**32 and min(generation_list) >= 0
                 and max(generation_list) < 2**32)
        if small and self.seed >= 0:
            entropy = _seed_words(int(self.seed))
            homes = np.asarray(homes, np.int64)
            generations = np.asarray(generations, np.int64)
            if not _COMPILED_STREAMS:
                numpy_draws = self.newcomer(home_list[0], generation_list[0]).random(count)
                compiled = newcomers_uniforms(entropy, NEWCOMER_KEY, homes[:1], generations[:1],
                                              count)[0]
                _COMPILED_STREAMS.append(bool(np.array_equal(numpy_draws, compiled)))
            if _COMPILED_STREAMS[0]:
                return newcomers_uniforms(entropy, NEWCOMER_KEY, homes, generations, count)
        return np.array([self.newcomer(home, generation).random(count)
                         for home, generation in zip(home_list, generation_list, strict=True)])
