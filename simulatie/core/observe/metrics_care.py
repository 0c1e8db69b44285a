"""Metrics of the week's care: hours needed, given by each source and left unmet, and the load.

One topic of the registry (:mod:`.metrics`, ``docs/odd.md`` 7.13), read from the week's care
accounting (:class:`~.care.CareWeek`): hours per source of care, unmet need, need against the
residents' capacity to help (*draaglast/draagkracht*), how concentrated helping is, and the share
of indicated need that formal or professional care meets (seed 004's third line).
"""

from __future__ import annotations

import numpy as np
from numba import njit

from ..state.care_week import Source
from .observation import MetricGroup, Observation

__all__ = ["CARE_METRICS"]


CARE_METRICS = MetricGroup()
metric = CARE_METRICS.metric


def _hours(obs: Observation, source: Source) -> float:
    return obs.source_hours[source]


@metric("care_hours_needed", "Care needed", "Zorgvraag", "hours/week")
def care_hours_needed(obs: Observation) -> float:
    """Total hours of care needed this week (*draaglast*)."""
    return obs.need_total


@metric("care_hours_formal", "Formal care", "Formele zorg", "hours/week")
def care_hours_formal(obs: Observation) -> float:
    """Hours given by formal care."""
    return _hours(obs, Source.FORMAL)


@metric("care_hours_professional", "Care from professionals", "Zorg door professionals",
        "hours/week")
def care_hours_professional(obs: Observation) -> float:
    """Hours given directly by professionals who do the work themselves."""
    return _hours(obs, Source.PROFESSIONAL)


@metric("care_hours_household", "Care from the partner at home", "Zorg door de partner thuis",
        "hours/week")
def care_hours_household(obs: Observation) -> float:
    """Hours partners gave each other within the home (usual care)."""
    return _hours(obs, Source.HOUSEHOLD)


@metric("care_hours_family", "Care from family elsewhere", "Zorg door familie elders",
        "hours/week")
def care_hours_family(obs: Observation) -> float:
    """Hours relatives living outside the neighbourhood gave."""
    return _hours(obs, Source.FAMILY)


@metric("care_hours_network", "Care from own network", "Zorg uit eigen netwerk", "hours/week")
def care_hours_network(obs: Observation) -> float:
    """Hours given by residents' own ties in the neighbourhood (neighbours and friends)."""
    return _hours(obs, Source.NETWORK)


@metric("care_hours_volunteers", "Care from volunteers", "Zorg door vrijwilligers", "hours/week")
def care_hours_volunteers(obs: Observation) -> float:
    """Hours given by matched volunteers."""
    return _hours(obs, Source.VOLUNTEERS)


@metric("care_hours_unmet", "Unmet need", "Onvervulde zorgvraag", "hours/week")
def care_hours_unmet(obs: Observation) -> float:
    """Hours of need left unmet."""
    return obs.unmet_total


@metric("load_capacity_ratio", "Load to capacity (draaglast/draagkracht)",
        "Draaglast/draagkracht", "ratio")
def load_capacity_ratio(obs: Observation) -> float:
    """Hours needed relative to the hours residents could give."""
    can_give = obs.capacity_total
    return obs.need_total / can_give if can_give > 0 else float("inf")


@metric("mean_draagkracht", "Mean draagkracht", "Gemiddelde draagkracht", "hours/week")
def mean_draagkracht(obs: Observation) -> float:
    """Mean hours per week residents could give (*draagkracht*) this week."""
    return obs.capacity_total / len(obs.capacity)


@metric("help_burden_top10", "Help given by the busiest 10%", "Hulp gegeven door de drukste 10%",
        "share")
def help_burden_top10(obs: Observation) -> float:
    """Share of informal help hours this week given by the 10% of residents who gave most."""
    given = np.sort(obs.nb.population.given)[::-1]
    total = given.sum()
    if total <= 0:
        return 0.0
    top = given[: max(1, len(given) // 10)].sum()
    return float(min(1.0, top / total))  # not above 1 by rounding


@metric("formal_support", "Formal support", "Formele ondersteuning en zorg", "share")
def formal_support(obs: Observation) -> float:
    """Seed 004's third line: share of indicated need met by formal or professional care."""
    pop = obs.nb.population
    care_need, got = _indicated_hours(obs.care.need, pop.favour_need, obs.care.received,
                                      _FORMAL_SOURCES, pop.indicated)
    need = care_need.sum()  # care, not small favours
    if need <= 0:
        return 1.0
    return float(min(1.0, got.sum() / need))  # not above 1 by rounding


_FORMAL_SOURCES = np.array([Source.FORMAL, Source.PROFESSIONAL], np.int64)


@njit(cache=True)
def _indicated_hours(need, favour_need, received, sources, indicated):
    """The hours of care (need less favours) and of ``sources`` of the indicated residents.

    Returns:
        ``(care_need, received_hours)``: the care need per indicated resident, and the hours
        received from each of ``sources`` per indicated resident, one source after another
        (the order in which numpy adds the columns it picks out of ``received``).
    """
    chosen = np.flatnonzero(indicated)
    care_need = np.empty(len(chosen))
    hours = np.empty(len(chosen) * len(sources))
    for k in range(len(chosen)):
        care_need[k] = need[chosen[k]] - favour_need[chosen[k]]
    for j in range(len(sources)):
        for k in range(len(chosen)):
            hours[j * len(chosen) + k] = received[chosen[k], sources[j]]
    return care_need, hours


@metric("frail_with_two_helpers_share", "Frail residents with two or more helpers nearby",
        "Kwetsbare bewoners met twee of meer helpers in de buurt", "share")
def frail_with_two_helpers_share(obs: Observation) -> float:
    """Share of frail residents whom at least two neighbours helped in the caring window.

    A community-level outcome beside the dyadic caring tie: a circle of people around someone
    frail (not kin: neighbours, friends in the neighbourhood, volunteers). Frail: frailty at or
    above ``formal_care_frailty`` (NaN when nobody is frail).
    """
    ties = obs.nb.ties
    circled, frail = _frail_with_helpers(ties.a, ties.b, ties.help_ab, ties.help_ba,
                                         obs.nb.population.frailty,
                                         obs.nb.params.formal_care_frailty,
                                         obs.nb.params.circle_helpers)
    return circled / frail if frail else float("nan")


@njit(cache=True)
def _frail_with_helpers(a, b, help_ab, help_ba, frailty, frail_from, least):
    """Frail residents with at least ``least`` helpers over their ties, and all frail residents.

    A helper is a tie who helped in the caring window (a direction with any help bit set).

    Returns:
        ``(circled, frail)``: the two counts.
    """
    helpers = np.zeros(len(frailty), np.int64)
    for e in range(len(a)):
        if help_ab[e] != 0:
            helpers[b[e]] += 1
        if help_ba[e] != 0:
            helpers[a[e]] += 1
    circled = frail = 0
    for i in range(len(frailty)):
        if frailty[i] >= frail_from:
            frail += 1
            if helpers[i] >= least:
                circled += 1
    return circled, frail
