# ruff: noqa: N802  (Solara components are named like classes)
"""The tables on the projector: a grid of cards, each with its roles and its neighbourhood.

A role nobody present plays is played by "het model" / "the model" (the scenario's own values).
After each round a table's map and time series appear, drawn once by the room
(:meth:`Room.pictures`) with :mod:`simulatie.dashboard.portrayal`, compact and without their own
legends; one legend for all tables is shown below the grid.

The grid is sized for one screen (a 1600 × 1000 projector): :func:`grid_shape` puts the tables in
rows and columns, and the pictures' height is what the screen has left per row
(:func:`picture_height`), so that four tables with their pictures fit without scrolling.
"""

from __future__ import annotations

import math
import struct

import solara

from .room import Room
from .texts import capitalised, say

__all__ = ["TOP_PIXELS", "TableGrid", "TablePanel", "grid_shape", "picture_height", "png_aspect"]

TOP_PIXELS = 310
"""What the projector shows above and below the tables' pictures, in CSS pixels: the title,
the join strip and round buttons, the legend strip and the margins."""

CARD_PIXELS = 86
"""A table card without its pictures: its name and its roles in one or two lines."""

_COLUMNS = {1: 1, 2: 2, 3: 3, 4: 2, 5: 3, 6: 3, 7: 4, 8: 4, 9: 3}
"""Columns for a number of tables: as few rows as the pictures allow, rows filled evenly."""


def grid_shape(tables: int) -> tuple[int, int]:
    """The projector's grid for this many tables, as ``(columns, rows)``."""
    columns = _COLUMNS.get(tables, 4)
    return columns, math.ceil(tables / columns)


def png_aspect(image: bytes) -> float:
    """A PNG's width divided by its height, read from its header."""
    width, height = struct.unpack(">II", image[16:24])
    return width / height if height else 1.0


def picture_height(rows: int, top: int = TOP_PIXELS, card: int = CARD_PIXELS) -> str:
    """The CSS height of a table's pictures: the screen's height left per row of cards."""
    return f"max(120px, calc((100vh - {top}px) / {rows} - {card}px))"


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
        with solara.Row(gap="12px", style={"align-items": "baseline"}):
            solara.Text(say("table", lang, number=index + 1), classes=["play-table-name"])
            if pictures is not None:
                last = table.rounds[-1]
                solara.Text(say("after_round", lang, round=last.number, first=last.weeks[0],
                                last=last.weeks[1]), classes=["play-hint", "play-weeks"])
        with solara.Row(gap="14px", classes=["play-roles"],
                        style={"align-items": "baseline", "flex-wrap": "wrap"}):
            for role, label, holder in room.session.roles_at(index, lang):
                with solara.Row(gap="4px", style={"align-items": "baseline"},
                                classes=["play-role-row", f"play-row-{role.value}"]):
                    solara.Text(f"{capitalised(label)}:", classes=["play-role-label"])
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
        neighbourhood, series = pictures
        # side by side, each as wide as its shape needs at the row's height
        columns = f"{png_aspect(neighbourhood):.3f}fr {png_aspect(series):.3f}fr"
        solara.v.Sheet(class_="play-table-pictures", elevation=0,
                       style_=f"grid-template-columns: {columns};", children=[
                           solara.Image(neighbourhood, format="png", classes=["play-map"]),
                           solara.Image(series, format="png", classes=["play-series"])])


@solara.component
def TableGrid(room: Room, version: int, lang: str):
    """Every table's card in a grid that fits the screen, and below it the pictures' legend.

    Args:
        room: The room.
        version: The room's change counter.
        lang: Language of the labels and the pictures.
    """
    count = len(room.session.tables)
    columns, rows = grid_shape(count)
    legend = solara.use_memo(lambda: room.drawings.legend(lang), [lang])
    style = (f"grid-template-columns: repeat({columns}, minmax(0, 1fr)); "
             f"--play-picture-height: {picture_height(rows)};")
    # a Sheet rather than a plain div: a test's widget finder looks inside it
    solara.v.Sheet(class_="play-grid play-tables-panel", style_=style, elevation=0, children=[
        TablePanel(room, index, version, lang).key(f"table-{index}") for index in range(count)])
    if any(table.rounds for table in room.session.tables):
        solara.Image(legend, format="png", classes=["play-legend"])
