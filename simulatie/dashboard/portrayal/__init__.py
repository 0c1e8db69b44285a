"""How the neighbourhood and its weekly numbers are drawn: matplotlib figures, no Solara.

The map (:mod:`.neighbourhood_map`) shows every home coloured by its resident's group, with a
marker shape for how the resident is doing this week (:class:`ResidentState`), the meeting
places, the professionals, and the ties between homes: thin grey lines for friendly ties and
thick purple lines for caring ties, so a viewer sees a caring community form (or fall apart)
week by week. The time-series figure (:mod:`.time_series`) shows caring ties, loneliness and
ownership, care hours by source with the unmet part, and the active volunteers and initiators,
with labels from :data:`simulatie.core.observe.metrics.METRICS`. Both share one palette
(:mod:`.style`) and are turned into image frames by :mod:`.frames`; a screen with several
neighbourhoods draws them without their legends and shows one legend strip (:mod:`.legend`).

Figures are drawn on matplotlib's Agg canvas without pyplot, so this package works headless,
keeps no global state and is safe to call from Solara's per-session threads.
:mod:`simulatie.dashboard.run` keeps a map and a time-series painter per run and language, and
the views show their JPEG frames.
"""

from __future__ import annotations

from .frames import to_png
from .legend import legend_strip
from .neighbourhood_map import (
    IN_NEED_HOURS,
    MapPainter,
    ResidentState,
    draw_map,
    resident_states,
)
from .style import CARE_COLOURS, GROUP_COLOURS
from .time_series import (
    BASELINE_LINES,
    CARE_SERIES,
    SeriesPainter,
    draw_series,
    nice_ceiling,
    series_limits,
)

__all__ = [
    "BASELINE_LINES",
    "CARE_COLOURS",
    "CARE_SERIES",
    "GROUP_COLOURS",
    "IN_NEED_HOURS",
    "MapPainter",
    "ResidentState",
    "SeriesPainter",
    "draw_map",
    "draw_series",
    "legend_strip",
    "nice_ceiling",
    "resident_states",
    "series_limits",
    "to_png",
]
