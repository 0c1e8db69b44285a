"""The model's agents: residents, and the roles some of them take, and professionals.

A :class:`Resident` lives in a home; its attributes are views on the population arrays so that
weekly updates stay vectorised. A resident may also hold roles, each its own agent with its own
state: :class:`Volunteer` (motivation) and :class:`Initiator` (energy, the activity they run).
:class:`Professional` agents are welfare or community workers who spend their hours either doing
the work themselves or facilitating residents (seed 002, seed 003).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from mesa import Agent
from mesa.discrete_space import CellAgent, FixedAgent

from .groups import Group

if TYPE_CHECKING:
    from mesa.discrete_space import Cell

    from .activities import Activity
    from .model import CaringCommunity

__all__ = ["Initiator", "Professional", "Resident", "Volunteer"]

# Volunteer motivation, per week (seed 003 case 2; NCVO *Time Well Spent*; Sargeant; Clary et al.
# 1998 on volunteer functions). A week of helping is worth HELPING_REWARD to a volunteer whose
# motives are all met: the selfless share of it (values, warm glow) comes from helping itself, the
# rest only when the volunteer is thanked and helped back (``appreciation``).
HELPING_REWARD = 0.10
# Loss in a week without any request. Calibrated to seed 003 case 2 ("two months later hardly
# any are left"): a flyered volunteer (motivation 0.35) who is never matched quits after about
# 8 weeks at the default appreciation 0.5 and selflessness 0.3
# (0.35 / (0.065 * (1 - 0.85 * 0.7 * 0.5)) = 7.7 weeks). Was 0.05 (10 weeks).
UNUSED_DRAIN = 0.065
# Share of that loss that thanks and being kept in the loop take away, for the part of the
# volunteer's motivation that wants something back (0.85 x 0.7 ~ the earlier 0.6 at the
# default selflessness 0.3).
APPRECIATION_BUFFER = 0.85
# Spread of selflessness between volunteers: Beta with this concentration around the mean lever.
MOTIVE_CONCENTRATION = 4.0
OVERLOAD_PENALTY = 0.2  # loss per unit of strain above OVERLOAD_STRAIN
OVERLOAD_STRAIN = 0.8


def draw_selflessness(rng: np.random.Generator, mean: float) -> float:
    """One volunteer's selfless share of motivation: Beta around ``mean`` (exact at 0 and 1).

    Args:
        rng: The model's ``motives`` stream.
        mean: The ``volunteer_selflessness`` lever.

    Returns:
        A share between 0 and 1.
    """
    if mean <= 0.0 or mean >= 1.0:
        return float(mean)
    return float(rng.beta(mean * MOTIVE_CONCENTRATION, (1.0 - mean) * MOTIVE_CONCENTRATION))


class Resident(FixedAgent):
    """A resident (*bewoner*) living in one home.

    Args:
        model: The model.
        slot: Index of the home, and of this resident's row in the population arrays.
        cell: The home's grid cell.
    """

    model: CaringCommunity

    def __init__(self, model: CaringCommunity, slot: int, cell: Cell) -> None:
        super().__init__(model)
        self.slot = slot
        self.cell = cell

    @property
    def group(self) -> Group:
        """The resident's group."""
        return Group(int(self.model.population.group[self.slot]))

    @property
    def age(self) -> float:
        """Age in years."""
        return float(self.model.population.age[self.slot])

    @property
    def frailty(self) -> float:
        """Frailty from 0 (fit) to 1 (fully dependent)."""
        return float(self.model.population.frailty[self.slot])

    @property
    def need(self) -> float:
        """This week's care need in hours (*draaglast*)."""
        return float(self.model.population.need[self.slot])

    @property
    def capacity(self) -> float:
        """Hours this resident can give this week (*draagkracht*)."""
        return float(self.model.population.capacity(np.array([self.slot]))[0])

    @property
    def ask_threshold(self) -> float:
        """Reluctance to ask for help (*vraagverlegenheid*)."""
        return float(self.model.population.ask_threshold[self.slot])

    @property
    def ownership(self) -> float:
        """Sense of ownership of the neighbourhood's initiatives (0..1)."""
        return float(self.model.population.ownership[self.slot])

    def move_out(self) -> None:
        """Leave the neighbourhood (death or moving): drop roles and leave the home."""
        for role in list(self.model.roles_of(self.slot)):
            role.quit()
        self.remove()


class Volunteer(Agent):
    """A resident who signed up to help others (*vrijwilliger*).

    Motivation rises when the volunteer is matched and appreciated (thanks, something given back:
    the ``appreciation`` lever), and falls when unused or overloaded; below zero the volunteer
    quits (seed 003 case 2; NCVO *Time Well Spent*; Sargeant on thanks and retention). Volunteers
    differ in how *selfless* their motives are (Clary et al. 1998): the selfless share of the reward
    for helping needs nothing back, the rest only comes with appreciation. Each volunteer's
    ``selflessness`` is drawn at sign-up from the model's ``motives`` stream.

    Args:
        model: The model.
        slot: The volunteering resident's home.
        motivation: Initial motivation (0..1).
        fit: Chance that a request matches what the volunteer signed up for.
    """

    model: CaringCommunity

    def __init__(self, model: CaringCommunity, slot: int, motivation: float, fit: float) -> None:
        super().__init__(model)
        self.slot = slot
        self.motivation = motivation
        self.fit = fit
        self.selflessness = draw_selflessness(model.streams.motives,
                                              model.params.volunteer_selflessness)
        self.joined_week = model.week
        self.hours_this_week = 0.0
        if model.week > 0:
            model.volunteer_sign_ups += 1
        model.population.is_volunteer[slot] = True
        model.volunteer_of[slot] = self

    def update_motivation(self, appreciation: float, strain: float) -> None:
        """Weekly change of motivation from being used, thanked or overloaded.

        Args:
            appreciation: Reciprocity and appreciation level of the neighbourhood (0..1).
            strain: The volunteer's recent load relative to capacity.
        """
        wants_back = 1.0 - self.selflessness
        if self.hours_this_week > 0:
            self.motivation += HELPING_REWARD * (self.selflessness + wants_back * appreciation)
        else:
            buffer = APPRECIATION_BUFFER * wants_back * appreciation
            self.motivation -= UNUSED_DRAIN * (1.0 - buffer)
        self.motivation -= OVERLOAD_PENALTY * max(0.0, strain - OVERLOAD_STRAIN)
        self.motivation = min(1.0, self.motivation)
        self.hours_this_week = 0.0
        if self.motivation < 0:
            self.quit()

    def quit(self) -> None:
        """Stop volunteering."""
        self.model.population.is_volunteer[self.slot] = False
        self.model.volunteer_of.pop(self.slot, None)
        self.model.volunteer_exits.append((self.joined_week, self.model.week))
        self.remove()


class Initiator(Agent):
    """A resident who organises activities (*kartrekker*).

    Energy drains with work done alone and recovers with co-initiators, turnout and support;
    an exhausted initiator quits (seed 002: at least two kartrekkers are needed; Denters et al.
    2013 on the few who carry the work).

    Args:
        model: The model.
        slot: The initiating resident's home.
        energy: Initial energy (0..1).
    """

    model: CaringCommunity

    def __init__(self, model: CaringCommunity, slot: int, energy: float = 0.8) -> None:
        super().__init__(model)
        self.slot = slot
        self.energy = energy
        self.activity: Activity | None = None
        self.support = 0.0  # professional support hours received this week
        self.started_week = model.week
        model.population.is_initiator[slot] = True
        model.initiator_of[slot] = self

    def organise_activity(self) -> None:
        """Propose a new activity, or join one that has a single organiser."""
        self.model.activities.propose(self)

    def update_energy(self, rng_draw: float) -> None:
        """Weekly energy balance: drain from work, recovery from company, turnout and support.

        Args:
            rng_draw: A standard normal draw for this week's ups and downs.
        """
        recovery = 0.012 + 0.02 * self.support
        drain = 0.0
        if self.activity is not None:
            organisers = len(self.activity.organisers)
            drain = 0.045 / organisers
            recovery += 0.012 * (organisers - 1) + 0.02 * self.activity.turnout_ratio
        self.energy = min(1.0, self.energy + recovery - drain + 0.01 * rng_draw)
        self.support = 0.0
        if self.energy < 0:
            self.model.burnt_out_initiators += 1
            self.model.initiator_burnouts.append((self.started_week, self.model.week))
            self.quit()

    def quit(self) -> None:
        """Stop organising; the activity continues only if another organiser remains."""
        if self.activity is not None:
            self.activity.remove_organiser(self)
        self.model.population.is_initiator[self.slot] = False
        self.model.initiator_of.pop(self.slot, None)
        self.remove()


class Professional(CellAgent):
    """A welfare or community worker with limited hours and a guidance style.

    Args:
        model: The model.
        cell: Where the professional starts (a meeting place, or the centre).
        hours: Hours per week in the neighbourhood.
    """

    model: CaringCommunity

    def __init__(self, model: CaringCommunity, cell: Cell, hours: float) -> None:
        super().__init__(model)
        self.cell = cell
        self.hours = hours

    def work(self) -> None:
        """Add this week's hours to the support pools and go to a meeting place in use."""
        self.model.support.receive_hours(self)
        places = [a.place for a in self.model.activities.activities if not a.ended]
        if places:
            x, y = self.model.layout.place_xy[self.random.choice(places)]
            self.cell = self.model.grid[(int(x), int(y))]

    def leave(self) -> None:
        """Leave the neighbourhood when funding stops."""
        self.remove()
