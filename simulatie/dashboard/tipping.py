# ruff: noqa: N802  (Solara components are named like classes)
"""The *Kantelpunten / Tipping points* view: where, in two chosen settings, things go wrong.

For a practice case with a shipped discovery sweep (:mod:`simulatie.experiment.discovery.shipped`)
the view shows every design point on two chosen parameters, red where the outcome of concern
happens, the PRIM box scenario discovery found (:func:`simulatie.experiment.discovery.discover`),
the user's current settings as a star, and the box in words beside it. Nothing is simulated here:
the map is the shipped sweep, and the box is found again for the chosen concern (about a second).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

import solara

from simulatie.experiment.discovery import (
    ConcernError,
    Discovery,
    box_sentence,
    discover,
    parse_concern,
)
from simulatie.experiment.discovery.shipped import PRESET_CONCERNS, load_tipping, tipping_cases

from .prose import Prose
from .translations import t

__all__ = ["TippingView", "find_box", "inside_box"]


def find_box(scenario: str, concern_text: str) -> tuple[Any, Any, Discovery] | str:
    """The shipped points of ``scenario``, their flags and the box, or an error in words."""
    shipped = load_tipping(scenario)
    if shipped is None:
        return "none"
    points, record = shipped
    columns = [c for c in points.columns if c not in {"point", "replication", *record["varied"]}]
    try:
        concern = parse_concern(concern_text, columns)
        flags = concern.points_of_concern(points).reindex(points["point"]).to_numpy(dtype=bool)
        if flags.all() or not flags.any():
            raise ConcernError("every point" if flags.all() else "no point")
    except ConcernError as error:
        return str(error)
    x = points[record["varied"]].astype(float)
    return (points, flags, discover(x, flags, resamples=0), concern)


def inside_box(found: Discovery, values: Mapping[str, Any]) -> bool:
    """Whether the given settings lie inside every limit of the box."""
    return all(limit.lower <= float(values.get(limit.name, limit.lower)) <= limit.upper
               for limit in found.limits)


def _png(points, flags, found: Discovery, x_name: str, y_name: str,
         values: Mapping[str, Any], lang: str) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle

    fig, ax = plt.subplots(figsize=(6.2, 4.6), dpi=100)
    xs, ys = points[x_name].to_numpy(float), points[y_name].to_numpy(float)
    ax.scatter(xs[~flags], ys[~flags], s=22, color="#9e9e9e", label=t("tipping_ok", lang))
    ax.scatter(xs[flags], ys[flags], s=26, color="#d62728", label=t("tipping_bad", lang))
    limits = {limit.name: limit for limit in found.limits}
    x0, x1 = (limits[x_name].lower, limits[x_name].upper) if x_name in limits else \
        (xs.min(), xs.max())
    y0, y1 = (limits[y_name].lower, limits[y_name].upper) if y_name in limits else \
        (ys.min(), ys.max())
    ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, fill=False, lw=2, ec="#d95f02"))
    if x_name in values and y_name in values:
        ax.scatter([float(values[x_name])], [float(values[y_name])], marker="*", s=320,
                   color="#1f77b4", edgecolors="k", zorder=5, label=t("tipping_you", lang))
    ax.set_xlabel(x_name)
    ax.set_ylabel(y_name)
    ax.legend(loc="best", fontsize=8)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()


@solara.component
def TippingView(scenario: str, values: Mapping[str, Any], lang: str):
    """Two chosen settings, where the outcome of concern happens, and the box in words."""
    concern = solara.use_reactive(next(iter(PRESET_CONCERNS)))
    shipped = solara.use_memo(lambda: load_tipping(scenario), [scenario])
    varied = list(shipped[1]["varied"]) if shipped is not None else [""]
    x_name = solara.use_reactive(varied[0])
    y_name = solara.use_reactive(varied[min(1, len(varied) - 1)])
    x_shown = x_name.value if x_name.value in varied else varied[0]
    y_shown = y_name.value if y_name.value in varied else varied[min(1, len(varied) - 1)]
    result = solara.use_memo(
        lambda: find_box(scenario, concern.value) if shipped is not None else "none",
        [scenario, concern.value])
    png = solara.use_memo(
        lambda: _png(*result[:3], x_shown, y_shown, values, lang)
        if isinstance(result, tuple) else b"",
        [scenario, concern.value, x_shown, y_shown, tuple(values.get(n) for n in varied), lang])
    if shipped is None:
        Prose(t("tipping_none", lang, cases=", ".join(tipping_cases())),
              classes=["sim-tipping-none"])
        return
    Prose(t("tipping_intro", lang, runs=len(shipped[0]),
            reps=shipped[1].get("replications", 1)), classes=["sim-tipping-intro"])
    with solara.Row(gap="16px", style={"flex-wrap": "wrap"}):
        solara.v.Select(label=t("tipping_concern", lang), v_model=concern.value,
                        on_v_model=lambda v: v and concern.set(v), class_="sim-tipping-concern",
                        items=[{"text": words[lang], "value": text}
                               for text, words in PRESET_CONCERNS.items()],
                        style_="min-width: 26rem")
        solara.v.Select(label=t("tipping_x", lang), v_model=x_shown, items=varied,
                        on_v_model=lambda v: v and x_name.set(v), class_="sim-tipping-x")
        solara.v.Select(label=t("tipping_y", lang), v_model=y_shown, items=varied,
                        on_v_model=lambda v: v and y_name.set(v), class_="sim-tipping-y")
    if isinstance(result, str):
        solara.Warning(f"{t('tipping_failed', lang)}: {result}", classes=["sim-tipping-failed"])
        return
    _, _, found, wanted = result
    with solara.Columns([3, 2], gutters_dense=True):
        solara.Image(png, width="100%", classes=["sim-tipping-map"])
        with solara.Column():
            solara.Text(t("tipping_box", lang), classes=["sim-heading"])
            solara.Text(box_sentence(found, wanted, lang), classes=["sim-tipping-box"])
            key = "tipping_inside" if inside_box(found, values) else "tipping_outside"
            Prose(t(key, lang), classes=["sim-tipping-settings"])
