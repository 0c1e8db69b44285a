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
    )
    frailty_rate: float = param(
        0.0012, ge=0, le=0.01, unit="1/week", group="population", role=Role.CONTEXT,
        short_nl="Groei kwetsbaarheid", short_en="Growth of frailty",
        en="Mean weekly growth of frailty at age 75; it grows e-fold every 8 years of age "
        "(exponential hazard, as in Gostoli & Silverman's social-care model).",
        nl="Gemiddelde wekelijkse toename van kwetsbaarheid op 75 jaar; die verdubbelt ruwweg "
        "elke 5,5 levensjaar.",
    )
    frail_need_hours: float = param(
        14.0, ge=0, le=60, unit="hours/week", group="care", role=Role.CONTEXT,
        short_nl="Zorgvraag bij kwetsbaarheid", short_en="Care need when frail",
        en="Weekly care need (draaglast) of a fully frail resident on top of their group's "
        "baseline need (levels as in Gostoli & Silverman: 8-80 h/week).",
        nl="Wekelijkse zorgvraag (draaglast) van een volledig kwetsbare bewoner bovenop de "
        "basisvraag van zijn groep.",
    )
    need_scale: float = param(
        1.0, ge=0, le=5, unit="factor", group="care", role=Role.CONTEXT,
        short_nl="Schaal zorgvraag", short_en="Care need factor",
        en="Multiplies everyone's weekly care need (draaglast).",
        nl="Vermenigvuldigt ieders wekelijkse zorgvraag (draaglast).",
    )
