# ruff: noqa: N802  (Solara components are named like classes)
"""Picking a role at one's table: the five roles, those played by someone else disabled.

Two people may press the same free role at the same moment; the session gives it to the first
and refuses the second with a friendly message naming who plays it
(:class:`~simulatie.workshop.play.session.PlayError`), shown here.
"""

from __future__ import annotations

from collections.abc import Callable

import solara

from simulatie.workshop.play.decisions import PlayRole, role_label
from simulatie.workshop.play.session import Participant, PlayError

from .room import Room
from .texts import say

__all__ = ["RolePicker"]


@solara.component
def RolePicker(room: Room, person: Participant, version: int, on_change: Callable[[], None],
               lang: str):
    """The participant's role, or the roles at their table to pick from.

    Args:
        room: The room.
        person: The participant.
        version: The room's change counter (a change elsewhere redraws the roles).
        on_change: Called after the role changed (redraws the page at once).
        lang: Language of the labels.
    """
    picking = solara.use_reactive(False)
    refusal = solara.use_reactive(None)

    def claim(role: PlayRole) -> None:
        try:
            room.claim(person.token, role)
        except PlayError as problem:
            refusal.set(problem)
            return
        refusal.set(None)
        picking.set(False)
        on_change()

    if person.role is not None and not picking.value:
        with solara.Row(gap="8px", style={"align-items": "center", "flex-wrap": "wrap"},
                        classes=["play-my-role"]):
            solara.Text(say("your_role", lang), classes=["play-label"])
            solara.Text(role_label(person.role, lang), classes=["play-role-name"])
            solara.Button(say("other_role", lang), on_click=lambda: picking.set(True),
                          text=True, classes=["play-other-role"])
        return

    solara.Text(say("pick_role", lang), classes=["play-heading"])
    for role, label, holder in room.session.roles_at(person.table, lang):
        taken = holder is not None and role is not person.role
        with solara.Row(gap="8px", style={"align-items": "center", "flex-wrap": "wrap"}):
            solara.Button(label, on_click=lambda r=role: claim(r), disabled=taken,
                          outlined=True, classes=["play-role", f"play-role-{role.value}"])
            if taken:
                solara.Text(say("played_by", lang), classes=["play-hint"])
                solara.Text(holder, classes=["play-holder"])
    if refusal.value is not None:
        solara.Warning(refusal.value.text(lang), classes=["play-refusal"])
