"""Slow changes in residents: *draagkracht*, ownership and trust (``docs/odd.md`` 7.12).

* **Draagkracht** (capacity to help) grows in weeks of engagement (helping within one's means,
  organising, volunteering, taking part) and shrinks with overload. Engagement builds skills and
  confidence (self-efficacy; Musick & Wilson 2008 on what volunteering does for volunteers);
  overload wears people down before it ends in burnout (the strain rule of :mod:`.strain`).
  Without either it drifts back to its level on arrival.
* **Ownership** drifts back to a baseline unless residents run things (organising, volunteering).
* **Trust** in neighbours grows with caring ties and is held down by risk and conflict.
* The **consumer role** (*reliance*: being used to professionals doing the work, seed 002) fades
  by ``reliance_recovery`` a week once nobody feeds it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from numba import njit

if TYPE_CHECKING:
    from ..parameters import Parameters
    from ..state.population import Population
    from ..state.views import NetworkViews

__all__ = ["update_draagkracht", "update_ownership_and_trust"]

# The sizes of these slow changes are declared parameters (group care: ``draagkracht_max``,
# ``draagkracht_min_divisor``, ``draagkracht_drift``; group ties: ``trust_drift``,
# ``trust_target``, ``risk_lowers_trust``, ``trust_from_caring``, ``caring_for_trust``; group
# initiators: ``ownership_baseline``, ``ownership_drift``, ``role_ownership``,
# ``activity_memory``); the load is worked out as in :mod:`.strain` (``min_load_hours``).


def update_draagkracht(pop: Population, params: Parameters) -> None:
    """Draagkracht grows with engagement and shrinks with overload.

    Args:
        pop: The population; reads the week's hours given, attendance and roles.
        params: The parameters in force (``capacity_growth``, ``capacity_loss``, the
            draagkracht bounds and drift, ``min_load_hours``).

    Writes: pop.draagkracht_factor.
    """
    p = params
    _draagkracht_week(pop.given, pop.draagkracht_on_arrival, pop.draagkracht_factor,
                      pop.attended, pop.is_initiator, p.capacity_growth, p.capacity_loss,
                      float(p.draagkracht_max), float(1.0 / p.draagkracht_min_divisor),
                      float(p.draagkracht_drift), float(p.min_load_hours))


@njit(cache=True)
def _draagkracht_week(given, draagkracht, factor, attended, initiator, growth, loss,
                      max_factor, min_factor, drift, min_load_hours):
    """Grow the factor towards its maximum when engaged, else drift to 1; shrink with overload.

    Engaged: helped within one's means this week, took part in an activity, or organises.
    Overload: hours given above draagkracht (counted as at least ``min_load_hours``). The
    factor stays within ``min_factor`` and ``max_factor`` (in place).
    """
    for i in range(len(given)):
        load = given[i] / max(draagkracht[i] * factor[i], min_load_hours)
        engaged = (given[i] > 0 and load <= 1.0) or attended[i] or initiator[i]
        f = factor[i]
        if engaged:
            f += growth * (max_factor - f)
        else:
            f += drift * (1.0 - f)
        f -= loss * max(0.0, load - 1.0) * (f - min_factor)
        factor[i] = min(max_factor, max(min_factor, f))


def update_ownership_and_trust(pop: Population, views: NetworkViews,
                               params: Parameters) -> None:
    """Weekly drift of ownership and trust, and the fading of the consumer role.

    Args:
        pop: The population; reads the roles.
        views: This week's views of the tie network (caring ties per resident).
        params: The parameters in force (ownership, trust, ``activity_memory``,
            ``reliance_recovery``, ``area_risk``).

    Writes: pop.ownership, pop.trust, pop.activity_weeks, pop.reliance.
    """
    p = params
    _ownership_and_trust_week(pop.ownership, pop.trust, pop.activity_weeks, pop.reliance,
                              pop.is_volunteer, pop.is_initiator, views.caring_counts,
                              p.area_risk, 1.0 - p.reliance_recovery,
                              float(p.ownership_baseline), float(p.ownership_drift),
                              float(p.role_ownership), float(p.trust_target),
                              float(p.risk_lowers_trust), float(p.trust_from_caring),
                              float(p.caring_for_trust), float(p.trust_drift),
                              float(p.activity_memory))


@njit(cache=True)
def _ownership_and_trust_week(ownership, trust, activity_weeks, reliance, volunteer, initiator,
                              caring, area_risk, reliance_kept, ownership_baseline,
                              ownership_drift, role_ownership, trust_target, risk_lowers_trust,
                              trust_from_caring, caring_for_trust, trust_drift, activity_memory):
    """Ownership drifts to its baseline and grows with a role; trust moves towards its target.

    Trust's target is ``trust_target`` × (1 − ``risk_lowers_trust`` × area risk) +
    ``trust_from_caring`` × min(1, caring ties / ``caring_for_trust``), at most 1. The fading
    count of activities attended keeps ``activity_memory`` of itself and the consumer role
    ``reliance_kept`` (in place).
    """
    base_trust = trust_target * (1 - risk_lowers_trust * area_risk)
    for i in range(len(ownership)):
        o = ownership[i] + ownership_drift * (ownership_baseline - ownership[i])
        if volunteer[i] or initiator[i]:
            o += role_ownership * (1 - o)
        ownership[i] = min(1.0, max(0.0, o))
        target = min(1.0, base_trust + trust_from_caring * min(1.0, caring[i] / caring_for_trust))
        trust[i] += trust_drift * (target - trust[i])
        activity_weeks[i] *= activity_memory
        reliance[i] *= reliance_kept
