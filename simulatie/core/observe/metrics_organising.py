"""Metrics of organising and volunteering: activities, volunteers, initiators and who comes.

One topic of the registry (:mod:`.metrics`, ``docs/odd.md`` 7.13): ownership of the running
activities, volunteers (active, retained, signed up, quitting early), initiators (active, burnt
out, stepped back) and attendance, including first-time attendees and how isolated they were.
"""

from __future__ import annotations

from ..state.programme import Keeper
from ..state.roles import EARLY_QUIT_WEEKS
from .observation import MetricGroup, Observation

__all__ = ["ORGANISING_METRICS", "active_volunteers"]

ORGANISING_METRICS = MetricGroup()
metric = ORGANISING_METRICS.metric


@metric("ownership", "Ownership: activities run by residents",
        "Eigenaarschap: activiteiten door bewoners", "share")
def ownership(obs: Observation) -> float:
    """Share of running activities that residents organise without professionals doing it."""
    running = obs.running
    if not running:
        return 0.0
    return len(obs.resident_run) / len(running)


@metric("running_activities", "Running activities", "Lopende activiteiten", "activities")
def running_activities(obs: Observation) -> float:
    """Activities that run, by residents or professionals."""
    return float(len(obs.running))


@metric("resident_run_activities", "Activities residents run", "Activiteiten door bewoners",
        "activities")
def resident_run_activities(obs: Observation) -> float:
    """Running activities that residents organise without professionals doing the work."""
    return float(len(obs.resident_run))


@metric("activities_outliving_support", "Resident activities from before support ended",
        "Bewonersactiviteiten van vóór het einde van de steun", "activities")
def activities_outliving_support(obs: Observation) -> float:
    """Resident-run activities still running that started before professional support ended.

    NaN while support has not ended (a structural arm, or during a pilot).
    """
    ended = obs.nb.support.ended_week
    if ended is None:
        return float("nan")
    return float(sum(a.started_week < ended for a in obs.resident_run))


@metric("open_meeting_places", "Open meeting places", "Open ontmoetingsplekken", "places")
def open_meeting_places(obs: Observation) -> float:
    """Meeting places that someone keeps open (the project, or residents who took it over)."""
    keepers = obs.nb.programme.keeper.tolist()
    return float(len(keepers) - keepers.count(_CLOSED))


_CLOSED = int(Keeper.CLOSED)


@metric("active_volunteers", "Active volunteers", "Actieve vrijwilligers", "people")
def active_volunteers(obs: Observation) -> float:
    """Volunteers currently signed up."""
    return float(obs.residents.volunteers)


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
    return float(obs.residents.initiators)


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
    return obs.ratio(obs.residents.attended, obs.residents.residents)


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
