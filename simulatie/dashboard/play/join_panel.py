# ruff: noqa: N802  (Solara components are named like classes)
"""How to join, for the projector: the address, its QR code and the session's PIN.

Large while the room joins; once the first round has opened, a compact strip (a small QR code,
the address and the PIN in one block), so that the tables fit on the screen and a latecomer can
still join.
"""

from __future__ import annotations

import solara

from .qr import qr_png
from .room import Room
from .texts import say

__all__ = ["JoinPanel"]


@solara.component
def JoinPanel(room: Room, lang: str, compact: bool = False):
    """The join address (``http://HOST:PORT/join``) with its QR code, and the PIN.

    Args:
        room: The room (its settings hold the address the command printed).
        lang: Language of the labels.
        compact: The small version, for once the game has started.
    """
    url = room.settings.join_url
    code = solara.use_memo(lambda: qr_png(url), [url])
    size = "96px" if compact else "220px"
    classes = ["play-join-panel"] + (["play-join-compact"] if compact else [])
    with solara.Row(gap="16px" if compact else "24px", classes=classes,
                    style={"align-items": "center", "flex-wrap": "wrap"}):
        solara.Image(code, format="png", width=size, classes=["play-qr"])
        with solara.Column(gap="0px" if compact else "4px"):
            solara.Text(say("join_here", lang), classes=["play-label"])
            solara.Text(url, classes=["play-join-url"])
            with solara.Row(gap="10px", style={"align-items": "baseline"}):
                solara.Text(say("pin", lang), classes=["play-label"])
                solara.Text(room.session.pin, classes=["play-pin"])
