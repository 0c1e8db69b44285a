"""The ``simulatie scenarios`` commands: list, show and validate scenario files.

A thin shell over :mod:`simulatie.experiment.scenarios`: it parses the arguments, calls
:func:`~simulatie.experiment.scenarios.load_scenario` or
:func:`~simulatie.experiment.scenarios.list_scenarios` and prints, in Dutch unless ``--lang en``:
units in words, the named choices with their Dutch names, where each value came from and the
files' reasons in the chosen language where they give it. Any problem is one ``fout: ...`` line
(``error: ...`` with ``--lang en``) on stderr with exit code 2. ``simulatie.cli.main`` mounts
:data:`scenarios_app` as ``simulatie scenarios``.

``--lang`` may come before the subcommand (``simulatie scenarios --lang en show kerkweg``) or after
it (``simulatie scenarios show kerkweg --lang en``); after it wins. ``validate`` takes what ``run``
takes: a name, ``NAME:VARIANT`` or a path.
"""

from __future__ import annotations

import textwrap
from typing import Annotated, Any

import typer

from simulatie.cli.common import fail, read_overrides, set_option
from simulatie.cli.language import (
    DEFAULT_LANG,
    App,
    Lang,
    current_lang,
    lang_option,
    remember_lang,
    tr,
)
from simulatie.core.parameters import ParameterError, choice_label, parameter_specs
from simulatie.experiment.scenarios import (
    COMMAND_LINE,
    DEFAULT,
    Scenario,
    ScenarioError,
    list_scenarios,
    load_scenario,
    scenarios_dir,
)
from simulatie.experiment.wording import decimal

__all__ = ["Lang", "scenarios_app"]


TEXT = {
    Lang.NL: {
        "variants": "varianten",
        "file": "bestand",
        "base": "basis",
        "header": ("parameter", "waarde", "eenheid", "herkomst"),
        "reasons": "Waarom deze waarden",
        "hint": "Details: simulatie scenarios show NAAM   (variant: NAAM:VARIANT)",
        "none": "Geen scenario's gevonden in",
        "sources": {DEFAULT: "standaard", COMMAND_LINE: "opdrachtregel"},
        "base_source": "basis",
        "yes_no": ("ja", "nee"),
    },
    Lang.EN: {
        "variants": "variants",
        "file": "file",
        "base": "base",
        "header": ("parameter", "value", "unit", "from"),
        "reasons": "Why these values",
        "hint": "Details: simulatie scenarios show NAME   (variant: NAME:VARIANT)",
        "none": "No scenarios found in",
        "sources": {DEFAULT: DEFAULT, COMMAND_LINE: COMMAND_LINE},
        "base_source": "base",
        "yes_no": ("true", "false"),
    },
}

scenarios_app = App(
    name="scenarios",
    help=tr("Toon, bekijk en controleer scenario's (scenariobestanden in scenarios/*.toml).",
            "List, show and validate scenarios (scenario files in scenarios/*.toml)."),
    no_args_is_help=False,
    add_completion=False,
)

LangOption = lang_option("Taal van titels, beschrijvingen en meldingen: nl (standaard) of en.",
                         "Language of titles, descriptions and messages: nl (default) or en.")
SubLangOption = Annotated[Lang | None, typer.Option(
    "--lang", "-l", callback=remember_lang, show_default=False, help=tr(
        "Taal van titels, beschrijvingen en meldingen: nl of en (standaard: zoals gegeven vóór "
        "de subopdracht, anders nl).",
        "Language of titles, descriptions and messages: nl or en (default: as given before the "
        "subcommand, else nl)."))]
SetOption = set_option("Zet een parameter, bijv. --set takeover=0,8 (herhaalbaar).",
                       "Override a parameter, e.g. --set takeover=0.8 (repeatable).")


def _language(lang: Lang | None = None) -> Lang:
    """The subcommand's ``--lang``, else the one given before the subcommand, else the default.

    Both options keep their choice for the command (:func:`~simulatie.cli.language.remember_lang`);
    the subcommand's is read last.
    """
    return lang if lang is not None else current_lang()


@scenarios_app.callback(invoke_without_command=True)
def list_all(ctx: typer.Context, lang: LangOption = DEFAULT_LANG) -> None:
    """List every scenario with its one-line title."""
    if ctx.invoked_subcommand is not None:
        return
    try:
        scenarios = list_scenarios()
    except ScenarioError as error:
        fail(error)
    text = TEXT[lang]
    if not scenarios:
        typer.echo(f"{text['none']} {scenarios_dir()}")
        return
    width = max(len(s.name) for s in scenarios)
    for scenario in scenarios:
        typer.echo(f"{scenario.name:<{width}}  {scenario.title(lang)}")
        if scenario.variants:
            names = ", ".join(f"{scenario.name}:{v}" for v in scenario.variants)
            typer.echo(f"{'':<{width}}  ({text['variants']}: {names})")
    typer.echo("")
    typer.echo(text["hint"])


def _format_value(name: str, value: Any, lang: Lang) -> str:
    """A value as the user reads it: ``ja``, ``0,3``, ``participative (participatief)``."""
    if isinstance(value, bool):
        return TEXT[lang]["yes_no"][0 if value else 1]
    if isinstance(value, float):
        return decimal(f"{value:g}", Lang(lang).value)
    if parameter_specs()[name].choices and lang is Lang.NL:
        return f"{value} ({choice_label(value, 'nl')})"
    return str(value)


def _source_text(source: str, lang: Lang) -> str:
    """Where a value came from, in words: ``standaard``, ``kerkweg.toml (basis)`` and so on."""
    text = TEXT[lang]
    if source in text["sources"]:
        return text["sources"][source]
    if source.endswith(" (base)"):
        return source.removesuffix(" (base)") + f" ({text['base_source']})"
    return source


def _describe(scenario: Scenario, lang: Lang, changed_only: bool) -> list[str]:
    """Render a scenario as lines: title, file, description, parameter table and reasons."""
    text = TEXT[lang]
    lines = [f"{scenario.name}: {scenario.title(lang)}"]
    details = [f"{text['file']}: {scenario.path}" if scenario.path else ""]
    if scenario.base:
        details.append(f"{text['base']}: {scenario.base}")
    if scenario.variants:
        details.append(f"{text['variants']}: " + ", ".join(scenario.variants))
    lines.append("; ".join(d for d in details if d))
    description = scenario.description(lang)
    if description:
        lines.append("")
        for paragraph in description.split("\n\n"):
            lines.extend(textwrap.wrap(" ".join(paragraph.split()), width=96))
    values = scenario.parameters.model_dump(mode="json")
    specs = parameter_specs()
    rows = [
        (name, _format_value(name, values[name], lang), specs[name].unit_label(lang),
         _source_text(scenario.sources[name], lang))
        for name in specs
        if not changed_only or scenario.sources[name] != DEFAULT
    ]
    header = text["header"]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(3)]
    lines.append("")
    for row in [header, *rows]:
        lines.append(
            "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:3])) + "  " + row[3]
        )
    reasons = [(spec, scenario.reason(name, lang)) for name, spec in specs.items()]
    reasons = [(spec, reason) for spec, reason in reasons if reason]
    if reasons:
        lines.extend(["", f"{text['reasons']}:"])
        for spec, reason in reasons:
            lines.extend(
                textwrap.wrap(
                    f"{spec.short(lang)} ({spec.name}): {reason}", width=96,
                    initial_indent="  ", subsequent_indent="    "
                )
            )
    return lines


@scenarios_app.command("show", help=tr(
    "Toon de parameters van een scenario en waar elke waarde vandaan komt.",
    "Show a scenario's resolved parameters and where each value came from."))
def show(
    name: Annotated[str, typer.Argument(metavar=tr("NAAM", "NAME"), help=tr(
        "Naam van een scenario, NAAM:VARIANT, of pad naar een .toml-bestand.",
        "Scenario name, NAME:VARIANT, or path to a .toml file."))],
    lang: SubLangOption = None,
    overrides: SetOption = None,
    changed_only: Annotated[bool, typer.Option("--changed", help=tr(
        "Toon alleen waarden die van de standaard afwijken.",
        "Only show values that differ from the defaults."))] = False,
) -> None:
    """Show a scenario's resolved parameters and where each value came from."""
    values = read_overrides(overrides)
    try:
        scenario = load_scenario(name, values)
    except (ScenarioError, ParameterError) as error:
        fail(error)
    for line in _describe(scenario, _language(lang), changed_only):
        typer.echo(line)


@scenarios_app.command("validate", help=tr(
    "Controleer een scenario (naam of bestand): toont ok, of het probleem op één regel "
    "(afsluitcode 2).",
    "Check a scenario (name or file): print ok, or the problem in one line (exit code 2)."))
def validate(
    scenario: Annotated[str, typer.Argument(metavar="SCENARIO", help=tr(
        "Te controleren scenario: een naam in scenarios/, NAAM:VARIANT, of uw eigen .toml-bestand.",
        "Scenario to check: a name in scenarios/, NAME:VARIANT, or your .toml file."))],
    lang: SubLangOption = None,
) -> None:
    """Check a scenario (name or file): print ``ok``, or the problem in one line (exit code 2)."""
    try:
        load_scenario(scenario)
    except ScenarioError as error:
        fail(error)
    typer.echo("ok")
