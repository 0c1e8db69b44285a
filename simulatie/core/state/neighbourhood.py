"""The state of one neighbourhood: everything that changes during a run, in one record.

The population's rows, the tie network, the activities, the professionals' presence, the role log
and the random streams. It holds no Mesa objects, so it can be copied: the spin-up before week 0
is run once per neighbourhood and seed, and both the intervention arm and the matched baseline arm
continue from a copy of it (``docs/odd.md`` 5). How it is built, spun up and how an intervention
starts is :mod:`simulatie.core.lifecycle`; how a week changes it is :mod:`simulatie.core.rules`.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

import numpy as np

from ..parameters import Parameters
from .care_week import CareWeek
from .layout import Layout
from .personal import PersonalChoices
from .population import Population
from .programme import ActivityProgramme
from .roles import RoleLog
from .streams import Streams
from .support import Support
from .ties import TieNetwork
from .views import NetworkViews

__all__ = ["Neighbourhood"]


@dataclass
class Neighbourhood:
    """Everything that changes in one neighbourhood during a run.

    Attributes:
        params: The parameters in force (the baseline's during the spin-up).
        layout: Homes, streets and meeting places (never changes).
        week: The current week; the spin-up runs through negative weeks up to week 0.
        population: Every resident's row, roles included.
        ties: The tie network.
        programme: The activities.
        support: Whether professionals work here.
        roles: Who took up and left a role.
        streams: The random streams.
        views: Per-resident views of the tie network, refreshed every week.
        care: The last week's care accounting.
        leavers: Homes whose resident left in the last week (newcomers live there now).
        spin_up: What the spin-up produced (for the run's metadata).
        personal: Personal choices of the residents played in the participatory mode, and
            the requests they were part of (empty otherwise).
    """

    params: Parameters
    layout: Layout
    week: int
    population: Population
    ties: TieNetwork
    programme: ActivityProgramme
    support: Support
    roles: RoleLog
    streams: Streams
    views: NetworkViews
    care: CareWeek
    leavers: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    spin_up: dict[str, float] = field(default_factory=dict)
    personal: PersonalChoices = field(default_factory=PersonalChoices)

    def refresh_views(self) -> None:
        """Read this week's per-resident views off the tie network."""
        self.views = NetworkViews.of(self.ties)

    def copy(self) -> Neighbourhood:
        """A deep copy that shares the immutable layout and parameters."""
        return copy.deepcopy(self, memo={id(self.layout): self.layout,
                                         id(self.params): self.params})
