"""Runs that share a spin-up are batched, so that a worker computes it once."""

from __future__ import annotations

import pytest

import simulatie.core.lifecycle.spin_up as spin_up
from simulatie.core.parameters import make_parameters
from simulatie.experiment.batches import MOST_PER_BATCH, batched, spin_up_key
from simulatie.experiment.executors import run_serially
from simulatie.experiment.worker import RunTask

SMALL = {"residents": 20, "spin_up_weeks": 8}


def _task(run_id: str, seed: int, **values) -> RunTask:
    return RunTask(run_id, seed, 3, ("caring_ties",), make_parameters({**SMALL, **values}))


def test_runs_that_share_a_spin_up_are_grouped_in_order_of_first_appearance():
    # point after point, as a sweep lists them: two levers on three seeds, and another history
    tasks = [_task(f"{point}-{seed}", seed, **values)
             for point, values in enumerate([{"initiators": 1}, {"initiators": 3},
                                             {"homophily": 0.9}])
             for seed in range(3)]
    batches = batched(tasks, workers=1)
    assert sorted(t.run_id for b in batches for t in b) == sorted(t.run_id for t in tasks)
    for batch in batches:
        assert len({spin_up_key(t) for t in batch}) == 1
    # the levers share each seed's spin-up (their baseline is the same); homophily does not
    assert [[t.run_id for t in b] for b in batches] == [
        ["0-0", "1-0"], ["0-1", "1-1"], ["0-2", "1-2"], ["2-0"], ["2-1"], ["2-2"]]


@pytest.mark.parametrize(("count", "workers", "largest"),
                         [(40, 1, MOST_PER_BATCH), (40, 8, 5), (3, 2, 2), (1, 4, 1)])
def test_a_shared_spin_up_is_split_so_every_worker_has_work(count, workers, largest):
    tasks = [_task(f"r{i}", 0, initiators=1 + i % 4) for i in range(count)]
    batches = batched(tasks, workers)
    assert max(len(b) for b in batches) == largest
    assert sum(len(b) for b in batches) == count
    assert len(batches) >= min(workers, count)


def test_serial_runs_compute_each_spin_up_once(monkeypatch):
    built = []
    original = spin_up.build_neighbourhood

    def counting(params, seed):
        built.append(seed)
        return original(params, seed)

    monkeypatch.setattr(spin_up, "build_neighbourhood", counting)
    spin_up._spun_up.cache_clear()
    tasks = [_task(f"{point}-{seed}", seed, initiators=point + 1)
             for point in range(3) for seed in range(20)]  # more seeds than the memory holds
    monkeypatch.setenv("SIMULATIE_CACHE", "off")
    outcomes = list(run_serially(tasks))
    assert all(o.ok for o in outcomes), [o.error for o in outcomes if not o.ok]
    assert sorted(built) == list(range(20))
