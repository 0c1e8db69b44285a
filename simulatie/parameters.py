"""Every model parameter, declared once.

Each field carries its type, default, bounds, unit and a Dutch and English description. Scenario
files, command-line overrides, sweeps and dashboard sliders all read these declarations; nothing
else restates a default. The model is strict: an unknown key or an out-of-range value is an error
that names the key and what is allowed (see :func:`explain_errors`).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

__all__ = [
    "Funding",
    "GuidanceStyle",
    "Matching",
    "ParameterError",
    "ParameterSpec",
    "Parameters",
    "Placement",
    "Recruitment",
    "allowed",
    "explain_errors",
    "make_parameters",
    "parameter_specs",
    "parse_override",
    "suggest",
]


class GuidanceStyle(StrEnum):
    """The professional's guidance style on Pröpper's (2009) participation wheel (seed 003)."""

    CLOSED_AUTHORITARIAN = "closed_authoritarian"
    OPEN_AUTHORITARIAN = "open_authoritarian"
    CONSULTATIVE = "consultative"
    PARTICIPATIVE = "participative"
    DELEGATING = "delegating"
    COOPERATIVE = "cooperative"
    FACILITATING = "facilitating"


class Recruitment(StrEnum):
    """How new volunteers are recruited (seed 003 case 2)."""

    NONE = "none"
    FLYER = "flyer"
    PERSONAL = "personal"


class Matching(StrEnum):
    """How help-seekers reach volunteers (seed 003 case 2; Theehuis, seed 000)."""

    PASSIVE = "passive"
    ACTIVE = "active"


class Funding(StrEnum):
    """Whether professional support is structural or a pilot that stops (seed 002)."""

    STRUCTURAL = "structural"
    PILOT = "pilot"


class Placement(StrEnum):
    """Where meeting places sit in the neighbourhood (seed 002: scale and nearness)."""

    CENTRAL = "central"
    SPREAD = "spread"
    EDGE = "edge"


def param(
    default: Any,
    *,
    unit: str,
    en: str,
    nl: str,
    ge: float | None = None,
    le: float | None = None,
    group: str,
) -> Any:
    """Declare one parameter: default, bounds, unit and both descriptions.

    Args:
        default: The default value.
        unit: Unit of measurement, e.g. ``"hours/week"`` or ``"share"``.
        en: English description.
        nl: Dutch description.
        ge: Inclusive lower bound, for numbers.
        le: Inclusive upper bound, for numbers.
        group: Heading under which the parameter is shown (CLI, dashboard, docs).

    Returns:
        A pydantic ``Field`` carrying the declaration.
    """
    return Field(
        default,
        ge=ge,
        le=le,
        description=en,
        json_schema_extra={"unit": unit, "nl": nl, "group": group},
    )


class Parameters(BaseModel):
    """All inputs of one simulation. Frozen and strict: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, validate_default=True)

    # --- Neighbourhood and population -------------------------------------------------------
    residents: int = param(
        300, ge=20, le=50_000, unit="residents", group="neighbourhood",
        en="Number of homes, each with one resident household member modelled.",
        nl="Aantal woningen, elk met één gemodelleerde bewoner.",
    )
    street_length: int = param(
        10, ge=3, le=40, unit="homes", group="neighbourhood",
        en="Homes on each side of a street; ties are strongest within a street (seed 002).",
        nl="Woningen aan elke kant van een straat; banden zijn het sterkst binnen de straat.",
    )
    meeting_places: int = param(
        1, ge=0, le=20, unit="places", group="neighbourhood",
        en="Number of meeting places (common room, community centre, tea house, garden).",
        nl="Aantal ontmoetingsplekken (gemeenschappelijke ruimte, buurthuis, theehuis, tuin).",
    )
    meeting_place_placement: Placement = param(
        Placement.CENTRAL, unit="choice", group="neighbourhood",
        en="Where meeting places are: central, spread over the area, or at the edge.",
        nl="Waar de ontmoetingsplekken liggen: centraal, verspreid of aan de rand.",
    )
    share_older: float = param(
        0.25, ge=0, le=1, unit="share", group="population",
        en="Share of residents who are older people (65+).",
        nl="Aandeel ouderen (65+) onder de bewoners.",
    )
    share_family: float = param(
        0.30, ge=0, le=1, unit="share", group="population",
        en="Share of residents in young families (busy, less time to help).",
        nl="Aandeel bewoners uit jonge gezinnen (druk, minder tijd om te helpen).",
    )
    share_lvb: float = param(
        0.03, ge=0, le=1, unit="share", group="population",
        en="Share of adults with a mild intellectual disability (LVB).",
        nl="Aandeel volwassenen met een licht verstandelijke beperking (LVB).",
    )
    share_psych: float = param(
        0.03, ge=0, le=1, unit="share", group="population",
        en="Share of adults with a psychiatric vulnerability.",
        nl="Aandeel volwassenen met een psychische kwetsbaarheid.",
    )
    share_migrant: float = param(
        0.10, ge=0, le=1, unit="share", group="population",
        en="Share of recent newcomers and migrants.",
        nl="Aandeel recente nieuwkomers en migranten.",
    )
    group_clustering: float = param(
        0.0, ge=0, le=1, unit="share", group="population",
        en="0 = groups sprinkled over the homes (gespikkeld wonen), 1 = clustered by group.",
        nl="0 = groepen verspreid over de woningen (gespikkeld wonen), 1 = geclusterd.",
    )
    ageing_speed: float = param(
        1.0, ge=0, le=3, unit="years/year", group="population",
        en="How fast residents age; 1 is calendar time, 0 freezes ageing and frailty.",
        nl="Hoe snel bewoners ouder worden; 1 is kalendertijd, 0 zet veroudering stil.",
    )
    turnover_per_year: float = param(
        0.08, ge=0, le=0.5, unit="1/year", group="population",
        en="Chance per year that a household moves out (a newcomer moves in).",
        nl="Kans per jaar dat een huishouden verhuist (er komt een nieuwkomer voor in de plaats).",
    )
    # --- Meeting and ties --------------------------------------------------------------------
    neighbour_contacts_per_week: float = param(
        2.0, ge=0, le=10, unit="contacts/week", group="ties",
        en="Chance encounters with near neighbours per resident per week (Festinger et al. 1950).",
        nl="Toevallige ontmoetingen met naaste buren per bewoner per week.",
    )
    friendly_hours: float = param(
        15.0, ge=1, le=200, unit="hours", group="ties",
        en="Shared hours at which an acquaintance becomes a friendly contact (Hall 2018, "
        "compressed).",
        nl="Gedeelde uren waarna een kennis een vriendelijk contact wordt (Hall 2018, ingekort).",
    )
    tie_decay_per_week: float = param(
        0.003, ge=0, le=0.2, unit="1/week", group="ties",
        en="Weekly loss of shared hours of a strong tie without contact (Dunbar: about 15%/year).",
        nl="Wekelijks verlies aan gedeelde uren van een sterke band zonder contact.",
    )
    weak_tie_decay_per_week: float = param(
        0.02, ge=0, le=0.5, unit="1/week", group="ties",
        en="Weekly loss of a fresh, weak tie: weak ties fade fast (Raeder et al. 2011).",
        nl="Wekelijks verlies van een nieuwe, zwakke band: zwakke banden vervagen snel.",
    )
    homophily: float = param(
        0.5, ge=0, le=1, unit="share", group="ties",
        en="How much harder a contact across groups bonds (McPherson et al. 2001); 0 = no "
        "difference.",
        nl="Hoeveel moeizamer een contact tussen groepen een band wordt; 0 = geen verschil.",
    )
    lonely_below_ties: int = param(
        1, ge=1, le=10, unit="ties", group="measures",
        en="A resident with fewer friendly or caring ties in the neighbourhood than this counts "
        "as lonely (1: no close tie in the neighbourhood at all; family elsewhere is not "
        "modelled; calibrated to the GGD health monitor 2020, docs/calibration.md).",
        nl="Een bewoner met minder vriendelijke of zorgzame banden in de buurt dan dit telt als "
        "eenzaam (1: geen enkele hechte band in de buurt).",
    )
    emergence_share: float = param(
        0.15, ge=0.01, le=1, unit="share", group="measures",
        en="Caring ties have emerged once this share of residents has at least one.",
        nl="Zorgzame banden zijn ontstaan zodra dit aandeel bewoners er minstens één heeft.",
    )
    # --- Activities and initiators ----------------------------------------------------------
    initiators: int = param(
        2, ge=0, le=100, unit="residents", group="activities",
        en="Initiators (kartrekkers) present at the start.",
        nl="Kartrekkers die er bij de start zijn.",
    )
    activity_interval_weeks: int = param(
        1, ge=1, le=52, unit="weeks", group="activities",
        en="Weeks between two meetings of an activity (1 = weekly).",
        nl="Weken tussen twee bijeenkomsten van een activiteit (1 = wekelijks).",
    )
    one_off_events: bool = param(
        False, unit="yes/no", group="activities",
        en="Activities are one-off events that meet once, instead of recurring.",
        nl="Activiteiten zijn eenmalige evenementen in plaats van terugkerend.",
    )
    purposeful_share: float = param(
        0.3, ge=0, le=1, unit="share", group="activities",
        en="Share of activities with tasks and roles rather than cosy social gatherings (myth 7).",
        nl="Aandeel activiteiten met taken en rollen in plaats van gezellig samenzijn (mythe 7).",
    )
    invitation_effort: float = param(
        0.3, ge=0, le=1, unit="share", group="activities",
        en="0 = an open door only; 1 = organisers invite neighbours personally and purposefully "
        "(myth 5).",
        nl="0 = alleen een open deur; 1 = organisatoren nodigen buren persoonlijk en gericht uit.",
    )
    bridging_effort: float = param(
        0.2, ge=0, le=1, unit="share", group="activities",
        en="Effort to connect people across groups at activities (myth 4).",
        nl="Inzet om mensen uit verschillende groepen met elkaar te verbinden (mythe 4).",
    )
    government_responsiveness: float = param(
        0.6, ge=0, le=1, unit="chance", group="activities",
        en="Chance that the council approves and gives room to a resident plan (seed 002, "
        "seed 003 case 3).",
        nl="Kans dat de gemeente een bewonersplan goedkeurt en ruimte geeft.",
    )
    area_risk: float = param(
        0.0, ge=0, le=1, unit="share", group="activities",
        en="Risk and conflict in the area: doors stay shut, trust is low, groups quarrel.",
        nl="Risico en conflict in de buurt: deuren blijven dicht, weinig vertrouwen, ruzie.",
    )
    # --- Professionals and funding ----------------------------------------------------------
    professionals: int = param(
        1, ge=0, le=20, unit="people", group="professionals",
        en="Welfare or community workers active in the neighbourhood.",
        nl="Welzijns- of opbouwwerkers die in de buurt actief zijn.",
    )
    professional_hours: float = param(
        16.0, ge=0, le=40, unit="hours/week", group="professionals",
        en="Hours per week each professional spends in the neighbourhood.",
        nl="Uren per week die elke professional in de buurt besteedt.",
    )
    takeover: float = param(
        0.3, ge=0, le=1, unit="share", group="professionals",
        en="Share of professional time spent doing the work themselves instead of facilitating.",
        nl="Deel van de professionele tijd dat zelf wordt uitgevoerd in plaats van gefaciliteerd.",
    )
    guidance_style: GuidanceStyle = param(
        GuidanceStyle.PARTICIPATIVE, unit="choice", group="professionals",
        en="The professional's guidance style on the participation wheel (Pröpper 2009).",
        nl="Begeleidingsstijl van de professional op het participatiewiel (Pröpper 2009).",
    )
    funding: Funding = param(
        Funding.STRUCTURAL, unit="choice", group="professionals",
        en="Structural support, or a pilot whose professionals leave after the pilot weeks.",
        nl="Structurele steun, of een pilot waarna de professionals vertrekken.",
    )
    pilot_weeks: int = param(
        104, ge=1, le=1560, unit="weeks", group="professionals",
        en="Length of a pilot before its funding stops.",
        nl="Duur van een pilot voordat de financiering stopt.",
    )
    # --- Volunteers ---------------------------------------------------------------------------
    initial_volunteer_share: float = param(
        0.08, ge=0, le=1, unit="share", group="volunteers",
        en="Share of residents who are volunteers at the start.",
        nl="Aandeel bewoners dat bij de start vrijwilliger is.",
    )
    recruitment: Recruitment = param(
        Recruitment.PERSONAL, unit="choice", group="volunteers",
        en="How volunteers are recruited: none, mass flyering, or asking people personally.",
        nl="Hoe vrijwilligers worden geworven: niet, met flyers, of door persoonlijk te vragen.",
    )
    recruitment_effort: float = param(
        0.5, ge=0, le=1, unit="share", group="volunteers",
        en="Effort put into recruitment while support is funded.",
        nl="Inzet voor werving zolang er steun gefinancierd is.",
    )
    matching: Matching = param(
        Matching.ACTIVE, unit="choice", group="volunteers",
        en="Passive: help-seekers must come forward themselves; active: needs are sought out "
        "and matched.",
        nl="Passief: hulpvragers moeten zelf aankloppen; actief: vragen worden opgespoord en "
        "gekoppeld.",
    )
    appreciation: float = param(
        0.5, ge=0, le=1, unit="share", group="volunteers",
        en="Reciprocity and appreciation for volunteers (thanks, giving back) instead of "
        "expecting selflessness (myth 6).",
        nl="Wederkerigheid en waardering voor vrijwilligers in plaats van belangeloosheid "
        "(mythe 6).",
    )
    volunteer_selflessness: float = param(
        0.3, ge=0, le=1, unit="share", group="volunteers",
        en="How selfless volunteers are on average: the share of their reward for helping that "
        "needs nothing back (values, warm glow); the rest needs thanks and reciprocity.",
        nl="Hoe belangeloos vrijwilligers gemiddeld zijn: het deel van hun voldoening uit helpen "
        "dat niets terug hoeft (waarden, goed gevoel); de rest vraagt dank en wederkerigheid.",
    )
    digital_platform: bool = param(
        False, unit="yes/no", group="volunteers",
        en="A digital matching platform where residents can post and answer requests for help.",
        nl="Een digitaal platform waar bewoners hulpvragen kunnen plaatsen en beantwoorden.",
    )
    # --- Care ------------------------------------------------------------------------------------
    formal_care_hours: float = param(
        0.6, ge=0, le=10, unit="hours/week per resident", group="care",
        en="Formal care capacity per resident per week (staff shortage lowers it).",
        nl="Capaciteit formele zorg per bewoner per week (personeelstekort verlaagt die).",
    )
    ask_threshold: float = param(
        0.5, ge=0, le=1, unit="share", group="care",
        en="Average reluctance to ask for help (vraagverlegenheid, Linders 2010).",
        nl="Gemiddelde drempel om hulp te vragen (vraagverlegenheid, Linders 2010).",
    )
    helper_capacity_hours: float = param(
        3.0, ge=0, le=20, unit="hours/week", group="care",
        en="Average hours per week a healthy adult can give to others (draagkracht).",
        nl="Gemiddeld aantal uren per week dat een gezonde volwassene kan geven (draagkracht).",
    )
    need_scale: float = param(
        1.0, ge=0, le=5, unit="factor", group="care",
        en="Multiplies everyone's weekly care need (draaglast).",
        nl="Vermenigvuldigt ieders wekelijkse zorgvraag (draaglast).",
    )

    @model_validator(mode="after")
    def _groups_fit(self) -> Parameters:
        total = (
            self.share_older + self.share_family + self.share_lvb + self.share_psych
            + self.share_migrant
        )
        if total > 1.0 + 1e-9:
            raise ValueError(
                f"the group shares add up to {total:.2f}; share_older + share_family + "
                "share_lvb + share_psych + share_migrant must be at most 1 (the rest are "
                "other adults)"
            )
        return self


@dataclass(frozen=True)
class ParameterSpec:
    """A parameter's declaration in plain form, for CLIs, sliders, sweeps and documents."""

    name: str
    kind: type
    default: Any
    lower: float | None
    upper: float | None
    unit: str
    en: str
    nl: str
    group: str
    choices: tuple[str, ...] = ()

    def label(self, lang: str = "nl") -> str:
        """Return the description in the requested language (``"nl"`` or ``"en"``)."""
        return self.nl if lang == "nl" else self.en


def _bounds(metadata: list[Any]) -> tuple[float | None, float | None]:
    lower = upper = None
    for item in metadata:
        lower = getattr(item, "ge", lower)
        upper = getattr(item, "le", upper)
    return lower, upper


def parameter_specs() -> dict[str, ParameterSpec]:
    """Return every parameter's declaration, keyed by name, in declaration order."""
    specs = {}
    for name, field in Parameters.model_fields.items():
        extra = field.json_schema_extra or {}
        lower, upper = _bounds(field.metadata)
        kind = field.annotation
        choices = tuple(m.value for m in kind) if isinstance(kind, type) and issubclass(
            kind, StrEnum
        ) else ()
        default = field.default.value if isinstance(field.default, StrEnum) else field.default
        specs[name] = ParameterSpec(
            name=name, kind=kind, default=default, lower=lower, upper=upper,
            unit=extra["unit"], en=field.description or "", nl=extra["nl"], group=extra["group"],
            choices=choices,
        )
    return specs


class ParameterError(ValueError):
    """Parameters that do not validate, explained in one readable message per problem."""

    def __init__(self, problems: list[str], source: str | None = None) -> None:
        self.problems = problems
        self.source = source
        prefix = f"{source}: " if source else ""
        super().__init__("; ".join(prefix + p for p in problems))


def allowed(spec: ParameterSpec) -> str:
    """Say in words what values a parameter allows (for error messages)."""
    if spec.choices:
        return "one of " + ", ".join(repr(c) for c in spec.choices)
    if spec.kind is bool:
        return "true or false"
    kind = "a whole number" if spec.kind is int else "a number"
    return f"{kind} from {spec.lower:g} to {spec.upper:g} ({spec.unit})"


def suggest(name: str, known: list[str]) -> str:
    """Return a "did you mean" hint for a misspelled name, or an empty string."""
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def explain_errors(error: ValidationError) -> list[str]:
    """Turn a pydantic validation error into one plain sentence per problem.

    Args:
        error: The error raised while validating :class:`Parameters`.

    Returns:
        Messages that name the key and what is allowed.
    """
    specs = parameter_specs()
    messages = []
    for problem in error.errors():
        key = ".".join(str(p) for p in problem["loc"])
        if problem["type"] == "extra_forbidden":
            messages.append(f"unknown parameter '{key}'{suggest(key, list(specs))}")
        elif key in specs:
            value = problem.get("input")
            messages.append(
                f"parameter '{key}' = {value!r} is not allowed; it must be {allowed(specs[key])}"
            )
        else:
            messages.append(problem["msg"].removeprefix("Value error, "))
    return messages


def make_parameters(values: dict[str, Any] | None = None, source: str | None = None) -> Parameters:
    """Validate a mapping of parameter values into :class:`Parameters`.

    Args:
        values: Parameter names and values; anything missing keeps its declared default.
        source: Where the values came from (a file name), used in error messages.

    Returns:
        The validated, frozen parameters.

    Raises:
        ParameterError: If a key is unknown or a value has the wrong type or is out of range.
    """
    values = dict(values or {})
    specs = parameter_specs()
    for name, spec in specs.items():  # strict mode: accept an int where a float is declared
        if spec.kind is float and type(values.get(name)) is int:
            if abs(values[name]) > 2**53:  # beyond exact floats and far beyond any bound
                raise ParameterError([f"parameter '{name}' is not allowed; it must be "
                                      f"{allowed(spec)}"], source)
            values[name] = float(values[name])
        if spec.choices and isinstance(values.get(name), str) and values[name] in spec.choices:
            values[name] = spec.kind(values[name])
    try:
        return Parameters.model_validate(values)
    except ValidationError as error:
        raise ParameterError(explain_errors(error), source) from None


def parse_override(text: str) -> tuple[str, Any]:
    """Parse one ``name=value`` override from the command line into a typed value.

    Args:
        text: For example ``"takeover=0.8"`` or ``"funding=pilot"``.

    Returns:
        The parameter name and its value converted to the declared type.

    Raises:
        ParameterError: If the text is not ``name=value``, the name is unknown, or the value
            cannot be read as the declared type.
    """
    name, sep, raw = text.partition("=")
    name, raw = name.strip(), raw.strip()
    specs = parameter_specs()
    if not sep or not name:
        raise ParameterError([f"'{text}' is not of the form name=value"])
    if name not in specs:
        raise ParameterError([f"unknown parameter '{name}'{suggest(name, list(specs))}"])
    spec = specs[name]
    try:
        if spec.kind is bool:
            lowered = raw.lower()
            if lowered not in {"true", "false", "yes", "no", "1", "0"}:
                raise ValueError
            return name, lowered in {"true", "yes", "1"}
        if spec.kind is int:
            return name, int(raw)
        if spec.kind is float:
            return name, float(raw)
        return name, raw
    except ValueError:
        raise ParameterError(
            [f"parameter '{name}' = {raw!r} is not allowed; it must be {allowed(spec)}"]
        ) from None
