# ruff: noqa: N802  (Solara components are named like classes)
"""The *Myths* view of the workshop: a myth's claim next to the model's answer to it.

Pick one of the seven myths and press one button: the view shows the same answer as
``simulatie myth N`` (:func:`simulatie.workshop.handout.myth_answer`), shipped with the package
for the myth's own settings and computed in a background thread when a lever was moved. The
levers offered are the ones of the myth's counter-assumption (:func:`myth_levers`); an answer
that no longer matches the settings or the language is marked as such.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import solara
import solara.lab

from simulatie.workshop import handout
from simulatie.workshop.myths import MYTHS, MythError, load_myth
from simulatie.workshop.texts import MYTH_TEXTS, TEMPLATES

from . import controls as ctl
from .control_widgets import ControlWidget
from .prose import Prose
from .translations import t

__all__ = ["MythAnswerBox", "MythPicker", "WorkshopView", "myth_levers", "show_levers"]


@cache
def myth_levers(number: int) -> tuple[tuple[str, Any], ...]:
    """The settings that matter for a myth, with the value its default runs use.

    These are the levers of the myth's counter-assumption (``[counter]`` in
    ``experiments/myths/myth_<n>.toml``): the assumptions under which the myth would hold. They
    are passed to :func:`simulatie.workshop.handout.myth_answer` as ``overrides``, which apply to
    both arms, so moving one asks "and what if this neighbourhood were like that?". The arms' own
    levers are not offered: setting one would make both arms identical (see
    :mod:`simulatie.workshop.myths`).

    Args:
        number: The myth, 1 to 7.

    Returns:
        ``(parameter name, value in the myth's default runs)`` per lever.
    """
    myth = load_myth(number)
    start = myth.points()["myth", False]
    return tuple((name, start[name]) for name in myth.counter if name in ctl.controls())


def _claim(number: int, lang: str) -> str:
    return str(MYTH_TEXTS[number][lang]["claim"])


def _figure_png(figure: Any) -> bytes:
    import io

    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110)
    plt.close(figure)
    return buffer.getvalue()


@dataclass(frozen=True)
class _Answer:
    """What the workshop view shows of one computed answer (and what it was asked)."""

    number: int
    lang: str
    overrides: tuple[tuple[str, Any], ...]
    conclusion: str
    numbers: str
    counter_conclusion: str
    robustness: tuple[str, ...]
    side_effects: tuple[str, ...]
    questions: tuple[str, ...]
    png: bytes


def _ask(number: int, lang: str, overrides: Mapping[str, Any]) -> _Answer:
    # the full answer, as on the command line: shipped for the defaults, computed otherwise
    answer = handout.myth_answer(number, lang, overrides=dict(overrides) or None, shipped=True)
    return _Answer(
        number=number, lang=lang, overrides=tuple(sorted(overrides.items())),
        conclusion=answer.conclusion, numbers=answer.default.numbers,
        counter_conclusion=answer.counter_conclusion, robustness=tuple(answer.robustness),
        side_effects=tuple(answer.side_effects), questions=tuple(answer.questions),
        png=_figure_png(answer.figure),
    )


@solara.component
def MythPicker(number: int, on_pick: Callable[[int | None], None], on_ask: Callable[[], Any],
               busy: bool, lang: str):
    """The list of myths by their claim, and the button that asks the model."""
    with solara.Row(gap="16px", style={"flex-wrap": "wrap", "align-items": "center"}):
        with solara.Column(style={"min-width": "360px", "flex": "3"}):
            solara.v.Select(
                label=t("myth_pick", lang), v_model=number, on_v_model=on_pick,
                items=[{"text": f"{n}. {_claim(n, lang)}", "value": n} for n in MYTHS],
                class_="sim-myth-pick", hide_details=True,
            )
        solara.Button(t("myth_ask", lang), on_click=on_ask, color="primary",
                      classes=["sim-myth-ask"], disabled=busy,
                      icon_name="mdi-play")


def show_levers(levers: tuple[tuple[str, Any], ...], values: Mapping[str, Any],
                on_value: Callable[[str, Any], None], lang: str) -> None:
    """Show the myth's levers, each marked when moved from the myth's own value.

    A plain function, called while :func:`WorkshopView` renders: its elements land in the view
    itself, as they always did.

    Args:
        levers: ``(parameter name, value in the myth's default runs)`` (:func:`myth_levers`).
        values: The levers' current values by name.
        on_value: Called with a lever's name and its new value.
        lang: Language of the labels.
    """
    all_controls = ctl.controls()
    solara.Text(t("myth_levers", lang), classes=["sim-hint"])
    with solara.Row(gap="24px", style={"flex-wrap": "wrap"}):
        for name, start in levers:
            with solara.Column(style={"min-width": "260px", "flex": "1"}):
                ControlWidget(
                    control=all_controls[name], value=values.get(name, start),
                    on_value=lambda v, name=name: on_value(name, v),
                    lang=lang, changed=values.get(name, start) != start,
                )


@solara.component
def MythAnswerBox(claim: str, result: _Answer | None, current: bool, lang: str):
    """The claim beside the model's answer (or how to get one), marked when it is stale."""
    with solara.Columns([2, 3], gutters_dense=True):
        with solara.Column(classes=["sim-myth-claim-box"]):
            solara.Text(t("myth_claim", lang), classes=["sim-heading"])
            solara.Text(f"“{claim}”", classes=["sim-myth-claim"])
        with solara.Column(classes=["sim-myth-answer-box"]):
            solara.Text(t("myth_answer", lang), classes=["sim-heading"])
            if result is None:
                solara.Text(t("myth_press", lang), classes=["sim-hint"])
            else:
                if not current:
                    solara.Warning(t("myth_stale", lang), classes=["sim-myth-stale"])
                solara.Text(result.conclusion, classes=["sim-myth-conclusion"])
                Prose(result.numbers, classes=["sim-myth-numbers"])
                if result.side_effects:
                    Prose(f"**{TEMPLATES[lang]['side_effects_heading']}** "
                          + " ".join(result.side_effects), classes=["sim-myth-side-effects"])
                Prose(f"**{t('myth_counter', lang)}** {result.counter_conclusion}",
                      classes=["sim-myth-counter"])
                if result.robustness:
                    Prose(f"**{TEMPLATES[lang]['robustness_heading']}** "
                          + " ".join(result.robustness), classes=["sim-myth-robustness"])


@solara.component
def WorkshopView(lang: str):
    """Pick a myth, press one button, and see the claim next to the model's answer."""
    number = solara.use_reactive(1)
    values = solara.use_reactive(dict(myth_levers(1)))
    levers = myth_levers(number.value)
    overrides = {name: values.value[name] for name, start in levers
                 if values.value.get(name, start) != start}

    def pick(new: int | None) -> None:
        if new and new != number.value:
            number.set(int(new))
            values.set(dict(myth_levers(int(new))))

    def compute() -> _Answer | str:
        try:
            return _ask(number.value, lang, overrides)
        except MythError as error:
            return str(error)

    task = solara.lab.use_task(compute, dependencies=None)

    Prose(t("myths_intro", lang))
    MythPicker(number.value, on_pick=pick, on_ask=task, busy=task.pending, lang=lang)
    if levers:
        show_levers(levers, values.value, lang=lang,
                    on_value=lambda name, v: values.set({**values.value, name: v}))
    solara.ProgressLinear(task.pending)
    if task.pending:
        solara.Text(t("myth_busy", lang), classes=["sim-hint", "sim-myth-busy"])
    result = task.value if task.finished else None
    if isinstance(result, str):
        solara.Error(f"{t('invalid', lang)}: {result}", classes=["sim-myth-error"])
        result = None
    if isinstance(result, _Answer) and result.number != number.value:
        result = None  # an answer to another myth is not shown next to this claim
    current = (isinstance(result, _Answer) and result.lang == lang
               and result.overrides == tuple(sorted(overrides.items())))
    MythAnswerBox(_claim(number.value, lang), result, current, lang)
    if isinstance(result, _Answer):
        solara.Image(result.png, width="100%", classes=["sim-myth-figure"])
        questions = "\n".join(f"- {q}" for q in result.questions)
        Prose(f"**{t('myth_questions', lang)}**\n\n{questions}", classes=["sim-myth-questions"])
