"""The neighbourhood map: every home, how its resident is doing, and the ties between homes.

The map shows every home coloured by its resident's group, with a marker shape for how the
resident is doing this week (:class:`ResidentState`), the meeting places, the professionals, and
the ties between homes: thin grey lines for friendly ties and thick purple lines for caring ties,
so a viewer sees a caring community form (or fall apart) week by week. A :class:`MapPainter`
draws the streets, the homes' plots, the meeting places and the legend once, and each week only
what moved.
"""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import ListedColormap, to_rgba_array
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from simulatie.core.observe.metrics import METRICS
from simulatie.core.state.groups import Group
from simulatie.core.state.layout import CellKind, Layout
from simulatie.core.state.ties import TieStage

from ..translations import GROUP_NAMES, t
from .frames import Blitter, new_figure
from .style import (
    CARING_COLOUR,
    CELL_COLOURS,
    FONT_SIZE,
    FRIENDLY_COLOUR,
    GROUP_COLOURS,
    PLACE_COLOUR,
    PROFESSIONAL_COLOUR,
)

if TYPE_CHECKING:
    from simulatie.core.run.model import CaringCommunity

__all__ = ["IN_NEED_HOURS", "MapPainter", "ResidentState", "draw_map", "legend_handles",
           "resident_states"]

IN_NEED_HOURS = 0.5
"""A resident whose unmet need this week is at least this many hours is shown as in need."""


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



def _tie_segments(model: CaringCommunity, stage: np.ndarray, which: TieStage) -> np.ndarray:
    ties = model.ties
    keep = stage == which
    xy = model.layout.home_xy.astype(float)
    return np.stack([xy[ties.a[keep]], xy[ties.b[keep]]], axis=1).reshape(-1, 2, 2)


def legend_handles(lang: str) -> tuple[list[Line2D], list[Line2D], list[Line2D]]:
    """The map legend's entries: the residents' groups, how they are, what is in the area."""
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
        legend: Whether the legend is drawn beside the map; a screen that shows several maps
            shows one legend for all of them instead (:func:`~.legend.legend_strip`).
    """

    MAP_WIDTH = 5.6  # inches for the map itself; the legend takes LEGEND_WIDTH to its right
    LEGEND_WIDTH = 3.4

    def __init__(self, layout: Layout, lang: str = "nl", legend: bool = True) -> None:
        self.layout = layout
        self.lang = lang
        width, height = layout.width, layout.height
        total = self.MAP_WIDTH + (self.LEGEND_WIDTH if legend else 0.0)
        map_height = min(max(self.MAP_WIDTH * height / width, 6.0 if legend else 0.0), 9.0)
        self.figure = new_figure(total, map_height + 0.8)
        self.ax = self.figure.add_axes((0.01, 0.01, self.MAP_WIDTH / total - 0.02, 0.90))
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

        if legend:
            self._draw_legend(lang, self.MAP_WIDTH / total + 0.025)
        self._colours = to_rgba_array([GROUP_COLOURS[Group(g)] for g in range(len(Group))])
        self._make_artists()

    def _draw_legend(self, lang: str, left: float) -> None:
        """The three legends right of the map: residents, how they are, what is in the area."""
        groups, states, legend_places = legend_handles(lang)
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
        self._blitter = Blitter(self.figure)
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
