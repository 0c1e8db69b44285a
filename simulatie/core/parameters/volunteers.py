"""Parameters of volunteers: recruitment, matching, motives and motivation."""

from __future__ import annotations

from pydantic import BaseModel

from .choices import Matching, Recruitment
from .declare import AS_DEFAULT, Role, param

__all__ = ["VolunteerParameters"]


class VolunteerParameters(BaseModel):
    """How volunteers are found, matched and kept."""

    initial_volunteer_share: float = param(
        0.08, ge=0, le=1, unit="share", group="volunteers", role=Role.LEVER, baseline=0.0,
        short_nl="Vrijwilligers bij de start", short_en="Volunteers at the start",
        en="Share of residents who sign up as volunteers when the scheme starts at week 0.",
        nl="Aandeel bewoners dat zich aanmeldt als vrijwilliger als de regeling op week 0 start.",
    )
    recruitment: Recruitment = param(
        Recruitment.PERSONAL, unit="choice", group="volunteers", role=Role.LEVER,
        baseline=Recruitment.NONE,
        short_nl="Werving", short_en="Recruitment",
        en="How volunteers are recruited: none, mass flyering, or asking people personally.",
        nl="Hoe vrijwilligers worden geworven: niet, met flyers, of door persoonlijk te vragen.",
    )
    recruitment_effort: float = param(
        0.5, ge=0, le=1, unit="share", group="volunteers", role=Role.LEVER, baseline=AS_DEFAULT,
        short_nl="Inzet voor werving", short_en="Recruitment effort",
        en="Effort put into recruitment while support is funded.",
        nl="Inzet voor werving zolang er steun gefinancierd is.",
    )
    matching: Matching = param(
        Matching.ACTIVE, unit="choice", group="volunteers", role=Role.LEVER, baseline=AS_DEFAULT,
        short_nl="Koppelen", short_en="Matching",
        en="Passive: help-seekers must come forward themselves; active: a professional seeks "
        "out needs and arranges a first meeting with a volunteer.",
        nl="Passief: hulpvragers moeten zelf aankloppen; actief: een professional spoort vragen "
        "op en regelt een kennismaking met een vrijwilliger.",
    )
    appreciation: float = param(
        0.5, ge=0, le=1, unit="share", group="volunteers", role=Role.LEVER, baseline=AS_DEFAULT,
        short_nl="Waardering vrijwilligers", short_en="Appreciation of volunteers",
        en="Reciprocity and appreciation for volunteers (thanks, giving back) instead of "
        "expecting selflessness (myth 6).",
        nl="Wederkerigheid en waardering voor vrijwilligers in plaats van belangeloosheid "
        "(mythe 6).",
    )
    digital_platform: bool = param(
        False, unit="yes/no", group="volunteers", role=Role.LEVER, baseline=False,
        short_nl="Digitaal platform", short_en="Digital platform",
        en="A digital matching platform where residents can post and answer requests for help.",
        nl="Een digitaal platform waar bewoners hulpvragen kunnen plaatsen en beantwoorden.",
    )
    volunteer_selflessness: float = param(
        0.3, ge=0, le=1, unit="share", group="volunteers", role=Role.CONTEXT,
        short_nl="Belangeloosheid vrijwilligers", short_en="Selflessness of volunteers",
        en="How selfless volunteers are on average: the share of their reward for helping that "
        "needs nothing back (values, warm glow); the rest needs thanks and reciprocity.",
        nl="Hoe belangeloos vrijwilligers gemiddeld zijn: het deel van hun voldoening uit helpen "
        "dat niets terug hoeft (waarden, goed gevoel); de rest vraagt dank en wederkerigheid.",
        source="Clary et al. 1998 (level: assumption)",
    )
    helping_reward: float = param(
        0.10, ge=0, le=1, unit="motivation/week", group="volunteers", role=Role.CONTEXT,
        short_nl="Voldoening van helpen", short_en="Reward of helping",
        en="Motivation a volunteer gains from a week of helping when all their motives are met.",
        nl="Motivatie die een vrijwilliger wint met een week helpen als aan al zijn motieven "
        "is voldaan.",
    )
    unused_drain: float = param(
        0.065, ge=0, le=1, unit="motivation/week", group="volunteers", role=Role.CONTEXT,
        short_nl="Verlies zonder hulpvraag", short_en="Loss when not asked",
        en="Motivation a volunteer loses in a week without any request (seed 003 case 2: "
        "unused flyered volunteers are gone within about two months).",
        nl="Motivatie die een vrijwilliger verliest in een week zonder hulpvraag.",
    )
    overload_penalty: float = param(
        0.2, ge=0, le=2, unit="motivation/week", group="volunteers", role=Role.CONTEXT,
        short_nl="Verlies bij overbelasting", short_en="Loss when overloaded",
        en="Motivation lost per unit of strain above 0.8 (overload, NOV/Motivaction 2023).",
        nl="Motivatieverlies per eenheid belasting boven 0,8 (overbelasting).",
    )
    flyer_response: float = param(
        0.08, ge=0, le=1, unit="1/week", group="volunteers", role=Role.CONTEXT,
        short_nl="Respons op flyers", short_en="Response to flyers",
        en="Weekly chance that a resident signs up during a flyer campaign at full effort.",
        nl="Wekelijkse kans dat een bewoner zich aanmeldt tijdens een flyercampagne bij volle "
        "inzet.",
    )
    flyer_fit: float = param(
        0.3, ge=0, le=1, unit="chance", group="volunteers", role=Role.CONTEXT,
        short_nl="Passende flyerhulp", short_en="Fit of flyer recruits",
        en="Chance that a request fits what a flyered volunteer signed up for (they pick what "
        "they like, which rarely fits a request).",
        nl="Kans dat een hulpvraag past bij waarvoor een via flyers geworven vrijwilliger zich "
        "aanmeldde.",
    )
    personal_ask_rate: float = param(
        0.1, ge=0, le=1, unit="1/week", group="volunteers", role=Role.CONTEXT,
        short_nl="Persoonlijk vragen", short_en="Asking personally",
        en="Weekly chance at full effort that a volunteer or initiator asks a friend to join "
        "(Smith's review: being asked by someone you know is the key trigger).",
        nl="Wekelijkse kans bij volle inzet dat een vrijwilliger of kartrekker een bekende "
        "vraagt mee te doen.",
    )
    personal_fit: float = param(
        0.65, ge=0, le=1, unit="chance", group="volunteers", role=Role.CONTEXT,
        short_nl="Passende gevraagde hulp", short_en="Fit of asked recruits",
        en="Chance that a request fits a volunteer who was asked personally.",
        nl="Kans dat een hulpvraag past bij een persoonlijk gevraagde vrijwilliger.",
    )
    spontaneous_sign_up: float = param(
        0.001, ge=0, le=0.05, unit="1/week", group="volunteers", role=Role.CONTEXT,
        short_nl="Spontane aanmelding", short_en="Spontaneous sign-up",
        en="Weekly chance, per unit of ownership, that a resident signs up on their own, where "
        "a scheme exists to sign up to.",
        nl="Wekelijkse kans (per eenheid eigenaarschap) dat een bewoner zich uit zichzelf "
        "aanmeldt, als er een regeling is om je bij aan te melden.",
    )
