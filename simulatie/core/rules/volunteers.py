"""Volunteers: signing up, motivation and quitting (``docs/odd.md`` 7.10).

* **Recruitment** (seed 003 case 2; Smith's review: being asked by someone you know is the key
  trigger): mass flyering reaches everyone in short campaigns and brings many sign-ups with weak
  commitment and a poor fit; personal asking goes through friendly ties and brings fewer, more
  committed volunteers who fit. Recruitment runs while support is funded. Residents with a sense
  of ownership also sign up on their own, where a scheme exists to sign up to.
* **Motivation** rises with a week of helping and falls in a week without any request, and with
  overload. Volunteers differ in how selfless their motives are (Clary et al. 1998): the selfless
  share of the reward for helping needs nothing back; the rest comes only with appreciation
  (thanks, something given back). Below zero a volunteer quits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..parameters import Recruitment
from .capacity import capacity
from .professionals import funded
from .roles import add_volunteers, remove_volunteers

if TYPE_CHECKING:
    from ..state.neighbourhood import Neighbourhood

__all__ = ["recruit_volunteers", "start_volunteer_scheme", "update_motivation"]

INITIAL_MOTIVATION = 0.6  # volunteers who sign up when a scheme starts
INITIAL_FIT = 0.55
FLYER_MOTIVATION = 0.35  # flyered volunteers sign up on impulse
PERSONAL_MOTIVATION = 0.75  # asked by someone they know
PERSONAL_ACCEPT = 0.5  # chance a friend who is asked says yes
ABLE_HOURS = 1.0  # residents who can give more than this can sign up at the start
FREE_HOURS = 0.5  # ... and later
CAMPAIGN_EVERY_WEEKS = 26  # a flyer campaign twice a year
CAMPAIGN_WEEKS = 2
# Share of the loss in an unused week that thanks and being kept in the loop take away, for the
# part of a volunteer's motivation that wants something back.
APPRECIATION_BUFFER = 0.85
OVERLOAD_STRAIN = 0.8  # strain above which a volunteer loses motivation


def start_volunteer_scheme(nb: Neighbourhood) -> None:
    """At week 0 a share of residents with time to give signs up (``initial_volunteer_share``)."""
    pop = nb.population
    rng = nb.streams.setup
    able = np.flatnonzero(capacity(pop) > ABLE_HOURS)
    count = min(len(able), round(nb.params.initial_volunteer_share * pop.n))
    if count:
        chosen = np.sort(rng.choice(able, size=count, replace=False))
        add_volunteers(nb, chosen, INITIAL_MOTIVATION, INITIAL_FIT)


def update_motivation(nb: Neighbourhood) -> None:
    """Weekly change of every volunteer's motivation; those below zero quit."""
    pop = nb.population
    params = nb.params
    v = np.flatnonzero(pop.is_volunteer)
    if len(v) == 0:
        return
    selfless = pop.selflessness[v]
    wants_back = 1.0 - selfless
    helped = pop.volunteer_hours[v] > 0
    gain = params.helping_reward * (selfless + wants_back * params.appreciation)
    loss = params.unused_drain * (1.0 - APPRECIATION_BUFFER * wants_back * params.appreciation)
    motivation = pop.motivation[v] + np.where(helped, gain, -loss)
    motivation -= params.overload_penalty * np.maximum(0.0, pop.strain[v] - OVERLOAD_STRAIN)
    pop.motivation[v] = np.minimum(1.0, motivation)
    remove_volunteers(nb, v[motivation < 0])


def recruit_volunteers(nb: Neighbourhood) -> None:
    """Sign up new volunteers: on their own where a scheme exists, and by the recruitment route."""
    p = nb.params
    pop = nb.population
    rng = nb.streams.engagement
    free = ~pop.is_volunteer & (capacity(pop) > FREE_HOURS)
    scheme = nb.support.present or pop.is_volunteer.any()
    chance = p.spontaneous_sign_up * pop.ownership if scheme else np.zeros(pop.n)
    spontaneous = free & (rng.random(pop.n) < chance)
    add_volunteers(nb, np.flatnonzero(spontaneous), PERSONAL_MOTIVATION, p.personal_fit)
    if p.recruitment is Recruitment.NONE or not funded(p, nb.week):
        return
    if p.recruitment is Recruitment.FLYER:  # a campaign needs an organisation behind it
        if not nb.support.present or nb.week % CAMPAIGN_EVERY_WEEKS >= CAMPAIGN_WEEKS:
            return
        chance = p.flyer_response * p.recruitment_effort * (0.5 + pop.sociability)
        signing = free & ~spontaneous & (rng.random(pop.n) < chance)
        add_volunteers(nb, np.flatnonzero(signing), FLYER_MOTIVATION, p.flyer_fit)
        return
    askers = np.flatnonzero(pop.is_initiator | pop.is_volunteer)
    asking = askers[rng.random(len(askers)) < p.personal_ask_rate * p.recruitment_effort]
    ptr, nbr = nb.views.close_adjacency
    for home in asking.tolist():
        friends = nbr[ptr[home] : ptr[home + 1]]
        friends = friends[free[friends] & ~pop.is_volunteer[friends]]
        if len(friends) == 0:
            continue
        friend = int(friends[rng.integers(len(friends))])
        if rng.random() < PERSONAL_ACCEPT:
            add_volunteers(nb, np.array([friend]), PERSONAL_MOTIVATION, p.personal_fit)
