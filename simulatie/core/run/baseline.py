"""The matched baseline arm: the same neighbourhood on the same seed, with nothing organised.

The baseline arm of a neighbourhood and seed is computed once per process and shared by every
simulation that needs it (all arms of a myth, all levers of a sweep point), extended as far as
the longest of them has run, and kept on disk between processes
(:mod:`simulatie.core.lifecycle.cache`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from ..lifecycle import cache, prepared_neighbourhood
from ..lifecycle.week import advance_week
from ..observe.record import BASELINE_METRICS, record
from ..parameters import Parameters, baseline_parameters

__all__ = ["MAX_CACHED_BASELINES", "BaselineArm", "baseline_arm"]

MAX_CACHED_BASELINES = 16


class BaselineArm:
    """The baseline arm of one neighbourhood and seed, extended on demand (thread-safe).

    It is kept on disk too (:mod:`~simulatie.core.lifecycle.cache`): :meth:`persist` stores it
    when it has grown.
    """

    def __init__(self, base: Parameters, seed: int) -> None:
        self.key = f"{base.model_dump_json()}|{seed}"
        cached = cache.load("baseline", self.key)
        if cached is not None:
            self.neighbourhood, self.rows = cached
        else:
            self.neighbourhood = prepared_neighbourhood(base, seed)
            self.rows = [record(self.neighbourhood, BASELINE_METRICS)]
        self.stored = len(self.rows) if cached is not None else 0
        self.lock = threading.Lock()

    def persist(self) -> None:
        """Store the arm on disk if it has grown since it was loaded or stored."""
        with self.lock:
            if len(self.rows) > self.stored:
                cache.save("baseline", self.key, (self.neighbourhood, self.rows))
                self.stored = len(self.rows)

    def row(self, week: int) -> dict[str, float]:
        """The arm's recorded row of ``week``, running the arm on as far as needed."""
        with self.lock:
            while len(self.rows) <= week:
                advance_week(self.neighbourhood)
                self.rows.append(record(self.neighbourhood, BASELINE_METRICS))
            return self.rows[week]


_baselines: OrderedDict[tuple[str, int], BaselineArm] = OrderedDict()
_baselines_lock = threading.Lock()


def baseline_arm(params: Parameters, seed: int) -> BaselineArm:
    """The baseline arm of this run's neighbourhood and seed, shared within the process."""
    base = baseline_parameters(params)
    key = (base.model_dump_json(), seed)
    with _baselines_lock:
        arm = _baselines.get(key)
        if arm is None:
            arm = _baselines[key] = BaselineArm(base, seed)
            while len(_baselines) > MAX_CACHED_BASELINES:
                _baselines.popitem(last=False)
        else:
            _baselines.move_to_end(key)
        return arm
