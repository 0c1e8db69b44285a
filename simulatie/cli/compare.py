"""The ``simulatie vergelijk A B`` command (alias ``compare``): a fair comparison of two policies.

It loads both scenarios (:func:`simulatie.experiment.scenarios.load_scenario`, with ``--set`` for
both arms and ``--set-a``/``--set-b`` for one), checks the output folder, runs both arms on the
same seeds (:func:`simulatie.experiment.comparison.compare`) under a progress bar, prints the
table (:mod:`simulatie.experiment.comparison_words`) and writes the folder
(:func:`simulatie.experiment.comparison_files.write_comparison`), with ``--pdf`` also the page for
the council. A mistake in the input is one ``fout: ...`` line (``error: ...`` with ``--lang en``)
with exit code 2, before anything runs; Ctrl+C stops the workers and writes nothing.
``simulatie.cli.main`` adds the command with :func:`register`.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from simulatie.cli.common import (
    command_record,
    fail,
    interruptible,
    read_overrides,
    set_option,
    step_bar,
)
from simulatie.cli.language import DEFAULT_LANG, Lang, lang_option, tr
from simulatie.core.parameters import MAX_RUN_WEEKS
from simulatie.experiment.comparison import DEFAULT_REPLICATIONS, DEFAULT_WEEKS, Arm
from simulatie.experiment.council_files import COUNCIL_FILES
from simulatie.experiment.experiments import safe_name
from simulatie.experiment.results import OutputError, check_output_dir
from simulatie.experiment.scenarios import ScenarioError, load_scenario

if TYPE_CHECKING:
    from simulatie.experiment.comparison import Comparison

__all__ = ["COMPARE_DIR", "compare_command", "register"]

COMPARE_DIR = Path("results") / "vergelijk"
WIDE = 100
"""From this terminal width on, an interval is never broken over two lines."""

_MESSAGES: dict[str, dict[str, str]] = {
    "replications": {"nl": "--herhalingen moet minstens 2 zijn (een interval vraagt er twee), "
                           "niet {value}",
                     "en": "--replications must be at least 2 (an interval needs two), got "
                           "{value}"},
    "weeks": {"nl": "--weken moet van 1 tot {max} zijn (200 jaar), niet {value}",
              "en": "--weeks must be from 1 to {max} (200 years), got {value}"},
    "seed": {"nl": "--seed moet 0 of meer zijn, niet {value}",
             "en": "--seed must be 0 or more, got {value}"},
    "workers": {"nl": "--workers moet minstens 1 zijn, niet {value}",
                "en": "--workers must be at least 1, got {value}"},
    "scenario": {"nl": "{arm} ('{name}') laadt niet: {error}",
                 "en": "{arm} ('{name}') does not load: {error}"},
    "write": {"nl": "kan de resultaten niet schrijven: {error}",
              "en": "cannot write the results: {error}"},
    "stopped": {"nl": "onderbroken: er is niets geschreven; start de opdracht opnieuw",
                "en": "interrupted: nothing was written; run the command again"},
    "bar": {"nl": "herhalingen", "en": "replications"},
    "title": {"nl": "Vergelijking van A en B", "en": "Comparison of A and B"},
    "page": {"nl": "Pagina voor de raad: {pdf} en {html}.",
             "en": "Page for the council: {pdf} and {html}."},
    "done": {"nl": "Resultaten in {folder} ({seconds:.0f} s)",
             "en": "Results in {folder} ({seconds:.0f} s)"},
}

ArmA = Annotated[str, typer.Argument(metavar="A", help=tr(
    "Beleid A: een scenario (in scenarios/), naam:variant, of een .toml-bestand.",
    "Policy A: a scenario name (in scenarios/), name:variant, or a .toml file."))]
ArmB = Annotated[str, typer.Argument(metavar="B", help=tr(
    "Beleid B, net zo; bijv. kerkweg:no_support.", "Policy B, likewise; e.g. kerkweg:no_support."))]
SetOption = set_option("Zet een parameter in A én B, bijv. --set takeover=0,5; herhaalbaar.",
                       "Set a parameter in both A and B; repeatable.")
SetAOption = set_option("Zet een parameter alleen in A; herhaalbaar.",
                        "Set a parameter in A only; repeatable.", "--set-a")
SetBOption = set_option("Zet een parameter alleen in B, bijv. --set-b funding=pilot; herhaalbaar.",
                        "Set a parameter in B only, e.g. --set-b funding=pilot; repeatable.",
                        "--set-b")
RepsOption = Annotated[int, typer.Option(
    "--herhalingen", "--replications", "-n", help=tr("Herhalingen per beleid (minstens 2).",
                                                     "Replications per policy (at least 2)."))]
WeeksOption = Annotated[int, typer.Option(
    "--weken", "--weeks", help=tr("Weken om te simuleren (520 = tien jaar).",
                                  "Weeks to simulate (520 = ten years)."))]
SeedOption = Annotated[int, typer.Option(help=tr(
    "Hoofdseed: de seed van elke herhaling volgt eruit.",
    "Master seed: every replication's seed derives from it."))]
LangOption = lang_option()
OutOption = Annotated[Path | None, typer.Option(
    "--out", "-o", show_default=False, help=tr(
        "Uitvoermap (standaard: results/vergelijk/A-vs-B-TIJD, lokale tijd).",
        "Output folder (default: results/vergelijk/A-vs-B-TIME, local time)."))]
PdfOption = Annotated[bool, typer.Option("--pdf", help=tr(
    "Schrijf ook een samenvatting van één pagina voor de raad: raad.pdf en raad.html "
    "(council.pdf en council.html met --lang en).",
    "Also write a one-page summary for the council: raad.pdf and raad.html (council.pdf and "
    "council.html with --lang en)."))]
WorkersOption = Annotated[int | None, typer.Option(
    "--workers", "-w", show_default=False, help=tr(
        "Processen (standaard: één per processorkern; 1 draait in dit proces).",
        "Processes (default: one per core; 1 runs in this process)."))]
_HELP = tr("Vergelijk twee beleidskeuzes eerlijk: allebei op dezelfde seeds, met herhalingen en "
           "intervallen.",
           "Compare two policies fairly: both on the same seeds, with replications and "
           "intervals.")


def _say(key: str, lang: str, **values: Any) -> str:
    return _MESSAGES[key][lang].format(**values)


def _check_numbers(replications: int, weeks: int, seed: int, workers: int | None,
                   lang: str) -> None:
    """Refuse counts out of range, in one line each."""
    if replications < 2:
        fail(_say("replications", lang, value=replications))
    if not 1 <= weeks <= MAX_RUN_WEEKS:
        fail(_say("weeks", lang, value=weeks, max=MAX_RUN_WEEKS))
    if seed < 0:
        fail(_say("seed", lang, value=seed))
    if workers is not None and workers < 1:
        fail(_say("workers", lang, value=workers))


def _arms(a: str, b: str, shared: dict[str, str], own: tuple[dict[str, str], dict[str, str]],
          lang: str) -> tuple[Arm, Arm]:
    """Load both scenarios with their overrides; a problem is one line naming the arm."""
    arms = []
    for key, name, extra in (("A", a, own[0]), ("B", b, own[1])):
        try:
            scenario = load_scenario(name, {**shared, **extra})
        except ScenarioError as error:
            fail(_say("scenario", lang, arm=key, name=name, error=error))
        arms.append(Arm.of(scenario, key))
    return arms[0], arms[1]


def _default_out(arms: tuple[Arm, Arm]) -> Path:
    stamp = datetime.now(UTC).astimezone().strftime("%Y%m%dT%H%M%S")
    names = []
    for index, arm in enumerate(arms):
        other = arms[1 - index]
        own = [f"{k}={v}" for k, v in arm.overrides.items() if other.overrides.get(k) != v]
        names.append(safe_name("+".join([arm.name, *own]))[:40])
    return COMPARE_DIR / f"{names[0]}-vs-{names[1]}-{stamp}"


def _print(comparison: Comparison, lang: str) -> None:
    """The header lines, the table, the footer and, if needed, the advice to replicate more."""
    from rich.console import Console
    from rich.table import Table

    from simulatie.experiment import comparison_words as words

    console = Console()
    for line in words.header(comparison, lang):
        console.print(line, highlight=False, markup=False)
    table = Table(*words.columns(lang), title=_say("title", lang),
                  title_justify="left", show_edge=False)
    table.columns[0].min_width = 14  # whole words: "Eigenaarschap:"
    for column in table.columns[1:4]:  # numbers right-aligned; an interval on one line if it fits
        column.justify, column.no_wrap = "right", console.width >= WIDE
    for row in words.table_rows(comparison, lang):
        table.add_row(*row)
    console.print(table)
    console.print(words.footer(comparison, lang), highlight=False, markup=False)
    advice = words.advice(comparison, lang)
    if advice:
        console.print(advice, highlight=False, markup=False)


def compare_command(
    a: ArmA,
    b: ArmB,
    set_: SetOption = None,
    set_a: SetAOption = None,
    set_b: SetBOption = None,
    replications: RepsOption = DEFAULT_REPLICATIONS,
    weeks: WeeksOption = DEFAULT_WEEKS,
    seed: SeedOption = 0,
    lang: LangOption = DEFAULT_LANG,
    out: OutOption = None,
    workers: WorkersOption = None,
    pdf: PdfOption = False,
) -> None:
    """Compare two policies fairly: both on the same seeds, with replications and intervals."""
    from simulatie.experiment.comparison import compare
    from simulatie.experiment.comparison_files import write_comparison

    code, started = lang.value, time.perf_counter()
    _check_numbers(replications, weeks, seed, workers, code)
    shared = read_overrides(set_, "--set")
    own = (read_overrides(set_a, "--set-a"), read_overrides(set_b, "--set-b"))
    arms = _arms(a, b, shared, own, code)
    try:
        out_dir = check_output_dir(out if out is not None else _default_out(arms))
    except OutputError as error:  # it says itself that it cannot write the results
        fail(error)
    bar, progress = step_bar(_say("bar", code))
    with interruptible(_say("stopped", code)), bar:
        comparison = compare(arms[0], arms[1], replications=replications, weeks=weeks,
                             seed=seed, workers=workers, progress=progress)
    _print(comparison, code)
    try:
        folder = write_comparison(comparison, out_dir, code,
                                  extra_metadata=command_record("vergelijk"), council=pdf)
    except OSError as error:
        fail(_say("write", code, error=error))
    if pdf:
        typer.echo(_say("page", code, **COUNCIL_FILES[code]))
    typer.echo(_say("done", code, folder=folder, seconds=time.perf_counter() - started))


def register(app: typer.Typer) -> None:
    """Add ``simulatie vergelijk`` and its English alias ``compare`` to the command line.

    Both names work; the help lists the one of its own language.
    """
    dutch = DEFAULT_LANG is Lang.NL  # the help lists the name in its own language
    app.command("vergelijk", hidden=not dutch, help=_HELP)(compare_command)
    app.command("compare", hidden=dutch, help=_HELP)(compare_command)


if __name__ == "__main__":  # pragma: no cover - python -m simulatie.cli.compare A B
    standalone = typer.Typer(add_completion=False)
    standalone.command()(compare_command)
    standalone()
