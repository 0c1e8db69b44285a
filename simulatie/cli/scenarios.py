"""The ``simulatie scenarios`` commands: list, show and validate scenario files.

A thin shell over :mod:`simulatie.experiment.scenarios`: it parses the arguments, calls
:func:`~simulatie.experiment.scenarios.load_scenario` or
:func:`~simulatie.experiment.scenarios.list_scenarios` and prints. Any problem is one line ``error:
...`` on stderr with exit code 2. ``simulatie.cli.main`` mounts :data:`scenarios_app` as ``simulatie
scenarios``.

``--lang`` may come before the subcommand (``simulatie scenarios --lang en show kerkweg``) or after
it (``simulatie scenarios show kerkweg --lang en``); after it wins. ``validate`` takes what ``run``
takes: a name, ``NAME:VARIANT`` or a path.
"""

from __future__ import annotations

import textwrap
from typing import Annotated, Any

import typer

from simulatie.cli.common import Lang, fail
from simulatie.core.parameters import ParameterError, parameter_specs, split_override
from simulatie.experiment.scenarios import (
    DEFAULT,
    Scenario,
    ScenarioError,
    list_scenarios,
    load_scenario,
    scenarios_dir,
)

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
    },
    Lang.EN: {
        "variants": "variants",
        "file": "file",
        "base": "base",
        "header": ("parameter", "value", "unit", "from"),
        "reasons": "Why these values",
        "hint": "Details: simulatie scenarios show NAME   (variant: NAME:VARIANT)",
        "none": "No scenarios found in",
    },
}

scenarios_app = typer.Typer(
    name="scenarios",
    help="List, show and validate scenarios (scenario files in scenarios/*.toml).",
    no_args_is_help=False,
    add_completion=False,
)

LangOption = Annotated[
    Lang, typer.Option("--lang", help="Language of titles and descriptions: nl or en.")
]
SubLangOption = Annotated[Lang | None, typer.Option(
    "--lang", help="Language of titles and descriptions: nl or en (default: as given before "
    "the subcommand, else nl).", show_default=False)]


def _language(ctx: typer.Context, lang: Lang | None) -> Lang:
    """The subcommand's ``--lang``, else the one given before the subcommand, else Dutch."""
    if lang is not None:
        return lang
    chosen = (ctx.obj or {}).get("lang") if isinstance(ctx.obj, dict) else None
    return chosen if chosen is not None else Lang.NL


@scenarios_app.callback(invoke_without_command=True)
def list_all(ctx: typer.Context, lang: LangOption = Lang.NL) -> None:
    """List every scenario with its one-line title."""
    if ctx.invoked_subcommand is not None:
        ctx.ensure_object(dict)["lang"] = lang
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


def _format_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


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
        (name, _format_value(values[name]), specs[name].unit, scenario.sources[name])
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
    reasons = [(name, scenario.reasons[name]) for name in specs if name in scenario.reasons]
    if reasons:
        lines.extend(["", f"{text['reasons']}:"])
        for name, reason in reasons:
            lines.extend(
                textwrap.wrap(
                    f"{name}: {reason}", width=96, initial_indent="  ", subsequent_indent="    "
                )
            )
    return lines


@scenarios_app.command("show")
def show(
    ctx: typer.Context,
    name: Annotated[
        str, typer.Argument(help="Scenario name, NAME:VARIANT, or path to a .toml file.")
    ],
    lang: SubLangOption = None,
    overrides: Annotated[
        list[str] | None,
        typer.Option("--set", help="Override a parameter, e.g. --set takeover=0.8 (repeatable)."),
    ] = None,
    changed_only: Annotated[
        bool, typer.Option("--changed", help="Only show values that differ from the defaults.")
    ] = False,
) -> None:
    """Show a scenario's resolved parameters and where each value came from."""
    try:
        values = dict(split_override(text) for text in overrides or [])
        scenario = load_scenario(name, values)
    except (ScenarioError, ParameterError) as error:
        fail(error)
    for line in _describe(scenario, _language(ctx, lang), changed_only):
        typer.echo(line)


@scenarios_app.command("validate")
def validate(
    scenario: Annotated[str, typer.Argument(
        help="Scenario to check: a name in scenarios/, NAME:VARIANT, or your .toml file.")],
) -> None:
    """Check a scenario (name or file): print ``ok``, or the problem in one line (exit code 2)."""
    try:
        load_scenario(scenario)
    except ScenarioError as error:
        fail(error)
    typer.echo("ok")
