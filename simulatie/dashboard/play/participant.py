# ruff: noqa: N802  (Solara components are named like classes)
"""The participant's page at ``/join``: join, pick a role, choose each round, read how it went.

The page is built around the participant's token: without one it shows the join form
(:mod:`.join_form`); with one it shows the participant's name and table, their role
(:mod:`.role_picker`), the decisions of the open round (:mod:`.choices`) and their situation
(:mod:`.situation`); while a round is open the decisions come first, between rounds what happened
comes first. The token is kept in the page's address (``/join?t=TOKEN``, set by :mod:`.app`), so a
reload or a reopened tab finds the participant again and :mod:`.presence` puts them back at the
table (:meth:`Session.rejoin`); the page's heartbeat (:func:`~.presence.Heartbeat`) keeps them
present while it lives. A token the server does not know (the server was restarted) shows the
session's message and the join form.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

import solara

from simulatie.workshop.play.session import Phase, PlayError

from .choices import Choices
from .join_form import JoinForm
from .live import use_room
from .presence import Heartbeat, device_id, use_presence
from .role_picker import RolePicker
from .room import NO_TABLE, Room
from .situation import Situation
from .texts import say

__all__ = ["ParticipantScreen", "phase_text"]


def phase_text(room: Room, lang: str) -> str:
    """Where the game is, in one sentence."""
    session = room.session
    key = {Phase.LOBBY: "phase_lobby", Phase.OPEN: "phase_open", Phase.BETWEEN: "phase_between",
           Phase.FINISHED: "phase_finished"}[session.phase]
    text = say(key, lang, number=session.round, total=session.rounds)
    left = room.time_left()
    if left is not None:
        whole = int(left)
        text += " " + say("seconds_left", lang, minutes=whole // 60, seconds=whole % 60)
    return text


@solara.component
def ParticipantScreen(room: Room, token: str | None, on_token: Callable[[str | None], None],
                      lang: str):
    """One participant's page.

    Args:
        room: The room.
        token: The participant's token from the page's address, or ``None``.
        on_token: Called with a new participant's token (after joining).
        lang: Language of the page.
    """
    page = solara.use_memo(lambda: secrets.token_hex(8), [])
    device = solara.use_memo(lambda: device_id() or page, [page])
    person = room.find(token)
    # the page follows its own table only: another table's clicks do not redraw it
    mark, refresh = use_room(room, person.table if person else NO_TABLE)
    version = mark[0]
    beat = use_presence(room, token, page)

    if person is None:
        if token:
            solara.Warning(PlayError("unknown_participant").text(lang),
                           classes=["play-unknown"])
        JoinForm(room, device, on_join=on_token, lang=lang)
        return

    Heartbeat(beat).key("heartbeat")

    with solara.Row(gap="6px", style={"align-items": "baseline", "flex-wrap": "wrap"},
                    classes=["play-me"]):
        solara.Text(say("welcome", lang), classes=["play-label"])
        solara.Text(person.name, classes=["play-name"])
        solara.Text("·", classes=["play-hint"])
        solara.Text(say("table", lang, number=person.table + 1), classes=["play-my-table"])
    solara.Text(phase_text(room, lang), classes=["play-phase"])
    if room.session.phase is Phase.FINISHED:
        solara.Info(PlayError("finished").text(lang), classes=["play-finished"])
    # keyed: the message above comes and goes, and must not make these start afresh
    RolePicker(room, person, version, refresh, lang).key("role")
    if room.session.phase is Phase.OPEN:
        Choices(room, person, version, refresh, lang).key("choices")
        Situation(room, person, version, lang).key("situation")
    else:  # between rounds what happened comes first; what was chosen below it
        Situation(room, person, version, lang).key("situation")
        Choices(room, person, version, refresh, lang).key("choices")
