"""The debrief: what the room's choices did, against the same neighbourhood left to the model.

For every table the debrief runs the counterfactual: the same scenario and seed for as many weeks,
with every role played by the model's own rules. It then asks which of the table's choices made
the difference, one by one: the table's game is played again with all its choices but one (that
one left to the model), and the change in the share of residents with a caring tie is that
choice's part. Both comparisons are one neighbourhood on one seed: a story to discuss, not a
verdict (the myths' answers, with replications, are that). The choices that mattered most point
to the myths they touch.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from simulatie.core.simulation import Simulation
from simulatie.workshop.play.decisions import DECISIONS, PlayRole, role_label
from simulatie.workshop.play.session import Session
from simulatie.workshop.play.table import KEY_METRICS, Table
from simulatie.workshop.texts import MYTH_TEXTS

__all__ = ["OUTCOME", "Choice", "Debrief", "TableDebrief", "debrief"]

OUTCOME = "share_with_caring_tie"
"""The outcome the debrief compares: the share of residents with at least one caring tie."""


@dataclass(frozen=True)
class Choice:
    """One choice a table made that the model would not have made, and what it did.

    Attributes:
        round: The round it was made in.
        role: Who made it.
        decision: The decision's key.
        option: The chosen option's key.
        effect: The outcome at the end with all choices, minus the outcome with this one left
            to the model.
    """

    round: int
    role: PlayRole
    decision: str
    option: str
    effect: float

    def text(self, lang: str) -> str:
        """The choice in words, e.g. ``"round 2, a kartrekker: I ask people personally"``."""
        decision = next(d for d in DECISIONS[self.role] if d.key == self.decision)
        word = "ronde" if lang == "nl" else "round"
        who = role_label(self.role, lang)
        return f"{word} {self.round}, {who}: {decision.option(self.option).label(lang)}"

    @property
    def myths(self) -> tuple[int, ...]:
        """The myths the decision touches."""
        return next(d for d in DECISIONS[self.role] if d.key == self.decision).myths


@dataclass(frozen=True)
class TableDebrief:
    """One table's game against its counterfactual.

    Attributes:
        name: The table.
        played: The table's weekly key metrics.
        model: The same neighbourhood with every role played by the model.
        choices: The table's choices with their effect, largest effect first.
    """

    name: str
    played: pd.DataFrame
    model: pd.DataFrame
    choices: tuple[Choice, ...]

    def difference(self, metric: str = OUTCOME) -> float:
        """The table's outcome at the end minus the model's."""
        return float(self.played[metric].iloc[-1] - self.model[metric].iloc[-1])


def _replay(table: Table, skip: tuple[int, PlayRole, str] | None) -> float:
    """The outcome at the end of the table's game played again, with one choice left out."""
    again = Table(table.name, table.base, table.seed)
    for record in table.rounds:
        choices = {PlayRole(role): {k: v for k, v in answers.items()
                                    if skip != (record.number, PlayRole(role), k)}
                   for role, answers in record.choices.items()}
        again.play_round(choices, record.weeks[1] - record.weeks[0] + 1)
    return float(again.simulation.records[-1][OUTCOME])


def _choices(table: Table) -> tuple[Choice, ...]:
    """Every choice of the table with its effect, largest first (choices are played again)."""
    if not table.rounds:
        return ()
    final = float(table.simulation.records[-1][OUTCOME])
    found = []
    for record in table.rounds:
        for role, answers in record.choices.items():
            for decision, option in answers.items():
                key = (record.number, PlayRole(role), decision)
                found.append(Choice(record.number, PlayRole(role), decision, option,
                                    final - _replay(table, key)))
    return tuple(sorted(found, key=lambda c: -abs(c.effect)))


def _counterfactual(table: Table) -> pd.DataFrame:
    model = Simulation(table.base, table.seed, metrics=KEY_METRICS, baseline=False)
    model.step(table.week)
    return model.timeseries()


@dataclass(frozen=True)
class Debrief:
    """The debrief of a session: every table against the model, and the choices that mattered.

    Attributes:
        tables: One entry per table.
    """

    tables: tuple[TableDebrief, ...]

    def myths(self, top: int = 3) -> list[int]:
        """The myths touched by the choices that mattered most, at any table."""
        ranked = sorted((c for t in self.tables for c in t.choices), key=lambda c: -abs(c.effect))
        return sorted({m for c in ranked[:top] for m in c.myths})

    def lines(self, lang: str = "nl") -> list[str]:
        """The debrief in words, one line per finding."""
        nl = lang == "nl"
        lines = []
        for table in self.tables:
            diff = _points(table.difference())
            name = f"Tafel {table.name}" if nl else f"Table {table.name}"
            lines.append(
                f"{name}: {diff} procentpunt bewoners met een zorgzame band, vergeleken "
                "met dezelfde buurt waarin het model alle rollen speelde." if nl else
                f"{name}: {diff} percentage points of residents with a caring tie, compared "
                "with the same neighbourhood with every role played by the model.")
            for choice in table.choices[:3]:
                lines.append(f"  {choice.text(lang)} ({_points(choice.effect)} "
                             f"{'procentpunt' if nl else 'points'})")
        for number in self.myths():
            claim = MYTH_TEXTS[number]["nl" if nl else "en"]["claim"]
            lines.append(f"{'Mythe' if nl else 'Myth'} {number}: {claim}")
        return lines


def _points(share: float) -> str:
    """A difference of shares in percentage points, signed, without a "-0"."""
    points = round(100 * share)
    return f"{points:+d}" if points else "0"


def debrief(session: Session) -> Debrief:
    """Compare every table with its counterfactual and weigh its choices.

    Args:
        session: The session, after at least one round.

    Returns:
        The debrief.
    """
    return Debrief(tuple(
        TableDebrief(table.name, table.simulation.timeseries(), _counterfactual(table),
                     _choices(table))
        for table in session.tables
    ))
