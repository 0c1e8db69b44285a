"""The ``simulatie discover`` command: scenario discovery on a sweep's results.

``simulatie discover results/sweeps/kerkweg --concern "caring_ties < baseline"`` reads the
sweep, marks its design points of concern, runs PRIM, CART and feature scoring
(:mod:`simulatie.experiment.discovery`), prints the box in words and writes a report, figures and
tables into ``<sweep>/discovery/<concern>/``. Bad input (an unknown measure, a threshold no point or
every point meets, too few runs, a folder without results) is one ``error: ...`` line, and
nothing is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from simulatie.cli import common
from simulatie.cli.common import Lang, command_record, fail_on

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from simulatie.experiment.discovery import Concern
    from simulatie.experiment.report import SweepResults

__all__ = ["discover_command", "register"]

SweepArgument = Annotated[Path, typer.Argument(help="The sweep's results folder.")]
ConcernOption = Annotated[str, typer.Option(
    "--concern", "-c",
    help="The outcome of concern, e.g. 'caring_ties < baseline', 'lonely_share > 0.3' or "
    "'care_hours_unmet > 0.2 * care_hours_needed'.")]
ShareOption = Annotated[float | None, typer.Option(
    help="A design point is of concern when at least this share of its replications are "
    "(default: by the replications' mean).", show_default=False)]
MinCoverageOption = Annotated[float, typer.Option(
    help="The chosen box covers at least this share of the points of concern.",
    min=0.0, max=1.0)]
ResamplesOption = Annotated[int, typer.Option(
    help="PRIM runs on random halves of the points, to test the box's stability.", min=0)]
SeedOption = Annotated[int, typer.Option(help="Seed of the resampling and the extra trees.")]
LangOption = Annotated[Lang, typer.Option("--lang", "-l", help="Language of the printed box.")]
ShipOption = Annotated[bool, typer.Option(
    help="Also ship the sweep's design points with the package, as the tipping-point map "
    "of its scenario in the dashboard.")]


def discover_command(
    sweep: SweepArgument,
    concern: ConcernOption,
    share: ShareOption = None,
    min_coverage: MinCoverageOption = 0.5,
    resamples: ResamplesOption = 10,
    seed: SeedOption = 0,
    lang: LangOption = Lang.NL,
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
        folder = write_discovery(sweep, found, wanted, record)
    if ship:
        _ship(results, record)
    typer.echo(box_sentence(found, wanted, lang.value))
    typer.echo(f"{found.of_concern} of {found.points} design points are of concern "
               f"({wanted.rule(lang.value)})")
    typer.echo(f"wrote {folder}")


def _load(sweep: Path, concern: str, share: float | None
          ) -> tuple[SweepResults, Concern, tuple[pd.DataFrame, np.ndarray]]:
    """Read the sweep, parse the concern against its measures and mark its design points.

    Returns:
        The sweep's results, the concern, and the design points with whether each is of concern.
    """
    from simulatie.experiment.discovery import ConcernError, design_points, parse_concern
    from simulatie.experiment.report import ReportError, load_results

    with fail_on(ReportError, ConcernError):
        results = load_results(sweep)
        columns = [c for c in results.runs.columns
                   if c not in {"run_id", "point", "replication", "seed", *results.varied}]
        wanted = parse_concern(concern, columns, share)
        return results, wanted, design_points(results, wanted)


def _ship(results: SweepResults, record: dict[str, object]) -> None:
    """Ship the sweep's design points as its scenario's tipping-point map in the package."""
    from simulatie.experiment.discovery.shipped import TIPPING_DIR, ship_tipping

    with fail_on(OSError, prefix="cannot ship the tipping-point map"):
        shipped = ship_tipping(results, record, common.PACKAGE_DATA / TIPPING_DIR)
    typer.echo(f"shipped {shipped}")


def register(app: typer.Typer) -> None:
    """Add ``discover`` to a Typer application (the ``simulatie`` command)."""
    app.command("discover")(discover_command)
