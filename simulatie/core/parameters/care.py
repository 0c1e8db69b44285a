"""Parameters of care: formal capacity, asking for help, and helpers' capacity (draagkracht)."""

from __future__ import annotations

from pydantic import BaseModel

from .declare import Role, param

__all__ = ["CareParameters"]


class CareParameters(BaseModel):
    """Who asks whom, who can give, and how much formal care there is."""

    # --- strain and burnout of helpers (docs/odd.md 7.4) ----------------------------------------
    strain_kept_per_week: float = param(
        0.9, ge=0, le=1, unit="share", group="care", role=Role.CONTEXT,
        short_nl="Naijlen van belasting", short_en="Persistence of strain",
        en="Weekly persistence of a helper's strain, a moving average of hours given relative "
        "to draagkracht (0.9: the last ten weeks or so count).",
        nl="Deel van de belasting van een helper dat elke week blijft; belasting is een "
        "voortschrijdend gemiddelde van gegeven uren ten opzichte van de draagkracht.",
    )
    burnout_weeks: int = param(
        26, ge=1, le=104, unit="weeks", group="care", role=Role.CONTEXT,
        short_nl="Duur van een burn-out", short_en="Length of a burnout",
        en="Weeks a helper whose strain rose above 1 gives no help (overloaded informal carers "
        "withdraw).",
        nl="Weken dat een helper van wie de belasting boven 1 kwam geen hulp geeft "
        "(overbelaste mantelzorgers trekken zich terug).",
    )
    min_load_hours: float = param(
        0.5, ge=0.05, le=10, unit="hours/week", group="care", role=Role.CONTEXT,
        short_nl="Kleinste draagkracht voor belasting", short_en="Least draagkracht for load",
        en="Draagkracht is counted as at least this many hours a week when a helper's load is "
        "worked out: someone with almost no time to give is not overloaded by half an hour.",
        nl="Bij het berekenen van de belasting van een helper telt de draagkracht als minstens "
        "zoveel uur per week: wie bijna geen tijd heeft, raakt niet overbelast door een half uur.",
    )
    unmet_week_hours: float = param(
        0.5, ge=0, le=10, unit="hours/week", group="care", role=Role.CONTEXT,
        short_nl="Onvervulde zorg die telt", short_en="Unmet care that counts",
        en="Hours of unmet care (favours not counted) above which a week counts as a week of "
        "unmet need, which can move a frail resident to a care home.",
        nl="Uren onvervulde zorg (kleine gunsten niet meegeteld) waarboven een week telt als een "
        "week met onvervulde zorg, die een kwetsbare bewoner naar een verpleeghuis kan doen "
        "verhuizen.",
    )
    formal_care_hours: float = param(
        0.6, ge=0, le=10, unit="hours/week per resident", group="care", role=Role.LEVER,
        short_nl="Formele zorg per bewoner", short_en="Formal care per resident",
        en="Formal care capacity per resident per week (staff shortage lowers it).",
        nl="Capaciteit formele zorg per bewoner per week (personeelstekort verlaagt die).",
    )
    formal_care_frailty: float = param(
        0.3, ge=0, le=1, unit="0..1", group="care", role=Role.CONTEXT,
        short_nl="Drempel formele zorg", short_en="Threshold for formal care",
        en="Frailty from which formal care is indicated (LVB and psychiatric vulnerability are "
        "always indicated).",
        nl="Kwetsbaarheid vanaf welke formele zorg geïndiceerd is (LVB en psychische "
        "kwetsbaarheid altijd).",
    )
    partner_care_hours: float = param(
        10.0, ge=0, le=40, unit="hours/week", group="care", role=Role.CONTEXT,
        short_nl="Zorg door partner", short_en="Care by a partner",
        en="Hours a week a healthy partner cares for the other in the home before anyone else "
        "is asked (usual care, 'gebruikelijke zorg'); less as the carer grows frail. Caring for a "
        "partner uses the carer's own time to give to others (draagkracht).",
        nl="Uren per week die een gezonde partner thuis voor de ander zorgt voordat iemand anders "
        "wordt gevraagd (gebruikelijke zorg); minder naarmate de zorgende kwetsbaarder is. Zorg "
        "voor de partner gaat af van de tijd die de zorgende aan anderen kan geven.",
        source="CBS 2019: a third of 70-89 live alone; hours: assumption",
    )
    family_care_hours: float = param(
        4.0, ge=0, le=20, unit="hours/week", group="care", role=Role.CONTEXT,
        short_nl="Zorg door familie", short_en="Care by family",
        en="Hours a week each relative living elsewhere within reach gives, at most, to a resident "
        "(or their partner) in need, after formal care (CBS 2024: 37% of children of a parent "
        "80+ gave mantelzorg; mantelzorgers give 11.8 h/week on average).",
        nl="Uren per week die elk familielid dat elders binnen bereik woont hoogstens geeft aan "
        "een bewoner (of diens partner) met zorgvraag, na de formele zorg.",
        source="CBS 2021 (11.8 h/week), CBS 2024 (37% of children of 80+ parents); share: "
        "assumption",
    )
    ask_threshold: float = param(
        0.5, ge=0, le=1, unit="share", group="care", role=Role.CONTEXT,
        short_nl="Vraagverlegenheid", short_en="Reluctance to ask",
        en="Average reluctance to ask for help (vraagverlegenheid, Linders 2010).",
        nl="Gemiddelde drempel om hulp te vragen (vraagverlegenheid, Linders 2010).",
        source="Linders 2010 (level: assumption)",
        plausible=(0.1, 0.8),
        plausible_source="weak: Linders 2010 (vraagverlegenheid); a Red Cross poll [secondary]: "
        "9% of people 70+ readily ask a stranger, most ask people they know",
    )
    waiting_push: float = param(
        0.3, ge=0, le=1, unit="share", group="care", role=Role.CONTEXT,
        short_nl="Druk van wachten", short_en="Push from waiting",
        en="How much waiting for formal care (the share of one's indicated need it left "
        "unserved lately) lowers the threshold to ask a neighbour.",
        nl="Hoeveel wachten op formele zorg (het deel van de geïndiceerde vraag dat die de "
        "laatste tijd liet liggen) de drempel verlaagt om een buur te vragen.",
    )
    reciprocity_weight: float = param(
        0.2, ge=0, le=1, unit="share", group="care", role=Role.CONTEXT,
        short_nl="Gewicht van wederkerigheid", short_en="Weight of reciprocity",
        en="How much having helped someone before makes it easier to ask them, and owing them "
        "harder (Gouldner 1960; seed 000: first give, then take).",
        nl="Hoeveel eerder geholpen hebben het makkelijker maakt om iemand te vragen, en "
        "iemand iets schuldig zijn moeilijker (eerst geven, dan nemen).",
        source="Gouldner 1960 (size: assumption)",
    )
    offer_rate: float = param(
        0.3, ge=0, le=1, unit="share", group="care", role=Role.CONTEXT,
        short_nl="Hulp aanbieden", short_en="Offering help",
        en="Chance, per unit of tie strength, that someone who met a resident in need at an "
        "activity in the last four weeks notices it and offers help unasked (seed 000: "
        "'offering help or a chat'; omkijken naar elkaar).",
        nl="Kans (per eenheid sterkte van de band) dat iemand die een bewoner met een "
        "hulpvraag de laatste vier weken bij een activiteit zag, dat opmerkt en uit zichzelf "
        "hulp aanbiedt (omkijken naar elkaar).",
        source="seed 000 (size: assumption)",
    )
    open_ended_hours: float = param(
        4.0, ge=0, le=40, unit="hours/week", group="care", role=Role.CONTEXT,
        short_nl="Grens open zorgvraag", short_en="Open-ended need limit",
        en="Hours of need at which a neighbour who is asked is half as willing as for something "
        "small: people help readily with a bounded errand and hold back from a need that could "
        "swallow them, so formal care that carries the heavy part makes neighbours more willing "
        "(crowding in at the light margin; Brandt, SHARE; Geerts & Van den Bosch 2012). 0 = no "
        "such limit.",
        nl="Uren zorgvraag waarbij een gevraagde buur half zo bereid is als voor iets kleins: "
        "mensen helpen graag met een begrensd klusje en houden zich in bij een vraag die hen kan "
        "opslokken, dus formele zorg die het zware deel draagt maakt buren bereidwilliger. 0 = "
        "geen grens.",
        source="Brandt (SHARE); Geerts & Van den Bosch 2012 (direction); size: assumption",
    )
    staff_connect_rate: float = param(
        0.05, ge=0, le=1, unit="1/week", group="care", role=Role.CONTEXT,
        short_nl="Verbinden door zorgmedewerkers", short_en="Connecting by care staff",
        en="Weekly chance that the care staff who visit a resident with formal care, when they "
        "have time (formal care covers what is indicated), notice that the resident is alone "
        "and introduce them to a neighbour who can help (signaleren en verbinden; seed 000: a "
        "signalling role because staff are always there).",
        nl="Wekelijkse kans dat zorgmedewerkers die een bewoner met formele zorg bezoeken, als ze "
        "er tijd voor hebben (de formele zorg dekt wat geïndiceerd is), opmerken dat de bewoner "
        "alleen is en hem in contact brengen met een buur die kan helpen (signaleren en "
        "verbinden).",
        source="seed 000 (Willem Klooslaan: signalling role of staff); size: assumption",
    )
    helper_capacity_hours: float = param(
        3.0, ge=0, le=20, unit="hours/week", group="care", role=Role.CONTEXT,
        short_nl="Draagkracht", short_en="Capacity to help",
        en="Average hours per week a healthy adult can give to others on arrival (draagkracht).",
        nl="Gemiddeld aantal uren per week dat een gezonde volwassene bij aankomst kan geven "
        "(draagkracht).",
        plausible=(1.0, 8.0),
        plausible_source="CBS 2020 (Vrijwilligerswerk en welzijn): 4.5 h a week per volunteer; "
        "CBS 2021: 11.8 h a week per mantelzorger; a ceiling for neighbours in between",
    )
    carer_stretch: float = param(
        1.6, ge=1, le=4, unit="factor", group="care", role=Role.CONTEXT,
        short_nl="Rek van mantelzorgers", short_en="Stretch of carers",
        en="For someone close, a helper gives up to this multiple of their capacity "
        "(mantelzorg), which builds strain.",
        nl="Voor iemand dichtbij geeft een helper tot dit veelvoud van zijn draagkracht "
        "(mantelzorg), wat belasting opbouwt.",
    )
    capacity_growth: float = param(
        0.01, ge=0, le=0.2, unit="1/week", group="care", role=Role.CONTEXT,
        short_nl="Groei draagkracht", short_en="Growth of capacity",
        en="Weekly growth of draagkracht, towards its ceiling (draagkracht_max: 1.5 times its "
        "level on arrival), in weeks of engagement (helping within one's means, organising, "
        "taking part).",
        nl="Wekelijkse groei van de draagkracht, tot het plafond (draagkracht_max: anderhalf keer "
        "het niveau bij aankomst), in weken van betrokkenheid (helpen binnen je mogelijkheden, "
        "organiseren, meedoen).",
    )
    capacity_loss: float = param(
        0.05, ge=0, le=0.5, unit="1/week", group="care", role=Role.CONTEXT,
        short_nl="Verlies draagkracht", short_en="Loss of capacity",
        en="Weekly loss of draagkracht, per unit of overload (this week's hours given above "
        "one's draagkracht), down to its floor (draagkracht_min_divisor: a third of its level on "
        "arrival).",
        nl="Wekelijks verlies van draagkracht per eenheid overbelasting (deze week meer uren "
        "gegeven dan de draagkracht), tot de bodem (draagkracht_min_divisor: een derde van het "
        "niveau bij aankomst).",
    )
    draagkracht_max: float = param(
        1.5, ge=1, le=5, unit="factor", group="care", role=Role.CONTEXT,
        short_nl="Plafond draagkracht", short_en="Ceiling of capacity",
        en="Multiple of its level on arrival to which draagkracht can grow with engagement "
        "(Musick & Wilson 2008: volunteering builds capacity).",
        nl="Veelvoud van het niveau bij aankomst tot waar de draagkracht kan groeien door "
        "betrokkenheid.",
        source="Musick & Wilson 2008 (direction); value: assumption",
    )
    draagkracht_min_divisor: float = param(
        3.0, ge=1, le=10, unit="factor", group="care", role=Role.CONTEXT,
        short_nl="Bodem draagkracht", short_en="Floor of capacity",
        en="Overload can wear draagkracht down to its level on arrival divided by this (3: to a "
        "third); 1 = never below its level on arrival.",
        nl="Overbelasting kan de draagkracht terugbrengen tot het niveau bij aankomst gedeeld "
        "door dit getal (3: tot een derde); 1 = nooit onder het niveau bij aankomst.",
        source="seed 002 (draaglast exceeding draagkracht: direction); value: assumption",
    )
    draagkracht_drift: float = param(
        0.005, ge=0, le=0.2, unit="1/week", group="care", role=Role.CONTEXT,
        short_nl="Terugkeer draagkracht", short_en="Return of capacity",
        en="Weekly drift of draagkracht back to its level on arrival, as a share of the gap, in "
        "weeks without engagement.",
        nl="Wekelijkse terugkeer van de draagkracht naar het niveau bij aankomst, als deel van "
        "het verschil, in weken zonder betrokkenheid.",
    )
    # --- asking one's own ties (docs/odd.md 7.9, step 5) -------------------------------------
    ask_softness: float = param(
        0.08, ge=0.01, le=1, unit="share", group="care", role=Role.CONTEXT,
        short_nl="Spreiding van durven vragen", short_en="Spread of asking",
        en="Spread of the decisions to ask a tie and to come forward to volunteers around one's "
        "threshold to ask: the smaller, the more the decision follows courage against threshold "
        "alone (a logistic choice).",
        nl="Spreiding van de beslissing om een band te vragen of naar vrijwilligers toe te "
        "stappen rond de eigen drempel: hoe kleiner, hoe meer die alleen van moed tegen drempel "
        "afhangt (een logistische keuze).",
    )
    network_rounds: int = param(
        3, ge=1, le=20, unit="ties", group="care", role=Role.CONTEXT,
        short_nl="Banden gevraagd per week", short_en="Ties asked per week",
        en="Willing ties a resident in need turns to in a week at most, strongest first, one "
        "after the other for what is still needed.",
        nl="Hoeveel bereidwillige banden een bewoner met een hulpvraag per week hoogstens "
        "vraagt, de sterkste eerst, na elkaar voor wat nog nodig is.",
    )
    credit_scale_hours: float = param(
        2.0, ge=0.1, le=20, unit="hours", group="care", role=Role.CONTEXT,
        short_nl="Schaal van tegoed", short_en="Scale of credit",
        en="Hours of credit with a tie (hours given minus received, fading) at which "
        "reciprocity has three quarters of its full effect on asking and willingness "
        "(tanh(credit / this)).",
        nl="Uren tegoed bij een band (gegeven min ontvangen uren, vervagend) waarbij "
        "wederkerigheid driekwart van haar volle effect op vragen en bereidheid heeft.",
    )
    notice_weeks: int = param(
        4, ge=1, le=8, unit="weeks", group="care", role=Role.CONTEXT,
        short_nl="Weken tot opmerken", short_en="Weeks to notice",
        en="Weeks after talking at an activity within which a tie notices one's need and may "
        "offer help unasked (at most the eight weeks a tie remembers meeting).",
        nl="Weken na een gesprek bij een activiteit waarin een band iemands hulpvraag opmerkt "
        "en uit zichzelf hulp kan aanbieden (hoogstens de acht weken die een band onthoudt).",
    )
    trust_base: float = param(
        0.5, ge=0, le=2, unit="share", group="care", role=Role.CONTEXT,
        short_nl="Basis van durven vragen", short_en="Base of courage",
        en="The courage to ask grows with tie strength × (this + trust): a strong tie counts "
        "even at low trust.",
        nl="De moed om te vragen groeit met de sterkte van de band × (dit + vertrouwen): een "
        "sterke band telt ook bij weinig vertrouwen.",
    )
    willing_base: float = param(
        0.3, ge=0, le=1, unit="chance", group="care", role=Role.CONTEXT,
        short_nl="Bereidheid van een vreemde", short_en="Willingness of a stranger",
        en="Chance that an asked tie of no strength is willing to help with something small "
        "(this + willing_strength × strength: a stranger three times in ten).",
        nl="Kans dat een gevraagde band zonder sterkte bereid is met iets kleins te helpen "
        "(dit + willing_strength × sterkte: een vreemde drie keer op tien).",
        plausible=(0.1, 0.7),
        plausible_source="weak: Levine et al. 2001 (strangers helped in 40-93% of brief "
        "requests), Univé/GfK 2015 (86% would run errands for a frail neighbour); an hour's "
        "favour for a stranger lower",
    )
    willing_strength: float = param(
        0.7, ge=0, le=1, unit="chance", group="care", role=Role.CONTEXT,
        short_nl="Bereidheid door sterkte", short_en="Willingness from strength",
        en="Chance of willingness an asked tie gains per unit of strength (with willing_base, "
        "the closest tie always helps with something small).",
        nl="Kans op bereidheid die een gevraagde band per eenheid sterkte erbij krijgt (met "
        "willing_base helpt de naaste band altijd met iets kleins).",
    )
    # --- the household and formal care (docs/odd.md 7.9, steps 1-2) -------------------------
    household_load_kept: float = param(
        0.9, ge=0, le=1, unit="share", group="care", role=Role.CONTEXT,
        short_nl="Geheugen van partnerzorg", short_en="Memory of partner care",
        en="Weekly persistence of the moving average of the time a carer spends on their "
        "partner, which is taken off what they can give to others.",
        nl="Deel van het lopende gemiddelde van de tijd die iemand aan de partner besteedt dat "
        "elke week blijft; dat gaat af van wat die aan anderen kan geven.",
    )
    capacity_frailty_power: int = param(
        2, ge=0, le=4, unit="power", group="care", role=Role.CONTEXT,
        short_nl="Kwetsbaarheid en draagkracht", short_en="Frailty and draagkracht",
        en="The hours someone can give (draagkracht) are multiplied by (1 − their frailty) to "
        "this power: 2 lets them fall faster than frailty grows; 0 = frailty does not limit "
        "them.",
        nl="De uren die iemand kan geven (draagkracht) worden vermenigvuldigd met (1 − "
        "kwetsbaarheid) tot deze macht: 2 laat ze sneller dalen dan de kwetsbaarheid stijgt; "
        "0 = geen grens.",
    )
    partner_care_power: int = param(
        2, ge=0, le=4, unit="power", group="care", role=Role.CONTEXT,
        short_nl="Kwetsbaarheid en partnerzorg", short_en="Frailty and partner care",
        en="A partner cares up to partner_care_hours × (1 − the carer's frailty) to this power: "
        "2 lets care fall faster than frailty grows; 0 = frailty does not limit it.",
        nl="Een partner zorgt tot partner_care_hours × (1 − kwetsbaarheid van de zorgende) tot "
        "deze macht: 2 laat de zorg sneller dalen dan de kwetsbaarheid stijgt; 0 = geen grens.",
    )
    waiting_kept: float = param(
        0.9, ge=0, le=1, unit="share", group="care", role=Role.CONTEXT,
        short_nl="Geheugen van wachten", short_en="Memory of waiting",
        en="Weekly persistence of a resident's memory of waiting for formal care (0.9: about "
        "ten weeks).",
        nl="Deel van de herinnering aan wachten op formele zorg dat elke week blijft (0,9: "
        "ongeveer tien weken).",
    )
    able_to_help_hours: float = param(
        1.0, ge=0, le=10, unit="hours/week", group="care", role=Role.CONTEXT,
        short_nl="Tijd om te helpen", short_en="Time to help",
        en="A near neighbour with more than this many hours to give this week is one care "
        "staff (or a professional asked to connect someone) suggest to a resident who is alone.",
        nl="Een buur met meer dan zoveel uren te geven deze week is iemand die zorgmedewerkers "
        "(of een professional die iemand moet verbinden) voorstellen aan een bewoner die alleen "
        "is.",
    )
    # --- volunteers: coming forward and matching (docs/odd.md 7.9, step 6) ------------------
    passive_tries: int = param(
        2, ge=1, le=20, unit="people", group="volunteers", role=Role.CONTEXT,
        short_nl="Vrijwilligers geprobeerd (passief)", short_en="Volunteers tried (passive)",
        en="Volunteers a service desk tries for a request from someone who came forward, with "
        "passive matching or without professionals.",
        nl="Vrijwilligers die een loket probeert voor een hulpvraag van iemand die zich meldde, "
        "bij passief koppelen of zonder professionals.",
    )
    active_tries: int = param(
        5, ge=1, le=20, unit="people", group="volunteers", role=Role.CONTEXT,
        short_nl="Vrijwilligers geprobeerd (actief)", short_en="Volunteers tried (active)",
        en="Volunteers a matcher who knows them tries for a request, with active matching while "
        "professionals work here.",
        nl="Vrijwilligers die een koppelaar die hen kent probeert voor een hulpvraag, bij actief "
        "koppelen zolang er professionals zijn.",
    )
    introduction_hours: float = param(
        1.0, ge=0, le=10, unit="hours", group="volunteers", role=Role.CONTEXT,
        short_nl="Duur van een kennismaking", short_en="Length of an introduction",
        en="Shared hours of the first meeting a matcher, care staff or a professional asked to "
        "connect someone arranges.",
        nl="Gedeelde uren van de eerste ontmoeting die een koppelaar, een zorgmedewerker of een "
        "professional die iemand moet verbinden regelt.",
    )
    platform_fit: float = param(
        0.2, ge=0, le=1, unit="chance", group="volunteers", role=Role.CONTEXT,
        short_nl="Betere match via platform", short_en="Better fit via platform",
        en="Added chance that a request fits a volunteer when the one asking uses the digital "
        "platform (they describe it better).",
        nl="Extra kans dat een hulpvraag bij een vrijwilliger past als de vrager het digitale "
        "platform gebruikt (die beschrijft de vraag beter).",
    )
    platform_threshold: float = param(
        0.2, ge=0, le=1, unit="share", group="volunteers", role=Role.CONTEXT,
        short_nl="Lagere drempel via platform", short_en="Lower threshold via platform",
        en="How much the digital platform lowers the threshold to come forward for a resident "
        "who uses it (posting a request is easier than asking in person).",
        nl="Hoeveel het digitale platform de drempel om je te melden verlaagt voor een bewoner "
        "die het gebruikt (een vraag plaatsen is makkelijker dan persoonlijk vragen).",
    )
    come_forward_trust: float = param(
        0.45, ge=0, le=2, unit="factor", group="volunteers", role=Role.CONTEXT,
        short_nl="Vertrouwen om te melden", short_en="Trust to come forward",
        en="Coming forward to a volunteer scheme takes courage this × trust against one's "
        "threshold to ask (at average trust and threshold, about one in five with need comes "
        "forward on their own).",
        nl="Je melden bij een vrijwilligersproject vraagt moed: dit × vertrouwen tegen de eigen "
        "drempel (bij gemiddeld vertrouwen en gemiddelde drempel meldt ongeveer een op de vijf "
        "met een hulpvraag zich zelf).",
    )
    sought_refusal: float = param(
        0.5, ge=0, le=1, unit="factor", group="volunteers", role=Role.CONTEXT,
        short_nl="Weigeren van een bezoek", short_en="Declining a visit",
        en="Someone a professional seeks out declines with chance this × their threshold to "
        "ask.",
        nl="Iemand die een professional opzoekt, weigert met kans dit × de eigen drempel om te "
        "vragen.",
    )
