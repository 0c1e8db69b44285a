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

from .strain import MIN_LOAD_HOURS

if TYPE_CHECKING:
    from ..state.neighbourhood import Neighbourhood

__all__ = ["DRAAGKRACHT_MAX", "DRAAGKRACHT_MIN", "update_draagkracht",
           "update_ownership_and_trust"]

DRAAGKRACHT_MAX = 1.5  # draagkracht can grow to this multiple of its level on arrival ...
DRAAGKRACHT_MIN = 1.0 / 3.0  # ... and shrink to this multiple

DRAAGKRACHT_DRIFT = 0.005  # weekly drift of draagkracht back to its level on arrival
OWNERSHIP_BASELINE = 0.2
OWNERSHIP_DRIFT = 0.005  # weekly drift of ownership back to the baseline
ROLE_OWNERSHIP = 0.01  # weekly growth of ownership while holding a role
TRUST_DRIFT = 0.02  # weekly move of trust towards its target
ACTIVITY_MEMORY = 0.95  # weekly persistence of the count of activities attended
TRUST_TARGET = 0.5  # trust in neighbours drifts towards this without caring ties ...
RISK_LOWERS_TRUST = 0.5  # ... lowered by this share at full area risk ...
TRUST_FROM_CARING = 0.3  # ... and raised by this much with CARING_FOR_TRUST caring ties or more
CARING_FOR_TRUST = 2.0


def update_draagkracht(nb: Neighbourhood) -> None:
    """Draagkracht grows with engagement and shrinks with overload."""
    pop = nb.population
    _draagkracht_week(pop.given, pop.draagkracht_on_arrival, pop.draagkracht_factor,
                      pop.attended, pop.is_initiator, nb.params.capacity_growth,
                      nb.params.capacity_loss)


@njit(cache=True)
def _draagkracht_week(given, draagkracht, factor, attended, initiator, growth, loss):
    """Grow the factor towards its maximum when engaged, else drift to 1; shrink with overload.

    Engaged: helped within one's means this week, took part in an activity, or organises.
    Overload: hours given above draagkracht. The factor stays within its bounds (in place).
    """
    for i in range(len(given)):
        load = given[i] / max(draagkracht[i] * factor[i], MIN_LOAD_HOURS)
        engaged = (given[i] > 0 and load <= 1.0) or attended[i] or initiator[i]
        f = factor[i]
        if engaged:
            f += growth * (DRAAGKRACHT_MAX - f)
        else:
            f += DRAAGKRACHT_DRIFT * (1.0 - f)
        f -= loss * max(0.0, load - 1.0) * (f - DRAAGKRACHT_MIN)
        factor[i] = min(DRAAGKRACHT_MAX, max(DRAAGKRACHT_MIN, f))


def update_ownership_and_trust(nb: Neighbourhood) -> None:
    """Weekly drift of ownership and trust, and the fading of the consumer role."""
    pop = nb.population
    _ownership_and_trust_week(pop.ownership, pop.trust, pop.activity_weeks, pop.reliance,
                              pop.is_volunteer, pop.is_initiator, nb.views.caring_counts,
                              nb.params.area_risk, 1.0 - nb.params.reliance_recovery)


@njit(cache=True)
def _ownership_and_trust_week(ownership, trust, activity_weeks, reliance, volunteer, initiator,
                              caring, area_risk, reliance_kept):
    """Ownership drifts to its baseline and grows with a role; trust moves towards its target.

    Trust's target is ``TRUST_TARGET`` × (1 − ``RISK_LOWERS_TRUST`` × area risk) +
    ``TRUST_FROM_CARING`` × min(1, caring ties / ``CARING_FOR_TRUST``). The fading
    count of activities attended loses 5% and the consumer role keeps ``reliance_kept`` of
    itself (in place).
    """
    base_trust = TRUST_TARGET * (1 - RISK_LOWERS_TRUST * area_risk)
    for i in range(len(ownership)):
        o = ownership[i] + OWNERSHIP_DRIFT * (OWNERSHIP_BASELINE - ownership[i])
        if volunteer[i] or initiator[i]:
            o += ROLE_OWNERSHIP * (1 - o)
        ownership[i] = min(1.0, max(0.0, o))
        target = base_trust + TRUST_FROM_CARING * min(1.0, caring[i] / CARING_FOR_TRUST)
        trust[i] += TRUST_DRIFT * (target - trust[i])
        activity_weeks[i] *= ACTIVITY_MEMORY
        reliance[i] *= reliance_kept
