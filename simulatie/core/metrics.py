"""Every measure of a neighbourhood, as named functions in one registry.

Observation lives outside the model: the week's pipeline never computes a metric. A recorder
(:mod:`.simulation`) builds one :class:`Observation` of the state after a week and asks it for the
metrics a run wants; each metric is a small function of it. The same registry feeds the weekly
results table, the command line summary, the sweep runner and the dashboard, and its Dutch and
English labels are used everywhere a metric is shown. No metric contains a lever: an outcome
moves only through what residents, volunteers, initiators and professionals do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from numba import njit

from simulatie.core.calendar import WEEKS_PER_YEAR

from .care import CareWeek, Source
from .roles import EARLY_QUIT_WEEKS
from .state import Neighbourhood
from .ties import TieStage

__all__ = ["METRICS", "Metric", "Observation"]

YEAR_WEEKS = WEEKS_PER_YEAR  # the surveys ask about "the past twelve months"
OLD_AGE = 75  # the health monitor's and CBS's oldest reported group


@dataclass
class Observation:
    """One week of a neighbourhood, as the metrics read it; shared parts are computed once.

    Attributes:
        nb: The neighbourhood after the week (read only).
    """

    nb: Neighbourhood
    _cache: dict = field(default_factory=dict)

    @property
    def care(self) -> CareWeek:
        """The week's care accounting."""
        return self.nb.care

    @property
    def stage(self) -> np.ndarray:
        """Tie stage per edge."""
        return self.nb.ties.stage

    @cached_property
    def strength(self) -> np.ndarray:
        """Tie strength per edge."""
        return self.nb.ties.strength()

    @property
    def caring_per_resident(self) -> np.ndarray:
        """Caring ties per resident."""
        return self.nb.views.caring_counts

    @property
    def close_per_resident(self) -> np.ndarray:
        """Friendly or caring ties per resident."""
        return self.nb.views.friendly_counts

    @cached_property
    def older(self) -> np.ndarray:
        """Residents aged 75 and over."""
        return self.nb.population.age >= OLD_AGE

    @cached_property
    def lonely(self) -> np.ndarray:
        """Residents with fewer close ties than ``lonely_below_ties``."""
        return self.close_per_resident < self.nb.params.lonely_below_ties

    def in_last_year(self, last_week: np.ndarray) -> np.ndarray:
        """Whether something last happened within the past 52 weeks."""
        return last_week > self.nb.week - YEAR_WEEKS


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


def _share_among(flags: np.ndarray, among: np.ndarray) -> float:
    """Share of ``flags`` among the residents selected by ``among`` (NaN when there are none)."""
    return float(flags[among].mean()) if among.any() else float("nan")


def _hours(obs: Observation, source: Source) -> float:
    return float(obs.care.received[:, source].sum())


# --- ties -------------------------------------------------------------------------------------
@metric("caring_ties", "Caring ties", "Zorgzame banden", "ties")
def caring_ties(obs: Observation) -> float:
    """Friendly ties over which help has gone repeatedly, or both ways, lately."""
    return float((obs.stage == TieStage.CARING).sum())


@metric("share_with_caring_tie", "Residents with a caring tie", "Bewoners met een zorgzame band",
        "share")
def share_with_caring_tie(obs: Observation) -> float:
    """Share of residents with at least one caring tie."""
    return float((obs.caring_per_resident > 0).mean())


@metric("friendly_ties", "Friendly ties", "Vriendelijke contacten", "ties")
def friendly_ties(obs: Observation) -> float:
    """Friendly ties that are not (or no longer) caring."""
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


@metric("lonely_share", "Lonely residents", "Eenzame bewoners", "share")
def lonely_share(obs: Observation) -> float:
    """Share of residents with fewer friendly or caring ties than ``lonely_below_ties``."""
    return float(obs.lonely.mean())


@metric("lonely_share_75plus", "Lonely residents aged 75+", "Eenzame bewoners van 75+", "share")
def lonely_share_75plus(obs: Observation) -> float:
    """Loneliness among residents aged 75 and over (NaN when there are none)."""
    return _share_among(obs.lonely, obs.older)


@metric("lonely_share_under75", "Lonely residents under 75", "Eenzame bewoners onder 75", "share")
def lonely_share_under75(obs: Observation) -> float:
    """Loneliness among residents under 75 (NaN when there are none)."""
    return _share_among(obs.lonely, ~obs.older)


@metric("clustering", "Network clustering", "Clustering van het netwerk", "0..1")
def clustering(obs: Observation) -> float:
    """Mean local clustering of the friendly-or-caring network over residents with 2+ ties."""
    ptr, nbr = obs.nb.views.close_adjacency
    return float(_mean_local_clustering(ptr, nbr))


@metric("largest_component_share", "Largest connected group", "Grootste verbonden groep", "share")
def largest_component_share(obs: Observation) -> float:
    """Share of residents in the largest component of the friendly-or-caring network."""
    ptr, nbr = obs.nb.views.close_adjacency
    return float(_largest_component(ptr, nbr) / obs.nb.population.n)


@njit(cache=True)
def _mean_local_clustering(ptr, nbr):
    """Mean over residents with two or more neighbours of the share of their pairs who are tied.

    The network is undirected and small-degree, so each pair of a resident's neighbours is
    looked up in the other's (short) neighbour list.
    """
    n = len(ptr) - 1
    total = 0.0
    counted = 0
    for v in range(n):
        d = ptr[v + 1] - ptr[v]
        if d < 2:
            continue
        links = 0
        for i in range(ptr[v], ptr[v + 1]):
            u = nbr[i]
            for j in range(i + 1, ptr[v + 1]):
                w = nbr[j]
                for k in range(ptr[u], ptr[u + 1]):
                    if nbr[k] == w:
                        links += 1
                        break
        total += 2.0 * links / (d * (d - 1))
        counted += 1
    return total / counted if counted else 0.0


@njit(cache=True)
def _largest_component(ptr, nbr):
    """Size of the largest connected component (breadth-first search over the CSR lists)."""
    n = len(ptr) - 1
    seen = np.zeros(n, np.bool_)
    queue = np.empty(n, np.int64)
    best = 0
    for start in range(n):
        if seen[start]:
            continue
        seen[start] = True
        queue[0] = start
        head, tail = 0, 1
        while head < tail:
            v = queue[head]
            head += 1
            for k in range(ptr[v], ptr[v + 1]):
                u = nbr[k]
                if not seen[u]:
                    seen[u] = True
                    queue[tail] = u
                    tail += 1
        best = max(best, tail)
    return best


@metric("bridging_share", "Bridging ties", "Overbruggende banden", "share")
def bridging_share(obs: Observation) -> float:
    """Share of friendly-or-caring ties that connect different groups."""
    ties = obs.nb.ties
    close = obs.stage >= TieStage.FRIENDLY
    if not close.any():
        return 0.0
    group = obs.nb.population.group
    return float((group[ties.a[close]] != group[ties.b[close]]).mean())


# --- helping, as the surveys ask about it (docs/calibration.md) ---------------------------------
@metric("neighbour_help_share_month", "Helped a neighbour in the past month",
        "Buur geholpen in de afgelopen maand", "share")
def neighbour_help_share_month(obs: Observation) -> float:
    """Share of residents who helped someone over their own ties in the last four weeks.

    The counterpart of "helps someone at least monthly" (I&O Research 2018: half of adults),
    narrowed to the neighbourhood.
    """
    return float((obs.nb.population.weeks_helped(4) > 0).mean())


@metric("neighbour_help_share_weekly", "Helps a neighbour most weeks",
        "Helpt een buur de meeste weken", "share")
def neighbour_help_share_weekly(obs: Observation) -> float:
    """Share of residents who helped over their own ties in at least 3 of the last 4 weeks.

    The counterpart of "helps someone daily or weekly" (I&O Research 2018: a third of adults).
    """
    return float((obs.nb.population.weeks_helped(4) >= 3).mean())


@metric("neighbour_help_share_year", "Helped a neighbour in the past year",
        "Buur geholpen in het afgelopen jaar", "share")
def neighbour_help_share_year(obs: Observation) -> float:
    """Share of residents who helped someone over their own ties in the past 52 weeks.

    The counterpart of the Burgerpeiling's "helps neighbours with errands or odd jobs" (Movisie
    2016: almost two thirds).
    """
    return float(obs.in_last_year(obs.nb.population.last_network_help_week).mean())


@metric("never_asked_share_of_non_helpers", "Not asked, of those who did not help",
        "Niet gevraagd, van wie niet hielp", "share")
def never_asked_share_of_non_helpers(obs: Observation) -> float:
    """Of residents who helped nobody in the past year, the share nobody asked either.

    I&O Research 2018: 60% of those who never help say nobody asks them (NaN when everybody
    helped).
    """
    pop = obs.nb.population
    idle = ~obs.in_last_year(pop.last_network_help_week)
    return _share_among(~obs.in_last_year(pop.last_asked_week), idle)


@metric("informal_helper_share_year", "Gave informal care in the past year",
        "Informele zorg gegeven in het afgelopen jaar", "share")
def informal_helper_share_year(obs: Observation) -> float:
    """Share of residents who helped someone with a health-related need over their own ties.

    The counterpart of SCP's broad informal care ("gave informal help in the past twelve
    months"), narrowed to the neighbourhood.
    """
    return float(obs.in_last_year(obs.nb.population.last_informal_week).mean())


@metric("informal_helper_share_year_75plus", "Gave informal care in the past year, 75+",
        "Informele zorg gegeven in het afgelopen jaar, 75+", "share")
def informal_helper_share_year_75plus(obs: Observation) -> float:
    """:func:`informal_helper_share_year` among residents aged 75+ (NaN when there are none)."""
    return _share_among(obs.in_last_year(obs.nb.population.last_informal_week), obs.older)


@metric("helped_share_year_75plus", "Received help from own ties in the past year, 75+",
        "Hulp van eigen netwerk ontvangen in het afgelopen jaar, 75+", "share")
def helped_share_year_75plus(obs: Observation) -> float:
    """Share of residents aged 75+ who received help over their own ties in the past year.

    CBS 2020: almost a quarter of people 75+ receive informal care (from anyone, anywhere).
    """
    return _share_among(obs.in_last_year(obs.nb.population.last_helped_week), obs.older)


@metric("volunteer_share_year", "Volunteered in the past year",
        "Vrijwilliger in het afgelopen jaar", "share")
def volunteer_share_year(obs: Observation) -> float:
    """Share of residents who were a volunteer or initiator at some time in the past 52 weeks.

    The model's counterpart of CBS's "did volunteer work in the past twelve months", narrowed to
    the neighbourhood's own care and activity scheme (``docs/calibration.md``).
    """
    return float(obs.in_last_year(obs.nb.population.last_volunteer_week).mean())


@metric("volunteer_share_year_75plus", "Volunteered in the past year, 75+",
        "Vrijwilliger in het afgelopen jaar, 75+", "share")
def volunteer_share_year_75plus(obs: Observation) -> float:
    """:func:`volunteer_share_year` among residents aged 75+ (NaN when there are none)."""
    return _share_among(obs.in_last_year(obs.nb.population.last_volunteer_week), obs.older)


# --- care ---------------------------------------------------------------------------------------
@metric("care_hours_needed", "Care needed", "Zorgvraag", "hours/week")
def care_hours_needed(obs: Observation) -> float:
    """Total hours of care needed this week (*draaglast*)."""
    return float(obs.care.need.sum())


@metric("care_hours_formal", "Formal care", "Formele zorg", "hours/week")
def care_hours_formal(obs: Observation) -> float:
    """Hours given by formal care."""
    return _hours(obs, Source.FORMAL)


@metric("care_hours_professional", "Care from professionals", "Zorg door professionals",
        "hours/week")
def care_hours_professional(obs: Observation) -> float:
    """Hours given directly by professionals who do the work themselves."""
    return _hours(obs, Source.PROFESSIONAL)


@metric("care_hours_network", "Care from own network", "Zorg uit eigen netwerk", "hours/week")
def care_hours_network(obs: Observation) -> float:
    """Hours given by residents' own ties."""
    return _hours(obs, Source.NETWORK)


@metric("care_hours_volunteers", "Care from volunteers", "Zorg door vrijwilligers", "hours/week")
def care_hours_volunteers(obs: Observation) -> float:
    """Hours given by matched volunteers."""
    return _hours(obs, Source.VOLUNTEERS)


@metric("care_hours_unmet", "Unmet need", "Onvervulde zorgvraag", "hours/week")
def care_hours_unmet(obs: Observation) -> float:
    """Hours of need left unmet."""
    return float(obs.care.unmet.sum())


@metric("load_capacity_ratio", "Load to capacity (draaglast/draagkracht)",
        "Draaglast/draagkracht", "ratio")
def load_capacity_ratio(obs: Observation) -> float:
    """Hours needed relative to the hours residents could give."""
    capacity = float(obs.nb.population.capacity().sum())
    return float(obs.care.need.sum() / capacity) if capacity > 0 else float("inf")


@metric("mean_draagkracht", "Mean draagkracht", "Gemiddelde draagkracht", "hours/week")
def mean_draagkracht(obs: Observation) -> float:
    """Mean hours per week residents could give (*draagkracht*) this week."""
    return float(obs.nb.population.capacity().mean())


@metric("help_burden_top10", "Help given by the busiest 10%", "Hulp gegeven door de drukste 10%",
        "share")
def help_burden_top10(obs: Observation) -> float:
    """Share of informal help hours this week given by the 10% of residents who gave most."""
    given = np.sort(obs.nb.population.given)[::-1]
    total = given.sum()
    if total <= 0:
        return 0.0
    return float(given[: max(1, len(given) // 10)].sum() / total)


@metric("formal_support", "Formal support", "Formele ondersteuning en zorg", "share")
def formal_support(obs: Observation) -> float:
    """Seed 004's third line: share of indicated need met by formal or professional care."""
    eligible = obs.nb.population.indicated
    need = obs.care.need[eligible].sum()
    if need <= 0:
        return 1.0
    got = obs.care.received[eligible][:, [Source.FORMAL, Source.PROFESSIONAL]].sum()
    return float(min(1.0, got / need))  # not above 1 by rounding


# --- organising and volunteering ----------------------------------------------------------------
def _running(obs: Observation) -> list:
    return obs.nb.programme.running()


@metric("ownership", "Ownership: activities run by residents",
        "Eigenaarschap: activiteiten door bewoners", "share")
def ownership(obs: Observation) -> float:
    """Share of running activities that residents organise without professionals doing it."""
    running = _running(obs)
    if not running:
        return 0.0
    return float(np.mean([a.organised and not a.professional_run for a in running]))


@metric("active_volunteers", "Active volunteers", "Actieve vrijwilligers", "people")
def active_volunteers(obs: Observation) -> float:
    """Volunteers currently signed up."""
    return float(obs.nb.population.is_volunteer.sum())


@metric("volunteer_retention", "Volunteers still active after 8 weeks",
        "Vrijwilligers na 8 weken nog actief", "share")
def volunteer_retention(obs: Observation) -> float:
    """Of volunteers who joined 8 to 60 weeks ago, the share still active (NaN if none)."""
    return obs.nb.roles.retention(obs.nb.week)


@metric("volunteer_sign_ups", "Volunteer sign-ups so far", "Aanmeldingen vrijwilligers tot nu",
        "people")
def volunteer_sign_ups(obs: Observation) -> float:
    """Cumulative number of volunteers who signed up after week 0, by any route."""
    return float(obs.nb.roles.sign_ups)


@metric("volunteers_quit_early", f"Volunteers gone within {EARLY_QUIT_WEEKS} weeks",
        f"Vrijwilligers binnen {EARLY_QUIT_WEEKS} weken weg", "people")
def volunteers_quit_early(obs: Observation) -> float:
    """Cumulative number of volunteers who signed up after week 0 and stopped within 9 weeks."""
    return float(obs.nb.roles.quit_early)


@metric("active_initiators", "Active initiators (kartrekkers)", "Actieve kartrekkers", "people")
def active_initiators(obs: Observation) -> float:
    """Initiators currently organising or ready to."""
    return float(obs.nb.population.is_initiator.sum())


@metric("initiators_burnt_out", "Initiators burnt out so far", "Opgebrande kartrekkers tot nu",
        "people")
def initiators_burnt_out(obs: Observation) -> float:
    """Cumulative number of initiators who stopped exhausted (by organising or helping)."""
    return float(obs.nb.roles.burnt_out)


@metric("initiators_stepped_back", "Initiators who stepped back so far",
        "Teruggetreden kartrekkers tot nu", "people")
def initiators_stepped_back(obs: Observation) -> float:
    """Cumulative number of initiators who stopped after professionals took their activity over."""
    return float(obs.nb.roles.stepped_back)


@metric("attendance", "Attending an activity this week", "Deze week bij een activiteit",
        "share")
def attendance(obs: Observation) -> float:
    """Share of residents who attended an activity this week."""
    return float(obs.nb.population.attended.mean())


@metric("first_time_attendees", "First-time attendees", "Nieuwe bezoekers van activiteiten",
        "people")
def first_time_attendees(obs: Observation) -> float:
    """Residents who attended an activity this week for the first time since they moved in."""
    return float(len(obs.nb.programme.first_timers))


@metric("first_time_attendees_isolated", "First-time attendees with few ties",
        "Nieuwe bezoekers met weinig contacten", "people")
def first_time_attendees_isolated(obs: Observation) -> float:
    """First-time attendees this week who had fewer than two friendly ties (myth 5: reach)."""
    return float(obs.nb.programme.first_timers_isolated)


# --- seed 004's three lines ---------------------------------------------------------------------
@metric("community_spirit", "Community spirit (gemeenschapszin)", "Gemeenschapszin", "0..1")
def community_spirit(obs: Observation) -> float:
    """Seed 004's first line: connectedness, solidarity and ownership, averaged.

    The mean of: share of residents not lonely, share with a caring tie, and residents' mean
    sense of ownership.
    """
    return float(np.mean([
        1 - lonely_share(obs), share_with_caring_tie(obs), obs.nb.population.ownership.mean(),
    ]))


@metric("infrastructure", "Infrastructure", "Infrastructuur", "0..1")
def infrastructure(obs: Observation) -> float:
    """Seed 004's second line: places in use, a running activity programme, helpers.

    The mean of: share of the layout's meeting places with a running activity; running
    activities per 100 residents (capped at 1); volunteers per 10 residents (capped at 1).
    """
    nb = obs.nb
    running = _running(obs)
    places = len(nb.layout.place_xy)
    used = len({a.place for a in running}) / places if places else 0.0
    per_100 = min(1.0, len(running) / (nb.population.n / 100))
    helpers = min(1.0, active_volunteers(obs) / (nb.population.n / 10))
    return float(np.mean([used, per_100, helpers]))


# --- who lives here -----------------------------------------------------------------------------
@metric("share_80plus", "Residents aged 80+", "Bewoners van 80+", "share")
def share_80plus(obs: Observation) -> float:
    """Share of residents aged 80 and over (vergrijzing)."""
    return float((obs.nb.population.age >= 80).mean())
