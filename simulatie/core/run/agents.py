"""The model's agents: residents, the roles some of them take, and professionals.

A :class:`Resident` lives in a home; a :class:`Volunteer` and an :class:`Initiator` are roles a
resident holds. Their state lives in the resident's row of the population arrays (the one
representation of people, as in mesa-frames): each agent reads its own row, and the week's
processes update all rows at once. The model creates and removes role agents as rows take up and
leave a role. :class:`Professional` agents are welfare or community workers; their hours and style
are the neighbourhood's support (:mod:`.professionals`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from mesa import Agent
from mesa.discrete_space import CellAgent, FixedAgent

from ..parameters import Parameters
from ..rules.capacity import capacity
from ..state.groups import Group
from ..state.neighbourhood import Neighbourhood
from ..state.population import Population

if TYPE_CHECKING:
    from mesa.discrete_space import Cell

__all__ = ["Initiator", "Professional", "Resident", "Volunteer"]


class _HasState(Protocol):
    """What an agent needs of its model: the neighbourhood's state (:mod:`.model`)."""

    state: Neighbourhood


class _Row:
    """Mixin: an agent whose state is row ``slot`` of the population arrays."""

    model: _HasState
    slot: int

    @property
    def _pop(self) -> Population:
        return self.model.state.population

    @property
    def _params(self) -> Parameters:
        return self.model.state.params


class Resident(_Row, FixedAgent):
    """A resident (*bewoner*) living in one home.

    Args:
        model: The model.
        slot: Index of the home, and of this resident's row in the population arrays.
        cell: The home's grid cell.
    """

    def __init__(self, model: _HasState, slot: int, cell: Cell) -> None:
        super().__init__(model)
        self.slot = slot
        self.cell = cell

    @property
    def group(self) -> Group:
        """The resident's group."""
        return Group(int(self._pop.group[self.slot]))

    @property
    def age(self) -> float:
        """Age in years."""
        return float(self._pop.age[self.slot])

    @property
    def frailty(self) -> float:
        """Frailty from 0 (fit) to 1 (fully dependent)."""
        return float(self._pop.frailty[self.slot])

    @property
    def need(self) -> float:
        """This week's care need in hours (*draaglast*)."""
        return float(self._pop.need[self.slot])

    @property
    def capacity(self) -> float:
        """Hours this resident can give this week (*draagkracht*)."""
        return float(capacity(self._pop, self._params, slice(self.slot, self.slot + 1))[0])

    @property
    def ask_threshold(self) -> float:
        """Reluctance to ask for help (*vraagverlegenheid*)."""
        return float(self._pop.ask_threshold[self.slot])

    @property
    def ownership(self) -> float:
        """Sense of ownership of the neighbourhood's initiatives (0..1)."""
        return float(self._pop.ownership[self.slot])


class Volunteer(_Row, Agent):
    """A resident who signed up to help others (*vrijwilliger*); see :mod:`.volunteers`.

    Args:
        model: The model.
        slot: The volunteering resident's home.
    """

    def __init__(self, model: _HasState, slot: int) -> None:
        super().__init__(model)
        self.slot = slot

    @property
    def motivation(self) -> float:
        """Motivation (0..1); below zero the volunteer quits."""
        return float(self._pop.motivation[self.slot])

    @property
    def fit(self) -> float:
        """Chance that a request matches what the volunteer signed up for."""
        return float(self._pop.fit[self.slot])

    @property
    def selflessness(self) -> float:
        """The selfless share of the volunteer's motives (Clary et al. 1998)."""
        return float(self._pop.selflessness[self.slot])

    @property
    def joined_week(self) -> int:
        """The week the volunteer signed up."""
        return int(self._pop.joined_week[self.slot])


class Initiator(_Row, Agent):
    """A resident who organises activities (*kartrekker*); see :mod:`.initiators`.

    Args:
        model: The model.
        slot: The initiating resident's home.
    """

    def __init__(self, model: _HasState, slot: int) -> None:
        super().__init__(model)
        self.slot = slot

    @property
    def energy(self) -> float:
        """Energy (0..1); when it runs out the initiator stops."""
        return float(self._pop.energy[self.slot])

    @property
    def activity(self) -> int:
        """Number of the activity the initiator organises, or -1."""
        return int(self._pop.activity[self.slot])

    @property
    def started_week(self) -> int:
        """The week the initiator started organising."""
        return int(self._pop.started_week[self.slot])


class Professional(CellAgent):
    """A welfare or community worker; shown at the meeting place where the work is.

    Args:
        model: The model.
        cell: Where the professional starts (a meeting place, or the centre).
    """

    def __init__(self, model: _HasState, cell: Cell) -> None:
        super().__init__(model)
        self.cell = cell

    @property
    def hours(self) -> float:
        """Hours per week in the neighbourhood."""
        return self.model.state.params.professional_hours

    def move_to(self, cell: Cell) -> None:
        """Go to ``cell`` (a meeting place in use); no rule depends on where a professional is."""
        self.cell = cell
