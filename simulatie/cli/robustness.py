"""The ``simulatie robustness`` command: each myth's verdict across the calibrated ensemble.

It asks each chosen myth's question in every chosen member of the ensemble
(:func:`simulatie.workshop.robustness.myth_robustness`) under a progress bar, writes
``myth_robustness.csv`` and ``.json`` into the output folder, and prints per myth the share of
plausible neighbourhoods in which the model supports it, contradicts it or sees no clear
difference. ``--ship`` also writes the files into the package (``simulatie/data/``), where
handouts and the dashboard read them; rows of myths not asked again are kept there. Ctrl+C
stops (nothing partial is written).
"""

from __future__ import annotations

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
from simulatie.cli.language import DEFAULT_LANG, current_lang, lang_option, tr
from simulatie.cli.messages import translate

if TYPE_CHECKING:
    import pandas as pd

    from simulatie.experiment.calibration import Ensemble
    from simulatie.workshop.robustness import RobustnessSettings

__all__ = ["ROBUSTNESS_DIR", "register", "robustness_command"]

ROBUSTNESS_DIR = Path("results") / "robustness"

MythsArgument = Annotated[list[int] | None, typer.Argument(
    metavar=tr("MYTHEN", "MYTHS"), show_default=False, help=tr(
    "Mythen om te toetsen (standaard: alle zeven).", "Myths to ask (default: all seven)."))]
MembersOption = Annotated[int, typer.Option(help=tr(
    "Plausibele buurten (leden van het ensemble, getrokken naar gewicht).",
    "Plausible neighbourhoods (ensemble members, drawn by weight)."))]
ReplicationsOption = Annotated[int | None, typer.Option(show_default=False, min=2, help=tr(
    "Herhalingen per arm in elk lid (standaard: die van het mythebestand).",
    "Replications per arm in each member (default: the myth file's)."))]
ResidentsOption = Annotated[int | None, typer.Option(show_default=False, min=1, help=tr(
    "Bewoners (standaard: die van het mythebestand).", "Residents (default: the myth file's)."))]
WeeksOption = Annotated[int | None, typer.Option(show_default=False, min=1, help=tr(
    "Weken per run (standaard: die van het mythebestand).",
    "Weeks per run (default: the myth file's)."))]
EnsembleOption = Annotated[Path | None, typer.Option(show_default=False, help=tr(
    "Een ensemble gemaakt met 'simulatie calibrate' (standaard: het meegeleverde).",
    "An ensemble built by 'simulatie calibrate' (default: the shipped one)."))]
ShipOption = Annotated[bool, typer.Option(help=tr(
    "Schrijf de tabel ook in het pakket (simulatie/data/).",
    "Also write the table into the package (simulatie/data/)."))]
LangOption = lang_option(
    "Taal van de meldingen en de tabel: nl (standaard) of en.",
    "Language of the messages and the table: nl (default) or en.")

_TABLE = {
    "nl": ("Oordelen over de mythen in plausibele buurten",
           ("mythe", "leden", "ondersteund", "weerlegd", "geen duidelijk verschil", "houdt stand")),
    "en": ("Myth verdicts across plausible neighbourhoods",
           ("myth", "members", "supports", "contradicts", "no clear difference", "holds")),
}
"""The table's title and headers, per language."""


def robustness_command(
    myths: MythsArgument = None,
    members: MembersOption = 20,
    replications: ReplicationsOption = None,
    residents: ResidentsOption = None,
    weeks: WeeksOption = None,
    ensemble: EnsembleOption = None,
    workers: ProcessesOption = None,
    out: OutFolderOption = ROBUSTNESS_DIR,
    ship: ShipOption = False,
    quiet: QuietOption = False,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    """Ask each myth in every plausible neighbourhood of the calibrated ensemble."""
    from simulatie.workshop.robustness import robustness_summary

    numbers = _chosen(myths)
    check_workers(workers)
    settings, plausible = _load(members, replications, residents, weeks, ensemble)
    started = datetime.now(UTC)
    table = _ask(numbers, plausible, settings, workers, quiet)
    record = command_record(
        "robustness", started, settings=settings.__dict__,
        ensemble={"built": plausible.provenance.get("built"),
                  "command": plausible.provenance.get("command"), "members": len(plausible)},
    )
    with fail_on(OSError, prefix="cannot write the table"):
        written = _save(table, record, out, ship)
    _print(robustness_summary(table), lang.value)
    echo_wrote(written)


def _chosen(myths: list[int] | None) -> list[int]:
    """The myths to ask, in order (all seven when none are named); stop at an unknown one."""
    from simulatie.workshop.myths import MYTHS

    numbers = sorted(set(myths or MYTHS))
    wrong = [n for n in numbers if n not in MYTHS]
    if wrong:
        fail(f"there is no myth {wrong[0]}; choose 1 to 7")
    return numbers


def _load(members: int, replications: int | None, residents: int | None, weeks: int | None,
          ensemble: Path | None) -> tuple[RobustnessSettings, Ensemble]:
    """Check the settings and load the ensemble (warning when it stopped above tolerance 0).

    Returns:
        The settings and the ensemble.
    """
    from simulatie.experiment.calibration import EnsembleError, load_ensemble
    from simulatie.workshop.robustness import RobustnessSettings

    with fail_on(ValueError, EnsembleError):
        settings = RobustnessSettings(members=members, replications=replications,
                                      residents=residents, weeks=weeks)
        plausible = load_ensemble(ensemble)
    if plausible.provenance.get("epsilon", 0) > 0:
        typer.echo(translate("warning: the ensemble's calibration stopped above tolerance 0: "
                             "some members lie outside a band", current_lang()), err=True)
    return settings, plausible


def _ask(numbers: list[int], plausible: Ensemble, settings: RobustnessSettings,
         workers: int | None, quiet: bool) -> pd.DataFrame:
    """Ask the myths in the ensemble's members under a progress bar.

    Returns:
        One row per myth and member.
    """
    from simulatie.workshop.myths import MythError
    from simulatie.workshop.robustness import myth_robustness

    bar, progress = step_bar("runs", quiet)
    # ParameterError is a ValueError
    with fail_on(MythError, ValueError), interruptible(NOTHING_WRITTEN), bar:
        return myth_robustness(numbers, plausible, settings, workers=workers, progress=progress)


def _save(table: pd.DataFrame, record: dict[str, object], out: Path,
          ship: bool) -> tuple[Path, ...]:
    """Write the table into ``out`` (and with ``ship`` into the package, keeping other myths).

    Returns:
        The files written.
    """
    from simulatie.workshop.robustness import save_robustness

    written = save_robustness(table, record, out)
    if ship:  # the other myths' rows stay in the package's table
        written += save_robustness(table, record, PACKAGE_DATA, merge=True)
    return written


def _print(summary: pd.DataFrame, lang: str = "en") -> None:
    """The summary as a table on stdout."""
    title, columns = _TABLE[lang]
    print_table(
        title, columns,
        ((str(row.myth), str(row.members), f"{row.supports:.0%}", f"{row.contradicts:.0%}",
          f"{row.no_clear_difference:.0%}", f"{row.holds:.0%}") for row in summary.itertuples()),
    )


def register(app: typer.Typer) -> None:
    """Add ``robustness`` to a Typer application (the ``simulatie`` command)."""
    app.command("robustness", help=tr(
        "Toets elke mythe in elke plausibele buurt van het gekalibreerde ensemble.",
        "Ask each myth in every plausible neighbourhood of the calibrated ensemble."))(
        robustness_command)
