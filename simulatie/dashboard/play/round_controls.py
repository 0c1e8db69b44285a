# ruff: noqa: N802  (Solara components are named like classes)
"""The facilitator's round buttons: open a round (with an optional timer), close it, who is late.

Closing a round runs its weeks at every table (a second or two); a round opened with a timer is
closed by the room when the time is up (:meth:`Room.open_round`). Below the buttons: everyone
with a role who has not answered every decision yet.
"""

from __future__ import annotations

from collections.abc import Callable

import solara

from simulatie.workshop.play.session import Phase, PlayError

from .participant import phase_text
from .room import Room
from .texts import say

__all__ = ["RoundControls", "WaitingList"]


@solara.component
def WaitingList(room: Room, version: int, lang: str):
    """The names (as plain text) of those still choosing, with their table.

    Args:
        room: The room.
        version: The room's change counter.
        lang: Language of the labels.
    """
    waiting = room.waiting_for()
    if not waiting:
        solara.Text(say("nobody_waiting", lang), classes=["play-hint", "play-nobody-waiting"])
        return
    solara.Text(say("waiting_for", lang), classes=["play-label"])
    with solara.Column(gap="2px", classes=["play-waiting"]):
        for person in waiting:
            with solara.Row(gap="6px", style={"align-items": "baseline"}):
                solara.Text(person.name, classes=["play-waiting-name"])
                solara.Text(f"({say('table', lang, number=person.table + 1)})",
                            classes=["play-hint"])


@solara.component
def RoundControls(room: Room, mark: tuple[int, int | None], on_change: Callable[[], None],
                  lang: str):
    """The phase, the timer, *Open round* and *Close round*, and who we are waiting for.

    Args:
        room: The room.
        mark: The room's change counter and the timer's seconds left (the phase, the clock and
            the waiting list follow it).
        on_change: Called after a round opened or closed (redraws the screen at once).
        lang: Language of the labels.
    """
    minutes = solara.use_reactive(0.0)
    refusal = solara.use_reactive(None)
    session = room.session

    def act(action) -> None:
        try:
            action()
        except PlayError as problem:
            refusal.set(problem)
            return
        refusal.set(None)
        on_change()

    solara.Text(phase_text(room, lang), classes=["play-phase"])
    can_open = session.phase in (Phase.LOBBY, Phase.BETWEEN)
    with solara.Row(gap="12px", style={"align-items": "center", "flex-wrap": "wrap"}):
        solara.InputFloat(say("timer_minutes", lang), value=minutes, continuous_update=True,
                          classes=["play-minutes"], disabled=not can_open)
        solara.Button(say("open_round", lang, number=session.round + 1),
                      on_click=lambda: act(lambda: room.open_round(minutes.value)),
                      disabled=not can_open, color="primary", classes=["play-open"])
        solara.Button(say("close_round", lang, number=session.round),
                      on_click=lambda: act(room.close_round),
                      disabled=session.phase is not Phase.OPEN, classes=["play-close"])
    if refusal.value is not None:
        solara.Warning(refusal.value.text(lang), classes=["play-refusal"])
    if session.phase is Phase.OPEN:
        WaitingList(room, mark[0], lang)
