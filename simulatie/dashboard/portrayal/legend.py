"""One legend for a screen full of neighbourhoods: the map's symbols and the series' lines.

The projector of a workshop shows every table's map and time series side by side
(:class:`~.neighbourhood_map.MapPainter` and :class:`~.time_series.SeriesPainter` without their
own legends, so that four tables fit on one screen); :func:`legend_strip` draws their legends once,
in one wide, low strip below them, with the same symbols, colours and words.
"""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..translations import t
from .frames import DPI, new_figure
from .neighbourhood_map import legend_handles
from .style import CARE_COLOURS, CARING_COLOUR, FONT_SIZE, LONELY_COLOUR
from .time_series import CARE_SERIES

__all__ = ["legend_strip"]


def _series_handles(lang: str) -> list[Line2D | Patch]:
    """The time series' lines and care-hour bands, as the compact panels draw them."""
    def label(name: str) -> str:
        return t(f"strip_{name}", lang)

    return [
        Line2D([], [], color=CARING_COLOUR, linewidth=2.8, label=label("caring_ties")),
        Line2D([], [], color=LONELY_COLOUR, linewidth=2.8, label=label("lonely_share")),
        Line2D([], [], color="#2a9d8f", linewidth=2.8, linestyle="--", label=label("ownership")),
        Line2D([], [], color="#264653", linewidth=2.8, label=label("active_volunteers")),
        Line2D([], [], color="#f4a261", linewidth=2.8, linestyle="--",
               label=label("active_initiators")),
        *[Patch(facecolor=colour, label=label(name))
          for name, colour in zip(CARE_SERIES, CARE_COLOURS, strict=True)][::-1],
    ]


def _place(figure: Figure, lang: str, lefts: list[float] | None = None) -> list[float]:
    """Draw the four legends at ``lefts`` (figure fractions); return their widths in pixels."""
    groups, states, places = legend_handles(lang)
    parts = ((groups, "legend_groups", 2), (states, "legend_states", 2),
             (places, "legend_places", 2), (_series_handles(lang), "legend_series", 4))
    style = {"loc": "upper left", "frameon": False, "fontsize": FONT_SIZE - 2,
             "title_fontsize": FONT_SIZE - 1, "alignment": "left", "handletextpad": 0.4,
             "borderaxespad": 0.0, "labelspacing": 0.3, "columnspacing": 0.9}
    renderer = figure.canvas.get_renderer()
    widths = []
    for index, (handles, key, columns) in enumerate(parts):
        x = lefts[index] if lefts else 0.0
        legend = figure.legend(handles=handles, title=t(key, lang), ncols=columns,
                               bbox_to_anchor=(x, 0.96), **style)
        legend.get_title().set_fontweight("bold")
        widths.append(legend.get_window_extent(renderer).width)
    return widths


def legend_strip(lang: str = "nl") -> Figure:
    """The map's and the time series' legends side by side, in one low strip.

    The legends are measured first and then placed one after the other, so the strip is as
    wide as its words need.

    Args:
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The figure, on an Agg canvas.
    """
    height, gap, margin = 1.35, 30.0, 6.0  # inches; pixels between legends and at the edges
    widths = _place(new_figure(30.0, height), lang)
    total = sum(widths) + gap * (len(widths) - 1) + 2 * margin
    figure = new_figure(total / DPI, height)
    lefts, x = [], margin
    for width in widths:
        lefts.append(x / total)
        x += width + gap
    _place(figure, lang, lefts)
    return figure
