"""Metrics of health-related need as the health monitors ask about it, and the care it receives.

One topic of the registry (:mod:`.metrics`, ``docs/odd.md`` 7.13). A resident's own need stems
from health when their frailty reaches the threshold of formal care or their group is LVB or
psychiatric (:func:`~simulatie.core.rules.care.indicated`): the model's counterpart of the GGD
health monitor's frail older people (Tilburg Frailty Indicator), by age. The hours of informal
care a receiver gets are the counterpart of CBS's hours of mantelzorg received
(``docs/targets.md``, targets 6 and 15).
"""

from __future__ import annotations

import numpy as np

from .metrics_surveys import INFORMAL_SOURCES, mantelzorg_receivers
from .observation import OLD_AGE, MetricGroup, Observation

__all__ = ["HEALTH_METRICS"]

YOUNG_OLD_AGE = 65  # the health monitor's first group of older people (65-74)
VERY_OLD_AGE = 85  # and its oldest (85+)
CARED_FOR_FROM_AGE = 55  # CBS asks only people 55+ whether they receive mantelzorg

HEALTH_METRICS = MetricGroup()
metric = HEALTH_METRICS.metric


def _health_need_share(obs: Observation, from_age: float, below_age: float) -> float:
    """Share of residents aged ``from_age`` up to ``below_age`` whose own need stems from health.

    NaN when nobody is of that age.
    """
    age = obs.nb.population.age
    return obs.share(obs.own_health_need, (age >= from_age) & (age < below_age))


@metric("health_need_share_65_74", "Frail or needing care, 65-74",
        "Kwetsbaar of zorgbehoevend, 65-74", "share")
def health_need_share_65_74(obs: Observation) -> float:
    """Share of residents aged 65-74 whose own need stems from health (frail, LVB, psychiatric).

    The counterpart of the health monitor's frail older people at 65-74 (GGD Haaglanden 2016,
    Tilburg Frailty Indicator: 13%); NaN when nobody is of that age.
    """
    return _health_need_share(obs, YOUNG_OLD_AGE, OLD_AGE)


@metric("health_need_share_75plus", "Frail or needing care, 75+",
        "Kwetsbaar of zorgbehoevend, 75+", "share")
def health_need_share_75plus(obs: Observation) -> float:
    """Share of residents aged 75+ whose own need stems from health (frail, LVB, psychiatric).

    The counterpart of the GGD health monitor's frail people aged 75+ (Tilburg Frailty
    Indicator: about one in four since 2012); NaN when nobody is 75+.
    """
    return _health_need_share(obs, OLD_AGE, np.inf)


@metric("health_need_share_85plus", "Frail or needing care, 85+",
        "Kwetsbaar of zorgbehoevend, 85+", "share")
def health_need_share_85plus(obs: Observation) -> float:
    """Share of residents aged 85+ whose own need stems from health (frail, LVB, psychiatric).

    The counterpart of the health monitor's frail people aged 85+ (GGD Haaglanden 2016, Tilburg
    Frailty Indicator: 45%); NaN when nobody is 85+.
    """
    return _health_need_share(obs, VERY_OLD_AGE, np.inf)


@metric("mantelzorg_hours_55plus", "Hours of mantelzorg a week, per receiver (55+)",
        "Uren mantelzorg per week, per ontvanger (55+)", "hours/week")
def mantelzorg_hours_55plus(obs: Observation) -> float:
    """Mean weekly hours of informal care of the residents 55+ who receive mantelzorg.

    Receiving mantelzorg as :func:`~.metrics_surveys.informal_care_received_share_75plus`
    counts it (a health-related need at home and at least ``mantelzorg_hours`` this week from
    the partner, relatives or their own ties), from age 55 as CBS asks. The counterpart of
    CBS 2020: receivers 55+ get about 18 hours a week. NaN when nobody 55+ receives any.
    """
    pop = obs.nb.population
    receivers, hours = mantelzorg_receivers(obs.care.received, INFORMAL_SOURCES, pop.indicated,
                                            obs.nb.params.mantelzorg_hours, pop.age,
                                            CARED_FOR_FROM_AGE)
    return hours / receivers if receivers else float("nan")
