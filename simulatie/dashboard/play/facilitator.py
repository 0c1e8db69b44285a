# ruff: noqa: N802  (Solara components are named like classes)
"""The facilitator's screen, for the projector: how to join, the rounds, every table, the debrief.

Top: the join address with its QR code and the PIN (:mod:`.join_panel`) beside the round buttons
and who we are waiting for (:mod:`.round_controls`). Below: one card per table with its roles,
who plays them and its neighbourhood after the last round (:mod:`.table_panel`). When the last
round has been played, the debrief (:mod:`.debrief_panel`) comes first.
"""

from __future__ import annotations

import solara

from simulatie.workshop.play.session import Phase

from .debrief_panel import DebriefPanel
from .join_panel import JoinPanel
from .live import use_room
from .room import Room
from .round_controls import RoundControls
from .table_panel import TablePanel

__all__ = ["FacilitatorScreen"]


@solara.component
def FacilitatorScreen(room: Room, lang: str):
    """The whole room on one screen.

    Args:
        room: The room.
        lang: Language of the screen.
    """
    mark, refresh = use_room(room)
    version = mark[0]
    # the tables' first drawings are the slow ones: make them before the first round closes
    solara.use_effect(lambda: room.prepare_pictures(lang), [room, lang])
    with solara.Columns([1, 1], gutters_dense=True):
        JoinPanel(room, lang)
        with solara.Column(gap="8px", classes=["play-rounds"]):
            RoundControls(room, mark, refresh, lang)
    if room.session.phase is Phase.FINISHED:
        DebriefPanel(room, version, lang).key("debrief")
    with solara.Column(gap="12px", classes=["play-tables-panel"]).key("tables"):
        for index in range(len(room.session.tables)):
            TablePanel(room, index, version, lang).key(f"table-{index}")
