"""Dutch and English text of the dashboard that is not a parameter or a metric.

Parameter labels come from :func:`simulatie.core.parameters.parameter_specs`, metric labels from
:data:`simulatie.core.observe.metrics.METRICS` and scenario titles from the scenario files.
Everything else the dashboard shows (buttons, headings, legend entries, group names) is here, once,
in both languages. Dutch is the default: the users are Dutch and Flemish community workers.
"""

from __future__ import annotations

from simulatie.core.parameters import GROUP_LABELS
from simulatie.core.state.groups import Group

__all__ = [
    "DEFAULT_LANG", "GROUP_NAMES", "LANGUAGES", "PARAMETER_GROUPS", "TEXT", "UNITS", "t", "unit",
]

LANGUAGES: tuple[str, ...] = ("nl", "en")
DEFAULT_LANG = "nl"

TEXT: dict[str, dict[str, str]] = {
    # page
    "app_title": {"nl": "Zorgzame buurt: simulatie", "en": "Caring neighbourhood: simulation"},
    "language": {"nl": "Taal", "en": "Language"},
    "tab_run": {"nl": "Buurt", "en": "Neighbourhood"},
    "tab_compare": {"nl": "Vergelijken", "en": "Compare"},
    "tab_myths": {"nl": "Mythen", "en": "Myths"},
    "tab_tipping": {"nl": "Kantelpunten", "en": "Tipping points"},
    "tab_about": {"nl": "Uitleg", "en": "About"},
    "tipping_intro": {
        "nl": "Onder welke omstandigheden valt het zorgnetwerk van deze buurt uit elkaar? We "
        "hebben deze buurt {runs} keer doorgerekend, telkens onder iets andere omstandigheden. "
        "Elke stip is zo'n buurt: **rood** waar het misgaat, grijs waar niet. Het oranje kader "
        "is het gebied waar het het vaakst misgaat; de ster zijn uw huidige instellingen. Kies "
        "hieronder wat \"misgaan\" is en welke twee omstandigheden u naast elkaar wilt zien.",
        "en": "Under which conditions does this neighbourhood's care network fall apart? We "
        "computed this neighbourhood {runs} times, each time under slightly different "
        "conditions. Each dot is one such neighbourhood: **red** where it goes wrong, grey where "
        "it does not. The orange frame is the area where it goes wrong most often; the star is "
        "your current settings. Choose below what \"going wrong\" means and which two "
        "conditions to put side by side.",
    },
    "tipping_none": {
        "nl": "Voor dit scenario is geen kantelpuntenkaart meegeleverd. Kies een praktijkvoorbeeld "
        "({cases}), of reken er zelf een uit: `simulatie sweep` met een bestand uit "
        "`experiments/discovery/` en daarna `simulatie discover ... --ship`.",
        "en": "No tipping-point map is shipped for this scenario. Pick a practice case "
        "({cases}), or compute one yourself: `simulatie sweep` with a file from "
        "`experiments/discovery/`, then `simulatie discover ... --ship`.",
    },
    "tipping_concern": {"nl": "Wat gaat er mis?", "en": "What goes wrong?"},
    "tipping_x": {"nl": "Horizontaal", "en": "Horizontal"},
    "tipping_y": {"nl": "Verticaal", "en": "Vertical"},
    "tipping_box": {"nl": "Wat de kaart laat zien", "en": "What the map shows"},
    "tipping_room_inside": {
        "nl": "In **{k} van de {n}** doorgerekende buurten waar {where}, ging het mis "
        "({concern}).",
        "en": "In **{k} of the {n}** computed neighbourhoods where {where}, it went wrong "
        "({concern}).",
    },
    "tipping_room_outside": {
        "nl": "In de andere buurten ging het mis in **{k} van de {n}**.",
        "en": "In the other neighbourhoods it went wrong in **{k} of the {n}**.",
    },
    "tipping_room_share": {
        "nl": "Van alle {bad} buurten waar het misgaat, liggen er {k} in dit gebied.",
        "en": "Of all {bad} neighbourhoods where it goes wrong, {k} lie in this area.",
    },
    "tipping_room_nowhere": {
        "nl": "In {bad} van de {total} doorgerekende buurten ging het mis ({concern}). Geen "
        "omstandigheid maakt duidelijk verschil: het gebeurt overal wel eens.",
        "en": "In {bad} of the {total} computed neighbourhoods it went wrong ({concern}). No "
        "condition makes a clear difference: it happens here and there everywhere.",
    },
    "tipping_research": {
        "nl": "{runs} ontwerppunten ({reps} herhalingen elk), gevarieerd: {varied}. Het kader "
        "is de box die scenario discovery (PRIM) koos; dekking is het deel van de punten van "
        "zorg in de box, dichtheid het deel van de punten in de box dat van zorg is.",
        "en": "{runs} design points ({reps} replications each), varied: {varied}. The frame is "
        "the box scenario discovery (PRIM) chose; coverage is the share of the points of "
        "concern inside the box, density the share of the points inside the box that are of "
        "concern.",
    },
    "tipping_area": {"nl": "waar het vaak misgaat", "en": "where it often goes wrong"},
    "tipping_inside": {
        "nl": "Uw huidige instellingen liggen **binnen** dit gebied: hier gaat het vaak mis.",
        "en": "Your current settings lie **inside** this area: things often go wrong here.",
    },
    "tipping_outside": {
        "nl": "Uw huidige instellingen liggen **buiten** dit gebied.",
        "en": "Your current settings lie **outside** this area.",
    },
    "tipping_failed": {
        "nl": "Voor deze keuze is er geen gebied te tekenen: het gaat overal mis, of nergens.",
        "en": "There is no area to draw for this choice: it goes wrong everywhere, or nowhere.",
    },
    "tipping_ok": {"nl": "gaat goed", "en": "fine"},
    "tipping_bad": {"nl": "gaat mis", "en": "goes wrong"},
    "tipping_you": {"nl": "uw instellingen", "en": "your settings"},
    # controls
    "scenario": {"nl": "Scenario", "en": "Scenario"},
    "seed": {"nl": "Toevalsgetal (seed)", "en": "Random seed"},
    "settings": {"nl": "Instellingen", "en": "Settings"},
    "settings_hint": {
        "nl": "Een andere instelling start de buurt opnieuw bij week 0.",
        "en": "Changing a setting restarts the neighbourhood at week 0.",
    },
    "changed_from_scenario": {"nl": "aangepast", "en": "changed"},
    "section_lever": {"nl": "Beleidsknoppen", "en": "Policy levers"},
    "section_structure": {"nl": "Structuur van de buurt", "en": "Neighbourhood structure"},
    "section_context": {"nl": "Aannames over de context", "en": "Context assumptions"},
    "section_convention": {"nl": "Meetafspraken", "en": "Measurement conventions"},
    "step": {"nl": "Volgende week", "en": "Next week"},
    "run_year": {"nl": "+1 jaar", "en": "+1 year"},
    "play": {"nl": "Afspelen", "en": "Play"},
    "pause": {"nl": "Pauze", "en": "Pause"},
    "reset": {"nl": "Opnieuw", "en": "Reset"},
    "export": {"nl": "Bewaar resultaten", "en": "Save results"},
    "exported": {"nl": "Opgeslagen in", "en": "Saved in"},
    "export_failed": {"nl": "Opslaan mislukt", "en": "Saving failed"},
    "export_nothing": {
        "nl": "Zet de buurt eerst minstens één week verder.",
        "en": "Step the neighbourhood at least one week first.",
    },
    "invalid": {"nl": "Deze instellingen passen niet bij elkaar.",
                "en": "These settings do not fit together."},
    "invalid_groups": {
        "nl": "De groepen bewoners tellen samen op tot {total}%: {parts}. Samen kunnen ze niet "
        "meer dan 100% zijn; de rest van de buurt zijn andere volwassenen. Zet een of meer "
        "groepen lager (onder {where}).",
        "en": "The groups of residents add up to {total}%: {parts}. Together they cannot be "
        "more than 100%; the rest of the neighbourhood are other adults. Lower one or more "
        "groups (under {where}).",
    },
    "invalid_other": {
        "nl": "Deze combinatie kan het model niet doorrekenen. Zet de laatste instelling die u "
        "veranderde terug, of kies het scenario opnieuw.",
        "en": "The model cannot compute this combination. Set the last setting you changed "
        "back, or pick the scenario again.",
    },
    "invalid_kept": {
        "nl": "Hieronder ziet u nog de buurt van de laatste instellingen die wel pasten.",
        "en": "Below is still the neighbourhood of the last settings that did fit.",
    },
    "for_researcher": {"nl": "Voor de onderzoeker", "en": "For the researcher"},
    "plural_share_older": {"nl": "ouderen (65+)", "en": "older people (65+)"},
    "plural_share_family": {"nl": "jonge gezinnen", "en": "young families"},
    "plural_share_lvb": {"nl": "bewoners met een LVB", "en": "residents with a mild "
                         "intellectual disability"},
    "plural_share_psych": {"nl": "psychisch kwetsbaren", "en": "residents with a psychiatric "
                           "vulnerability"},
    "plural_share_migrant": {"nl": "nieuwkomers", "en": "newcomers"},
    "yes": {"nl": "ja", "en": "yes"},
    "no": {"nl": "nee", "en": "no"},
    # status line
    "week": {"nl": "Week", "en": "Week"},
    "year": {"nl": "jaar", "en": "year"},
    "residents_short": {"nl": "bewoners", "en": "residents"},
    # map
    "map_title": {"nl": "De buurt in week {week}", "en": "The neighbourhood in week {week}"},
    "legend_groups": {"nl": "Bewoners", "en": "Residents"},
    "legend_states": {"nl": "Hoe gaat het?", "en": "How are they?"},
    "legend_places": {"nl": "In de buurt", "en": "In the neighbourhood"},
    "legend_series": {"nl": "Door de weken heen", "en": "Week by week"},
    "strip_caring_ties": {"nl": "Zorgzame banden", "en": "Caring ties"},
    "strip_lonely_share": {"nl": "Eenzame bewoners", "en": "Lonely residents"},
    "strip_ownership": {"nl": "Eigenaarschap", "en": "Ownership"},
    "strip_active_volunteers": {"nl": "Vrijwilligers", "en": "Volunteers"},
    "strip_active_initiators": {"nl": "Kartrekkers", "en": "Initiators"},
    "strip_care_hours_network": {"nl": "Zorg: eigen netwerk", "en": "Care: own network"},
    "strip_care_hours_volunteers": {"nl": "Zorg: vrijwilligers", "en": "Care: volunteers"},
    "strip_care_hours_professional": {"nl": "Zorg: professionals",
                                      "en": "Care: professionals"},
    "strip_care_hours_formal": {"nl": "Formele zorg", "en": "Formal care"},
    "strip_care_hours_unmet": {"nl": "Onvervulde zorgvraag", "en": "Unmet need"},
    "meeting_place": {"nl": "Ontmoetingsplek", "en": "Meeting place"},
    "professional": {"nl": "Professional", "en": "Professional"},
    "initiator": {"nl": "Kartrekker (ring)", "en": "Initiator (ring)"},
    "volunteer": {"nl": "Vrijwilliger (stip)", "en": "Volunteer (dot)"},
    "caring_tie": {"nl": "Zorgzame band", "en": "Caring tie"},
    "baseline_caring": {"nl": "Zelfde buurt, niets georganiseerd",
                        "en": "Same neighbourhood, nothing organised"},
    "baseline_short": {"nl": "niets georganiseerd", "en": "nothing organised"},
    "emergence_seen": {
        "nl": "Zorgzame banden ontstaan vanaf week {week}: vanaf dan hebben minstens "
              "{margin:.0%} meer bewoners een zorgzame band dan in dezelfde buurt (zelfde seed) "
              "zonder georganiseerde activiteiten. Verschil nu: {excess:+.0%}.",
        "en": "Caring ties emerged from week {week}: from then on at least {margin:.0%} more "
              "residents have a caring tie than in the same neighbourhood (same seed) with "
              "nothing organised. Difference now: {excess:+.0%}.",
    },
    "emergence_not_yet": {
        "nl": "Nog geen duidelijk verschil met dezelfde buurt (zelfde seed) zonder "
              "georganiseerde activiteiten; verschil nu: {excess:+.0%} bewoners met een "
              "zorgzame band.",
        "en": "No clear difference yet from the same neighbourhood (same seed) with nothing "
              "organised; difference now: {excess:+.0%} of residents with a caring tie.",
    },
    "half_life_line": {
        "nl": "Na het einde van de steun (week {ended}) was het verschil in {weeks} weken "
              "gehalveerd.",
        "en": "After support ended (week {ended}) the difference halved in {weeks} weeks.",
    },
    "friendly_tie": {"nl": "Vriendelijk contact", "en": "Friendly tie"},
    "state_connected": {"nl": "Verbonden", "en": "Connected"},
    "state_lonely": {"nl": "Eenzaam", "en": "Lonely"},
    "state_in_need": {"nl": "Te weinig hulp", "en": "Not enough help"},
    "state_helping": {"nl": "Helpt een ander", "en": "Helping someone"},
    # time series
    "panel_ties": {"nl": "Zorgzame banden", "en": "Caring ties"},
    "panel_shares": {"nl": "Eenzaamheid en eigenaarschap", "en": "Loneliness and ownership"},
    "panel_care": {"nl": "Zorguren per week, naar bron", "en": "Care hours per week, by source"},
    "panel_people": {"nl": "Vrijwilligers en kartrekkers", "en": "Volunteers and initiators"},
    "panel_ties_short": {"nl": "Zorgzame banden", "en": "Caring ties"},
    "panel_shares_short": {"nl": "Eenzaam, eigenaarschap", "en": "Lonely, ownership"},
    "panel_care_short": {"nl": "Zorguren per week", "en": "Care hours per week"},
    "panel_people_short": {"nl": "Vrijwilligers, kartrekkers", "en": "Volunteers, initiators"},
    # compare
    "compare_intro": {
        "nl": "Twee buurten met dezelfde instellingen en hetzelfde toevalsgetal; "
        "alleen de gekozen instelling verschilt.",
        "en": "Two neighbourhoods with the same settings and the same random seed; "
        "only the chosen setting differs.",
    },
    "compare_parameter": {"nl": "Instelling die verschilt", "en": "Setting that differs"},
    "compare_value_a": {"nl": "Waarde in buurt A", "en": "Value in neighbourhood A"},
    "compare_value_b": {"nl": "Waarde in buurt B", "en": "Value in neighbourhood B"},
    "side_a": {"nl": "Buurt A", "en": "Neighbourhood A"},
    "side_b": {"nl": "Buurt B", "en": "Neighbourhood B"},
    "compare_table_metric": {"nl": "Deze week", "en": "This week"},
    # myths (workshop)
    "myths_intro": {
        "nl": "Kies een mythe en druk op de knop: u ziet hetzelfde antwoord als in de hand-out "
        "(300 bewoners, vijf jaar, elke variant vaak doorgerekend). Verandert u een instelling, "
        "dan rekent het model dat opnieuw door: tot een minuut. Een denkhulp, geen voorspelling.",
        "en": "Pick a myth and press the button: you see the same answer as in the handout "
        "(300 residents, five years, each variant run many times). Change a setting and the "
        "model computes it again: up to a minute. A thinking aid, not a forecast.",
    },
    "myth_pick": {"nl": "Mythe", "en": "Myth"},
    "myth_ask": {"nl": "Wat zegt het model?", "en": "What does the model say?"},
    "myth_levers": {
        "nl": "Wat als de buurt anders is? Deze instellingen doen ertoe voor deze mythe; "
        "druk daarna opnieuw op de knop.",
        "en": "What if the neighbourhood is different? These settings matter for this myth; "
        "press the button again afterwards.",
    },
    "myth_busy": {"nl": "Het model rekent… (tot een minuut)",
                  "en": "The model is computing… (up to a minute)"},
    "myth_claim": {"nl": "De mythe", "en": "The myth"},
    "myth_answer": {"nl": "Het antwoord van het model", "en": "The model's answer"},
    "myth_press": {
        "nl": "Druk op de knop om het antwoord te berekenen.",
        "en": "Press the button to compute the answer.",
    },
    "myth_stale": {
        "nl": "Dit antwoord hoort bij een andere keuze; druk opnieuw op de knop.",
        "en": "This answer belongs to another choice; press the button again.",
    },
    "myth_counter": {"nl": "Onder de tegenaanname:", "en": "Under the counter-assumption:"},
    "myth_questions": {"nl": "Om over te praten", "en": "To discuss"},
    # about
    "about": {
        "nl": (
            "**Wat zie je?** Elke woning is een bewoner; de kleur is de groep, de vorm zegt "
            "hoe het gaat. Paarse lijnen zijn *zorgzame banden*: buren die elkaar kennen en "
            "elkaar geholpen hebben. Grijze lijnen zijn vriendelijke contacten. De ster is de "
            "ontmoetingsplek, de ruit de professional.\n\n"
            "**Hoe werkt het?** Kies een scenario, pas instellingen aan en zet de buurt week "
            "voor week verder. Onder *Vergelijken* zie je twee buurten naast elkaar die maar in "
            "één instelling verschillen. *Bewaar resultaten* schrijft dezelfde bestanden als "
            "`simulatie run` naar de map `results/`.\n\n"
            "Het model is een denkhulp, geen voorspelling: kijk naar verschillen tussen "
            "instellingen, niet naar precieze getallen."
        ),
        "en": (
            "**What do you see?** Each home is one resident; the colour is their group, the "
            "shape says how they are. Purple lines are *caring ties*: neighbours who know each "
            "other and have helped each other. Grey lines are friendly ties. The star is the "
            "meeting place, the diamond the professional.\n\n"
            "**How does it work?** Choose a scenario, change settings and step the "
            "neighbourhood week by week. *Compare* shows two neighbourhoods side by side that "
            "differ in one setting only. *Save results* writes the same files as "
            "`simulatie run` to the `results/` folder.\n\n"
            "The model is a thinking aid, not a forecast: look at differences between settings, "
            "not at exact numbers."
        ),
    },
}
"""Every piece of interface text, by key and language."""

GROUP_NAMES: dict[Group, dict[str, str]] = {
    Group.ADULT: {"nl": "Volwassene", "en": "Adult"},
    Group.OLDER: {"nl": "Oudere (65+)", "en": "Older person (65+)"},
    Group.FAMILY: {"nl": "Jong gezin", "en": "Young family"},
    Group.LVB: {"nl": "LVB", "en": "Mild intellectual disability"},
    Group.PSYCH: {"nl": "Psychisch kwetsbaar", "en": "Psychiatric vulnerability"},
    Group.MIGRANT: {"nl": "Nieuwkomer", "en": "Newcomer or migrant"},
}
"""Resident groups as shown in the legend."""

PARAMETER_GROUPS = GROUP_LABELS
"""Headings of the parameter groups declared in :mod:`simulatie.core.parameters`."""

UNITS: dict[str, dict[str, str]] = {
    "share": {"nl": "aandeel", "en": "share"},
    "ties": {"nl": "banden", "en": "ties"},
    "people": {"nl": "personen", "en": "people"},
    "hours/week": {"nl": "uren per week", "en": "hours/week"},
    "hours": {"nl": "uren", "en": "hours"},
    "weeks": {"nl": "weken", "en": "weeks"},
    "residents": {"nl": "bewoners", "en": "residents"},
    "homes": {"nl": "woningen", "en": "homes"},
    "places": {"nl": "plekken", "en": "places"},
    "chance": {"nl": "kans", "en": "chance"},
    "factor": {"nl": "factor", "en": "factor"},
    "1/week": {"nl": "per week", "en": "1/week"},
    "1/year": {"nl": "per jaar", "en": "1/year"},
    "energy": {"nl": "energie", "en": "energy"},
    "energy/week": {"nl": "energie per week", "en": "energy/week"},
    "motivation/week": {"nl": "motivatie per week", "en": "motivation/week"},
    "conversations": {"nl": "gesprekken", "en": "conversations"},
    "invitations": {"nl": "uitnodigingen", "en": "invitations"},
    "cells": {"nl": "vakjes", "en": "cells"},
    "contacts/week": {"nl": "contacten per week", "en": "contacts/week"},
    "hours/week per resident": {
        "nl": "uren per week per bewoner", "en": "hours/week per resident"
    },
}
"""Units of parameters and metrics in Dutch; a unit not listed is shown as declared."""


def t(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """Return the interface text ``key`` in ``lang``, with ``{placeholders}`` filled in.

    Args:
        key: A key of :data:`TEXT`.
        lang: ``"nl"`` or ``"en"``.
        **values: Values for the placeholders in the text.

    Returns:
        The text.

    Raises:
        KeyError: If the key or the language is unknown.
    """
    text = TEXT[key][lang]
    return text.format(**values) if values else text


def unit(name: str, lang: str = DEFAULT_LANG) -> str:
    """Return a declared unit in ``lang`` (as declared when it has no translation)."""
    return UNITS.get(name, {}).get(lang, name)
