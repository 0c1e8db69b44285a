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
