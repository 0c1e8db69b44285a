"""Parameters of the initiators (kartrekkers) who run activities: energy, teams, stopping."""

from __future__ import annotations

from pydantic import BaseModel

from .declare import Role, param

__all__ = ["InitiatorParameters"]


class InitiatorParameters(BaseModel):
    """Who organises, with whom, how long their energy lasts, and when they stop."""

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
        plausible=(0.0002, 0.02),
        plausible_log=True,
        plausible_source="assumption, wide: the only figure is the fitted initiator share "
        "(1-9-90), so a decade either side of the default",
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
