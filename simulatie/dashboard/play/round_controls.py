# ruff: noqa: N802  (Solara components are named like classes)
"""The facilitator's round buttons: open a round (with an optional timer), close it, who is late.

Closing a round runs its weeks at every table (a second or two); a round opened with a timer is
closed by the room when the time is up (:meth:`Room.open_round`). Beside the buttons: everyone
with a role who has not answered every decision yet, in one line. The buttons name the round
they act on (:func:`round_numbers`), counted from 1 as the room says them: before the first round
both say round 1. When the game has finished only the phase is left ("nabespreking").
"""

from __future__ import annotations

from collections.abc import Callable

import solara

from simulatie.workshop.play.session import Phase, PlayError, Session

from .participant import phase_text
from .room import Room
from .texts import say

__all__ = ["MAX_TIMER_MINUTES", "RoundControls", "WaitingList", "round_numbers", "timer_minutes"]

MAX_TIMER_MINUTES = 240.0
"""The longest round a timer may be set to (a workshop afternoon)."""


def timer_minutes(text: str) -> float | None:
    """The facilitator's typed time per round in minutes, or ``None`` if it is no such number.

    A Dutch decimal comma is read as a point ("1,5" is one and a half minutes); empty means no
    timer (0); negative, not finite or above :data:`MAX_TIMER_MINUTES` is refused.
    """
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        return 0.0
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if 0.0 <= value <= MAX_TIMER_MINUTES else None


def round_numbers(session: Session) -> tuple[int, int]:
    """The rounds the *open* and the *close* button act on, counted from 1.

    Before the first round and between rounds both name the next round; while a round is
    open, *close* names it; after the last round both name the last one (both are disabled).

    Returns:
        The round *Open round N* opens and the round *Close round N* closes.
    """
    if session.phase is Phase.OPEN:
        return min(session.round + 1, session.rounds), session.round
    if session.phase is Phase.FINISHED:
        return session.rounds, session.rounds
    return session.round + 1, session.round + 1


@solara.component
def WaitingList(room: Room, version: int, lang: str):
    """The names (as plain text) of those still choosing, with their table, in one line.

    Args:
        room: The room.
        version: The room's change counter.
        lang: Language of the labels.
    """
    waiting = room.waiting_for()
    if not waiting:
        solara.Text(say("nobody_waiting", lang), classes=["play-hint", "play-nobody-waiting"])
        return
    with solara.Row(gap="12px", style={"flex-wrap": "wrap", "align-items": "baseline"},
                    classes=["play-waiting"]):
        solara.Text(say("waiting_for", lang), classes=["play-label"])
        for person in waiting:
            with solara.Row(gap="4px", style={"align-items": "baseline"}):
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
    minutes = solara.use_reactive("0")  # as typed: "10", "1,5" or "1.5"
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
    if session.phase is Phase.FINISHED:
        return  # nothing left to open or close: the debrief's buttons take the buttons' place
    can_open = session.phase in (Phase.LOBBY, Phase.BETWEEN)
    opens, closes = round_numbers(session)
    typed = timer_minutes(minutes.value)
    with solara.Row(gap="12px", style={"align-items": "center", "flex-wrap": "wrap"}):
        solara.InputText(say("timer_minutes", lang), value=minutes, continuous_update=True,
                         classes=["play-minutes"], disabled=not can_open,
                         error=typed is None,
                         style={"max-width": "17rem"})
        solara.Button(say("open_round", lang, number=opens),
                      on_click=lambda: act(lambda: room.open_round(typed)),
                      disabled=not can_open or typed is None,
                      color="primary", classes=["play-open"])
        solara.Button(say("close_round", lang, number=closes),
                      on_click=lambda: act(room.close_round),
                      disabled=session.phase is not Phase.OPEN, classes=["play-close"])
    if typed is None:
        solara.Warning(say("timer_invalid", lang), classes=["play-refusal"])
    if refusal.value is not None:
        solara.Warning(refusal.value.text(lang), classes=["play-refusal"])
    if session.phase is Phase.OPEN:
        WaitingList(room, mark[0], lang)
