"""Volunteers' motivation: helping, being thanked or helped back, being unused, and quitting.

``docs/odd.md`` 7.10.2. Motivation rises with a week of helping and falls in a week without any
request, and with overload. Volunteers differ in how selfless their motives are (Clary et al.
1998): the selfless share of the reward for helping needs nothing back; the rest comes only
when the volunteer feels appreciated, which is something that happens, not a setting:

* **thanks**: where a coordinator runs the scheme (the professionals, while they work here),
  a volunteer who helped this week is thanked, kept in the loop, given something back, as often
  as the scheme's practice of ``appreciation`` says;
* **helped back**: a volunteer whom their own ties helped lately feels the reciprocity too
  (Gouldner 1960).

Either one lasts ``APPRECIATED_WEEKS``. Below zero motivation a volunteer quits. How volunteers
are found is :mod:`.recruitment`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .roles import remove_volunteers

if TYPE_CHECKING:
    from ..state.neighbourhood import Neighbourhood

__all__ = ["APPRECIATED_WEEKS", "update_motivation"]

APPRECIATED_WEEKS = 8  # weeks a thank-you, or help from one's own ties, keeps a volunteer going
# Share of the loss in an unused week that thanks and being kept in the loop take away, for the
# part of a volunteer's motivation that wants something back.
APPRECIATION_BUFFER = 0.85
OVERLOAD_STRAIN = 0.8  # strain above which a volunteer loses motivation


def update_motivation(nb: Neighbourhood) -> None:
    """Weekly change of every volunteer's motivation; those below zero quit."""
    pop = nb.population
    params = nb.params
    v = np.flatnonzero(pop.is_volunteer)
    if len(v) == 0:
        return
    helped = pop.volunteer_hours[v] > 0
    if nb.support.present:  # a coordinator thanks those who helped, as the practice says
        u = nb.streams.draws("volunteering").uniform(nb.week, v, 7)
        pop.last_thanked_week[v[helped & (u < params.appreciation)]] = nb.week
    recent = nb.week - APPRECIATED_WEEKS
    appreciated = (pop.last_thanked_week[v] > recent) | (pop.last_helped_week[v] > recent)
    selfless = pop.selflessness[v]
    wants_back = (1.0 - selfless) * appreciated
    gain = params.helping_reward * (selfless + wants_back)
    loss = params.unused_drain * (1.0 - APPRECIATION_BUFFER * wants_back)
    motivation = pop.motivation[v] + np.where(helped, gain, -loss)
    motivation -= params.overload_penalty * np.maximum(0.0, pop.strain[v] - OVERLOAD_STRAIN)
    pop.motivation[v] = np.minimum(1.0, motivation)
    remove_volunteers(nb, v[motivation < 0])
