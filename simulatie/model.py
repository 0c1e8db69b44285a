"""The caring-community model: one step is one week in one neighbourhood.

The schedule of a week (``docs/odd.md``, "Process overview and scheduling"):

1. support: a pilot may end and its professionals leave; professionals split their hours;
2. demography: ageing and frailty, deaths and moves, newcomers in the empty homes;
3. needs: each resident's care need for the week;
4. activities: initiators propose and organise, professionals run or take over, meetings;
5. encounters: chance meetings between near neighbours;
6. care: own network, volunteers, formal care, unmet;
7. ties: contacts and help add shared hours; all ties fade;
8. engagement: volunteers' motivation, initiators' energy, recruitment, new initiators,
   ownership and trust;
9. observation: every metric in :data:`simulatie.metrics.METRICS`.

All randomness comes from the model's one generator: ``model.rng`` seeds a named child stream
per kind of decision (a Starsim-style idea), so two policies compared on the same seed differ
only where the policy acts (common random numbers).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import mesa
import numpy as np
from mesa.discrete_space import OrthogonalMooreGrid

from .activities import ActivityProgramme
from .agents import Initiator, Professional, Resident, Volunteer
from .care import CareWeek, provide_care
from .encounters import FRAIL_OUTDOORS, neighbour_encounters
from .engagement import new_initiators, recruit_volunteers, update_ownership_and_trust
from .metrics import METRICS, Observation, observe
from .neighbourhood import build_layout
from .parameters import Parameters
from .population import Population
from .support import Support
from .ties import TieNetwork, TieStage

__all__ = ["CaringCommunity", "Streams"]

INITIAL_ACQUAINTANCE_HOURS = 10.0  # mean shared hours with a near neighbour one knows at the start
INITIAL_KNOWN_SHARE = 0.6  # share of near-neighbour pairs who know each other at the start
INITIAL_VOLUNTEER_MOTIVATION = 0.6
INITIAL_VOLUNTEER_FIT = 0.55
INITIATOR_SUPPORT_HOURS = 4.0  # weekly support hours that fully back one initiator


@dataclass(frozen=True)
class Streams:
    """Independent random streams, one per kind of decision, all spawned from ``model.rng``."""

    demography: np.random.Generator
    encounters: np.random.Generator
    activities: np.random.Generator
    care: np.random.Generator
    engagement: np.random.Generator
    setup: np.random.Generator
    motives: np.random.Generator

    @classmethod
    def spawn(cls, rng: np.random.Generator) -> Streams:
        """Spawn the streams in a fixed order from the model's generator."""
        return cls(*rng.spawn(7))


class CaringCommunity(mesa.Model):
    """A neighbourhood in which caring ties form, deepen and fade.

    Args:
        params: The run's parameters (defaults when omitted).
        rng: Seed for the model's random generator.
    """

    def __init__(self, *, params: Parameters | None = None, rng: int | None = None) -> None:
        super().__init__(rng=rng)
        self.params = params if params is not None else Parameters()
        p = self.params
        self.week = 0
        self.streams = Streams.spawn(self.rng)
        self.layout = build_layout(
            p.residents, p.street_length, p.meeting_places, p.meeting_place_placement
        )
        self.grid = OrthogonalMooreGrid(
            (self.layout.width, self.layout.height), torus=False, random=self.random
        )
        kind = self.grid.create_property_layer("kind", default_value=0, dtype=int)
        kind.data[:] = self.layout.kinds

        self.population = Population(p, self.streams.demography)
        pop = self.population
        pop.settle(np.arange(p.residents), pop.draw_groups(p.residents, self.streams.setup),
                   self.streams.setup, week=0)
        self._cluster_groups()
        self.residents: list[Resident] = [
            Resident(self, slot, self.grid[tuple(xy)])
            for slot, xy in enumerate(self.layout.home_xy.tolist())
        ]
        self.ties = TieNetwork(p.residents, p.friendly_hours, p.tie_decay_per_week,
                               p.weak_tie_decay_per_week)
        self._seed_acquaintances()

        self.volunteer_of: dict[int, Volunteer] = {}
        self.initiator_of: dict[int, Initiator] = {}
        self.volunteer_exits: list[tuple[int, int]] = []
        self.volunteer_sign_ups = 0  # volunteers who signed up after the start (any route)
        self.burnt_out_initiators = 0
        self.initiator_burnouts: list[tuple[int, int]] = []  # (started, burnt out) weeks
        self.rejected_plans = 0
        self.support = Support(self)
        self.activities = ActivityProgramme(self)
        self._place_professionals()
        self._seed_roles()
        self.population.record_roles(week=0)

        self.records: list[dict[str, float]] = []
        self.last_observation: Observation | None = None
        self._refresh_network_views()
        self._observe(CareWeek(
            need=np.zeros(p.residents), received=np.zeros((p.residents, 4)),
            unmet=np.zeros(p.residents), help_pairs=(np.zeros(0, int),) * 2 + (np.zeros(0),),
        ))

    # --- set-up ---------------------------------------------------------------------------------
    def _cluster_groups(self) -> None:
        """Sort a share of residents by group along the streets (clustered housing)."""
        share = self.params.group_clustering
        if share <= 0:
            return
        pop = self.population
        rng = self.streams.setup
        chosen = np.flatnonzero(rng.random(pop.n) < share)
        order = chosen[np.argsort(pop.group[chosen], kind="stable")]
        arrays = [pop.group, pop.age, pop.frailty, pop.sociability, pop.trust, pop.ownership,
                  pop.capacity_nominal, pop.ask_threshold, pop.digital]
        for array in arrays:
            array[np.sort(chosen)] = array[order]

    def _seed_acquaintances(self) -> None:
        """Neighbours who live near each other start as acquaintances (never as caring ties)."""
        layout = self.layout
        rng = self.streams.setup
        src = np.repeat(np.arange(layout.homes), np.diff(layout.neighbour_ptr))
        dst = layout.neighbour_idx
        keep = src < dst
        src, dst = src[keep], dst[keep]
        hours = rng.exponential(INITIAL_ACQUAINTANCE_HOURS, len(src))
        hours *= rng.random(len(src)) < INITIAL_KNOWN_SHARE
        # the hours stand for past doorstep chats: they bond less across groups, and the frail
        # have been out less (7.5)
        pop = self.population
        hours *= np.where(pop.group[src] == pop.group[dst], 1.0, 1.0 - self.params.homophily)
        hours *= 1.0 - FRAIL_OUTDOORS * (pop.frailty[src] + pop.frailty[dst]) / 2
        self.ties.add_contact(src, dst, hours)

    def _place_professionals(self) -> None:
        p = self.params
        if p.professionals == 0 or p.professional_hours == 0:
            return
        if len(self.layout.place_xy):
            xy = tuple(self.layout.place_xy[0])
        else:
            xy = (self.layout.width // 2, self.layout.height // 2)
        for _ in range(p.professionals):
            Professional(self, self.grid[xy], p.professional_hours)

    def _seed_roles(self) -> None:
        """Initial volunteers and initiators, chosen among residents with time to give."""
        p = self.params
        pop = self.population
        rng = self.streams.setup
        able = np.flatnonzero(pop.capacity() > 1.0)
        volunteers = rng.choice(able, size=min(len(able), round(p.initial_volunteer_share * pop.n)),
                                replace=False)
        for slot in volunteers.tolist():
            Volunteer(self, slot, INITIAL_VOLUNTEER_MOTIVATION, INITIAL_VOLUNTEER_FIT)
        initiators = rng.choice(able, size=min(len(able), p.initiators), replace=False)
        for slot in initiators.tolist():
            pop.ownership[slot] = max(pop.ownership[slot], 0.6)
            self.add_initiator(slot)
        for initiator in list(self.initiator_of.values()):
            initiator.organise_activity()

    # --- roles ----------------------------------------------------------------------------
    def add_initiator(self, slot: int) -> Initiator:
        """Make the resident in ``slot`` an initiator (kartrekker)."""
        return Initiator(self, slot)

    def roles_of(self, slot: int) -> Iterator[Volunteer | Initiator]:
        """The roles held by the resident in ``slot``."""
        for role in (self.volunteer_of.get(slot), self.initiator_of.get(slot)):
            if role is not None:
                yield role

    @property
    def professionals(self) -> mesa.agent.AgentSet:
        """The professionals currently working in the neighbourhood."""
        return self.agents_by_type.get(Professional, mesa.agent.AgentSet([], random=self.random))

    # --- the week --------------------------------------------------------------------------------
    def step(self) -> None:
        """Advance the neighbourhood by one week."""
        self.week += 1
        pop = self.population
        support = self.support

        support.start_week()
        if support.ended_week == self.week:
            self.activities.end_professional_activities()
        self.professionals.do("work")

        pop.age_one_week(self.streams.demography)
        self._replace_leavers(pop.leavers(self.streams.demography))
        pop.draw_needs(self.streams.demography)

        if support.present:
            self.activities.run_by_professionals(support.doing_hours / 2)
            self.activities.take_over()
        for initiator in list(self.initiator_of.values()):
            if initiator.activity is None:
                initiator.organise_activity()
        contacts = self.activities.meet()
        contacts.append(neighbour_encounters(self))

        care = provide_care(self)
        help_a, help_b, help_hours = care.help_pairs
        a = np.concatenate([c[0] for c in contacts] + [help_a])
        b = np.concatenate([c[1] for c in contacts] + [help_b])
        hours = np.concatenate([c[2] for c in contacts] + [help_hours])
        helped = np.r_[np.zeros(len(a) - len(help_a), dtype=bool), np.ones(len(help_a), bool)]
        self.ties.add_contact(a, b, hours, helped)
        self.ties.decay()
        self._refresh_network_views()

        self._engage(care)
        self._observe(care)

    def _replace_leavers(self, leavers: np.ndarray) -> None:
        """Residents who die or move out leave; newcomers move into their homes."""
        if len(leavers) == 0:
            return
        for slot in leavers.tolist():
            self.residents[slot].move_out()
        self.ties.remove_residents(leavers)
        self.activities.remove_residents(leavers)
        pop = self.population
        rng = self.streams.demography
        pop.settle(leavers, pop.draw_groups(len(leavers), rng), rng, week=self.week)
        for slot in leavers.tolist():
            self.residents[slot] = Resident(self, slot, self.grid[tuple(self.layout.home_xy[slot])])

    def _refresh_network_views(self) -> None:
        """Per-resident views of the tie network used by this week's decisions."""
        close = self.ties.hours >= self.ties.friendly_hours
        self.friendly_counts = self.ties.count_per_resident(close)
        self.close_adjacency = self.ties.adjacency(close)
        self.all_adjacency = self.ties.adjacency(np.ones(len(self.ties), dtype=bool))

    def _engage(self, care: CareWeek) -> None:
        """Volunteers, initiators, recruitment, ownership and trust after the week's care."""
        pop = self.population
        informal = care.received[:, 1:3].sum(axis=1)
        burnt = pop.update_after_care(care.unmet, informal)
        for slot in burnt.tolist():
            for role in list(self.roles_of(slot)):
                role.quit()
        appreciation = self.params.appreciation
        for volunteer in list(self.volunteer_of.values()):
            volunteer.update_motivation(appreciation, float(pop.strain[volunteer.slot]))
        initiators = list(self.initiator_of.values())
        if initiators:
            per_initiator = self.support.initiator_hours / len(initiators)
            draws = self.streams.engagement.standard_normal(len(initiators))
            for initiator, draw in zip(initiators, draws, strict=True):
                initiator.support = min(1.0, per_initiator / INITIATOR_SUPPORT_HOURS)
                initiator.update_energy(float(draw))
        recruit_volunteers(self)
        new_initiators(self)
        caring = self.ties.count_per_resident(self.ties.stage() == TieStage.CARING)
        update_ownership_and_trust(self, caring)
        pop.record_roles(self.week)

    def _observe(self, care: CareWeek) -> None:
        observation = observe(self, care)
        self.last_observation = observation
        row = {"week": self.week}
        row.update({name: m.compute(observation) for name, m in METRICS.items()})
        self.records.append(row)
