# ruff: noqa: N802  (Solara components are named like classes)
"""How to join, for the projector: the address, its QR code and the session's PIN in large type."""

from __future__ import annotations

import solara

from .qr import qr_png
from .room import Room
from .texts import say

__all__ = ["JoinPanel"]


@solara.component
def JoinPanel(room: Room, lang: str):
    """The join address (``http://HOST:PORT/join``) with its QR code, and the PIN.

    Args:
        room: The room (its settings hold the address the command printed).
        lang: Language of the labels.
    """
    url = room.settings.join_url
    code = solara.use_memo(lambda: qr_png(url), [url])
    with solara.Row(gap="24px", style={"align-items": "center", "flex-wrap": "wrap"},
                    classes=["play-join-panel"]):
        solara.Image(code, format="png", width="220px", classes=["play-qr"])
        with solara.Column(gap="4px"):
            solara.Text(say("join_here", lang), classes=["play-label"])
            solara.Text(url, classes=["play-join-url"])
            solara.Text(say("pin", lang), classes=["play-label"])
            solara.Text(room.session.pin, classes=["play-pin"])
