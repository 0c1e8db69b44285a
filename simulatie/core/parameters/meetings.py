"""Parameters of what happens at a meeting: who comes, who accepts, what it does to its group."""

from __future__ import annotations

from pydantic import BaseModel

from .declare import Role, param

__all__ = ["MeetingParameters"]


class MeetingParameters(BaseModel):
    """Who comes to a meeting, who talks with whom, and how a group grows or falls apart."""

    cosy_hours: float = param(
        1.0, ge=0, le=4, unit="hours", group="meetings", role=Role.CONTEXT,
        short_nl="Duur gezellig gesprek", short_en="Length of cosy talk",
        en="Shared hours of one conversation at a cosy gathering.",
        nl="Gedeelde uren van één gesprek op een gezellige bijeenkomst.",
    )
    task_hours: float = param(
        1.5, ge=0, le=4, unit="hours", group="meetings", role=Role.CONTEXT,
        short_nl="Duur samen werken", short_en="Length of joint work",
        en="Shared hours of working together on a task at a purposeful activity.",
        nl="Gedeelde uren van samen aan een taak werken bij een doelgerichte activiteit.",
    )
    conversations_per_meeting: int = param(
        3, ge=1, le=10, unit="conversations", group="meetings", role=Role.CONTEXT,
        short_nl="Gesprekken per bijeenkomst", short_en="Conversations per meeting",
        en="Conversations each attendee has per meeting.",
        nl="Gesprekken die elke bezoeker per bijeenkomst voert.",
    )
    member_attendance: float = param(
        0.75, ge=0, le=1, unit="chance", group="meetings", role=Role.CONTEXT,
        short_nl="Opkomst vaste deelnemers", short_en="Attendance of members",
        en="Chance that a member comes to a meeting (less when frail).",
        nl="Kans dat een vaste deelnemer naar een bijeenkomst komt (kleiner als kwetsbaar).",
    )
    member_drop_out: float = param(
        0.05, ge=0, le=1, unit="chance", group="meetings", role=Role.CONTEXT,
        short_nl="Afhaken van deelnemers", short_en="Drop-out of members",
        en="Chance that a member who missed a meeting stops considering themselves one.",
        nl="Kans dat een deelnemer die een bijeenkomst mist, afhaakt.",
    )
    walk_in_rate: float = param(
        0.02, ge=0, le=0.5, unit="1/week", group="meetings", role=Role.CONTEXT,
        short_nl="Kans op binnenlopen", short_en="Chance of walking in",
        en="Weekly chance that a sociable, connected neighbour walks in through an open door "
        "(myth 5).",
        nl="Wekelijkse kans dat een sociale, goed verbonden buur binnenloopt door de open deur.",
    )
    invites_per_organiser: float = param(
        2.0, ge=0, le=10, unit="invitations", group="meetings", role=Role.CONTEXT,
        short_nl="Uitnodigingen per organisator", short_en="Invitations per organiser",
        en="Personal invitations per organiser per meeting at full invitation effort.",
        nl="Persoonlijke uitnodigingen per organisator per bijeenkomst bij volle inzet.",
    )
    proximity_cells: float = param(
        12.0, ge=1, le=100, unit="cells", group="meetings", role=Role.CONTEXT,
        short_nl="Reikwijdte ontmoetingsplek", short_en="Reach of meeting places",
        en="Distance to a meeting place at which the willingness to come falls e-fold.",
        nl="Afstand tot een ontmoetingsplek waarop de bereidheid om te komen e-voudig daalt.",
    )
    storm_risk: float = param(
        0.06, ge=0, le=1, unit="chance", group="meetings", role=Role.CONTEXT,
        short_nl="Risico in de stormfase", short_en="Risk when storming",
        en="Chance per meeting in Tuckman's storming phase that an unsupported, diverse group "
        "falls apart (seed 003).",
        nl="Kans per bijeenkomst in de stormfase (Tuckman) dat een onbegeleide, gemengde groep "
        "uiteenvalt.",
    )
    max_attendance: int = param(
        40, ge=2, le=1000, unit="people", group="meetings", role=Role.CONTEXT,
        short_nl="Grootste opkomst", short_en="Largest attendance",
        en="People a meeting place holds; others who come are turned away that week (the first "
        "to arrive get in).",
        nl="Aantal mensen dat een ontmoetingsplek kan hebben; wie daarna komt, kan die week niet "
        "meer naar binnen (wie het eerst komt, komt erin).",
    )
    activity_evenings: float = param(
        2.0, ge=0.5, le=7, unit="evenings/week", group="meetings", role=Role.CONTEXT,
        short_nl="Avonden voor activiteiten", short_en="Evenings for activities",
        en="Evenings a week a resident has for activities: a member of more activities comes to "
        "each less often, and someone already in this many is less easily drawn into another.",
        nl="Avonden per week die een bewoner heeft voor activiteiten: wie lid is van meer "
        "activiteiten, komt naar elk minder vaak en laat zich minder makkelijk voor nog een "
        "activiteit vragen.",
    )
    walk_in_connected_ties: float = param(
        3.0, ge=1, le=20, unit="ties", group="meetings", role=Role.CONTEXT,
        short_nl="Banden voor binnenlopen", short_en="Ties to walk in",
        en="Friendly ties with which someone walks into an open meeting as readily as anyone "
        "can (fewer ties, less readily).",
        nl="Vriendschappelijke banden waarmee iemand even makkelijk een open bijeenkomst "
        "binnenloopt als wie dan ook (met minder banden minder makkelijk).",
    )
    walk_in_unconnected: float = param(
        0.2, ge=0, le=1, unit="share", group="meetings", role=Role.CONTEXT,
        short_nl="Binnenlopen zonder banden", short_en="Walking in unconnected",
        en="How readily someone without friendly ties walks in, as a share of how readily a "
        "well-connected neighbour does: the open door draws insiders (myth 5).",
        nl="Hoe makkelijk iemand zonder vriendschappelijke banden binnenloopt, als deel van hoe "
        "makkelijk een goed verbonden buur dat doet: de open deur trekt vooral wie er al bij "
        "hoort (mythe 5).",
    )
    invites_per_connecting_hour: float = param(
        0.5, ge=0, le=5, unit="invitations/hour", group="meetings", role=Role.CONTEXT,
        short_nl="Uitnodigingen per verbindingsuur", short_en="Invitations per connecting hour",
        en="Personal invitations to a meeting a professional makes per connecting hour they "
        "have for that activity.",
        nl="Persoonlijke uitnodigingen voor een bijeenkomst die een professional doet per uur "
        "verbinden dat die voor die activiteit heeft.",
    )
    invite_accept: float = param(
        0.35, ge=0, le=1, unit="chance", group="meetings", role=Role.CONTEXT,
        short_nl="Ingaan op uitnodiging", short_en="Accepting an invitation",
        en="Chance that an invited neighbour of average sociability who lives next to the "
        "meeting place accepts and comes (less further away, with less time and in a risky "
        "area).",
        nl="Kans dat een uitgenodigde buur met gemiddelde sociabiliteit die naast de "
        "ontmoetingsplek woont, ingaat op de uitnodiging en komt (minder verder weg, met minder "
        "tijd en in een onrustige buurt).",
    )
    sociability_base: float = param(
        0.5, ge=0, le=1, unit="0..1", group="meetings", role=Role.CONTEXT,
        short_nl="Basis voor ingaan", short_en="Base of accepting",
        en="An invitation is accepted with chance invite_accept × (this + sociability): the "
        "least sociable still come sometimes.",
        nl="Een uitnodiging wordt aangenomen met kans invite_accept × (dit + sociabiliteit): ook "
        "de minst sociale bewoners komen soms.",
    )
    risk_refuses_invitations: float = param(
        0.5, ge=0, le=1, unit="share", group="meetings", role=Role.CONTEXT,
        short_nl="Afgewezen uitnodigingen door risico", short_en="Invitations refused by risk",
        en="Share of personal invitations that full risk and conflict in the area (area_risk = "
        "1) turns down.",
        nl="Deel van de persoonlijke uitnodigingen dat volledige risico's en conflicten in de "
        "buurt (area_risk = 1) doen afwijzen.",
    )
    asked_to_do_hours: float = param(
        1.0, ge=0, le=10, unit="hours/week", group="meetings", role=Role.CONTEXT,
        short_nl="Tijd voor een taak", short_en="Time for a task",
        en="Hours a week one can give above which someone invited to a purposeful activity, "
        "asked to do a task, accepts more readily.",
        nl="Uren per week die iemand kan geven waarboven iemand die voor een doelgerichte "
        "activiteit gevraagd wordt iets te doen, eerder ja zegt.",
    )
    asked_to_do: float = param(
        1.5, ge=1, le=5, unit="factor", group="meetings", role=Role.CONTEXT,
        short_nl="Gevraagd iets te doen", short_en="Asked to do something",
        en="How many times as readily someone with that time accepts an invitation to do a task "
        "at a purposeful activity (seed 000: ask people to do something, not just to come).",
        nl="Hoeveel keer zo makkelijk iemand met die tijd ingaat op een uitnodiging om bij een "
        "doelgerichte activiteit iets te doen (seed 000: vraag mensen iets te doen, niet alleen "
        "te komen).",
        source="seed 000 (ask people to do something: direction); size assumption",
    )
    task_team_size: int = param(
        4, ge=1, le=40, unit="people", group="meetings", role=Role.CONTEXT,
        short_nl="Grootte van een taakgroepje", short_en="Task team size",
        en="People working together on one task at a purposeful activity; a member keeps their "
        "task team.",
        nl="Mensen die bij een doelgerichte activiteit samen aan één taak werken; een lid houdt "
        "zijn taakgroepje.",
    )
    stranger_weight: float = param(
        0.05, ge=0, le=1, unit="share", group="meetings", role=Role.CONTEXT,
        short_nl="Gewicht van een onbekende", short_en="Weight of a stranger",
        en="How likely one talks to a stranger at a cosy gathering (or to someone outside one's "
        "task team at a purposeful one), against someone one knows well or a team member.",
        nl="Hoe waarschijnlijk iemand bij een gezellige bijeenkomst met een onbekende praat (of "
        "bij een doelgerichte met iemand buiten het eigen taakgroepje), tegenover iemand die "
        "men goed kent of een teamgenoot.",
    )
    introductions_per_organiser: float = param(
        2.0, ge=0, le=10, unit="pairs", group="meetings", role=Role.CONTEXT,
        short_nl="Kennismakingen per organisator", short_en="Introductions per organiser",
        en="Pairs of different groups an organiser introduces to each other per meeting at full "
        "bridging_effort.",
        nl="Paren uit verschillende groepen die een organisator per bijeenkomst aan elkaar "
        "voorstelt bij volle bridging_effort.",
    )
    introductions_per_hour: float = param(
        2.0, ge=0, le=10, unit="pairs/hour", group="meetings", role=Role.CONTEXT,
        short_nl="Kennismakingen per verbindingsuur", short_en="Introductions per hour",
        en="Pairs of different groups a professional introduces to each other per connecting "
        "hour they have for the activity.",
        nl="Paren uit verschillende groepen die een professional aan elkaar voorstelt per uur "
        "verbinden dat die voor de activiteit heeft.",
    )
    ownership_growth: float = param(
        0.02, ge=0, le=0.2, unit="share", group="meetings", role=Role.CONTEXT,
        short_nl="Groei van eigenaarschap", short_en="Growth of ownership",
        en="Share of the ownership still to gain that a meeting adds to its attendees where "
        "residents run it and decide themselves (held back by the consumer role).",
        nl="Deel van het nog te winnen eigenaarschap dat een bijeenkomst oplevert waar bewoners "
        "zelf organiseren en beslissen (geremd door de consumentenrol).",
    )
    ownership_fade_served: float = param(
        0.01, ge=0, le=0.2, unit="share", group="meetings", role=Role.CONTEXT,
        short_nl="Verlies van eigenaarschap", short_en="Loss of ownership",
        en="Share of their ownership attendees lose at each meeting professionals run (the "
        "consumer role, seed 002).",
        nl="Deel van hun eigenaarschap dat deelnemers verliezen bij elke bijeenkomst die "
        "professionals draaien (de consumentenrol, seed 002).",
        source="seed 002 (the consumer role: direction); size assumption",
    )
    storming_after_meetings: int = param(
        4, ge=1, le=520, unit="meetings", group="meetings", role=Role.CONTEXT,
        short_nl="Begin van de stormfase", short_en="Start of storming",
        en="Meetings after which a group moves from forming to storming (Tuckman's phases, "
        "seed 003).",
        nl="Aantal bijeenkomsten waarna een groep van de vormfase naar de stormfase gaat "
        "(fasen van Tuckman, seed 003).",
        source="Tuckman 1965 via seed 003 (the phases); value assumption",
    )
    norming_after_meetings: int = param(
        12, ge=1, le=520, unit="meetings", group="meetings", role=Role.CONTEXT,
        short_nl="Begin van de normfase", short_en="Start of norming",
        en="Meetings after which a storming group moves on to norming (the storming risk ends).",
        nl="Aantal bijeenkomsten waarna een groep in de stormfase naar de normfase gaat (het "
        "risico van de stormfase houdt op).",
        source="Tuckman 1965 via seed 003 (the phases); value assumption",
    )
    performing_after_meetings: int = param(
        20, ge=1, le=520, unit="meetings", group="meetings", role=Role.CONTEXT,
        short_nl="Begin van de prestatiefase", short_en="Start of performing",
        en="Meetings after which a norming group moves on to performing.",
        nl="Aantal bijeenkomsten waarna een groep in de normfase naar de prestatiefase gaat.",
        source="Tuckman 1965 via seed 003 (the phases); value assumption",
    )
    storm_base: float = param(
        0.2, ge=0, le=1, unit="share", group="meetings", role=Role.CONTEXT,
        short_nl="Stormrisico zonder verschil", short_en="Base storming risk",
        en="Storming risk of a group of one kind in a calm area, as a share of storm_risk "
        "(diversity and area_risk add to it).",
        nl="Risico in de stormfase van een groep van één soort in een rustige buurt, als deel "
        "van storm_risk (verschillen en area_risk komen erbij).",
    )
    storm_support: float = param(
        0.5, ge=0, le=0.5, unit="share", group="meetings", role=Role.CONTEXT,
        short_nl="Steun in de stormfase", short_en="Support when storming",
        en="Share of the storming risk a second organiser takes away, and at most as much "
        "again that bridging and professionals' connecting hours take away (at most 0.5, so "
        "that the risk stays at least zero).",
        nl="Deel van het risico in de stormfase dat een tweede organisator wegneemt, en ten "
        "hoogste nog eens zoveel dat bruggen slaan en de verbindingsuren van professionals "
        "wegnemen.",
    )
    storm_support_per_hour: float = param(
        0.5, ge=0, le=5, unit="share", group="meetings", role=Role.CONTEXT,
        short_nl="Steun per verbindingsuur", short_en="Support per connecting hour",
        en="Share of the storming risk each connecting hour of the professionals per activity "
        "takes away (with bridging at most storm_support).",
        nl="Deel van het risico in de stormfase dat elk verbindingsuur van de professionals per "
        "activiteit wegneemt (samen met bruggen slaan ten hoogste storm_support).",
    )
    storm_energy: float = param(
        0.2, ge=0, le=1, unit="energy", group="meetings", role=Role.CONTEXT,
        short_nl="Energieverlies bij uiteenvallen", short_en="Energy lost at break-up",
        en="Energy each organiser loses when their group falls apart in the storming phase.",
        nl="Energie die elke organisator verliest als de groep in de stormfase uiteenvalt.",
    )
