"""Taking up and leaving the roles of volunteer and initiator, and the log of who did.

A role is state in the resident's row of the population (:mod:`.population`); this module is the
one place that switches a role on or off, so that the row, the activity team and the log stay
consistent. The Mesa role agents (:mod:`.agents`) follow the rows after each week.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from .population import NO_ACTIVITY

if TYPE_CHECKING:
    from .state import Neighbourhood

__all__ = ["MOTIVE_CONCENTRATION", "RoleLog", "draw_selflessness"]

# Spread of selflessness between volunteers: Beta with this concentration around the mean lever.
MOTIVE_CONCENTRATION = 4.0
INITIATOR_START_ENERGY = 0.8
INITIATOR_START_OWNERSHIP = 0.6  # an initiator feels at least this much ownership


def draw_selflessness(rng: np.random.Generator, mean: float, size: int) -> np.ndarray:
    """Each volunteer's selfless share of motivation: Beta around ``mean`` (exact at 0 and 1).

    Args:
        rng: The ``motives`` stream.
        mean: The ``volunteer_selflessness`` parameter.
        size: How many volunteers.
    """
    if mean <= 0.0 or mean >= 1.0:
        return np.full(size, float(mean))
    return rng.beta(mean * MOTIVE_CONCENTRATION, (1.0 - mean) * MOTIVE_CONCENTRATION, size)


@dataclass
class RoleLog:
    """Who took up and left a role, and when (for the measures and the pattern tests).

    Attributes:
        volunteer_exits: ``(joined, left)`` weeks of every volunteer who stopped.
        joined_by_week: Volunteers who signed up, per week.
        left_by_join_week: Of those, how many have stopped, per week of signing up.
        sign_ups: Volunteers who signed up after week 0, by any route.
        quit_early: Of those, how many stopped within ``EARLY_QUIT_WEEKS``.
        initiator_exits: ``(started, left, reason)`` of every initiator who stopped; the reason
            is ``"burnout"`` (energy ran out organising, or they burnt out helping others) or
            ``"stepped_back"`` (crowded out by professionals doing the work).
    """

    volunteer_exits: list[tuple[int, int]] = field(default_factory=list)
    joined_by_week: Counter = field(default_factory=Counter)
    left_by_join_week: Counter = field(default_factory=Counter)
    sign_ups: int = 0
    quit_early: int = 0
    initiator_exits: list[tuple[int, int, str]] = field(default_factory=list)
    burnt_out: int = 0
    stepped_back: int = 0

    # --- volunteers -------------------------------------------------------------------------
    def add_volunteers(
        self, nb: Neighbourhood, homes: np.ndarray, motivation: float, fit: float
    ) -> None:
        """Residents in ``homes`` sign up as volunteers."""
        homes = homes[~nb.population.is_volunteer[homes]]
        if len(homes) == 0:
            return
        pop = nb.population
        pop.is_volunteer[homes] = True
        pop.motivation[homes] = motivation
        pop.fit[homes] = fit
        pop.selflessness[homes] = draw_selflessness(
            nb.streams.motives, nb.params.volunteer_selflessness, len(homes))
        pop.joined_week[homes] = nb.week
        self.joined_by_week[nb.week] += len(homes)
        if nb.week > 0:
            self.sign_ups += len(homes)

    def remove_volunteers(self, nb: Neighbourhood, homes: np.ndarray) -> None:
        """Volunteers in ``homes`` stop."""
        pop = nb.population
        homes = homes[pop.is_volunteer[homes]]
        for joined in pop.joined_week[homes].tolist():
            self.volunteer_exits.append((joined, nb.week))
            self.left_by_join_week[joined] += 1
            if joined > 0 and nb.week - joined <= EARLY_QUIT_WEEKS:
                self.quit_early += 1
        pop.is_volunteer[homes] = False

    def retention(self, week: int, newest: int = 8, oldest: int = 60) -> float:
        """Of volunteers who joined ``newest`` to ``oldest`` weeks ago, the share still active."""
        joined = sum(self.joined_by_week.get(w, 0) for w in range(week - oldest, week - newest + 1))
        left = sum(self.left_by_join_week.get(w, 0)
                   for w in range(week - oldest, week - newest + 1))
        return (joined - left) / joined if joined else float("nan")

    # --- initiators -------------------------------------------------------------------------
    def add_initiator(self, nb: Neighbourhood, home: int) -> None:
        """The resident in ``home`` becomes an initiator (*kartrekker*)."""
        pop = nb.population
        if pop.is_initiator[home]:
            return
        pop.is_initiator[home] = True
        pop.energy[home] = INITIATOR_START_ENERGY
        pop.activity[home] = NO_ACTIVITY
        pop.initiator_support[home] = 0.0
        pop.started_week[home] = nb.week
        pop.ownership[home] = max(pop.ownership[home], INITIATOR_START_OWNERSHIP)

    def remove_initiator(self, nb: Neighbourhood, home: int, reason: str | None) -> None:
        """The initiator in ``home`` stops; ``reason`` is logged when it is not a move."""
        pop = nb.population
        if not pop.is_initiator[home]:
            return
        nb.programme.leave(nb, home)
        pop.is_initiator[home] = False
        if reason is not None:
            self.initiator_exits.append((int(pop.started_week[home]), nb.week, reason))
            if reason == "burnout":
                self.burnt_out += 1
            else:
                self.stepped_back += 1


EARLY_QUIT_WEEKS = 9  # "two months later hardly any are left" (seed 003 case 2)
