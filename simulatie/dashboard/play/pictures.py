"""A table's neighbourhood after a round, as the projector shows it: the map and the time series.

Both pictures come from :mod:`simulatie.dashboard.portrayal`, the same drawing as the run view
(:func:`~simulatie.dashboard.portrayal.draw_map`,
:func:`~simulatie.dashboard.portrayal.draw_series`). A table records only the metrics the game
compares (:data:`~simulatie.workshop.play.table.KEY_METRICS`) and runs without a baseline arm, so
the metrics the time series draws but the table did not record are passed as missing values: their
lines stay empty. This module does not import Solara.
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping, Sequence

from matplotlib.figure import Figure

from simulatie.workshop.play.table import Table

from ..portrayal import CARE_SERIES, draw_map, draw_series, to_png

__all__ = ["SERIES_METRICS", "figure_png", "padded", "table_pictures"]

SERIES_METRICS: tuple[str, ...] = (
    "caring_ties", "lonely_share", "ownership", *CARE_SERIES, "active_volunteers",
    "active_initiators",
)
"""The metrics the time series draws (besides the baseline, which a table does not run)."""


def padded(records: Sequence[Mapping[str, float]]) -> list[dict[str, float]]:
    """The records with every metric of :data:`SERIES_METRICS`, missing ones as NaN."""
    missing = dict.fromkeys(SERIES_METRICS, math.nan)
    return [{**missing, **row} for row in records]


def table_pictures(table: Table, lang: str, title: str) -> tuple[bytes, bytes]:
    """The table's map this week and its time series so far, as PNG bytes.

    Args:
        table: The table.
        lang: Language of the legends.
        title: The map's title.

    Returns:
        The map and the time series.
    """
    simulation = table.simulation
    neighbourhood = to_png(draw_map(simulation.model, lang, title))
    series = to_png(draw_series(padded(simulation.records), lang))
    return neighbourhood, series


def figure_png(figure: Figure, dpi: int = 90) -> bytes:
    """Any matplotlib figure (pyplot's or not) as PNG bytes."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
    return buffer.getvalue()
