"""The neighbourhood at the start of its spin-up: residents drawn, nobody knowing anybody.

Residents are drawn from the population's own steady state
(:mod:`simulatie.core.rules.demography`); every tie of week 0 is made during the spin-up.
"""

from __future__ import annotations

import numpy as np

from ..parameters import Parameters, history_parameters
from ..rules.demography import draw_residents
from ..state.care_week import CareWeek
from ..state.layout import build_layout
from ..state.neighbourhood import Neighbourhood
from ..state.population import Population
from ..state.programme import ActivityProgramme
from ..state.roles import RoleLog
from ..state.streams import Streams
from ..state.support import Support
from ..state.ties import TieNetwork
from ..state.views import NetworkViews

__all__ = ["build_neighbourhood"]


def _cluster_groups(pop: Population, share: float, rng: np.random.Generator) -> None:
    """Sort a share of residents by group along the streets (clustered housing).

    The sorted homes are built for their group (a row of senior homes, a block for families):
    every later resident of such a home belongs to the same group, so the clustering lasts
    through turnover (:func:`~simulatie.core.rules.demography.draw_newcomers`).
    """
    if share <= 0:
        return
    chosen = np.flatnonzero(rng.random(pop.n) < share)
    order = chosen[np.argsort(pop.group[chosen], kind="stable")]
    for name in ("group", "age", "frailty", "sociability", "trust", "ownership",
                 "draagkracht_on_arrival", "ask_threshold", "digital", "organiser", "partner",
                 "partner_frailty", "family_helpers"):
        array = getattr(pop, name)
        array[np.sort(chosen)] = array[order]
    pop.home_group[chosen] = pop.group[chosen]


def build_neighbourhood(params: Parameters, seed: int) -> Neighbourhood:
    """Build the neighbourhood at the start of its spin-up, with nothing organised.

    Residents are drawn from the population's own steady state; nobody knows anybody yet:
    every tie of week 0 is made during the spin-up.

    Args:
        params: The run's parameters (the baseline's are used until week 0).
        seed: The run's seed.
    """
    base = history_parameters(params)
    streams = Streams.from_seed(seed)
    layout = build_layout(base.residents, base.street_length, base.meeting_places,
                          base.meeting_place_placement, reach=base.neighbour_reach,
                          crossing=base.street_crossing,
                          distance_power=base.encounter_distance_power)
    start = -params.spin_up_weeks
    pop = Population(base)
    draw_residents(pop, base, streams.setup, week=start)
    _cluster_groups(pop, base.group_clustering, streams.setup)
    ties = TieNetwork(pop.n, base.friendly_hours, base.tie_decay_per_week,
                      base.weak_tie_decay_per_week, base.reciprocated_persistence,
                      base.caring_help_weeks, base.caring_window_weeks,
                      base.prune_below_hours, base.credit_kept_per_week)
    return Neighbourhood(
        params=base, layout=layout, week=start, population=pop, ties=ties,
        programme=ActivityProgramme(layout, open_places=0), support=Support(), roles=RoleLog(),
        streams=streams, views=NetworkViews.of(ties), care=CareWeek.empty(pop.n),
    )
