"""Every shipped scenario still gives its stored golden run, number for number.

Numbers are compared to a relative 1e-12: another numpy or numba version may round a sum in
its last bit (differences of about 1e-14 were seen after a fresh install, December 2026),
while any change in behaviour moves them by far more. A failure means the numbers changed: a
change of behaviour, or only of how random numbers are drawn. ``test_distribution.py`` (the slow
suite) tells the two apart. If the change was meant, regenerate the golden runs
(``.venv/bin/python tests/golden_runs.py``) and say in the commit what changed, why, and whether
the distribution test still passes.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from golden_runs import SCENARIOS, golden_run, path


@pytest.mark.parametrize("name", SCENARIOS)
def test_scenario_gives_its_golden_run(name: str) -> None:
    stored = json.loads(path(name).read_text(encoding="utf-8"))
    fresh = golden_run(name)
    assert set(fresh) == set(stored)
    for column, values in stored.items():
        np.testing.assert_allclose(fresh[column], values, rtol=1e-12, atol=1e-12,
                                   err_msg=f"{name}: {column}")


def test_every_scenario_has_a_golden_run() -> None:
    stored = {p.stem for p in path("x").parent.glob("*.json")}
    assert stored == set(SCENARIOS)
