"""Taking up and leaving the roles of volunteer and initiator.

A role is state in the resident's row of the population; this module is the one place that
switches a role on or off, so that the row, the activity team and the role log
(:class:`~simulatie.core.state.roles.RoleLog`) stay consistent. The Mesa role agents follow the
rows after each week.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from scipy.special import betaincinv

from ..state.population import NO_ACTIVITY
from ..state.roles import EARLY_QUIT_WEEKS
from .teams import leave

if TYPE_CHECKING:
    from ..parameters import Parameters
    from ..state.neighbourhood import Neighbourhood
    from ..state.population import Population

__all__ = [
    "MOTIVE_CONCENTRATION",
    "add_initiator",
    "add_volunteers",
    "draw_selflessness",
    "remove_initiator",
    "remove_volunteers",
]

# Spread of selflessness between volunteers: Beta with this concentration around the mean lever.
MOTIVE_CONCENTRATION = 4.0
INITIATOR_START_ENERGY = 0.8
INITIATOR_START_OWNERSHIP = 0.6  # an initiator feels at least this much ownership


def draw_selflessness(u: np.ndarray, mean: float) -> np.ndarray:
    """Each volunteer's selfless share of motivation: Beta around ``mean`` (exact at 0 and 1).

    Args:
        u: One uniform draw per volunteer (the keyed ``motives`` stream).
        mean: The ``volunteer_selflessness`` parameter.
    """
    if mean <= 0.0 or mean >= 1.0:
        return np.full(len(u), float(mean))
    return betaincinv(mean * MOTIVE_CONCENTRATION, (1.0 - mean) * MOTIVE_CONCENTRATION, u)


# --- volunteers -----------------------------------------------------------------------------
def add_volunteers(nb: Neighbourhood, homes: np.ndarray, motivation: float | np.ndarray,
                   fit: float | np.ndarray) -> None:
    """Residents in ``homes`` sign up as volunteers, with their commitment and fit."""
    new = ~nb.population.is_volunteer[homes]
    homes = homes[new]
    if len(homes) == 0:
        return
    motivation = motivation if np.isscalar(motivation) else np.asarray(motivation)[new]
    fit = fit if np.isscalar(fit) else np.asarray(fit)[new]
    pop = nb.population
    log = nb.roles
    pop.is_volunteer[homes] = True
    pop.motivation[homes] = motivation
    pop.fit[homes] = fit
    pop.selflessness[homes] = draw_selflessness(
        nb.streams.draws("motives").uniform(nb.week, homes), nb.params.volunteer_selflessness)
    pop.joined_week[homes] = nb.week
    log.joined_by_week[nb.week] += len(homes)
    if nb.week > 0:
        log.sign_ups += len(homes)


def remove_volunteers(nb: Neighbourhood, homes: np.ndarray) -> None:
    """Volunteers in ``homes`` stop."""
    pop = nb.population
    log = nb.roles
    homes = homes[pop.is_volunteer[homes]]
    for joined in pop.joined_week[homes].tolist():
        log.volunteer_exits.append((joined, nb.week))
        log.left_by_join_week[joined] += 1
        if joined > 0 and nb.week - joined <= EARLY_QUIT_WEEKS:
            log.quit_early += 1
    pop.is_volunteer[homes] = False


# --- initiators -----------------------------------------------------------------------------
def add_initiator(pop: Population, params: Parameters, week: int, home: int) -> None:
    """The resident in ``home`` becomes an initiator (*kartrekker*).

    Writes: pop.is_initiator, pop.energy, pop.idle_weeks, pop.activity, pop.initiator_support,
    pop.started_week, pop.ownership.
    """
    if pop.is_initiator[home]:
        return
    pop.is_initiator[home] = True
    pop.energy[home] = INITIATOR_START_ENERGY
    pop.idle_weeks[home] = 0
    pop.activity[home] = NO_ACTIVITY
    pop.initiator_support[home] = 0.0
    pop.started_week[home] = week
    pop.ownership[home] = max(pop.ownership[home], INITIATOR_START_OWNERSHIP)


def remove_initiator(nb: Neighbourhood, home: int, reason: str | None) -> None:
    """The initiator in ``home`` stops; ``reason`` is logged when it is not a move.

    Reasons: ``"burnout"``, ``"stepped_back"`` (crowded out), ``"life_event"`` and ``"idle"``
    (half a year without an activity).
    """
    pop = nb.population
    if not pop.is_initiator[home]:
        return
    leave(pop, nb.programme, home)
    pop.is_initiator[home] = False
    if reason is not None:
        log = nb.roles
        log.initiator_exits.append((int(pop.started_week[home]), nb.week, reason))
        if reason == "burnout":
            log.burnt_out += 1
        elif reason == "stepped_back":
            log.stepped_back += 1
