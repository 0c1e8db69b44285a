"""The benchmark harness works: the quick plan's reference model and one tiny model timing.

No timing assertions: these only check that the measurements run and report sane shapes.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.model_timing import fair_parameters, measure_model, scaling_exponent  # noqa: E402
from benchmarks.reference import WalkerModel, measure_reference, split_blocks  # noqa: E402
from benchmarks.suite import QUICK  # noqa: E402
from simulatie import make_parameters  # noqa: E402


def test_reference_model_of_the_quick_plan_runs():
    agents = QUICK.reference_agents[0]
    result = measure_reference(agents, steps=QUICK.reference_steps, warmup=1,
                               repeats=QUICK.repeats)
    assert result.agents == agents
    assert result.steps == QUICK.reference_steps
    assert result.us_per_agent_step > 0
    assert result.grid_side**2 >= agents


def test_reference_walkers_stay_on_the_grid_and_count_neighbours():
    model = WalkerModel(50, rng=1)
    model.step()
    assert len(model.agents) == 50
    assert all(agent.cell is not None for agent in model.agents)
    assert sum(agent.neighbours_seen for agent in model.agents) > 0  # 50 walkers meet


def test_one_tiny_model_measurement():
    timing = measure_model(60, weeks=2, warmup=1, repeats=1)
    assert timing.residents == 60
    assert timing.weeks == 2
    assert timing.seconds_per_week > 0
    assert timing.us_per_resident_week > 0
    assert timing.build_seconds > 0


def test_a_calibration_particle_is_timed_and_scaled_to_a_thousand_particles():
    from benchmarks.suite_table import _particle_rows
    from benchmarks.throughput import EVALUATIONS_PER_1000_PARTICLES, measure_particle

    particle = measure_particle(evaluations=1, years=3, seeds=1)
    assert particle["median_cpu_seconds"] > 0
    assert particle["evaluations_per_hour"] == pytest.approx(
        2 * 3600 / particle["median_cpu_seconds"])
    assert particle["hours_for_1000_particles"] == pytest.approx(
        EVALUATIONS_PER_1000_PARTICLES / particle["evaluations_per_hour"])
    rows = _particle_rows({"particle": particle}, {"calibration_1000_hours": 1.0})
    assert rows[1][2] == "(quick)"  # judged against the hour only at ten years and three seeds
    assert _particle_rows({}, {}) == []  # an older record without it


def test_split_blocks_and_scaling_exponent():
    assert split_blocks(10, 3) == [4, 3, 3]
    assert split_blocks(2, 5) == [1, 1]
    assert math.isnan(scaling_exponent([]))


def test_fair_scaling_grows_the_organisation_with_the_neighbourhood():
    small, large = fair_parameters(300), fair_parameters(50_000)
    assert (small["meeting_places"], small["professionals"], small["initiators"]) == (1, 1, 2)
    per_place = large["residents"] / large["meeting_places"]
    assert 290 <= per_place <= 310 and large["initiators"] == 2 * large["professionals"]
    make_parameters(large)  # within the declared bounds


def test_two_browser_sessions_press_at_once_and_each_sees_its_new_week():
    """The workshop benchmark's harness, tiny: two sessions, one round of each button."""
    import pytest

    from benchmarks.browser import CHROMIUM

    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (/usr/bin/chromium)")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    pytest.importorskip("solara", reason="the dashboard extra is not installed")
    from benchmarks.sessions import format_sessions, measure_sessions

    result = measure_sessions(sessions=2, week_rounds=1, year_rounds=1, log=lambda _: None)
    assert len(result.week_seconds) == 2 and len(result.year_seconds) == 2
    assert all(0 < s < 180 for s in result.week_seconds + result.year_seconds)
    assert result.server_mib_first > 0 and result.server_mib_end > 0
    assert any("+1 year" in row[0] for row in format_sessions(result))
