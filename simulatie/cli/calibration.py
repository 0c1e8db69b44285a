"""The ``simulatie calibrate`` command: run (or resume) ABC-SMC and write the ensemble.

It loads a scenario, calibrates its context assumptions against the Dutch figures
(:func:`simulatie.experiment.calibration.abc.calibrate`), writes ``ensemble.csv`` and
``ensemble.json`` (the accepted parameter sets and their provenance) into the output folder and
prints how well the ensemble fits each target. ``--ship`` also writes them into the package
(``simulatie/data/``), where :func:`simulatie.experiment.calibration.load_ensemble` finds them.
Progress is one line per generation, from pyabc's log. Ctrl+C stops; the same command resumes from
the last finished generation.
"""

from __future__ import annotations

import logging
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import numpy as np
import typer

from simulatie.cli.common import (
    PACKAGE_DATA,
    SchedulerOption,
    check_workers,
    command_record,
    fail,
    fail_on,
    interruptible,
    print_table,
    progress_bar,
)
from simulatie.cli.language import DEFAULT_LANG, lang_option, tr
from simulatie.experiment.calibration.abc import KERNEL_SCALING
from simulatie.experiment.calibration.targets import TARGETS
from simulatie.experiment.wording import decimal

if TYPE_CHECKING:
    import pandas as pd

    from simulatie.experiment.calibration.abc import CalibrationSettings
    from simulatie.experiment.calibration.ensemble import Ensemble

__all__ = ["CALIBRATION_DIR", "calibrate_command", "register"]

CALIBRATION_DIR = Path("results") / "calibration"
RESUME = "interrupted: run the same command to resume from the last finished generation"

ScenarioOption = Annotated[str, typer.Option(help=tr(
    "Scenario waarvan de aannames over de context gekalibreerd worden.",
    "Scenario whose context assumptions are calibrated."))]
ParticlesOption = Annotated[int, typer.Option(help=tr("Parametersets per generatie.",
                                                      "Parameter sets per generation."))]
GenerationsOption = Annotated[int, typer.Option(help=tr(
    "Hoogstens zoveel generaties (ABC-SMC-populaties).",
    "Most generations (ABC-SMC populations)."))]
YearsOption = Annotated[int, typer.Option(help=tr("Gesimuleerde jaren per parameterset (≥ 3).",
                                                  "Years simulated per parameter set (≥ 3)."))]
SeedsOption = Annotated[int, typer.Option(min=1, help=tr(
    "Seeds per parameterset: een set wordt pas zonder afstand geaccepteerd als elke seed binnen "
    "elke band valt.",
    "Seeds per parameter set: a set is accepted at distance 0 only when every seed lies inside "
    "every band."))]
KernelOption = Annotated[float, typer.Option(min=0.01, help=tr(
    "Breedte van de voorstelkern rond de vorige generatie, als veelvoud van die van pyabc "
    "(docs/calibration.md).",
    "Width of the proposal kernel around the last generation, as a multiple of pyabc's "
    "(docs/calibration.md)."))]
SeedOption = Annotated[int, typer.Option(help=tr("Hoofdseed.", "Master seed."))]
ParametersOption = Annotated[str | None, typer.Option(show_default=False, help=tr(
    "Aannames over de context die gekalibreerd worden, gescheiden door komma's (standaard: de "
    "zeventien van docs/calibration.md); `simulatie parameters` geeft de namen.",
    "Context assumptions to calibrate, separated by commas (default: the seventeen of "
    "docs/calibration.md); `simulatie parameters` lists the names."))]
MaxSimulationsOption = Annotated[int | None, typer.Option(show_default=False, min=1, help=tr(
    "Begin geen nieuwe generatie meer als er in totaal zoveel simulaties gedaan zijn (gekeken "
    "tussen generaties).",
    "Start no new generation once this many simulations are done in all (checked between "
    "generations)."))]
CheckOption = Annotated[int, typer.Option(min=0, help=tr(
    "Geaccepteerde parametersets die opnieuw gesimuleerd worden op nieuwe seeds, om de "
    "aansluiting te controleren (0: geen controle).",
    "Accepted parameter sets simulated again on fresh seeds, to check the fit (0: no "
    "check)."))]
WorkersOption = Annotated[int | None, typer.Option("--workers", "-w", show_default=False, help=tr(
    "Processen op deze computer (standaard: één per processorkern).",
    "Local worker processes (default: one per core)."))]
OutOption = Annotated[Path | None, typer.Option("--out", "-o", show_default=False, help=tr(
    "Uitvoermap (standaard: results/calibration/SCENARIO); een onafgemaakte kalibratie daarin "
    "gaat verder.",
    "Output folder (default: results/calibration/SCENARIO); an unfinished calibration there is "
    "resumed."))]
ShipOption = Annotated[bool, typer.Option(help=tr(
    "Schrijf het ensemble ook in het pakket (simulatie/data/).",
    "Also write the ensemble into the package (simulatie/data/)."))]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help=tr("Geen voortgangsregels.",
                                                                    "No progress lines."))]
LangOption = lang_option(
    "Taal van de meldingen en tabellen: nl (standaard) of en.",
    "Language of the messages and tables: nl (default) or en.")

_WORDS = {
    "nl": {"columns": ("doel", "band", "mediaan [5%–95%]", "binnen"),
           "accepted": "Passing van de geaccepteerde runs (binnen door de selectie)",
           "fresh": "Passing op nieuwe seeds ({n} sets getrokken naar gewicht, {runs} runs; "
                    "binnen elke band: {every} van de runs)",
           "held_out": "Niet gefit: hoe het ensemble ze voorspelt (nieuwe seeds)",
           "held_out_columns": ("doel", "band", "gemiddelde [5%–95%]", "gemiddelde binnen",
                                "runs binnen"),
           "yes": "ja", "no": "nee",
           "summary": "{sets} parametersets na {generations} generaties en {simulations} "
                      "simulaties (tolerantie {epsilon}, effectieve omvang {size}); geschreven: ",
           "warning": "waarschuwing: de laatste generatie is geaccepteerd bij tolerantie "
                      "{epsilon} > 0, dus niet elke set ligt binnen elke band; sta meer "
                      "--generations toe om door te gaan"},
    "en": {"columns": ("target", "band", "median [5%–95%]", "inside"),
           "accepted": "Fit of the accepted runs (inside by selection)",
           "fresh": "Fit on fresh seeds ({n} sets drawn by weight, {runs} runs; inside every "
                    "band: {every} of the runs)",
           "held_out": "Held out of the fit: how the ensemble predicts them (fresh seeds)",
           "held_out_columns": ("target", "band", "mean [5%–95%]", "mean inside",
                                "runs inside"),
           "yes": "yes", "no": "no",
           "summary": "{sets} parameter sets after {generations} generations and {simulations} "
                      "simulations (tolerance {epsilon}, effective size {size}); wrote ",
           "warning": "warning: the last generation was accepted at tolerance {epsilon} > 0, "
                      "so not every set lies inside every band; allow more --generations to "
                      "go on"},
}
"""The report's words, per language."""


def calibrate_command(
    scenario: ScenarioOption = "default",
    particles: ParticlesOption = 100,
    generations: GenerationsOption = 8,
    years: YearsOption = 10,
    seeds: SeedsOption = 3,
    kernel_scaling: KernelOption = KERNEL_SCALING,
    seed: SeedOption = 0,
    parameters: ParametersOption = None,
    max_simulations: MaxSimulationsOption = None,
    check: CheckOption = 20,
    workers: WorkersOption = None,
    scheduler: SchedulerOption = None,
    out: OutOption = None,
    ship: ShipOption = False,
    quiet: QuietOption = False,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    """Calibrate against the Dutch figures (ABC-SMC) and write the ensemble of accepted sets."""
    from simulatie.experiment.experiments import safe_name

    check_workers(workers, scheduler)
    _require_pyabc()
    name, settings = _settings(scenario, particles, generations, years, seeds, seed,
                               max_simulations, kernel_scaling, parameters)
    out_dir = out if out is not None else CALIBRATION_DIR / safe_name(name)
    _announce(settings, scenario, out_dir, quiet)
    started = datetime.now(UTC)
    ensemble, fresh = _calibrate(settings, out_dir, check, workers, scheduler, quiet)
    sampler = f"dask ({scheduler})" if scheduler else f"local, {workers or 'all'} workers"
    record = _record(started, settings, ensemble.table, fresh, sampler)
    with fail_on(OSError, prefix="cannot write the ensemble"):
        written = _save(ensemble.table, record, out_dir, ship)
        if fresh is not None:
            written += (_check_figure(fresh, out_dir, lang.value),)
    _report(ensemble, fresh, record, written, lang.value)


def _check_figure(fresh: pd.DataFrame, out_dir: Path, lang: str) -> Path:
    """Draw the fresh-seed check, a panel per target, into the output folder."""
    from simulatie.experiment.calibration.check_figure import save_predictive_check

    return save_predictive_check(fresh, out_dir, lang)


def _require_pyabc() -> None:
    """Stop with one line when pyabc is missing, before anything is written."""
    try:
        import pyabc  # noqa: F401 - checked here, before anything is written
    except ImportError:
        fail("calibration needs pyabc: pip install 'simulatie[calibration]'")


def _settings(scenario: str, particles: int, generations: int, years: int, seeds: int,
              seed: int, max_simulations: int | None,
              kernel_scaling: float = KERNEL_SCALING,
              parameters: str | None = None) -> tuple[str, CalibrationSettings]:
    """Load the scenario and check the calibration's settings.

    ``parameters`` names the context assumptions to calibrate, separated by commas (``None``:
    :data:`~simulatie.experiment.calibration.abc.CALIBRATED`).

    Returns:
        The scenario's name and the settings.
    """
    from simulatie.experiment.calibration.abc import CALIBRATED, CalibrationSettings
    from simulatie.experiment.scenarios import ScenarioError, load_scenario

    names = CALIBRATED if parameters is None else tuple(
        n.strip() for n in parameters.split(",") if n.strip())
    with fail_on(ScenarioError, ValueError):
        loaded = load_scenario(scenario)
        return loaded.name, CalibrationSettings(
            base=loaded.parameters, names=names, particles=particles, generations=generations,
            years=years, seeds=seeds, seed=seed, max_simulations=max_simulations,
            kernel_scaling=kernel_scaling, extra={"scenario": scenario},
        )


def _announce(settings: CalibrationSettings, scenario: str, out_dir: Path, quiet: bool) -> None:
    """Let pyabc's generation lines through and say what is calibrated, where to."""
    _show_generations(quiet)
    if not quiet:
        typer.echo(f"calibrating {len(settings.names)} context assumptions of '{scenario}': "
                   f"{settings.particles} parameter sets per generation, at most "
                   f"{settings.generations} generations, {settings.years} years on "
                   f"{settings.seeds} seeds each → "
                   f"{out_dir}", err=True)


def _calibrate(settings: CalibrationSettings, out_dir: Path, check: int, workers: int | None,
               scheduler: str | None, quiet: bool) -> tuple[Ensemble, pd.DataFrame | None]:
    """Run (or resume) ABC-SMC, then simulate ``check`` accepted sets again on fresh seeds.

    Returns:
        The ensemble and the fresh-seed check's results (``None`` without a check).
    """
    from simulatie.experiment.calibration.abc import calibrate, predictive_check
    from simulatie.experiment.calibration.ensemble import Ensemble

    with fail_on(ValueError, OSError), interruptible(RESUME):
        table = calibrate(settings, out_dir, workers=workers, scheduler=scheduler)
        ensemble = Ensemble(table=table, provenance={"settings": settings.record()})
        if not check:
            return ensemble, None
        bar = progress_bar("fresh seeds", quiet)
        bar.add_task("check", total=check)
        with bar:
            fresh = predictive_check(settings, ensemble.draw(check, settings.seed), workers,
                                     progress=lambda: bar.advance(bar.task_ids[0]))
        return ensemble, fresh


def _record(started: datetime, settings: CalibrationSettings, table: pd.DataFrame,
            fresh: pd.DataFrame | None, sampler: str) -> dict[str, object]:
    """The ensemble's provenance: settings, sampler, last generation, targets, fresh-seed fit."""
    return command_record(
        "calibrate", started,
        settings=settings.record(),
        sampler=sampler,
        generation=table.attrs["generation"],
        epsilon=table.attrs["epsilon"],
        simulations=table.attrs["simulations"],
        effective_size=table.attrs["effective_size"],
        targets=_targets(),
        predictive=None if fresh is None else _predictive(fresh, settings.seed),
    )


def _predictive(fresh: pd.DataFrame, seed: int) -> dict[str, object]:
    """The fresh-seed check as JSON-ready provenance.

    The fit of every run (a member on one seed), the share of runs inside every fitted band, and
    how the held-out targets are met.
    """
    from simulatie.experiment.calibration.abc import held_out_fit
    from simulatie.experiment.calibration.ensemble import fit_table

    return {
        "members": int(fresh["member"].nunique()), "runs": len(fresh), "seed": seed + 1,
        "fit": fit_table(fresh).drop(columns="source").to_dict(orient="records"),
        "inside_every_band": float(np.mean([
            all(t.low <= row[t.key] <= t.high for t in TARGETS) for _, row in fresh.iterrows()
        ])),
        "held_out": [{k: v for k, v in row.items() if k != "source"}
                     for row in held_out_fit(fresh)],
    }


def _save(table: pd.DataFrame, record: dict[str, object], out_dir: Path,
          ship: bool) -> tuple[Path, ...]:
    """Write the ensemble into the output folder (and with ``ship`` into the package).

    Returns:
        The files written.
    """
    from simulatie.experiment.calibration.ensemble import save_ensemble

    written = save_ensemble(table, record, out_dir)
    if ship:
        written += save_ensemble(table, record, PACKAGE_DATA)
    return written


def _report(ensemble: Ensemble, fresh: pd.DataFrame | None, record: dict[str, object],
            written: tuple[Path, ...], lang: str = "en") -> None:
    """Print the fit tables, one line of counts and a warning when the tolerance stayed above 0."""
    from simulatie.experiment.calibration.ensemble import fit_table

    words = _WORDS[lang]
    _print_fit(ensemble.fit(), words["accepted"], lang)
    if fresh is not None:
        predictive = record["predictive"]
        _print_fit(fit_table(fresh), words["fresh"].format(
            n=predictive["members"], runs=predictive["runs"],
            every=f"{predictive['inside_every_band']:.0%}"), lang)
        _print_held_out(predictive["held_out"], lang)
    epsilon = _number(record["epsilon"], lang)
    typer.echo(words["summary"].format(
        sets=len(ensemble.table), generations=record["generation"] + 1,
        simulations=record["simulations"], epsilon=epsilon,
        size=f"{record['effective_size']:.0f}") + ", ".join(str(p) for p in written))
    if record["epsilon"] > 0:
        typer.echo(words["warning"].format(epsilon=epsilon), err=True)


def _targets() -> list[dict[str, object]]:
    """The targets as JSON-ready provenance."""
    return [{"key": t.key, "low": t.low, "high": t.high, "source": t.source} for t in TARGETS]


class _GenerationLines(logging.Filter):
    """Keep pyabc's lines that say where a generation stands; drop its set-up and timings."""

    KEEP = ("t:", "Accepted:", "Stop:")

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage().startswith(self.KEEP)


def _show_generations(quiet: bool) -> None:
    """Let pyabc's one line per generation (tolerance, acceptance) through to stderr."""
    import pyabc  # noqa: F401 - sets up its loggers, which are replaced here

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("  %(message)s"))
    handler.addFilter(_GenerationLines())
    for name in list(logging.root.manager.loggerDict):
        if name == "ABC" or name.startswith("ABC."):
            logger = logging.getLogger(name)
            logger.handlers = []
            logger.propagate = True
    top = logging.getLogger("ABC")
    top.setLevel(logging.WARNING if quiet else logging.INFO)
    top.handlers = [handler]
    top.propagate = False


def _number(value: float, lang: str) -> str:
    """A number in three digits, with a decimal comma in Dutch."""
    return decimal(f"{value:.3g}", lang)


def _print_fit(fit: pd.DataFrame, title: str, lang: str = "en") -> None:
    """A table of each target's band against the ensemble's range."""
    def number(value: float) -> str:
        return _number(value, lang)

    print_table(title, _WORDS[lang]["columns"], (
        (row.target, f"{number(row.low)}–{number(row.high)}",
         f"{number(row.median)} [{number(row.p05)}–{number(row.p95)}]", f"{row.inside:.0%}")
        for row in fit.itertuples()))


def _print_held_out(rows: list[dict[str, object]], lang: str = "en") -> None:
    """A table of each held-out target's band against the ensemble's prediction."""
    words = _WORDS[lang]

    def number(value: object) -> str:
        return _number(float(value), lang)  # type: ignore[arg-type]

    print_table(words["held_out"], words["held_out_columns"], (
        (row["target"], f"{number(row['low'])}–{number(row['high'])}",
         f"{number(row['mean'])} [{number(row['p05'])}–{number(row['p95'])}]",
         words["yes"] if row["mean_inside"] else words["no"],
         "–" if row["runs_inside"] is None else f"{row['runs_inside']:.0%}")
        for row in rows))


def register(app: typer.Typer) -> None:
    """Add ``calibrate`` to a Typer application (the ``simulatie`` command)."""
    app.command("calibrate", help=tr(
        "Kalibreer tegen de Nederlandse cijfers (ABC-SMC) en schrijf het ensemble van "
        "geaccepteerde parametersets.",
        "Calibrate against the Dutch figures (ABC-SMC) and write the ensemble of accepted "
        "sets."))(calibrate_command)
