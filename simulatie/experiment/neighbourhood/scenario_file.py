"""Write the region's scenario file: the found values, and a reason for every value.

The file follows the other scenarios (``docs/scenarios.md``): it lists only values that differ
from the declared defaults, and ``[reasons]`` says for each value where it came from (the CBS
figure and year), or, for what CBS does not count (meeting places, street length, LVB and
psychiatric vulnerability), that the default was kept and how to find a better value. The text
is checked by :func:`~simulatie.experiment.scenarios.load_scenario` before it is written, and an
existing file is only replaced when asked.
"""

from __future__ import annotations

import json
import tempfile
import textwrap
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from simulatie.core.parameters import parameter_specs
from simulatie.experiment.scenario_paths import NAME
from simulatie.experiment.scenarios import ScenarioError, load_scenario

from .errors import CbsError
from .fit import Fit
from .targets import Targets
from .words import count, percent

__all__ = ["check_free", "default_name", "scenario_text", "write_scenario"]

_SPECS = parameter_specs()
_ORDER = ("residents", "share_older", "share_family", "share_migrant", "partner_odds")


def default_name(targets: Targets) -> str:
    """The scenario's name when the user gives none: the region code in lower case."""
    return targets.figures.code.lower()


def _toml(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a TOML basic string
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _reasons(targets: Targets, fit: Fit, lang: str) -> dict[str, str]:
    nl = lang == "nl"
    f = targets.figures
    source = f"CBS Kerncijfers wijken en buurten {f.year}" if f.year else "CBS Kerncijfers"
    households = f.require("households")
    values = fit.values
    reasons = {}
    capped = values["residents"] < targets.households
    reasons["residents"] = (
        f"{source}: {count(households, lang)} particuliere huishoudens; elke woning in het model "
        "is één huishouden"
        + (f"; het model neemt er {count(values['residents'], lang)}, zodat een run vlot "
           "blijft (de aandelen gelden voor de hele regio; meer kan met --woningen)"
           if capped else "")
        + "."
        if nl else
        f"{source}: {count(households, lang)} private households; each home in the model is one "
        "household"
        + (f"; the model takes {count(values['residents'], lang)} so that a run stays quick (the "
           "shares hold for the whole region; more with --homes)" if capped else "")
        + ".")
    reasons["share_family"] = (
        f"{source}: {count(f.require('with_children'), lang)} van de {count(households, lang)} "
        f"huishoudens hebben kinderen ({percent(targets.family, lang)}); in het model zijn dat de "
        "gezinnen (de kinderen zelf worden niet gemodelleerd)."
        if nl else
        f"{source}: {count(f.require('with_children'), lang)} of {count(households, lang)} "
        f"households have children ({percent(targets.family, lang)}); in the model these are the "
        "families (the children themselves are not modelled).")
    reasons["share_older"] = (
        f"Gezocht: wie als 65-plusser kwam wonen; anderen worden er oud. Met deze waarde heeft de "
        f"buurt van het model zelf {percent(fit.expected.age_65, lang)} 65-plussers onder de "
        f"volwassenen; {source}: {count(f.require('age_65'), lang)} van naar schatting "
        f"{count(targets.adults, lang)} volwassenen (20+), {percent(targets.age_65, lang)}. "
        "Gezocht bij de standaard turnover_per_year en frailty_rate: verandert u die, maak het "
        "scenario dan opnieuw."
        if nl else
        f"Searched: who moved in aged 65+; others grow old in place. With this value the model's "
        f"own neighbourhood has {percent(fit.expected.age_65, lang)} aged 65+ among adults; "
        f"{source}: {count(f.require('age_65'), lang)} of an estimated "
        f"{count(targets.adults, lang)} adults (20+), {percent(targets.age_65, lang)}. Searched "
        "with the default turnover_per_year and frailty_rate: if you change those, make the "
        "scenario again.")
    reasons["partner_odds"] = (
        f"Gezocht: hiermee woont in {percent(fit.expected.alone, lang)} van de woningen de bewoner "
        f"alleen; {source}: {count(f.require('one_person'), lang)} eenpersoonshuishoudens van de "
        f"{count(households, lang)} ({percent(targets.alone, lang)})."
        if nl else
        f"Searched: with it the resident lives alone in {percent(fit.expected.alone, lang)} of "
        f"the homes; {source}: {count(f.require('one_person'), lang)} one-person households of "
        f"{count(households, lang)} ({percent(targets.alone, lang)}).")
    reasons["share_migrant"] = _migrant_reason(targets, values["share_migrant"], source, lang)
    reasons.update(_default_reasons(lang))
    return reasons


def _migrant_reason(targets: Targets, share: float, source: str, lang: str) -> str:
    nl = lang == "nl"
    default = percent(_SPECS["share_migrant"].default, lang)
    if targets.origin_abroad is None:
        return (f"Standaard ({default}): het CBS geeft hier geen cijfer voor in deze tabel; pas "
                "het aan als u beter weet (recente nieuwkomers, statushouders, arbeidsmigranten)."
                if nl else
                f"Default ({default}): CBS gives no figure for this in this table; change it if "
                "you know better (recent newcomers, refugees, labour migrants).")
    kept = share >= _SPECS["share_migrant"].default
    return (
        f"{source}: {percent(targets.origin_abroad, lang)} van de inwoners heeft een buitenlandse "
        "herkomst, ook wie hier geboren is; het model bedoelt met deze groep recente nieuwkomers "
        "en migranten (taal, weinig familie dichtbij), die KWB niet telt. "
        + (f"De standaard {default} is gehouden" if kept
           else f"Verlaagd tot het CBS-aandeel ({percent(share, lang)})")
        + "; verhoog het als veel bewoners recent zijn komen wonen of weinig Nederlands spreken."
        if nl else
        f"{source}: {percent(targets.origin_abroad, lang)} of inhabitants have a foreign origin, "
        "including those born here; the model's group means recent newcomers and migrants "
        "(language, little family nearby), whom KWB does not count. "
        + (f"The default {default} was kept" if kept
           else f"Lowered to the CBS share ({percent(share, lang)})")
        + "; raise it if many residents arrived recently or speak little Dutch.")


_GUIDANCE = {
    "meeting_places": (
        "Open ontmoetingsplekken vanaf week 0: {places} (een beleidsknop). Tel de "
        "plekken waar bewoners echt samenkomen (buurthuis, theehuis, gemeenschappelijke ruimte, "
        "moestuin), of zet 0 om te zien wat de buurt zonder plek doet.",
        "Meeting places open from week 0: {places} (a policy lever). Count the places "
        "where residents really meet (community centre, tea house, common room, garden), or set "
        "0 to see what the buurt does without one.",
    ),
    "street_length": (
        "{street} woningen aan elke kant van een straat; neem het gewone aantal voordeuren aan "
        "één kant van een straat, portiek of galerij (een dorpsstraat 5–8, een galerijflat "
        "10–20): buren in dezelfde straat leren elkaar het makkelijkst kennen.",
        "{street} homes on each side of a street; take the usual number of front doors on one "
        "side of a street, stairwell or gallery (a village street 5–8, a gallery flat 10–20): "
        "neighbours in the same street get to know each other most easily.",
    ),
    "share_lvb": (
        "{lvb} van de volwassenen met een licht verstandelijke beperking; vraag het wijkteam of "
        "de woningcorporatie (begeleid wonen, VG-indicaties in de buurt).",
        "{lvb} of adults with a mild intellectual disability; ask the neighbourhood team or the "
        "housing corporation (supported living, VG indications in the buurt).",
    ),
    "share_psych": (
        "{psych} van de volwassenen psychisch kwetsbaar; vraag het wijkteam of de GGZ "
        "(beschermd of begeleid wonen, ambulante begeleiding in de buurt).",
        "{psych} of adults with a psychiatric vulnerability; ask the neighbourhood team or "
        "mental health care (sheltered or supported living, outreach support in the buurt).",
    ),
}
"""Where to find a better value than the default, for what CBS does not count (nl, en)."""


def _default_reasons(lang: str) -> dict[str, str]:
    nl = lang == "nl"
    keep = ("Standaard: het CBS geeft hier geen cijfer voor, pas het aan als u beter weet. " if nl
            else "Default: CBS gives no figure for this, change it if you know better. ")
    fill = {
        "places": _SPECS["meeting_places"].default,
        "street": _SPECS["street_length"].default,
        "lvb": percent(_SPECS["share_lvb"].default, lang, 0),
        "psych": percent(_SPECS["share_psych"].default, lang, 0),
    }
    return {name: keep + texts[0 if nl else 1].format(**fill)
            for name, texts in _GUIDANCE.items()}


def _wrap(text: str) -> list[str]:
    return textwrap.wrap(text, width=96)


def scenario_text(targets: Targets, fit: Fit, lang: str = "nl", command: str = "") -> str:
    """The scenario file's text.

    Args:
        targets: The region's targets.
        fit: The found values.
        lang: Language of the reasons (titles and descriptions are in both).
        command: The command that made it, for the file's first comment.

    Returns:
        TOML text that :func:`~simulatie.experiment.scenarios.load_scenario` accepts.
    """
    f = targets.figures
    year = f.year or ""
    made = datetime.now(UTC).strftime("%Y-%m-%d")
    lines = [
        f"# {f.label}: made on {made} by `{command or 'simulatie buurt ' + f.code}`",
        f"# from CBS Kerncijfers wijken en buurten {year} ({f.source}).",
        "# Only values that differ from the declared defaults are listed; [reasons] says why, also",
        "# for the defaults kept. Make it again rather than editing share_older and partner_odds.",
        "",
        "[scenario]",
        f"title_nl = {_toml(f'{f.label}: buurt naar CBS-kerncijfers {year}'.strip())}",
        f"title_en = {_toml(f'{f.label}: neighbourhood from CBS key figures {year}'.strip())}",
        'description_nl = """',
        *_wrap(
            f"De buurt {f.label} zoals het CBS haar telt (Kerncijfers wijken en buurten {year}): "
            "leeftijdsopbouw, alleenwonenden en gezinnen met kinderen komen uit de CBS-cijfers; "
            "share_older en partner_odds zijn zo gezocht dat de buurt van het model zelf dezelfde "
            "leeftijdsopbouw en huishoudens heeft. Wat het CBS niet telt (LVB, psychische "
            "kwetsbaarheid, ontmoetingsplekken, straatlengte) staat op de standaardwaarde; zie "
            "[reasons] voor hoe u een betere waarde vindt. Beleidsknoppen staan op hun standaard."),
        '"""',
        'description_en = """',
        *_wrap(
            f"The buurt {f.label} as CBS counts it (Kerncijfers wijken en buurten {year}): age "
            "structure, living alone and families with children come from the CBS figures; "
            "share_older and partner_odds were searched so that the model's own neighbourhood "
            "has the same age structure and households. What CBS does not count (LVB, "
            "psychiatric vulnerability, meeting places, street length) keeps its default; "
            "[reasons] says how to find a better value. Policy levers keep their defaults."),
        '"""',
        "",
        "[parameters]",
    ]
    for name in _ORDER:
        value = fit.values[name]
        if name == "share_migrant" and value == _SPECS[name].default:
            continue
        lines.append(f"{name} = {_toml(value)}")
    lines += ["", "[reasons]"]
    lines += [f"{name} = {_toml(text)}" for name, text in _reasons(targets, fit, lang).items()]
    return "\n".join(lines) + "\n"


def check_free(folder: Path, name: str, force: bool = False) -> Path:
    """The scenario file's path, if the name is allowed and the file may be written.

    Raises:
        CbsError: If the name is not allowed, or the file exists and ``force`` is not given.
    """
    if not NAME.fullmatch(name):
        raise CbsError(
            f"'{name}' cannot be a scenario name; use letters, digits, '_' and '-'",
            f"'{name}' kan geen scenarionaam zijn; gebruik letters, cijfers, '_' en '-'",
        )
    path = folder / f"{name}.toml"
    if path.exists() and not force:
        raise CbsError(
            f"{path} already exists; choose another name with --name, or replace it with --force",
            f"{path} bestaat al; kies een andere naam met --naam, of vervang het met --force",
        )
    return path


def write_scenario(text: str, folder: Path, name: str, force: bool = False) -> Path:
    """Check the scenario's text and write it as ``folder/name.toml``.

    Args:
        text: The file's text (:func:`scenario_text`).
        folder: Where to write it (the scenarios folder, so that ``simulatie run NAME`` finds it).
        name: The scenario's name.
        force: Replace an existing file.

    Returns:
        The path written.

    Raises:
        CbsError: If the name is not allowed, the file exists and ``force`` is not given, the
            text does not load as a scenario, or the file cannot be written.
    """
    path = check_free(folder, name, force)
    with tempfile.TemporaryDirectory() as scratch:
        trial = Path(scratch) / f"{name}.toml"
        trial.write_text(text, encoding="utf-8")
        try:
            load_scenario(trial)
        except ScenarioError as error:  # a bug here, not the user's: say so plainly
            raise CbsError(f"the scenario made does not load: {error}",
                           f"het gemaakte scenario laadt niet: {error}") from None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise CbsError(f"cannot write {path}: {error.strerror or error}",
                       f"kan {path} niet schrijven: {error.strerror or error}") from None
    return path
