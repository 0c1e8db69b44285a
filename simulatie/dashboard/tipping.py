# ruff: noqa: N802  (Solara components are named like classes)
"""The *Kantelpunten / Tipping points* view: where, in two chosen settings, things go wrong.

For a practice case with a shipped discovery sweep (:mod:`simulatie.experiment.discovery.shipped`)
the view shows every computed neighbourhood on two chosen settings, red where the outcome of
concern happens, the area where it happens most (the box that scenario discovery finds,
:func:`simulatie.experiment.discovery.discover`) and the user's current settings as a star.
Beside the map the finding is said in words a room understands, with counts instead of
statistics ("In 23 van de 27 doorgerekende buurten waar ..., gebeurt dit: ...",
:func:`room_sentences`) and the settings in plain words (:data:`PLAIN`); the technical wording
(PRIM, coverage and density, parameter names) is folded away under *Voor de onderzoeker*.
Nothing is simulated here: the map is the shipped sweep, and the box is found again for the
chosen concern (about a second).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any, NamedTuple

import numpy as np
import solara

from simulatie.core.parameters import parameter_specs
from simulatie.experiment.discovery import (
    ConcernError,
    Discovery,
    box_sentence,
    discover,
    parse_concern,
)
from simulatie.experiment.discovery.shipped import PRESET_CONCERNS, load_tipping, tipping_cases
from simulatie.experiment.wording import decimal

from .prose import Prose
from .translations import t

__all__ = ["PLAIN", "Plain", "TippingView", "condition_words", "find_box", "inside_box",
           "inside_points", "plain_label", "plain_value", "room_sentences"]


class Plain(NamedTuple):
    """A setting in the words of a room: what it is, and how its values are written.

    Attributes:
        nl: What it is, in Dutch, as the subject of a sentence ("de tijd van de professional").
        en: The same in English.
        kind: How a value is written: ``"percent"`` (a share as a percentage), ``"hours"``
            (hours per week), ``"times"`` (a factor on the usual) or ``"number"``.
    """

    nl: str
    en: str
    kind: str


PLAIN: dict[str, Plain] = {
    "takeover": Plain("het deel van de tijd dat de professional zelf uitvoert",
                      "the share of time the professional does the work themselves", "percent"),
    "professional_hours": Plain("de tijd van de professional", "the professional's time",
                                "hours"),
    "invitation_effort": Plain("de persoonlijke uitnodiging van buren (0 = een open deur, "
                               "1 = iedereen persoonlijk)", "the personal invitation of "
                               "neighbours (0 = an open door, 1 = everyone in person)",
                               "number"),
    "turnover_per_year": Plain("het deel van de huishoudens dat per jaar verhuist",
                               "the share of households that move each year", "percent"),
    "ask_threshold": Plain("de drempel om hulp te vragen (0 = laag, 1 = hoog)",
                           "the threshold to ask for help (0 = low, 1 = high)", "number"),
    "need_scale": Plain("de zorgvraag", "the need for care", "times"),
}
"""The settings the practice cases' sweeps vary, in plain words; any other setting is named by
its declared short label."""


def plain_label(name: str, lang: str) -> str:
    """A setting in plain words, as the subject of a sentence (lower case)."""
    if name in PLAIN:
        return getattr(PLAIN[name], "nl" if lang == "nl" else "en")
    spec = parameter_specs().get(name)
    if spec is None:
        return name
    short = getattr(spec, "short", None)
    text = short(lang) if short is not None else spec.label(lang).rstrip(".")
    return text[0].lower() + text[1:]


def plain_value(name: str, value: float, lang: str, unit: bool = True) -> str:
    """A value of a setting as a room reads it: "60%", "12 uur per week", "1,5 keer de gewone".

    Args:
        name: The setting.
        value: Its value.
        lang: ``"nl"`` or ``"en"``.
        unit: Whether to write the unit after a number of hours or a factor (left out on the
            first value of "between 8 and 12 hours a week").
    """
    kind = PLAIN[name].kind if name in PLAIN else "number"
    if kind == "percent":
        text = f"{100 * value:.0f}%"
    elif kind == "hours":
        text = f"{value:.0f}" + (f" {'uur per week' if lang == 'nl' else 'hours a week'}"
                                 if unit else "")
    elif kind == "times":
        text = f"{value:.2g}" + (f" {'keer de gewone' if lang == 'nl' else 'times the usual'}"
                                 if unit else "")
    else:
        text = f"{round(value, 2):g}"
    return decimal(text, lang)


def condition_words(found: Discovery, lang: str) -> str:
    """The box's limits as one clause: "de zorgvraag meer dan 1,5 keer de gewone is en ..."."""
    parts = []
    for limit in found.limits:
        name = limit.name
        lower, upper = plain_value(name, limit.lower, lang), plain_value(name, limit.upper, lang)
        below, above = limit.lower > limit.low_end, limit.upper < limit.high_end
        if below and above:
            lower = plain_value(name, limit.lower, lang, unit=False)
        if lang == "nl":
            where = (f"tussen {lower} en {upper}" if below and above else
                     f"meer dan {lower}" if below else f"minder dan {upper}")
            parts.append(f"{plain_label(name, lang)} {where} is")
        else:
            where = (f"between {lower} and {upper}" if below and above else
                     f"more than {lower}" if below else f"less than {upper}")
            parts.append(f"{plain_label(name, lang)} is {where}")
    last = " en " if lang == "nl" else " and "
    return ", ".join(parts[:-1]) + last + parts[-1] if len(parts) > 1 else "".join(parts)


def inside_points(points: Any, found: Discovery) -> np.ndarray:
    """Which computed points lie inside every limit of the box."""
    inside = np.ones(len(points), dtype=bool)
    for limit in found.limits:
        values = points[limit.name].to_numpy(dtype=float)
        inside &= (values >= limit.lower) & (values <= limit.upper)
    return inside


def room_sentences(points: Any, flags: np.ndarray, found: Discovery, concern: str,
                   lang: str) -> list[str]:
    """What the map shows, in counts a room understands (Markdown, numbers in bold).

    Args:
        points: The shipped points (one row per computed neighbourhood).
        flags: Which points are of concern.
        found: The box scenario discovery found.
        concern: The concern in words ("meer dan de helft van de bewoners eenzaam").
        lang: ``"nl"`` or ``"en"``.

    Returns:
        Two or three sentences: how often it happens inside the area, outside it, and how much
        of all the trouble the area holds.
    """
    flags = np.asarray(flags, dtype=bool)
    total, bad = len(flags), int(flags.sum())
    if not found.limits:
        return [t("tipping_room_nowhere", lang, bad=bad, total=total, concern=concern)]
    inside = inside_points(points, found)
    n_in, k_in = int(inside.sum()), int((flags & inside).sum())
    n_out, k_out = total - n_in, int((flags & ~inside).sum())
    lines = [t("tipping_room_inside", lang, k=k_in, n=n_in, where=condition_words(found, lang),
               concern=concern)]
    if n_out:
        lines.append(t("tipping_room_outside", lang, k=k_out, n=n_out))
    lines.append(t("tipping_room_share", lang, k=k_in, bad=bad))
    return lines


def find_box(scenario: str, concern_text: str) -> tuple[Any, Any, Discovery, Any] | str:
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


def _axis_label(name: str, lang: str) -> str:
    import textwrap

    text = plain_label(name, lang)
    return "\n".join(textwrap.wrap(text[0].upper() + text[1:], 48))


def _png(points, flags, found: Discovery, x_name: str, y_name: str,
         values: Mapping[str, Any], lang: str) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Rectangle
    from matplotlib.ticker import FuncFormatter

    fig, ax = plt.subplots(figsize=(6.2, 4.8), dpi=100)
    xs, ys = points[x_name].to_numpy(float), points[y_name].to_numpy(float)
    ax.scatter(xs[~flags], ys[~flags], s=22, color="#9e9e9e", label=t("tipping_ok", lang))
    ax.scatter(xs[flags], ys[flags], s=26, color="#d62728", label=t("tipping_bad", lang))
    limits = {limit.name: limit for limit in found.limits}
    x0, x1 = (limits[x_name].lower, limits[x_name].upper) if x_name in limits else \
        (xs.min(), xs.max())
    y0, y1 = (limits[y_name].lower, limits[y_name].upper) if y_name in limits else \
        (ys.min(), ys.max())
    ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, fill=False, lw=2, ec="#d95f02",
                           label=t("tipping_area", lang)))
    if x_name in values and y_name in values:
        ax.scatter([float(values[x_name])], [float(values[y_name])], marker="*", s=320,
                   color="#1f77b4", edgecolors="k", zorder=5, label=t("tipping_you", lang))
    for axis, name in ((ax.xaxis, x_name), (ax.yaxis, y_name)):
        axis.set_major_formatter(FuncFormatter(
            lambda value, _, name=name: plain_value(name, value, lang).split(" ")[0]))
    ax.set_xlabel(_axis_label(x_name, lang), fontsize=9)
    ax.set_ylabel(_axis_label(y_name, lang), fontsize=9)
    ax.legend(loc="best", fontsize=8)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()


def _capital(text: str) -> str:
    return text[0].upper() + text[1:] if text else text


@solara.component
def TippingView(scenario: str, values: Mapping[str, Any], lang: str):
    """Two chosen settings, where the outcome of concern happens, and what that means in words."""
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
    Prose(t("tipping_intro", lang, runs=len(shipped[0])), classes=["sim-tipping-intro"])
    settings = [{"text": _capital(plain_label(name, lang)), "value": name} for name in varied]
    with solara.Row(gap="16px", style={"flex-wrap": "wrap"}):
        solara.v.Select(label=t("tipping_concern", lang), v_model=concern.value,
                        on_v_model=lambda v: v and concern.set(v), class_="sim-tipping-concern",
                        items=[{"text": words[lang], "value": text}
                               for text, words in PRESET_CONCERNS.items()],
                        style_="min-width: 26rem")
        solara.v.Select(label=t("tipping_x", lang), v_model=x_shown, items=settings,
                        on_v_model=lambda v: v and x_name.set(v), class_="sim-tipping-x",
                        style_="min-width: 18rem")
        solara.v.Select(label=t("tipping_y", lang), v_model=y_shown, items=settings,
                        on_v_model=lambda v: v and y_name.set(v), class_="sim-tipping-y",
                        style_="min-width: 18rem")
    if isinstance(result, str):
        solara.Warning(t("tipping_failed", lang), classes=["sim-tipping-failed"])
        solara.Details(summary=t("for_researcher", lang), children=[
            solara.Text(result, classes=["sim-tipping-detail"])])
        return
    points, flags, found, wanted = result
    words = PRESET_CONCERNS.get(concern.value, {}).get(lang) or wanted.words(lang)
    with solara.Columns([3, 2], gutters_dense=True):
        solara.Image(png, width="100%", classes=["sim-tipping-map"])
        with solara.Column():
            solara.Text(t("tipping_box", lang), classes=["sim-heading"])
            for line in room_sentences(points, flags, found, words, lang):
                Prose(line, classes=["sim-tipping-room"])
            key = "tipping_inside" if inside_box(found, values) else "tipping_outside"
            Prose(t(key, lang), classes=["sim-tipping-settings"])
            solara.Details(summary=t("for_researcher", lang), children=[
                Prose(t("tipping_research", lang, runs=len(points),
                        reps=shipped[1].get("replications", 1),
                        varied=", ".join(f"`{name}`" for name in varied))),
                solara.Text(box_sentence(found, wanted, lang), classes=["sim-tipping-box"]),
            ])
