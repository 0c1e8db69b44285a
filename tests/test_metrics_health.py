"""The health metrics count whom they say: a resident's own health-related need, by age, and the
hours of informal care of those who receive mantelzorg (``docs/targets.md``, targets 6 and 15)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from simulatie.core.observe.metrics import METRICS
from simulatie.core.observe.observation import Observation
from simulatie.core.parameters import make_parameters
from simulatie.core.run.model import CaringCommunity
from simulatie.core.state.care_week import Source
from simulatie.core.state.groups import Group


@pytest.fixture(scope="module")
def model() -> CaringCommunity:
    community = CaringCommunity(params=make_parameters({"residents": 40}), rng=7)
    community.step()
    return community


def _value(model: CaringCommunity, name: str) -> float:
    return METRICS[name].compute(Observation(model.state))


def _set_people(model: CaringCommunity, age, frailty, group=None, partner_frailty=None) -> None:
    pop = model.population
    n = pop.n
    pop.age[:] = 30.0
    pop.frailty[:] = 0.0
    pop.group[:] = Group.FAMILY
    pop.partner[:] = False
    pop.partner_frailty[:] = 0.0
    k = len(age)
    pop.age[:k] = age
    pop.frailty[:k] = frailty
    if group is not None:
        pop.group[:k] = group
    if partner_frailty is not None:
        pop.partner[:k] = np.asarray(partner_frailty) > 0
        pop.partner_frailty[:k] = partner_frailty
    assert n > k


def test_a_health_related_need_is_the_residents_own_by_age(model: CaringCommunity) -> None:
    threshold = model.state.params.formal_care_frailty
    _set_people(model,
                age=[66, 70, 74, 76, 80, 90, 86, 88],
                frailty=[threshold, 0.0, 0.0, threshold + 0.1, 0.0, 0.9, 0.0, 0.0],
                group=[Group.FAMILY, Group.PSYCH, Group.FAMILY, Group.FAMILY, Group.FAMILY,
                       Group.FAMILY, Group.LVB, Group.FAMILY],
                # a frail partner does not make the resident frail
                partner_frailty=[0, 0, 0.9, 0, 0.9, 0, 0, 0.9])
    assert _value(model, "health_need_share_65_74") == pytest.approx(2 / 3)  # frail, PSYCH
    assert _value(model, "health_need_share_75plus") == pytest.approx(3 / 5)
    assert _value(model, "health_need_share_85plus") == pytest.approx(2 / 3)
    model.population.age[:] = 30.0
    assert math.isnan(_value(model, "health_need_share_75plus"))


def test_mantelzorg_hours_are_the_mean_of_the_receivers_only(model: CaringCommunity) -> None:
    pop = model.population
    least = model.state.params.mantelzorg_hours
    received = model.state.care.received
    received[:] = 0.0
    pop.age[:] = 30.0
    pop.indicated[:] = False
    pop.age[:4] = [60, 80, 70, 90]
    pop.indicated[:4] = [True, True, True, False]
    received[0, Source.HOUSEHOLD] = 6.0
    received[0, Source.FAMILY] = 4.0  # 10 h informal
    received[1, Source.NETWORK] = least  # exactly the least counts
    received[1, Source.FORMAL] = 20.0  # formal care is not mantelzorg
    received[2, Source.FAMILY] = least / 2  # too little: not a receiver
    received[3, Source.FAMILY] = 30.0  # no health-related need at home: not a receiver
    received[4, Source.FAMILY] = 30.0  # aged 30: not asked
    pop.indicated[4] = True
    assert _value(model, "mantelzorg_hours_55plus") == pytest.approx((10.0 + least) / 2)
    received[:] = 0.0
    assert math.isnan(_value(model, "mantelzorg_hours_55plus"))
