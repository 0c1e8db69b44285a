"""Multi-pattern calibration by approximate Bayesian computation (pyabc's ABC-SMC).

The prior is uniform over each calibrated context assumption's plausible range where its
declaration gives one (evidence, or a stated wide assumption: ``docs/calibration.md``, "Priors"),
and otherwise over its screening range (the scenario's value ÷ to × 1.5,
:func:`simulatie.experiment.screening.range_around`), the convention of the screening that chose
them (``docs/sensitivity.md``). A particle is one parameter set. Its simulation runs
the neighbourhood on several seeds (``seeds``, three by default), each twice: once with nothing
organised, once as the scenario, ten years each. The statistics are those of :mod:`.targets`,
averaged over the seeds, and the distance is how far and how often the seeds' statistics lie
outside the bands (:func:`.targets.seed_distance`): a particle is accepted at tolerance 0 only
when every seed lands inside every band, so acceptance no longer selects one lucky seed. ABC-SMC
lowers the tolerance population by population, each new population drawn around the accepted
particles of the last; the tolerance of the next is the median distance of the last. It stops
once a population was accepted at tolerance 0, after the last population allowed, or when the
budget of simulations is spent. The final population, with its importance weights, is the
ensemble of plausible neighbourhoods (:mod:`.ensemble`); when it stopped above tolerance 0 the
ensemble records that.

Locally the particles run in worker processes (pyabc's multicore sampler); on a cluster, on Dask
(pyabc's Dask sampler). The history is kept in a SQLite database in the output folder, so an
interrupted calibration resumes from its last finished population. Each particle's simulation is
reproducible (its seeds derive from the master seed and its values); which particles are
proposed and accepted is reproducible only with one worker, because parallel samplers seed their
workers from the operating system and accept in order of arrival.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from simulatie.core.calendar import WEEKS_PER_YEAR
from simulatie.core.parameters import Parameters, Role, baseline_parameters, parameter_specs
from simulatie.experiment.screening import DEFAULT_FACTOR, range_around

from .targets import (
    HELD_OUT,
    PILOT_CHANGES,
    TARGETS,
    held_out_statistics,
    seed_distance,
    statistics,
    target_metrics,
)

__all__ = [
    "CALIBRATED",
    "KERNEL_SCALING",
    "SEED_DISTANCE",
    "CalibrationSettings",
    "Simulator",
    "calibrate",
    "log_scaled",
    "predictive_check",
    "prior_ranges",
]

CALIBRATED: tuple[str, ...] = (
    "chat_hours",
    "friendly_hours",
    "neighbour_contacts_per_week",
    "homophily",
    "weak_tie_decay_per_week",
    "reciprocated_persistence",
    "ask_threshold",
    "helper_capacity_hours",
    "need_scale",
    "turnover_per_year",
    "unused_drain",
    "initiator_rate",
    "frail_need_hours",
    "favour_rate",
    "willing_base",
    "frail_outdoors",
    "frailty_rate",
)
"""The context assumptions calibrated: the twelve the screening found to move the targeted
measures most (``docs/sensitivity.md``), the four that move the targets those twelve could
not reach (neighbours among carers, mantelzorg and loneliness at 75+; ``docs/calibration.md``,
"What moves those targets"), and the growth of frailty, which the share of people 75+ with a
health-related need reads (``docs/targets.md``, target 15). Each declares its plausible range,
from which the prior is drawn."""

KERNEL_SCALING = 2.0
"""The default width of the proposal kernel, twice pyabc's (Silverman's rule). With pyabc's own
width the first calibration on three seeds (100 particles, twelve assumptions) kept an effective
sample size of 4 after its second generation and 2 after its third. On a stand-in problem of the
same shape (``experiments/abc_kernel_standin.py``: twelve parameters, seventeen bands, three noisy
seeds) twice the width kept it at 34-50 of 100 and 108-170 of 300 over four generations, against
1-18 and 24-77, at the cost of a slower fall of the tolerance. A stand-in is not the model: the
next calibration reports its own effective sizes."""

SEED_DISTANCE = "distance_over_seeds"
"""The statistic that carries a particle's distance over its seeds
(:func:`.targets.seed_distance`)."""


@dataclass(frozen=True)
class CalibrationSettings:
    """What one calibration does.

    Attributes:
        base: The scenario's parameters: the context not calibrated and the levers.
        names: The calibrated parameters.
        factor: Prior range around each base value (÷ to ×).
        particles: Population size of each ABC-SMC generation.
        generations: Most generations (populations) to run.
        years: Years after week 0 of each simulation (at least 3: the scenario's level is read
            from week 104 on, :data:`.targets.LATER_FROM_WEEK`).
        seeds: Seeds each particle is simulated on.
        kernel_scaling: Width of the proposal kernel around the last population, as a multiple
            of pyabc's default (Silverman's rule): :data:`KERNEL_SCALING`.
        seed: Master seed: each particle's simulation seeds derive from it and the parameters.
        max_simulations: Stop after this many simulations in all (``None``: no limit).
    """

    base: Parameters
    names: tuple[str, ...] = CALIBRATED
    factor: float = DEFAULT_FACTOR
    particles: int = 100
    generations: int = 8
    years: int = 10
    seeds: int = 3
    kernel_scaling: float = KERNEL_SCALING
    seed: int = 0
    max_simulations: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        specs = parameter_specs()
        unknown = [n for n in self.names if n not in specs]
        if unknown:
            raise ValueError(f"unknown parameter(s) to calibrate: {', '.join(unknown)}")
        not_context = [n for n in self.names
                       if specs[n].role is not Role.CONTEXT or specs[n].kind not in (int, float)]
        if not_context:
            raise ValueError(f"only numeric context assumptions can be calibrated, not: "
                             f"{', '.join(not_context)} (levers, structure and conventions are "
                             f"chosen, not fitted)")
        if not self.names or len(set(self.names)) != len(self.names):
            raise ValueError("name each parameter to calibrate once, and at least one")
        if self.years < 3:
            raise ValueError(f"years must be at least 3 (the scenario's level is read from the "
                             f"third year on), got {self.years}")
        if self.kernel_scaling <= 0:
            raise ValueError(f"kernel_scaling must be above 0, got {self.kernel_scaling}")
        if self.seeds < 1:
            raise ValueError(f"seeds must be at least 1, got {self.seeds}")
        if self.particles < 2:
            raise ValueError(f"particles must be at least 2, got {self.particles}")
        if self.generations < 1:
            raise ValueError(f"generations must be at least 1, got {self.generations}")

    def record(self) -> dict[str, Any]:
        """The settings as JSON-ready provenance (with a fingerprint of the base parameters)."""
        base = json.dumps(self.base.model_dump(mode="json"), sort_keys=True)
        return {
            "base_fingerprint": hashlib.sha256(base.encode()).hexdigest()[:16],
            "names": list(self.names),
            "ranges": {n: list(r) for n, r in prior_ranges(self).items()},
            "log_scaled": list(log_scaled(self)),
            "factor": self.factor,
            "particles": self.particles,
            "generations": self.generations,
            "years": self.years,
            "seeds": self.seeds,
            "kernel_scaling": self.kernel_scaling,
            "seed": self.seed,
            "max_simulations": self.max_simulations,
            "residents": self.base.residents,
            **self.extra,
        }


def prior_ranges(settings: CalibrationSettings) -> dict[str, tuple[float, float]]:
    """The uniform prior's range of each calibrated parameter.

    A parameter's declared plausible range where it has one; otherwise its screening range
    around the scenario's value (``settings.factor``).
    """
    specs = parameter_specs()
    values = settings.base.model_dump(mode="python")
    return {
        name: specs[name].plausible if specs[name].plausible is not None
        else range_around(specs[name], float(values[name]), settings.factor)
        for name in settings.names
    }


def log_scaled(settings: CalibrationSettings) -> tuple[str, ...]:
    """The calibrated parameters whose prior is uniform in the logarithm (declared so)."""
    specs = parameter_specs()
    return tuple(n for n in settings.names
                 if specs[n].plausible is not None and specs[n].plausible_log)


def particle_seed(master: int, values: dict[str, float]) -> int:
    """A simulation seed from the master seed and the particle's values (reproducible)."""
    text = json.dumps([master, sorted((k, round(float(v), 12)) for k, v in values.items())])
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big") >> 1


class Simulator:
    """The model as pyabc sees it: a particle's values in, the targets' statistics out.

    Picklable, so that worker processes and Dask workers can run it.

    Args:
        settings: The calibration's settings.
    """

    def __init__(self, settings: CalibrationSettings) -> None:
        self.base = settings.base.model_dump(mode="python")
        self.steps = WEEKS_PER_YEAR * settings.years
        self.seed = settings.seed
        self.seeds = settings.seeds
        self.ints = {n for n in settings.names if parameter_specs()[n].kind is int}

    def parameters(self, values: dict[str, float]) -> Parameters:
        """The scenario's parameters with the particle's values."""
        from simulatie.core.parameters import make_parameters

        chosen = {n: (round(v) if n in self.ints else float(v)) for n, v in values.items()}
        return make_parameters({**self.base, **chosen})

    def per_seed(self, values: dict[str, float], held_out: bool = False
                 ) -> list[dict[str, float]]:
        """The statistics of each of the particle's seeds (with ``held_out``, theirs too).

        The held-out targets need a third arm, the scenario as a two-year pilot
        (:data:`.targets.PILOT_CHANGES`); it runs only when they are asked for.
        """
        from simulatie.core.parameters import make_parameters
        from simulatie.experiment.run import run

        values = {k: float(v) for k, v in dict(values).items()}
        params = self.parameters(values)
        first = particle_seed(self.seed, values)
        rows = []
        for seed in range(first, first + self.seeds):
            nothing = run(baseline_parameters(params), seed=seed, steps=self.steps,
                          metrics=target_metrics("baseline", held_out), baseline=False)
            scenario = run(params, seed=seed, steps=self.steps,
                           metrics=target_metrics("default", held_out), baseline=False)
            row = statistics(nothing.timeseries, scenario.timeseries, params.residents)
            if held_out:
                pilot = run(make_parameters({**params.model_dump(mode="python"),
                                             **PILOT_CHANGES}),
                            seed=seed, steps=self.steps, metrics=target_metrics("pilot", True),
                            baseline=False)
                row |= held_out_statistics(nothing.timeseries, scenario.timeseries,
                                           pilot.timeseries)
            rows.append(row | {"seed": seed})
        return rows

    def __call__(self, values: dict[str, float]) -> dict[str, float]:
        """Simulate the particle on its seeds: the statistics' means and the seeds' distance."""
        rows = self.per_seed(values)
        means = pd.DataFrame(rows)[[t.key for t in TARGETS]].mean()  # undefined seeds left out
        return {key: float(value) for key, value in means.items()} | {
            SEED_DISTANCE: seed_distance(rows)}


def _distance(simulated: dict[str, float], observed: dict[str, float]) -> float:
    """The distance pyabc minimises: how far and how often the seeds lie outside the bands."""
    return float(simulated[SEED_DISTANCE])


def _observed() -> dict[str, float]:
    """The 'observed data' pyabc asks for: each band's midpoint (the distance uses the bands)."""
    return {t.key: (t.low + t.high) / 2 for t in TARGETS} | {SEED_DISTANCE: 0.0}


def calibrate(
    settings: CalibrationSettings,
    out: Path,
    workers: int | None = None,
    scheduler: str | None = None,
) -> pd.DataFrame:
    """Run (or resume) ABC-SMC and return the final population.

    Args:
        settings: What to calibrate, and how long.
        out: Folder for the history database (``abc.db``) and ``settings.json``; a folder with
            the same settings is resumed (with more generations allowed, it goes on).
        workers: Local worker processes (default: one per core).
        scheduler: Address or scheduler file of a running Dask cluster instead of local workers.

    Returns:
        One row per particle of the last generation: the calibrated values, ``weight``,
        ``distance`` and the statistics (``arm:metric``).

    Raises:
        ValueError: If ``out`` holds a calibration with other settings, or pyabc is missing.
    """
    try:
        import pyabc
    except ImportError:
        raise ValueError("calibration needs pyabc: pip install 'simulatie[calibration]'") from None

    out.mkdir(parents=True, exist_ok=True)
    record = settings.record()
    settings_file = out / "settings.json"
    db = out / "abc.db"
    if db.exists():
        if not settings_file.exists():
            raise ValueError(f"{out} holds a calibration database without its settings.json; "
                             f"choose another folder or remove it")
        earlier = json.loads(settings_file.read_text(encoding="utf-8"))
        budget = ("generations", "max_simulations")  # a resumed calibration may run longer
        if {k: v for k, v in earlier.items() if k not in budget} != {
            k: v for k, v in record.items() if k not in budget
        }:
            raise ValueError(f"{out} holds a calibration with other settings (or another "
                             f"scenario's parameters); choose another folder or remove it")
    settings_file.write_text(json.dumps(record, indent=2), encoding="utf-8")

    ranges = prior_ranges(settings)
    logs = log_scaled(settings)
    prior = pyabc.Distribution(**{
        name: pyabc.RV("loguniform", lower, upper) if name in logs
        else pyabc.RV("uniform", lower, upper - lower)
        for name, (lower, upper) in ranges.items()
    })
    outside = np.random.get_state()  # pyabc draws from numpy's global generator
    np.random.seed(settings.seed % 2**32)
    try:
        return _run_abc(pyabc, settings, prior, db, workers, scheduler)
    finally:
        np.random.set_state(outside)


def _run_abc(
    pyabc: Any, settings: CalibrationSettings, prior: Any, db: Path, workers: int | None,
    scheduler: str | None,
) -> pd.DataFrame:
    """Create or load the calibration in ``db``, run what is left of it, and read the result."""
    abc = pyabc.ABCSMC(
        Simulator(settings), prior, _distance,
        population_size=settings.particles,
        transitions=pyabc.MultivariateNormalTransition(scaling=settings.kernel_scaling),
        sampler=_sampler(workers, scheduler),
    )
    url = f"sqlite:///{db.resolve()}"
    run_id = _latest_run(url) if db.exists() else None
    if run_id is None:
        abc.new(url, _observed())
        run_id = abc.history.id
    else:
        abc.load(url, run_id)  # goes on after the last finished population (or from the start)
    history = pyabc.History(url, _id=run_id)
    done = int(history.max_t) + 1  # max_t is -1 before the first population
    finished = done > 0 and _last_epsilon(history) <= 0
    spent = (settings.max_simulations is not None
             and history.total_nr_simulations >= settings.max_simulations)
    remaining = settings.generations - done
    if remaining > 0 and not finished and not spent:
        abc.run(
            minimum_epsilon=0.0,
            max_nr_populations=remaining,
            max_total_nr_simulations=settings.max_simulations or np.inf,
        )
    return final_population(url, run_id)


def _sampler(workers: int | None, scheduler: str | None) -> Any:
    """Local worker processes (one: in this process), or the Dask cluster at ``scheduler``."""
    from pyabc.sampler import (
        DaskDistributedSampler,
        MulticoreEvalParallelSampler,
        SingleCoreSampler,
    )

    if scheduler:
        from distributed import Client

        client = (Client(scheduler_file=scheduler) if Path(scheduler).is_file()
                  else Client(scheduler))
        return DaskDistributedSampler(dask_client=client)
    if workers == 1:
        return SingleCoreSampler()
    return MulticoreEvalParallelSampler(n_procs=workers)


def _latest_run(url: str) -> int | None:
    """The id of the newest calibration in the database at ``url`` (``None`` if there is none)."""
    import pyabc

    runs = pyabc.History(url).all_runs()
    return int(runs[-1].id) if runs else None


def _last_epsilon(history: Any) -> float:
    """The tolerance at which the last population was accepted."""
    populations = history.get_all_populations()
    return float(populations.loc[populations["t"] == history.max_t, "epsilon"].iloc[0])


def final_population(url: str, run_id: int) -> pd.DataFrame:
    """The last population of calibration ``run_id`` in the database at ``url``, as one table.

    Raises:
        ValueError: If no population has been accepted yet.
    """
    import pyabc

    history = pyabc.History(url, _id=run_id)
    if history.max_t is None or history.max_t < 0:
        raise ValueError("no population has been accepted yet; run the calibration longer")
    population = history.get_population(t=history.max_t)
    rows = []
    for particle in population.particles:
        stats = dict(particle.sum_stat)
        rows.append({**{k: float(v) for k, v in particle.parameter.items()},
                     "weight": float(particle.weight), "distance": float(particle.distance),
                     **{k: float(stats[k]) for k in sorted(stats)}})
    table = pd.DataFrame(rows)
    table["weight"] = table["weight"] / table["weight"].sum()
    table.attrs["generation"] = int(history.max_t)
    table.attrs["epsilon"] = _last_epsilon(history)
    table.attrs["simulations"] = int(history.total_nr_simulations)
    table.attrs["effective_size"] = float(1.0 / np.sum(table["weight"].to_numpy() ** 2))
    return table


def predictive_check(
    settings: CalibrationSettings,
    rows: pd.DataFrame,
    workers: int | None = None,
    progress: Callable[[], None] | None = None,
) -> pd.DataFrame:
    """Simulate accepted parameter sets again on fresh seeds: do they still fit?

    Acceptance selects runs that fit, partly by the luck of their seeds; the same parameters on
    other seeds show how well the *parameters* fit. The held-out targets
    (:data:`.targets.HELD_OUT`) are computed too: how the ensemble predicts what it was not
    fitted to.

    Args:
        settings: The calibration's settings (the fresh seeds derive from ``seed + 1``).
        rows: Parameter sets, e.g. :meth:`.ensemble.Ensemble.draw`.
        workers: Processes (default one per core; 1 runs in this process).
        progress: Called after each parameter set.

    Returns:
        One row per parameter set and seed: ``member`` (its place in ``rows``), ``seed``, its
        values and every target's statistic, held-out ones included.
    """
    from simulatie.experiment.processes import map_stoppable

    fresh = _HeldOutCheck(Simulator(replace(settings, seed=settings.seed + 1)))
    values = [{n: float(row[n]) for n in settings.names} for _, row in rows.iterrows()]
    n = max(1, min(workers or os.cpu_count() or 1, len(values)))
    results = map_stoppable(fresh, values, n, progress=progress)
    return pd.DataFrame([{"member": k, **v, **seed_row}
                         for k, (v, seeds) in enumerate(zip(values, results, strict=True))
                         for seed_row in seeds])


@dataclass(frozen=True)
class _HeldOutCheck:
    """A picklable call: one parameter set's statistics per seed, the held-out ones included."""

    simulator: Simulator

    def __call__(self, values: dict[str, float]) -> list[dict[str, float]]:
        return self.simulator.per_seed(values, held_out=True)


def held_out_fit(fresh: pd.DataFrame) -> list[dict[str, Any]]:
    """How the ensemble predicts each held-out target: its mean over the runs, and its band.

    Args:
        fresh: :func:`predictive_check`'s rows.

    Returns:
        Per held-out target: key, band, mean, 5-95% range over the runs, whether the mean lies
        inside the band, the share of runs inside (for a rate; not for a 0/1 statistic), and
        its source.
    """
    result = []
    for target in HELD_OUT:
        values = fresh[target.key].to_numpy(dtype=float)
        values = values[np.isfinite(values)]
        mean = float(values.mean()) if len(values) else float("nan")
        binary = bool(len(values)) and set(np.unique(values)) <= {0.0, 1.0}
        result.append({
            "target": target.key, "low": target.low, "high": target.high, "mean": mean,
            "p05": float(np.quantile(values, 0.05)) if len(values) else float("nan"),
            "p95": float(np.quantile(values, 0.95)) if len(values) else float("nan"),
            "mean_inside": bool(target.low <= mean <= target.high),
            "runs_inside": (None if binary else
                            float(np.mean((values >= target.low) & (values <= target.high)))),
            "runs": len(values), "source": target.source,
        })
    return result
