"""Write a discovery beside the sweep's runs: a report, figures and tables.

Everything goes into ``<sweep>/discovery/<concern>/``: ``report.md`` (in Dutch or English: the
box in words, its limits with their significance and stability, the tree's leaves, the feature
scores, and how it was made), ``box_limits.csv``, ``peeling_trajectory.csv``,
``feature_scores.csv``, ``tree_leaves.csv``, ``discovery.json`` (the box in both languages), and
three figures in the report's language: the peeling trajectory's coverage–density trade-off with
the chosen box marked, the CART tree, and the feature scores. Parameters are named by their short
labels, with the name to type beside them in the report's tables. The folder is written
elsewhere first and moved into place, so an interrupted or failed write leaves nothing
half-made.
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

_FIGURES = {
    "chosen": {"nl": "gekozen blok", "en": "chosen box"},
    "coverage": {"nl": "dekking (aandeel van de punten van zorg in het blok)",
                 "en": "coverage (share of points of concern inside the box)"},
    "density": {"nl": "dichtheid (aandeel van het blok dat een punt van zorg is)",
                "en": "density (share of the box that is of concern)"},
    "restricted": {"nl": "begrensde parameters", "en": "restricted parameters"},
    "peeling": {"nl": "PRIM: het afpellen, stap voor stap", "en": "PRIM peeling trajectory"},
    "classes": {"nl": ("goed", "zorg"), "en": ("ok", "concern")},
    "tree": {"nl": "CART-boom (eerste drie niveaus; 'zorg' = uitkomst die zorgen baart)",
             "en": "CART tree (first three levels; 'concern' = outcome of concern)"},
    "score": {"nl": "belang (extra trees)", "en": "feature score (extra trees)"},
    "matter": {"nl": "Welke parameters ertoe doen voor de uitkomst die zorgen baart",
               "en": "Which parameters matter for the outcome of concern"},
}


def concern_folder(sweep: Path, concern: Concern) -> Path:
    """Where a concern's discovery goes: ``<sweep>/discovery/<concern as a file name>``."""
    slug = (concern.text.replace("<=", " le ").replace(">=", " ge ").replace("<", " lt ")
            .replace(">", " gt ").replace("*", " x "))
    slug = re.sub(r"[^A-Za-z0-9.]+", "-", slug).strip("-")
    if concern.share is not None:
        slug += f"-share-{concern.share:g}"
    return sweep / DISCOVERY_DIR / slug


def _label(name: str, lang: str) -> str:
    spec = parameter_specs().get(name)
    return spec.short(lang) if spec is not None else name


def _tradeoff(found: Discovery, path: Path, lang: str) -> None:
    traj = found.trajectory
    fig, ax = plt.subplots(figsize=(5.6, 4.2), dpi=110)
    points = ax.scatter(traj["coverage"], traj["density"], c=traj["res_dim"], cmap="viridis",
                        s=18)
    ax.scatter([found.coverage], [found.density], s=160, facecolors="none",
               edgecolors="#d95f02", linewidths=2, label=_FIGURES["chosen"][lang])
    ax.set_xlabel(_FIGURES["coverage"][lang])
    ax.set_ylabel(_FIGURES["density"][lang])
    ax.set_xlim(0, 1.05)
    ax.set_ylim(0, 1.05)
    fig.colorbar(points, ax=ax, label=_FIGURES["restricted"][lang])
    ax.legend(loc="lower left", fontsize=8)
    ax.set_title(_FIGURES["peeling"][lang], fontsize=10)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def _tree(found: Discovery, path: Path, lang: str) -> None:
    from sklearn.tree import plot_tree

    fig, ax = plt.subplots(figsize=(11, 6), dpi=100)
    plot_tree(found.tree, feature_names=[_label(n, lang) for n in found.tree_features],
              class_names=list(_FIGURES["classes"][lang]), filled=True, impurity=False,
              proportion=True, max_depth=3, fontsize=7, ax=ax)
    ax.set_title(_FIGURES["tree"][lang], fontsize=10)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def _scores(found: Discovery, path: Path, lang: str) -> None:
    scores = found.scores.sort_values()
    fig, ax = plt.subplots(figsize=(6, 0.35 * len(scores) + 1.2), dpi=110)
    ax.barh([_label(n, lang) for n in scores.index], scores.to_numpy(), color="#1f77b4")
    ax.set_xlabel(_FIGURES["score"][lang])
    ax.set_title(_FIGURES["matter"][lang], fontsize=10)
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
            "unit": spec.unit if spec else "", "en": limit_phrase(limit, "en", labels=True),
            "nl": limit_phrase(limit, "nl", labels=True),
            "label_en": spec.short("en") if spec else "",
            "label_nl": spec.short("nl") if spec else "",
            "description": spec.en if spec else "",
        })
    return pd.DataFrame(rows)


def _p(value: float) -> str:
    return "—" if value != value else ("< 0.001" if value < 0.001 else f"{value:.3f}")


_MD = {
    "title": {"nl": "Scenario-ontdekking", "en": "Scenario discovery"},
    "sweep": {
        "nl": "Sweep: `{sweep}` ({experiment}). {points} combinaties, waarvan {of} een punt van "
              "zorg ({share:.0%}); een combinatie is een punt van zorg {rule}. Het gekozen blok "
              "bevat {mass:.0%} van alle combinaties.",
        "en": "Sweep: `{sweep}` ({experiment}). {points} design points, {of} of concern "
              "({share:.0%}); a point is of concern {rule}. The chosen box holds {mass:.0%} of "
              "all points."},
    "box": {"nl": "Het blok (PRIM)", "en": "The box (PRIM)"},
    "box_text": {
        "nl": "Het dichtste blok op het afpelpad dat nog minstens {cover:.0%} van de punten van "
              "zorg dekt (figuur: `tradeoff.png`). Een grens is significant als haar quasi-p "
              "onder {significant:g} ligt. *Stabiel* is het aandeel PRIM-runs op willekeurige "
              "helften van de punten waarvan het blok met vergelijkbare dekking (dichtheid) "
              "dezelfde parameter begrenst.",
        "en": "The densest box on the peeling trajectory that still covers at least {cover:.0%} "
              "of the points of concern (figure: `tradeoff.png`). A limit is significant when "
              "its quasi-p value is below {significant:g}. *Stable* is the share of PRIM runs on "
              "random halves of the points whose box of similar coverage (density) restricts the "
              "same parameter."},
    "limits_head": {
        "nl": ("| grens | parameter | quasi-p (onder, boven) | significant | stabiel (dekking, "
               "dichtheid) |"),
        "en": ("| limit | parameter | quasi-p (lower, upper) | significant | stable (coverage, "
               "density) |")},
    "yes_no": {"nl": ("ja", "nee"), "en": ("yes", "no")},
    "no_limit": {"nl": "| (geen begrenzing) | | | | |", "en": "| (no restriction) | | | | |"},
    "dropped": {
        "nl": "Uit het eerst gekozen blok gehaald omdat ze niet significant zijn (quasi-p ≥ "
              "{significant:g}), minst significant eerst: {names}.",
        "en": "Dropped from the first chosen box as not significant (quasi-p ≥ {significant:g}), "
              "least significant first: {names}."},
    "trajectory": {"nl": "Afpelpad", "en": "Peeling trajectory"},
    "tree": {"nl": "De boom (CART)", "en": "The tree (CART)"},
    "tree_text": {
        "nl": "Bladeren met minstens 5% van de punten (`tree_leaves.csv`; figuur `tree.png`, "
              "eerste drie niveaus).",
        "en": "Leaves with at least 5% of the points (`tree_leaves.csv`; figure `tree.png`, "
              "first three levels)."},
    "matter": {"nl": "Welke parameters ertoe doen", "en": "Which parameters matter"},
    "matter_text": {
        "nl": "Belang volgens extra trees (`feature_scores.csv`): hoeveel elke parameter helpt "
              "om punten van zorg van de andere te onderscheiden.",
        "en": "Extra-trees feature scores (`feature_scores.csv`): how much each parameter helps "
              "to tell points of concern from the others."},
    "score_head": {"nl": "| parameter | | belang |", "en": "| parameter | | score |"},
    "made": {"nl": "Hoe dit gemaakt is", "en": "How this was made"},
    "made_text": {
        "nl": "`{command}`; EMA Workbench {ema}; hertrekkingen {resamples}, seed {seed}.",
        "en": "`{command}`; EMA Workbench {ema}; resamples {resamples}, seed {seed}."},
}


def _markdown(found: Discovery, concern: Concern, limits: pd.DataFrame,
              provenance: Mapping[str, Any], lang: str) -> str:
    def say(key: str, **values: Any) -> str:
        return _MD[key][lang].format(**values)

    yes, no = _MD["yes_no"][lang]
    lines = [
        f"# {say('title')}: {concern.text}", "",
        box_sentence(found, concern, lang, labels=True), "",
        say("sweep", sweep=provenance.get("sweep", ""), experiment=provenance.get("experiment", ""),
            points=found.points, of=found.of_concern, share=found.of_concern / found.points,
            rule=concern.rule(lang), mass=found.mass), "",
        f"## {say('box')}", "",
        say("box_text", cover=provenance.get("min_coverage", 0.5), significant=SIGNIFICANT), "",
        say("limits_head"), "|---|---|---|---|---|",
    ]
    for row in limits.itertuples():
        lines.append(
            f"| {getattr(row, lang)} | `{row.parameter}` | {_p(row.qp_lower)}, {_p(row.qp_upper)} "
            f"| {yes if row.significant else no} | {row.reproduce_coverage:.0%}, "
            f"{row.reproduce_density:.0%} |")
    if limits.empty:
        lines.append(say("no_limit"))
    if found.dropped:
        lines += ["", say("dropped", significant=SIGNIFICANT,
                          names=", ".join(_label(n, lang) for n in found.dropped))]
    lines += ["", f"![{say('trajectory')}](tradeoff.png)", "",
              f"## {say('tree')}", "", say("tree_text"), "", "![CART](tree.png)", "",
              f"## {say('matter')}", "", say("matter_text"), "",
              say("score_head"), "|---|---|---|"]
    lines += [f"| {_label(name, lang)} | `{name}` | {score:.3f} |"
              for name, score in found.scores.items()]
    lines += ["", f"![{say('matter')}](feature_scores.png)", "",
              f"## {say('made')}", "",
              say("made_text", command=provenance.get("command", ""),
                  ema=provenance.get("ema_workbench", ""),
                  resamples=provenance.get("resamples", ""), seed=provenance.get("seed", "")), ""]
    return "\n".join(lines)


def write_discovery(
    sweep: Path, found: Discovery, concern: Concern, provenance: Mapping[str, Any],
    lang: str = "nl",
) -> Path:
    """Write the report, tables and figures; return the folder.

    Args:
        sweep: The sweep's results folder.
        found: From :func:`simulatie.experiment.discovery.discover`.
        concern: The outcome of concern.
        provenance: Command, settings and versions for the report.
        lang: The language of the report and the figures (``"nl"`` or ``"en"``).
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
        _tradeoff(found, staging / "tradeoff.png", lang)
        _tree(found, staging / "tree.png", lang)
        _scores(found, staging / "feature_scores.png", lang)
        record = {
            **dict(provenance), "concern": concern.text, "measure": concern.measure,
            "share": concern.share, "rule": concern.rule("en"), "points": found.points,
            "of_concern": found.of_concern, "chosen_box": found.chosen,
            "coverage": found.coverage, "density": found.density, "mass": found.mass,
            "dropped": list(found.dropped),
            "box": {"en": box_sentence(found, concern, "en", labels=True),
                    "nl": box_sentence(found, concern, "nl", labels=True)},
            "limits": json.loads(limits.to_json(orient="records")),
        }
        (staging / "discovery.json").write_text(json.dumps(record, indent=2, ensure_ascii=False)
                                                + "\n", encoding="utf-8")
        (staging / "report.md").write_text(_markdown(found, concern, limits, provenance, lang),
                                           encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target
