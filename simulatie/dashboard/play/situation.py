# ruff: noqa: N802  (Solara components are named like classes)
"""The participant's own situation in plain words, after each round.

The words come from :func:`simulatie.workshop.play.words.situation` (through
:meth:`Room.situation`); each sentence is shown as plain text.
"""

from __future__ import annotations

import solara

from simulatie.workshop.play.session import Participant

from .room import Room
from .texts import say

__all__ = ["Situation"]


@solara.component
def Situation(room: Room, person: Participant, version: int, lang: str):
    """How the participant is doing: one line per sentence, or a hint before the first round.

    Args:
        room: The room.
        person: The participant.
        version: The room's change counter (the words are made again when it moves).
        lang: Language of the words.
    """
    lines = solara.use_memo(lambda: room.situation(person.token, lang),
                            [person.token, version, lang])
    solara.Text(say("situation", lang), classes=["play-heading"])
    if not lines:
        solara.Text(say("situation_missing", lang), classes=["play-hint"])
        return
    with solara.Column(gap="4px", classes=["play-situation"]):
        for line in lines:
            solara.Text(line, classes=["play-situation-line"])
