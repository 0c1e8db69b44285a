"""The time series: one run's weekly numbers in four panels, with axes that change seldom.

The panels show caring ties, loneliness and ownership, care hours by source with the unmet part
on top, and the active volunteers and initiators, labelled from
:data:`simulatie.core.observe.metrics.METRICS`; the same neighbourhood with nothing organised (the
run's baseline) is drawn dotted in every panel that has one. The axes'
limits (:func:`series_limits`) are rounded up and shared between the runs shown side by side,
so they change seldom while a run goes on and two runs compare by eye.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FixedLocator, MaxNLocator, PercentFormatter

from simulatie.core.calendar import WEEKS_PER_YEAR
from simulatie.core.observe.metrics import METRICS

from ..translations import t, unit
from .frames import Blitter, new_figure
from .style import CARE_COLOURS, CARING_COLOUR, FONT_SIZE, LONELY_COLOUR

__all__ = ["BASELINE_LINES", "CARE_SERIES", "SeriesPainter", "draw_series", "nice_ceiling",
           "series_limits"]

CARE_SERIES: tuple[str, ...] = (
    "care_hours_network",
    "care_hours_volunteers",
    "care_hours_professional",
    "care_hours_formal",
    "care_hours_unmet",
)
"""Care-hour metrics stacked in the care panel, from closest to the person outwards."""


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
        "care": max([top(list(CARE_SERIES), stacked=True), *(
            top([name]) for name in ("baseline_care_hours_network",)
            if all(name in r[0] for r in runs if r))]),
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


BASELINE_LINES: dict[str, str] = {
    "baseline_caring_ties": "caring_ties",
    "baseline_lonely_share": "lonely_share",
    "baseline_care_hours_network": "care_hours_network",
}
"""The baseline's columns drawn dotted, each beside the measure it is the baseline of: caring
ties, lonely residents, and the care hours from residents' own network (the top of the care
panel's first band). The people panel has none: with nothing organised there are no volunteers
or initiators to count."""


class SeriesPainter:
    """Draws one run's weekly numbers in four panels, redrawing only the data each frame.

    1. Caring ties (count).
    2. Lonely residents and ownership (shares, 0 to 1).
    3. Care hours per week by source, stacked, with the unmet part on top.
    4. Active volunteers and initiators.

    Where the run has a baseline (the same neighbourhood with nothing organised), it is drawn
    dotted in every panel that has one (:data:`BASELINE_LINES`).

    Args:
        lang: Language of titles and labels, ``"nl"`` or ``"en"``.
        baseline: Whether the runs drawn have baseline columns (their legend entries are drawn
            once, so a painter for runs without one leaves them out).
        compact: Four small panels in two rows and two columns without legends, for a screen
            that shows several neighbourhoods and one shared legend
            (:func:`~.legend.legend_strip`).
    """

    def __init__(self, lang: str = "nl", baseline: bool = True, compact: bool = False) -> None:
        self.lang = lang
        self.baseline = baseline
        self.compact = compact
        if compact:
            self.figure = new_figure(7.6, 4.6)
            self.figure.subplots_adjust(left=0.09, right=0.985, top=0.92, bottom=0.12,
                                        hspace=0.5, wspace=0.25)
            ties_ax, shares_ax, care_ax, people_ax = self.figure.subplots(2, 2).ravel()
        else:
            self.figure = new_figure(7.4, 9.0)
            self.figure.subplots_adjust(left=0.1, right=0.6, top=0.955, bottom=0.065,
                                        hspace=0.6)
            ties_ax, shares_ax, care_ax, people_ax = self.figure.subplots(4, 1)
        self.axes = {"ties": ties_ax, "shares": shares_ax, "care": care_ax, "people": people_ax}
        self._style_axes(lang)
        dotted = {"linewidth": 2.2, "linestyle": ":"}
        self.lines = {
            "caring_ties": ties_ax.plot([], [], color=CARING_COLOUR, linewidth=2.8)[0],
            "baseline_caring_ties": ties_ax.plot([], [], color="#8d8d8d", **dotted)[0],
            "lonely_share": shares_ax.plot([], [], color=LONELY_COLOUR, linewidth=2.8)[0],
            "baseline_lonely_share": shares_ax.plot([], [], color=LONELY_COLOUR, **dotted)[0],
            "ownership": shares_ax.plot([], [], color="#2a9d8f", linewidth=2.8,
                                        linestyle="--")[0],
            "baseline_care_hours_network": care_ax.plot([], [], color="#14534b", zorder=3,
                                                        **dotted)[0],
            "active_volunteers": people_ax.plot([], [], color="#264653", linewidth=2.8)[0],
            "active_initiators": people_ax.plot([], [], color="#f4a261", linewidth=2.8,
                                                linestyle="--")[0],
        }
        if not compact:
            self._add_legends(lang)
        self._care = [care_ax.fill_between([], [], [], facecolor=colour, alpha=0.95)
                      for colour in CARE_COLOURS]
        self._limits: dict[str, float] = {}
        self._blitter = Blitter(self.figure, scaled=list(self.axes.values()))
        self._blitter.replace([], persistent=[*self._care, *self.lines.values()])

    def _style_axes(self, lang: str) -> None:
        """Titles, units, grid and tick locators of the four panels (drawn once)."""
        titles = {"ties": "panel_ties", "shares": "panel_shares", "care": "panel_care",
                  "people": "panel_people"}
        units = {"ties": "ties", "shares": "share", "care": "hours", "people": "people"}
        for key, ax in self.axes.items():
            title = t(f"{titles[key]}_short" if self.compact else titles[key], lang)
            ax.set_title(title, loc="left", fontsize=FONT_SIZE + (0 if self.compact else 2),
                         fontweight="bold")
            if not self.compact:
                ax.set_ylabel(_wrap(unit(units[key], lang), 10), fontsize=FONT_SIZE - 1)
            ax.tick_params(labelsize=FONT_SIZE - 2)
            ax.grid(True, color="#e6e6e6", linewidth=0.8)
            ax.spines[["top", "right"]].set_visible(False)
            ax.set_autoscale_on(False)
            ax.yaxis.set_major_locator(MaxNLocator(4))
            ax.xaxis.set_major_locator(MaxNLocator(4 if self.compact else 7, integer=True))
        shares_ax, people_ax, care_ax = self.axes["shares"], self.axes["people"], self.axes["care"]
        shares_ax.set_ylim(0, 1.02)
        shares_ax.yaxis.set_major_locator(FixedLocator([0, 0.25, 0.5, 0.75, 1.0]))
        shares_ax.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
        shares_ax.set_ylabel("")
        for ax in (people_ax, care_ax) if self.compact else (people_ax,):
            ax.set_xlabel(t("week", lang).lower(), fontsize=FONT_SIZE - 1, labelpad=2)

    def _add_legends(self, lang: str) -> None:
        """One legend right of each panel, for its lines or its care-hour bands (drawn once)."""
        legend = {"fontsize": FONT_SIZE - 2, "frameon": False, "handlelength": 1.6,
                  "loc": "center left", "bbox_to_anchor": (1.03, 0.5), "borderaxespad": 0.0,
                  "labelspacing": 0.35}
        baseline = [name for name in BASELINE_LINES if self.baseline]

        def label(name: str) -> str:
            if name == "baseline_caring_ties":
                return _wrap(t("baseline_caring", lang))
            if name in BASELINE_LINES:
                return _wrap(f"{_metric_label(BASELINE_LINES[name], lang)}, "
                             f"{t('baseline_short', lang)}")
            return _wrap(_metric_label(name, lang))

        def lines_legend(ax, names: Sequence[str], **extra) -> None:
            shown = [n for n in names if n not in BASELINE_LINES or n in baseline]
            ax.legend([self.lines[n] for n in shown], [label(n) for n in shown],
                      **{**legend, **extra})

        lines_legend(self.axes["ties"], ["caring_ties", "baseline_caring_ties"])
        lines_legend(self.axes["shares"], ["lonely_share", "baseline_lonely_share", "ownership"])
        care = [Patch(facecolor=c, label=_wrap(_metric_label(name, lang)))
                for name, c in zip(CARE_SERIES, CARE_COLOURS, strict=True)][::-1]
        if baseline:
            care.append(Line2D([], [], color="#14534b", linewidth=2.2, linestyle=":",
                               label=label("baseline_care_hours_network")))
        self.axes["care"].legend(handles=care, **{**legend, "labelspacing": 0.2})
        lines_legend(self.axes["people"], ["active_volunteers", "active_initiators"])

    def _set_limits(self, limits: Mapping[str, float]) -> None:
        """Set the axes' limits; only panels whose limits changed have their scales redrawn."""
        if dict(limits) == self._limits:
            return
        before = self._limits
        changed = [ax for key, ax in self.axes.items()
                   if not before or before["week"] != limits["week"]
                   or (key != "shares" and before[key] != limits[key])]
        for key, ax in self.axes.items():
            ax.set_xlim(0, limits["week"])
            if key != "shares":
                ax.set_ylim(0, limits[key])
        self._limits = dict(limits)
        self._blitter.invalidate(changed)

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
