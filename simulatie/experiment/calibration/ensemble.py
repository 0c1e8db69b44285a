"""The calibration ensemble: plausible neighbourhoods, shipped with the package.

An ensemble is the final population of a calibration (:func:`.abc.calibrate`): one row per
accepted parameter set with its weight, its distance to the bands and its statistics, saved as a
small CSV file next to a JSON file with its provenance (settings, targets, commit, versions, the
command that rebuilds it). The package ships one in ``simulatie/data/``; ``load_ensemble()``
reads it, and :meth:`Ensemble.members` turns it into parameter sets for any scenario: the
calibrated context assumptions are replaced, the scenario's levers and structure are kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from simulatie.core.parameters import Parameters, make_parameters, parameter_specs
from simulatie.experiment.store import (
    read_table_and_record,
    table_files,
    write_table_and_record,
)

from .targets import TARGETS

__all__ = [
    "SHIPPED",
    "Ensemble",
    "EnsembleError",
    "fit_table",
    "load_ensemble",
    "save_ensemble",
    "weighted_quantile",
]

SHIPPED = "ensemble"
"""Name of the shipped ensemble's files in ``simulatie/data/`` (``.csv`` and ``.json``)."""


class EnsembleError(ValueError):
    """An ensemble file that cannot be used, in one line."""


@dataclass(frozen=True)
class Ensemble:
    """Accepted parameter sets of a calibration.

    Attributes:
        table: One row per parameter set: the calibrated values, ``weight``, ``distance`` and
            the statistics (``arm:metric``).
        provenance: Settings, targets, commit, versions and the rebuilding command.
    """

    table: pd.DataFrame
    provenance: dict[str, Any]

    @property
    def names(self) -> list[str]:
        """The calibrated parameters."""
        return list(self.provenance["settings"]["names"])

    def __len__(self) -> int:
        return len(self.table)

    def inside_every_band(self) -> pd.Series:
        """Whether each member's statistics lie inside every band."""
        return self.table["distance"] <= 0

    def draw(self, count: int, seed: int = 0) -> pd.DataFrame:
        """``count`` rows drawn by weight (systematic resampling, so with repeats).

        The particles of ABC-SMC carry importance weights; a draw by weight gives rows that each
        count once, so shares over them are shares of the ensemble.

        Args:
            count: How many rows.
            seed: Seed of the draw.
        """
        weights = self.table["weight"].to_numpy(dtype=float)
        edges = np.cumsum(weights / weights.sum())
        edges[-1] = 1.0
        start = np.random.default_rng(seed).uniform(0, 1 / count)
        picks = np.searchsorted(edges, start + np.arange(count) / count, side="right")
        return self.table.iloc[np.minimum(picks, len(edges) - 1)]

    def members(self, base: Parameters, count: int | None = None, seed: int = 0
                ) -> list[Parameters]:
        """Parameter sets for ``base`` with each member's calibrated values.

        Args:
            base: The scenario (levers, structure and the assumptions not calibrated).
            count: How many members, drawn by weight (:meth:`draw`); default: every row once,
                in file order (then weigh results by ``weight``).
            seed: Seed of the draw.

        Returns:
            One validated parameter set per member.
        """
        rows = self.table if count is None else self.draw(count, seed)
        specs = parameter_specs()
        values = base.model_dump(mode="python")
        members = []
        for _, row in rows.iterrows():
            chosen = {
                n: (round(row[n]) if specs[n].kind is int else float(row[n])) for n in self.names
            }
            members.append(make_parameters({**values, **chosen}))
        return members

    def fitted_to_current_targets(self) -> bool:
        """Whether the ensemble was fitted to today's targets (the same keys and bands).

        An ensemble fitted to other targets was accepted by an earlier model or an earlier
        definition of plausible; what was computed on it (myth and pattern robustness) is stale
        until it is calibrated again.
        """
        fitted = [(t.get("key"), t.get("low"), t.get("high"))
                  for t in self.provenance.get("targets", [])]
        return fitted == [(t.key, t.low, t.high) for t in TARGETS]

    def fit(self) -> pd.DataFrame:
        """Per target: band, source, weighted median, 5–95% range and share inside the band.

        These are the accepted runs, inside by selection; the check on fresh seeds is in
        :attr:`provenance` (``"predictive"``).
        """
        return fit_table(self.table, self.table["weight"].to_numpy(dtype=float))


def weighted_quantile(values: np.ndarray, weights: np.ndarray, q: float) -> float:
    """The ``q`` quantile of ``values`` with ``weights`` (NaN values left out)."""
    keep = np.isfinite(values)
    values, weights = values[keep], weights[keep]
    if not len(values):
        return float("nan")
    order = np.argsort(values)
    cumulative = np.cumsum(weights[order]) / weights.sum()
    return float(values[order][min(np.searchsorted(cumulative, q), len(values) - 1)])


def fit_table(statistics: pd.DataFrame, weights: np.ndarray | None = None) -> pd.DataFrame:
    """Per target: band, source, weighted median and 5–95% range, and the share inside.

    Args:
        statistics: One row per simulation with a column per target (``arm:metric``).
        weights: Weight of each row (default: equal).
    """
    weights = np.ones(len(statistics)) if weights is None else np.asarray(weights, float)
    rows = []
    for target in TARGETS:
        values = statistics[target.key].to_numpy(dtype=float)
        inside = (values >= target.low) & (values <= target.high)
        rows.append({
            "target": target.key, "low": target.low, "high": target.high,
            "median": weighted_quantile(values, weights, 0.5),
            "p05": weighted_quantile(values, weights, 0.05),
            "p95": weighted_quantile(values, weights, 0.95),
            "inside": float(np.sum(weights * inside) / weights.sum()), "source": target.source,
        })
    return pd.DataFrame(rows)


def save_ensemble(table: pd.DataFrame, provenance: dict[str, Any], folder: Path,
                  name: str = SHIPPED) -> tuple[Path, Path]:
    """Write ``name.csv`` and ``name.json`` into ``folder``.

    Returns:
        The two paths.
    """
    return write_table_and_record(table, provenance, folder, name)  # members at full precision


def load_ensemble(path: Path | str | None = None) -> Ensemble:
    """Read an ensemble: the shipped one, or ``path`` (its ``.csv`` or ``.json``, or a folder).

    Raises:
        EnsembleError: If the files are missing or do not match.
    """
    found = read_table_and_record(SHIPPED, path)
    csv, _ = table_files(SHIPPED, path)
    if found is None:
        raise EnsembleError(f"no ensemble at {csv} (with its .json); build one with "
                            f"'simulatie calibrate'")
    table, provenance = found
    names = provenance.get("settings", {}).get("names", [])
    missing = [c for c in [*names, "weight", "distance"] if c not in table.columns]
    if missing:
        raise EnsembleError(f"{csv}: columns missing: {', '.join(missing)}")
    if table.empty:
        raise EnsembleError(f"{csv}: the ensemble is empty")
    return Ensemble(table=table, provenance=provenance)
