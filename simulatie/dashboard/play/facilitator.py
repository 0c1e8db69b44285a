# ruff: noqa: N802  (Solara components are named like classes)
"""The facilitator's screen, for the projector: how to join, the rounds, every table, the debrief.

It is laid out for one screen of 1600 × 1000 without scrolling. Top: the join address with its QR
code and the PIN (:mod:`.join_panel`; large while the room joins, a compact strip once the first
round has opened) beside the round buttons and who we are waiting for (:mod:`.round_controls`).
Below: the tables in a grid of cards, each with its roles, who plays them and its neighbourhood
after the last round, and one legend for all pictures (:mod:`.table_panel`). When the last round
has been played, the join strip and the round buttons give way to the debrief's own (the policy
to compare with, the summary to save) and the debrief (:mod:`.debrief_panel`) takes the tables'
place, in the same grid; the tables' last pictures fold open below it.
"""

from __future__ import annotations

import solara

from simulatie.workshop.play.session import Phase

from .debrief_panel import DebriefBar, DebriefPanel
from .join_panel import JoinPanel
from .live import use_room
from .room import Room
from .round_controls import RoundControls
from .table_panel import TableGrid
from .texts import say

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
    phase = room.session.phase
    finished = phase is Phase.FINISHED
    with solara.Row(gap="32px", classes=["play-top"],
                    style={"align-items": "flex-start", "flex-wrap": "wrap"}):
        if not finished:  # nobody joins any more once the game has ended
            JoinPanel(room, lang, compact=phase is not Phase.LOBBY)
        with solara.Column(gap="4px", classes=["play-rounds"], style={"flex": "1 1 30rem"}):
            RoundControls(room, mark, refresh, lang)
            if finished:
                DebriefBar(room, lang)
    if finished:
        DebriefPanel(room, version, lang).key("debrief")
        solara.Details(summary=say("neighbourhoods", lang), children=[
            TableGrid(room, version, lang).key("tables")])
    else:
        TableGrid(room, version, lang).key("tables")
