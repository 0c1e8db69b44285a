"""The ``simulatie discover`` command: scenario discovery on a sweep's results.

``simulatie discover results/sweeps/kerkweg --concern "caring_ties < baseline"`` reads the
sweep, marks its design points of concern, runs PRIM, CART and feature scoring
(:mod:`simulatie.experiment.discovery`), prints the box in words and writes a report, figures and
tables into ``<sweep>/discovery/<concern>/``. Bad input (an unknown measure, a threshold no point or
every point meets, too few runs, a folder without results) is one ``error: ...`` line, and
nothing is written.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Annotated

import typer

from simulatie.cli.common import Lang, fail

__all__ = ["discover_command", "register"]


def discover_command(
    sweep: Annotated[Path, typer.Argument(help="The sweep's results folder.")],
    concern: Annotated[str, typer.Option(
        "--concern", "-c",
        help="The outcome of concern, e.g. 'caring_ties < baseline', 'lonely_share > 0.3' or "
        "'care_hours_unmet > 0.2 * care_hours_needed'.")],
    share: Annotated[float | None, typer.Option(
        help="A design point is of concern when at least this share of its replications are "
        "(default: by the replications' mean).", show_default=False)] = None,
    min_coverage: Annotated[float, typer.Option(
        help="The chosen box covers at least this share of the points of concern.",
        min=0.0, max=1.0)] = 0.5,
    resamples: Annotated[int, typer.Option(
        help="PRIM runs on random halves of the points, to test the box's stability.",
        min=0)] = 10,
    seed: Annotated[int, typer.Option(help="Seed of the resampling and the extra trees.")] = 0,
    lang: Annotated[Lang, typer.Option("--lang", "-l", help="Language of the printed box.")]
    = Lang.EN,
    ship: Annotated[bool, typer.Option(
        help="Also ship the sweep's design points with the package, as the tipping-point map "
        "of its scenario in the dashboard.")] = False,
) -> None:
    """Find the conditions under which the outcome of concern happens (PRIM, CART)."""
    from simulatie.experiment.discovery import (
        ConcernError,
        box_sentence,
        design_points,
        discover,
        parse_concern,
    )
    from simulatie.experiment.discovery.report import write_discovery
    from simulatie.experiment.provenance import provenance
    from simulatie.experiment.report import ReportError, load_results

    try:
        results = load_results(sweep)
        columns = [c for c in results.runs.columns
                   if c not in {"run_id", "point", "replication", "seed", *results.varied}]
        wanted = parse_concern(concern, columns, share)
        x, y = design_points(results, wanted)
    except (ReportError, ConcernError) as error:
        fail(error)
    found = discover(x, y, min_coverage=min_coverage, resamples=resamples, seed=seed)
    from importlib.metadata import version

    record = {
        "command": "simulatie discover " + shlex.join(sys.argv[2:]),
        "sweep": str(sweep), "experiment": results.experiment.get("title", ""),
        "min_coverage": min_coverage, "resamples": resamples, "seed": seed,
        "ema_workbench": version("ema_workbench"), **provenance(),
    }
    try:
        folder = write_discovery(sweep, found, wanted, record)
    except OSError as error:
        fail(f"cannot write the discovery: {error}")
    if ship:
        from simulatie.cli.common import PACKAGE_DATA
        from simulatie.experiment.discovery.shipped import TIPPING_DIR, ship_tipping

        try:
            shipped = ship_tipping(results, record, PACKAGE_DATA / TIPPING_DIR)
        except OSError as error:
            fail(f"cannot ship the tipping-point map: {error}")
        typer.echo(f"shipped {shipped}")
    typer.echo(box_sentence(found, wanted, lang.value))
    typer.echo(f"{found.of_concern} of {found.points} design points are of concern "
               f"({wanted.rule(lang.value)})")
    typer.echo(f"wrote {folder}")


def register(app: typer.Typer) -> None:
    """Add ``discover`` to a Typer application (the ``simulatie`` command)."""
    app.command("discover")(discover_command)
