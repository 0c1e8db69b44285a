# ruff: noqa: N802  (Solara components are named like classes)
"""One table on the projector: its roles and who plays them, and its neighbourhood after a round.

A role nobody present plays is played by "het model" / "the model" (the scenario's own values).
After each round the table's map and time series appear, drawn once by the room
(:meth:`Room.pictures`) with :mod:`simulatie.dashboard.portrayal`.
"""

from __future__ import annotations

import solara

from .room import Room
from .texts import say

__all__ = ["TablePanel"]


@solara.component
def TablePanel(room: Room, index: int, version: int, lang: str):
    """A table's roles, those without a role yet, and its pictures after the last round.

    Args:
        room: The room.
        index: The table (from 0).
        version: The room's change counter (the pictures are looked up again when it moves).
        lang: Language of the labels and the pictures.
    """
    pictures = solara.use_memo(lambda: room.pictures(index, lang), [index, version, lang])
    table = room.session.tables[index]
    people = room.people_at(index)
    with solara.Card(classes=["play-table", f"play-table-panel-{index + 1}"]):
        solara.Text(say("table", lang, number=index + 1), classes=["play-table-name"])
        for role, label, holder in room.session.roles_at(index, lang):
            with solara.Row(gap="8px", style={"align-items": "baseline", "flex-wrap": "wrap"},
                            classes=["play-role-row", f"play-row-{role.value}"]):
                solara.Text(f"{label}:", classes=["play-role-label"])
                if holder is None:
                    solara.Text(say("the_model", lang), classes=["play-model"])
                else:
                    solara.Text(holder, classes=["play-holder"])
        idle = [p.name for p in people if p.present and p.role is None]
        if idle:
            with solara.Row(gap="6px", style={"flex-wrap": "wrap"}, classes=["play-idle"]):
                solara.Text(say("without_role", lang), classes=["play-hint"])
                for name in idle:
                    solara.Text(name, classes=["play-idle-name"])
        if pictures is None:
            solara.Text(say("no_round_yet", lang), classes=["play-hint"])
            return
        last = table.rounds[-1]
        solara.Text(say("weeks", lang, first=last.weeks[0], last=last.weeks[1]),
                    classes=["play-hint"])
        neighbourhood, series = pictures
        with solara.Columns([11, 10], gutters_dense=True):
            solara.Image(neighbourhood, format="png", width="100%", classes=["play-map"])
            solara.Image(series, format="png", width="100%", classes=["play-series"])
