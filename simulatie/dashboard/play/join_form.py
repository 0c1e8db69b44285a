# ruff: noqa: N802  (Solara components are named like classes)
"""The participant's first step: the PIN from the big screen, a first name and a table.

A refused try (wrong PIN, no name, too many wrong PINs from this device) shows the session's own
one-line message and changes nothing; a good one hands the new participant's token to the page,
which puts it in the address (``/join?t=TOKEN``) so a reload finds the participant again. The PIN
field asks a phone for its number pad (``inputmode="numeric"``).
"""

from __future__ import annotations

from collections.abc import Callable

import solara

from simulatie.workshop.play.session import PlayError

from .room import Room
from .texts import say

__all__ = ["PIN_ATTRIBUTES", "JoinForm"]

PIN_ATTRIBUTES = {"inputmode": "numeric", "pattern": "[0-9]*", "autocomplete": "off"}
"""Attributes of the PIN's input element: a phone shows its number pad, not a full keyboard."""


@solara.component
def JoinForm(room: Room, device: str, on_join: Callable[[str], None], lang: str):
    """PIN, first name and (with more than one table) the table, then *Join*.

    Args:
        room: The room.
        device: This browser's identifier (wrong PINs are counted per device).
        on_join: Called with the new participant's token.
        lang: Language of the labels and messages.
    """
    pin = solara.use_reactive("")
    name = solara.use_reactive("")
    table = solara.use_reactive(0)
    refusal = solara.use_reactive(None)
    tables = len(room.session.tables)

    def join() -> None:
        try:
            person = room.join(pin.value, name.value, table.value, device)
        except PlayError as problem:
            refusal.set(problem)
            return
        refusal.set(None)
        on_join(person.token)

    with solara.Column(gap="8px", classes=["play-join-form"]):
        solara.v.TextField(label=say("pin", lang), v_model=pin.value,
                           on_v_model=lambda text: pin.set(text or ""),
                           attributes=PIN_ATTRIBUTES, class_="play-pin-input")
        solara.InputText(say("your_name", lang), value=name, continuous_update=True,
                         classes=["play-name-input"])
        if tables > 1:
            solara.Text(say("which_table", lang), classes=["play-label"])
            solara.ToggleButtonsSingle(
                value=table.value, on_value=lambda v: table.set(int(v or 0)),
                classes=["play-tables"],
                children=[solara.Button(say("table", lang, number=i + 1), value=i,
                                        classes=[f"play-table-{i + 1}"])
                          for i in range(tables)],
            )
        solara.Button(say("join", lang), on_click=join, color="primary",
                      classes=["play-join"])
        if refusal.value is not None:
            solara.Warning(refusal.value.text(lang), classes=["play-refusal"])
