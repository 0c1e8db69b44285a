"""The ``simulatie patterns`` command: run the field patterns and judge them.

By default it runs the chosen patterns (all twelve comparisons when none are named) at full
scale with their counter-assumptions, under a progress bar, prints whether each shows and
whether its counter-assumption removes it (TOST), and writes ``patterns.csv`` (one row per
pattern) and ``runs.csv`` (every run's value) into the output folder. With ``--ensemble`` it
instead runs each pattern's comparison in plausible neighbourhoods of the calibration ensemble
and writes ``pattern_robustness.csv`` and ``.json``; ``--ship`` also writes those into the
package, where ``docs/patterns.md`` reads them. Ctrl+C stops (nothing partial is written).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from simulatie.cli.common import (
    NOTHING_WRITTEN,
    PACKAGE_DATA,
    OutFolderOption,
    ProcessesOption,
    QuietOption,
    check_workers,
    command_record,
    echo_wrote,
    fail,
    fail_on,
    interruptible,
    print_table,
    step_bar,
)
from simulatie.cli.language import DEFAULT_LANG, lang_option, tr
from simulatie.experiment.wording import decimal

if TYPE_CHECKING:
    import pandas as pd

    from simulatie.experiment.patterns import PatternOutcome

__all__ = ["PATTERNS_DIR", "patterns_command", "register"]

PATTERNS_DIR = Path("results") / "patterns"

KeysArgument = Annotated[list[str] | None, typer.Argument(
    metavar=tr("PATRONEN", "PATTERNS"), show_default=False, help=tr(
    "Patronen om te draaien, bijv. 3 9b (standaard: alle).",
    "Patterns to run, e.g. 3 9b (default: all)."))]
ReplicationsOption = Annotated[int | None, typer.Option(show_default=False, min=2, help=tr(
    "Herhalingen per arm (standaard: die van elk patroon).",
    "Replications per arm (default: each pattern's)."))]
EnsembleOption = Annotated[bool, typer.Option("--ensemble", help=tr(
    "Draai in plaats daarvan elke vergelijking in plausibele buurten van het "
    "kalibratie-ensemble.",
    "Run each comparison in plausible neighbourhoods of the calibration ensemble instead."))]
MembersOption = Annotated[int, typer.Option(min=1, help=tr(
    "Met --ensemble: leden getrokken naar gewicht.", "With --ensemble: members drawn by weight."))]
ShipOption = Annotated[bool, typer.Option(help=tr(
    "Met --ensemble: schrijf de tabel ook in het pakket.",
    "With --ensemble: also write the table into the package."))]
LangOption = lang_option(
    "Taal van de meldingen en tabellen: nl (standaard) of en.",
    "Language of the messages and tables: nl (default) or en.")

_TABLES = {
    "nl": {"outcomes": "Veldpatronen op volle schaal",
           "outcome_columns": ("patroon", "a", "b", "b − a (95%)", "zichtbaar",
                               "tegenaanname: b − a", "marge", "TOST p",
                               "tegenaanname haalt het weg"),
           "to": "tot", "yes": "ja", "no": "nee",
           "robustness": "Veldpatronen in plausibele buurten",
           "robustness_columns": ("patroon", "leden", "zichtbaar (richting en grootte)",
                                  "b duidelijk boven a")},
    "en": {"outcomes": "Field patterns at full scale",
           "outcome_columns": ("pattern", "a", "b", "b − a (95%)", "shows", "counter: b − a",
                               "margin", "TOST p", "counter removes it"),
           "to": "to", "yes": "yes", "no": "no",
           "robustness": "Field patterns across plausible neighbourhoods",
           "robustness_columns": ("pattern", "members", "shows (direction and size)",
                                  "b clearly above a")},
}
"""The tables' titles and headers, per language."""


def patterns_command(
    keys: KeysArgument = None,
    replications: ReplicationsOption = None,
    ensemble: EnsembleOption = False,
    members: MembersOption = 10,
    ship: ShipOption = False,
    workers: ProcessesOption = None,
    out: OutFolderOption = PATTERNS_DIR,
    quiet: QuietOption = False,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    """Run the field patterns at full scale and judge them (or their robustness)."""
    from simulatie.experiment.patterns import PatternError, evaluate

    chosen = _chosen(keys)
    if ship and not ensemble:
        fail("--ship writes the robustness table: use it with --ensemble")
    check_workers(workers)
    bar, progress = step_bar("runs", quiet)
    started = datetime.now(UTC)
    with fail_on(PatternError, ValueError), interruptible(NOTHING_WRITTEN), bar:
        if ensemble:
            table = _robustness(chosen, members, replications, workers, progress, lang.value)
        else:
            outcomes = evaluate(chosen, replications, workers=workers, progress=progress)
    with fail_on(OSError, prefix="cannot write the results"):
        if ensemble:
            written = _save_robustness(table, started, members, replications, out, ship)
        else:
            written = _save_outcomes(outcomes, out)
    if not ensemble:
        _print_outcomes(outcomes, lang.value)
    echo_wrote(written)


def _chosen(keys: list[str] | None) -> list[str]:
    """The patterns to run, in the order named (all when none are); stop at an unknown one."""
    from simulatie.experiment.patterns import PATTERNS

    chosen = list(dict.fromkeys(keys or PATTERNS))
    wrong = [k for k in chosen if k not in PATTERNS]
    if wrong:
        fail(f"there is no pattern {wrong[0]!r}; choose from {', '.join(PATTERNS)}")
    return chosen


def _robustness(chosen: list[str], members: int, replications: int | None,
                workers: int | None, progress: Callable[[int], None],
                lang: str = "en") -> pd.DataFrame:
    """Run each chosen comparison in members of the shipped ensemble and print the summary.

    Returns:
        One row per pattern and member, with the ensemble's provenance in its ``attrs``.
    """
    from simulatie.experiment.calibration import EnsembleError, load_ensemble
    from simulatie.experiment.patterns.robustness import (
        pattern_robustness,
        pattern_robustness_summary,
    )

    with fail_on(EnsembleError):
        plausible = load_ensemble()
    table = pattern_robustness(chosen, plausible, members, replications, workers=workers,
                               progress=progress)
    table.attrs["ensemble"] = {"built": plausible.provenance.get("built"),
                               "members": len(plausible)}
    _print_robustness(pattern_robustness_summary(table), lang)
    return table


def _save_robustness(table: pd.DataFrame, started: datetime, members: int,
                     replications: int | None, out: Path, ship: bool) -> list[Path]:
    """Write the robustness table into ``out`` (and with ``ship`` into the package).

    Returns:
        The files written.
    """
    from simulatie.experiment.patterns.robustness import save_pattern_robustness

    record = command_record(
        "patterns", started,
        settings={"members": members, "replications": replications, "seed": 0},
        ensemble=table.attrs.get("ensemble", {}),
    )
    written = list(save_pattern_robustness(table, record, out))
    if ship:
        written += save_pattern_robustness(table, record, PACKAGE_DATA)
    return written


def _save_outcomes(outcomes: Sequence[PatternOutcome], out: Path) -> list[Path]:
    """Write ``patterns.csv`` (one row per pattern) and ``runs.csv`` (every run) into ``out``.

    Returns:
        The files written.
    """
    import pandas as pd

    from simulatie.experiment.patterns import outcome_row
    from simulatie.experiment.patterns.evaluate import runs_table

    out.mkdir(parents=True, exist_ok=True)
    written = [out / "patterns.csv", out / "runs.csv"]
    pd.DataFrame([outcome_row(o) for o in outcomes]).to_csv(written[0], index=False)
    pd.DataFrame(runs_table(outcomes)).to_csv(written[1], index=False)
    return written


def _print_outcomes(outcomes: Sequence[PatternOutcome], lang: str = "en") -> None:
    """One line per pattern: means, difference, and both verdicts."""
    words = _TABLES[lang]
    print_table(words["outcomes"], words["outcome_columns"],
                (_outcome_cells(o, lang) for o in outcomes))


def _number(value: float, lang: str, spec: str = ".3g") -> str:
    """A number as the language writes it (a decimal comma in Dutch)."""
    return decimal(format(value, spec), lang)


def _outcome_cells(o: PatternOutcome, lang: str = "en") -> tuple[str, ...]:
    """One pattern's row of the outcomes table."""
    words = _TABLES[lang]
    low, high = o.result.interval()
    return (o.key, _number(o.result.a.mean, lang), _number(o.result.b.mean, lang),
            f"{_number(o.result.diff, lang)} ({_number(low, lang)} {words['to']} "
            f"{_number(high, lang)})", words["yes"] if o.shows else words["no"],
            _number(o.counter.diff, lang), f"±{_number(o.equivalence.margin, lang)}",
            _number(o.equivalence.p_value, lang, ".3f"),
            words["yes"] if o.counter_removes else words["no"])


def _print_robustness(summary: pd.DataFrame, lang: str = "en") -> None:
    """One line per pattern: in how many members it shows, and its direction."""
    words = _TABLES[lang]
    print_table(
        words["robustness"], words["robustness_columns"],
        ((row.pattern, str(row.members), f"{row.shows:.0%}", f"{row.direction:.0%}")
         for row in summary.itertuples()),
    )


def register(app: typer.Typer) -> None:
    """Add ``patterns`` to a Typer application (the ``simulatie`` command)."""
    app.command("patterns", help=tr(
        "Draai de veldpatronen op volle schaal en beoordeel ze (of hun robuustheid).",
        "Run the field patterns at full scale and judge them (or their robustness)."))(
        patterns_command)
