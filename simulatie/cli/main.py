"""The ``simulatie`` command line: parse, load, call, write — nothing else.

``simulatie run`` resolves a scenario plus ``--set`` overrides into validated parameters, checks
the output folder, runs the model through :func:`simulatie.experiment.run.run` and writes the
results with
:func:`simulatie.experiment.results.write_run`. ``simulatie parameters`` lists every declared
parameter; ``simulatie scenarios`` lists, shows and validates scenario files
(:mod:`simulatie.cli.scenarios`). Every mistake in the input is reported as one ``fout: ...`` line
(``error: ...`` with ``--lang en``) on stderr with exit code 2, before the (long) run starts and
without leaving any output behind; so are Click's own usage errors, in Dutch too
(:class:`_OneLineErrorGroup`).

Every command speaks Dutch unless ``--lang en`` is given; ``SIMULATIE_LANG=en`` makes English the
default and the language of ``--help`` (:mod:`simulatie.cli.language`).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

try:  # recent typer ships its own copy of click
    from typer._click.exceptions import ClickException, UsageError
except ImportError:  # pragma: no cover - older typer runs on click itself
    from click.exceptions import ClickException, UsageError

from simulatie.cli.buurt import register as register_buurt_command
from simulatie.cli.calibration import register as register_calibration_command
from simulatie.cli.common import fail, one_line, progress_bar, read_overrides, set_option
from simulatie.cli.compare import register as register_compare_command
from simulatie.cli.dashboard import register as register_dashboard_command
from simulatie.cli.discovery import register as register_discover_command
from simulatie.cli.first_use import note_first_compile
from simulatie.cli.language import (
    DEFAULT_LANG,
    App,
    Lang,
    LocalGroup,
    lang_in_args,
    lang_option,
    tr,
)
from simulatie.cli.messages import PREFIX, translate
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
)
from simulatie.experiment.council_files import COUNCIL_FILES
from simulatie.experiment.results import OutputError, check_output_dir, write_run
from simulatie.experiment.scenarios import ScenarioError, load_scenario
from simulatie.experiment.wording import decimal

__all__ = ["app", "main"]

RUNS_DIR = Path("results") / "runs"
_SEE = {Lang.NL: "zie", Lang.EN: "see"}
_ABORTED = {Lang.NL: "afgebroken", Lang.EN: "aborted"}


class _OneLineErrorGroup(LocalGroup):
    """A command group that reports usage errors as one error line, not a panel.

    The line is in the language of a ``--lang`` on the command line (read before Click parses
    it), else in :data:`~simulatie.cli.language.DEFAULT_LANG`: ``fout: onbekende optie: --sed
    (mogelijke opties: --seed) (zie 'simulatie run --help')``.
    """

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
        lang = lang_in_args(sys.argv[1:] if args is None else list(args)) or DEFAULT_LANG
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except ClickException as error:
            if type(error).__name__ == "NoArgsIsHelpError":  # bare `simulatie`: show the help
                error.show()
                sys.exit(0)
            hint = ""
            if isinstance(error, UsageError) and error.ctx is not None:
                hint = f" ({_SEE[lang]} '{error.ctx.command_path} --help')"
            message = translate(one_line(error.format_message()), lang)
            typer.echo(f"{PREFIX[lang]}{message}{hint}", err=True)
            sys.exit(error.exit_code)
        except typer.Abort:
            typer.echo(PREFIX[lang] + _ABORTED[lang], err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


app = App(
    cls=_OneLineErrorGroup,
    name="simulatie",
    help=tr("Agentgebaseerde simulatie van zorgzame gemeenschappen. Elke opdracht spreekt "
            "Nederlands; --lang en geeft Engels (SIMULATIE_LANG=en ook voor deze hulp).",
            "Agent-based simulation of caring communities (zorgzame gemeenschappen). Every "
            "command speaks Dutch unless given --lang en (SIMULATIE_LANG=en: also this help)."),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)
app.add_typer(scenarios_app, name="scenarios")


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


RunSetOption = set_option(
    "Zet één parameter, bijv. --set takeover=0,8 (een decimale komma mag); herhaalbaar.",
    "Override one parameter, e.g. --set takeover=0.8; repeatable.")
RunLangOption = lang_option("Taal van de figuur, de samenvatting, de CSV-tabel en de meldingen: "
                            "nl (standaard) of en.",
                            "Language of the figure, the summary, the CSV table and the "
                            "messages: nl (default) or en.")


@app.command("run", help=tr(
    "Draai één simulatie; schrijf timeseries.parquet, de tabel (tijdreeks.csv), metadata.json "
    "en figure.png, en toon een samenvatting.",
    "Run one simulation; write timeseries.parquet and .csv, metadata.json and figure.png."))
def run_command(
    scenario: Annotated[str, typer.Argument(metavar="SCENARIO", help=tr(
        "Naam van een scenario (in scenarios/) of pad naar een .toml-bestand.",
        "Scenario name (in scenarios/) or path to a .toml file."))] = "default",
    overrides: RunSetOption = None,
    seed: Annotated[int, typer.Option(help=tr("Toevalszaad, de seed (0 of meer).",
                                              "Random seed (0 or more)."))] = 0,
    steps: Annotated[int, typer.Option(help=tr("Aantal weken om te simuleren (520 = 10 jaar).",
                                               "Number of weeks to simulate (520 = 10 years).")
                                       )] = 520,
    out: Annotated[Path | None, typer.Option(
        "--out", "-o", show_default=False, help=tr(
            "Map voor de resultaten (standaard: results/runs/SCENARIO-seedN-TIJD, lokale tijd).",
            "Folder for the results (default: results/runs/SCENARIO-seedN-TIME, local time)."))
    ] = None,
    lang: RunLangOption = DEFAULT_LANG,
    figure: Annotated[bool, typer.Option(help=tr("Teken figure.png.", "Draw figure.png."))] = True,
    pdf: Annotated[bool, typer.Option("--pdf", help=tr(
        "Schrijf ook een samenvatting van één pagina voor de raad: raad.pdf en raad.html "
        "(council.pdf en council.html met --lang en).",
        "Also write a one-page summary for the council: raad.pdf and raad.html (council.pdf "
        "and council.html with --lang en)."))] = False,
) -> None:
    """Run one simulation; write timeseries.parquet and .csv, metadata.json and figure.png."""
    lang_code = lang.value
    if not 1 <= steps <= MAX_RUN_WEEKS:
        fail(f"--steps must be from 1 to {MAX_RUN_WEEKS} (200 years), got {steps}")
    if seed < 0:
        fail(f"--seed must be 0 or more, got {seed}")
    override_values = read_overrides(overrides)
    try:
        name, parameters, provenance = _resolve(scenario, override_values)
        out_dir = check_output_dir(out if out is not None else _default_out(name, seed))
    except (ParameterError, ScenarioError, OutputError) as error:
        fail(str(error))

    from simulatie.experiment.run import run  # imports the model (and Mesa) only when needed

    note_first_compile(lang_code)
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


_YES_NO = {"nl": ("ja", "nee"), "en": ("true", "false")}


def _number_text(value: float, lang: str) -> str:
    return decimal(f"{value:g}", lang)


def _allowed_text(spec: Any, lang: str = "en") -> str:
    if spec.choices:
        if lang == "nl":  # the value to type, with its Dutch name
            return " | ".join(f"{c} ({choice_label(c, 'nl')})" for c in spec.choices)
        return " | ".join(spec.choices)
    if spec.kind is bool:
        return " | ".join(_YES_NO[lang])
    return f"{_number_text(spec.lower, lang)} – {_number_text(spec.upper, lang)}"


def _default_text(value: Any, lang: str = "en") -> str:
    if isinstance(value, bool):
        return _YES_NO[lang][0 if value else 1]
    if isinstance(value, float):
        return _number_text(value, lang)
    return str(value)


_PARAMETERS_TEXT = {
    "nl": ("Parameters: naam, standaardwaarde, toegestaan bereik, eenheid, rol; daaronder de "
           "korte naam en wat de parameter betekent",
           "Wijzig met: simulatie run --set naam=waarde   (een decimale komma mag: --set "
           "takeover=0,5; een schakelaar: ja of nee)",
           "Rollen: beleidsknop (met waarde als er niets georganiseerd is), aanname over de "
           "context (met het bereik dat de bronnen aannemelijk maken, waar opgegeven: de "
           "kalibratie trekt daaruit, docs/calibration.md), structuur van de buurt, "
           "meetafspraak"),
    "en": ("Parameters: name, default, allowed range, unit, role; below them the short name and "
           "what the parameter means",
           "Change with: simulatie run --set name=value",
           "Roles: policy lever (with its value when nothing is organised), context "
           "assumption (with the range evidence makes plausible, where declared: calibration "
           "draws from it, docs/calibration.md), neighbourhood structure, measurement "
           "convention"),
}
_NOTHING = {"nl": "niets georganiseerd", "en": "nothing organised"}
_PLAUSIBLE = {"nl": "aannemelijk", "en": "plausible", "log": {"nl": "logschaal", "en": "log scale"}}
ParametersLangOption = lang_option("Taal van de uitleg: nl (standaard) of en.",
                                   "Language of the descriptions: nl (default) or en.")


@app.command("parameters", help=tr(
    "Toon elke parameter met korte naam, standaardwaarde, bereik, eenheid, rol en uitleg.",
    "List every parameter with its short name, default, range, unit, role and description."))
def parameters_command(
    lang: ParametersLangOption = DEFAULT_LANG,
    role: Annotated[Role | None, typer.Option(help=tr(
        "Alleen de parameters met deze rol (lever = beleidsknop, context = aanname over de "
        "context, structure = structuur van de buurt, convention = meetafspraak).",
        "Only parameters of this role (lever, context, structure, convention)."))] = None,
) -> None:
    """List every parameter with its default, range, unit, role and description."""
    code = lang.value
    specs = [s for s in parameter_specs().values() if role is None or s.role is role]
    width = max(len(spec.name) for spec in specs)
    lines = list(_PARAMETERS_TEXT[code])
    group = None
    for spec in specs:
        if spec.group != group:
            group = spec.group
            lines += ["", GROUP_LABELS.get(group, {}).get(code, group)]
        default = _default_text(spec.default, code)
        role_text = ROLE_LABELS[spec.role][code]
        if spec.baseline is not None:
            role_text += f" ({_NOTHING[code]}: {_default_text(spec.baseline, code)})"
        if spec.plausible is not None:  # the evidence's range, from which calibration draws
            low, high = (_default_text(float(v), code) for v in spec.plausible)
            scale = f", {_PLAUSIBLE['log'][code]}" if spec.plausible_log else ""
            role_text += f" ({_PLAUSIBLE[code]}: {low} – {high}{scale})"
        lines.append(f"  {spec.name:<{width}}  {default:>8}  [{_allowed_text(spec, code)}]  "
                     f"{spec.unit_label(code)}  · {role_text}")
        lines.append(f"  {'':<{width}}  {spec.short(code)}: {spec.label(code)}")
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
