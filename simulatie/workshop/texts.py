"""The words of the myth handouts, in Dutch and English.

Per myth: the claim (seed 000), what the two arms and the counter-assumption are in plain words,
how the key measure is named, and discussion questions tied to the practice cases of seed 000
(Kerkweg, Willem Klooslaan, Theehuis). The general templates (headings, verdict sentences, the
"thinking tool" statement) follow. No number and no conclusion is written here: the templates
have slots that :mod:`simulatie.workshop.handout` fills from computed results, and the verdict
sentence is chosen by :func:`simulatie.workshop.myths.judge`.
"""

from __future__ import annotations

__all__ = ["MYTH_TEXTS", "TEMPLATES", "text"]

MYTH_TEXTS: dict[int, dict[str, dict[str, object]]] = {
    1: {
        "nl": {
            "claim": "Minder overheid betekent meer gemeenschap",
            "measure": "zorgzame banden (gemiddeld in het laatste jaar)",
            "myth_arm": "minder overheid: formele zorg met twee derde verminderd, welzijnswerker "
            "4 in plaats van 16 uur per week",
            "alternative_arm": "de standaard: formele zorg 0,6 uur per bewoner, welzijnswerker "
            "16 uur per week",
            "counter": "de professionals het werk volledig zelf overnemen (twee werkers, "
            "gesloten-autoritaire stijl) en zo bewoners verdringen",
            "questions": [
                "Bij de Kerkweg faciliteren professionals de koffieochtenden en de "
                "jeu-de-boulesbaan. Wat valt weg als die uren verdwijnen — en wat als zij juist "
                "alles zelf gaan doen?",
                "Waar neemt in uw praktijk de gemeente of de organisatie werk over dat bewoners "
                "zelf zouden kunnen doen? Daar zou 'minder overheid' wél ruimte kunnen geven.",
            ],
        },
        "en": {
            "claim": "Less government means more community",
            "measure": "caring ties (mean over the last year)",
            "myth_arm": "less government: formal care cut by two thirds, welfare worker 4 "
            "instead of 16 hours a week",
            "alternative_arm": "the default: 0.6 hours of formal care per resident, welfare "
            "worker 16 hours a week",
            "counter": "professionals take all the work over themselves (two workers, "
            "closed-authoritarian style) and so crowd residents out",
            "questions": [
                "At Kerkweg professionals facilitate the coffee mornings and the jeu de boules "
                "court. What is lost if those hours go — and what if they did everything "
                "themselves instead?",
                "Where in your practice does the council or the organisation take over work "
                "that residents could do? That is where 'less government' might give room.",
            ],
        },
    },
    2: {
        "nl": {
            "claim": "De overheid streeft naar een participatiesamenleving",
            "measure": "onvervulde zorgvraag (aandeel van alle zorgvraag)",
            "myth_arm": "formele zorg met twee derde verminderd, verder niets",
            "alternative_arm": "dezelfde bezuiniging, met investering in infrastructuur: drie "
            "ontmoetingsplekken, vier kartrekkers, twee faciliterende opbouwwerkers, "
            "persoonlijk uitnodigen, activiteiten met taken",
            "counter": "de gemeenschap er al is: buren zien elkaar vaak, durven te vragen en "
            "hebben tijd om te helpen",
            "questions": [
                "De Willem Klooslaan ligt tegenover een buurthuis en werkt met de jongerenwerker "
                "en buurtmoeders. Welke infrastructuur draagt daar de participatie — en wat "
                "gebeurt er als die wegbezuinigd wordt?",
                "Is in uw gemeente de participatiesamenleving een doel, of vooral een "
                "bezuiniging? Waar wordt structureel in ontmoeting en opbouwwerk geïnvesteerd?",
            ],
        },
        "en": {
            "claim": "The government is striving for a participation society",
            "measure": "unmet care need (share of all need)",
            "myth_arm": "formal care cut by two thirds, nothing else",
            "alternative_arm": "the same cut, with investment in infrastructure: three meeting "
            "places, four initiators, two facilitating community workers, personal invitation, "
            "activities with tasks",
            "counter": "the community is already there: neighbours meet often, dare to ask and "
            "have time to help",
            "questions": [
                "Willem Klooslaan lies opposite a neighbourhood centre and works with the youth "
                "worker and the neighbourhood mothers. Which infrastructure carries participation "
                "there — and what happens if it is cut?",
                "In your municipality, is the participation society a goal or mainly a cut? "
                "Where is there structural investment in meeting and community work?",
            ],
        },
    },
    3: {
        "nl": {
            "claim": "Gemeenschappen ontstaan spontaan",
            "measure": "bewoners met minstens één zorgzame band",
            "myth_arm": "niemand organiseert: geen kartrekkers, geen ontmoetingsplek, geen "
            "professional",
            "alternative_arm": "de standaardbuurt: twee kartrekkers, één ontmoetingsplek, één "
            "welzijnswerker",
            "counter": "buren elkaar toch al vaak tegenkomen (acht keer per week) en een lage "
            "drempel hebben om hulp te vragen",
            "questions": [
                "Bij de Kerkweg werd ontmoeten gefaciliteerd: koffieochtenden, een ijscoman, de "
                "jeu-de-boulesbaan. Wat was er gebeurd zonder die eerste stap?",
                "Kent u een buurt waar gemeenschap wél vanzelf ontstond? Gold daar de aanname "
                "van het model: veel toevallig contact en een lage vraagdrempel?",
            ],
        },
        "en": {
            "claim": "Communities arise spontaneously",
            "measure": "residents with at least one caring tie",
            "myth_arm": "nobody organises: no initiators, no meeting place, no professional",
            "alternative_arm": "the default neighbourhood: two initiators, one meeting place, "
            "one welfare worker",
            "counter": "neighbours run into each other often anyway (eight times a week) and "
            "find it easy to ask for help",
            "questions": [
                "At Kerkweg meeting was facilitated: coffee mornings, an ice-cream van, the jeu "
                "de boules court. What would have happened without that first step?",
                "Do you know a neighbourhood where community did arise by itself? Did the "
                "model's assumption hold there: much chance contact and a low threshold to ask?",
            ],
        },
    },
    4: {
        "nl": {
            "claim": "Goede gemeenschappen zijn gemengde gemeenschappen",
            "measure": "eenzame bewoners (geen enkele vriendelijke of zorgzame band in de buurt)",
            "myth_arm": "gemengd: de helft nieuwkomers/migranten, niemand slaat een brug",
            "alternative_arm": "homogeen: iedereen uit dezelfde groep",
            "counter": "mensen even makkelijk een band aangaan met iemand uit een andere groep "
            "als uit de eigen groep (geen homofilie)",
            "questions": [
                "De Kerkweg mengt ouderen met cliënten met een LVB of psychische problemen "
                "(gespikkeld wonen). Wie slaat daar de brug, en wat gebeurt er als niemand dat "
                "doet?",
                "In de Willem Klooslaan spelen buurtmoeders en de jongerenwerker een rol. Zijn "
                "zij de brugbouwers die het model mist als de mix 'vanzelf' moet werken?",
            ],
        },
        "en": {
            "claim": "Good communities are mixed communities",
            "measure": "lonely residents (no friendly or caring tie in the neighbourhood)",
            "myth_arm": "mixed: half are newcomers/migrants, nobody bridges",
            "alternative_arm": "homogeneous: everyone from the same group",
            "counter": "people bond with someone from another group as easily as with someone "
            "from their own (no homophily)",
            "questions": [
                "Kerkweg mixes older people with clients with a mild intellectual disability or "
                "psychiatric problems (sprinkled housing). Who builds the bridge there, and what "
                "happens if nobody does?",
                "At Willem Klooslaan the neighbourhood mothers and the youth worker play a part. "
                "Are they the bridge builders the model lacks when the mix must work 'by itself'?",
            ],
        },
    },
    5: {
        "nl": {
            "claim": "Als de deur openstaat, komt de buurt vanzelf binnen",
            "measure": "nieuwe bezoekers met weinig contacten (per jaar)",
            "myth_arm": "alleen een open deur",
            "alternative_arm": "organisatoren nodigen buren persoonlijk en gericht uit",
            "counter": "er niets is om mensen vóór uit te nodigen: alle activiteiten zijn "
            "gezellig samenzijn zonder taken of rollen",
            "questions": [
                "Bij de Willem Klooslaan staan deuren en gordijnen open. Wie komt er dan binnen "
                "— en wie juist niet?",
                "Het Theehuis koppelt cliënt en bezoeker waar het past. Hoe vraagt u iemand om "
                "iets te dóén, in plaats van 'kom gerust eens langs'?",
            ],
        },
        "en": {
            "claim": "If the door is open, the neighbourhood comes in by itself",
            "measure": "first-time visitors with few ties (per year)",
            "myth_arm": "an open door only",
            "alternative_arm": "organisers invite neighbours personally and purposefully",
            "counter": "there is nothing to invite people for: every activity is a cosy "
            "gathering without tasks or roles",
            "questions": [
                "At Willem Klooslaan doors and curtains are open. Who comes in then — and who "
                "does not?",
                "The Theehuis matches client and visitor where it fits. How do you ask someone "
                "to *do* something, rather than 'feel free to drop by'?",
            ],
        },
    },
    6: {
        "nl": {
            "claim": "Aan de gemeenschap hoor je belangeloos bij te dragen",
            "measure": "actieve vrijwilligers (gemiddeld in het laatste jaar)",
            "myth_arm": "belangeloosheid verwacht: geen dank, niets terug",
            "alternative_arm": "wederkerigheid en waardering: eerst geven, dan nemen",
            "counter": "alle vrijwilligers echt belangeloos zijn: ze hoeven niets terug, hun "
                       "voldoening komt helemaal uit het helpen zelf",
            "questions": [
                "In het Theehuis bakt een buurvrouw taarten die verkocht worden. Wat krijgt zij "
                "ervoor terug, en hoe belangrijk is dat?",
                "'Eerst geven, dan nemen' (seed 000): wat geeft uw organisatie aan vrijwilligers "
                "en buren vóórdat ze iets vraagt?",
            ],
        },
        "en": {
            "claim": "You should contribute to the community selflessly",
            "measure": "active volunteers (mean over the last year)",
            "myth_arm": "selflessness expected: no thanks, nothing back",
            "alternative_arm": "reciprocity and appreciation: first give, then take",
            "counter": "every volunteer really is selfless: they need nothing back, all their "
                       "satisfaction comes from helping itself",
            "questions": [
                "At the Theehuis a neighbour bakes cakes that are sold. What does she get back, "
                "and how much does that matter?",
                "'First give, then take' (seed 000): what does your organisation give volunteers "
                "and neighbours before it asks for anything?",
            ],
        },
    },
    7: {
        "nl": {
            "claim": "Een goede gemeenschap is gezellig",
            "measure": "nieuwe bezoekers met weinig contacten (per jaar)",
            "myth_arm": "alleen gezellig samenzijn",
            "alternative_arm": "alleen activiteiten met taken en rollen",
            "counter": "niemand mensen persoonlijk uitnodigt — geen organisator, geen "
                       "professional: elke activiteit heeft alleen haar open deur",
            "questions": [
                "De Kerkweg deelt knutselwerk uit bij bewoners en huurt een ijscoman: gezellig, "
                "of een taak met een rol? Wie bereik je ermee?",
                "In het Theehuis werken cliënten met een taak, en een buurvrouw bakt taarten. "
                "Wat doet een taak dat gezelligheid niet doet — en andersom?",
            ],
        },
        "en": {
            "claim": "A good community is cosy",
            "measure": "first-time visitors with few ties (per year)",
            "myth_arm": "cosy social gatherings only",
            "alternative_arm": "activities with tasks and roles only",
            "counter": "nobody invites anyone personally — no organiser, no professional: every "
                       "activity has only its open door",
            "questions": [
                "Kerkweg hands out crafts to residents and hires an ice-cream van: cosy, or a "
                "task with a role? Whom does it reach?",
                "At the Theehuis clients work with a task, and a neighbour bakes cakes. What "
                "does a task do that cosiness does not — and the other way round?",
            ],
        },
    },
}

TEMPLATES: dict[str, dict[str, str]] = {
    "nl": {
        "myth": "Mythe {n}",
        "pack_title": "Zeven mythes over zorgzame gemeenschappen — werkmap",
        "claim_heading": "De bewering",
        "shows_heading": "Wat het model laat zien (standaardaannames)",
        "counter_heading": "Onder welke aanname zou de mythe kloppen?",
        "questions_heading": "Om over te praten",
        "setup": "{measure} na {years} jaar, {reps} herhalingen per variant, {residents} "
        "bewoners. Tussen haakjes: 95%-interval van het gemiddelde.",
        "numbers": "{measure}: {myth_value} ({myth_low}–{myth_high}) bij {myth_arm}, "
        "tegenover {alt_value} ({alt_low}–{alt_high}) bij {alt_arm}.",
        "difference": "Verschil: {diff} (95%-interval {diff_low} tot {diff_high}).",
        "myth_better": "Het model ondersteunt de mythe: de uitkomst ({measure_short}) is "
        "duidelijk {direction} bij '{myth_arm_short}', en dat is beter.",
        "myth_worse": "Het model spreekt de mythe tegen: de uitkomst ({measure_short}) is "
        "duidelijk {direction} bij '{myth_arm_short}', en dat is slechter.",
        "none_better": "Geen duidelijk verschil tussen de twee varianten. De mythe belooft "
        "méér, maar krijgt in het model dus geen steun.",
        "none_not_worse": "Geen duidelijk verschil tussen de twee varianten: op dit punt houdt "
        "de mythe in het model stand.",
        "higher": "hoger",
        "lower": "lager",
        "counter_intro": "Stel dat {counter}. Het model opnieuw gedraaid met die aanname, voor "
        "beide varianten:",
        "counter_holds": "Onder deze aanname houdt de mythe stand. Dat is de aanname waar het "
        "gesprek over kan gaan: geldt die in uw buurt?",
        "counter_fails": "Ook onder deze aanname houdt de mythe in het model geen stand. In het "
        "model werkt het mechanisme altijd zo; is dat in uw praktijk ook zo? (zie docs/odd.md)",
        "robustness_heading": "Hoe stevig is dit antwoord?",
        "side_effects_heading": "Ook gemeten, in dezelfde runs (laatste jaar)",
        "percent": "procent",
        "side_effect": "{label}: {myth_value} bij de mythe, {alt_value} bij het alternatief "
        "({unit}; verschil {diff}).",
        "robustness": "Dezelfde vraag in {members} plausibele buurten (andere aannames over "
        "mensen en banden die even goed bij de Nederlandse cijfers passen, docs/calibration.md; "
        "{reps} herhalingen per variant): de mythe houdt stand in {holds} van de buurten. Het "
        "model spreekt haar tegen in {contradicts}, steunt haar in {supports} en ziet geen "
        "duidelijk verschil in {unclear}.",
        "robust": "Het antwoord hierboven is robuust: {same} van de plausibele buurten geven "
        "hetzelfde oordeel.",
        "fragile": "Het antwoord hierboven is kwetsbaar: maar {same} van de plausibele buurten "
        "geven hetzelfde oordeel. Het hangt af van aannames die niemand precies kent.",
        "disclaimer": "Dit is een denkgereedschap, geen voorspelling. Het model laat zien wat er "
        "volgt uit de aannames in docs/odd.md en de scenariobestanden; andere aannames geven "
        "andere uitkomsten. Verander ze met --set of in het dashboard.",
        "clear_rule": "'Duidelijk' betekent: het 95%-interval van het gepaarde verschil (zelfde "
        "toevalsgetallen in beide varianten) bevat de nul niet, en het verschil is minstens 5% "
        "van het grootste gemiddelde{relevant}.",
        "relevant": " en minstens {value}",
        "figure_caption": "Lijn: gemiddelde over de herhalingen; band: 95%-interval.",
        "panel_default": "Standaardaannames",
        "panel_counter": "Als {counter_short}",
        "years": "jaren",
        "cumulative": "{label}, opgeteld tot nu",
        "share_so_far": "{label}, aandeel tot nu",
        "footer": "simulatie mythe {n} · master seed {seed} · {runs} runs · {when}{commit}",
        "overrides": "Aangepast met --set: {values}.",
        "scenario": "Scenario: {scenario}.",
    },
    "en": {
        "myth": "Myth {n}",
        "pack_title": "Seven myths about caring communities — workshop pack",
        "claim_heading": "The claim",
        "shows_heading": "What the model shows (default assumptions)",
        "counter_heading": "Under which assumption would the myth hold?",
        "questions_heading": "For discussion",
        "setup": "{measure} after {years} years, {reps} replications per arm, {residents} "
        "residents. In brackets: 95% interval of the mean.",
        "numbers": "{measure}: {myth_value} ({myth_low}–{myth_high}) with {myth_arm}, against "
        "{alt_value} ({alt_low}–{alt_high}) with {alt_arm}.",
        "difference": "Difference: {diff} (95% interval {diff_low} to {diff_high}).",
        "myth_better": "The model supports the myth: the outcome ({measure_short}) is clearly "
        "{direction} with '{myth_arm_short}', and that is better.",
        "myth_worse": "The model contradicts the myth: the outcome ({measure_short}) is clearly "
        "{direction} with '{myth_arm_short}', and that is worse.",
        "none_better": "No clear difference between the two arms. The myth promises more, so "
        "the model does not support it.",
        "none_not_worse": "No clear difference between the two arms: on this point the myth "
        "holds in the model.",
        "higher": "higher",
        "lower": "lower",
        "counter_intro": "Suppose {counter}. The model run again under that assumption, for "
        "both arms:",
        "counter_holds": "Under this assumption the myth holds. That is the assumption to "
        "discuss: does it hold in your neighbourhood?",
        "counter_fails": "Even under this assumption the myth does not hold in the model. In the "
        "model the mechanism always works this way; is that so in your practice? (see "
        "docs/odd.md)",
        "robustness_heading": "How firm is this answer?",
        "side_effects_heading": "Also measured, in the same runs (last year)",
        "percent": "percent",
        "side_effect": "{label}: {myth_value} with the myth, {alt_value} with the alternative "
        "({unit}; difference {diff}).",
        "robustness": "The same question in {members} plausible neighbourhoods (other "
        "assumptions about people and ties that fit the Dutch figures as well, "
        "docs/calibration.md; {reps} replications per arm): the myth holds in {holds} of them. "
        "The model contradicts it in {contradicts}, supports it in {supports} and sees no clear "
        "difference in {unclear}.",
        "robust": "The answer above is robust: {same} of the plausible neighbourhoods give the "
        "same verdict.",
        "fragile": "The answer above is fragile: only {same} of the plausible neighbourhoods "
        "give the same verdict. It depends on assumptions nobody knows precisely.",
        "disclaimer": "This is a thinking tool, not a prediction. The model shows what follows "
        "from the assumptions in docs/odd.md and the scenario files; other assumptions give "
        "other results. Change them with --set or in the dashboard.",
        "clear_rule": "'Clearly' means: the 95% interval of the paired difference (the same "
        "random numbers in both arms) excludes zero, and the difference is at least 5% of the "
        "larger mean{relevant}.",
        "relevant": " and at least {value}",
        "figure_caption": "Line: mean over replications; band: 95% interval.",
        "panel_default": "Default assumptions",
        "panel_counter": "If {counter_short}",
        "years": "years",
        "cumulative": "{label}, summed so far",
        "share_so_far": "{label}, share so far",
        "footer": "simulatie myth {n} · master seed {seed} · {runs} runs · {when}{commit}",
        "overrides": "Changed with --set: {values}.",
        "scenario": "Scenario: {scenario}.",
    },
}


def text(n: int, lang: str, key: str) -> object:
    """One text of myth ``n`` in ``lang`` (``"nl"`` or ``"en"``)."""
    return MYTH_TEXTS[n][lang][key]
