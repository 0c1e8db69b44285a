# ruff: noqa: N802  (Solara components are named like classes)
"""The end of the game on the projector: per table its lines and its panel, and a summary to save.

The debrief compares each table with the same neighbourhood left to the model
(:func:`simulatie.workshop.play.debrief.debrief`) and, if the facilitator picks one, with another
scenario's policy in the same neighbourhood (:class:`PolicyPicker`); it is computed once per
language and policy in a background thread (:meth:`Room.summary`). Each table gets a card in the
same grid as during the rounds (:func:`~.table_panel.grid_shape`): its result in a sentence in
procentpunt against the model (the baseline, named in every sentence and in the panel's legend),
the three choices that mattered with their effect in procentpunt in front, and its panel in
percent; the myths those choices touch follow below. The policy picker and *Save summary*
(:class:`DebriefBar`) stand at the top, where the round buttons were; *Save summary* writes the
HTML and PDF summary in Dutch or English (:meth:`Room.export`) and says where.
"""

from __future__ import annotations

import solara
import solara.lab

from simulatie.experiment.scenario_paths import available
from simulatie.experiment.scenarios import ScenarioError

from .room import Room, TableSummary
from .table_panel import grid_shape
from .texts import say

__all__ = ["DEBRIEF_TOP_PIXELS", "DebriefBar", "DebriefCard", "DebriefPanel", "ExportButtons",
           "PolicyPicker", "debrief_rows", "export_message"]

DEBRIEF_TOP_PIXELS = 200
"""What the debrief shows above the tables' cards, in CSS pixels: the title, the phase with the
policy and the buttons, and the margins (the myths below the cards may need a scroll)."""


def debrief_rows(rows: int, top: int = DEBRIEF_TOP_PIXELS) -> str:
    """The CSS ``grid-auto-rows`` of the debrief's cards: the screen's height left per row.

    A card is at least that tall and grows when its sentences need more room; inside it the
    panel takes what the sentences leave (``.play-debrief-picture`` is a flexible item), so
    that more sentences (a policy to compare with) make the panel smaller, not the card taller.

    Args:
        rows: Rows of cards (:func:`~.table_panel.grid_shape`).
        top: What the screen shows above the cards, in CSS pixels.
    """
    return f"minmax(calc((100vh - {top}px) / {rows} - 8px), auto)"


def export_message(room: Room, summary_lang: str, lang: str) -> tuple[str, str]:
    """Write the summary in ``summary_lang`` and say, in ``lang``, where or what went wrong.

    Returns:
        ``("success", text)`` or ``("error", text)``.
    """
    try:
        written = room.export(summary_lang)
    except (OSError, RuntimeError, ValueError) as problem:
        return ("error", say("export_failed", lang, problem=problem))
    paths = ", ".join(str(path) for path in written.values())
    return ("success", f"{say('exported', lang)} {paths}")


@solara.component
def ExportButtons(room: Room, lang: str):
    """*Save summary (Dutch)* and *(English)*, and the files written or the problem.

    Writing plays the tables' choices again (a few seconds), so it runs in a background thread
    and the screen shows a progress bar meanwhile.
    """
    request = solara.use_reactive(None)  # (summary language, press count)
    result = solara.lab.use_task(
        lambda: None if request.value is None else export_message(room, request.value[0], lang),
        dependencies=[request.value], prefer_threaded=True)

    def press(code: str) -> None:
        count = 0 if request.value is None else request.value[1]
        request.set((code, count + 1))

    with solara.Row(gap="12px", style={"flex-wrap": "wrap", "align-items": "center"}):
        for code in ("nl", "en"):
            solara.Button(say(f"export_{code}", lang), on_click=lambda c=code: press(c),
                          icon_name="mdi-content-save", outlined=True, small=True,
                          disabled=result.pending, classes=[f"play-export-{code}"])
    if result.pending:
        solara.ProgressLinear(True)
    elif result.finished and result.value is not None:
        kind, text = result.value
        (solara.Success if kind == "success" else solara.Error)(text, classes=["play-exported"],
                                                                dense=True)


@solara.component
def PolicyPicker(room: Room, lang: str):
    """Which scenario's policy the debrief also compares with, or none.

    A scenario that sets every lever as the session does, or that cannot be read, is refused
    with its message; the comparison stays as it was.
    """
    session = room.session
    none = say("compare_none", lang)
    names = [name for name in available() if name != session.scenario]
    current = session.alternative.name if session.alternative else none
    problem = solara.use_reactive(None)

    def pick(name: str) -> None:
        try:
            room.compare_with(None if name == none else name)
            problem.set(None)
        except (ScenarioError, ValueError) as refusal:
            problem.set(str(refusal))

    with solara.v.Sheet(style_="min-width: 22rem", elevation=0):
        solara.Select(label=say("compare_label", lang), values=[none, *names], value=current,
                      on_value=pick, classes=["play-compare"])
    if problem.value:
        solara.Warning(problem.value, classes=["play-compare-problem"])


@solara.component
def DebriefCard(table: TableSummary, lang: str):
    """One table's debrief: its name, its result, its choices with their effect, its panel."""
    with solara.Card(classes=["play-table", "play-debrief-table"]):
        solara.Text(table.name, classes=["play-table-name"])
        with solara.Column(gap="2px", classes=["play-debrief"]):
            for line in table.results:
                solara.Text(line, classes=["play-debrief-line", "play-debrief-result"])
            if table.choices:
                solara.Text(say("debrief_choices", lang), classes=["play-hint"])
            for what, effect in table.choices:
                with solara.Row(gap="10px", style={"align-items": "baseline"}):
                    solara.Text(effect, classes=["play-debrief-effect"])
                    solara.Text(what, classes=["play-debrief-line", "play-debrief-choice"])
        # the panel fills what the sentences leave of the card (see the CSS in .app)
        solara.v.Sheet(class_="play-debrief-picture", elevation=0, children=[
            solara.Image(table.figure, format="png", classes=["play-debrief-figure"])])


@solara.component
def DebriefBar(room: Room, lang: str):
    """The debrief's buttons, beside the phase at the top: the policy to compare with, save.

    Args:
        room: The room (the game has finished).
        lang: Language of the labels.
    """
    with solara.Row(gap="24px", classes=["play-debrief-bar"],
                    style={"align-items": "center", "flex-wrap": "wrap"}):
        PolicyPicker(room, lang)
        ExportButtons(room, lang)


@solara.component
def DebriefPanel(room: Room, version: int, lang: str):
    """The debrief: every table's card in the projector's grid, then the myths.

    Args:
        room: The room (the game has finished).
        version: The room's change counter.
        lang: Language of the debrief.
    """
    alternative = room.session.alternative
    result = solara.lab.use_task(lambda: room.summary(lang),
                                 dependencies=[lang, alternative.name if alternative else None],
                                 prefer_threaded=True)
    summary = result.value if result.finished else None
    if summary is None:
        solara.Text(say("debrief_busy", lang), classes=["play-hint", "play-debrief-busy"])
        solara.ProgressLinear(True)
        return
    if summary.problem is not None:
        solara.Warning(summary.problem, classes=["play-debrief-problem"])
        return
    columns, rows = grid_shape(len(summary.tables))
    style = (f"grid-template-columns: repeat({columns}, minmax(0, 1fr)); "
             f"grid-auto-rows: {debrief_rows(rows)};")
    solara.v.Sheet(class_="play-grid play-debrief-grid", style_=style, elevation=0, children=[
        DebriefCard(table, lang).key(f"debrief-{index}")
        for index, table in enumerate(summary.tables)])
    if summary.myths:
        with solara.Column(gap="0px", classes=["play-debrief-myths"]):
            solara.Text(say("debrief_myths", lang), classes=["play-label"])
            for line in summary.myths:
                solara.Text(line, classes=["play-debrief-line", "play-debrief-myth"])
