"""The ``simulatie buurt CODE`` command: my own neighbourhood, as a scenario from CBS figures.

It reads one region's *Kerncijfers wijken en buurten* (a StatLine CSV export with ``--csv``, or
CBS open data), turns them into the model's targets, searches the parameters whose model
neighbourhood matches them (:mod:`simulatie.experiment.neighbourhood`), prints the model beside
the figures and writes ``scenarios/NAME.toml``, which ``simulatie run NAME`` then runs. A
mistake (a bad code, a missing or suppressed figure, an existing file) is one ``fout: ...``
line (``error: ...`` with ``--lang en``) with exit code 2, and nothing is written.
``simulatie.cli.main`` adds the command with :func:`register`.
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated

import typer

from simulatie.cli.common import fail, print_table
from simulatie.cli.language import DEFAULT_LANG, lang_option, tr

__all__ = ["buurt_command", "register"]

_TEXT = {
    "title": {"nl": "{label}: CBS tegenover de modelbuurt",
              "en": "{label}: CBS against the model neighbourhood"},
    "homes": {"nl": "Woningen in het model: {homes} (CBS: {households} huishoudens).",
              "en": "Homes in the model: {homes} (CBS: {households} households)."},
    "capped": {"nl": "Woningen in het model: {homes} (CBS: {households} huishoudens; de "
                     "aandelen gelden voor de hele regio, meer woningen kan met --woningen).",
               "en": "Homes in the model: {homes} (CBS: {households} households; the shares "
                     "hold for the whole region, more homes with --homes)."},
    "building": {"nl": "Modelbuurten bouwen tot week 0 ter controle ({n} seeds)...",
                 "en": "Building model neighbourhoods to week 0 as a check ({n} seeds)..."},
    "wrote": {"nl": "Geschreven: {path}", "en": "Wrote: {path}"},
    "next": {"nl": "Verder: simulatie run {name}   ·   simulatie scenarios show {name}   ·   "
                   "simulatie scenarios validate {name}",
             "en": "Next: simulatie run {name}   ·   simulatie scenarios show {name}   ·   "
                   "simulatie scenarios validate {name}"},
    "homes_range": {"nl": "--woningen moet van {low} tot {high} zijn, niet {value}",
                    "en": "--homes must be from {low} to {high}, got {value}"},
    "old_range": {"nl": "--perc-75plus is een percentage van de inwoners (0 tot 100), niet {value}",
                  "en": "--perc-75plus is a percentage of inhabitants (0 to 100), got {value}"},
}

CsvOption = Annotated[Path | None, typer.Option("--csv", show_default=False, help=tr(
    "Een CSV-export uit StatLine van Kerncijfers wijken en buurten (offline); zonder dit "
    "bestand komen de cijfers uit CBS open data.",
    "A StatLine CSV export of Kerncijfers wijken en buurten (offline); without it the figures "
    "are read from CBS open data."))]
YearOption = Annotated[int | None, typer.Option("--jaar", "--year", show_default=False, help=tr(
    "KWB-jaar (online: welke tabel, standaard 2024; --csv: alleen als het bestand het niet "
    "zegt).",
    "KWB year (online: which table, default 2024; --csv: only if the file does not say)."))]
NameOption = Annotated[str | None, typer.Option("--naam", "--name", show_default=False, help=tr(
    "Naam van het scenario (standaard: de regiocode, bijv. bu04840501).",
    "Scenario name (default: the region code, e.g. bu04840501)."))]
HomesOption = Annotated[int | None, typer.Option("--woningen", "--homes", show_default=False,
                                                 help=tr(
    "Aantal woningen in het model (standaard: de huishoudens van de regio, hoogstens 2000).",
    "Homes to model (default: the region's households, at most 2000)."))]
OldOption = Annotated[float | None, typer.Option("--perc-75plus", show_default=False, help=tr(
    "Aandeel inwoners van 75 jaar en ouder, in procenten, als u het weet (KWB stopt bij 65+; "
    "standaard: de landelijke verhouding).",
    "Share of inhabitants aged 75+, in percent, if you know it (KWB stops at 65+; default: the "
    "national ratio)."))]
FolderOption = Annotated[Path | None, typer.Option("--map", "--folder", show_default=False,
                                                   help=tr(
    "Map om het scenario in te schrijven (standaard: de map met scenario's).",
    "Folder to write the scenario to (default: the scenarios folder)."))]
ForceOption = Annotated[bool, typer.Option("--force", help=tr(
    "Vervang een bestaand scenariobestand.", "Replace an existing scenario file."))]
CheckOption = Annotated[bool, typer.Option("--check/--no-check", help=tr(
    "Bouw modelbuurten tot week 0 om de zoektocht te controleren (en bij te stellen).",
    "Build model neighbourhoods to week 0 to check (and correct) the search."))]
LangOption = lang_option("Taal van de tabel, de notities, de meldingen en de redenen in het "
                         "bestand: nl (standaard) of en.",
                         "Language of the table, the notes, the messages and the reasons in the "
                         "file: nl (default) or en.")
CodeArgument = Annotated[str, typer.Argument(metavar="CODE", help=tr(
    "CBS-regiocode: BU + 8 cijfers (buurt), WK + 6 (wijk) of GM + 4 (gemeente), bijv. "
    "BU04840501.",
    "CBS region code: BU + 8 (buurt), WK + 6 (wijk) or GM + 4 (gemeente), e.g. BU04840501."))]


def _say(key: str, lang: str, **fields: object) -> str:
    return _TEXT[key][lang].format(**fields)


def _command(code: str, csv: Path | None, year: int | None, homes: int | None,
             old: float | None) -> str:
    parts = ["simulatie", "buurt", code]
    for flag, value in (("--csv", csv.name if csv else None), ("--jaar", year),
                        ("--woningen", homes), ("--perc-75plus", old)):
        if value is not None:
            parts += [flag, str(value)]
    return shlex.join(parts)


def buurt_command(
    code: CodeArgument,
    csv: CsvOption = None,
    year: YearOption = None,
    name: NameOption = None,
    homes: HomesOption = None,
    old: OldOption = None,
    folder: FolderOption = None,
    force: ForceOption = False,
    check: CheckOption = True,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    """Make a scenario of your own buurt from CBS figures and show it beside them."""
    from simulatie.core.parameters import parameter_specs
    from simulatie.experiment import neighbourhood as nb
    from simulatie.experiment.neighbourhood import fit as fitting
    from simulatie.experiment.neighbourhood import words
    from simulatie.experiment.scenario_paths import scenarios_dir

    lang_code = lang.value
    spec = parameter_specs()["residents"]
    if homes is not None and not spec.lower <= homes <= spec.upper:
        fail(_say("homes_range", lang_code, low=int(spec.lower), high=int(spec.upper),
                  value=homes))
    if old is not None and not 0 <= old <= 100:
        fail(_say("old_range", lang_code, value=old))
    try:
        region = nb.parse_region(code)
        if csv is not None:
            figures = nb.read_export(csv, region, year)
        else:
            figures = nb.fetch_figures(region, year if year is not None else nb.DEFAULT_YEAR)
        targets = nb.targets_from(figures, None if old is None else old / 100)
        name = name if name is not None else nb.default_name(targets)
        target_folder = folder if folder is not None else scenarios_dir()
        nb.check_free(target_folder, name, force)  # before the search, which takes a while
        if check:
            seeds = fitting.check_seeds(fitting.fixed_values(targets, homes)["residents"])
            typer.echo(_say("building", lang_code, n=len(seeds)), err=True)
        fit = nb.fit_neighbourhood(targets, homes=homes, build=check)
        text = nb.scenario_text(targets, fit, lang_code, _command(code, csv, year, homes, old))
        path = nb.write_scenario(text, target_folder, name, force=force)
    except nb.CbsError as error:
        fail(error.message(lang_code))
    print_table(_say("title", lang_code, label=figures.label), words.HEADERS[lang_code],
                words.comparison_rows(targets, fit, lang_code))
    capped = homes is None and fit.values["residents"] < targets.households
    typer.echo(_say("capped" if capped else "homes", lang_code,
                    homes=words.count(fit.values["residents"], lang_code),
                    households=words.count(targets.households, lang_code)))
    for line in words.notes(targets, fit, lang_code):
        typer.echo(f"- {line}")
    typer.echo(_say("wrote", lang_code, path=path))
    found_by_name = folder is None or folder.resolve() == scenarios_dir().resolve()
    typer.echo(_say("next", lang_code, name=name if found_by_name else path))


def register(app: typer.Typer) -> None:
    """Add ``simulatie buurt`` to the command line."""
    app.command("buurt", help=tr(
        "Maak een scenario van uw eigen buurt uit CBS-cijfers en toon het ernaast.",
        "Make a scenario of your own buurt from CBS figures and show it beside them."))(
        buurt_command)
