"""One week in the neighbourhood: an explicit pipeline of stages (``docs/odd.md`` 3).

The pipeline is the one place that holds the whole
:class:`~simulatie.core.state.neighbourhood.Neighbourhood`: each stage hands the rules
(:mod:`simulatie.core.rules`) the named parts they read and write, and passes named data on:
the support :class:`~simulatie.core.state.support.Budget` (spent in its declared order by
activities and care) and the week's
:class:`~simulatie.core.state.contacts.Contacts` (filled by meetings, doorstep chats and help,
applied to the ties at once). Observation is not a stage: the caller reads the state afterwards.

1. support: a pilot may end; the professionals' hours are split into the week's budget;
2. demography: ageing and frailty of residents and partners, widowhood, deaths and moves,
   newcomers in the empty homes;
3. needs: each resident's and partner's care need for the week;
4. activities: meeting places are kept or close; professionals run or step into activities;
   teams look for organisers; initiators organise; meetings;
5. encounters: doorstep chats between near neighbours;
6. care: formal care, professionals' direct care, own network, volunteers, unmet;
7. ties: the week's contacts and help add shared hours and help weeks; all ties fade;
8. engagement: strain and burnout, volunteers' motivation, initiators' energy (crowding out
   included), recruitment, new initiators, draagkracht, ownership and trust.
"""

from __future__ import annotations

from ..rules.activities import end_professional_activities, propose, recruit_co_organisers
from ..rules.capacity import capacity
from ..rules.care import CareParts, provide_care
from ..rules.demography import draw_newcomers
from ..rules.encounters import neighbour_encounters
from ..rules.engagement import update_draagkracht, update_ownership_and_trust
from ..rules.history import record_history
from ..rules.initiators import free_initiators, new_initiators, update_energy
from ..rules.lifecourse import draw_needs, grow_older, leavers
from ..rules.meetings import meet
from ..rules.places import keep_places, upkeep_share
from ..rules.professionals import (
    check_funding,
    crowding_out,
    run_activities,
    step_into_activities,
    week_budget,
)
from ..rules.recruitment import recruit_volunteers
from ..rules.roles import remove_initiator, remove_volunteers
from ..rules.strain import update_strain
from ..rules.ties import update_ties
from ..rules.volunteers import update_motivation
from ..state.care_week import CareWeek
from ..state.contacts import Contacts
from ..state.neighbourhood import Neighbourhood
from ..state.support import Budget

__all__ = ["advance_week"]


def advance_week(nb: Neighbourhood) -> CareWeek:
    """Advance the neighbourhood by one week.

    Args:
        nb: The neighbourhood, changed in place.

    Returns:
        The week's care accounting (also kept as ``nb.care``).
    """
    nb.week += 1
    nb.population.clear_week()
    budget = _support(nb)
    _demography(nb)
    draw_needs(nb.population, nb.params, nb.streams.demography)
    contacts = Contacts()
    _activities(nb, budget, contacts)
    neighbour_encounters(nb.population, nb.layout, nb.params, nb.streams.draws("encounters"),
                         nb.week, contacts)
    nb.care = provide_care(CareParts(
        pop=nb.population, ties=nb.ties, views=nb.views, layout=nb.layout, params=nb.params,
        streams=nb.streams, week=nb.week, support=nb.support, personal=nb.personal,
        leavers=nb.leavers), budget, contacts)
    _ties(nb, contacts)
    _engagement(nb, budget)
    return nb.care


def _support(nb: Neighbourhood) -> Budget:
    """A pilot may end this week; the remaining professionals' hours make the week's budget."""
    if check_funding(nb.support, nb.params, nb.week):
        end_professional_activities(nb.population, nb.programme, nb.params, nb.week,
                                    nb.streams.draws("organising"))
    return week_budget(nb.params, nb.support)


def _demography(nb: Neighbourhood) -> None:
    """Ageing, leaving and newcomers; a leaver's roles, ties and memberships end with them."""
    pop = nb.population
    rng = nb.streams.demography
    grow_older(pop, nb.params, rng)
    gone = leavers(pop, nb.params, rng, nb.week)
    nb.leavers = gone
    if len(gone) == 0:
        return
    remove_volunteers(pop, nb.roles, nb.week, gone)
    for home in gone[pop.is_initiator[gone]].tolist():
        remove_initiator(pop, nb.programme, nb.roles, nb.week, home, reason=None)
    ties_changed = nb.ties.remove_residents(gone)
    nb.programme.remove_residents(gone)
    nb.personal.forget(gone)
    draw_newcomers(pop, gone, nb.params, nb.streams, nb.week)
    if ties_changed:  # otherwise the views still show the ties they were last read off
        nb.refresh_views()


def _activities(nb: Neighbourhood, budget: Budget, contacts: Contacts) -> None:
    """Places are kept or close, professionals run activities, initiators organise, meetings."""
    draws = nb.streams.draws("organising")
    keep_places(nb.population, nb.programme, nb.params, nb.week, draws, budget)
    if nb.support.present:
        run_activities(nb.programme, nb.params, budget, nb.week, draws)
        step_into_activities(nb.programme, nb.params, budget, nb.week, draws)
    recruit_co_organisers(nb.population, nb.programme, nb.params, nb.week, draws)
    for home in free_initiators(nb.population):
        propose(nb.population, nb.programme, nb.params, nb.week, draws, home)
    meet(nb.population, nb.ties, nb.views, nb.programme, nb.params, nb.support, nb.personal,
         nb.streams, nb.week, budget, contacts)


def _ties(nb: Neighbourhood, contacts: Contacts) -> None:
    """Apply the week's contacts and help to the ties, let all ties fade, refresh the views."""
    update_ties(nb.ties, contacts)
    nb.refresh_views()


def _engagement(nb: Neighbourhood, budget: Budget) -> None:
    """Strain and burnout, motivation and energy, recruitment, draagkracht, ownership, trust."""
    pop = nb.population
    burnt = update_strain(pop, nb.params, nb.care.unmet, pop.favour_need)
    if len(burnt):
        remove_volunteers(pop, nb.roles, nb.week, burnt)
        for home in burnt[pop.is_initiator[burnt]].tolist():
            remove_initiator(pop, nb.programme, nb.roles, nb.week, home, reason="burnout")
    update_motivation(pop, nb.roles, nb.support, nb.params, nb.streams, nb.week)
    update_energy(pop, nb.programme, nb.roles, nb.params, nb.streams, nb.week, budget,
                  crowding_out(pop, nb.programme, nb.params),
                  upkeep_share(pop, nb.programme, nb.params, nb.week))
    # Signing up volunteers changes nothing that what residents can give depends on.
    can_give = capacity(pop, nb.params)
    recruit_volunteers(pop, nb.ties, nb.views, nb.roles, nb.support, nb.params, nb.streams,
                       nb.week, can_give)
    draws = nb.streams.draws("organising")
    for home in new_initiators(pop, nb.programme, nb.params, nb.streams, nb.week, budget,
                               can_give).tolist():
        propose(pop, nb.programme, nb.params, nb.week, draws, home, own_plan=True)
    update_draagkracht(pop, nb.params)
    update_ownership_and_trust(pop, nb.views, nb.params)
    record_history(pop, nb.week)
