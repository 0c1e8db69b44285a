"""Newcomers' compiled streams give numpy's own numbers, for any seed, home and generation."""

from __future__ import annotations

import numpy as np
import pytest

from simulatie.core.state.seeded import newcomers_uniforms, seed_words
from simulatie.core.state.streams import NEWCOMER_KEY, Streams


@pytest.mark.parametrize("seed", [0, 1, 7, 2**32 - 1, 2**32, 2**40 + 12345, 2**63 + 5])
def test_compiled_newcomer_streams_match_numpy(seed):
    streams = Streams.from_seed(seed)
    homes = np.array([0, 1, 299, 49_999, 2**31 + 3])
    generations = np.array([1, 2, 17, 1, 300])
    compiled = newcomers_uniforms(seed_words(seed), NEWCOMER_KEY, homes, generations, 9)
    for row, home, generation in zip(compiled, homes.tolist(), generations.tolist(),
                                     strict=True):
        np.testing.assert_array_equal(row, streams.newcomer(home, generation).random(9))


def test_the_streams_give_every_newcomer_their_own_rows():
    streams = Streams.from_seed(3)
    rows = streams.newcomers_random(np.array([4, 5, 4]), np.array([1, 1, 2]), 5)
    assert rows.shape == (3, 5)
    np.testing.assert_array_equal(rows[1], streams.newcomer(5, 1).random(5))
    assert not np.array_equal(rows[0], rows[2])  # the same home, a later newcomer
