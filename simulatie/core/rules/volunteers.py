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

Either one lasts ``appreciated_weeks``. Below zero motivation a volunteer quits. How volunteers
are found is :mod:`.recruitment`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numba import njit

from ..state.keyed import keyed_uniform
from ..state.numeric import least, most
from .roles import remove_volunteers

if TYPE_CHECKING:
    from ..parameters import Parameters
    from ..state.population import Population
    from ..state.roles import RoleLog
    from ..state.streams import Streams
    from ..state.support import Support

__all__ = ["update_motivation"]

# The sizes of these rules are declared parameters (group volunteers: ``appreciated_weeks``,
# ``appreciation_buffer`` (the share of the loss in an unused week that thanks and being kept in
# the loop take away, for the part of a volunteer's motivation that wants something back),
# ``overload_strain``).


def update_motivation(pop: Population, roles: RoleLog, support: Support, params: Parameters,
                      streams: Streams, week: int) -> None:
    """Weekly change of every volunteer's motivation; those below zero quit.

    The arithmetic is :func:`_motivation_week`; a coordinator's thanks are keyed draws of the
    ``volunteering`` stream (draw 7 of each volunteer's week).

    Args:
        pop: The population; reads the week's volunteer hours, help received and strain.
        roles: The role log (who quits).
        support: Whether professionals work here (a coordinator thanks volunteers).
        params: The parameters in force (``appreciation``, ``helping_reward``,
            ``unused_drain``, ``overload_penalty``, ``appreciated_weeks``,
            ``appreciation_buffer``, ``overload_strain``).
        streams: The random streams (the keyed ``volunteering`` stream).
        week: The current week.

    Writes: pop.motivation, pop.last_thanked_week; volunteers below zero quit
    (:func:`~.roles.remove_volunteers`: pop.is_volunteer, roles).
    """
    quitting = _motivation_week(
        pop.is_volunteer, pop.volunteer_hours, pop.last_thanked_week, pop.last_helped_week,
        pop.selflessness, pop.motivation, pop.strain, bool(support.present),
        streams.draws("volunteering").key, week, params.appreciation,
        params.helping_reward, params.unused_drain, params.overload_penalty,
        int(params.appreciated_weeks), float(params.appreciation_buffer),
        float(params.overload_strain))
    if len(quitting):
        remove_volunteers(pop, roles, week, quitting)


@njit(cache=True)
def _motivation_week(is_volunteer, volunteer_hours, last_thanked_week, last_helped_week,
                     selflessness, motivation, strain, thanking, key, week, appreciation,
                     helping_reward, unused_drain, overload_penalty, appreciated_weeks,
                     appreciation_buffer, overload_strain):
    """Every volunteer's motivation after the week (in place); who quits.

    A volunteer who helped is thanked (where ``thanking``) with chance ``appreciation``; thanks
    or help from their own ties in the last ``appreciated_weeks`` make them appreciated. The
    gain of a week of helping is ``helping_reward`` × (selflessness + the rest if appreciated);
    an unused week costs ``unused_drain``, less by ``appreciation_buffer`` of the appreciated
    rest; strain above ``overload_strain`` costs ``overload_penalty`` per unit. Motivation is at
    most 1.

    Returns:
        The homes of volunteers whose motivation fell below zero, in order.
    """
    recent = week - appreciated_weeks
    quitting = np.empty(len(is_volunteer), np.int64)
    q = 0
    for i in range(len(is_volunteer)):
        if not is_volunteer[i]:
            continue
        helped = volunteer_hours[i] > 0
        if thanking and helped and keyed_uniform(key, week, i, 7) < appreciation:
            last_thanked_week[i] = week
        appreciated = last_thanked_week[i] > recent or last_helped_week[i] > recent
        selfless = selflessness[i]
        wants_back = (1.0 - selfless) * (1.0 if appreciated else 0.0)
        if helped:
            change = helping_reward * (selfless + wants_back)
        else:
            change = -(unused_drain * (1.0 - appreciation_buffer * wants_back))
        m = motivation[i] + change
        m -= overload_penalty * most(0.0, strain[i] - overload_strain)
        motivation[i] = least(1.0, m)
        if m < 0:
            quitting[q] = i
            q += 1
    return quitting[:q]
