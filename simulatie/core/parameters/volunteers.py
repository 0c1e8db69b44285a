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
        plausible=(0.01, 0.1),
        plausible_log=True,
        plausible_source="weak: seed 003 (most flyered volunteers gone within two months) and "
        "NCVO's exits peaking at 3-12 months: 3.5-35 unused weeks before quitting",
    )
    overload_penalty: float = param(
        0.2, ge=0, le=2, unit="motivation/week", group="volunteers", role=Role.CONTEXT,
        short_nl="Verlies bij overbelasting", short_en="Loss when overloaded",
        en="Motivation lost per unit of strain above overload_strain (overload, "
        "NOV/Motivaction 2023).",
        nl="Motivatieverlies per eenheid belasting boven overload_strain (overbelasting).",
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
    # --- signing up (docs/odd.md 7.10.1) --------------------------------------------------------
    initial_motivation: float = param(
        0.6, ge=0, le=1, unit="0..1", group="volunteers", role=Role.CONTEXT,
        short_nl="Motivatie eerste vrijwilligers", short_en="Motivation of first volunteers",
        en="Motivation of the volunteers who sign up when a scheme starts at week 0.",
        nl="Motivatie van de vrijwilligers die zich aanmelden als een regeling op week 0 start.",
    )
    initial_fit: float = param(
        0.55, ge=0, le=1, unit="chance", group="volunteers", role=Role.CONTEXT,
        short_nl="Passende eerste vrijwilligers", short_en="Fit of first volunteers",
        en="Chance that a request fits a volunteer who signed up when the scheme started.",
        nl="Kans dat een hulpvraag past bij een vrijwilliger die zich bij de start van de "
        "regeling aanmeldde.",
    )
    flyer_motivation: float = param(
        0.35, ge=0, le=1, unit="0..1", group="volunteers", role=Role.CONTEXT,
        short_nl="Motivatie flyervrijwilligers", short_en="Motivation of flyer recruits",
        en="Starting motivation of a volunteer who signed up after reading a flyer (on impulse).",
        nl="Beginmotivatie van een vrijwilliger die zich na het lezen van een flyer aanmeldde "
        "(in een opwelling).",
    )
    flyer_sociability_base: float = param(
        0.5, ge=0, le=2, unit="factor", group="volunteers", role=Role.CONTEXT,
        short_nl="Flyerrespons zonder gezelligheid", short_en="Flyer response base",
        en="A resident responds to a flyer with chance flyer_response × recruitment_effort × "
        "(this + sociability): the unsociable respond at this share of an average resident's "
        "rate (sociability averages about 0.5).",
        nl="Een bewoner reageert op een flyer met kans flyer_response × recruitment_effort × "
        "(dit + gezelligheid): wie niet sociaal is, reageert met dit deel van de kans van een "
        "gemiddelde bewoner.",
    )
    personal_motivation: float = param(
        0.75, ge=0, le=1, unit="0..1", group="volunteers", role=Role.CONTEXT,
        short_nl="Motivatie gevraagde vrijwilligers", short_en="Motivation of asked recruits",
        en="Starting motivation of a volunteer who was asked personally over a tie of strength "
        "0.5 (× (asked_closeness_base + strength) over other ties, at most 1), or who signed up "
        "on their own.",
        nl="Beginmotivatie van een vrijwilliger die persoonlijk gevraagd werd over een band met "
        "sterkte 0,5 (× (asked_closeness_base + sterkte) over andere banden, hoogstens 1), of "
        "die zich uit zichzelf aanmeldde.",
    )
    personal_accept: float = param(
        0.5, ge=0, le=1, unit="chance", group="volunteers", role=Role.CONTEXT,
        short_nl="Ja op persoonlijk vragen", short_en="Yes when asked",
        en="Chance that a friend who is asked to volunteer says yes (× (1 − reliance): less in "
        "the consumer role).",
        nl="Kans dat een bekende die gevraagd wordt vrijwilliger te worden ja zegt (× (1 − "
        "consumentenrol)).",
    )
    asked_closeness_base: float = param(
        0.5, ge=0, le=1, unit="factor", group="volunteers", role=Role.CONTEXT,
        short_nl="Nabijheid bij vragen", short_en="Closeness when asked",
        en="The commitment and fit of a friend asked over a tie of strength s are "
        "personal_motivation and personal_fit × (this + s): the closer the tie, the better the "
        "asker knows what the friend likes to do and the more the friend commits.",
        nl="Inzet en passendheid van een bekende die gevraagd wordt over een band met sterkte s "
        "zijn personal_motivation en personal_fit × (dit + s): hoe hechter de band, hoe beter "
        "de vrager weet wat de ander graag doet en hoe meer die zich inzet.",
    )
    scheme_start_hours: float = param(
        1.0, ge=0, le=10, unit="hours/week", group="volunteers", role=Role.CONTEXT,
        short_nl="Tijd van eerste vrijwilligers", short_en="Time of first volunteers",
        en="Hours a week one can give above which a resident can be one of the volunteers who "
        "sign up when a scheme starts at week 0.",
        nl="Uren per week die iemand kan geven waarboven een bewoner een van de vrijwilligers "
        "kan zijn die zich aanmelden als een regeling op week 0 start.",
    )
    sign_up_hours: float = param(
        0.5, ge=0, le=10, unit="hours/week", group="volunteers", role=Role.CONTEXT,
        short_nl="Tijd voor aanmelden", short_en="Time to sign up",
        en="Hours a week one can give above which a resident can sign up as a volunteer later "
        "(on their own, after a flyer or when asked).",
        nl="Uren per week die iemand kan geven waarboven een bewoner zich later als vrijwilliger "
        "kan aanmelden (uit zichzelf, na een flyer of als die gevraagd wordt).",
    )
    campaign_every_weeks: int = param(
        26, ge=1, le=104, unit="weeks", group="volunteers", role=Role.CONTEXT,
        short_nl="Tijd tussen flyercampagnes", short_en="Weeks between flyer campaigns",
        en="Weeks from the start of one flyer campaign to the next (26: twice a year).",
        nl="Weken van het begin van de ene flyercampagne tot de volgende (26: twee keer per jaar).",
    )
    campaign_weeks: int = param(
        2, ge=1, le=26, unit="weeks", group="volunteers", role=Role.CONTEXT,
        short_nl="Duur flyercampagne", short_en="Flyer campaign length",
        en="Weeks a flyer campaign lasts (every week once it is as long as the time between "
        "campaigns).",
        nl="Weken dat een flyercampagne duurt (elke week zodra die zo lang is als de tijd tussen "
        "campagnes).",
    )
    # --- motives and motivation (docs/odd.md 7.10.2) --------------------------------------------
    motive_concentration: float = param(
        4.0, ge=0.5, le=100, unit="factor", group="volunteers", role=Role.CONTEXT,
        short_nl="Spreiding belangeloosheid", short_en="Spread of selflessness",
        en="Concentration of the Beta distribution of volunteers' selflessness around "
        "volunteer_selflessness: the higher, the more alike volunteers' motives are.",
        nl="Concentratie van de Beta-verdeling van de belangeloosheid van vrijwilligers rond "
        "volunteer_selflessness: hoe hoger, hoe meer hun motieven op elkaar lijken.",
    )
    appreciated_weeks: int = param(
        8, ge=1, le=52, unit="weeks", group="volunteers", role=Role.CONTEXT,
        short_nl="Duur van waardering", short_en="Weeks of feeling appreciated",
        en="Weeks a thank-you, or help from one's own ties, keeps a volunteer feeling "
        "appreciated.",
        nl="Weken dat een bedankje, of hulp van de eigen contacten, een vrijwilliger het gevoel "
        "geeft gewaardeerd te worden.",
    )
    appreciation_buffer: float = param(
        0.85, ge=0, le=1, unit="share", group="volunteers", role=Role.CONTEXT,
        short_nl="Buffer van waardering", short_en="Buffer of appreciation",
        en="Share of the loss in a week without a request that feeling appreciated takes away, "
        "for the part of a volunteer's motivation that wants something back.",
        nl="Deel van het verlies in een week zonder hulpvraag dat zich gewaardeerd voelen "
        "wegneemt, voor het deel van de motivatie van een vrijwilliger dat iets terug wil.",
    )
    overload_strain: float = param(
        0.8, ge=0, le=1, unit="factor", group="volunteers", role=Role.CONTEXT,
        short_nl="Belasting die motivatie kost", short_en="Strain that costs motivation",
        en="Strain above which a volunteer loses motivation (overload_penalty per unit); a "
        "strain above 1 is a burnout.",
        nl="Belasting waarboven een vrijwilliger motivatie verliest (overload_penalty per "
        "eenheid); een belasting boven 1 is een burn-out.",
    )
