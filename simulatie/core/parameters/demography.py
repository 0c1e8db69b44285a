"""Parameters of ageing, frailty, moving and care need (*draaglast*)."""

from __future__ import annotations

from pydantic import BaseModel

from .declare import Role, param

__all__ = ["DemographyParameters"]


class DemographyParameters(BaseModel):
    """How residents age, grow frail, move and need care."""

    ageing_trend: float = param(
        0.0, ge=0, le=1, unit="share", group="population", role=Role.CONTEXT,
        short_nl="Vergrijzing", short_en="Ageing",
        en="Vergrijzing: 0 = the age structure stays at its steady state; 1 = from week 0 it "
        "moves towards the CBS projection for 2040 (80+ from 1 in 21 to 1 in 12) within 20 "
        "years, as older residents stay longer and more older people move in.",
        nl="Vergrijzing: 0 = de leeftijdsopbouw blijft in evenwicht; 1 = vanaf week 0 schuift "
        "die in 20 jaar op naar de CBS-prognose voor 2040 (80+ van 1 op 21 naar 1 op 12), "
        "doordat ouderen langer blijven wonen en er meer ouderen bij komen.",
        source="CBS/WOZO ageing projection 2040",
    )
    turnover_per_year: float = param(
        0.08, ge=0, le=0.5, unit="1/year", group="population", role=Role.CONTEXT,
        short_nl="Verhuizingen per jaar", short_en="Moves per year",
        en="Chance per year that a household moves out (a newcomer moves in).",
        nl="Kans per jaar dat een huishouden verhuist (er komt een nieuwkomer voor in de plaats).",
        plausible=(0.04, 0.14),
        plausible_source="CBS moves (about 11% of people a year, 2016-2017) and Aedes 2005 "
        "(8.8-10% of rented homes a year), less deaths and several people per move",
    )
    frailty_rate: float = param(
        0.0012, ge=0, le=0.01, unit="1/week", group="population", role=Role.CONTEXT,
        short_nl="Groei kwetsbaarheid", short_en="Growth of frailty",
        en="Mean weekly growth of frailty at age 75; it grows e-fold every 8 years of age "
        "(exponential hazard, as in Gostoli & Silverman's social-care model).",
        nl="Gemiddelde wekelijkse toename van kwetsbaarheid op 75 jaar; die verdubbelt ruwweg "
        "elke 5,5 levensjaar.",
        plausible=(0.0002, 0.004),
        plausible_source="assumption, wide: the form is Gostoli & Silverman's, the value is not "
        "measured; the frailty of people 75+ in the GGD health monitors (target 15) constrains it",
        plausible_log=True,
    )
    frail_need_hours: float = param(
        14.0, ge=0, le=60, unit="hours/week", group="care", role=Role.CONTEXT,
        short_nl="Zorgvraag bij kwetsbaarheid", short_en="Care need when frail",
        en="Weekly care need (draaglast) of a fully frail resident on top of their group's "
        "baseline need (levels as in Gostoli & Silverman: 8-80 h/week).",
        nl="Wekelijkse zorgvraag (draaglast) van een volledig kwetsbare bewoner bovenop de "
        "basisvraag van zijn groep.",
        plausible=(8.0, 60.0),
        plausible_source="Gostoli & Silverman's care-need levels (8-80 h a week); CBS 2020: "
        "receivers of mantelzorg get about 18 h a week",
    )
    need_scale: float = param(
        1.0, ge=0, le=5, unit="factor", group="care", role=Role.CONTEXT,
        short_nl="Schaal zorgvraag", short_en="Care need factor",
        en="Multiplies everyone's weekly care need (draaglast).",
        nl="Vermenigvuldigt ieders wekelijkse zorgvraag (draaglast).",
        plausible=(0.5, 2.5),
        plausible_source="weak: CBS 2021 mantelzorg (12.3% of adults, 11.8 h a week) against the "
        "model's need at scale 1 (roughly 0.9-2.6), widened down",
    )
    gompertz_a: float = param(
        1.7e-5, ge=1e-6, le=1e-4, unit="1/year", group="population", role=Role.CONTEXT,
        short_nl="Sterftekans bij leeftijd 0", short_en="Mortality at age 0",
        en="Yearly mortality hazard at age 0 of the Gompertz curve (before frailty); with "
        "gompertz_b it gives about 5% a year at 80 and 14% at 90.",
        nl="Sterftekans per jaar op leeftijd 0 van de Gompertz-curve (zonder kwetsbaarheid); "
        "samen met de groei per levensjaar geeft dat ongeveer 5% per jaar op 80 en 14% op 90.",
        source="assumption, set by eye against Dutch life tables (about 5%/year at 80, 14% at "
        "90); not a fit",
    )
    gompertz_b: float = param(
        0.10, ge=0.05, le=0.15, unit="1/year", group="population", role=Role.CONTEXT,
        short_nl="Groei sterftekans per jaar", short_en="Mortality growth per year",
        en="Growth of the yearly mortality hazard per year of age (Gompertz).",
        nl="Groei van de sterftekans per levensjaar (Gompertz).",
        source="assumption, set with gompertz_a against Dutch life tables; not a fit",
    )
    frailty_mortality: float = param(
        2.0, ge=0, le=10, unit="factor", group="population", role=Role.CONTEXT,
        short_nl="Sterfte door kwetsbaarheid", short_en="Mortality from frailty",
        en="A fully frail resident's (or partner's) mortality is (1 + this) times as high.",
        nl="De sterftekans van een volledig kwetsbare bewoner (of partner) is (1 + dit) keer "
        "zo hoog.",
    )
    frailty_age_scale: float = param(
        8.0, ge=4, le=16, unit="years", group="population", role=Role.CONTEXT,
        short_nl="Leeftijdsschaal kwetsbaarheid", short_en="Frailty age scale",
        en="Years of age over which the growth of frailty rises e-fold; also sets how frail "
        "newcomers arrive.",
        nl="Levensjaren waarin de groei van kwetsbaarheid e-voudig toeneemt; bepaalt ook hoe "
        "kwetsbaar nieuwkomers aankomen.",
        source="form from Gostoli & Silverman's social-care model; value assumption",
    )
    arrival_frail_age: float = param(
        95.0, ge=70, le=120, unit="years", group="population", role=Role.CONTEXT,
        short_nl="Leeftijd kwetsbaar bij aankomst", short_en="Age frail on arrival",
        en="A newcomer (or partner) this old arrives with frailty drawn uniformly up to 1; "
        "younger newcomers arrive less frail, by exp((age − this) / frailty_age_scale).",
        nl="Een nieuwkomer (of partner) van deze leeftijd komt aan met een kwetsbaarheid die "
        "willekeurig tot 1 kan zijn; jongere nieuwkomers zijn minder kwetsbaar.",
    )
    arrival_frailty_max: float = param(
        0.95, ge=0.5, le=1, unit="0..1", group="population", role=Role.CONTEXT,
        short_nl="Hoogste kwetsbaarheid bij aankomst", short_en="Highest frailty on arrival",
        en="Nobody (resident or partner) arrives frailer than this.",
        nl="Niemand (bewoner of partner) komt kwetsbaarder aan dan dit.",
    )
    care_home_frailty: float = param(
        0.8, ge=0.5, le=1, unit="0..1", group="population", role=Role.CONTEXT,
        short_nl="Kwetsbaarheid verpleeghuis", short_en="Care-home frailty",
        en="Frailty above which a resident whose needs stay unmet moves to a care home.",
        nl="Kwetsbaarheid waarboven een bewoner van wie de zorgvraag onbeantwoord blijft naar "
        "een verpleeghuis verhuist.",
    )
    care_home_unmet_weeks: int = param(
        26, ge=1, le=208, unit="weeks", group="population", role=Role.CONTEXT,
        short_nl="Weken onvervuld voor verpleeghuis", short_en="Care-home unmet weeks",
        en="Weeks of unmet need after which such a resident moves to a care home.",
        nl="Weken onvervulde zorgvraag waarna zo'n bewoner naar een verpleeghuis verhuist.",
    )
    care_home_weekly: float = param(
        0.05, ge=0, le=1, unit="chance", group="population", role=Role.CONTEXT,
        short_nl="Kans verpleeghuis per week", short_en="Care-home chance per week",
        en="Smallest weekly chance of that move.",
        nl="Kleinste kans per week op die verhuizing.",
    )
    ageing_in_place: float = param(
        0.7, ge=0, le=1, unit="share", group="population", role=Role.CONTEXT,
        short_nl="Ouderen blijven wonen", short_en="Ageing in place",
        en="Largest fall in the moving-out rate of residents 65+ under full vergrijzing "
        "(ageing_trend = 1), reached after 20 years.",
        nl="Grootste daling van de verhuiskans van bewoners van 65+ bij volle vergrijzing, "
        "bereikt na 20 jaar.",
        source="assumption, set with older_inflow_rise so that the 80+ share rises ×1.73 in 20 "
        "years (CBS projection: ×1.75); the split between the two routes is an assumption",
    )
    older_inflow_rise: float = param(
        1.2, ge=0, le=5, unit="factor", group="population", role=Role.CONTEXT,
        short_nl="Meer oudere nieuwkomers", short_en="More older newcomers",
        en="Largest rise in the weight of older newcomers under full vergrijzing "
        "(ageing_trend = 1), reached after 20 years.",
        nl="Grootste toename van het gewicht van oudere nieuwkomers bij volle vergrijzing, "
        "bereikt na 20 jaar.",
        source="assumption, set with ageing_in_place (see there)",
    )
    need_shape: float = param(
        2.0, ge=0.5, le=20, unit="factor", group="care", role=Role.CONTEXT,
        short_nl="Spreiding zorgvraag per week", short_en="Weekly spread of need",
        en="Shape of the Gamma distribution of a week's care need (resident's and partner's) "
        "around its mean: lower means weeks differ more.",
        nl="Vorm van de Gamma-verdeling van de zorgvraag in een week rond het gemiddelde: lager "
        "betekent dat weken meer verschillen.",
    )
    sociability_concentration: float = param(
        4.0, ge=0.5, le=50, unit="factor", group="population", role=Role.CONTEXT,
        short_nl="Gelijkheid gezelligheid in groep", short_en="Sociability within groups",
        en="How closely newcomers' sociability lies around their group's mean: the Beta "
        "distribution's shapes are this × the mean + 0.5 and this × (1 − mean) + 0.5.",
        nl="Hoe dicht de gezelligheid van nieuwkomers bij het gemiddelde van hun groep ligt.",
    )
    trust_spread: float = param(
        0.1, ge=0, le=0.5, unit="0..1", group="population", role=Role.CONTEXT,
        short_nl="Spreiding vertrouwen", short_en="Spread of trust",
        en="Standard deviation of a newcomer's trust around their group's mean.",
        nl="Standaardafwijking van het vertrouwen van een nieuwkomer rond het gemiddelde van "
        "de groep.",
    )
    trust_floor: float = param(
        0.05, ge=0, le=0.5, unit="0..1", group="population", role=Role.CONTEXT,
        short_nl="Minste vertrouwen", short_en="Least trust",
        en="Nobody arrives with less trust than this.",
        nl="Niemand komt met minder vertrouwen dan dit.",
    )
    area_risk_distrust: float = param(
        0.5, ge=0, le=1, unit="share", group="population", role=Role.CONTEXT,
        short_nl="Minder vertrouwen door onrust", short_en="Distrust from unrest",
        en="Share by which full risk and conflict in the area (area_risk = 1) lowers the trust "
        "newcomers arrive with.",
        nl="Deel waarmee volle onrust en conflict in de buurt (area_risk = 1) het vertrouwen "
        "van nieuwkomers verlaagt.",
    )
    ownership_on_arrival: float = param(
        0.2, ge=0, le=1, unit="0..1", group="population", role=Role.CONTEXT,
        short_nl="Eigenaarschap bij aankomst", short_en="Ownership on arrival",
        en="Mean sense of ownership of the neighbourhood that newcomers arrive with.",
        nl="Gemiddeld gevoel van eigenaarschap voor de buurt waarmee nieuwkomers aankomen.",
    )
    ownership_spread: float = param(
        0.05, ge=0, le=0.5, unit="0..1", group="population", role=Role.CONTEXT,
        short_nl="Spreiding eigenaarschap", short_en="Spread of ownership",
        en="Standard deviation of a newcomer's sense of ownership around its mean.",
        nl="Standaardafwijking van het eigenaarschap van een nieuwkomer rond het gemiddelde.",
    )
    ask_threshold_spread: float = param(
        0.15, ge=0, le=0.5, unit="0..1", group="population", role=Role.CONTEXT,
        short_nl="Spreiding vraagverlegenheid", short_en="Spread of ask threshold",
        en="Standard deviation of a newcomer's threshold to ask (vraagverlegenheid) around "
        "their group's mean.",
        nl="Standaardafwijking van de vraagverlegenheid van een nieuwkomer rond het gemiddelde "
        "van de groep.",
    )
    draagkracht_spread: float = param(
        0.5, ge=0, le=2, unit="factor", group="population", role=Role.CONTEXT,
        short_nl="Spreiding draagkracht", short_en="Spread of draagkracht",
        en="Sigma of the LogNormal(0, sigma) factor on a newcomer's draagkracht (time and "
        "energy to help).",
        nl="Spreiding (sigma van een lognormale verdeling) van de draagkracht van nieuwkomers.",
    )
    second_relative_share: float = param(
        0.5, ge=0, le=1, unit="share", group="population", role=Role.CONTEXT,
        short_nl="Twee familieleden dichtbij", short_en="Two relatives nearby",
        en="Share of the households with family within reach that have two relatives there "
        "rather than one.",
        nl="Deel van de huishoudens met familie in de buurt dat er twee familieleden heeft in "
        "plaats van één.",
    )
