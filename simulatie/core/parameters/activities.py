"""Parameters of the activities at meeting places: how many, how often, of what kind."""

from __future__ import annotations

from pydantic import BaseModel

from .declare import AS_DEFAULT, Role, param

__all__ = ["ActivityParameters"]


class ActivityParameters(BaseModel):
    """Which activities there are, where and how often, and when they end."""

    initiators: int = param(
        2, ge=0, le=1000, unit="residents", group="activities", role=Role.LEVER, baseline=0,
        short_nl="Kartrekkers", short_en="Initiators",
        en="Initiators (kartrekkers) who start organising at week 0.",
        nl="Kartrekkers die op week 0 beginnen met organiseren.",
    )
    activity_interval_weeks: int = param(
        1, ge=1, le=52, unit="weeks", group="activities", role=Role.LEVER, baseline=AS_DEFAULT,
        short_nl="Weken tussen bijeenkomsten", short_en="Weeks between meetings",
        en="Weeks between two meetings of an activity (1 = weekly).",
        nl="Weken tussen twee bijeenkomsten van een activiteit (1 = wekelijks).",
    )
    one_off_events: bool = param(
        False, unit="yes/no", group="activities", role=Role.LEVER, baseline=AS_DEFAULT,
        short_nl="Eenmalige evenementen", short_en="One-off events",
        en="Activities are one-off events that meet once, instead of recurring.",
        nl="Activiteiten zijn eenmalige evenementen in plaats van terugkerend.",
    )
    purposeful_share: float = param(
        0.3, ge=0, le=1, unit="share", group="activities", role=Role.LEVER, baseline=AS_DEFAULT,
        short_nl="Aandeel doelgerichte activiteiten", short_en="Share of purposeful activities",
        en="Share of activities with tasks and roles rather than cosy social gatherings (myth 7).",
        nl="Aandeel activiteiten met taken en rollen in plaats van gezellig samenzijn (mythe 7).",
    )
    invitation_effort: float = param(
        0.3, ge=0, le=1, unit="share", group="activities", role=Role.LEVER, baseline=AS_DEFAULT,
        short_nl="Inzet voor uitnodigen", short_en="Invitation effort",
        en="0 = an open door only; 1 = organisers invite neighbours personally and purposefully "
        "(myth 5).",
        nl="0 = alleen een open deur; 1 = organisatoren nodigen buren persoonlijk en gericht uit.",
    )
    bridging_effort: float = param(
        0.2, ge=0, le=1, unit="share", group="activities", role=Role.LEVER, baseline=AS_DEFAULT,
        short_nl="Inzet voor verbinden", short_en="Bridging effort",
        en="Effort to connect people across groups at activities (myth 4).",
        nl="Inzet om mensen uit verschillende groepen met elkaar te verbinden (mythe 4).",
    )
    government_responsiveness: float = param(
        0.6, ge=0, le=1, unit="chance", group="activities", role=Role.LEVER, baseline=AS_DEFAULT,
        short_nl="Ontvankelijke gemeente", short_en="Responsive council",
        en="Chance that the council approves and gives room to a resident plan (seed 002, "
        "seed 003 case 3).",
        nl="Kans dat de gemeente een bewonersplan goedkeurt en ruimte geeft.",
    )
    area_risk: float = param(
        0.0, ge=0, le=1, unit="share", group="activities", role=Role.CONTEXT,
        short_nl="Risico en conflict", short_en="Risk and conflict",
        en="Risk and conflict in the area: doors stay shut, trust is low, groups quarrel.",
        nl="Risico en conflict in de buurt: deuren blijven dicht, weinig vertrouwen, ruzie.",
        source="seed 000 (Willem Klooslaan), seed 003 case 1",
    )
    place_sessions: int = param(
        10, ge=1, le=21, unit="sessions/week", group="activities", role=Role.CONTEXT,
        short_nl="Dagdelen per ontmoetingsplek", short_en="Sessions per meeting place",
        en="Weekly sessions a meeting place can host (mornings and evenings); a weekly activity "
        "books one, a monthly one a quarter. A limit of the room that is rarely reached.",
        nl="Dagdelen per week dat een ontmoetingsplek activiteiten kan hebben (ochtenden en "
        "avonden); een wekelijkse activiteit gebruikt er één, een maandelijkse een kwart.",
        source="assumption (a room's week)",
    )
    min_attendees: int = param(
        3, ge=1, le=40, unit="people", group="activities", role=Role.CONTEXT,
        short_nl="Minimale opkomst", short_en="Fewest attendees",
        en="A meeting with fewer people than this is nearly empty.",
        nl="Een bijeenkomst met minder mensen dan dit is bijna leeg.",
    )
    give_up_after_quiet: int = param(
        4, ge=1, le=52, unit="meetings", group="activities", role=Role.CONTEXT,
        short_nl="Stoppen na lege bijeenkomsten", short_en="Giving up when empty",
        en="Nearly empty meetings in a row after which the organisers give a resident-run "
        "activity up (they stop what nobody comes to).",
        nl="Aantal bijna lege bijeenkomsten op rij waarna de organisatoren een activiteit van "
        "bewoners opgeven (ze stoppen met waar niemand komt).",
    )
    keeper_team: int = param(
        2, ge=1, le=10, unit="people", group="activities", role=Role.CONTEXT,
        short_nl="Beheergroep", short_en="Keeper team",
        en="Organisers who take over keeping a meeting place from the project together (a "
        "beheergroep); replacing a resident keeper takes one.",
        nl="Organisatoren die samen het beheer van een ontmoetingsplek van het project "
        "overnemen (een beheergroep); een bewoner als beheerder vervangen kan met één.",
    )
    unsupported_handover: float = param(
        0.25, ge=0, le=1, unit="share", group="activities", role=Role.CONTEXT,
        short_nl="Overname zonder steun", short_en="Handover without support",
        en="Share of the full handover chance that organisers reach without professionals' "
        "support, and after the funding ended (0.25: four times slower; the paperwork and the "
        "talks with the owner go faster with someone who knows the way).",
        nl="Deel van de volle kans op overname van het beheer dat organisatoren halen zonder "
        "steun van professionals, en na het einde van de financiering (0,25: vier keer zo "
        "langzaam).",
    )
    grace_weeks: int = param(
        13, ge=0, le=104, unit="weeks", group="activities", role=Role.CONTEXT,
        short_nl="Opzegtermijn ontmoetingsplek", short_en="Meeting place notice",
        en="Weeks a meeting place nobody keeps stays open while its users look for a keeper (a "
        "quarter's notice); then it closes.",
        nl="Weken dat een ontmoetingsplek zonder beheerder open blijft terwijl de gebruikers een "
        "beheerder zoeken (een kwartaal opzegtermijn); daarna gaat ze dicht.",
    )
