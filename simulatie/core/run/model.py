"""The caring-community model: a Mesa model whose one step is one week in one neighbourhood.

:class:`CaringCommunity` holds the neighbourhood's state
(:class:`~simulatie.core.state.neighbourhood.Neighbourhood`), its grid and its agents. Its step
runs the week's pipeline (:func:`~simulatie.core.lifecycle.week.advance_week`) and then brings
the agents in line with the population's rows: a newcomer is a new Resident agent, a resident who
took up a role gets a Volunteer or Initiator agent, and one who left it loses it.

A model starts at week 0 of its run: after its own spin-up with nothing organised, with the
run's intervention just started (:func:`~simulatie.core.lifecycle.prepared_neighbourhood`).
Observation is not part of the model: :mod:`simulatie.core.observe` reads it, and
:mod:`.simulation` records what a run asks for.
"""

from __future__ import annotations

import mesa
import numpy as np
from mesa.discrete_space import OrthogonalMooreGrid

from ..lifecycle import prepared_neighbourhood
from ..lifecycle.week import advance_week
from ..parameters import Parameters
from ..state.care_week import CareWeek
from ..state.layout import Layout
from ..state.neighbourhood import Neighbourhood
from ..state.population import Population
from ..state.streams import Streams
from ..state.ties import TieNetwork
from .agents import Initiator, Professional, Resident, Volunteer

__all__ = ["CaringCommunity"]


class CaringCommunity(mesa.Model):
    """A neighbourhood in which caring ties form, deepen and fade.

    Args:
        params: The run's parameters (defaults when omitted).
        rng: The run's seed; the same seed gives the same run. Mesa's own generators (which only
            place agents on the map) are seeded from it too (:meth:`Streams.mesa_seed`).
        start: A prepared neighbourhood to continue from (it is used, not copied); by default
            the neighbourhood's own spin-up with the run's intervention started.
    """

    def __init__(
        self,
        *,
        params: Parameters | None = None,
        rng: int | None = None,
        start: Neighbourhood | None = None,
    ) -> None:
        seed = 0 if rng is None else int(rng)
        super().__init__(rng=Streams.mesa_seed(seed))
        params = params if params is not None else Parameters()
        self.state = start if start is not None else prepared_neighbourhood(params, seed)
        layout = self.state.layout
        self.grid = OrthogonalMooreGrid((layout.width, layout.height), torus=False,
                                        random=self.random)
        kind = self.grid.create_property_layer("kind", default_value=0, dtype=int)
        kind.data[:] = layout.kinds
        self.residents: list[Resident] = [
            Resident(self, slot, self.grid[tuple(xy)])
            for slot, xy in enumerate(layout.home_xy.tolist())
        ]
        self.volunteer_of: dict[int, Volunteer] = {}
        self.initiator_of: dict[int, Initiator] = {}
        self._sync_agents()

    # --- reading the state ------------------------------------------------------------------
    @property
    def params(self) -> Parameters:
        """The parameters in force: the state's, the one place they are kept."""
        return self.state.params

    @property
    def week(self) -> int:
        """The current week (0 at the start of the run)."""
        return self.state.week

    @property
    def population(self) -> Population:
        """Every resident's row."""
        return self.state.population

    @property
    def ties(self) -> TieNetwork:
        """The tie network."""
        return self.state.ties

    @property
    def layout(self) -> Layout:
        """Homes, streets and meeting places."""
        return self.state.layout

    @property
    def care(self) -> CareWeek:
        """The last week's care accounting."""
        return self.state.care

    @property
    def professionals(self) -> mesa.agent.AgentSet:
        """The professionals currently working in the neighbourhood."""
        return self.agents_by_type.get(Professional, mesa.agent.AgentSet([], random=self.random))

    # --- the week ---------------------------------------------------------------------------
    def step(self) -> None:
        """Advance the neighbourhood by one week."""
        advance_week(self.state)
        self._sync_agents()

    def _sync_agents(self) -> None:
        """Bring the agents in line with the population's rows after a week."""
        state = self.state
        pop = state.population
        for slot in state.leavers.tolist():
            self.residents[slot].remove()
            cell = self.grid[tuple(state.layout.home_xy[slot])]
            self.residents[slot] = Resident(self, slot, cell)
        self._sync_roles(pop.is_volunteer, self.volunteer_of, Volunteer, state.leavers)
        self._sync_roles(pop.is_initiator, self.initiator_of, Initiator, state.leavers)
        self._sync_professionals()

    def _sync_roles(self, holds: np.ndarray, agents: dict, kind: type, leavers: np.ndarray) -> None:
        for slot in leavers.tolist():  # a newcomer never inherits the former resident's role
            if slot in agents:
                agents.pop(slot).remove()
        for slot in [s for s in agents if not holds[s]]:
            agents.pop(slot).remove()
        for slot in np.flatnonzero(holds).tolist():
            if slot not in agents:
                agents[slot] = kind(self, slot)

    def _sync_professionals(self) -> None:
        present = list(self.professionals)
        wanted = self.state.support.professionals
        for professional in present[wanted:]:
            professional.remove()
        layout = self.state.layout
        places = [a.place for a in self.state.programme.running()]
        for _ in range(max(0, wanted - len(present))):
            Professional(self, self.grid[self._work_place(layout, places)])
        for professional in self.professionals:
            professional.move_to(self.grid[self._work_place(layout, places)])

    def _work_place(self, layout: Layout, places: list[int]) -> tuple[int, int]:
        """A meeting place where an activity runs (shown on the map), or the centre."""
        if places:
            x, y = layout.place_xy[self.random.choice(places)]
            return int(x), int(y)
        if len(layout.place_xy):
            return int(layout.place_xy[0][0]), int(layout.place_xy[0][1])
        return layout.width // 2, layout.height // 2
