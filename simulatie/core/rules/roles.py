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
    from ..state.population import Population
    from ..state.programme import ActivityProgramme
    from ..state.roles import RoleLog
    from ..state.streams import Streams

__all__ = [
    "add_initiator",
    "add_volunteers",
    "draw_selflessness",
    "remove_initiator",
    "remove_volunteers",
]

# How a new initiator starts and how volunteers' motives spread are declared parameters
# (group initiators: ``initiator_start_energy``, ``initiator_start_ownership``; group
# volunteers: ``motive_concentration``).


def draw_selflessness(u: np.ndarray, mean: float, concentration: float) -> np.ndarray:
    """Each volunteer's selfless share of motivation: Beta around ``mean`` (exact at 0 and 1).

    Args:
        u: One uniform draw per volunteer (the keyed ``motives`` stream).
        mean: The ``volunteer_selflessness`` parameter.
        concentration: The Beta distribution's concentration (``motive_concentration``).
    """
    if mean <= 0.0 or mean >= 1.0:
        return np.full(len(u), float(mean))
    return betaincinv(mean * concentration, (1.0 - mean) * concentration, u)


# --- volunteers -----------------------------------------------------------------------------
def add_volunteers(pop: Population, roles: RoleLog, streams: Streams, params: Parameters,
                   week: int, homes: np.ndarray, motivation: float | np.ndarray,
                   fit: float | np.ndarray) -> None:
    """Residents in ``homes`` sign up as volunteers, with their commitment and fit.

    Args:
        pop: The population.
        roles: The role log.
        streams: The random streams (the keyed ``motives`` stream draws selflessness).
        params: The parameters in force (``volunteer_selflessness``,
            ``motive_concentration``).
        week: The current week.
        homes: Who signs up (those who already volunteer are skipped).
        motivation: Their starting motivation, one for all or one each.
        fit: Their fit, one for all or one each.

    Writes: pop.is_volunteer, pop.motivation, pop.fit, pop.selflessness, pop.joined_week;
    roles.joined_by_week, roles.sign_ups.
    """
    if len(homes) == 0:
        return
    new = ~pop.is_volunteer[homes]
    homes = homes[new]
    if len(homes) == 0:
        return
    motivation = motivation if np.isscalar(motivation) else np.asarray(motivation)[new]
    fit = fit if np.isscalar(fit) else np.asarray(fit)[new]
    pop.is_volunteer[homes] = True
    pop.motivation[homes] = motivation
    pop.fit[homes] = fit
    pop.selflessness[homes] = draw_selflessness(
        streams.draws("motives").uniform(week, homes), params.volunteer_selflessness,
        params.motive_concentration)
    pop.joined_week[homes] = week
    roles.joined_by_week[week] += len(homes)
    if week > 0:
        roles.sign_ups += len(homes)


def remove_volunteers(pop: Population, roles: RoleLog, week: int, homes: np.ndarray) -> None:
    """Volunteers in ``homes`` stop (others in ``homes`` are skipped).

    Writes: pop.is_volunteer; roles.volunteer_exits, roles.left_by_join_week,
    roles.quit_early.
    """
    homes = homes[pop.is_volunteer[homes]]
    for joined in pop.joined_week[homes].tolist():
        roles.volunteer_exits.append((joined, week))
        roles.left_by_join_week[joined] += 1
        if joined > 0 and week - joined <= EARLY_QUIT_WEEKS:
            roles.quit_early += 1
    pop.is_volunteer[homes] = False


# --- initiators -----------------------------------------------------------------------------
def add_initiator(pop: Population, params: Parameters, week: int, home: int) -> None:
    """The resident in ``home`` becomes an initiator (*kartrekker*).

    They start with ``initiator_start_energy`` and at least ``initiator_start_ownership``.

    Writes: pop.is_initiator, pop.energy, pop.idle_weeks, pop.activity, pop.initiator_support,
    pop.started_week, pop.ownership.
    """
    if pop.is_initiator[home]:
        return
    pop.is_initiator[home] = True
    pop.energy[home] = params.initiator_start_energy
    pop.idle_weeks[home] = 0
    pop.activity[home] = NO_ACTIVITY
    pop.initiator_support[home] = 0.0
    pop.started_week[home] = week
    pop.ownership[home] = max(pop.ownership[home], params.initiator_start_ownership)


def remove_initiator(pop: Population, programme: ActivityProgramme, roles: RoleLog, week: int,
                     home: int, reason: str | None) -> None:
    """The initiator in ``home`` stops; ``reason`` is logged when it is not a move.

    Reasons: ``"burnout"``, ``"stepped_back"`` (crowded out), ``"life_event"`` and ``"idle"``
    (``idle_weeks_to_stop`` weeks without an activity).

    Writes: pop.is_initiator; programme (they leave their team, :func:`~.teams.leave`);
    roles.initiator_exits, roles.burnt_out, roles.stepped_back.
    """
    if not pop.is_initiator[home]:
        return
    leave(pop, programme, home)
    pop.is_initiator[home] = False
    if reason is not None:
        roles.initiator_exits.append((int(pop.started_week[home]), week, reason))
        if reason == "burnout":
            roles.burnt_out += 1
        elif reason == "stepped_back":
            roles.stepped_back += 1
