"""The words of the myth handouts, in Dutch and English.

Per myth: the claim (seed 000), the two arms, each as a short name that reads inside a sentence
("with ‘less government’") and a detail that says what it sets, the counter-assumption in plain
words, how the key measure is named, and discussion questions tied to the practice cases of seed
000 (Kerkweg, Willem Klooslaan, Theehuis). The general templates (headings, verdict sentences, the
"thinking tool" statement, the quick-try banner, the counter-assumption's heading and closing
sentence for each verdict) follow. No number and no conclusion is written here: the templates
have slots that :mod:`simulatie.workshop.handout` fills from computed results, and the verdict
sentence is chosen by :func:`simulatie.workshop.myths.judge`. Participants read every template
except those of the technical notes (``technical_heading`` and the ones below it), the only
ones that name files, commands or parameters.
"""

from __future__ import annotations

__all__ = ["MYTH_TEXTS", "TEMPLATES", "text"]

MYTH_TEXTS: dict[int, dict[str, dict[str, object]]] = {
    1: {
        "nl": {
            "claim": "Minder overheid betekent meer gemeenschap",
            "measure": "zorgzame banden (gemiddeld in het laatste jaar)",
            "myth_arm": "minder overheid",
            "myth_arm_detail": "formele zorg met twee derde verminderd (0,2 in plaats van 0,6 uur "
            "per bewoner per week) en een welzijnswerker 4 in plaats van 16 uur per week",
            "alternative_arm": "de huidige inzet",
            "alternative_arm_detail": "formele zorg 0,6 uur per bewoner per week en een "
            "welzijnswerker 16 uur per week",
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
            "myth_arm": "less government",
            "myth_arm_detail": "formal care cut by two thirds (0.2 instead of 0.6 hours per "
            "resident a week) and a welfare worker 4 instead of 16 hours a week",
            "alternative_arm": "current provision",
            "alternative_arm_detail": "0.6 hours of formal care per resident a week and a welfare "
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
            "myth_arm": "alleen bezuinigen",
            "myth_arm_detail": "formele zorg met twee derde verminderd, verder niets",
            "alternative_arm": "bezuinigen en investeren",
            "alternative_arm_detail": "dezelfde bezuiniging, plus investering in infrastructuur "
            "(drie ontmoetingsplekken, vier kartrekkers, twee faciliterende opbouwwerkers, "
            "persoonlijk uitnodigen en activiteiten met taken)",
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
            "myth_arm": "cutting only",
            "myth_arm_detail": "formal care cut by two thirds, nothing else",
            "alternative_arm": "cutting and investing",
            "alternative_arm_detail": "the same cut, plus investment in infrastructure (three "
            "meeting places, four initiators, two facilitating community workers, personal "
            "invitation and activities with tasks)",
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
            "myth_arm": "niemand organiseert",
            "myth_arm_detail": "geen kartrekkers, geen ontmoetingsplek, geen professional",
            "alternative_arm": "een gewone buurt",
            "alternative_arm_detail": "twee kartrekkers, één ontmoetingsplek en één "
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
            "myth_arm": "nobody organises",
            "myth_arm_detail": "no initiators, no meeting place, no professional",
            "alternative_arm": "an ordinary neighbourhood",
            "alternative_arm_detail": "two initiators, one meeting place and one welfare worker",
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
            "myth_arm": "gemengd",
            "myth_arm_detail": "de helft van de bewoners is nieuwkomer of migrant, en niemand "
            "slaat een brug tussen de groepen",
            "alternative_arm": "homogeen",
            "alternative_arm_detail": "iedereen komt uit dezelfde groep",
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
            "myth_arm": "mixed",
            "myth_arm_detail": "half of the residents are newcomers or migrants, and nobody "
            "builds a bridge between the groups",
            "alternative_arm": "homogeneous",
            "alternative_arm_detail": "everyone is from the same group",
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
            "myth_arm_detail": "activiteiten staan open voor wie wil komen; niemand wordt "
            "uitgenodigd",
            "alternative_arm": "persoonlijk uitnodigen",
            "alternative_arm_detail": "organisatoren nodigen buren persoonlijk en gericht uit",
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
            "myth_arm_detail": "activities are open to whoever wants to come; nobody is invited",
            "alternative_arm": "personal invitation",
            "alternative_arm_detail": "organisers invite neighbours personally and purposefully",
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
            "myth_arm": "belangeloosheid verwacht",
            "myth_arm_detail": "vrijwilligers krijgen geen dank en niets terug",
            "alternative_arm": "wederkerigheid en waardering",
            "alternative_arm_detail": "vrijwilligers worden gewaardeerd en krijgen iets terug "
            "(eerst geven, dan nemen)",
            "counter": "alle vrijwilligers echt belangeloos zijn: ze hoeven niets terug, hun "
                       "voldoening komt helemaal uit het helpen zelf",
            "questions": [
                "In het Theehuis bakt een buurvrouw taarten die verkocht worden. Wat krijgt zij "
                "ervoor terug, en hoe belangrijk is dat?",
                "'Eerst geven, dan nemen': wat geeft uw organisatie aan vrijwilligers en buren "
                "vóórdat ze iets vraagt?",
            ],
        },
        "en": {
            "claim": "You should contribute to the community selflessly",
            "measure": "active volunteers (mean over the last year)",
            "myth_arm": "selflessness expected",
            "myth_arm_detail": "volunteers get no thanks and nothing back",
            "alternative_arm": "reciprocity and appreciation",
            "alternative_arm_detail": "volunteers are appreciated and get something back (first "
            "give, then take)",
            "counter": "every volunteer really is selfless: they need nothing back, all their "
                       "satisfaction comes from helping itself",
            "questions": [
                "At the Theehuis a neighbour bakes cakes that are sold. What does she get back, "
                "and how much does that matter?",
                "'First give, then take': what does your organisation give volunteers and "
                "neighbours before it asks for anything?",
            ],
        },
    },
    7: {
        "nl": {
            "claim": "Een goede gemeenschap is gezellig",
            "measure": "nieuwe bezoekers met weinig contacten (per jaar)",
            "myth_arm": "alleen gezelligheid",
            "myth_arm_detail": "alle activiteiten zijn gezellig samenzijn, zonder taken of rollen",
            "alternative_arm": "taken en rollen",
            "alternative_arm_detail": "alle activiteiten geven mensen een taak of een rol",
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
            "myth_arm": "cosiness only",
            "myth_arm_detail": "every activity is a cosy social gathering, without tasks or roles",
            "alternative_arm": "tasks and roles",
            "alternative_arm_detail": "every activity gives people a task or a role",
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
        "shows_heading": "Wat het model laat zien (standaardaannames)",
        "questions_heading": "Om over te praten",
        "setup": "{measure} na {years} jaar, {reps} herhalingen per variant, {residents} "
        "bewoners. Tussen haakjes: 95%-interval van het gemiddelde.",
        "arms_intro": "Vergeleken worden twee varianten:",
        "arm": "‘{name}’: {detail}.",
        "numbers": "{measure}: {myth_value} ({myth_low}–{myth_high}) bij ‘{myth_arm}’, "
        "tegenover {alt_value} ({alt_low}–{alt_high}) bij ‘{alt_arm}’.",
        "difference": "Verschil: {diff} (95%-interval {diff_low} tot {diff_high}).",
        "myth_better": "Het model ondersteunt de mythe: de uitkomst ({measure_short}) is "
        "duidelijk {direction} bij ‘{myth_arm}’ dan bij ‘{alt_arm}’; op deze maat is dat beter.",
        "myth_worse": "Het model spreekt de mythe tegen: de uitkomst ({measure_short}) is "
        "duidelijk {direction} bij ‘{myth_arm}’ dan bij ‘{alt_arm}’; op deze maat is dat "
        "slechter.",
        "none_better": "Geen duidelijk verschil tussen de twee varianten. De mythe belooft "
        "méér, maar krijgt in het model dus geen steun.",
        "none_not_worse": "Geen duidelijk verschil tussen de twee varianten: op dit punt houdt "
        "de mythe in het model stand.",
        "higher": "hoger",
        "lower": "lager",
        "tradeoff_better": "Maar niet alles is beter bij ‘{arm}’.",
        "tradeoff_worse": "Niet alles is slechter bij ‘{arm}’.",
        "tradeoff_none": "Op andere punten verschilt ‘{arm}’ wel duidelijk.",
        "tradeoff_worse_items": "Slechter: {items}.",
        "tradeoff_better_items": "Beter: {items}.",
        "tradeoff_item": "{label} {direction} ({myth_value} tegenover {alt_value})",
        "counter_heading_contradicts": "Onder welke aanname zou de mythe wél kloppen?",
        "counter_heading_unclear": "Onder welke aanname zou de mythe haar belofte waarmaken?",
        "counter_heading_holds": "Houdt de mythe ook stand onder een andere aanname?",
        "counter_intro": "Stel dat {counter}. Het model opnieuw gedraaid met die aanname, voor "
        "beide varianten:",
        "counter_now_holds": "Onder deze aanname houdt de mythe wél stand. Dat is de aanname "
        "waar het gesprek over kan gaan: geldt die in uw buurt?",
        "counter_still_fails": "Ook onder deze aanname houdt de mythe in het model geen stand. In "
        "het model werkt het mechanisme achter de mythe steeds zo; werkt het in uw praktijk ook "
        "zo?",
        "counter_still_holds": "Ook onder deze aanname houdt de mythe stand: het antwoord hangt "
        "niet aan deze aanname.",
        "counter_no_longer_holds": "Onder deze aanname houdt de mythe geen stand meer. Dat is de "
        "aanname waar het gesprek over kan gaan: geldt die in uw buurt?",
        "side_effects_heading": "Ook gemeten, in dezelfde runs (gemiddeld over het laatste jaar)",
        "side_effect": "{label}: {myth_value} bij ‘{myth_arm}’, {alt_value} bij ‘{alt_arm}’ "
        "(verschil {diff}, {clear}).",
        "side_effect_missing": "{label}: niet bijgehouden in deze berekening.",
        "clear": "duidelijk",
        "not_clear": "niet duidelijk",
        "hours_per_week": "uur per week",
        "robustness_heading": "Hoe stevig is dit antwoord?",
        "ensemble": "Dezelfde vraag is ook gesteld in {distinct} andere plausibele buurten: "
        "andere aannames over mensen en banden die even goed bij de Nederlandse cijfers passen, "
        "elk met {reps} herhalingen per variant. De mythe houdt stand in {holds} daarvan: het "
        "model steunt haar in {supports}, spreekt haar tegen in {contradicts} en ziet geen "
        "duidelijk verschil in {unclear}.",
        "ensemble_weighted": "Dezelfde vraag is ook gesteld in {distinct} andere plausibele "
        "buurten: andere aannames over mensen en banden die even goed bij de Nederlandse cijfers "
        "passen, elk met {reps} herhalingen per variant. Een buurt die beter bij de cijfers past, "
        "telt zwaarder mee ({draws} trekkingen naar gewicht, sommige buurten meer dan eens). Zo "
        "gewogen houdt de mythe stand in {holds}: het model steunt haar in {supports}, spreekt "
        "haar tegen in {contradicts} en ziet geen duidelijk verschil in {unclear}.",
        "robustness": "Dezelfde vraag, {members} keer gesteld in een plausibele buurt, met {reps} "
        "herhalingen per variant: de mythe houdt stand in {holds} daarvan. Het model spreekt "
        "haar tegen in {contradicts}, steunt haar in {supports} en ziet geen duidelijk verschil "
        "in {unclear}.",
        "ensemble_stale": "Let op: deze plausibele buurten zijn gekozen, en hun oordelen "
        "berekend, met een eerdere versie van het model, die tegen andere cijfers werd getoetst; "
        "ze zijn nog niet opnieuw berekend. Wat hieronder robuust of kwetsbaar heet, geldt voor "
        "die versie.",
        "robust": "Het antwoord hierboven is robuust: in {same} van de plausibele buurten geeft "
        "het model hetzelfde oordeel.",
        "fragile": "Het antwoord hierboven is kwetsbaar: maar in {same} van de plausibele buurten "
        "geeft het model hetzelfde oordeel. Het hangt af van aannames die niemand precies kent.",
        "flip_box": "Het oordeel kantelt vooral in buurten waar {phrases} ({inside} van de "
        "{differing} buurten met een ander oordeel liggen daar; in dat gebied geeft {density} een "
        "ander oordeel{chance}).",
        "flip_and": "en",
        "flip_chance": "; met zo weinig buurten kan ook toeval dit patroon geven",
        "flip_same": "Er zijn geen omstandigheden gevonden waaronder het oordeel kantelt: in elk "
        "van de {members} plausibele buurten geeft het model hetzelfde oordeel.",
        "flip_too_few": "Er zijn geen omstandigheden gevonden waaronder het oordeel kantelt: een "
        "ander oordeel komt maar in {differing} van de {members} plausibele buurten voor, te "
        "weinig om te zeggen waar dat gebeurt.",
        "flip_no_box": "Er zijn geen omstandigheden gevonden waaronder het oordeel kantelt: "
        "{differing} van de {members} plausibele buurten geven een ander oordeel, maar ze liggen "
        "verspreid: geen gebied van aannames omvat er minstens {coverage} van.",
        "flip_everywhere": "Het oordeel kantelt niet onder bepaalde omstandigheden maar overal: in "
        "elk van de {members} plausibele buurten geeft het model een ander oordeel dan hierboven.",
        "disclaimer": "Dit is een denkgereedschap, geen voorspelling. Het model laat zien wat er "
        "volgt uit zijn aannames over mensen, buurten en zorg; andere aannames geven andere "
        "uitkomsten.",
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
        "quick_title": "Snelle proef — niet de volledige analyse",
        "quick_banner": "Deze pagina is een snelle proef: {changes}. Met zo weinig runs kan het "
        "oordeel anders uitvallen dan in de volledige analyse, en de toets in andere plausibele "
        "buurten ontbreekt. Gebruik voor een gesprek over beleid de hand-out van de volledige "
        "analyse.",
        "custom_title": "Aangepaste berekening — niet de volledige analyse",
        "custom_banner": "Deze pagina is gemaakt met andere instellingen dan de mythe zelf: "
        "{changes}. Het oordeel kan daardoor anders uitvallen dan in de volledige analyse, en de "
        "toets in andere plausibele buurten ontbreekt.",
        "figure_quick": "snelle proef",
        "figure_custom": "aangepaste berekening",
        "change_residents": "{value} bewoners in plaats van {own}",
        "change_years": "{value} jaar in plaats van {own}",
        "change_replications": "{value} herhalingen per variant in plaats van {own}",
        "change_seed": "andere toevalsgetallen",
        "change_scenario": "een andere buurt als vertrekpunt ({scenario})",
        "change_assumptions": "andere aannames (zie de technische noten)",
        "change_other": "andere vaste instellingen",
        "technical_heading": "Voor de begeleider — technische noten",
        "made_with": "Gemaakt met: {command}",
        "overrides": "Aangepast met --set: {values}.",
        "scenario": "Scenario: {scenario}.",
        "assumptions": "De aannames van het model staan in docs/odd.md, de buurten in "
        "scenarios/, deze mythe in {file}. Verander een aanname met --set of in het dashboard.",
        "ensemble_source": "De plausibele buurten komen uit de kalibratie (docs/calibration.md); "
        "de tabel per buurt staat in simulatie/data/myth_robustness.csv.",
        "unkept": "Niet bewaard in deze runs: {metrics}. Een meegeleverd antwoord heeft alleen "
        "de metingen uit timeseries in {file}; bereken de mythe opnieuw om ze te zien.",
        "footer": "simulatie mythe {n} · master seed {seed} · {runs} runs · {when}{commit}",
    },
    "en": {
        "myth": "Myth {n}",
        "pack_title": "Seven myths about caring communities — workshop pack",
        "shows_heading": "What the model shows (default assumptions)",
        "questions_heading": "For discussion",
        "setup": "{measure} after {years} years, {reps} replications per arm, {residents} "
        "residents. In brackets: 95% interval of the mean.",
        "arms_intro": "Two arms are compared:",
        "arm": "‘{name}’: {detail}.",
        "numbers": "{measure}: {myth_value} ({myth_low}–{myth_high}) with ‘{myth_arm}’, against "
        "{alt_value} ({alt_low}–{alt_high}) with ‘{alt_arm}’.",
        "difference": "Difference: {diff} (95% interval {diff_low} to {diff_high}).",
        "myth_better": "The model supports the myth: the outcome ({measure_short}) is clearly "
        "{direction} with ‘{myth_arm}’ than with ‘{alt_arm}’; on this measure that is better.",
        "myth_worse": "The model contradicts the myth: the outcome ({measure_short}) is clearly "
        "{direction} with ‘{myth_arm}’ than with ‘{alt_arm}’; on this measure that is worse.",
        "none_better": "No clear difference between the two arms. The myth promises more, so "
        "the model does not support it.",
        "none_not_worse": "No clear difference between the two arms: on this point the myth "
        "holds in the model.",
        "higher": "higher",
        "lower": "lower",
        "tradeoff_better": "But not everything is better with ‘{arm}’.",
        "tradeoff_worse": "Not everything is worse with ‘{arm}’.",
        "tradeoff_none": "On other points ‘{arm}’ does differ clearly.",
        "tradeoff_worse_items": "Worse: {items}.",
        "tradeoff_better_items": "Better: {items}.",
        "tradeoff_item": "{label} {direction} ({myth_value} against {alt_value})",
        "counter_heading_contradicts": "Under which assumption would the myth hold after all?",
        "counter_heading_unclear": "Under which assumption would the myth deliver what it "
        "promises?",
        "counter_heading_holds": "Does the myth still hold under another assumption?",
        "counter_intro": "Suppose {counter}. The model run again under that assumption, for "
        "both arms:",
        "counter_now_holds": "Under this assumption the myth does hold. That is the assumption "
        "to discuss: does it hold in your neighbourhood?",
        "counter_still_fails": "Even under this assumption the myth does not hold in the model. "
        "In the model the mechanism behind the myth always works this way; does it work this way "
        "in your practice?",
        "counter_still_holds": "Under this assumption the myth holds as well: the answer does "
        "not hang on it.",
        "counter_no_longer_holds": "Under this assumption the myth no longer holds. That is the "
        "assumption to discuss: does it hold in your neighbourhood?",
        "side_effects_heading": "Also measured, in the same runs (mean over the last year)",
        "side_effect": "{label}: {myth_value} with ‘{myth_arm}’, {alt_value} with ‘{alt_arm}’ "
        "(difference {diff}, {clear}).",
        "side_effect_missing": "{label}: not recorded in these runs.",
        "clear": "clear",
        "not_clear": "not clear",
        "hours_per_week": "hours per week",
        "robustness_heading": "How firm is this answer?",
        "ensemble": "The same question was also asked in {distinct} other plausible "
        "neighbourhoods: other assumptions about people and ties that fit the Dutch figures as "
        "well, each with {reps} replications per arm. The myth holds in {holds} of them: the "
        "model supports it in {supports}, contradicts it in {contradicts} and sees no clear "
        "difference in {unclear}.",
        "ensemble_weighted": "The same question was also asked in {distinct} other plausible "
        "neighbourhoods: other assumptions about people and ties that fit the Dutch figures as "
        "well, each with {reps} replications per arm. A neighbourhood that fits the figures "
        "better counts more ({draws} draws by weight, some neighbourhoods more than once). "
        "Weighted so, the myth holds in {holds}: the model supports it in {supports}, "
        "contradicts it in {contradicts} and sees no clear difference in {unclear}.",
        "robustness": "The same question, asked {members} times in a plausible neighbourhood "
        "with {reps} replications per arm: the myth holds in {holds} of them. The model "
        "contradicts it in {contradicts}, supports it in {supports} and sees no clear difference "
        "in {unclear}.",
        "ensemble_stale": "Note: these plausible neighbourhoods were chosen, and their "
        "verdicts computed, with an earlier version of the model, checked against other figures; "
        "they have not been computed again yet. What is called robust or fragile below holds "
        "for that version.",
        "robust": "The answer above is robust: in {same} of the plausible neighbourhoods the "
        "model gives the same verdict.",
        "fragile": "The answer above is fragile: only in {same} of the plausible neighbourhoods "
        "does the model give the same verdict. It depends on assumptions nobody knows precisely.",
        "flip_box": "The verdict flips mostly in neighbourhoods where {phrases} ({inside} of the "
        "{differing} neighbourhoods with another verdict lie there; in that region {density} give "
        "another verdict{chance}).",
        "flip_and": "and",
        "flip_chance": "; with so few neighbourhoods, chance alone could also give this pattern",
        "flip_same": "No conditions were found under which the verdict flips: in each of the "
        "{members} plausible neighbourhoods the model gives the same verdict.",
        "flip_too_few": "No conditions were found under which the verdict flips: another verdict "
        "comes up in only {differing} of the {members} plausible neighbourhoods, too few to say "
        "where it happens.",
        "flip_no_box": "No conditions were found under which the verdict flips: {differing} of the "
        "{members} plausible neighbourhoods give another verdict, but they are scattered: no range "
        "of assumptions holds at least {coverage} of them.",
        "flip_everywhere": "The verdict does not flip under particular conditions but everywhere: "
        "in each of the {members} plausible neighbourhoods the model gives another verdict than "
        "above.",
        "disclaimer": "This is a thinking tool, not a prediction. The model shows what follows "
        "from its assumptions about people, neighbourhoods and care; other assumptions give "
        "other results.",
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
        "quick_title": "Quick try — not the full analysis",
        "quick_banner": "This page is a quick try: {changes}. With so few runs the verdict can "
        "differ from the full analysis, and the check in other plausible neighbourhoods is left "
        "out. For a conversation about policy, use the handout of the full analysis.",
        "custom_title": "Adjusted run — not the full analysis",
        "custom_banner": "This page was made with other settings than the myth's own: "
        "{changes}. The verdict can therefore differ from the full analysis, and the check in "
        "other plausible neighbourhoods is left out.",
        "figure_quick": "quick try",
        "figure_custom": "adjusted run",
        "change_residents": "{value} residents instead of {own}",
        "change_years": "{value} years instead of {own}",
        "change_replications": "{value} replications per arm instead of {own}",
        "change_seed": "other random numbers",
        "change_scenario": "another neighbourhood as the starting point ({scenario})",
        "change_assumptions": "other assumptions (see the technical notes)",
        "change_other": "other fixed settings",
        "technical_heading": "For the facilitator — technical notes",
        "made_with": "Made with: {command}",
        "overrides": "Changed with --set: {values}.",
        "scenario": "Scenario: {scenario}.",
        "assumptions": "The model's assumptions are in docs/odd.md, the neighbourhoods in "
        "scenarios/, this myth in {file}. Change an assumption with --set or in the dashboard.",
        "ensemble_source": "The plausible neighbourhoods come from the calibration "
        "(docs/calibration.md); the table per neighbourhood is "
        "simulatie/data/myth_robustness.csv.",
        "unkept": "Not kept in these runs: {metrics}. A shipped answer has only the measures in "
        "the timeseries of {file}; compute the myth again to see them.",
        "footer": "simulatie myth {n} · master seed {seed} · {runs} runs · {when}{commit}",
    },
}

def text(n: int, lang: str, key: str) -> object:
    """One text of myth ``n`` in ``lang`` (``"nl"`` or ``"en"``)."""
    return MYTH_TEXTS[n][lang][key]
