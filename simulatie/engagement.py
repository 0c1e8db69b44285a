"""Who becomes a volunteer or an initiator, and how ownership and trust change.

* Recruitment (seed 003 case 2; Smith's review: being asked by someone you know is the key
  trigger): mass flyering reaches everyone in short campaigns and brings many sign-ups with weak
  commitment and narrow preferences; personal asking goes through friendly ties and brings fewer,
  more committed volunteers who fit. Recruitment runs while support is funded.
* Residents with a strong sense of ownership who take part in activities may become initiators
  themselves (seed 002: "build on where the energy is"); professional support for initiators
  makes that more likely, an authoritarian style less.
* Ownership drifts back to a baseline unless residents run things; trust grows with caring ties
  and is held down by risk and conflict in the area.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .agents import Volunteer
from .parameters import Recruitment

if TYPE_CHECKING:
    from .model import CaringCommunity

__all__ = ["new_initiators", "recruit_volunteers", "update_ownership_and_trust"]

CAMPAIGN_EVERY_WEEKS = 26  # a flyer campaign twice a year
CAMPAIGN_WEEKS = 2
FLYER_RESPONSE = 0.08  # weekly sign-up chance during a campaign at full effort
FLYER_MOTIVATION = 0.35
FLYER_FIT = 0.3  # flyered volunteers sign up for what they like, which rarely fits a request
PERSONAL_ASK_RATE = 0.1  # weekly chance per asker at full effort
PERSONAL_MOTIVATION = 0.75
PERSONAL_FIT = 0.65
SPONTANEOUS_SIGN_UP = 0.001  # weekly chance per unit of ownership
INITIATOR_RATE = 0.004  # weekly chance for an engaged resident to start organising
OWNERSHIP_BASELINE = 0.2


def recruit_volunteers(model: CaringCommunity) -> None:
    """Sign up new volunteers by the chosen recruitment route."""
    p = model.params
    pop = model.population
    rng = model.streams.engagement
    free = ~pop.is_volunteer & (pop.capacity() > 0.5)
    spontaneous = free & (rng.random(pop.n) < SPONTANEOUS_SIGN_UP * pop.ownership)
    for slot in np.flatnonzero(spontaneous):
        Volunteer(model, int(slot), PERSONAL_MOTIVATION, PERSONAL_FIT)
    if p.recruitment is Recruitment.NONE or not model.support.funded:
        return
    if p.recruitment is Recruitment.FLYER:  # a campaign needs an organisation behind it
        if not model.support.present or model.week % CAMPAIGN_EVERY_WEEKS >= CAMPAIGN_WEEKS:
            return
        chance = FLYER_RESPONSE * p.recruitment_effort * (0.5 + pop.sociability)
        for slot in np.flatnonzero(free & ~spontaneous & (rng.random(pop.n) < chance)):
            Volunteer(model, int(slot), FLYER_MOTIVATION, FLYER_FIT)
        return
    askers = list(model.initiator_of) + list(model.volunteer_of)
    asking = [s for s in askers if rng.random() < PERSONAL_ASK_RATE * p.recruitment_effort]
    ptr, nbr = model.close_adjacency
    for slot in asking:
        friends = nbr[ptr[slot] : ptr[slot + 1]]
        friends = friends[free[friends]]
        if len(friends) == 0:
            continue
        friend = int(friends[rng.integers(len(friends))])
        if rng.random() < 0.5 and not pop.is_volunteer[friend]:
            Volunteer(model, friend, PERSONAL_MOTIVATION, PERSONAL_FIT)


def new_initiators(model: CaringCommunity) -> None:
    """Engaged residents with time to spare start organising, where there is a role to fill.

    A role is a free slot at a meeting place or room in a resident team
    (:meth:`ActivityProgramme.organiser_openings`); without one an engaged resident stays a
    participant.
    """
    pop = model.population
    rng = model.streams.engagement
    room = model.support.style.room if model.support.present else 1.0
    boost = 1.0 + model.support.initiator_hours / 8.0
    engaged = (
        ~pop.is_initiator & (pop.ownership > 0.4) & (pop.capacity() > 1.0)
        & (pop.activity_weeks > 2)
    )
    chance = INITIATOR_RATE * pop.ownership * boost * room
    starting = np.flatnonzero(engaged & (rng.random(pop.n) < chance))
    openings = model.activities.organiser_openings()
    if len(starting) > openings:  # only as many as there are roles to fill
        starting = np.sort(rng.choice(starting, openings, replace=False))
    for slot in starting:
        model.add_initiator(int(slot)).organise_activity()


def update_ownership_and_trust(model: CaringCommunity, caring_per_resident: np.ndarray) -> None:
    """Weekly drift of ownership and trust."""
    pop = model.population
    active = pop.is_volunteer | pop.is_initiator
    pop.ownership += 0.005 * (OWNERSHIP_BASELINE - pop.ownership)
    pop.ownership[active] += 0.01 * (1 - pop.ownership[active])
    np.clip(pop.ownership, 0.0, 1.0, out=pop.ownership)
    target = 0.5 * (1 - 0.5 * model.params.area_risk) + 0.3 * np.minimum(
        1.0, caring_per_resident / 2.0
    )
    pop.trust += 0.02 * (target - pop.trust)
    pop.activity_weeks *= 0.95
