"""Slow changes in residents: *draagkracht*, ownership and trust (``docs/odd.md`` 7.12).

* **Draagkracht** (capacity to help) grows in weeks of engagement (helping within one's means,
  organising, volunteering, taking part) and shrinks with overload. Engagement builds skills and
  confidence (self-efficacy; Musick & Wilson 2008 on what volunteering does for volunteers);
  overload wears people down before it ends in burnout (the strain rule of :mod:`.population`).
  Without either it drifts back to its level on arrival.
* **Ownership** drifts back to a baseline unless residents run things (organising, volunteering).
* **Trust** in neighbours grows with caring ties and is held down by risk and conflict.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .population import DRAAGKRACHT_MAX, DRAAGKRACHT_MIN

if TYPE_CHECKING:
    from .state import Neighbourhood

__all__ = ["update_draagkracht", "update_ownership_and_trust"]

DRAAGKRACHT_DRIFT = 0.005  # weekly drift of draagkracht back to its level on arrival
OWNERSHIP_BASELINE = 0.2
OWNERSHIP_DRIFT = 0.005  # weekly drift of ownership back to the baseline
ROLE_OWNERSHIP = 0.01  # weekly growth of ownership while holding a role
TRUST_DRIFT = 0.02  # weekly move of trust towards its target
ACTIVITY_MEMORY = 0.95  # weekly persistence of the count of activities attended


def update_draagkracht(nb: Neighbourhood) -> None:
    """Draagkracht grows with engagement and shrinks with overload."""
    pop = nb.population
    params = nb.params
    nominal = np.maximum(pop.draagkracht_on_arrival * pop.draagkracht_factor, 0.5)
    load = pop.given / nominal
    overload = np.maximum(0.0, load - 1.0)
    engaged = ((pop.given > 0) & (load <= 1.0)) | pop.attended | pop.is_initiator
    factor = pop.draagkracht_factor
    factor += np.where(engaged, params.capacity_growth * (DRAAGKRACHT_MAX - factor),
                       DRAAGKRACHT_DRIFT * (1.0 - factor))
    factor -= params.capacity_loss * overload * (factor - DRAAGKRACHT_MIN)
    np.clip(factor, DRAAGKRACHT_MIN, DRAAGKRACHT_MAX, out=factor)


def update_ownership_and_trust(nb: Neighbourhood) -> None:
    """Weekly drift of ownership and trust."""
    pop = nb.population
    active = pop.is_volunteer | pop.is_initiator
    pop.ownership += OWNERSHIP_DRIFT * (OWNERSHIP_BASELINE - pop.ownership)
    pop.ownership[active] += ROLE_OWNERSHIP * (1 - pop.ownership[active])
    np.clip(pop.ownership, 0.0, 1.0, out=pop.ownership)
    caring = nb.views.caring_counts
    target = 0.5 * (1 - 0.5 * nb.params.area_risk) + 0.3 * np.minimum(1.0, caring / 2.0)
    pop.trust += TRUST_DRIFT * (target - pop.trust)
    pop.activity_weeks *= ACTIVITY_MEMORY
