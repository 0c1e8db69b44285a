"""The parts of the neighbourhood a week's meetings read and write, and a meeting's own draws.

Shared by who comes (:mod:`.attendance`), what a meeting does (:mod:`.meetings`) and how a group
moves through its phases (:mod:`.group_phases`). Every draw is keyed (``docs/odd.md`` 4.9): by
the resident and the activity, or by the activity.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..state.keyed import keyed_uniform
from .activities import activity_key
from .conversations import DRAWS_PER_ACTIVITY

if TYPE_CHECKING:
    from ..parameters import Parameters
    from ..state.contacts import Contacts
    from ..state.personal import PersonalChoices
    from ..state.population import Population
    from ..state.programme import Activity, ActivityProgramme
    from ..state.streams import Streams
    from ..state.support import Budget, Support
    from ..state.ties import TieNetwork
    from ..state.views import NetworkViews

__all__ = ["NONE", "MeetingParts", "meeting_draws", "own_draw"]

NONE = np.zeros(0, dtype=np.int64)
"""No residents (an empty list of homes)."""


@dataclass(frozen=True, slots=True)
class MeetingParts:
    """The parts of the neighbourhood that this week's meetings read and write.

    Reads: the population's traits (sociability, frailty, group, capacity, friendly ties
    through ``views``), the tie network (whom attendees know, for conversations), whether
    professionals are present (``support``), the parameters, the week and the keyed
    ``meetings`` and ``organising`` streams (and the ``personal`` stream for the invitations
    of the participatory mode).

    Writes: the activities (``programme``: members, task teams, turnout, phase, meetings,
    next meeting, ending; this week's first-timers and memberships), the population
    (``attended``, ownership, reliance, the fading activity count, energy of organisers whose
    group falls apart, ``activity`` of those who leave a team), ``personal`` (invitations
    answered), ``budget`` (doing hours professionals spend at their own activities) and
    ``contacts`` (the conversations held).

    Attributes:
        pop: The population.
        ties: The tie network.
        views: This week's per-resident views of the tie network.
        programme: The activities.
        params: The parameters in force.
        support: Whether professionals work here.
        personal: The participatory mode's personal choices.
        streams: The random streams.
        week: This week.
        budget: This week's professional hours.
        contacts: This week's contacts.
    """

    pop: Population
    ties: TieNetwork
    views: NetworkViews
    programme: ActivityProgramme
    params: Parameters
    support: Support
    personal: PersonalChoices
    streams: Streams
    week: int
    budget: Budget
    contacts: Contacts


def meeting_draws(parts: MeetingParts, activity: Activity, homes: np.ndarray, k: int) -> np.ndarray:
    """The keyed draws of ``homes`` for ``activity`` this week (draw ``k`` of theirs for it)."""
    draws = parts.streams.draws("meetings")
    return draws.uniform(parts.week, homes, activity.ident * DRAWS_PER_ACTIVITY + k)


def own_draw(parts: MeetingParts, activity: Activity, k: int) -> float:
    """Draw ``k`` of the activity itself this week."""
    key = activity_key(parts.programme, activity)
    return keyed_uniform(parts.streams.draws("meetings").key, parts.week, key, k)
