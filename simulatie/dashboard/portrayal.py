"""How the neighbourhood and its weekly numbers are drawn: matplotlib figures, no Solara.

The map shows every home coloured by its resident's group, with a marker shape for how the
resident is doing this week (:class:`ResidentState`), the meeting places, the professionals, and
the ties between homes: thin grey lines for friendly ties and thick purple lines for caring ties,
so a viewer sees a caring community form (or fall apart) week by week. The time-series figure
shows caring ties, loneliness and ownership, care hours by source with the unmet part, and the
active volunteers and initiators, with labels from :data:`simulatie.core.metrics.METRICS`.

Figures are drawn on matplotlib's Agg canvas without pyplot, so this module works headless, keeps
no global state and is safe to call from Solara's per-session threads.
:mod:`simulatie.dashboard.app` shows the PNGs that :func:`to_png` makes.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import TYPE_CHECKING

import numpy as np
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.colors import ListedColormap, to_rgba_array
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FixedLocator, MaxNLocator, PercentFormatter
from PIL import Image

from simulatie.core.calendar import WEEKS_PER_YEAR
from simulatie.core.groups import Group
from simulatie.core.metrics import METRICS
from simulatie.core.neighbourhood import CellKind, Layout
from simulatie.core.ties import TieStage

from .translations import GROUP_NAMES, t, unit

if TYPE_CHECKING:
    from simulatie.core.model import CaringCommunity

__all__ = [
    "CARE_COLOURS",
    "CARE_SERIES",
    "GROUP_COLOURS",
    "IN_NEED_HOURS",
    "MapPainter",
    "ResidentState",
    "SeriesPainter",
    "draw_map",
    "draw_series",
    "nice_ceiling",
    "resident_states",
    "series_limits",
    "to_png",
]

IN_NEED_HOURS = 0.5
"""A resident whose unmet need this week is at least this many hours is shown as in need."""

# Okabe & Ito's colour-blind-safe palette, one colour per group.
GROUP_COLOURS: dict[Group, str] = {
    Group.ADULT: "#56B4E9",
    Group.OLDER: "#E69F00",
    Group.FAMILY: "#009E73",
    Group.LVB: "#CC79A7",
    Group.PSYCH: "#0072B2",
    Group.MIGRANT: "#D55E00",
}
CARING_COLOUR = "#6a1b9a"
FRIENDLY_COLOUR = "#8c8c8c"
PLACE_COLOUR = "#f2c200"
PROFESSIONAL_COLOUR = "#222222"
# Background per CellKind: open ground, home plot, street, meeting place.
CELL_COLOURS = ("#ffffff", "#f4f1ea", "#d6d6d6", "#fff3c4")

CARE_SERIES: tuple[str, ...] = (
    "care_hours_network",
    "care_hours_volunteers",
    "care_hours_professional",
    "care_hours_formal",
    "care_hours_unmet",
)
"""Care-hour metrics stacked in the care panel, from closest to the person outwards."""
CARE_COLOURS = ("#2a9d8f", "#8ab17d", "#e9c46a", "#577590", "#e76f51")

FONT_SIZE = 15  # legible on a projector at the dashboard's image width


class ResidentState(IntEnum):
    """How a resident is doing this week, as shown on the map (first match in this order).

    HELPING: gave informal help this week. IN_NEED: at least :data:`IN_NEED_HOURS` of this
    week's need went unmet. LONELY: fewer friendly or caring ties than ``lonely_below_ties``
    (the ``lonely_share`` metric's definition). CONNECTED: everyone else.
    """

    CONNECTED = 0
    LONELY = 1
    IN_NEED = 2
    HELPING = 3


_STATE_STYLE: dict[ResidentState, dict[str, object]] = {
    ResidentState.CONNECTED: {"marker": "o", "filled": True},
    ResidentState.LONELY: {"marker": "o", "filled": False},
    ResidentState.IN_NEED: {"marker": "v", "filled": True},
    ResidentState.HELPING: {"marker": "^", "filled": True},
}
_STATE_KEYS = {
    ResidentState.CONNECTED: "state_connected",
    ResidentState.LONELY: "state_lonely",
    ResidentState.IN_NEED: "state_in_need",
    ResidentState.HELPING: "state_helping",
}


def resident_states(model: CaringCommunity) -> np.ndarray:
    """Return each resident's :class:`ResidentState` for the week just observed."""
    pop = model.population
    close = model.state.views.friendly_counts
    unmet = model.care.unmet
    state = np.full(pop.n, ResidentState.CONNECTED, dtype=np.int8)
    state[close < model.params.lonely_below_ties] = ResidentState.LONELY
    state[unmet >= IN_NEED_HOURS] = ResidentState.IN_NEED
    state[pop.given > 0] = ResidentState.HELPING
    return state


DPI = 80  # pixels per inch of the images sent to the browser


def _new_figure(width: float, height: float) -> Figure:
    figure = Figure(figsize=(width, height), dpi=DPI)
    FigureCanvasAgg(figure)
    return figure


class _Blitter:
    """Renders a figure's static part once and redraws only its changing artists.

    Text is what makes matplotlib slow (legends, titles, tick labels); it rarely changes. The
    static part is drawn once into a saved background; each frame restores it, draws the data
    artists on top and encodes the pixels as PNG. :meth:`invalidate` forces a full redraw (after
    axis limits changed).
    """

    def __init__(self, figure: Figure) -> None:
        self.figure = figure
        self.dynamic: list[Artist] = []
        self._transient: list[Artist] = []
        self._background = None

    def invalidate(self) -> None:
        """Draw the static part again on the next frame."""
        self._background = None

    def replace(self, transient: Sequence[Artist], persistent: Sequence[Artist] = ()) -> None:
        """Register this frame's data artists, removing last frame's transient ones.

        Args:
            transient: Artists made for this frame only; removed on the next call.
            persistent: Artists updated in place (lines whose data is set each frame).
        """
        for artist in self._transient:
            artist.remove()
        self._transient = list(transient)
        self.dynamic = [*persistent, *transient]

    def png(self) -> bytes:
        """Return the figure as PNG bytes (exact pixels; for files and handouts)."""
        return _encode(self._render())

    def jpeg(self) -> bytes:
        """Return the figure as JPEG bytes (a live frame: about a quarter of PNG's encoding)."""
        return _encode(self._render(), "jpeg")

    def _render(self) -> np.ndarray:
        canvas = self.figure.canvas
        if self._background is None:
            for artist in self.dynamic:
                artist.set_visible(False)
            canvas.draw()
            self._background = canvas.copy_from_bbox(self.figure.bbox)
            for artist in self.dynamic:
                artist.set_visible(True)
        else:
            canvas.restore_region(self._background)
        renderer = canvas.get_renderer()
        for artist in sorted(self.dynamic, key=lambda a: a.get_zorder()):
            artist.draw(renderer)
        return np.asarray(canvas.buffer_rgba())


JPEG_QUALITY = 90
"""Quality of live frames; with full colour resolution (no chroma subsampling) thin coloured
lines and text stay crisp. Measured on the default map (720×715 pixels): PNG 29 ms and 147 KiB,
this JPEG 8 ms and about the same size."""


def _encode(rgba: np.ndarray, image_format: str = "png") -> bytes:
    buffer = io.BytesIO()
    image = Image.fromarray(rgba[..., :3])
    if image_format == "jpeg":
        image.save(buffer, format="jpeg", quality=JPEG_QUALITY, subsampling=0)
    else:
        image.save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


def _tie_segments(model: CaringCommunity, stage: np.ndarray, which: TieStage) -> np.ndarray:
    ties = model.ties
    keep = stage == which
    xy = model.layout.home_xy.astype(float)
    return np.stack([xy[ties.a[keep]], xy[ties.b[keep]]], axis=1).reshape(-1, 2, 2)


def _legend_handles(lang: str) -> tuple[list[Line2D], list[Line2D], list[Line2D]]:
    groups = [
        Line2D([], [], linestyle="", marker="s", markersize=13, markerfacecolor=colour,
               markeredgecolor="#333333", label=GROUP_NAMES[group][lang])
        for group, colour in GROUP_COLOURS.items()
    ]
    states = []
    for state, style in _STATE_STYLE.items():
        face = "#9e9e9e" if style["filled"] else "white"
        states.append(Line2D([], [], linestyle="", marker=style["marker"], markersize=12,
                             markerfacecolor=face, markeredgecolor="#333333",
                             markeredgewidth=1.6, label=t(_STATE_KEYS[state], lang)))
    places = [
        Line2D([], [], color=CARING_COLOUR, linewidth=3.5, label=t("caring_tie", lang)),
        Line2D([], [], color=FRIENDLY_COLOUR, linewidth=1.2, label=t("friendly_tie", lang)),
        Line2D([], [], linestyle="", marker="*", markersize=20, markerfacecolor=PLACE_COLOUR,
               markeredgecolor="#333333", label=t("meeting_place", lang)),
        Line2D([], [], linestyle="", marker="D", markersize=11,
               markerfacecolor=PROFESSIONAL_COLOUR, markeredgecolor="white",
               label=t("professional", lang)),
        Line2D([], [], linestyle="", marker="o", markersize=14, markerfacecolor="none",
               markeredgecolor="black", markeredgewidth=2.2, label=t("initiator", lang)),
        Line2D([], [], linestyle="", marker="o", markersize=5, markerfacecolor="black",
               markeredgecolor="black", label=t("volunteer", lang)),
    ]
    return groups, states, places


class MapPainter:
    """Draws one model's neighbourhood, week after week, into one figure.

    The streets, homes' plots, meeting places and the legend are drawn once; each frame draws
    the ties, the residents, the roles and the professionals on top.

    Args:
        layout: The model's layout (:attr:`CaringCommunity.layout`); a new model with a
            different layout needs a new painter.
        lang: Language of the title and legend, ``"nl"`` or ``"en"``.
    """

    MAP_WIDTH = 5.6  # inches for the map itself; the legend takes LEGEND_WIDTH to its right
    LEGEND_WIDTH = 3.4

    def __init__(self, layout: Layout, lang: str = "nl") -> None:
        self.layout = layout
        self.lang = lang
        width, height = layout.width, layout.height
        total = self.MAP_WIDTH + self.LEGEND_WIDTH
        map_height = min(max(self.MAP_WIDTH * height / width, 6.0), 9.0)
        self.figure = _new_figure(total, map_height + 0.8)
        self.ax = self.figure.add_axes((0.01, 0.01, self.MAP_WIDTH / total, 0.90))
        ax = self.ax
        ax.set_axis_off()
        ax.set_aspect("equal")
        ax.imshow(
            layout.kinds.T, origin="lower", cmap=ListedColormap(CELL_COLOURS),
            vmin=0, vmax=len(CellKind) - 1, interpolation="nearest",
            extent=(-0.5, width - 0.5, -0.5, height - 0.5),
        )
        places = layout.place_xy
        if len(places):
            ax.scatter(places[:, 0], places[:, 1], s=900, marker="*", c=PLACE_COLOUR,
                       edgecolors="#333333", linewidths=1.2, zorder=7)
        ax.set_xlim(-0.6, width - 0.4)
        ax.set_ylim(-0.6, height - 0.4)
        ax.set_autoscale_on(False)

        groups, states, legend_places = _legend_handles(lang)
        left = self.MAP_WIDTH / total + 0.025
        style = {"loc": "upper left", "frameon": False, "fontsize": FONT_SIZE,
                 "title_fontsize": FONT_SIZE + 1, "alignment": "left", "handletextpad": 0.5,
                 "borderaxespad": 0.0, "labelspacing": 0.45}
        tops = (0.90, 0.57, 0.33)
        for handles, key, top in zip((groups, states, legend_places),
                                     ("legend_groups", "legend_states", "legend_places"), tops,
                                     strict=True):
            legend = self.figure.legend(handles=handles, title=t(key, lang),
                                        bbox_to_anchor=(left, top), **style)
            legend.get_title().set_fontweight("bold")
        self._colours = to_rgba_array([GROUP_COLOURS[Group(g)] for g in range(len(Group))])
        self._make_artists()

    def _make_artists(self) -> None:
        """The artists that change every week, made once and updated in place."""
        ax, figure = self.ax, self.figure
        none = np.empty((0, 2))
        self.friendly_ties = ax.add_collection(LineCollection(
            [], colors=FRIENDLY_COLOUR, linewidths=1.0, alpha=0.7, zorder=2), autolim=False)
        self.caring_ties = ax.add_collection(LineCollection(
            [], colors=CARING_COLOUR, linewidths=3.0, alpha=0.9, zorder=3, capstyle="round"),
            autolim=False)
        self._states = {}
        for state, style in _STATE_STYLE.items():
            if style["filled"]:
                dots = ax.scatter(none[:, 0], none[:, 1], s=95, marker=style["marker"],
                                  edgecolors="#333333", linewidths=0.8, zorder=4)
            else:
                dots = ax.scatter(none[:, 0], none[:, 1], s=80, marker=style["marker"],
                                  facecolors="white", linewidths=2.4, zorder=4)
            self._states[state] = dots
        self._initiators = ax.scatter(none[:, 0], none[:, 1], s=330, marker="o",
                                      facecolors="none", edgecolors="black", linewidths=2.4,
                                      zorder=5)
        self._volunteers = ax.scatter(none[:, 0], none[:, 1], s=10, marker="o", c="black",
                                      zorder=6)
        self._professionals = ax.scatter(none[:, 0], none[:, 1], s=150, marker="D",
                                         c=PROFESSIONAL_COLOUR, edgecolors="white",
                                         linewidths=1.5, zorder=8)
        self._heading = figure.text(0.01, 0.985, "", fontsize=FONT_SIZE + 5, fontweight="bold",
                                    va="top")
        self._count = figure.text(0.01, 0.94, "", fontsize=FONT_SIZE + 2, color=CARING_COLOUR,
                                  fontweight="bold", va="top")
        self._blitter = _Blitter(self.figure)
        self._blitter.replace([], persistent=[
            self.friendly_ties, self.caring_ties, *self._states.values(), self._initiators,
            self._volunteers, self._professionals, self._heading, self._count,
        ])

    def update(self, model: CaringCommunity, title: str | None = None) -> Figure:
        """Draw ``model``'s current week onto the figure and return the figure.

        Args:
            model: The model (read only); its layout must be this painter's.
            title: Replaces the default title ("The neighbourhood in week N").

        Returns:
            The figure.
        """
        xy = self.layout.home_xy
        stage = model.ties.stage
        self.friendly_ties.set_segments(_tie_segments(model, stage, TieStage.FRIENDLY))
        self.caring_ties.set_segments(_tie_segments(model, stage, TieStage.CARING))
        colours = self._colours[model.population.group]
        states = resident_states(model)
        for state, dots in self._states.items():
            pick = states == state
            dots.set_offsets(xy[pick])
            if _STATE_STYLE[state]["filled"]:
                dots.set_facecolor(colours[pick])
            else:
                dots.set_edgecolor(colours[pick])
        self._initiators.set_offsets(xy[model.population.is_initiator])
        self._volunteers.set_offsets(xy[model.population.is_volunteer])
        professionals = list(model.professionals)
        at = np.array([p.cell.coordinate for p in professionals], dtype=float).reshape(-1, 2)
        at[:, 0] += 0.9 + 0.7 * np.arange(len(professionals))
        at[:, 1] += 0.6
        self._professionals.set_offsets(at)
        caring = int((stage == TieStage.CARING).sum())
        self._heading.set_text(title if title is not None
                               else t("map_title", self.lang, week=model.week))
        self._count.set_text(f"{METRICS['caring_ties'].label(self.lang)}: {caring}")
        return self.figure

    def png(self) -> bytes:
        """Return the figure as drawn by the last :meth:`update`, as PNG bytes."""
        return self._blitter.png()

    def jpeg(self) -> bytes:
        """Return the figure as drawn by the last :meth:`update`, as JPEG bytes (live frames)."""
        return self._blitter.jpeg()


def draw_map(model: CaringCommunity, lang: str = "nl", title: str | None = None) -> Figure:
    """Draw the neighbourhood this week into a new figure (see :class:`MapPainter`)."""
    return MapPainter(model.layout, lang).update(model, title)


def _column(records: Sequence[Mapping[str, float]], name: str) -> np.ndarray:
    return np.array([row[name] for row in records], dtype=float)


def _wrap(text: str, width: int = 22) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def _metric_label(name: str, lang: str) -> str:
    return METRICS[name].label(lang)


def nice_ceiling(value: float) -> float:
    """Round up to 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten (at least 1)."""
    if not np.isfinite(value) or value <= 1:
        return 1.0
    power = 10.0 ** np.floor(np.log10(value))
    for factor in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if factor * power >= value - 1e-9:
            return float(factor * power)
    return float(10 * power)  # pragma: no cover


def series_limits(*runs: Sequence[Mapping[str, float]]) -> dict[str, float]:
    """Return axis limits for the time-series panels that fit every run given.

    Upper limits are rounded up (:func:`nice_ceiling`) with some headroom, and the week axis
    runs to the end of 1, 2, 5, 10, 20, … years, so the axes change seldom while a run goes on
    (a change redraws every label: about 0.2 s); passing two runs gives them the same axes, so
    they compare by eye.

    Args:
        *runs: Each run's weekly records (``model.records``).

    Returns:
        ``"ties"``, ``"care"`` and ``"people"`` (upper y-limits) and ``"week"`` (upper x-limit).
    """
    def top(names: Sequence[str], stacked: bool = False) -> float:
        best = 0.0
        for records in runs:
            if not records:
                continue
            values = np.nan_to_num(np.vstack([_column(records, n) for n in names]))
            best = max(best, float((values.sum(axis=0) if stacked else values).max()))
        return nice_ceiling(best * 1.1)

    weeks = max((len(r) - 1 for r in runs), default=0)
    years = max(1, -(-weeks // WEEKS_PER_YEAR))
    return {
        "ties": top([n for n in ("caring_ties", "baseline_caring_ties")
                     if all(n in r[0] for r in runs if r)]),
        "care": top(list(CARE_SERIES), stacked=True),
        "people": top(["active_volunteers", "active_initiators"]),
        "week": float(WEEKS_PER_YEAR * _round_years(years)),
    }


def _round_years(years: int) -> int:
    """Round up to 1, 2 or 5 times a power of ten, so the week axis is redrawn seldom."""
    power = 1
    while True:
        for factor in (1, 2, 5):
            if factor * power >= years:
                return factor * power
        power *= 10


class SeriesPainter:
    """Draws one run's weekly numbers in four panels, redrawing only the data each frame.

    1. Caring ties (count).
    2. Lonely residents and ownership (shares, 0 to 1).
    3. Care hours per week by source, stacked, with the unmet part on top.
    4. Active volunteers and initiators.

    Args:
        lang: Language of titles and labels, ``"nl"`` or ``"en"``.
    """

    def __init__(self, lang: str = "nl") -> None:
        self.lang = lang
        self.figure = _new_figure(7.4, 9.0)
        self.figure.subplots_adjust(left=0.1, right=0.6, top=0.955, bottom=0.065, hspace=0.6)
        ties_ax, shares_ax, care_ax, people_ax = self.figure.subplots(4, 1)
        self.axes = {"ties": ties_ax, "shares": shares_ax, "care": care_ax, "people": people_ax}
        titles = {"ties": "panel_ties", "shares": "panel_shares", "care": "panel_care",
                  "people": "panel_people"}
        units = {"ties": "ties", "shares": "share", "care": "hours", "people": "people"}
        for key, ax in self.axes.items():
            ax.set_title(t(titles[key], lang), loc="left", fontsize=FONT_SIZE + 2,
                         fontweight="bold")
            ax.set_ylabel(_wrap(unit(units[key], lang), 10), fontsize=FONT_SIZE - 1)
            ax.tick_params(labelsize=FONT_SIZE - 2)
            ax.grid(True, color="#e6e6e6", linewidth=0.8)
            ax.spines[["top", "right"]].set_visible(False)
            ax.set_autoscale_on(False)
            ax.yaxis.set_major_locator(MaxNLocator(4))
            ax.xaxis.set_major_locator(MaxNLocator(7, integer=True))
        shares_ax.set_ylim(0, 1.02)
        shares_ax.yaxis.set_major_locator(FixedLocator([0, 0.25, 0.5, 0.75, 1.0]))
        shares_ax.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
        shares_ax.set_ylabel("")
        people_ax.set_xlabel(t("week", lang).lower(), fontsize=FONT_SIZE - 1, labelpad=2)

        self.lines = {
            "caring_ties": ties_ax.plot([], [], color=CARING_COLOUR, linewidth=2.8)[0],
            "baseline_caring_ties": ties_ax.plot([], [], color="#8d8d8d", linewidth=2.0,
                                                 linestyle=":")[0],
            "lonely_share": shares_ax.plot([], [], color="#6d597a", linewidth=2.8)[0],
            "ownership": shares_ax.plot([], [], color="#2a9d8f", linewidth=2.8,
                                        linestyle="--")[0],
            "active_volunteers": people_ax.plot([], [], color="#264653", linewidth=2.8)[0],
            "active_initiators": people_ax.plot([], [], color="#f4a261", linewidth=2.8,
                                                linestyle="--")[0],
        }
        legend = {"fontsize": FONT_SIZE - 2, "frameon": False, "handlelength": 1.6,
                  "loc": "center left", "bbox_to_anchor": (1.03, 0.5), "borderaxespad": 0.0,
                  "labelspacing": 0.35}

        def lines_legend(ax, names: Sequence[str]) -> None:
            ax.legend([self.lines[n] for n in names],
                      [_wrap(_metric_label(n, lang)) for n in names], **legend)

        ties_ax.legend([self.lines["caring_ties"], self.lines["baseline_caring_ties"]],
                       [_wrap(_metric_label("caring_ties", lang)),
                        _wrap(t("baseline_caring", lang))], **legend)
        lines_legend(shares_ax, ["lonely_share", "ownership"])
        care_ax.legend(handles=[Patch(facecolor=c, label=_wrap(_metric_label(name, lang)))
                                for name, c in zip(CARE_SERIES, CARE_COLOURS, strict=True)][::-1],
                       **{**legend, "labelspacing": 0.2})
        lines_legend(people_ax, ["active_volunteers", "active_initiators"])
        self._care = [care_ax.fill_between([], [], [], facecolor=colour, alpha=0.95)
                      for colour in CARE_COLOURS]
        self._limits: dict[str, float] = {}
        self._blitter = _Blitter(self.figure)
        self._blitter.replace([], persistent=[*self.lines.values(), *self._care])

    def _set_limits(self, limits: Mapping[str, float]) -> None:
        if dict(limits) == self._limits:
            return
        self._limits = dict(limits)
        for key, ax in self.axes.items():
            ax.set_xlim(0, limits["week"])
            if key != "shares":
                ax.set_ylim(0, limits[key])
        self._blitter.invalidate()

    def update(
        self, records: Sequence[Mapping[str, float]], limits: Mapping[str, float] | None = None
    ) -> Figure:
        """Draw ``records`` onto the figure and return the figure.

        Args:
            records: The run's weekly records, one mapping per week (``model.records``).
            limits: Axis limits from :func:`series_limits` (to share axes between runs);
                computed from ``records`` when omitted.

        Returns:
            The figure.
        """
        self._set_limits(limits or series_limits(records))
        week = _column(records, "week")
        for name, line in self.lines.items():
            if records and name not in records[0]:  # a run without its baseline arm
                line.set_data([], [])
                continue
            line.set_data(week, _column(records, name))
        below = np.zeros(len(week))
        for name, band in zip(CARE_SERIES, self._care, strict=True):
            above = below + np.nan_to_num(_column(records, name))
            band.set_data(week, below, above)
            below = above
        return self.figure

    def png(self) -> bytes:
        """Return the figure as drawn by the last :meth:`update`, as PNG bytes."""
        return self._blitter.png()

    def jpeg(self) -> bytes:
        """Return the figure as drawn by the last :meth:`update`, as JPEG bytes (live frames)."""
        return self._blitter.jpeg()


def draw_series(
    records: Sequence[Mapping[str, float]],
    lang: str = "nl",
    limits: Mapping[str, float] | None = None,
) -> Figure:
    """Draw one run's weekly numbers into a new figure (see :class:`SeriesPainter`)."""
    return SeriesPainter(lang).update(records, limits)


def to_png(figure: Figure) -> bytes:
    """Render a whole figure to PNG bytes (at the figure's own resolution)."""
    figure.canvas.draw()
    return _encode(np.asarray(figure.canvas.buffer_rgba()))
