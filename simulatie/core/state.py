"""The state of one neighbourhood, how it is built, spun up and how an intervention starts.

Everything that changes during a run lives in one :class:`Neighbourhood`: the population's rows,
the tie network, the activities, the professionals' presence, the role log and the random
streams. It holds no Mesa objects, so it can be copied: the spin-up before week 0 is run once per
neighbourhood and seed, and both the intervention arm and the matched baseline arm continue from a
copy of it (``docs/odd.md`` 5).

Randomness: one generator per neighbourhood, split into named streams, one per kind of decision
(an idea from Starsim), so two arms on the same seed differ only where a policy acts (common
random numbers).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields
from functools import lru_cache

import numpy as np

from . import cache
from .activities import ActivityProgramme
from .care import CareWeek
from .demography import draw_residents
from .initiators import start_initiators
from .neighbourhood import Layout, build_layout
from .parameters import Parameters, baseline_parameters
from .personal import PersonalChoices
from .population import Population
from .professionals import Support
from .roles import RoleLog
from .ties import TieNetwork
from .volunteers import start_volunteer_scheme

NEWCOMER_KEY = 1_000  # keeps newcomers' streams apart from the named streams (spawn keys 0-7)

__all__ = [
    "Neighbourhood",
    "NetworkViews",
    "Streams",
    "build_neighbourhood",
    "prepared_neighbourhood",
    "start_intervention",
]


@dataclass(frozen=True)
class Streams:
    """Independent random streams, one per kind of decision, all from the run's seed.

    Newcomers are the exception: each newcomer's traits come from a stream of their own, keyed
    by home and by how many residents the home has had (:meth:`newcomer`). Two arms whose
    residents leave at different moments (a care-home move depends on unmet need) then still
    get the same newcomer in the same home, and the shared streams do not shift.
    """

    seed: int
    demography: np.random.Generator
    encounters: np.random.Generator
    activities: np.random.Generator
    care: np.random.Generator
    engagement: np.random.Generator
    setup: np.random.Generator
    motives: np.random.Generator
    personal: np.random.Generator  # the participatory mode's personal choices (last: adding it
    # shifted no other stream, since a child's spawn key is its position)

    @classmethod
    def from_seed(cls, seed: int) -> Streams:
        """Spawn the streams in a fixed order from the seed."""
        children = np.random.SeedSequence(seed).spawn(len(fields(cls)) - 1)
        return cls(seed, *(np.random.default_rng(child) for child in children))

    def newcomer(self, home: int, generation: int) -> np.random.Generator:
        """The stream of the ``generation``-th resident to move into ``home``."""
        sequence = np.random.SeedSequence(self.seed, spawn_key=(NEWCOMER_KEY, home, generation))
        return np.random.default_rng(sequence)


@dataclass
class NetworkViews:
    """Per-resident views of the tie network used by the week's decisions.

    Attributes:
        friendly_counts: Friendly or caring ties per resident.
        caring_counts: Caring ties per resident.
        close_adjacency: Friendly-or-caring neighbours per resident, in CSR form.
        all_adjacency: Everyone a resident has a tie with, in CSR form.
    """

    friendly_counts: np.ndarray
    caring_counts: np.ndarray
    close_adjacency: tuple[np.ndarray, np.ndarray]
    all_adjacency: tuple[np.ndarray, np.ndarray]

    @classmethod
    def of(cls, ties: TieNetwork) -> NetworkViews:
        """Read the views off the tie network."""
        close_ptr, close_nbr, all_ptr, all_nbr, caring = ties.neighbour_lists()
        return cls(
            friendly_counts=np.diff(close_ptr),
            caring_counts=caring,
            close_adjacency=(close_ptr, close_nbr),
            all_adjacency=(all_ptr, all_nbr),
        )


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


def _cluster_groups(pop: Population, share: float, rng: np.random.Generator) -> None:
    """Sort a share of residents by group along the streets (clustered housing).

    The sorted homes are built for their group (a row of senior homes, a block for families):
    every later resident of such a home belongs to the same group, so the clustering lasts
    through turnover (:func:`~.demography.draw_newcomers`).
    """
    if share <= 0:
        return
    chosen = np.flatnonzero(rng.random(pop.n) < share)
    order = chosen[np.argsort(pop.group[chosen], kind="stable")]
    for name in ("group", "age", "frailty", "sociability", "trust", "ownership",
                 "draagkracht_on_arrival", "ask_threshold", "digital"):
        array = getattr(pop, name)
        array[np.sort(chosen)] = array[order]
    pop.home_group[chosen] = pop.group[chosen]


def build_neighbourhood(params: Parameters, seed: int) -> Neighbourhood:
    """Build the neighbourhood at the start of its spin-up, with nothing organised.

    Residents are drawn from the population's own steady state (:mod:`.demography`); nobody
    knows anybody yet: every tie of week 0 is made during the spin-up.

    Args:
        params: The run's parameters (the baseline's are used until week 0).
        seed: The run's seed.
    """
    base = baseline_parameters(params)
    streams = Streams.from_seed(seed)
    layout = build_layout(base.residents, base.street_length, base.meeting_places,
                          base.meeting_place_placement)
    start = -params.spin_up_weeks
    pop = Population(base)
    draw_residents(pop, base, streams.setup, week=start)
    _cluster_groups(pop, base.group_clustering, streams.setup)
    ties = TieNetwork(pop.n, base.friendly_hours, base.tie_decay_per_week,
                      base.weak_tie_decay_per_week, base.reciprocated_persistence,
                      base.caring_help_weeks, base.caring_window_weeks)
    return Neighbourhood(
        params=base, layout=layout, week=start, population=pop, ties=ties,
        programme=ActivityProgramme(layout, open_places=0), support=Support(), roles=RoleLog(),
        streams=streams, views=NetworkViews.of(ties), care=CareWeek.empty(pop.n),
    )


def _spin_up_summary(nb: Neighbourhood, shares: list[float]) -> dict[str, float]:
    half = len(shares) // 2
    return {
        "weeks": float(nb.params.spin_up_weeks),
        "share_with_caring_tie": float((nb.views.caring_counts > 0).mean()),
        "friendly_or_caring_per_resident": float(nb.views.friendly_counts.mean()),
        "caring_share_first_half_of_last_year": float(np.mean(shares[:half])) if shares else 0.0,
        "caring_share_second_half_of_last_year": float(np.mean(shares[half:])) if shares else 0.0,
    }


@lru_cache(maxsize=16)
def _spun_up(base_json: str, seed: int) -> Neighbourhood:
    from .week import advance_week  # the week imports this module's types

    key = f"{base_json}|{seed}"
    cached = cache.load("spin-up", key)
    if cached is not None:
        return cached
    base = Parameters.model_validate_json(base_json)
    nb = build_neighbourhood(base, seed)
    shares = []
    while nb.week < 0:
        advance_week(nb)
        if nb.week > -52:
            shares.append(float((nb.views.caring_counts > 0).mean()))
    nb.spin_up = _spin_up_summary(nb, shares)
    cache.save("spin-up", key, nb)
    return nb


def spun_up(params: Parameters, seed: int) -> Neighbourhood:
    """The neighbourhood at week 0 with nothing organised: its own spin-up (a fresh copy).

    The spin-up depends only on the baseline parameters and the seed, so it is computed once
    for every run that shares them (all arms of a comparison, all levers of a sweep point's
    seed), kept in this process and on disk (:mod:`.cache`), and copied for each.
    """
    return _spun_up(baseline_parameters(params).model_dump_json(), seed).copy()


def start_intervention(nb: Neighbourhood, params: Parameters) -> None:
    """Week 0: the run's levers take effect; what they organise starts.

    Meeting places open, professionals arrive, a volunteer scheme starts with its first
    sign-ups, and the initiators start organising. In the baseline arm every one of these is at
    its baseline value, so nothing starts.
    """
    nb.params = params
    nb.layout = build_layout(params.residents, params.street_length, params.meeting_places,
                             params.meeting_place_placement)
    nb.programme.layout = nb.layout
    nb.programme.open(params.meeting_places)
    nb.support.start(params)
    start_volunteer_scheme(nb)
    start_initiators(nb)


def prepared_neighbourhood(params: Parameters, seed: int) -> Neighbourhood:
    """The neighbourhood at week 0 after its spin-up, with the run's intervention started."""
    nb = spun_up(params, seed)
    start_intervention(nb, params)
    return nb
