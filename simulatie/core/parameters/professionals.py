"""Parameters of professional support: hours, style, takeover and funding."""

from __future__ import annotations

from pydantic import BaseModel

from .choices import Funding, GuidanceStyle
from .declare import AS_DEFAULT, Role, param

__all__ = ["ProfessionalParameters"]


class ProfessionalParameters(BaseModel):
    """Welfare and community workers: how many, how long, and how they work."""

    professionals: int = param(
        1, ge=0, le=200, unit="people", group="professionals", role=Role.LEVER, baseline=0,
        short_nl="Welzijnswerkers", short_en="Professionals",
        en="Welfare or community workers active in the neighbourhood from week 0.",
        nl="Welzijns- of opbouwwerkers die vanaf week 0 in de buurt actief zijn.",
    )
    professional_hours: float = param(
        16.0, ge=0, le=40, unit="hours/week", group="professionals", role=Role.LEVER,
        baseline=AS_DEFAULT,
        short_nl="Uren per professional", short_en="Hours per professional",
        en="Hours per week each professional spends in the neighbourhood.",
        nl="Uren per week die elke professional in de buurt besteedt.",
    )
    takeover: float = param(
        0.3, ge=0, le=1, unit="share", group="professionals", role=Role.LEVER, baseline=AS_DEFAULT,
        short_nl="Overnemen door professionals", short_en="Takeover by professionals",
        en="Share of professional time spent doing the work themselves instead of facilitating.",
        nl="Deel van de professionele tijd dat zelf wordt uitgevoerd in plaats van gefaciliteerd.",
    )
    guidance_style: GuidanceStyle = param(
        GuidanceStyle.PARTICIPATIVE, unit="choice", group="professionals", role=Role.LEVER,
        baseline=AS_DEFAULT,
        short_nl="Begeleidingsstijl", short_en="Guidance style",
        en="The professional's guidance style on the participation wheel (Pröpper 2009).",
        nl="Begeleidingsstijl van de professional op het participatiewiel (Pröpper 2009).",
    )
    funding: Funding = param(
        Funding.STRUCTURAL, unit="choice", group="professionals", role=Role.LEVER,
        baseline=AS_DEFAULT,
        short_nl="Financiering", short_en="Funding",
        en="Structural support, or a pilot whose professionals leave after the pilot weeks.",
        nl="Structurele steun, of een pilot waarna de professionals vertrekken.",
    )
    pilot_weeks: int = param(
        104, ge=1, le=1560, unit="weeks", group="professionals", role=Role.LEVER,
        baseline=AS_DEFAULT,
        short_nl="Duur van de pilot", short_en="Length of the pilot",
        en="Length of a pilot before its funding stops.",
        nl="Duur van een pilot voordat de financiering stopt.",
    )
    takeover_rate: float = param(
        0.01, ge=0, le=0.5, unit="1/week", group="professionals", role=Role.CONTEXT,
        short_nl="Kans op overnemen", short_en="Chance of taking over",
        en="Weekly chance, times takeover squared, that professionals who do the work step into "
        "a resident-run activity (seed 002 obstacles).",
        nl="Wekelijkse kans (maal takeover in het kwadraat) dat uitvoerende professionals een "
        "bewonersactiviteit naar zich toe trekken.",
    )
    crowding_out: float = param(
        0.03, ge=0, le=0.5, unit="energy/week", group="professionals", role=Role.CONTEXT,
        short_nl="Verdringing", short_en="Crowding out",
        en="Weekly loss of an organiser's drive, per unit of takeover, while professionals do "
        "the work in their activity: controlling help crowds out motivation (Frey & Jegen 2001).",
        nl="Wekelijks verlies aan drive van een organisator (per eenheid takeover) zolang "
        "professionals het werk in diens activiteit doen: verdringing (Frey & Jegen 2001).",
        source="Frey & Jegen 2001 (size: assumption)",
    )
    hours_per_meeting: float = param(
        3.0, ge=0.5, le=20, unit="hours", group="professionals", role=Role.CONTEXT,
        short_nl="Uren per bijeenkomst", short_en="Hours per meeting",
        en="Professional hours one meeting costs when professionals run the activity.",
        nl="Professionele uren die één bijeenkomst kost als professionals de activiteit draaien.",
    )
    hours_per_match: float = param(
        0.5, ge=0.05, le=5, unit="hours", group="professionals", role=Role.CONTEXT,
        short_nl="Uren per koppeling", short_en="Hours per match",
        en="Professional hours to find one help-seeker and arrange a first meeting with a "
        "volunteer (active matching).",
        nl="Professionele uren om één hulpvrager te vinden en een kennismaking met een "
        "vrijwilliger te regelen (actief koppelen).",
    )
    reliance_gain: float = param(
        0.05, ge=0, le=1, unit="share", group="professionals", role=Role.CONTEXT,
        short_nl="Groei consumentenrol", short_en="Growth of reliance",
        en="How much a meeting that professionals run, or a week of their care, moves a resident "
        "towards the consumer role: leaving the work to professionals (seed 002 obstacles).",
        nl="Hoeveel een bijeenkomst die professionals draaien, of een week van hun zorg, een "
        "bewoner naar de consumentenrol schuift: het werk aan professionals overlaten.",
        source="seed 002 (size: assumption)",
    )
    reliance_recovery: float = param(
        0.01, ge=0, le=1, unit="1/week", group="professionals", role=Role.CONTEXT,
        short_nl="Wegebben consumentenrol", short_en="Fading of reliance",
        en="Weekly fading of the consumer role once professionals no longer do the work (0.01: "
        "half gone in about 70 weeks). While it lasts, residents grow less ownership and are "
        "less willing to organise, take over or volunteer.",
        nl="Wekelijks wegebben van de consumentenrol zodra professionals het werk niet meer "
        "doen (0,01: na ongeveer 70 weken gehalveerd). Zolang die er is, groeit er minder "
        "eigenaarschap en zijn bewoners minder bereid te organiseren, over te nemen of "
        "vrijwilliger te worden.",
        source="assumption",
    )
    # --- how facilitating and doing hours work (docs/odd.md 7.7.2, 7.8) -------------------------
    initiator_support_hours: float = param(
        4.0, ge=0.5, le=40, unit="hours/week", group="professionals", role=Role.CONTEXT,
        short_nl="Steun per kartrekker", short_en="Support per initiator",
        en="Weekly initiator-support hours that fully back one initiator (or the handover of "
        "one meeting place to residents); fewer hours back them in proportion.",
        nl="Uren steun per week waarmee één kartrekker (of het overdragen van één "
        "ontmoetingsplek aan bewoners) volledig gesteund is; minder uren naar verhouding.",
    )
    own_activities_share: float = param(
        0.5, ge=0, le=1, unit="share", group="professionals", role=Role.CONTEXT,
        short_nl="Eigen activiteiten professionals", short_en="Professionals' own activities",
        en="Share of the professionals' doing hours they budget for activities of their own; "
        "the rest is for stepping into residents' activities and for direct care.",
        nl="Deel van de uitvoerende uren dat professionals begroten voor eigen activiteiten; "
        "de rest is voor het overnemen van activiteiten van bewoners en voor directe zorg.",
    )
