"""Error messages in the user's language: one catalogue, applied where a message is printed.

The layers below the command line (parameters, scenario and experiment files, results, sweeps,
myths) and Click itself raise their errors in English, one line built from small pieces: a file
and its line, a key, "unknown parameter 'x'", a "did you mean" hint. This module keeps the Dutch
of each piece, keyed by its English template, and :func:`translate` rewrites every piece of a
finished message it knows. The command line calls it once, when it prints the message
(:func:`simulatie.cli.common.fail`), so the layers below stay free of languages, and the names,
values, suggestions and line numbers a message carries pass through unchanged.

A template is English text with placeholders: ``{q}`` a quoted name or value (as ``repr``
shows it), ``{n}`` a number, ``{w}`` one word, path or option, ``{x}`` any text up to what
follows it, ``{rest}`` the rest of the line, ``{unit}`` a declared unit and ``{noun}`` a kind of
file (both said in Dutch), ``{choices}`` a list of quoted choices, ``{cap}`` the first letter of a
word, capital or not, that the Dutch leaves out; a digit tells two apart (``{n}`` and ``{n2}``).
More specific templates come first.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from simulatie.core.parameters import UNIT_LABELS

__all__ = ["CATALOGUE", "PREFIX", "translate"]

PREFIX = {"nl": "fout: ", "en": "error: "}
"""How an error line starts, per language."""

_NOUNS = {"scenario file": "scenariobestand", "experiment file": "experimentbestand",
          "myth file": "mythebestand"}

_KINDS: dict[str, tuple[str, Callable[[str], str]]] = {
    "q": (r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", str),
    "n": (r"[-+]?\d+(?:\.\d+)?(?:e[-+]?\d+)?", str),
    "w": (r"[^\s;,()]+", str),
    "x": (r".+?", str),
    "cap": (r"[A-Za-z]", str),
    "rest": (r".*", str),
    "unit": ("|".join(re.escape(u) for u in sorted(UNIT_LABELS, key=len, reverse=True)),
             lambda unit: UNIT_LABELS[unit]["nl"]),
    "noun": ("|".join(_NOUNS), _NOUNS.__getitem__),
    "choices": (r"'[^']*'(?:, '[^']*')*(?: or '[^']*')?",
                lambda choices: choices.replace(" or '", " of '")),
}

CATALOGUE: tuple[tuple[str, str], ...] = (
    # --- where: files, lines, the command line ------------------------------------------------
    (" (line {n})", " (regel {n})"),
    ("command line:", "opdrachtregel:"),
    ("with [fixed]:", "met [fixed]:"),
    (" (in the base of {x})", " (in de basis van {x})"),
    # --- parameters: names and values -----------------------------------------------------------
    ("unknown parameter {q}", "onbekende parameter {q}"),
    ("; did you mean {q}?", "; bedoelde u {q}?"),
    (" (the list: 'simulatie parameters')", " (de lijst: 'simulatie parameters')"),
    ("{q} is not of the form name=value", "{q} heeft niet de vorm naam=waarde"),
    (" is not allowed; it must be a whole number from {n} to {n2} ({unit})",
     " mag niet; het moet een geheel getal van {n} tot {n2} zijn ({unit})"),
    (" is not allowed; it must be a number from {n} to {n2} ({unit})",
     " mag niet; het moet een getal van {n} tot {n2} zijn ({unit})"),
    (" is not allowed; it must be true or false", " mag niet; het moet true of false zijn"),
    (" is not allowed; it must be one of {choices}", " mag niet; kies uit {choices}"),
    (" is far out of range", " ligt ver buiten het bereik"),
    ("the group shares add up to {n}; share_older + share_family + share_lvb + share_psych + "
     "share_migrant must be at most 1 (the rest are other adults)",
     "de aandelen van de groepen tellen op tot {n}; share_older + share_family + share_lvb + "
     "share_psych + share_migrant mogen samen hoogstens 1 zijn (de rest zijn andere "
     "volwassenen)"),
    (": use a point for decimals, e.g. {w}", ": gebruik een punt voor decimalen, bijv. {w}"),
    # --- reading a file -----------------------------------------------------------------------
    (": cannot be read (", ": kan niet gelezen worden ("),
    (" is a directory, not a {noun}", " is een map, geen {noun}"),
    (": no such {noun}", ": {noun} niet gevonden"),
    (" is not a regular file", " is geen gewoon bestand"),
    (": the file is {n} bytes; a {noun} may be at most {n2} bytes",
     ": het bestand is {n} bytes; een {noun} mag hoogstens {n2} bytes zijn"),
    (": the file is not UTF-8 text (byte {w} on line {n}); save it as UTF-8",
     ": het bestand is geen UTF-8-tekst (byte {w} op regel {n}); sla het op als UTF-8"),
    (": not valid TOML: ", ": geen geldige TOML: "),
    ("Expected ']' at the end of a table declaration",
     "']' verwacht aan het eind van een tabelkop"),
    ("Expected newline or end of document after a statement",
     "nieuwe regel of einde van het bestand verwacht na een toekenning"),
    ("Invalid value (", "ongeldige waarde ("),
    ("Invalid statement (", "ongeldige regel ("),
    ("Unterminated string (", "niet afgesloten tekst ("),
    ("Cannot overwrite a value (", "een waarde wordt overschreven ("),
    ("Cannot declare {x} twice (", "{x} staat er twee keer ("),
    ("(at line {n}, column {n2})", "(op regel {n}, kolom {n2})"),
    ("(at end of document)", "(aan het eind van het bestand)"),
    ("unknown key {q}", "onbekende sleutel {q}"),
    (" (allowed: {x})", " (toegestaan: {x})"),
    ("{q} is missing", "{q} ontbreekt"),
    (" must be a table, written [", " moet een tabel zijn, geschreven als ["),
    (" must be text in quotes", " moet tekst tussen aanhalingstekens zijn"),
    (" is not allowed; use {choices}", " mag niet; gebruik {choices}"),
    (" is not allowed: ", " mag niet: "),
    # --- scenarios ------------------------------------------------------------------------------
    ("unknown scenario {q}", "onbekend scenario {q}"),
    (" (available: none found in {x}; or give the path to a .toml file)",
     " (beschikbaar: geen gevonden in {x}; of geef het pad naar een .toml-bestand)"),
    (" (available: {x}; or give the path to a .toml file)",
     " (beschikbaar: {x}; of geef het pad naar een .toml-bestand)"),
    ("the scenario name is empty", "de scenarionaam is leeg"),
    (" is empty; name a scenario or leave it out", " is leeg; noem een scenario of laat het weg"),
    ("variant name {q} may only use letters, digits, '_' and '-'",
     "de naam van variant {q} mag alleen letters, cijfers, '_' en '-' bevatten"),
    (" a value cannot be used (", " een waarde is onbruikbaar ("),
    ("a cycle of bases: ", "de bases verwijzen in een kring naar elkaar: "),
    ("unknown variant {q}", "onbekende variant {q}"),
    (" (variants in this file: none)", " (varianten in dit bestand: geen)"),
    (" (variants in this file: {x})", " (varianten in dit bestand: {x})"),
    # --- experiments and their designs --------------------------------------------------------
    ("unknown metric {q}", "onbekende uitkomst {q}"),
    (" is both in [fixed] and in [vary]; keep one", " staat in [fixed] en in [vary]; houd er één"),
    (": design point {n} (", ": combinatie {n} ("),
    ("[vary] is empty; name at least one parameter to vary (or screen whole roles with "
     "[screen])",
     "[vary] is leeg; noem minstens één parameter om te variëren (of screen hele rollen met "
     "[screen])"),
    ("[screen] samples ranges; use it with method 'lhs', 'morris' or 'sobol', not 'factorial'",
     "[screen] trekt uit bereiken; gebruik het met method 'lhs', 'morris' of 'sobol', niet "
     "'factorial'"),
    ("[design] samples is only used by 'lhs', 'morris' and 'sobol'; a factorial design runs "
     "every combination of the listed values",
     "[design] samples geldt alleen voor 'lhs', 'morris' en 'sobol'; een factorieel ontwerp "
     "draait elke combinatie van de genoemde waarden"),
    ("the experiment has {n} runs; at most {n2}", "het experiment heeft {n} runs; hoogstens {n2}"),
    ("factor must be above 1, not {n}", "factor moet boven 1 liggen, niet {n}"),
    (": no range around {n} fits its bounds {n2} to {n3}",
     ": geen bereik rond {n} past binnen de grenzen {n2} tot {n3}"),
    (" must be a non-empty list of values for method 'factorial', e.g. ",
     " moet een niet-lege lijst van waarden zijn voor method 'factorial', bijvoorbeeld "),
    (" lists a value twice", " noemt een waarde twee keer"),
    ("[vary] makes {n} design points; at most {n2} allowed",
     "[vary] maakt {n} combinaties; hoogstens {n2} toegestaan"),
    (" cannot be sampled by {q}: only numeric parameters can; vary it with method 'factorial' "
     "or fix it in [fixed]",
     " kan niet getrokken worden door {q}: dat kan alleen bij getallen; varieer hem met method "
     "'factorial' of zet hem vast in [fixed]"),
    (" must be a table of bounds for method {q}, e.g. ",
     " moet een tabel met grenzen zijn voor method {q}, bijvoorbeeld "),
    (" (the declared {n} to {n2}) or ", " (de gedeclareerde {n} tot {n2}) of "),
    (": lower ({n}) must be below upper ({n2})", ": lower ({n}) moet onder upper ({n2}) liggen"),
    ("[design] samples is missing; method {q} needs it (",
     "[design] samples ontbreekt; method {q} heeft het nodig ("),
    ("(the number of design points)", "(het aantal combinaties)"),
    ("(the number of trajectories)", "(het aantal trajecten)"),
    ("(the base sample size, a power of 2)", "(de basisgrootte van de steekproef, een macht "
     "van 2)"),
    ("[design] samples must be at least 2 trajectories for 'morris'",
     "[design] samples moet minstens 2 trajecten zijn voor 'morris'"),
    ("[design] samples = {n} is not allowed for 'sobol': it must be a power of 2 (e.g. 64, 128, "
     "256)",
     "[design] samples = {n} mag niet voor 'sobol': het moet een macht van 2 zijn (bijv. 64, "
     "128, 256)"),
    # --- pydantic's and Typer's words for a value -----------------------------------------------
    ("Value error, ", ""),
    ("{q} is not one of {choices}.", "{q} mag niet; kies uit {choices}."),
    ("{cap}nput should be a valid integer, unable to parse string as an integer",
     "verwacht een geheel getal"),
    ("{cap}nput should be a valid number, unable to parse string as a number",
     "verwacht een getal"),
    ("{cap}nput should be a valid boolean, unable to interpret input", "verwacht true of false"),
    ("{cap}nput should be a valid integer", "verwacht een geheel getal"),
    ("{cap}nput should be a valid number", "verwacht een getal"),
    ("{cap}nput should be a valid boolean", "verwacht true of false"),
    ("{cap}nput should be a valid string", "verwacht tekst"),
    ("{cap}nput should be a valid list", "verwacht een lijst"),
    ("{cap}nput should be a valid dictionary", "verwacht een tabel"),
    ("{cap}nput should be greater than or equal to {n}", "verwacht minstens {n}"),
    ("{cap}nput should be less than or equal to {n}", "verwacht hoogstens {n}"),
    ("{cap}nput should be greater than {n}", "verwacht meer dan {n}"),
    ("{cap}nput should be less than {n}", "verwacht minder dan {n}"),
    ("{cap}tring should have at least {n} character", "verwacht tekst van minstens {n} teken"),
    ("{cap}tring should have at most {n} characters", "verwacht tekst van hoogstens {n} tekens"),
    ("{cap}ist should have at least {n} item after validation, not {n2}",
     "verwacht een lijst met minstens {n} element, niet {n2}"),
    # --- command-line usage (Click) ---------------------------------------------------------
    ("Invalid value for {x}: ", "ongeldige waarde voor {x}: "),
    ("Invalid value: ", "ongeldige waarde: "),
    ("No such option: {w}", "onbekende optie: {w}"),
    (" (Possible options: {x})", " (mogelijke opties: {x})"),
    ("Missing argument {q}.", "argument {q} ontbreekt."),
    ("Missing option {x}.", "optie {x} ontbreekt."),
    ("Missing parameter: {w}", "parameter ontbreekt: {w}"),
    ("Missing command.", "opdracht ontbreekt."),
    ("No such command {q}.", "onbekende opdracht {q}."),
    (" Did you mean {x}?", " Bedoelde u {x}?"),
    ("Got unexpected extra argument(s) ({x})", "onverwachte extra argumenten ({x})"),
    ("Got unexpected extra arguments ({x})", "onverwachte extra argumenten ({x})"),
    ("Got unexpected extra argument ({x})", "onverwacht extra argument ({x})"),
    ("Option {q} requires an argument.", "optie {q} vraagt een waarde."),
    ("Option {q} requires {n} arguments.", "optie {q} vraagt {n} waarden."),
    ("Option {q} does not take a value.", "optie {q} neemt geen waarde."),
    ("Argument {q} takes {n} values.", "argument {q} neemt {n} waarden."),
    # --- results, sweeps and reports --------------------------------------------------------
    ("cannot write results to {q}: it is a file",
     "kan de resultaten niet schrijven naar {q}: dat is een bestand"),
    ("cannot write results to {q}: the folder is not empty",
     "kan de resultaten niet schrijven naar {q}: de map is niet leeg"),
    ("cannot write results to {q}: ", "kan de resultaten niet schrijven naar {q}: "),
    ("cannot create {q}: {q2} is a file, not a folder",
     "kan {q} niet aanmaken: {q2} is een bestand, geen map"),
    ("cannot create {q}: ", "kan {q} niet aanmaken: "),
    ("cannot read the run in {q}: ", "kan de run in {q} niet lezen: "),
    ("refusing to write {q}: it is outside the output folder {q2}",
     "weigert {q} te schrijven: het ligt buiten de uitvoermap {q2}"),
    ("{q} holds the results of a different experiment (or the same file with other values); "
     "choose another --out, or remove that folder to start again",
     "{q} bevat de resultaten van een ander experiment (of van hetzelfde bestand met andere "
     "waarden); kies een andere --out, of verwijder die map om opnieuw te beginnen"),
    ("cannot write the results of {w}: ", "kan de resultaten van {w} niet schrijven: "),
    ("cannot reach the Dask scheduler at {q}: ", "kan de Dask-scheduler op {q} niet bereiken: "),
    ("{q} is not a sweep's results folder (no {w} and {w2}); run 'simulatie sweep' first",
     "{q} is geen resultatenmap van een sweep (geen {w} en {w2}); draai eerst 'simulatie "
     "sweep'"),
    ("cannot read the results in {q}: ", "kan de resultaten in {q} niet lezen: "),
    ("{q} holds no finished runs yet", "{q} bevat nog geen afgeronde runs"),
    ("cannot read {q}: ", "kan {q} niet lezen: "),
    ("language {q} is not supported; use 'nl' or 'en'",
     "taal {q} wordt niet ondersteund; gebruik 'nl' of 'en'"),
    ("cannot write the report into {q}: ", "kan het verslag niet schrijven in {q}: "),
    ("{n} of {n2} runs have no result ({n3} failed); the report covers the finished runs",
     "{n} van de {n2} runs hebben geen resultaat ({n3} mislukt); het verslag gaat over de "
     "afgeronde runs"),
    ("{n} parameters varied: measures_vs_*.png drawn for the {n2} most influential "
     "(sensitivity.png shows all)",
     "{n} parameters gevarieerd: measures_vs_*.png getekend voor de {n2} invloedrijkste "
     "(sensitivity.png toont ze allemaal)"),
    ("no sensitivity analysis: ", "geen gevoeligheidsanalyse: "),
    # --- scenario discovery -----------------------------------------------------------------
    ("the measure {q} is not a measure of this sweep; choose one of ",
     "de uitkomst {q} is geen uitkomst van deze sweep; kies uit "),
    ("--share must be above 0 and at most 1, got {n}",
     "--share moet boven 0 en hoogstens 1 zijn, niet {n}"),
    ("cannot read the concern {q}; write e.g. 'caring_ties < baseline', 'lonely_share > 0.3' "
     "or 'care_hours_unmet > 0.2 * care_hours_needed'",
     "kan het punt van zorg {q} niet lezen; schrijf bijvoorbeeld 'caring_ties < baseline', "
     "'lonely_share > 0.3' of 'care_hours_unmet > 0.2 * care_hours_needed'"),
    ("{q} has no matched baseline in this sweep (no {q2}); compare with a number instead",
     "{q} heeft geen gekoppelde nulmeting in deze sweep (geen {q2}); vergelijk met een getal"),
    ("the right side {q} is not a number, 'baseline' or '<factor> * <measure>'",
     "de rechterkant {q} is geen getal, 'baseline' of '<factor> * <uitkomst>'"),
    ("the threshold must be a finite number, got {q}",
     "de drempel moet een eindig getal zijn, niet {q}"),
    ("the sweep varies no numeric parameter; scenario discovery needs an experiment that "
     "samples levers and context (method 'lhs')",
     "de sweep varieert geen getalparameter; scenario discovery vraagt een experiment dat "
     "knoppen en context trekt (method 'lhs')"),
    ("too few runs: {n} design points for {n2} varied parameters; scenario discovery needs at "
     "least {n3} ({n4} per parameter): raise [design] samples",
     "te weinig runs: {n} combinaties voor {n2} gevarieerde parameters; scenario discovery "
     "vraagt er minstens {n3} ({n4} per parameter): verhoog [design] samples"),
    ("no design point meets {q} (", "geen enkele combinatie voldoet aan {q} ("),
    ("every design point meets {q} (", "elke combinatie voldoet aan {q} ("),
    ("by the mean of its replications", "op het gemiddelde van de herhalingen"),
    ("when at least {n}% of its replications are", "als minstens {n}% van de herhalingen dat is"),
    ("): nothing to explain; choose a less strict threshold",
     "): er is niets te verklaren; kies een minder strenge drempel"),
    ("): nothing to tell apart; choose a stricter threshold",
     "): er is niets te onderscheiden; kies een strengere drempel"),
    ("cannot write the discovery: ", "kan de ontdekking niet schrijven: "),
    ("cannot ship the tipping-point map: ", "kan de kaart met kantelpunten niet meeleveren: "),
    # --- myths ----------------------------------------------------------------------------------
    ("there is no myth {n}; choose 1 to 7", "mythe {n} bestaat niet; kies 1 tot en met 7"),
    (", but the file is for myth {n}", ", maar het bestand is voor mythe {n}"),
    ("[arms] must have exactly [arms.myth] and [arms.alternative]",
     "[arms] moet precies [arms.myth] en [arms.alternative] hebben"),
    ("[measure] 'of' goes with summary = 'share_of' (and only there)",
     "[measure] 'of' hoort bij summary = 'share_of' (en alleen daar)"),
    ("{n} of {n2} runs failed, e.g. {w} (see {x})",
     "{n} van {n2} runs mislukt, bijvoorbeeld {w} (zie {x})"),
    ("--replications must be at least 2 (an interval needs two runs)",
     "--replications moet minstens 2 zijn (een interval vraagt twee runs)"),
    ("--ship ships the answers at the myth files' settings; leave out {w}",
     "--ship levert de antwoorden bij de instellingen van de mythebestanden; laat {w} weg"),
    ("cannot write the answers into the package: ",
     "kan de antwoorden niet in het pakket schrijven: "),
    ("interrupted: myth {n} was not finished; the same command resumes it",
     "onderbroken: mythe {n} is niet af; dezelfde opdracht gaat verder waar hij was"),
    ("interrupted: {n} of {n2} myths done (their handouts are written); run the same command "
     "again for the pack",
     "onderbroken: {n} van de {n2} mythen klaar (hun hand-outs zijn geschreven); start dezelfde "
     "opdracht opnieuw voor het pakket"),
    # --- the commands' own checks -----------------------------------------------------------
    ("--steps must be from 1 to {n} (200 years), got {n2}",
     "--steps moet van 1 tot {n} zijn (200 jaar), niet {n2}"),
    ("--seed must be 0 or more, got {n}", "--seed moet 0 of meer zijn, niet {n}"),
    ("warning: the ensemble's calibration stopped above tolerance 0: some members lie outside a "
     "band",
     "waarschuwing: de kalibratie van het ensemble stopte boven tolerantie 0: sommige leden "
     "liggen buiten een band"),
    ("--tables must be from 1 to 12, got {n}", "--tables moet van 1 tot en met 12 zijn, niet {n}"),
    ("--rounds must be from 1 to 20, got {n}", "--rounds moet van 1 tot en met 20 zijn, niet {n}"),
    ("--weeks-per-round must be from 1 to 104, got {n}",
     "--weeks-per-round moet van 1 tot en met 104 zijn, niet {n}"),
    ("--pin must be 4 to 8 digits, got {q}", "--pin moet uit 4 tot 8 cijfers bestaan, niet {q}"),
    ("scenario {q} sets every lever as this session does; comparing with it would show the "
     "model's own run",
     "scenario {q} zet elke knop zoals deze sessie; vergelijken ermee zou het model met zichzelf "
     "vergelijken"),
    ("the workshop needs the dashboard's extra packages; install them with ",
     "de werkplaats heeft de extra pakketten van het dashboard nodig; installeer ze met "),
    ("the dashboard needs its extra packages; install them with ",
     "het dashboard heeft zijn extra pakketten nodig; installeer ze met "),
    ("--workers must be at least 1, got {n}", "--workers moet minstens 1 zijn, niet {n}"),
    ("use either --workers (local processes) or --scheduler (an existing Dask cluster)",
     "gebruik --workers (processen op deze computer) of --scheduler (een bestaand "
     "Dask-cluster), niet allebei"),
    ("--ship writes the robustness table: use it with --ensemble",
     "--ship schrijft de robuustheidstabel: gebruik het samen met --ensemble"),
    ("there is no pattern {q}; choose from ", "patroon {q} bestaat niet; kies uit "),
    ("there is no pattern {q}; choose one of ", "patroon {q} bestaat niet; kies uit "),
    ("years must be at least 3 (the scenario's level is read from the third year on), got {n}",
     "years moet minstens 3 zijn (het niveau van het scenario wordt vanaf het derde jaar "
     "gelezen), niet {n}"),
    ("replications must be at least 2 (a paired interval needs two), got {n}",
     "replications moet minstens 2 zijn (een gepaard interval vraagt er twee), niet {n}"),
    ("{w} must be at least {n}, got {n2}", "{w} moet minstens {n} zijn, niet {n2}"),
    ("unknown parameter(s) to calibrate: ", "onbekende parameter(s) om te kalibreren: "),
    ("only numeric context assumptions can be calibrated, not: {x} (levers, structure and "
     "conventions are chosen, not fitted)",
     "alleen aannames over de context met een getal als waarde kunnen gekalibreerd worden, niet: "
     "{x} (beleidsknoppen, structuur en conventies worden gekozen, niet gefit)"),
    ("name each parameter to calibrate once, and at least one",
     "noem elke te kalibreren parameter één keer, en minstens één"),
    ("{w} holds a calibration database without its settings.json; choose another folder or "
     "remove it",
     "{w} bevat een kalibratiedatabase zonder settings.json; kies een andere map of verwijder "
     "hem"),
    ("{w} holds a calibration with other settings (or another scenario's parameters); choose "
     "another folder or remove it",
     "{w} bevat een kalibratie met andere instellingen (of de parameters van een ander "
     "scenario); kies een andere map of verwijder hem"),
    ("no population has been accepted yet; run the calibration longer",
     "er is nog geen populatie geaccepteerd; laat de kalibratie langer lopen"),
    ("the runs are too short for the statistics: at least {n} weeks are needed",
     "de runs zijn te kort voor de statistiek: er zijn minstens {n} weken nodig"),
    ("no ensemble at {w} (with its .json); build one with 'simulatie calibrate'",
     "geen ensemble in {w} (met zijn .json); maak er een met 'simulatie calibrate'"),
    (": columns missing: ", ": kolommen ontbreken: "),
    (": the ensemble is empty", ": het ensemble is leeg"),
    ("calibration needs pyabc: ", "kalibreren vraagt het pakket pyabc: "),
    ("cannot write the ensemble: ", "kan het ensemble niet schrijven: "),
    ("cannot write the table: ", "kan de tabel niet schrijven: "),
    ("cannot write the results: ", "kan de resultaten niet schrijven: "),
    ("interrupted: nothing was written; run the command again",
     "onderbroken: er is niets geschreven; start de opdracht opnieuw"),
    ("interrupted: the report was not finished; run the same command again",
     "onderbroken: het verslag is niet af; start dezelfde opdracht opnieuw"),
    ("interrupted: {n} of {n2} runs done; run the same command to resume",
     "onderbroken: {n} van de {n2} runs klaar; dezelfde opdracht gaat verder waar hij was"),
    ("interrupted: run the same command to resume from the last finished generation",
     "onderbroken: dezelfde opdracht gaat verder vanaf de laatste afgeronde generatie"),
    # --- the operating system's words ---------------------------------------------------------
    ("No such file or directory", "bestand of map bestaat niet"),
    ("Permission denied", "geen toestemming"),
    ("No space left on device", "geen ruimte meer op de schijf"),
    ("Read-only file system", "alleen-lezen bestandssysteem"),
    ("Is a directory", "is een map"),
    ("Not a directory", "is geen map"),
    ("File exists", "bestaat al"),
)
"""English templates and their Dutch, in the order they are applied."""

_PLACEHOLDER = re.compile(r"\{([a-z]+)(\d*)\}")


def _compile(english: str, dutch: str) -> tuple[re.Pattern[str], Callable[[re.Match], str]]:
    """A template as a pattern, and the function that writes a match in Dutch."""
    parts, position, kinds = [], 0, {}
    for found in _PLACEHOLDER.finditer(english):
        kind, name = found.group(1), found.group(1) + found.group(2)
        parts += [re.escape(english[position:found.start()]),
                  f"(?P<{name}>{_KINDS[kind][0]})"]
        kinds[name] = _KINDS[kind][1]
        position = found.end()
    parts.append(re.escape(english[position:]))
    pattern = re.compile("".join(parts))

    def write(match: re.Match) -> str:
        values = {name: kinds[name](text) for name, text in match.groupdict().items()}
        return _PLACEHOLDER.sub(lambda m: values[m.group(1) + m.group(2)], dutch)

    return pattern, write


_COMPILED = tuple(_compile(english, dutch) for english, dutch in CATALOGUE if english != dutch)


def translate(message: str, lang: str = "nl") -> str:
    """A message in the user's language: every piece the catalogue knows, said in Dutch.

    Args:
        message: One line, as the layer below wrote it (English), or already Dutch.
        lang: ``"nl"`` or ``"en"``; English messages pass unchanged.

    Returns:
        The message; names, values, suggestions and line numbers are kept as they were.
    """
    if lang != "nl":
        return message
    for pattern, write in _COMPILED:
        message = pattern.sub(write, message)
    return message
