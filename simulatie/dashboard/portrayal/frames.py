"""Figures without pyplot, and their pixels as PNG or JPEG frames, fast enough to play.

Every picture of the dashboard is a matplotlib :class:`~matplotlib.figure.Figure` on the Agg
canvas, made by :func:`new_figure` without pyplot, so drawing works headless, keeps no global
state and is safe from Solara's per-session threads. A :class:`Blitter` draws a figure's static
part (legends, axes, their labels) once and then only the artists that change each week;
:func:`encode` turns the pixels into the bytes the browser is sent.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import numpy as np
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
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
    artists on top and encodes the pixels as PNG. :meth:`invalidate` forces a full redraw (after
    axis limits changed).

    Args:
        figure: The figure, on an Agg canvas (:func:`new_figure`).
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
        return encode(self._render())

    def jpeg(self) -> bytes:
        """Return the figure as JPEG bytes (a live frame: about a quarter of PNG's encoding)."""
        return encode(self._render(), "jpeg")

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
