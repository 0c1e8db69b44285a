"""Week 0: the run's levers take effect, and what they organise starts.

Meeting places open, professionals arrive, a volunteer scheme starts with its first sign-ups,
and the initiators start organising. In the baseline arm every one of these is at its baseline
value, so nothing starts.
"""

from __future__ import annotations

from ..parameters import Parameters
from ..rules.activities import propose
from ..rules.initiators import start_initiators
from ..rules.professionals import arrive
from ..rules.recruitment import start_volunteer_scheme
from ..state.layout import build_layout
from ..state.neighbourhood import Neighbourhood
from .spin_up import spun_up

__all__ = ["prepared_neighbourhood", "start_intervention"]


def start_intervention(nb: Neighbourhood, params: Parameters) -> None:
    """Week 0: the run's levers take effect; what they organise starts.

    Meeting places open, professionals arrive, a volunteer scheme starts with its first
    sign-ups, and the initiators start organising. In the baseline arm every one of these is at
    its baseline value, so nothing starts.
    """
    nb.params = params
    nb.layout = build_layout(params.residents, params.street_length, params.meeting_places,
                             params.meeting_place_placement, reach=params.neighbour_reach,
                             crossing=params.street_crossing,
                             distance_power=params.encounter_distance_power)
    nb.programme.layout = nb.layout
    nb.programme.open(params.meeting_places)
    arrive(nb.support, params)
    start_volunteer_scheme(nb.population, nb.roles, nb.streams, params, nb.week)
    for home in start_initiators(nb.population, params, nb.streams, nb.week):
        propose(nb.population, nb.programme, params, nb.week, nb.streams.draws("organising"),
                home)


def prepared_neighbourhood(params: Parameters, seed: int) -> Neighbourhood:
    """The neighbourhood at week 0 after its spin-up, with the run's intervention started."""
    nb = spun_up(params, seed)
    start_intervention(nb, params)
    return nb
