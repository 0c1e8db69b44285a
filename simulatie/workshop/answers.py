"""The seven myths' full answers, computed once and shipped, so every screen gives the same one.

``simulatie myth N`` computes a myth's answer at the myth file's settings. The dashboard cannot
wait a minute for it, and a quicker, smaller answer can differ (myth 1's did). So the package
ships the full answers that ``simulatie myths --ship`` computed: per myth, arm, assumption and
replication its key number, the final value of each extra metric, and its curve, with a
fingerprint of everything that made them (design points, seeds, weeks, measure).
:func:`shipped_result` gives the stored :class:`~simulatie.workshop.myths.MythResult` back only
while the fingerprint still matches the myth file; otherwise the answer is computed again. A test
reruns the first replications of one myth and compares them with the shipped numbers, so a change of
the model's behaviour cannot leave stale answers behind.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from simulatie.experiment.experiments import run_seeds
from simulatie.experiment.intervals import interval
from simulatie.workshop.myths import ARMS, ArmResult, Comparison, Myth, MythResult, judge

__all__ = ["SHIPPED", "fingerprint", "load_answers", "save_answers", "shipped_result"]

SHIPPED = "myth_answers"
"""Name of the shipped answers in ``simulatie/data/`` (``.parquet`` and ``.json``)."""


def fingerprint(myth: Myth) -> str:
    """A hash of what determines a myth's runs: design points, seeds, weeks and measure."""
    points = {f"{arm}|{countered}": values for (arm, countered), values in myth.points().items()}
    seeds = run_seeds(myth.seed, len(points), myth.replications, True)[0].tolist()
    blob = json.dumps({
        "points": points, "seeds": seeds, "weeks": myth.weeks,
        "measure": myth.measure.model_dump(mode="json"), "timeseries": list(myth.timeseries),
    }, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


def save_answers(results: Iterable[MythResult], provenance: Mapping[str, Any],
                 folder: Path) -> tuple[Path, Path]:
    """Write ``myth_answers.parquet`` (one row per run) and ``.json`` (fingerprints, provenance).

    Answers of myths not among ``results`` that are already in the folder are kept.
    """
    folder.mkdir(parents=True, exist_ok=True)
    table_path, meta_path = folder / f"{SHIPPED}.parquet", folder / f"{SHIPPED}.json"
    rows, prints = [], {}
    results = list(results)
    for result in results:
        prints[str(result.number)] = {"fingerprint": fingerprint(result.myth),
                                      "weeks": result.weeks.tolist()}
        for comparison in (result.default, result.counter):
            for arm in (comparison.myth, comparison.alternative):
                for r, value in enumerate(arm.values):
                    rows.append({
                        "myth": result.number, "arm": arm.arm, "countered": arm.countered,
                        "replication": r, "seed": result.seeds[r], "value": float(value),
                        "extra": json.dumps({m: float(v[r]) for m, v in arm.extra_values.items()}),
                        "curve": arm.curves[r].astype(np.float32),
                    })
    table = pd.DataFrame(rows)
    earlier = load_answers(folder)
    if earlier is not None:
        old_table, old_meta = earlier
        asked = {r.number for r in results}
        table = pd.concat([old_table[~old_table["myth"].isin(asked)], table], ignore_index=True)
        prints = {**{k: v for k, v in old_meta["myths"].items() if int(k) not in asked}, **prints}
    table.sort_values(["myth", "countered", "arm", "replication"], kind="stable").to_parquet(
        table_path, index=False, compression="zstd")
    record = {**dict(provenance), "myths": dict(sorted(prints.items(), key=lambda kv: int(kv[0])))}
    meta_path.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    return table_path, meta_path


def load_answers(folder: Path | None = None) -> tuple[pd.DataFrame, dict[str, Any]] | None:
    """The shipped answers (or those in ``folder``), or ``None`` if there are none."""
    base = resources.files("simulatie") / "data" if folder is None else Path(folder)
    table_path, meta_path = base / f"{SHIPPED}.parquet", base / f"{SHIPPED}.json"
    if not (table_path.is_file() and meta_path.is_file()):
        return None
    with table_path.open("rb") as handle:
        table = pd.read_parquet(handle)
    return table, json.loads(meta_path.read_text(encoding="utf-8"))


def shipped_result(myth: Myth, folder: Path | None = None) -> MythResult | None:
    """The shipped answer to ``myth``, or ``None`` if none was shipped for exactly these runs."""
    loaded = load_answers(folder)
    if loaded is None:
        return None
    table, meta = loaded
    entry = meta.get("myths", {}).get(str(myth.number))
    if entry is None or entry["fingerprint"] != fingerprint(myth):
        return None
    rows = table[table["myth"] == myth.number]
    points = myth.points()
    arms: dict[tuple[str, bool], ArmResult] = {}
    for (arm, countered), parameters in points.items():
        part = rows[(rows["arm"] == arm) & (rows["countered"] == countered)].sort_values(
            "replication")
        values = part["value"].to_numpy(dtype=float)
        extras = [json.loads(text) for text in part["extra"]]
        extra_values = {m: np.array([e[m] for e in extras]) for m in myth.timeseries}
        arms[arm, countered] = ArmResult(
            arm=arm, countered=countered, values=values, stats=interval(values),
            curves=np.vstack([np.asarray(c, dtype=float) for c in part["curve"]]),
            extra={m: interval(v) for m, v in extra_values.items()}, parameters=parameters,
            extra_values=extra_values,
        )
    comparisons = []
    for countered in (False, True):
        a, b = arms[ARMS[0], countered], arms[ARMS[1], countered]
        stats, outcome, verdict = judge(a.values, b.values, myth.measure)
        comparisons.append(Comparison(a, b, stats, outcome, verdict))
    seeds = tuple(int(s) for s in rows.drop_duplicates("replication").sort_values(
        "replication")["seed"])
    return MythResult(myth=myth, weeks=np.asarray(entry["weeks"]), default=comparisons[0],
                      counter=comparisons[1], seeds=seeds)
