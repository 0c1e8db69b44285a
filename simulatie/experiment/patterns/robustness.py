"""How robust each field pattern is: the same comparison in every plausible neighbourhood.

A pattern is judged on the declared defaults (:mod:`.evaluate`). The calibration ensemble
(:mod:`simulatie.experiment.calibration`) holds other sets of context assumptions that fit the Dutch
figures as well. Here each pattern's two arms run again in each drawn member, on the same seeds
(common random numbers), and are judged by the same rule (:meth:`.Pattern.shows`). The result is
the share of plausible neighbourhoods in which the pattern shows. Only the comparison under the
default assumptions is repeated: the counter-assumption is itself a change of context.

The package ships the answer (``simulatie/data/pattern_robustness.csv`` and ``.json``), made by
``simulatie patterns --ensemble --ship``; ``docs/patterns.md`` shows it beside each pattern.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from simulatie.core.parameters import make_parameters
from simulatie.experiment.calibration import Ensemble
from simulatie.experiment.processes import map_counted
from simulatie.experiment.store import read_table_and_record, write_table_and_record

from .catalogue import PATTERNS
from .evaluate import SEED0, judge, plan
from .measures import run_measures

__all__ = [
    "SHIPPED",
    "load_pattern_robustness",
    "pattern_robustness",
    "pattern_robustness_summary",
    "save_pattern_robustness",
]

SHIPPED = "pattern_robustness"
"""Name of the shipped table in ``simulatie/data/`` (``.csv`` and ``.json``)."""


def pattern_robustness(
    keys: Iterable[str],
    ensemble: Ensemble,
    members: int = 10,
    replications: int | None = None,
    seed: int = 0,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> pd.DataFrame:
    """Run each pattern's comparison in every drawn member of the ensemble.

    Args:
        keys: The patterns.
        ensemble: The plausible neighbourhoods
            (:func:`simulatie.experiment.calibration.load_ensemble`).
        members: Members drawn by weight (systematic resampling, so each counts once).
        replications: Per arm in each member (default: each pattern's).
        seed: Seed of the draw of members.
        workers: Processes (default one per core; 1 runs in this process).
        progress: Called with the number of runs first, then with 1 after each run.

    Returns:
        One row per pattern and member: ``pattern``, ``member``, the member's calibrated values,
        ``replications``, ``mean_a``, ``mean_b``, ``difference``, ``ci_low``, ``ci_high`` and
        ``shows``.

    Raises:
        ValueError: With fewer than one member.
    """
    if members < 1:
        raise ValueError(f"members must be at least 1, got {members}")
    keys = list(keys)
    drawn = ensemble.members(make_parameters({}), count=members, seed=seed)
    values = [{name: getattr(m, name) for name in ensemble.names} for m in drawn]
    plans = [(key, index, plan(key, replications, SEED0, member, counter=False))
             for key in keys for index, member in enumerate(values)]
    tasks = [task for _, _, runs in plans for task in runs]
    results = map_counted(run_measures, tasks, workers, progress)
    rows, start = [], 0
    for key, index, runs in plans:
        measure = PATTERNS[key].measure
        outcome = judge(key, [r[measure] for r in results[start:start + len(runs)]],
                        counter=False)
        start += len(runs)
        low, high = outcome.result.interval()
        rows.append({
            "pattern": key, "member": index, **values[index],
            "replications": len(runs) // 2, "mean_a": outcome.result.a.mean,
            "mean_b": outcome.result.b.mean, "difference": outcome.result.diff,
            "ci_low": low, "ci_high": high, "shows": outcome.shows,
        })
    return pd.DataFrame(rows)


def pattern_robustness_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Per pattern: members, the share in which it shows, and in which b is clearly above a.

    Args:
        table: From :func:`pattern_robustness` (or :func:`load_pattern_robustness`).
    """
    rows = []
    for key in dict.fromkeys(table["pattern"].astype(str)):
        part = table[table["pattern"].astype(str) == key]
        rows.append({"pattern": key, "members": len(part), "shows": float(part["shows"].mean()),
                     "direction": float((part["ci_low"] > 0).mean())})
    return pd.DataFrame(rows)


def save_pattern_robustness(table: pd.DataFrame, provenance: Mapping[str, Any], folder: Path,
                            name: str = SHIPPED) -> tuple[Path, Path]:
    """Write ``name.csv`` (one row per pattern and member) and ``name.json`` (provenance)."""
    return write_table_and_record(table, provenance, folder, name)


def load_pattern_robustness(
    path: Path | str | None = None,
) -> tuple[pd.DataFrame, dict[str, Any]] | None:
    """The shipped table (or the one at ``path``), or ``None`` if there is none."""
    return read_table_and_record(SHIPPED, path, dtype={"pattern": str})
