"""Every measure of the model, as named functions in one registry.

The model builds one :class:`Observation` per week (the tie stages, counts per resident, the
week's care accounting); each metric is a small function of it. The same registry feeds the
per-week results table, the command line summary, the sweep runner and the dashboard, and its
Dutch and English labels are used everywhere a metric is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from .care import FORMAL_FRAILTY, CareWeek, Source
from .groups import Group
from .ties import TieStage

if TYPE_CHECKING:
    from .model import CaringCommunity

__all__ = ["METRICS", "Metric", "Observation", "observe"]


@dataclass(frozen=True)
class Observation:
    """What the metrics need from one week, computed once.

    Attributes:
        model: The model (read only).
        stage: Tie stage per edge.
        strength: Tie strength per edge.
        caring_per_resident: Caring ties per resident.
        close_per_resident: Friendly or caring ties per resident.
        care: This week's care accounting.
    """

    model: CaringCommunity
    stage: np.ndarray
    strength: np.ndarray
    caring_per_resident: np.ndarray
    close_per_resident: np.ndarray
    care: CareWeek
    cache: dict = field(default_factory=dict)


def observe(model: CaringCommunity, care: CareWeek) -> Observation:
    """Build this week's observation of the model."""
    ties = model.ties
    stage = ties.stage()
    return Observation(
        model=model,
        stage=stage,
        strength=ties.strength(),
        caring_per_resident=ties.count_per_resident(stage == TieStage.CARING),
        close_per_resident=ties.count_per_resident(stage >= TieStage.FRIENDLY),
        care=care,
    )


@dataclass(frozen=True)
class Metric:
    """One measure: its name, labels and unit, and how to compute it."""

    name: str
    en: str
    nl: str
    unit: str
    compute: Callable[[Observation], float]

    def label(self, lang: str = "nl") -> str:
        """The label in Dutch (``"nl"``) or English (``"en"``)."""
        return self.nl if lang == "nl" else self.en


METRICS: dict[str, Metric] = {}


def metric(name: str, en: str, nl: str, unit: str) -> Callable:
    """Register a metric function under ``name`` with its labels."""

    def register(fn: Callable[[Observation], float]) -> Callable[[Observation], float]:
        METRICS[name] = Metric(name, en, nl, unit, fn)
        return fn

    return register


def _close_graph(obs: Observation) -> sparse.csr_matrix:
    """The friendly-or-caring network as a sparse adjacency matrix, built once per week."""
    if obs.cache.get("graph") is None:
        ptr, nbr = obs.model.close_adjacency
        n = obs.model.ties.n
        obs.cache["graph"] = sparse.csr_matrix((np.ones(len(nbr)), nbr, ptr), shape=(n, n))
    return obs.cache["graph"]


def _hours(obs: Observation, source: Source) -> float:
    return float(obs.care.received[:, source].sum())


@metric("caring_ties", "Caring ties", "Zorgzame banden", "ties")
def caring_ties(obs: Observation) -> float:
    """Ties over which help has been asked and given and that are still friendly."""
    return float((obs.stage == TieStage.CARING).sum())


@metric("share_with_caring_tie", "Residents with a caring tie", "Bewoners met een zorgzame band",
        "share")
def share_with_caring_tie(obs: Observation) -> float:
    """Share of residents with at least one caring tie."""
    return float((obs.caring_per_resident > 0).mean())


@metric("friendly_ties", "Friendly ties", "Vriendelijke contacten", "ties")
def friendly_ties(obs: Observation) -> float:
    """Friendly ties that are not (yet) caring."""
    return float((obs.stage == TieStage.FRIENDLY).sum())


@metric("acquaintance_ties", "Acquaintances", "Kennissen", "ties")
def acquaintance_ties(obs: Observation) -> float:
    """Ties below the friendly threshold."""
    return float((obs.stage == TieStage.ACQUAINTANCE).sum())


@metric("mean_tie_strength", "Mean tie strength", "Gemiddelde sterkte van banden", "0..1")
def mean_tie_strength(obs: Observation) -> float:
    """Mean strength over all ties (0 when there are none)."""
    return float(obs.strength.mean()) if len(obs.strength) else 0.0


@metric("tie_strength_p90", "Tie strength, 90th percentile", "Sterkte van banden, 90e percentiel",
        "0..1")
def tie_strength_p90(obs: Observation) -> float:
    """The strength below which 90% of ties fall: the top of the distribution."""
    if len(obs.strength) == 0:
        return 0.0
    k = int(0.9 * (len(obs.strength) - 1))
    return float(np.partition(obs.strength, k)[k])


def _older(obs: Observation) -> np.ndarray:
    return obs.model.population.age >= 75


def _lonely(obs: Observation) -> np.ndarray:
    return obs.close_per_resident < obs.model.params.lonely_below_ties


def _share_among(flags: np.ndarray, among: np.ndarray) -> float:
    """Share of ``flags`` among the residents selected by ``among`` (NaN when there are none)."""
    return float(flags[among].mean()) if among.any() else float("nan")


@metric("lonely_share", "Lonely residents", "Eenzame bewoners", "share")
def lonely_share(obs: Observation) -> float:
    """Share of residents with fewer friendly or caring ties than ``lonely_below_ties``."""
    return float(_lonely(obs).mean())


@metric("lonely_share_75plus", "Lonely residents aged 75+", "Eenzame bewoners van 75+", "share")
def lonely_share_75plus(obs: Observation) -> float:
    """Loneliness among residents aged 75 and over (NaN when there are none)."""
    return _share_among(_lonely(obs), _older(obs))


@metric("lonely_share_under75", "Lonely residents under 75", "Eenzame bewoners onder 75", "share")
def lonely_share_under75(obs: Observation) -> float:
    """Loneliness among residents under 75 (NaN when there are none)."""
    return _share_among(_lonely(obs), ~_older(obs))


YEAR_WEEKS = 52  # the surveys ask about "the past twelve months"


def _in_last_year(obs: Observation, last_week: np.ndarray) -> np.ndarray:
    """Whether something last happened within the past 52 weeks (since the start in year 1)."""
    return last_week > obs.model.week - YEAR_WEEKS


@metric("volunteer_share_year", "Volunteered in the past year",
        "Vrijwilliger in het afgelopen jaar", "share")
def volunteer_share_year(obs: Observation) -> float:
    """Share of residents who were a volunteer or initiator at some time in the past 52 weeks.

    The model's counterpart of CBS's "did volunteer work in the past twelve months", narrowed to
    the neighbourhood's own care and activity scheme (``docs/calibration.md``).
    """
    return float(_in_last_year(obs, obs.model.population.last_volunteer_week).mean())


@metric("volunteer_share_year_75plus", "Volunteered in the past year, 75+",
        "Vrijwilliger in het afgelopen jaar, 75+", "share")
def volunteer_share_year_75plus(obs: Observation) -> float:
    """:func:`volunteer_share_year` among residents aged 75+ (NaN when there are none)."""
    return _share_among(_in_last_year(obs, obs.model.population.last_volunteer_week), _older(obs))


@metric("informal_helper_share_year", "Helped someone informally in the past year",
        "Informele hulp gegeven in het afgelopen jaar", "share")
def informal_helper_share_year(obs: Observation) -> float:
    """Share of residents who gave help over their own ties at least once in the past 52 weeks.

    The model's counterpart of SCP's broad informal care ("gave informal help in the past
    twelve months"), narrowed to help for people in the neighbourhood (``docs/calibration.md``).
    """
    return float(_in_last_year(obs, obs.model.population.last_informal_week).mean())


@metric("informal_helper_share_year_75plus", "Helped someone informally in the past year, 75+",
        "Informele hulp gegeven in het afgelopen jaar, 75+", "share")
def informal_helper_share_year_75plus(obs: Observation) -> float:
    """:func:`informal_helper_share_year` among residents aged 75+ (NaN when there are none)."""
    return _share_among(_in_last_year(obs, obs.model.population.last_informal_week), _older(obs))


@metric("clustering", "Network clustering", "Clustering van het netwerk", "0..1")
def clustering(obs: Observation) -> float:
    """Mean local clustering of the friendly-or-caring network over residents with 2+ ties."""
    graph = _close_graph(obs)
    degree = np.asarray(graph.sum(axis=1)).ravel()
    ok = degree >= 2
    if not ok.any():
        return 0.0
    triangles = np.asarray((graph @ graph).multiply(graph).sum(axis=1)).ravel() / 2
    local = 2 * triangles[ok] / (degree[ok] * (degree[ok] - 1))
    return float(local.mean())


@metric("largest_component_share", "Largest connected group", "Grootste verbonden groep", "share")
def largest_component_share(obs: Observation) -> float:
    """Share of residents in the largest component of the friendly-or-caring network."""
    _, labels = connected_components(_close_graph(obs), directed=False)
    return float(np.bincount(labels).max() / len(labels))


@metric("bridging_share", "Bridging ties", "Overbruggende banden", "share")
def bridging_share(obs: Observation) -> float:
    """Share of friendly-or-caring ties that connect different groups."""
    ties = obs.model.ties
    close = obs.stage >= TieStage.FRIENDLY
    if not close.any():
        return 0.0
    group = obs.model.population.group
    return float((group[ties.a[close]] != group[ties.b[close]]).mean())


@metric("care_hours_needed", "Care needed", "Zorgvraag", "hours/week")
def care_hours_needed(obs: Observation) -> float:
    """Total hours of care needed this week (*draaglast*)."""
    return float(obs.care.need.sum())


@metric("care_hours_network", "Care from own network", "Zorg uit eigen netwerk", "hours/week")
def care_hours_network(obs: Observation) -> float:
    """Hours given by residents' own ties."""
    return _hours(obs, Source.NETWORK)


@metric("care_hours_volunteers", "Care from volunteers", "Zorg door vrijwilligers", "hours/week")
def care_hours_volunteers(obs: Observation) -> float:
    """Hours given by matched volunteers."""
    return _hours(obs, Source.VOLUNTEERS)


@metric("care_hours_professional", "Care from professionals", "Zorg door professionals",
        "hours/week")
def care_hours_professional(obs: Observation) -> float:
    """Hours given directly by professionals who do the work themselves."""
    return _hours(obs, Source.PROFESSIONAL)


@metric("care_hours_formal", "Formal care", "Formele zorg", "hours/week")
def care_hours_formal(obs: Observation) -> float:
    """Hours given by formal care."""
    return _hours(obs, Source.FORMAL)


@metric("care_hours_unmet", "Unmet need", "Onvervulde zorgvraag", "hours/week")
def care_hours_unmet(obs: Observation) -> float:
    """Hours of need left unmet."""
    return float(obs.care.unmet.sum())


@metric("load_capacity_ratio", "Load to capacity (draaglast/draagkracht)",
        "Draaglast/draagkracht", "ratio")
def load_capacity_ratio(obs: Observation) -> float:
    """Hours needed relative to the hours residents could give."""
    capacity = float(obs.model.population.capacity().sum())
    return float(obs.care.need.sum() / capacity) if capacity > 0 else float("inf")


@metric("ownership", "Ownership: activities run by residents",
        "Eigenaarschap: activiteiten door bewoners", "share")
def ownership(obs: Observation) -> float:
    """Share of running activities organised by residents rather than professionals."""
    running = [a for a in obs.model.activities.activities if not a.ended]
    if not running:
        return 0.0
    return float(np.mean([not a.professional_run for a in running]))


@metric("active_volunteers", "Active volunteers", "Actieve vrijwilligers", "people")
def active_volunteers(obs: Observation) -> float:
    """Volunteers currently signed up."""
    return float(len(obs.model.volunteer_of))


@metric("volunteer_retention", "Volunteers still active after 8 weeks",
        "Vrijwilligers na 8 weken nog actief", "share")
def volunteer_retention(obs: Observation) -> float:
    """Of volunteers who joined 8 to 60 weeks ago, the share still active (NaN if none)."""
    week = obs.model.week
    lo, hi = week - 60, week - 8
    active = sum(1 for v in obs.model.volunteer_of.values() if lo <= v.joined_week <= hi)
    gone = sum(1 for joined, _ in obs.model.volunteer_exits if lo <= joined <= hi)
    return float(active / (active + gone)) if active + gone else float("nan")


EARLY_QUIT_WEEKS = 9  # "two months later hardly any are left" (seed 003 case 2)


@metric("volunteer_sign_ups", "Volunteer sign-ups so far", "Aanmeldingen vrijwilligers tot nu",
        "people")
def volunteer_sign_ups(obs: Observation) -> float:
    """Cumulative number of volunteers who signed up after the start, by any route."""
    return float(obs.model.volunteer_sign_ups)


@metric("volunteers_quit_early", "Volunteers gone within 9 weeks",
        "Vrijwilligers binnen 9 weken weg", "people")
def volunteers_quit_early(obs: Observation) -> float:
    """Cumulative number of volunteers who stopped within ``EARLY_QUIT_WEEKS`` of signing up.

    Counts only volunteers who signed up after the start (the initial ones have no join date).
    """
    return float(sum(
        1 for joined, left in obs.model.volunteer_exits
        if joined > 0 and left - joined <= EARLY_QUIT_WEEKS
    ))


@metric("active_initiators", "Active initiators (kartrekkers)", "Actieve kartrekkers", "people")
def active_initiators(obs: Observation) -> float:
    """Initiators currently organising or ready to."""
    return float(len(obs.model.initiator_of))


@metric("attendance", "Attending an activity this week", "Deze week bij een activiteit",
        "share")
def attendance(obs: Observation) -> float:
    """Share of residents who attended an activity this week."""
    return float(obs.model.activities.attended.mean())


@metric("initiators_burnt_out", "Initiators burnt out so far", "Opgebrande kartrekkers tot nu",
        "people")
def initiators_burnt_out(obs: Observation) -> float:
    """Cumulative number of initiators who quit because their energy ran out."""
    return float(obs.model.burnt_out_initiators)


@metric("first_time_attendees", "First-time attendees", "Nieuwe bezoekers van activiteiten",
        "people")
def first_time_attendees(obs: Observation) -> float:
    """Residents who attended an activity this week for the first time since they moved in."""
    return float(len(obs.model.activities.first_timers))


@metric("first_time_attendees_isolated", "First-time attendees with few ties",
        "Nieuwe bezoekers met weinig contacten", "people")
def first_time_attendees_isolated(obs: Observation) -> float:
    """First-time attendees this week who had fewer than two friendly ties (myth 5: reach)."""
    return float(obs.model.activities.first_timers_isolated)


@metric("help_burden_top10", "Help given by the busiest 10%", "Hulp gegeven door de drukste 10%",
        "share")
def help_burden_top10(obs: Observation) -> float:
    """Share of informal help hours this week given by the 10% of residents who gave most."""
    given = np.sort(obs.model.population.given)[::-1]
    total = given.sum()
    if total <= 0:
        return 0.0
    return float(given[: max(1, len(given) // 10)].sum() / total)


@metric("community_spirit", "Community spirit (gemeenschapszin)", "Gemeenschapszin", "0..1")
def community_spirit(obs: Observation) -> float:
    """Seed 004's first line: connectedness, solidarity and ownership, averaged.

    The mean of: share of residents not lonely, share with a caring tie, and residents' mean
    sense of ownership.
    """
    return float(np.mean([
        1 - lonely_share(obs), share_with_caring_tie(obs),
        obs.model.population.ownership.mean(),
    ]))


@metric("infrastructure", "Infrastructure", "Infrastructuur", "0..1")
def infrastructure(obs: Observation) -> float:
    """Seed 004's second line: places in use, a running activity programme, helpers.

    The mean of: share of meeting places with a running activity; running activities per 100
    residents (capped at 1); volunteers per 10 residents (capped at 1). The digital platform is
    not a term: a lever counted in an outcome would raise it by definition; the platform shows
    here only through the volunteers it keeps in use.
    """
    m = obs.model
    running = [a for a in m.activities.activities if not a.ended]
    places = len(m.layout.place_xy)
    used = len({a.place for a in running}) / places if places else 0.0
    per_100 = min(1.0, len(running) / (m.population.n / 100))
    helpers = min(1.0, len(m.volunteer_of) / (m.population.n / 10))
    return float(np.mean([used, per_100, helpers]))


@metric("formal_support", "Formal support", "Formele ondersteuning en zorg", "share")
def formal_support(obs: Observation) -> float:
    """Seed 004's third line: share of indicated need met by formal or professional care."""
    pop = obs.model.population
    eligible = (pop.frailty >= FORMAL_FRAILTY) | np.isin(pop.group, (Group.LVB, Group.PSYCH))
    need = obs.care.need[eligible].sum()
    if need <= 0:
        return 1.0
    got = obs.care.received[eligible][:, [Source.FORMAL, Source.PROFESSIONAL]].sum()
    return float(got / need)
