# ruff: noqa: N802  (Solara components are named like classes)
"""The role's decisions for the open round, as radio buttons, and what the session said back.

Each answer is sent at once (:meth:`Room.choose`) with the round the page showed, and the
session's answer is shown in one line: saved, changed, the same as before, or a refusal (the round
closed a moment before the click reached the server: the choice does not count). Between rounds
the buttons of the round just played stay, showing what counted; a click on them is refused with
the session's message, so a late click never goes unanswered.
"""

from __future__ import annotations

from collections.abc import Callable

import solara

from simulatie.workshop.play.decisions import Decision
from simulatie.workshop.play.session import Participant, Phase, PlayError

from .room import Room
from .texts import say

__all__ = ["Choices", "DecisionRadios"]


@solara.component
def DecisionRadios(decision: Decision, chosen: str | None,
                   on_choose: Callable[[str, str], None], lang: str, attempt: int = 0):
    """One decision: its question and its options as radio buttons.

    The buttons are the same widgets from round to round (a new round sets them back to nothing
    chosen), so a click at the moment a round opens is never sent to buttons that are gone.

    Args:
        decision: The decision.
        chosen: The option that counts this round, or ``None``.
        on_choose: Called with the decision's key and the option's key.
        lang: Language of the question and the options.
        attempt: Changes after a refused click, to put the buttons back to what counts.
    """
    # The widget keeps one listener for its life: a new one at every redraw (and the page is
    # redrawn whenever anyone in the room acts) would leave a moment in which a click is lost.
    latest = solara.use_ref(on_choose)
    latest.current = on_choose
    on_option = solara.use_memo(
        lambda: lambda option: latest.current(decision.key, option), [decision.key])
    with solara.Column(gap="0px", classes=["play-decision", f"play-decision-{decision.key}"]):
        solara.Text(decision.question(lang), classes=["play-question"])
        solara.v.RadioGroup(
            v_model=chosen, on_v_model=on_option,
            class_=f"play-options-{decision.key}", hide_details=True,
            children=[solara.v.Radio(label=option.label(lang), value=option.key,
                                     class_=f"play-option play-option-{option.key}")
                      for option in decision.options],
        )


@solara.component
def Choices(room: Room, person: Participant, version: int, on_change: Callable[[], None],
            lang: str):
    """The participant's decisions in the open round, or their last choices between rounds.

    Args:
        room: The room.
        person: The participant (with a role).
        version: The room's change counter (a round opened or closed redraws the decisions).
        on_change: Called after an answer was saved (redraws the page at once).
        lang: Language of the texts.
    """
    answer = solara.use_reactive(None)  # (round, "saved" | "changed" | "same" | PlayError)
    attempt = solara.use_reactive(0)
    session = room.session
    shown_round = session.round
    if person.role is None:
        return

    def choose(decision: str, option: str) -> None:
        try:
            result: object = room.choose(person.token, decision, option, shown_round)
        except PlayError as problem:
            result = problem
            attempt.set(attempt.value + 1)  # put the radio buttons back to what counts
        answer.set((shown_round, result))
        on_change()

    this_round = person.submitted_round == session.round
    if session.phase is Phase.OPEN:
        solara.Text(say("choose_now", lang, number=session.round,
                        weeks=session.weeks_per_round), classes=["play-heading"])
    elif session.round > 0:
        # the round's buttons stay, with what counted: a click that arrives after the round
        # closed (the page had not caught up yet) gets the session's refusal, not silence
        solara.Text(say("round_closed_choices", lang, number=session.round),
                    classes=["play-heading", "play-closed"])
    if session.round > 0:
        for decision in session.decisions_for(person):
            DecisionRadios(decision, person.choices.get(decision.key) if this_round else None,
                           choose, lang, attempt.value).key(decision.key)
    if session.phase in (Phase.LOBBY, Phase.BETWEEN):
        solara.Text(say("wait_for_round", lang), classes=["play-hint"])

    if answer.value is not None and answer.value[0] == session.round:
        result = answer.value[1]
        if isinstance(result, PlayError):
            solara.Warning(result.text(lang), classes=["play-answer", "play-refusal"])
        elif session.phase is Phase.OPEN:
            solara.Success(say(str(result), lang), classes=["play-answer", "play-saved"])
