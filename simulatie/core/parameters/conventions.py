"""Measurement conventions: how outcomes are counted, and how long the spin-up runs."""

from __future__ import annotations

from pydantic import BaseModel

from .choices import History
from .declare import Role, param

__all__ = ["ConventionParameters"]


class ConventionParameters(BaseModel):
    """Definitions of loneliness, caring ties and emergence, and the spin-up's length."""

    lonely_below_ties: int = param(
        1, ge=1, le=10, unit="ties", group="measures", role=Role.CONVENTION,
        short_nl="Grens voor eenzaam", short_en="Threshold for lonely",
        en="A resident with fewer friendly or caring ties in the neighbourhood than this counts "
        "as lonely (1: no close tie in the neighbourhood at all; a partner and family elsewhere "
        "do not count: this measures the part of loneliness a caring community works on; "
        "docs/calibration.md).",
        nl="Een bewoner met minder vriendelijke of zorgzame banden in de buurt dan dit telt als "
        "eenzaam (1: geen enkele hechte band in de buurt).",
    )
    circle_helpers: int = param(
        2, ge=1, le=10, unit="people", group="measures", role=Role.CONVENTION,
        short_nl="Helpers voor een zorgcirkel", short_en="Helpers for a circle",
        en="Helpers (not kin: neighbours, friends in the neighbourhood, volunteers) around a "
        "frail resident that make a circle of care.",
        nl="Helpers (geen familie: buren, vrienden in de buurt, vrijwilligers) rond een "
        "kwetsbare bewoner die samen een zorgcirkel vormen.",
        source="assumption (the path-dependence issue's community-level measure: at least two "
        "non-kin helpers)",
    )
    mantelzorg_hours: float = param(
        2.0, ge=0, le=20, unit="hours/week", group="measures", role=Role.CONVENTION,
        short_nl="Uren voor mantelzorg", short_en="Hours for mantelzorg",
        en="Weekly hours of informal care from which a resident with a health-related need "
        "counts as receiving mantelzorg.",
        nl="Uren informele zorg per week vanaf waar een bewoner met een zorgvraag telt als "
        "iemand die mantelzorg krijgt.",
        source="assumption (the least a survey respondent would call mantelzorg; CBS 2020 "
        "reports 18 h a week on average)",
    )
    caring_help_weeks: int = param(
        3, ge=1, le=26, unit="weeks", group="measures", role=Role.CONVENTION,
        short_nl="Hulpweken voor zorgzaam", short_en="Help weeks for caring",
        en="A friendly tie is caring when help went over it in at least this many different "
        "weeks of the caring window (monthly help keeps it caring, one favour does not), or "
        "when help went both ways within the window.",
        nl="Een vriendelijke band is zorgzaam als er in het zorgvenster in minstens zoveel "
        "verschillende weken over is geholpen (maandelijkse hulp houdt hem zorgzaam, één "
        "gunst niet), of als er binnen het venster over en weer is geholpen.",
        source="Wellman & Wortley 1990; Plickert, Côté & Wellman 2007",
    )
    caring_window_weeks: int = param(
        26, ge=4, le=64, unit="weeks", group="measures", role=Role.CONVENTION,
        short_nl="Zorgvenster", short_en="Caring window",
        en="The window within which help counts towards a caring tie (half a year).",
        nl="Het venster waarbinnen hulp meetelt voor een zorgzame band (een half jaar).",
    )
    emergence_margin: float = param(
        0.05, ge=0.01, le=0.5, unit="share", group="measures", role=Role.CONVENTION,
        short_nl="Marge voor ontstaan", short_en="Margin for emergence",
        en="Caring ties have emerged when the share of residents with one exceeds the same "
        "neighbourhood without the intervention (same seed) by at least this, for a quarter "
        "of a year.",
        nl="Zorgzame banden zijn ontstaan als het aandeel bewoners met zo'n band minstens "
        "zoveel hoger ligt dan in dezelfde buurt zonder de interventie (zelfde seed), een "
        "kwartaal lang.",
    )
    spin_up_history: History = param(
        History.OWN, unit="choice", group="measures", role=Role.CONVENTION,
        short_nl="Voorgeschiedenis", short_en="History before week 0",
        en="Levers without a value for 'nothing organised' (formal care capacity) act in the "
        "spin-up too ('own': the neighbourhood has lived with them for years) or start at week "
        "0 from a spin-up at their defaults ('cut': two arms of a comparison share one history "
        "and differ only from week 0 on).",
        nl="Knoppen zonder waarde voor 'niets georganiseerd' (capaciteit formele zorg) werken "
        "ook in de aanloop ('own': de buurt leeft er al jaren mee) of beginnen op week 0 na een "
        "aanloop met hun standaardwaarde ('cut': twee armen van een vergelijking delen één "
        "voorgeschiedenis en verschillen pas vanaf week 0).",
    )
    spin_up_weeks: int = param(
        780, ge=0, le=2600, unit="weeks", group="measures", role=Role.CONVENTION,
        short_nl="Aanloopweken", short_en="Spin-up weeks",
        en="Weeks the neighbourhood runs with nothing organised before week 0, so that its "
        "network at week 0 is what it produces by itself (15 years: its slowest parts, "
        "draagkracht and trust, settle in about 12; docs/odd.md 5).",
        nl="Weken dat de buurt zonder georganiseerde activiteiten draait vóór week 0, zodat het "
        "netwerk op week 0 is wat de buurt zelf voortbrengt.",
    )
