"""One week of care: who gives within the home and the family, who asks whom, what stays unmet.

Each home's weekly need (*draaglast*: the resident's and, where there is one, the partner's) is
met from sources in a declared order (:data:`SPENDING_ORDER`, ``docs/odd.md`` 7.9):

1. the **household**: partners care for each other first, up to what a partner can do (usual
   care, *gebruikelijke zorg*; :mod:`.household`);
2. **formal care**, for residents and partners whose need stems from health (frail, LVB,
   psychiatric vulnerability), within a limited capacity (staff shortage, seed 001/002); staff
   with time to spare introduce a resident without close ties to a neighbour (:mod:`.care_staff`);
3. **family** living elsewhere, within what each relative can give (:mod:`.household`);
4. **professionals who do the work themselves** (``takeover``), for every home in need
   (:func:`~.professionals.give_direct_care`);
5. the resident's **own ties** in the neighbourhood, for what the household still needs and for
   the small favours only someone outside the home can do, if they dare to ask
   (*vraagverlegenheid*, Linders 2010). Asking is easier over stronger ties, with more trust,
   after having given to that person before and while waiting for formal care; it is harder
   while owing them (Gouldner 1960; seed 000: first give, then take). A helper may stretch
   beyond their capacity for someone close, which builds strain and can end in burnout
   (:mod:`.asking`);
6. **volunteers**: help-seekers who come forward themselves (passive), or whom a professional
   seeks out and introduces to a volunteer (active); a volunteer helps when the request fits
   what they signed up for (:mod:`.matching`);
7. the rest is **unmet**.

Because formal care comes before family and neighbours, scarce formal care leaves more to them,
and the waiting it causes lowers the threshold to ask (crowding out); formal care for a partner
frees the carer's own time for others (respite, :mod:`.household`), staff who have time notice and
connect (:mod:`.care_staff`), and neighbours are more willing to help with what is light once the
heavy part is carried (:func:`~.asking.willing_chance`) (crowding in): mechanisms, not an order,
decide whether less government brings more community (myth 1). Every hour given is an hour
received. This module holds the order, the accounting and formal care; each other source has its
own module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import numpy as np
from numba import njit

from ..state.care_week import CareWeek, Source
from ..state.groups import Group
from .asking import MIN_HOURS, ask_own_network
from .capacity import capacity
from .care_staff import connect_alone
from .household import family_care, household_care
from .matching import MatchingParts, introduce_chosen, match_volunteers
from .professionals import give_direct_care

if TYPE_CHECKING:
    from ..parameters import Parameters
    from ..state.contacts import Contacts
    from ..state.layout import Layout
    from ..state.personal import PersonalChoices
    from ..state.population import Population
    from ..state.streams import Streams
    from ..state.support import Budget, Support
    from ..state.ties import TieNetwork
    from ..state.views import NetworkViews

__all__ = ["SPENDING_ORDER", "CareParts", "indicated", "provide_care"]


class CareParts(NamedTuple):
    """The parts of the neighbourhood that one week of care reads and writes.

    Reads: ``ties`` (whom residents can ask), ``views`` (who has a close tie, whom a
    help-seeker knows), ``layout`` (near neighbours), ``params``, ``streams`` (the keyed streams
    of asking, matching and care staff), ``week``, ``support`` (whether professionals work here)
    and ``leavers`` (homes whose resident left this week). Writes: ``pop`` (what each resident
    received and gave, who was asked, indicated need, waiting for formal care, the consumer
    role, the time spent on a partner, family help) and ``personal`` (the requests of watched
    residents, the partners of chosen introductions). The week's budget and contacts are passed
    apart.

    Attributes:
        pop: The population.
        ties: The tie network.
        views: This week's views of the ties.
        layout: The homes, their near neighbours and places.
        params: The run's parameters.
        streams: The run's random streams.
        week: The current week.
        support: Whether professionals work here.
        personal: The participatory mode's choices.
        leavers: Homes whose resident left in the last week.
    """

    pop: Population
    ties: TieNetwork
    views: NetworkViews
    layout: Layout
    params: Parameters
    streams: Streams
    week: int
    support: Support
    personal: PersonalChoices
    leavers: np.ndarray


_INDICATED_GROUP = np.isin(np.arange(len(Group)), (Group.LVB, Group.PSYCH))

SPENDING_ORDER = (Source.HOUSEHOLD, Source.FORMAL, Source.FAMILY, Source.PROFESSIONAL,
                  Source.NETWORK, Source.VOLUNTEERS)
"""The order in which the week's support is spent on each resident's need.

Usual care in the home comes first, as the Wmo's *gebruikelijke zorg* does, and family before
neighbours (Egging, De Boer & Stevens 2011). An order of sources, not a number: it stays a named
constant (``docs/odd.md`` 9) rather than a parameter.
"""


def indicated(frailty: np.ndarray, group: np.ndarray, partner: np.ndarray,
              partner_frailty: np.ndarray,
              threshold: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Whose need stems from health: frail, or LVB or psychiatric vulnerability.

    Formal care serves only them; help given to them over one's own ties is informal *care* in
    the SCP's sense (help to someone with health problems), other help is neighbourly help. A
    resident counts when their frailty reaches ``threshold`` or their group is LVB or
    psychiatric; a partner when there is one and their frailty reaches ``threshold``.

    Returns:
        ``(resident, partner, home)``: whether each resident's and each partner's need stems
        from health, and whether either does.
    """
    return _indicated(frailty, group, partner, partner_frailty, threshold, _INDICATED_GROUP)


@njit(cache=True)
def _indicated(frailty, group, partner, partner_frailty, threshold, indicated_group):
    """:func:`indicated` in one pass over the homes."""
    n = len(frailty)
    resident = np.empty(n, np.bool_)
    partner_health = np.empty(n, np.bool_)
    home = np.empty(n, np.bool_)
    for i in range(n):
        resident[i] = frailty[i] >= threshold or indicated_group[group[i]]
        partner_health[i] = partner[i] and partner_frailty[i] >= threshold
        home[i] = resident[i] or partner_health[i]
    return resident, partner_health, home


def provide_care(parts: CareParts, budget: Budget, contacts: Contacts) -> CareWeek:
    """Meet this week's needs from each source in :data:`SPENDING_ORDER`.

    Writes: pop (received, received_network, received_family, last_family_help_week, given,
    given_network, given_informal, volunteer_hours, asked, indicated, waiting, reliance,
    household_load, neighbourhood_care); personal (see :class:`CareParts`); budget (doing,
    matching and connecting hours); contacts.

    Args:
        parts: The parts of the neighbourhood care reads and writes; the population's ``need``
            and ``partner_need`` have been drawn.
        budget: This week's professional hours (doing and matching hours are spent here).
        contacts: This week's contacts; help and the time it shares are added.

    Returns:
        The accounting for the week, per home. The population's ``given`` and ``received`` are
        updated.
    """
    pop = parts.pop
    params = parts.params
    week = parts.week
    n = pop.n
    received = np.zeros((n, len(Source)))
    remaining = pop.need.copy()
    partner_remaining = pop.partner_need.copy()
    received[:, Source.HOUSEHOLD] = household_care(pop, params, remaining, partner_remaining)

    resident_indicated, partner_indicated, home_indicated = indicated(
        pop.frailty, pop.group, pop.partner, pop.partner_frailty, params.formal_care_frailty)
    formal = _formal_week(remaining, partner_remaining, resident_indicated, partner_indicated,
                          params.formal_care_hours * n, pop.waiting, received[:, Source.FORMAL],
                          params.waiting_kept)
    eligible = (pop.need * resident_indicated).sum() + (pop.partner_need * partner_indicated).sum()
    covered = min(1.0, formal.sum() / eligible) if eligible > 0 else 1.0
    # What residents can give depends on nothing the steps from here to asking change.
    can_give = capacity(pop, params)
    connect_alone(can_give, parts.views, parts.layout, params, parts.streams.draws("care_staff"),
                  week, received[:, Source.FORMAL], covered, contacts)
    received[:, Source.FAMILY] = family_care(pop, params, remaining, partner_remaining, week)

    remaining = remaining + partner_remaining  # the household asks for what is left, together
    pop.indicated = home_indicated  # a health-related need at home
    direct = give_direct_care(remaining, budget)
    health_left = np.empty(n)
    _direct_care(direct, remaining, received[:, Source.PROFESSIONAL], pop.reliance,
                 float(params.reliance_gain), pop.favour_need, health_left)

    ask_own_network(pop, parts.ties, params, parts.personal, parts.streams.draws("asking"),
                    week, remaining, can_give, received[:, Source.NETWORK], contacts)
    matching = MatchingParts(
        pop=pop, views=parts.views, layout=parts.layout, params=params, support=parts.support,
        personal=parts.personal, draws=parts.streams.draws("matching"), week=week,
        leavers=parts.leavers)
    match_volunteers(matching, remaining, can_give, received[:, Source.VOLUNTEERS], budget,
                     contacts)
    introduce_chosen(matching, can_give, budget, contacts)
    # neighbours and volunteers met some of a health-related need, not only favours: what they
    # give meets the household's need before its favours
    neighbourhood = received[:, Source.NETWORK] + received[:, Source.VOLUNTEERS]
    pop.neighbourhood_care = home_indicated & (health_left >= MIN_HOURS) & (neighbourhood > 0)

    pop.received = received.sum(axis=1)
    pop.received_network = received[:, Source.NETWORK].copy()
    need = pop.need + pop.partner_need + pop.favour_need
    return CareWeek(need=need, received=received, unmet=np.maximum(remaining, 0.0))


@njit(cache=True)
def _formal_week(remaining, partner_remaining, resident_indicated, partner_indicated, hours,
                 waiting, received, kept):
    """:func:`_formal_care` for residents and partners together (step 2 of the order).

    ``remaining`` and ``partner_remaining`` lose what formal care gives, ``received`` (the
    residents' formal-care column) gets what each home received, and ``waiting`` the
    residents' memory of waiting, keeping ``kept`` of itself a week (a partner's waiting is not
    kept); all in place.

    Returns:
        The hours given, residents first, then partners.
    """
    n = len(remaining)
    both = np.concatenate((remaining, partner_remaining))
    formal = np.zeros(2 * n)
    memory = np.concatenate((waiting, np.zeros(n)))
    _formal_care(both, np.concatenate((resident_indicated, partner_indicated)), hours, formal,
                 memory, kept)
    for i in range(n):
        remaining[i] = both[i]
        partner_remaining[i] = both[n + i]
        waiting[i] = memory[i]
        received[i] = formal[i] + formal[n + i]
    return formal


@njit(cache=True)
def _direct_care(direct, remaining, received, reliance, reliance_gain, favour_need,
                 health_left):
    """Professionals' direct care is received and taken off the need (step 4, in place).

    Those it serves move towards the consumer role by ``reliance_gain``; ``health_left`` gets
    the household's need left for neighbours and volunteers; then the favours, which only the
    household's ties and volunteers do, are added to what is left.
    """
    for i in range(len(direct)):
        received[i] = direct[i]
        remaining[i] -= direct[i]
        if direct[i] > 0:  # cared for by professionals who do the work: the consumer role grows
            reliance[i] += reliance_gain * (1 - reliance[i])
        health_left[i] = remaining[i]
        remaining[i] += favour_need[i]  # a favour goes to the household's ties and volunteers


@njit(cache=True)
def _formal_care(remaining, eligible, hours, formal, waiting, kept):
    """Formal care for eligible residents, pro rata to need, and the waiting they remember.

    Formal care's ``hours`` are shared over the eligible residents in proportion to their need
    (all of it when it suffices). A resident with an indicated need this week remembers the
    share of it left unserved (``waiting``, a moving average that keeps ``kept`` of itself a
    week); others forget theirs at the same pace. ``formal`` receives the hours given,
    ``remaining`` loses them (both in place).
    """
    total = 0.0
    for i in range(len(remaining)):
        if eligible[i]:
            total += remaining[i]
    share = min(1.0, hours / total) if total > 0 and hours > 0 else 0.0
    for i in range(len(remaining)):
        need = remaining[i]
        given = need * share if eligible[i] else 0.0
        formal[i] = given
        remaining[i] = need - given
        if eligible[i] and need > 0:
            waiting[i] = kept * waiting[i] + (1 - kept) * (1.0 - given / need)
        elif not eligible[i]:
            waiting[i] *= kept
