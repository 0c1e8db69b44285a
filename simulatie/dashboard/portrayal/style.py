"""The pictures' palette and type size, in one place so the map and the time series agree.

The map's group colours are Okabe & Ito's colour-blind-safe palette; the purple of a caring tie
is the same on the map, in the map's count and in the time series.
"""

from __future__ import annotations

from simulatie.core.state.groups import Group

__all__ = [
    "CARE_COLOURS",
    "CARING_COLOUR",
    "CELL_COLOURS",
    "FONT_SIZE",
    "FRIENDLY_COLOUR",
    "GROUP_COLOURS",
    "LONELY_COLOUR",
    "PLACE_COLOUR",
    "PROFESSIONAL_COLOUR",
]

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

LONELY_COLOUR = "#6d597a"

CARE_COLOURS = ("#2a9d8f", "#8ab17d", "#e9c46a", "#577590", "#e76f51")
"""One colour per care-hour band of the time series (:data:`~.time_series.CARE_SERIES`)."""

FONT_SIZE = 15  # legible on a projector at the dashboard's image width
