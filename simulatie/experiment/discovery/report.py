"""Write a discovery beside the sweep's runs: a report, figures and tables.

Everything goes into ``<sweep>/discovery/<concern>/``: ``report.md`` (the box in Dutch and
English, its limits with their significance and stability, the tree's leaves, the feature
scores, and how it was made), ``box_limits.csv``, ``peeling_trajectory.csv``,
``feature_scores.csv``, ``tree_leaves.csv``, ``discovery.json``, and three figures: the peeling
trajectory's coverage–density trade-off with the chosen box marked, the CART tree, and the
feature scores. The folder is written elsewhere first and moved into place, so an interrupted
or failed write leaves nothing half-made.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd

from simulatie.core.parameters import parameter_specs

from .analysis import SIGNIFICANT, Discovery
from .concern import Concern
from .words import box_sentence, limit_phrase

__all__ = ["DISCOVERY_DIR", "concern_folder", "write_discovery"]

DISCOVERY_DIR = "discovery"


def concern_folder(sweep: Path, concern: Concern) -> Path:
    """Where a concern's discovery goes: ``<sweep>/discovery/<concern as a file name>``."""
    slug = (concern.text.replace("<=", " le ").replace(">=", " ge ").replace("<", " lt ")
            .replace(">", " gt ").replace("*", " x "))
    slug = re.sub(r"[^A-Za-z0-9.]+", "-", slug).strip("-")
    if concern.share is not None:
        slug += f"-share-{concern.share:g}"
    return sweep / DISCOVERY_DIR / slug


def _tradeoff(found: Discovery, path: Path) -> None:
    traj = found.trajectory
    fig, ax = plt.subplots(figsize=(5.6, 4.2), dpi=110)
    points = ax.scatter(traj["coverage"], traj["density"], c=traj["res_dim"], cmap="viridis",
                        s=18)
    ax.scatter([found.coverage], [found.density], s=160, facecolors="none",
               edgecolors="#d95f02", linewidths=2, label="chosen box")
    ax.set_xlabel("coverage (share of points of concern inside the box)")
    ax.set_ylabel("density (share of the box that is of concern)")
    ax.set_xlim(0, 1.05)
    ax.set_ylim(0, 1.05)
    fig.colorbar(points, ax=ax, label="restricted parameters")
    ax.legend(loc="lower left", fontsize=8)
    ax.set_title("PRIM peeling trajectory", fontsize=10)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def _tree(found: Discovery, path: Path) -> None:
    from sklearn.tree import plot_tree

    fig, ax = plt.subplots(figsize=(11, 6), dpi=100)
    plot_tree(found.tree, feature_names=list(found.tree_features), class_names=["ok", "concern"],
              filled=True, impurity=False, proportion=True, max_depth=3, fontsize=7, ax=ax)
    ax.set_title("CART tree (first three levels; 'concern' = outcome of concern)", fontsize=10)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def _scores(found: Discovery, path: Path) -> None:
    scores = found.scores.sort_values()
    fig, ax = plt.subplots(figsize=(6, 0.35 * len(scores) + 1.2), dpi=110)
    ax.barh(scores.index, scores.to_numpy(), color="#1f77b4")
    ax.set_xlabel("feature score (extra trees)")
    ax.set_title("Which parameters matter for the outcome of concern", fontsize=10)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def _limits_table(found: Discovery) -> pd.DataFrame:
    specs = parameter_specs()
    rows = []
    for limit in found.limits:
        spec = specs.get(limit.name)
        stable = found.stability.get("reproduce coverage", pd.Series(dtype=float))
        dense = found.stability.get("reproduce density", pd.Series(dtype=float))
        rows.append({
            "parameter": limit.name, "lower": limit.lower, "upper": limit.upper,
            "sampled_min": limit.low_end, "sampled_max": limit.high_end,
            "qp_lower": limit.qp_lower, "qp_upper": limit.qp_upper,
            "significant": limit.significant,
            "reproduce_coverage": float(stable.get(limit.name, float("nan"))),
            "reproduce_density": float(dense.get(limit.name, float("nan"))),
            "unit": spec.unit if spec else "", "en": limit_phrase(limit, "en"),
            "nl": limit_phrase(limit, "nl"),
            "description": spec.en if spec else "",
        })
    return pd.DataFrame(rows)


def _p(value: float) -> str:
    return "—" if value != value else ("< 0.001" if value < 0.001 else f"{value:.3f}")


def _markdown(found: Discovery, concern: Concern, limits: pd.DataFrame,
              provenance: Mapping[str, Any]) -> str:
    lines = [
        f"# Scenario discovery: {concern.text}", "",
        f"**English.** {box_sentence(found, concern, 'en')}", "",
        f"**Nederlands.** {box_sentence(found, concern, 'nl')}", "",
        f"Sweep: `{provenance.get('sweep', '')}` ({provenance.get('experiment', '')}). "
        f"{found.points} design points, {found.of_concern} of concern "
        f"({found.of_concern / found.points:.0%}); a point is of concern {concern.rule('en')}. "
        f"The chosen box holds {found.mass:.0%} of all points.", "",
        "## The box (PRIM)", "",
        "The densest box on the peeling trajectory that still covers at least "
        f"{provenance.get('min_coverage', 0.5):.0%} of the points of concern "
        "(figure: `tradeoff.png`). A limit is significant when its quasi-p value is below "
        f"{SIGNIFICANT:g}. *Stable* is the share of PRIM runs on random halves of the points "
        "whose box of similar coverage (density) restricts the same parameter.", "",
        "| limit | quasi-p (lower, upper) | significant | stable (coverage, density) |",
        "|---|---|---|---|",
    ]
    for row in limits.itertuples():
        lines.append(
            f"| {row.en} | {_p(row.qp_lower)}, {_p(row.qp_upper)} | "
            f"{'yes' if row.significant else 'no'} | {row.reproduce_coverage:.0%}, "
            f"{row.reproduce_density:.0%} |")
    if limits.empty:
        lines.append("| (no restriction) | | | |")
    if found.dropped:
        lines += ["", "Dropped from the first chosen box as not significant (quasi-p ≥ "
                  f"{SIGNIFICANT:g}), least significant first: " + ", ".join(found.dropped) + "."]
    lines += ["", "![Peeling trajectory](tradeoff.png)", "",
              "## The tree (CART)", "",
              "Leaves with at least 5% of the points (`tree_leaves.csv`; figure `tree.png`, "
              "first three levels).", "", "![CART tree](tree.png)", "",
              "## Which parameters matter", "",
              "Extra-trees feature scores (`feature_scores.csv`): how much each parameter "
              "helps to tell points of concern from the others.", "",
              "| parameter | score |", "|---|---|"]
    lines += [f"| {name} | {score:.3f} |" for name, score in found.scores.items()]
    lines += ["", "![Feature scores](feature_scores.png)", "",
              "## How this was made", "",
              f"`{provenance.get('command', '')}`; EMA Workbench "
              f"{provenance.get('ema_workbench', '')}; resamples "
              f"{provenance.get('resamples', '')}, seed {provenance.get('seed', '')}.", ""]
    return "\n".join(lines)


def write_discovery(
    sweep: Path, found: Discovery, concern: Concern, provenance: Mapping[str, Any],
) -> Path:
    """Write the report, tables and figures; return the folder.

    Args:
        sweep: The sweep's results folder.
        found: From :func:`simulatie.experiment.discovery.discover`.
        concern: The outcome of concern.
        provenance: Command, settings and versions for the report.
    """
    target = concern_folder(sweep, concern)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".discovery-", dir=target.parent))
    try:
        limits = _limits_table(found)
        limits.to_csv(staging / "box_limits.csv", index=False)
        found.trajectory.to_csv(staging / "peeling_trajectory.csv", index_label="box")
        found.scores.rename("score").to_csv(staging / "feature_scores.csv",
                                            index_label="parameter")
        found.tree_leaves.to_csv(staging / "tree_leaves.csv", index_label="leaf")
        _tradeoff(found, staging / "tradeoff.png")
        _tree(found, staging / "tree.png")
        _scores(found, staging / "feature_scores.png")
        record = {
            **dict(provenance), "concern": concern.text, "measure": concern.measure,
            "share": concern.share, "rule": concern.rule("en"), "points": found.points,
            "of_concern": found.of_concern, "chosen_box": found.chosen,
            "coverage": found.coverage, "density": found.density, "mass": found.mass,
            "dropped": list(found.dropped),
            "box": {"en": box_sentence(found, concern, "en"),
                    "nl": box_sentence(found, concern, "nl")},
            "limits": json.loads(limits.to_json(orient="records")),
        }
        (staging / "discovery.json").write_text(json.dumps(record, indent=2, ensure_ascii=False)
                                                + "\n", encoding="utf-8")
        (staging / "report.md").write_text(_markdown(found, concern, limits, provenance),
                                           encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target
