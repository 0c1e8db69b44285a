"""Metrics of helping as the surveys ask about it: who helped, was asked or volunteered, and when.

One topic of the registry (:mod:`.metrics`, ``docs/odd.md`` 7.13): each metric is the model's
counterpart of a survey question (I&O Research, SCP, CBS, the Burgerpeiling), narrowed to the
neighbourhood, so that the model can be held against them (``docs/calibration.md``). They read
the residents' remembered weeks of helping, being asked, being helped and volunteering.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from ..state.care_week import Source
from ..state.numeric import popcount
from .observation import OLD_AGE, MetricGroup, Observation

__all__ = ["INFORMAL_SOURCES", "SURVEY_METRICS", "mantelzorg_receivers"]

CARED_FOR_AGE = 55  # Egging, De Boer & Stevens 2011 ask about the carers of people 55+

INFORMAL_SOURCES = np.array([Source.HOUSEHOLD, Source.FAMILY, Source.NETWORK], np.int64)
"""The sources of informal care (mantelzorg): the partner, relatives and one's own ties."""

SURVEY_METRICS = MetricGroup()
metric = SURVEY_METRICS.metric


@metric("neighbour_help_share_month", "Helped a neighbour in the past month",
        "Buur geholpen in de afgelopen maand", "share")
def neighbour_help_share_month(obs: Observation) -> float:
    """Share of residents who helped someone over their own ties in the last four weeks.

    The counterpart of "helps someone at least monthly" (I&O Research 2018: half of adults),
    narrowed to the neighbourhood.
    """
    counts = obs.residents
    return obs.ratio(counts.residents - counts.weeks_helped_month[0], counts.residents)


@metric("neighbour_help_share_weekly", "Helps a neighbour most weeks",
        "Helpt een buur de meeste weken", "share")
def neighbour_help_share_weekly(obs: Observation) -> float:
    """Share of residents who helped over their own ties in at least 3 of the last 4 weeks.

    The counterpart of "helps someone daily or weekly" (I&O Research 2018: a third of adults).
    """
    counts = obs.residents
    return obs.ratio(sum(counts.weeks_helped_month[3:]), counts.residents)


@metric("neighbour_help_share_year", "Helped a neighbour in the past year",
        "Buur geholpen in het afgelopen jaar", "share")
def neighbour_help_share_year(obs: Observation) -> float:
    """Share of residents who helped someone over their own ties in the past 52 weeks.

    The counterpart of the Burgerpeiling's "helps neighbours with errands or odd jobs" (Movisie
    2016: almost two thirds).
    """
    return obs.ratio(obs.residents.helped_year, obs.residents.residents)


@metric("never_asked_share_of_non_helpers", "Not asked, of those who did not help",
        "Niet gevraagd, van wie niet hielp", "share")
def never_asked_share_of_non_helpers(obs: Observation) -> float:
    """Of residents who helped nobody in the past year, the share nobody asked either.

    I&O Research 2018: 60% of those who never help say nobody asks them (NaN when everybody
    helped).
    """
    counts = obs.residents
    return obs.ratio(counts.idle_not_asked, counts.residents - counts.helped_year)


@metric("informal_helper_share_year", "Gave informal care in the past year",
        "Informele zorg gegeven in het afgelopen jaar", "share")
def informal_helper_share_year(obs: Observation) -> float:
    """Share of residents who helped someone with a health-related need over their own ties.

    The counterpart of SCP's broad informal care ("gave informal help in the past twelve
    months"), narrowed to the neighbourhood.
    """
    return obs.ratio(obs.residents.informal_year, obs.residents.residents)


@metric("informal_helper_share_year_75plus", "Gave informal care in the past year, 75+",
        "Informele zorg gegeven in het afgelopen jaar, 75+", "share")
def informal_helper_share_year_75plus(obs: Observation) -> float:
    """:func:`informal_helper_share_year` among residents aged 75+ (NaN when there are none)."""
    return obs.ratio(obs.residents.informal_year_older, obs.residents.older)


@metric("helped_share_year_75plus", "Received help from own ties in the past year, 75+",
        "Hulp van eigen netwerk ontvangen in het afgelopen jaar, 75+", "share")
def helped_share_year_75plus(obs: Observation) -> float:
    """Share of residents aged 75+ who received help over their own ties in the past year.

    CBS 2020: almost a quarter of people 75+ receive informal care (from anyone, anywhere).
    """
    return obs.ratio(obs.residents.helped_by_ties_year_older, obs.residents.older)


@metric("neighbour_share_of_carers_55plus", "Neighbours among the carers of people 55+",
        "Buren onder de mantelzorgers van 55-plussers", "share")
def neighbour_share_of_carers_55plus(obs: Observation) -> float:
    """Of the carers from outside the home of residents 55+, the share who are neighbours.

    Over the caring window (half a year): a neighbour is a carer of a resident 55+ who has a
    health-related need when they helped them in at least ``caring_help_weeks`` different weeks
    in which neighbours or volunteers met some of that need, not only favours (help over time
    with the need itself, as the survey's mantelzorg); each relative who helped the household
    counts as a carer too. The counterpart of Egging, De Boer & Stevens 2011: of carers of
    someone 55+ living elsewhere, 9% are neighbours and 9% friends, the rest family (NaN when
    nobody 55+ had one).
    """
    nb = obs.nb
    pop = nb.population
    ties = nb.ties
    neighbours, family = _carers_of_older(
        ties.a, ties.b, ties.help_ab, ties.help_ba, pop.care_history,
        nb.params.caring_help_weeks, pop.age, pop.indicated, pop.last_family_help_week,
        pop.family_helpers, nb.week - nb.params.caring_window_weeks, CARED_FOR_AGE)
    total = neighbours + family
    return neighbours / total if total else float("nan")


@njit(cache=True)
def _carers_of_older(a, b, help_ab, help_ba, care_history, weeks, age, indicated,
                     last_family_week, family_helpers, family_since, from_age):
    """Carers from outside the home of residents ``from_age``+ with a health-related need.

    Neighbours: ties who helped them in at least ``weeks`` weeks of the caring window in which
    the neighbourhood met some of their health-related need (``care_history``; one per
    direction); family: each relative of a household that family helped after ``family_since``.

    Returns:
        ``(neighbours, family)``: the two counts.
    """
    neighbours = family = 0
    for e in range(len(a)):
        x, y = a[e], b[e]
        if (popcount(help_ab[e] & care_history[y]) >= weeks and age[y] >= from_age
                and indicated[y]):
            neighbours += 1
        if (popcount(help_ba[e] & care_history[x]) >= weeks and age[x] >= from_age
                and indicated[x]):
            neighbours += 1
    for i in range(len(age)):
        if age[i] >= from_age and indicated[i] and last_family_week[i] > family_since:
            family += family_helpers[i]
    return neighbours, family



@metric("informal_care_received_share_75plus", "Receiving mantelzorg, 75+",
        "Ontvangt mantelzorg, 75+", "share")
def informal_care_received_share_75plus(obs: Observation) -> float:
    """Share of residents 75+ who get at least ``mantelzorg_hours`` of informal care this week.

    From the partner, relatives or their own ties, for a household with a health-related need
    (frail, LVB, psychiatric vulnerability). The counterpart of CBS 2020: 23.7% of people 75+
    receive mantelzorg, 18 hours a week on average (NaN when nobody is 75+).
    """
    pop = obs.nb.population
    cared, _ = mantelzorg_receivers(obs.care.received, INFORMAL_SOURCES, pop.indicated,
                                    obs.nb.params.mantelzorg_hours, pop.age, OLD_AGE)
    return obs.ratio(cared, obs.residents.older)


@njit(cache=True)
def mantelzorg_receivers(received, sources, indicated, least, age, from_age):
    """Residents aged ``from_age``+ with a health-related need and ``least`` hours from ``sources``.

    Each resident's hours are added source by source, in the order of ``sources`` (as numpy adds
    a short row), so that the threshold is met exactly when it is for the hours numpy would add.

    Returns:
        ``(receivers, hours)``: how many there are, and the hours from ``sources`` they got
        together.
    """
    receivers = 0
    total = 0.0
    for i in range(len(age)):
        if age[i] >= from_age and indicated[i]:
            hours = 0.0
            for source in sources:
                hours += received[i, source]
            if hours >= least:
                receivers += 1
                total += hours
    return receivers, total


@metric("volunteer_share_year", "Volunteered in the past year",
        "Vrijwilliger in het afgelopen jaar", "share")
def volunteer_share_year(obs: Observation) -> float:
    """Share of residents who were a volunteer or initiator at some time in the past 52 weeks.

    The model's counterpart of CBS's "did volunteer work in the past twelve months", narrowed to
    the neighbourhood's own care and activity scheme (``docs/calibration.md``).
    """
    return obs.ratio(obs.residents.volunteered_year, obs.residents.residents)


@metric("volunteer_share_year_75plus", "Volunteered in the past year, 75+",
        "Vrijwilliger in het afgelopen jaar, 75+", "share")
def volunteer_share_year_75plus(obs: Observation) -> float:
    """:func:`volunteer_share_year` among residents aged 75+ (NaN when there are none)."""
    return obs.ratio(obs.residents.volunteered_year_older, obs.residents.older)
