"""The ``simulatie`` command line: parse, load, call, write — nothing else.

``simulatie run`` resolves a scenario plus ``--set`` overrides into validated parameters, checks
the output folder, runs the model through :func:`simulatie.experiment.run.run` and writes the
results with
:func:`simulatie.experiment.results.write_run`. ``simulatie parameters`` lists every declared
parameter; ``simulatie scenarios`` lists, shows and validates scenario files
(:mod:`simulatie.cli.scenarios`). Every mistake in the input is reported as one ``error: ...`` line
on stderr with exit code 2, before the (long) run starts and without leaving any output behind.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

try:  # recent typer ships its own copy of click
    from typer._click.exceptions import ClickException, UsageError
except ImportError:  # pragma: no cover - older typer runs on click itself
    from click.exceptions import ClickException, UsageError

from simulatie.cli.buurt import register as register_buurt_command
from simulatie.cli.calibration import register as register_calibration_command
from simulatie.cli.common import Lang, fail, one_line, progress_bar
from simulatie.cli.compare import register as register_compare_command
from simulatie.cli.dashboard import register as register_dashboard_command
from simulatie.cli.discovery import register as register_discover_command
from simulatie.cli.myths import register as register_myth_commands
from simulatie.cli.patterns import register as register_patterns_command
from simulatie.cli.robustness import register as register_robustness_command
from simulatie.cli.scenarios import scenarios_app
from simulatie.cli.summary import print_summary
from simulatie.cli.sweep import register as register_sweep_commands
from simulatie.cli.workshop import register as register_workshop_command
from simulatie.core.parameters import (
    GROUP_LABELS,
    MAX_RUN_WEEKS,
    ROLE_LABELS,
    ParameterError,
    Parameters,
    Role,
    choice_label,
    parameter_specs,
    split_override,
)
from simulatie.experiment.council_files import COUNCIL_FILES
from simulatie.experiment.results import OutputError, check_output_dir, write_run
from simulatie.experiment.scenarios import ScenarioError, load_scenario

__all__ = ["app", "main"]

RUNS_DIR = Path("results") / "runs"




class _OneLineErrorGroup(TyperGroup):
    """A command group that reports usage errors as one ``error: ...`` line, not a panel."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except ClickException as error:
            if type(error).__name__ == "NoArgsIsHelpError":  # bare `simulatie`: show the help
                error.show()
                sys.exit(0)
            hint = ""
            if isinstance(error, UsageError) and error.ctx is not None:
                hint = f" (see '{error.ctx.command_path} --help')"
            typer.echo(f"error: {one_line(error.format_message())}{hint}", err=True)
            sys.exit(error.exit_code)
        except typer.Abort:
            typer.echo("error: aborted", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    cls=_OneLineErrorGroup,
    name="simulatie",
    help="Agent-based simulation of caring communities (zorgzame gemeenschappen).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)
app.add_typer(scenarios_app, name="scenarios")




def _split_overrides(texts: Sequence[str]) -> dict[str, str]:
    """``--set name=value`` as name to text; the scenario loader converts the text, once."""
    overrides: dict[str, str] = {}
    for text in texts:
        name, value = split_override(text)
        overrides[name] = value  # a later --set of the same name wins
    return overrides


def _resolve(scenario: str, overrides: dict[str, Any]) -> tuple[str, Parameters, dict[str, Any]]:
    """Turn a scenario name or file plus overrides into its name, parameters and provenance.

    Raises:
        ScenarioError: With a one-line message naming the file, key and what is allowed.
    """
    loaded = load_scenario(scenario, overrides)
    provenance = loaded.metadata()
    provenance.pop("parameters", None)  # the run records the parameters it actually used
    return loaded.name, loaded.parameters, provenance


def _default_out(scenario_name: str, seed: int) -> Path:
    stamp = datetime.now(UTC).astimezone().strftime("%Y%m%dT%H%M%S")
    safe = re.sub(r"[^\w.-]+", "-", scenario_name).strip("-.") or "run"
    return RUNS_DIR / f"{safe}-seed{seed}-{stamp}"


@app.command("run")
def run_command(
    scenario: Annotated[
        str, typer.Argument(help="Scenario name (in scenarios/) or path to a .toml file.")
    ] = "default",
    overrides: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            "-s",
            metavar="NAME=VALUE",
            help="Override one parameter, e.g. --set takeover=0.8; repeatable.",
        ),
    ] = None,
    seed: Annotated[int, typer.Option(help="Random seed (0 or more).")] = 0,
    steps: Annotated[int, typer.Option(help="Number of weeks to simulate (520 = 10 years).")] = 520,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Folder for the results (default: results/runs/SCENARIO-seedN-TIME, local time).",
            show_default=False,
        ),
    ] = None,
    lang: Annotated[
        Lang, typer.Option(help="Language of the figure, the summary and the CSV table.")
    ] = Lang.NL,
    figure: Annotated[bool, typer.Option(help="Draw figure.png.")] = True,
    pdf: Annotated[bool, typer.Option(
        "--pdf", help="Also write a one-page summary for the council: raad.pdf and raad.html "
                      "(council.pdf and council.html with --lang en).")] = False,
) -> None:
    """Run one simulation; write timeseries.parquet and .csv, metadata.json and figure.png."""
    lang_code = lang.value
    if not 1 <= steps <= MAX_RUN_WEEKS:
        fail(f"--steps must be from 1 to {MAX_RUN_WEEKS} (200 years), got {steps}")
    if seed < 0:
        fail(f"--seed must be 0 or more, got {seed}")
    try:
        override_values = _split_overrides(overrides or [])
        name, parameters, provenance = _resolve(scenario, override_values)
        out_dir = check_output_dir(out if out is not None else _default_out(name, seed))
    except (ParameterError, ScenarioError, OutputError) as error:
        fail(str(error))

    from simulatie.experiment.run import run  # imports the model (and Mesa) only when needed

    with progress_bar("week") as bar:
        task = bar.add_task("week", total=steps)
        result = run(
            parameters,
            seed=seed,
            steps=steps,
            progress=lambda week: bar.update(task, completed=week),
        )
    try:
        written = write_run(
            result, out_dir, figure=figure, lang=lang_code, extra_metadata=provenance,
            council=pdf,
        )
    except OutputError as error:
        fail(str(error))
    print_summary(result, written, lang_code, scenario=name)
    if pdf:
        page = COUNCIL_FILES[lang_code]
        typer.echo(f"Pagina voor de raad: {page['pdf']} en {page['html']}." if lang_code == "nl"
                   else f"Page for the council: {page['pdf']} and {page['html']}.")
    typer.echo("Let op: één run is één trekking van het toeval; vergelijk beleid eerlijk, met "
               "herhalingen op dezelfde seeds, met: simulatie vergelijk A B" if lang_code == "nl"
               else "Note: one run is one draw of chance; compare policies fairly, with "
               "replications on the same seeds, with: simulatie compare A B")


def _allowed_text(spec: Any, lang: str = "en") -> str:
    if spec.choices:
        if lang == "nl":  # the value to type, with its Dutch name
            return " | ".join(f"{c} ({choice_label(c, 'nl')})" for c in spec.choices)
        return " | ".join(spec.choices)
    if spec.kind is bool:
        return "true | false"
    return f"{spec.lower:g} – {spec.upper:g}"


def _default_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


@app.command("parameters")
def parameters_command(
    lang: Annotated[Lang, typer.Option(help="Language of the descriptions.")] = Lang.NL,
    role: Annotated[
        Role | None,
        typer.Option(help="Only parameters of this role (lever, context, structure, convention)."),
    ] = None,
) -> None:
    """List every parameter with its default, range, unit, role and description."""
    nl = lang is Lang.NL
    specs = [s for s in parameter_specs().values() if role is None or s.role is role]
    width = max(len(spec.name) for spec in specs)
    lines = [
        "Parameters: naam, standaardwaarde, toegestaan bereik, eenheid, rol"
        if nl
        else "Parameters: name, default, allowed range, unit, role",
        "Wijzig met: simulatie run --set naam=waarde"
        if nl
        else "Change with: simulatie run --set name=value",
        "Rollen: beleidsknop (met waarde als er niets georganiseerd is), aanname over de "
        "context, structuur van de buurt, meetafspraak"
        if nl
        else "Roles: policy lever (with its value when nothing is organised), context "
        "assumption, neighbourhood structure, measurement convention",
    ]
    group = None
    for spec in specs:
        if spec.group != group:
            group = spec.group
            lines += ["", GROUP_LABELS.get(group, {}).get(lang.value, group)]
        default = _default_text(spec.default)
        role_text = ROLE_LABELS[spec.role][lang.value]
        if spec.baseline is not None:
            nothing = "niets georganiseerd" if nl else "nothing organised"
            role_text += f" ({nothing}: {_default_text(spec.baseline)})"
        lines.append(f"  {spec.name:<{width}}  {default:>8}  [{_allowed_text(spec, lang.value)}]  "
                     f"{spec.unit}"
                     f"  · {role_text}")
        lines.append(f"  {'':<{width}}  {spec.label(lang.value)}")
    typer.echo("\n".join(lines))


def main() -> None:
    """Run the command line (used by ``python -m simulatie``)."""
    app(prog_name="simulatie")


register_sweep_commands(app)  # simulatie sweep, simulatie report
register_dashboard_command(app)  # simulatie dashboard
register_calibration_command(app)  # simulatie calibrate
register_robustness_command(app)  # simulatie robustness
register_patterns_command(app)  # simulatie patterns
register_discover_command(app)  # simulatie discover
register_myth_commands(app)  # simulatie myth N / mythe N, simulatie myths / mythes
register_workshop_command(app)  # simulatie workshop / werkplaats
register_compare_command(app)  # simulatie vergelijk / compare
register_buurt_command(app)  # simulatie buurt (my neighbourhood from CBS figures)
