"""Parameters of the neighbourhood's layout and make-up (who lives there)."""

from __future__ import annotations

from pydantic import BaseModel

from .choices import Placement
from .declare import AS_DEFAULT, Role, param

__all__ = ["NeighbourhoodParameters"]


class NeighbourhoodParameters(BaseModel):
    """Homes, streets and meeting places, and the mix of resident groups."""

    residents: int = param(
        300, ge=20, le=50_000, unit="residents", group="neighbourhood", role=Role.STRUCTURE,
        short_nl="Woningen", short_en="Homes",
        en="Number of homes, each with one resident household member modelled.",
        nl="Aantal woningen, elk met één gemodelleerde bewoner.",
    )
    street_length: int = param(
        10, ge=3, le=40, unit="homes", group="neighbourhood", role=Role.STRUCTURE,
        short_nl="Straatlengte", short_en="Street length",
        en="Homes on each side of a street; ties are strongest within a street (seed 002).",
        nl="Woningen aan elke kant van een straat; banden zijn het sterkst binnen de straat.",
        source="seed 002",
    )
    meeting_places: int = param(
        1, ge=0, le=500, unit="places", group="neighbourhood", role=Role.LEVER, baseline=0,
        short_nl="Ontmoetingsplekken", short_en="Meeting places",
        en="Number of meeting places that are open (common room, community centre, tea house, "
        "garden).",
        nl="Aantal ontmoetingsplekken dat open is (gemeenschappelijke ruimte, buurthuis, "
        "theehuis, tuin).",
    )
    meeting_place_placement: Placement = param(
        Placement.CENTRAL, unit="choice", group="neighbourhood", role=Role.LEVER,
        baseline=AS_DEFAULT,
        short_nl="Ligging ontmoetingsplekken", short_en="Placement of meeting places",
        en="Where meeting places are: central, spread over the area, or at the edge.",
        nl="Waar de ontmoetingsplekken liggen: centraal, verspreid of aan de rand.",
    )
    share_older: float = param(
        0.15, ge=0, le=1, unit="share", group="population", role=Role.STRUCTURE,
        short_nl="Aandeel ouderen", short_en="Share of older people",
        en="Share of residents who moved in as older people (65+), at the neighbourhood's "
        "steady state; others grow old in place (the default gives 25% aged 65+, 12% 75+ and "
        "6% 80+, as CBS 2020 for adults).",
        nl="Aandeel bewoners dat als oudere (65+) in de buurt kwam wonen, in de "
        "evenwichtstoestand; anderen worden er oud (de standaard geeft 25% 65+, 12% 75+ en "
        "6% 80+, zoals CBS 2020 voor volwassenen).",
        source="CBS population by age 2020 (adults 20+)",
    )
    share_family: float = param(
        0.30, ge=0, le=1, unit="share", group="population", role=Role.STRUCTURE,
        short_nl="Aandeel jonge gezinnen", short_en="Share of young families",
        en="Share of residents in young families (busy, less time to help).",
        nl="Aandeel bewoners uit jonge gezinnen (druk, minder tijd om te helpen).",
    )
    share_lvb: float = param(
        0.03, ge=0, le=1, unit="share", group="population", role=Role.STRUCTURE,
        short_nl="Aandeel met LVB", short_en="Share with intellectual disability",
        en="Share of adults with a mild intellectual disability (LVB).",
        nl="Aandeel volwassenen met een licht verstandelijke beperking (LVB).",
    )
    share_psych: float = param(
        0.03, ge=0, le=1, unit="share", group="population", role=Role.STRUCTURE,
        short_nl="Aandeel psychisch kwetsbaar", short_en="Share psychologically vulnerable",
        en="Share of adults with a psychiatric vulnerability.",
        nl="Aandeel volwassenen met een psychische kwetsbaarheid.",
    )
    share_migrant: float = param(
        0.10, ge=0, le=1, unit="share", group="population", role=Role.STRUCTURE,
        short_nl="Aandeel nieuwkomers", short_en="Share of newcomers",
        en="Share of recent newcomers and migrants.",
        nl="Aandeel recente nieuwkomers en migranten.",
    )
    partner_odds: float = param(
        1.0, ge=0, le=50, unit="odds ratio", group="population", role=Role.STRUCTURE,
        short_nl="Kans op een partner", short_en="Odds of a partner",
        en="Odds ratio on every group's chance to move in with a partner: 1 = the group "
        "profiles; below 1 more residents live alone, above 1 fewer (simulatie buurt sets it "
        "to match CBS's one-person households).",
        nl="Kansverhouding (odds ratio) op ieders kans om met een partner in de buurt te komen "
        "wonen: 1 = de groepsprofielen; lager dan 1 wonen meer bewoners alleen, hoger minder "
        "(simulatie buurt stelt dit in op de eenpersoonshuishoudens van het CBS).",
    )
    group_clustering: float = param(
        0.0, ge=0, le=1, unit="share", group="population", role=Role.STRUCTURE,
        short_nl="Clustering van groepen", short_en="Clustering of groups",
        en="0 = groups sprinkled over the homes (gespikkeld wonen), 1 = clustered by group.",
        nl="0 = groepen verspreid over de woningen (gespikkeld wonen), 1 = geclusterd.",
        source="seed 000 (Kerkweg), seed 002 (Brabant)",
    )
