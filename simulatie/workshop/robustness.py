"""How robust a myth's verdict is: the same question asked in every plausible neighbourhood.

A myth's answer (:mod:`simulatie.workshop.myths`) is given for one set of assumptions: the declared
defaults. The calibration ensemble (:mod:`simulatie.experiment.calibration`) holds other sets of
context assumptions that fit the Dutch figures as well. This module asks the myth's question again
in each member of the ensemble: both arms, on the same replications (common random numbers: the
same seeds in every member, so members differ only in their assumptions), judged by the same rule
(:func:`simulatie.workshop.myths.judge`). The result is the share of plausible neighbourhoods in
which the model supports the myth, contradicts it, or sees no clear difference, and so in which it
holds.

Only the comparison under the default assumptions is repeated; the counter-assumption is a
what-if about levers, not about context. The package ships the answer for all seven myths
(``simulatie/data/myth_robustness.csv`` and ``.json``), made by ``simulatie robustness --ship``;
handouts and the dashboard show it beside the default answer.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from simulatie.core.parameters import make_parameters
from simulatie.experiment.calibration import Ensemble
from simulatie.experiment.experiments import Experiment
from simulatie.experiment.store import read_table_and_record
from simulatie.workshop.myths import (
    ARMS,
    Myth,
    MythError,
    Scale,
    Verdict,
    judge,
    load_myth,
    myth_experiment,
    myth_holds,
    run_tables,
    summarise_run,
)

__all__ = [
    "ROBUST_SHARE",
    "SHIPPED",
    "RobustnessSettings",
    "load_robustness",
    "myth_robustness",
    "robustness_experiment",
    "robustness_summary",
    "robustness_text",
    "save_robustness",
]

SHIPPED = "myth_robustness"
"""Name of the shipped robustness table in ``simulatie/data/`` (``.csv`` and ``.json``)."""

ROBUST_SHARE = 0.8
"""A verdict is called robust when at least this share of plausible neighbourhoods gives it: a
convention (four in five), stated in ``docs/calibration.md``."""


@dataclass(frozen=True)
class RobustnessSettings:
    """How many plausible neighbourhoods, and how many replications in each.

    Attributes:
        members: Members of the ensemble, drawn by weight (systematic resampling: a member with
            much weight may be drawn more than once).
        replications: Replications per arm in each member (``None``: the myth file's, so that
            each member's verdict has the power of the default answer).
        residents: Neighbourhood size (``None``: the myth file's).
        weeks: Weeks per run (``None``: the myth file's).
        seed: Seed of the draw of members.
    """

    members: int = 20
    replications: int | None = None
    residents: int | None = None
    weeks: int | None = None
    seed: int = 0

    def __post_init__(self) -> None:
        if self.members < 1:
            raise ValueError(f"members must be at least 1, got {self.members}")
        if self.replications is not None and self.replications < 2:
            raise ValueError(f"replications must be at least 2 (a paired interval needs two), "
                             f"got {self.replications}")


def _member_values(ensemble: Ensemble, settings: RobustnessSettings) -> list[dict[str, Any]]:
    """The calibrated values of each member, drawn by weight (so each counts once)."""
    members = ensemble.members(make_parameters({}), count=settings.members, seed=settings.seed)
    return [{name: getattr(m, name) for name in ensemble.names} for m in members]


def _member_myths(number: int, members: list[dict[str, Any]], scale: Scale) -> list[Myth]:
    """The myth once per member, with the member's calibrated values applied to every run."""
    myths = []
    for values in members:
        myth = load_myth(number, scale=scale, overrides=values)
        clash = sorted(set(values) & {k for arm in myth.arms.values() for k in arm})
        if clash:
            raise MythError(f"myth {number}: its arms set {', '.join(clash)}, which the "
                            f"ensemble calibrates; the arms would lose their contrast")
        myths.append(myth)
    return myths


def robustness_experiment(myths: list[Myth]) -> Experiment:
    """One myth over the members as one experiment: a design point per member and arm.

    Only the default assumptions run; every member uses the myth's seeds (common random
    numbers), so members differ only in their calibrated values.

    Args:
        myths: The same myth, once per member (:func:`load_myth` with the member's values).

    Returns:
        An experiment for the sweep runner, points ordered member by member, arm by arm.
    """
    points, parameters = [], []
    for index, myth in enumerate(myths):
        values = myth.points()
        for arm in ARMS:
            points.append({"member": index, "arm": arm})
            parameters.append(make_parameters(values[arm, False]))
    return replace(
        myth_experiment(myths[0]), name=f"myth_{myths[0].number}_robustness",
        points=tuple(points), varied=("member", "arm"), _parameters=tuple(parameters),
    )


def _verdict_row(myth: Myth, index: int, member: dict[str, Any],
                 tables: list[pd.DataFrame]) -> dict[str, Any]:
    """Judge one member's two arms from their runs (myth arm first, then the alternative)."""
    reps = myth.replications
    values = [np.array([summarise_run(t, myth.measure) for t in tables[k * reps:(k + 1) * reps]])
              for k in range(len(ARMS))]
    stats, _, verdict = judge(values[0], values[1], myth.measure)
    return {
        "myth": myth.number, "member": index, **member, "replications": reps,
        "verdict": verdict.value, "holds": myth_holds(verdict, myth.measure.holds_if),
        "mean": stats["mean"], "ci_low": stats["ci_low"], "ci_high": stats["ci_high"],
    }


def myth_robustness(
    numbers: Iterable[int],
    ensemble: Ensemble,
    settings: RobustnessSettings = RobustnessSettings(),
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> pd.DataFrame:
    """Ask each myth's question in every chosen member of the ensemble, with the sweep runner.

    Args:
        numbers: The myths (1 to 7).
        ensemble: The plausible neighbourhoods
            (:func:`simulatie.experiment.calibration.load_ensemble`).
        settings: Members, replications and sizes.
        workers: Processes (default one per core; 1 runs in this process).
        progress: Called with the total number of runs first, then with 1 after each run.

    Returns:
        One row per myth and member: ``myth``, ``member``, the member's calibrated values,
        ``replications``, ``verdict``, ``holds`` and the paired difference ``mean``, ``ci_low``,
        ``ci_high``.
    """
    members = _member_values(ensemble, settings)
    scale = Scale(residents=settings.residents, weeks=settings.weeks,
                  replications=settings.replications)
    plans = [_member_myths(number, members, scale) for number in numbers]
    experiments = [robustness_experiment(myths) for myths in plans]
    if progress is not None:
        progress(sum(e.n_runs for e in experiments))
    tick = (lambda _outcome: progress(1)) if progress is not None else None
    rows = []
    for myths, experiment in zip(plans, experiments, strict=True):
        tables = run_tables(experiment, workers, on_outcome=tick)
        per_member = 2 * myths[0].replications
        rows += [_verdict_row(myth, index, members[index],
                              tables[index * per_member:(index + 1) * per_member])
                 for index, myth in enumerate(myths)]
    return pd.DataFrame(rows)


def robustness_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Per myth: members, and the share supporting, contradicting, unclear, and holding.

    Args:
        table: From :func:`myth_robustness` (or :func:`load_robustness`).

    Returns:
        One row per myth: ``members``, ``supports``, ``contradicts``, ``no_clear_difference``
        (shares of members) and ``holds`` (share in which the myth holds).
    """
    rows = []
    for number, part in table.groupby("myth"):
        verdicts = part["verdict"].value_counts(normalize=True)
        rows.append({
            "myth": int(number), "members": len(part),
            **{v.value: float(verdicts.get(v.value, 0.0)) for v in Verdict},
            "holds": float(part["holds"].mean()),
        })
    return pd.DataFrame(rows)


def save_robustness(table: pd.DataFrame, provenance: Mapping[str, Any], folder: Path,
                    name: str = SHIPPED, merge: bool = False) -> tuple[Path, Path]:
    """Write ``name.csv`` (one row per myth and member) and ``name.json`` (provenance).

    Args:
        table: From :func:`myth_robustness`.
        provenance: How it was made (command, settings, versions).
        folder: Where to write.
        name: File name without suffix.
        merge: Keep the rows of other myths already in the folder's table, so that one myth
            can be asked again without asking all seven. The provenance then says, per myth,
            which command made its rows (``"myths"``).
    """
    folder.mkdir(parents=True, exist_ok=True)
    csv, meta = folder / f"{name}.csv", folder / f"{name}.json"
    asked = sorted(int(n) for n in table["myth"].unique())
    by_myth = {str(n): {k: provenance[k] for k in ("built", "command", "settings")
                        if k in provenance} for n in asked}
    earlier = load_robustness(csv) if merge else None
    if earlier is not None:
        old_table, old_provenance = earlier
        kept = old_table[~old_table["myth"].isin(asked)]
        old_by_myth = old_provenance.get("myths") or {
            str(n): {k: old_provenance[k] for k in ("built", "command", "settings")
                     if k in old_provenance}
            for n in old_table["myth"].unique()
        }
        by_myth = {**{k: v for k, v in old_by_myth.items() if int(k) not in asked}, **by_myth}
        table = pd.concat([kept, table], ignore_index=True).sort_values(
            ["myth", "member"], kind="stable")
    table.to_csv(csv, index=False)
    record = {**dict(provenance), "myths": dict(sorted(by_myth.items(), key=lambda kv: int(kv[0])))}
    meta.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return csv, meta


def load_robustness(path: Path | str | None = None) -> tuple[pd.DataFrame, dict[str, Any]] | None:
    """The shipped robustness table (or the one at ``path``), or ``None`` if there is none."""
    return read_table_and_record(SHIPPED, path)



def robustness_text(
    number: int,
    verdict: Verdict,
    lang: str,
    shipped: tuple[pd.DataFrame, dict] | None = None,
    compare: bool = True,
) -> list[str]:
    """The robustness of a myth's answer in words: what the ensemble says, and robust or not.

    Args:
        number: The myth.
        verdict: The verdict of the answer being shown (default assumptions).
        lang: ``"nl"`` or ``"en"``.
        shipped: A robustness table and its provenance (default: the shipped one).
        compare: Whether the answer shown was made at the same settings as the table (the myth
            file's size, replications and seed); only then is it called robust or fragile.

    Returns:
        One or two sentences, or none when no robustness table covers this myth.
    """
    from simulatie.workshop.texts import TEMPLATES

    loaded = shipped if shipped is not None else load_robustness()
    if loaded is None:
        return []
    table, _ = loaded
    part = table[table["myth"] == number]
    if part.empty:
        return []
    t = TEMPLATES[lang]
    shares = part["verdict"].value_counts(normalize=True)

    def pct(value: float) -> str:
        return f"{value:.0%}"

    reps = int(part["replications"].iloc[0])
    same = float(shares.get(verdict.value, 0.0))
    lines = [
        t["robustness"].format(
            members=len(part), reps=reps, holds=pct(float(part["holds"].mean())),
            contradicts=pct(float(shares.get(Verdict.CONTRADICTS.value, 0.0))),
            supports=pct(float(shares.get(Verdict.SUPPORTS.value, 0.0))),
            unclear=pct(float(shares.get(Verdict.NO_CLEAR_DIFFERENCE.value, 0.0))),
        ),
    ]
    if compare:
        lines.append(t["robust" if same >= ROBUST_SHARE else "fragile"].format(same=pct(same)))
    return lines
