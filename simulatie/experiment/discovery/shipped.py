"""Tipping-point maps shipped with the package: each practice case's discovery sweep, per point.

The dashboard's *Kantelpunten / Tipping points* view cannot run a 200-run sweep while a
workshop waits. ``simulatie discover <sweep> --ship`` therefore writes the sweep's design points
into the package (``simulatie/data/tipping/<scenario>.csv``): per point its varied parameters
and the replications' mean of every run measure, with a JSON file saying which experiment and
command made it. Scenario discovery on 100 points takes about a second, so the view finds the
box itself for whichever concern is chosen.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from simulatie.experiment.sweep_results import SweepResults

__all__ = ["PRESET_CONCERNS", "TIPPING_DIR", "load_tipping", "ship_tipping", "tipping_cases"]

TIPPING_DIR = "tipping"

PRESET_CONCERNS: dict[str, dict[str, str]] = {
    "caring_excess_final < 0.05": {
        "en": "little lasting gain: under 5 points more residents with a caring tie than with "
        "nothing organised",
        "nl": "weinig blijvende winst: minder dan 5 procentpunt meer bewoners met een zorgzame "
        "band dan zonder georganiseerde activiteiten"},
    "care_hours_unmet > 0.2 * care_hours_needed": {
        "en": "more than a fifth of the care need stays unmet",
        "nl": "meer dan een vijfde van de zorgvraag blijft onbeantwoord"},
    "lonely_share > 0.5": {
        "en": "more than half of the residents lonely",
        "nl": "meer dan de helft van de bewoners eenzaam"},
}
"""The concerns the view offers, in words (the same text ``simulatie discover`` accepts)."""


def _folder(folder: Path | None = None) -> Any:
    return resources.files("simulatie") / "data" / TIPPING_DIR if folder is None else folder


def ship_tipping(results: SweepResults, provenance: Mapping[str, Any], folder: Path) -> Path:
    """Write a sweep's design points (mean over replications) as ``<scenario>.csv`` + ``.json``.

    Returns:
        The CSV file written.
    """
    scenario = str(results.experiment.get("scenario") or "default")
    measures = [c for c in results.runs.columns
                if c not in {"run_id", "point", "replication", "seed", *results.varied}]
    points = results.runs.groupby("point")[[*results.varied, *measures]].mean(numeric_only=True)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{scenario}.csv"
    points.to_csv(path, index_label="point")
    record = {**dict(provenance), "scenario": scenario, "varied": list(results.varied),
              "ranges": results.experiment.get("ranges", {}),
              "experiment": results.experiment.get("title", ""),
              "replications": int(results.experiment.get("replications", 1))}
    path.with_suffix(".json").write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n",
                                         encoding="utf-8")
    return path


def tipping_cases(folder: Path | None = None) -> list[str]:
    """The scenarios with a shipped tipping-point map."""
    base = _folder(folder)
    if not base.is_dir():
        return []
    return sorted(p.name.removesuffix(".csv") for p in base.iterdir() if p.name.endswith(".csv"))


def load_tipping(scenario: str, folder: Path | None = None
                 ) -> tuple[pd.DataFrame, dict[str, Any]] | None:
    """A scenario's shipped points and their record, or ``None`` if none was shipped."""
    base = _folder(folder)
    csv, meta = base / f"{scenario}.csv", base / f"{scenario}.json"
    if not (csv.is_file() and meta.is_file()):
        return None
    with csv.open("rb") as handle:
        points = pd.read_csv(handle)
    points["replication"] = 0
    return points, json.loads(meta.read_text(encoding="utf-8"))
