"""Parameters of activities at meeting places and of the initiators who run them."""

from __future__ import annotations

from pydantic import BaseModel

from .declare import AS_DEFAULT, Role, param

__all__ = ["ActivityParameters"]


class ActivityParameters(BaseModel):
    """Who organises, who comes, and what happens at a meeting."""

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
    # --- what happens at a meeting (context assumptions) ------------------------------------
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
    # --- who comes, who accepts, and what a meeting does to its group (docs/odd.md 7.7.3–7.7.6)
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
    # --- initiators (kartrekkers) -----------------------------------------------------------
    organiser_share: float = param(
        0.15, ge=0, le=1, unit="share", group="initiators", role=Role.CONTEXT,
        short_nl="Aandeel mogelijke organisatoren", short_en="Share of possible organisers",
        en="Share of residents who would take on organising at all (the '9' of 1-9-90: a small "
        "core does the work; NCVO: 7-14% help run an activity); only they become kartrekkers, "
        "co-organisers or successors.",
        nl="Aandeel bewoners dat überhaupt zou willen organiseren (de '9' van 1-9-90: een "
        "kleine kern doet het werk); alleen zij worden kartrekker, mede-organisator of "
        "opvolger.",
        source="1-9-90 (Denters et al. 2013; P2Pvalue); NCVO 2018-2022 (7-14%)",
    )
    initiator_rate: float = param(
        0.002, ge=0, le=0.1, unit="1/week", group="initiators", role=Role.CONTEXT,
        short_nl="Nieuwe kartrekkers", short_en="New initiators",
        en="Weekly chance, per unit of willingness (ownership, less in the consumer role), that an "
        "engaged resident with the disposition starts an activity of their own where their "
        "street is not yet reached (seed 002: build on where the energy is); calibrated so that "
        "the initiators stay between 0.3% and 3% of residents (1-9-90).",
        nl="Wekelijkse kans (per eenheid bereidheid: eigenaarschap, minder in de consumentenrol) "
        "dat een betrokken bewoner die wil organiseren een eigen activiteit begint waar de "
        "straat nog niet bereikt is; zo gekozen dat 0,3% tot 3% van de bewoners kartrekker is.",
        source="calibrated: 1-9-90 (Denters et al. 2013; P2Pvalue), band 0.3-3%",
    )
    initiator_work_drain: float = param(
        0.045, ge=0, le=0.5, unit="energy/week", group="initiators", role=Role.CONTEXT,
        short_nl="Energie voor organiseren", short_en="Energy for organising",
        en="Weekly energy an activity costs its organisers, shared between them (seed 002: "
        "one kartrekker alone burns out).",
        nl="Wekelijkse energie die een activiteit haar organisatoren kost, gedeeld door hen.",
    )
    initiator_recovery: float = param(
        0.012, ge=0, le=0.2, unit="energy/week", group="initiators", role=Role.CONTEXT,
        short_nl="Herstel van kartrekkers", short_en="Recovery of initiators",
        en="Weekly recovery of an initiator's energy, and extra recovery per co-organiser.",
        nl="Wekelijks herstel van de energie van een kartrekker, en extra herstel per "
        "mede-organisator.",
    )
    turnout_reward: float = param(
        0.02, ge=0, le=0.2, unit="energy/week", group="initiators", role=Role.CONTEXT,
        short_nl="Energie uit opkomst", short_en="Energy from turnout",
        en="Weekly energy an initiator gains from a full turnout (less with a smaller one).",
        nl="Wekelijkse energie die een kartrekker krijgt van een volle opkomst.",
    )
    rejection_energy: float = param(
        0.3, ge=0, le=1, unit="energy", group="initiators", role=Role.CONTEXT,
        short_nl="Verlies bij afwijzing", short_en="Loss at rejection",
        en="Energy an initiator loses when the council turns a plan down (seed 003 case 3).",
        nl="Energie die een kartrekker verliest als de gemeente een plan afwijst.",
    )
    organiser_fatigue: float = param(
        0.003, ge=0, le=0.05, unit="fatigue/week", group="initiators", role=Role.CONTEXT,
        short_nl="Vermoeidheid organisator", short_en="Organiser fatigue",
        en="Fatigue a week of running an activity alone adds to an organiser (shared by a team); "
        "fatigue builds over years, slows their recovery and fades only slowly after they stop "
        "(UvH 2019: kartrekkers go on for years, then successors are hard to find).",
        nl="Vermoeidheid die een week een activiteit alleen trekken een organisator bezorgt "
        "(gedeeld in een team); die bouwt zich over jaren op, remt het herstel en zakt na "
        "het stoppen maar langzaam weg.",
        source="UvH 2019 (Van der Harst, Bredewold & Tonkens): qualitative; size: assumption",
    )
    organiser_life_events: float = param(
        0.1, ge=0, le=1, unit="1/year", group="initiators", role=Role.CONTEXT,
        short_nl="Stoppen om levensredenen", short_en="Stopping for life reasons",
        en="Yearly chance that an organiser stops for a reason in their own life (work, caring "
        "for a parent, illness), besides moving away.",
        nl="Jaarlijkse kans dat een organisator stopt om een reden in het eigen leven (werk, "
        "zorg voor een ouder, ziekte), naast verhuizen.",
        source="assumption (NCVO Time Well Spent: life changes are the main reason to stop)",
    )
    upkeep_drain: float = param(
        0.02, ge=0, le=0.3, unit="energy/week", group="initiators", role=Role.CONTEXT,
        short_nl="Energie voor beheer", short_en="Energy for upkeep",
        en="Weekly energy keeping a meeting place costs the residents who took it over (rent, "
        "keys, cleaning, grant applications), shared between them (seed 002: every project must "
        "find its own funding).",
        nl="Wekelijkse energie die het beheer van een ontmoetingsplek kost aan de bewoners die "
        "het overnamen (huur, sleutels, schoonmaak, subsidieaanvragen), gedeeld door hen.",
        source="seed 002 (size: assumption)",
    )
    handover_rate: float = param(
        0.02, ge=0, le=0.5, unit="1/week", group="initiators", role=Role.CONTEXT,
        short_nl="Overdracht aan bewoners", short_en="Handover to residents",
        en="Weekly chance, at full professional support for initiators, that organisers with a "
        "strong sense of ownership take over keeping a meeting place from the project (a "
        "beheergroep), so that it stays open when the funding ends.",
        nl="Wekelijkse kans, bij volle professionele steun aan kartrekkers, dat organisatoren "
        "met veel eigenaarschap het beheer van een ontmoetingsplek van het project overnemen "
        "(een beheergroep), zodat die open blijft als de financiering stopt.",
    )
    co_organiser_yes: float = param(
        0.2, ge=0, le=1, unit="chance", group="initiators", role=Role.CONTEXT,
        short_nl="Ja tegen meeorganiseren", short_en="Yes to co-organising",
        en="Chance, per unit of willingness (ownership, less in the consumer role), that a member "
        "asked to join the organising team says yes (seed 002: at least two kartrekkers are "
        "needed; SCP 2014: few are ever asked).",
        nl="Kans (per eenheid bereidheid: eigenaarschap, minder in de consumentenrol) dat een "
        "deelnemer die gevraagd wordt mee te organiseren ja zegt.",
        source="seed 002; SCP 2014 (size: assumption)",
    )
    # --- ownership and engagement (docs/odd.md 7.12) -----------------------------------------
    ownership_baseline: float = param(
        0.2, ge=0, le=1, unit="0..1", group="initiators", role=Role.CONTEXT,
        short_nl="Basisniveau eigenaarschap", short_en="Baseline ownership",
        en="Level to which ownership (the sense of ownership of local initiatives) drifts back "
        "in residents who do not run things.",
        nl="Niveau waarnaar het eigenaarschap (het gevoel dat lokale initiatieven van jezelf "
        "zijn) terugzakt bij bewoners die niets trekken.",
    )
    ownership_drift: float = param(
        0.005, ge=0, le=0.2, unit="1/week", group="initiators", role=Role.CONTEXT,
        short_nl="Terugkeer eigenaarschap", short_en="Return of ownership",
        en="Weekly drift of ownership back to its baseline, as a share of the gap.",
        nl="Wekelijkse terugkeer van het eigenaarschap naar het basisniveau, als deel van het "
        "verschil.",
    )
    role_ownership: float = param(
        0.01, ge=0, le=0.2, unit="1/week", group="initiators", role=Role.CONTEXT,
        short_nl="Eigenaarschap door een rol", short_en="Ownership from a role",
        en="Weekly growth of ownership, as a share of the gap to 1, while a resident is a "
        "volunteer or an initiator.",
        nl="Wekelijkse groei van het eigenaarschap, als deel van het verschil tot 1, zolang een "
        "bewoner vrijwilliger of kartrekker is.",
    )
    activity_memory: float = param(
        0.95, ge=0, le=1, unit="share", group="initiators", role=Role.CONTEXT,
        short_nl="Geheugen voor activiteiten", short_en="Memory of activities",
        en="Weekly persistence of the fading count of activities a resident attended, which "
        "makes them engaged enough to start an activity of their own.",
        nl="Deel van de vervagende telling van bezochte activiteiten dat elke week blijft; die "
        "telling bepaalt of een bewoner betrokken genoeg is om zelf iets te beginnen.",
    )
    # --- running activities and organising teams (docs/odd.md 7.7) ---------------------------
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
    max_organisers: int = param(
        3, ge=2, le=10, unit="people", group="initiators", role=Role.CONTEXT,
        short_nl="Grootste organisatieteam", short_en="Largest organising team",
        en="Largest organising team (kartrekkers) of one activity; more would-be organisers "
        "start an activity of their own (seed 002: at least two; Denters et al. 2013: a small "
        "core carries the work). One of the numbers that set the long-run state.",
        nl="Grootste organisatieteam (kartrekkers) van één activiteit; wie daarna nog wil "
        "organiseren, begint een eigen activiteit. Een van de getallen die bepalen waar het model "
        "op den duur uitkomt.",
        source="seed 002 (at least two); Denters et al. 2013 (a small core: the idea); value: "
        "assumption",
    )
    retry_weeks: int = param(
        26, ge=1, le=104, unit="weeks", group="initiators", role=Role.CONTEXT,
        short_nl="Wachttijd na afwijzing", short_en="Wait after rejection",
        en="Weeks before an initiator whose plan the council turned down, or the organisers of "
        "a one-off event (professionals too), organise again.",
        nl="Weken voordat een kartrekker van wie de gemeente een plan afwees, of de organisatoren "
        "van een eenmalig evenement (ook professionals), weer iets organiseren.",
    )
    engaged_ownership: float = param(
        0.4, ge=0, le=1, unit="0..1", group="initiators", role=Role.CONTEXT,
        short_nl="Eigenaarschap om te organiseren", short_en="Ownership to organise",
        en="Ownership above which a resident with the organiser disposition is engaged enough to "
        "start organising.",
        nl="Eigenaarschap waarboven een bewoner die wil organiseren betrokken genoeg is om zelf "
        "iets te beginnen.",
    )
    engaged_hours: float = param(
        1.0, ge=0, le=10, unit="hours/week", group="initiators", role=Role.CONTEXT,
        short_nl="Tijd om te organiseren", short_en="Time to organise",
        en="Hours a week one can give above which a resident may start organising, be asked to "
        "join an organising team or step up as successor.",
        nl="Uren per week die iemand kan geven waarboven een bewoner iets kan beginnen, gevraagd "
        "kan worden mee te organiseren of als opvolger kan instappen.",
    )
    engaged_activities: float = param(
        2.0, ge=0, le=20, unit="activities", group="initiators", role=Role.CONTEXT,
        short_nl="Activiteiten om te organiseren", short_en="Activities to organise",
        en="Fading count of activities attended (see activity_memory) above which a resident is "
        "engaged enough to start organising.",
        nl="Vervagende telling van bezochte activiteiten (zie activity_memory) waarboven een "
        "bewoner betrokken genoeg is om zelf iets te beginnen.",
    )
    # --- initiators' energy, stopping and starting (docs/odd.md 7.11) ------------------------
    support_recovery: float = param(
        0.02, ge=0, le=0.2, unit="energy/week", group="initiators", role=Role.CONTEXT,
        short_nl="Herstel door steun", short_en="Recovery from support",
        en="Weekly energy an initiator gains from a full week of professional backing (less "
        "with a smaller share of the support hours).",
        nl="Wekelijkse energie die een kartrekker krijgt van een volle week professionele steun "
        "(minder bij een kleiner deel van de steunuren).",
    )
    energy_noise: float = param(
        0.01, ge=0, le=0.1, unit="energy/week", group="initiators", role=Role.CONTEXT,
        short_nl="Schommeling van energie", short_en="Noise in energy",
        en="Standard deviation of an initiator's weekly ups and downs of energy.",
        nl="Standaardafwijking van de wekelijkse schommelingen in de energie van een kartrekker.",
    )
    support_boost_hours: float = param(
        8.0, ge=1, le=40, unit="hours/week", group="initiators", role=Role.CONTEXT,
        short_nl="Steun die starters verdubbelt", short_en="Support doubling starters",
        en="Weekly initiator-support hours of the professionals that double the chance that "
        "engaged residents start something of their own.",
        nl="Uren per week steun aan kartrekkers van de professionals die de kans verdubbelen dat "
        "betrokken bewoners zelf iets beginnen.",
    )
    starting_hours: float = param(
        1.0, ge=0, le=10, unit="hours/week", group="initiators", role=Role.CONTEXT,
        short_nl="Tijd van eerste kartrekkers", short_en="Time of first initiators",
        en="Hours a week one can give above which a resident can be one of the initiators who "
        "start at week 0.",
        nl="Uren per week die iemand kan geven waarboven een bewoner een van de kartrekkers kan "
        "zijn die op week 0 beginnen.",
    )
    idle_weeks_to_stop: int = param(
        26, ge=1, le=104, unit="weeks", group="initiators", role=Role.CONTEXT,
        short_nl="Stoppen zonder activiteit", short_en="Stopping without activity",
        en="Weeks in a row without an activity to run after which an initiator stops.",
        nl="Weken op rij zonder activiteit om te trekken waarna een kartrekker stopt.",
    )
    fatigue_fade: float = param(
        0.005, ge=0, le=0.2, unit="1/week", group="initiators", role=Role.CONTEXT,
        short_nl="Wegzakken van vermoeidheid", short_en="Fading of fatigue",
        en="Weekly fading of an organiser's fatigue once they no longer organise, as a share "
        "(0.005: half in about 2.7 years).",
        nl="Wekelijks wegzakken van de vermoeidheid van een organisator zodra die niet meer "
        "organiseert, als deel (0,005: de helft in ongeveer 2,7 jaar).",
    )
    initiator_start_energy: float = param(
        0.8, ge=0, le=1, unit="energy", group="initiators", role=Role.CONTEXT,
        short_nl="Startenergie kartrekker", short_en="Starting energy of initiators",
        en="Energy of a resident who becomes an initiator (at week 0, starting something of "
        "their own, joining a team or stepping up as successor).",
        nl="Energie van een bewoner die kartrekker wordt (op week 0, met iets eigens, door mee "
        "te organiseren of als opvolger).",
    )
    initiator_start_ownership: float = param(
        0.6, ge=0, le=1, unit="0..1", group="initiators", role=Role.CONTEXT,
        short_nl="Eigenaarschap nieuwe kartrekker", short_en="Ownership of new initiators",
        en="Ownership a new initiator feels at least (theirs is raised to this if lower).",
        nl="Eigenaarschap dat een nieuwe kartrekker minstens voelt (een lager eigenaarschap "
        "wordt hiertoe verhoogd).",
    )
