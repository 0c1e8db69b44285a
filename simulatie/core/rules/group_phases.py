"""How a group moves through Tuckman's phases, and how a storming group may fall apart.

``docs/odd.md`` 7.7.6 (seed 003). A group moves from forming to storming, norming and performing
after declared numbers of meetings (``storming_after_meetings``, ``norming_after_meetings``,
``performing_after_meetings``). In storming, diverse or conflict-ridden groups without support or
a second organiser may fall apart (``storm_risk``, ``storm_base``, ``storm_support``,
``storm_support_per_hour``, ``storm_energy``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ..state.groups import Group
from ..state.programme import Phase
from .activities import end
from .meeting_parts import MeetingParts, own_draw

if TYPE_CHECKING:
    from ..parameters import Parameters
    from ..state.programme import Activity

__all__ = ["DIVERSITY_SCALE", "advance_phase"]

DIVERSITY_SCALE = 2.0  # homophily counts against its default 0.5: the diversity term is the
# groups' Gini-Simpson index at the default homophily


def _phase_after(params: Parameters) -> dict[Phase, int]:
    """Per Tuckman phase, the meetings after which a group moves on to the next one."""
    return {Phase.FORMING: params.storming_after_meetings,
            Phase.STORMING: params.norming_after_meetings,
            Phase.NORMING: params.performing_after_meetings}


def advance_phase(parts: MeetingParts, activity: Activity, attendees: np.ndarray) -> None:
    """Move through Tuckman's phases; an unsupported storming group may fall apart."""
    params = parts.params
    after = _phase_after(params)
    if activity.phase in after and activity.meetings >= after[activity.phase]:
        activity.phase = Phase(activity.phase + 1)
    if activity.phase is not Phase.STORMING or len(attendees) < 2:
        return
    groups = parts.pop.group[attendees]
    share = np.bincount(groups, minlength=len(Group)) / len(groups)
    # diversity breeds conflict only as far as group differences matter (homophily; 1 at the
    # default 0.5, none without homophily: Putnam 2007's hunkering down needs in-group pull)
    diversity = (1.0 - float((share**2).sum())) * DIVERSITY_SCALE * params.homophily
    storm_support = params.storm_support
    support = storm_support * (len(activity.organisers) >= 2) + min(
        storm_support, parts.programme.connect_per_activity * params.storm_support_per_hour
        + params.bridging_effort * storm_support
    )
    risk = params.storm_risk * (params.storm_base + diversity + params.area_risk) * (1.0 - support)
    if own_draw(parts, activity, 63) < risk:
        organisers = list(activity.organisers)
        end(parts.pop, parts.programme, activity)
        parts.pop.energy[organisers] -= params.storm_energy
