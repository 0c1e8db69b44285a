"""The ``simulatie myth N`` (alias ``mythe``) and ``simulatie myths`` (alias ``mythes``) commands.

``myth N`` runs myth N's experiment (:mod:`simulatie.workshop.myths`) and writes its handout
(:mod:`simulatie.workshop.handout`) into ``results/myths/<N>/``: ``figure.png``, ``handout.html``,
``handout.pdf``, ``answer.json`` and a copy of the myth file. ``myths`` does all seven and puts
them into one workshop pack, ``results/myths/pack/pack.html`` and ``pack.pdf``; with ``--ship``
it also writes the full answers into the package (``simulatie/data/myth_answers.*``), where the
dashboard reads them (:mod:`simulatie.workshop.answers`). A quick try (``--quick``) goes to
``results/myths/quick/`` and a run with other settings to ``results/myths/custom/``
(:func:`default_folder`), so that neither ever overwrites the handout of the full analysis.
Mistakes in the input are one ``fout: ...`` line (``error: ...`` with ``--lang en``) with exit
code 2. ``simulatie.cli.main`` registers the commands with :func:`register`.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from simulatie.cli.common import (
    EXIT_INTERRUPTED,
    Lang,
    SchedulerOption,
    check_workers,
    fail,
    read_overrides,
    set_option,
)
from simulatie.cli.language import DEFAULT_LANG, lang_option, tr
from simulatie.cli.messages import translate
from simulatie.core.parameters import ParameterError
from simulatie.experiment.stopping import Interrupted, stop_on_signals
from simulatie.workshop.myths import MYTHS, QUICK, MythError, Scale

__all__ = ["MYTHS_OUT", "default_folder", "myth_command", "myths_command", "register"]

MYTHS_OUT = Path("results") / "myths"
"""Where the full analyses' handouts go, one folder per myth; quick tries and custom runs go into
its ``quick/`` and ``custom/`` folders."""


LangOption = lang_option("Taal van de hand-out en de meldingen: nl (standaard) of en.",
                         "Language of the handout and the messages: nl (default) or en.")
QuickOption = Annotated[bool, typer.Option("--quick", help=tr(
    "Kleiner en sneller: 100 bewoners, drie jaar, vijf herhalingen.",
    "Smaller and faster: 100 residents, three years, five replications."))]
SetOption = set_option(
    "Verander een aanname voor elke run, bijv. --set homophily=0 (herhaalbaar). Wie de knop "
    "zet waarin de armen verschillen, maakt de armen gelijk.",
    "Change an assumption for every run, e.g. --set homophily=0 (repeatable). Setting the "
    "lever that the arms differ in makes the arms identical.")
ScenarioOption = Annotated[str | None, typer.Option("--scenario", help=tr(
    "Toets de mythe in een ander basisscenario, bijv. kerkweg.",
    "Run the myth on another base scenario, e.g. kerkweg."))]
ResidentsOption = Annotated[int | None, typer.Option(help=tr(
    "Aantal bewoners (in plaats van dat uit het mythebestand).",
    "Residents (instead of the file's)."))]
WeeksOption = Annotated[int | None, typer.Option(help=tr(
    "Weken per run (in plaats van die uit het mythebestand).",
    "Weeks per run (instead of the file's)."))]
RepsOption = Annotated[int | None, typer.Option("--replications", help=tr(
    "Herhalingen per arm (minstens 2).", "Replications per arm (at least 2)."))]
WorkersOption = Annotated[int | None, typer.Option("--workers", "-w", help=tr(
    "Processen (standaard: één per processorkern; 1 = in dit proces).",
    "Processes (default: one per core; 1 = in this process)."))]
OutOption = Annotated[Path | None, typer.Option("--out", "-o", help=tr(
    "Uitvoermap (standaard: results/myths/<N>; met --quick results/myths/quick/<N>; met andere "
    "instellingen results/myths/custom/<N>). De map sweep-* erin bewaart de runs: dezelfde "
    "opdracht gaat verder met een onderbroken mythe, of hergebruikt de runs (bijv. voor --lang "
    "en).",
    "Output folder (default: results/myths/<N>; with --quick results/myths/quick/<N>; with "
    "other changed settings results/myths/custom/<N>). Its sweep-* folder keeps the runs: the "
    "same command again resumes an interrupted myth, or reuses its runs (e.g. for --lang en)."))]
SeedOption = Annotated[int | None, typer.Option(show_default=False, min=0, help=tr(
    "Een andere hoofdseed dan die van het mythebestand (hangt het oordeel van de seeds af?).",
    "Another master seed than the myth file's (does the verdict hang on the seeds?)."))]
ShipOption = Annotated[bool, typer.Option(help=tr(
    "Schrijf de volledige antwoorden ook in het pakket, voor het dashboard.",
    "Also write the full answers into the package, for the dashboard."))]
NumberArgument = Annotated[int, typer.Argument(metavar=tr("NUMMER", "NUMBER"), help=tr(
    "De mythe, 1 tot en met 7.", "The myth, 1 to 7."))]

_TEXT = {
    "done": {"nl": "klaar in {seconds:.0f} s → {path}", "en": "done in {seconds:.0f}s → {path}"},
    "shipped": {"nl": "meegeleverd: {paths}", "en": "shipped {paths}"},
}


def _scale(quick: bool, residents: int | None, weeks: int | None,
           replications: int | None) -> Scale:
    base = QUICK if quick else Scale()
    if replications is not None and replications < 2:
        fail("--replications must be at least 2 (an interval needs two runs)")
    return Scale(residents=residents or base.residents, weeks=weeks or base.weeks,
                 replications=replications or base.replications)


def default_folder(quick: bool, changed: bool) -> Path:
    """The folder under which handouts go when ``--out`` is not given.

    Args:
        quick: Whether ``--quick`` was given.
        changed: Whether any other setting differs from the myth files' (``--set``,
            ``--scenario``, ``--residents``, ``--weeks``, ``--replications``, ``--seed``).

    Returns:
        ``results/myths`` for the full analyses, ``results/myths/quick`` for a quick try,
        ``results/myths/custom`` for other settings: a quick try never overwrites the full
        analysis's handout.
    """
    if quick:
        return MYTHS_OUT / "quick"
    return MYTHS_OUT / "custom" if changed else MYTHS_OUT


def _changed(set_: list[str] | None, scenario: str | None, residents: int | None,
             weeks: int | None, replications: int | None, seed: int | None) -> list[str]:
    """The options (other than ``--quick``) that change the myth files' settings."""
    return [name for name, value in (
        ("--set", set_), ("--scenario", scenario), ("--residents", residents), ("--weeks", weeks),
        ("--replications", replications), ("--seed", seed)) if value is not None and value != []]


def _answer(n: int, lang: Lang, scale: Scale, overrides: dict, scenario: str | None,
            workers: int | None, seed: int | None, runs: Path, scheduler: str | None):
    from simulatie.experiment.sweep import SweepError
    from simulatie.workshop.handout import myth_answer  # matplotlib only when a command runs

    try:
        return myth_answer(n, lang.value, scale=scale, overrides=overrides, scenario=scenario,
                           workers=workers, seed=seed, runs=runs, scheduler=scheduler)
    except (MythError, ParameterError, SweepError, ValueError) as error:
        fail(error)


def myth_command(
    number: NumberArgument,
    lang: LangOption = DEFAULT_LANG,
    quick: QuickOption = False,
    set_: SetOption = None,
    scenario: ScenarioOption = None,
    residents: ResidentsOption = None,
    weeks: WeeksOption = None,
    replications: RepsOption = None,
    workers: WorkersOption = None,
    out: OutOption = None,
    seed: SeedOption = None,
    scheduler: SchedulerOption = None,
) -> None:
    """Test one myth with the model and write its handout (HTML, PDF, figure)."""
    from simulatie.workshop.handout import write_handout

    if number not in MYTHS:
        fail(f"there is no myth {number}; choose 1 to 7")
    check_workers(workers, scheduler)
    scale, overrides = _scale(quick, residents, weeks, replications), read_overrides(set_)
    changed = _changed(set_, scenario, residents, weeks, replications, seed)
    folder = out or default_folder(quick, bool(changed)) / str(number)
    started = time.perf_counter()
    try:
        with stop_on_signals():
            answer = _answer(number, lang, scale, overrides, scenario, workers, seed, folder,
                             scheduler)
            paths = write_handout(answer, folder)
    except (Interrupted, KeyboardInterrupt) as stop:
        typer.echo(translate(f"interrupted: myth {number} was not finished; the same command "
                             "resumes it", lang.value), err=True)
        raise typer.Exit(getattr(stop, "exit_code", EXIT_INTERRUPTED)) from None
    typer.echo(answer.title())
    if answer.banner_title:
        typer.echo(f"  {answer.banner_title.upper()}")
    typer.echo(f"  {answer.default.numbers}")
    typer.echo(f"  {answer.default.conclusion}")
    typer.echo(f"  {answer.counter_intro} {answer.counter.conclusion}")
    typer.echo(_TEXT["done"][lang.value].format(seconds=time.perf_counter() - started,
                                                path=paths["html"].parent))


def myths_command(
    lang: LangOption = DEFAULT_LANG,
    quick: QuickOption = False,
    set_: SetOption = None,
    scenario: ScenarioOption = None,
    residents: ResidentsOption = None,
    weeks: WeeksOption = None,
    replications: RepsOption = None,
    workers: WorkersOption = None,
    out: OutOption = None,
    seed: SeedOption = None,
    ship: ShipOption = False,
    scheduler: SchedulerOption = None,
) -> None:
    """Test all seven myths and build the workshop pack (one HTML, one PDF)."""
    from simulatie.workshop.handout import write_handout, write_pack

    changed = _changed(set_, scenario, residents, weeks, replications, seed)
    if ship and (quick or changed):
        fail("--ship ships the answers at the myth files' settings; leave out "
             f"{'--quick' if quick else changed[0]}")
    check_workers(workers, scheduler)
    scale, overrides = _scale(quick, residents, weeks, replications), read_overrides(set_)
    root = out or default_folder(quick, bool(changed))
    started = time.perf_counter()
    answers = []
    try:
        with stop_on_signals():
            for n in MYTHS:
                began = time.perf_counter()
                answer = _answer(n, lang, scale, overrides, scenario, workers, seed,
                                 root / str(n), scheduler)
                write_handout(answer, root / str(n))
                marker = f" [{answer.banner_title}]" if answer.banner_title else ""
                typer.echo(f"{answer.title()}{marker} ({time.perf_counter() - began:.0f}s): "
                           f"{answer.default.conclusion}")
                answers.append(answer)
            paths = write_pack(answers, root / "pack")
            if ship:
                _ship(answers, lang.value)
    except (Interrupted, KeyboardInterrupt) as stop:
        typer.echo(translate(f"interrupted: {len(answers)} of {len(MYTHS)} myths done (their "
                             "handouts are written); run the same command again for the pack",
                             lang.value), err=True)
        raise typer.Exit(getattr(stop, "exit_code", EXIT_INTERRUPTED)) from None
    typer.echo(_TEXT["done"][lang.value].format(seconds=time.perf_counter() - started,
                                                path=paths["pdf"]))


def _ship(answers: list, lang: str) -> None:
    """Write the full answers into the package (simulatie/data/myth_answers.*).

    A computed answer keeps unmet care even where its myth file does not
    (:func:`simulatie.workshop.handout.myth_answer`); it is shipped under the myth file as it
    is, so that the dashboard finds it for the file's settings.
    """
    import shlex
    import sys
    from dataclasses import replace
    from datetime import UTC, datetime

    from simulatie.cli.common import PACKAGE_DATA
    from simulatie.experiment.provenance import provenance
    from simulatie.workshop.answers import save_answers
    from simulatie.workshop.myths import load_myth

    record = {"built": datetime.now(UTC).isoformat(timespec="seconds"),
              "command": "simulatie myths " + shlex.join(sys.argv[2:]), **provenance()}
    results = [replace(a.result, myth=load_myth(a.number)) for a in answers]
    try:
        written = save_answers(results, record, PACKAGE_DATA)
    except OSError as error:
        fail(f"cannot write the answers into the package: {error}")
    typer.echo(_TEXT["shipped"][lang].format(paths=", ".join(str(p) for p in written)))


def register(app: typer.Typer) -> None:
    """Add ``mythe``/``myth`` and ``mythes``/``myths`` to the ``simulatie`` command line.

    Both names work; the help lists those of its own language.
    """
    one = tr("Toets één mythe met het model en schrijf de hand-out (HTML, PDF, figuur).",
             "Test one myth with the model and write its handout (HTML, PDF, figure).")
    every = tr("Toets alle zeven mythen en maak het werkplaatspakket (één HTML, één PDF).",
               "Test all seven myths and build the workshop pack (one HTML, one PDF).")
    dutch = DEFAULT_LANG is Lang.NL  # the help lists the names in its own language
    app.command("myth", hidden=dutch, help=one)(myth_command)
    app.command("mythe", hidden=not dutch, help=one)(myth_command)
    app.command("myths", hidden=dutch, help=every)(myths_command)
    app.command("mythes", hidden=not dutch, help=every)(myths_command)


if __name__ == "__main__":  # pragma: no cover
    standalone = typer.Typer(no_args_is_help=True)
    register(standalone)
    standalone()
