"""The ``simulatie discover`` command: scenario discovery on a sweep's results.

``simulatie discover results/sweeps/kerkweg --concern "caring_ties < baseline"`` reads the
sweep, marks its design points of concern, runs PRIM, CART and feature scoring
(:mod:`simulatie.experiment.discovery`), prints the box in words and writes a report, figures and
tables into ``<sweep>/discovery/<concern>/``. Bad input (an unknown measure, a threshold no point or
every point meets, too few runs, a folder without results) is one ``fout: ...`` line (``error:
...`` with ``--lang en``), and nothing is written. What it prints is Dutch unless ``--lang en``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from simulatie.cli import common
from simulatie.cli.common import command_record, fail_on
from simulatie.cli.language import DEFAULT_LANG, lang_option, tr

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from simulatie.experiment.discovery import Concern
    from simulatie.experiment.sweep_results import SweepResults

__all__ = ["discover_command", "register"]

SweepArgument = Annotated[Path, typer.Argument(metavar=tr("SWEEPMAP", "SWEEP"), help=tr(
    "De resultatenmap van de sweep.", "The sweep's results folder."))]
ConcernOption = Annotated[str, typer.Option("--concern", "-c", help=tr(
    "De uitkomst die zorgen baart, bijv. 'caring_ties < baseline', 'lonely_share > 0.3' of "
    "'care_hours_unmet > 0.2 * care_hours_needed'.",
    "The outcome of concern, e.g. 'caring_ties < baseline', 'lonely_share > 0.3' or "
    "'care_hours_unmet > 0.2 * care_hours_needed'."))]
ShareOption = Annotated[float | None, typer.Option(show_default=False, help=tr(
    "Een combinatie is een punt van zorg als minstens dit aandeel van haar herhalingen het is "
    "(standaard: op het gemiddelde van de herhalingen).",
    "A design point is of concern when at least this share of its replications are (default: "
    "by the replications' mean)."))]
MinCoverageOption = Annotated[float, typer.Option(min=0.0, max=1.0, help=tr(
    "Het gekozen blok dekt minstens dit aandeel van de punten van zorg.",
    "The chosen box covers at least this share of the points of concern."))]
ResamplesOption = Annotated[int, typer.Option(min=0, help=tr(
    "PRIM-runs op willekeurige helften van de punten, om de stabiliteit van het blok te toetsen.",
    "PRIM runs on random halves of the points, to test the box's stability."))]
SeedOption = Annotated[int, typer.Option(help=tr("Seed van het hertrekken en van de extra trees.",
                                                 "Seed of the resampling and the extra trees."))]
LangOption = lang_option("Taal van het afgedrukte blok en de meldingen: nl (standaard) of en.",
                         "Language of the printed box and the messages: nl (default) or en.")
ShipOption = Annotated[bool, typer.Option(help=tr(
    "Lever de combinaties van de sweep ook mee met het pakket, als kaart met kantelpunten van "
    "het scenario in het dashboard.",
    "Also ship the sweep's design points with the package, as the tipping-point map of its "
    "scenario in the dashboard."))]

_TEXT = {
    "points": {"nl": "{n} van de {total} combinaties zijn een punt van zorg ({rule})",
               "en": "{n} of {total} design points are of concern ({rule})"},
    "wrote": {"nl": "geschreven: {path}", "en": "wrote {path}"},
    "shipped": {"nl": "meegeleverd: {path}", "en": "shipped {path}"},
}


def discover_command(
    sweep: SweepArgument,
    concern: ConcernOption,
    share: ShareOption = None,
    min_coverage: MinCoverageOption = 0.5,
    resamples: ResamplesOption = 10,
    seed: SeedOption = 0,
    lang: LangOption = DEFAULT_LANG,
    ship: ShipOption = False,
) -> None:
    """Find the conditions under which the outcome of concern happens (PRIM, CART)."""
    from importlib.metadata import version

    from simulatie.experiment.discovery import box_sentence, discover
    from simulatie.experiment.discovery.report import write_discovery

    results, wanted, (x, y) = _load(sweep, concern, share)
    found = discover(x, y, min_coverage=min_coverage, resamples=resamples, seed=seed)
    record = command_record(
        "discover", sweep=str(sweep), experiment=results.experiment.get("title", ""),
        min_coverage=min_coverage, resamples=resamples, seed=seed,
        ema_workbench=version("ema_workbench"),
    )
    with fail_on(OSError, prefix="cannot write the discovery"):
        folder = write_discovery(sweep, found, wanted, record, lang.value)
    if ship:
        _ship(results, record, lang.value)
    typer.echo(box_sentence(found, wanted, lang.value, labels=True))
    typer.echo(_TEXT["points"][lang.value].format(n=found.of_concern, total=found.points,
                                                  rule=wanted.rule(lang.value)))
    typer.echo(_TEXT["wrote"][lang.value].format(path=folder))


def _load(sweep: Path, concern: str, share: float | None
          ) -> tuple[SweepResults, Concern, tuple[pd.DataFrame, np.ndarray]]:
    """Read the sweep, parse the concern against its measures and mark its design points.

    Returns:
        The sweep's results, the concern, and the design points with whether each is of concern.
    """
    from simulatie.experiment.discovery import ConcernError, design_points, parse_concern
    from simulatie.experiment.sweep_results import ReportError, load_results

    with fail_on(ReportError, ConcernError):
        results = load_results(sweep)
        columns = [c for c in results.runs.columns
                   if c not in {"run_id", "point", "replication", "seed", *results.varied}]
        wanted = parse_concern(concern, columns, share)
        return results, wanted, design_points(results, wanted)


def _ship(results: SweepResults, record: dict[str, object], lang: str) -> None:
    """Ship the sweep's design points as its scenario's tipping-point map in the package."""
    from simulatie.experiment.discovery.shipped import TIPPING_DIR, ship_tipping

    with fail_on(OSError, prefix="cannot ship the tipping-point map"):
        shipped = ship_tipping(results, record, common.PACKAGE_DATA / TIPPING_DIR)
    typer.echo(_TEXT["shipped"][lang].format(path=shipped))


def register(app: typer.Typer) -> None:
    """Add ``discover`` to a Typer application (the ``simulatie`` command)."""
    app.command("discover", help=tr(
        "Vind de omstandigheden waaronder de uitkomst die zorgen baart optreedt (PRIM, CART).",
        "Find the conditions under which the outcome of concern happens (PRIM, CART)."))(
        discover_command)
