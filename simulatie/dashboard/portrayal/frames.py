"""Figures without pyplot, and their pixels as PNG or JPEG frames, fast enough to play.

Every picture of the dashboard is a matplotlib :class:`~matplotlib.figure.Figure` on the Agg
canvas, made by :func:`new_figure` without pyplot, so drawing works headless, keeps no global
state and is safe from Solara's per-session threads. A :class:`Blitter` draws a figure's static
part (legends, axes, their labels) once and then only the artists that change each week;
:func:`encode` turns the pixels into the bytes the browser is sent.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox
from PIL import Image

__all__ = ["DPI", "JPEG_QUALITY", "Blitter", "encode", "new_figure", "to_png"]

DPI = 80  # pixels per inch of the images sent to the browser

JPEG_QUALITY = 90
"""Quality of live frames; with full colour resolution (no chroma subsampling) thin coloured
lines and text stay crisp. Measured on the default map (720×715 pixels): PNG 29 ms and 147 KiB,
this JPEG 8 ms and about the same size."""


def new_figure(width: float, height: float) -> Figure:
    """Return an empty figure of ``width`` × ``height`` inches on its own Agg canvas."""
    figure = Figure(figsize=(width, height), dpi=DPI)
    FigureCanvasAgg(figure)
    return figure


class Blitter:
    """Renders a figure's static part once and redraws only its changing artists.

    Text is what makes matplotlib slow (legends, titles, tick labels); it rarely changes. The
    static part is drawn once into a saved background; each frame restores it, draws the data
    artists on top and encodes the pixels. :meth:`invalidate` forces a full redraw.

    Axes whose limits change while the figure is shown can be named as ``scaled``: their
    ticks, tick labels, grid and spines are then kept apart from the rest of the static part
    (titles, legends), so :meth:`invalidate` with those axes redraws only their scales, inside
    their own part of the picture, instead of the whole figure (a legend's text alone costs
    more than a panel's scales).

    Args:
        figure: The figure, on an Agg canvas (:func:`new_figure`).
        scaled: Axes whose limits may change after the first frame.
    """

    MARGIN = 3  # pixels around a scale's region, for antialiased edges

    def __init__(self, figure: Figure, scaled: Sequence[Axes] = ()) -> None:
        self.figure = figure
        self.dynamic: list[Artist] = []
        self._transient: list[Artist] = []
        self._background = None
        self._scaled = list(scaled)
        self._chrome = None  # the static part without the scales of the scaled axes
        self._stale: list[Axes] = []
        self._regions: dict[int, Bbox] = {}

    def invalidate(self, axes: Sequence[Axes] | None = None) -> None:
        """Draw the static part again on the next frame.

        Args:
            axes: Only these axes' scales (axes given as ``scaled``) changed; None redraws
                everything.
        """
        if axes is None or self._chrome is None or any(a not in self._scaled for a in axes):
            self._background = None
            self._stale = []
            return
        self._stale += [a for a in axes if a not in self._stale]

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
        return encode(self._render())

    def jpeg(self) -> bytes:
        """Return the figure as JPEG bytes (a live frame: about a quarter of PNG's encoding)."""
        return encode(self._render(), "jpeg")

    def _scale_artists(self, ax: Axes) -> list[Artist]:
        return [ax.xaxis, ax.yaxis, *ax.spines.values()]

    def _draw_scales(self, ax: Axes, renderer) -> None:
        """Draw ``ax``'s scales as :meth:`matplotlib.axes.Axes.draw` would (by z-order)."""
        for artist in sorted(self._scale_artists(ax), key=lambda a: a.get_zorder()):
            if artist.get_visible():
                artist.draw(renderer)

    def _region(self, ax: Axes, renderer) -> Bbox:
        """The pixels ``ax``'s scales cover now: the axes and its tick labels."""
        boxes = [ax.bbox] + [box for box in (ax.xaxis.get_tightbbox(renderer),
                                             ax.yaxis.get_tightbbox(renderer)) if box]
        return Bbox.union(boxes)

    def _full(self) -> None:
        canvas = self.figure.canvas
        hidden = [*self.dynamic, *(a for ax in self._scaled for a in self._scale_artists(ax))]
        shown = [artist.get_visible() for artist in hidden]
        for artist in hidden:
            artist.set_visible(False)
        canvas.draw()
        for artist, visible in zip(hidden, shown, strict=True):
            artist.set_visible(visible)
        renderer = canvas.get_renderer()
        if self._scaled:
            self._chrome = canvas.copy_from_bbox(self.figure.bbox)
            for ax in self._scaled:
                self._draw_scales(ax, renderer)
                self._regions[id(ax)] = self._region(ax, renderer)
        self._background = canvas.copy_from_bbox(self.figure.bbox)
        self._stale = []

    def _rescale(self) -> None:
        """Redraw the stale axes' scales onto the background, each inside its own region."""
        canvas = self.figure.canvas
        renderer = canvas.get_renderer()
        canvas.restore_region(self._background)
        width, height = canvas.get_width_height()
        for ax in self._stale:
            # Only the old scales need wiping: outside their region the background is the
            # chrome already, so new scales that reach further are drawn onto the chrome there.
            region = self._regions[id(ax)]
            x0 = max(0, math.floor(region.x0) - self.MARGIN)
            y0 = max(0, math.floor(region.y0) - self.MARGIN)
            x1 = min(width, math.ceil(region.x1) + self.MARGIN)
            y1 = min(height, math.ceil(region.y1) + self.MARGIN)
            # Agg counts rows from the top (the figure from the bottom); xy shifts the pixels
            canvas.restore_region(self._chrome, bbox=(x0, height - y1, x1, height - y0),
                                  xy=(0, 0))
            self._draw_scales(ax, renderer)
            self._regions[id(ax)] = self._region(ax, renderer)
        self._background = canvas.copy_from_bbox(self.figure.bbox)
        self._stale = []

    def _render(self) -> np.ndarray:
        canvas = self.figure.canvas
        if self._background is None:
            self._full()
        elif self._stale:
            self._rescale()
        canvas.restore_region(self._background)
        renderer = canvas.get_renderer()
        for artist in sorted(self.dynamic, key=lambda a: a.get_zorder()):
            artist.draw(renderer)
        return np.asarray(canvas.buffer_rgba())


def encode(rgba: np.ndarray, image_format: str = "png") -> bytes:
    """Encode RGBA pixels as PNG (fast, lossless) or JPEG (:data:`JPEG_QUALITY`) bytes.

    Args:
        rgba: The pixels, height × width × 4 (the alpha channel is dropped).
        image_format: ``"png"`` or ``"jpeg"``.

    Returns:
        The encoded image.
    """
    buffer = io.BytesIO()
    image = Image.fromarray(rgba[..., :3])
    if image_format == "jpeg":
        image.save(buffer, format="jpeg", quality=JPEG_QUALITY, subsampling=0)
    else:
        image.save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


def to_png(figure: Figure) -> bytes:
    """Render a whole figure to PNG bytes (at the figure's own resolution)."""
    figure.canvas.draw()
    return encode(np.asarray(figure.canvas.buffer_rgba()))
