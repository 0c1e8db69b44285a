"""The debrief: what the room's choices did, against the same neighbourhood left to the model.

For every table the debrief runs the counterfactual: the same scenario and seed for as many weeks,
with every role played by the model's own rules, and, if the facilitator chose one, the same again
under an alternative policy (another scenario's levers, :mod:`.alternative`). It then asks which of
the table's choices made the difference, decision by decision: the table's game is played again
with one decision (say, the kartrekker's way of inviting, or whom the resident asked) left to the
model in every round, and the change in the share of residents with a caring tie at the end is that
decision's part. Both comparisons are one neighbourhood on one seed: a story to discuss, not a
verdict (the myths' answers, with replications, are that). The decisions that mattered most point
to the myths they touch.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from simulatie.core.parameters import Parameters
from simulatie.core.run.simulation import Simulation
from simulatie.workshop.play.alternative import Alternative
from simulatie.workshop.play.decisions import DECISIONS, Decision, Option, PlayRole, role_label
from simulatie.workshop.play.personal import MODEL_OPTIONS, home_of
from simulatie.workshop.play.session import Session
from simulatie.workshop.play.table import KEY_METRICS, Table
from simulatie.workshop.texts import MYTH_TEXTS

__all__ = ["CHOICES_SHOWN", "OUTCOME", "Choice", "Debrief", "TableDebrief", "debrief",
           "points_words"]

OUTCOME = "share_with_caring_tie"
"""The outcome the debrief compares: the share of residents with at least one caring tie."""

CHOICES_SHOWN = 3
"""How many of a table's choices the debrief names: those that mattered most."""


@dataclass(frozen=True)
class Choice:
    """One decision a table took over the game, and what it did.

    Attributes:
        role: Who decided.
        decision: The decision's key.
        answers: The option chosen in each round it was answered, as ``(round, option)``.
        effect: The outcome at the end with all choices, minus the outcome with this decision
            left to the model in every round.
    """

    role: PlayRole
    decision: str
    answers: tuple[tuple[int, str], ...]
    effect: float
    asked: Decision

    def text(self, lang: str) -> str:
        """The decision in words, e.g. ``"a kartrekker: I ask people personally (rounds 1, 2)"``."""
        by_option: dict[str, list[str]] = {}
        for number, option in self.answers:
            by_option.setdefault(option, []).append(str(number))
        parts = [f"{self.asked.option(o).label(lang)} ({_rounds(r, lang)})"
                 for o, r in by_option.items()]
        return f"{role_label(self.role, lang)}: {'; '.join(parts)}"

    @property
    def myths(self) -> tuple[int, ...]:
        """The myths the decision touches."""
        return self.asked.myths


def _rounds(numbers: list[str], lang: str) -> str:
    if len(numbers) == 1:
        return f"{'ronde' if lang == 'nl' else 'round'} {numbers[0]}"
    return f"{'rondes' if lang == 'nl' else 'rounds'} {', '.join(numbers)}"


@dataclass(frozen=True)
class TableDebrief:
    """One table's game against its counterfactual.

    Attributes:
        name: The table.
        played: The table's weekly key metrics.
        model: The same neighbourhood with every role played by the model.
        choices: The table's choices with their effect, largest effect first.
        alternative: The same neighbourhood under the chosen alternative policy, if any.
    """

    name: str
    played: pd.DataFrame
    model: pd.DataFrame
    choices: tuple[Choice, ...]
    alternative: pd.DataFrame | None = None

    def difference(self, metric: str = OUTCOME) -> float:
        """The table's outcome at the end minus the model's."""
        return float(self.played[metric].iloc[-1] - self.model[metric].iloc[-1])

    def difference_from_alternative(self, metric: str = OUTCOME) -> float | None:
        """The table's outcome at the end minus the alternative policy's, if one was chosen."""
        if self.alternative is None:
            return None
        return float(self.played[metric].iloc[-1] - self.alternative[metric].iloc[-1])


def _replay(table: Table, role: PlayRole, decision: str) -> float:
    """The outcome at the end of the table's game played again with one decision left out."""
    again = Table(table.name, table.base, table.seed)
    for record in table.rounds:
        choices = {PlayRole(r): {k: v for k, v in answers.items()
                                 if (PlayRole(r), k) != (role, decision)}
                   for r, answers in record.choices.items()}
        again.play_round(choices, record.weeks[1] - record.weeks[0] + 1)
    return float(again.simulation.records[-1][OUTCOME])


def _choices(table: Table) -> tuple[Choice, ...]:
    """Every decision the table took, weighed by playing the game again without it."""
    taken: dict[tuple[PlayRole, str], list[tuple[int, str]]] = {}
    for record in table.rounds:
        for role, answers in record.choices.items():
            for decision, option in answers.items():
                taken.setdefault((PlayRole(role), decision), []).append((record.number, option))
    if not taken:
        return ()
    final = float(table.simulation.records[-1][OUTCOME])
    found = []
    for (role, decision), answers in taken.items():
        asked = _asked(table, role, decision)
        same = all(_as_the_model(table, asked.option(option)) for _, option in answers)
        effect = 0.0 if same else final - _replay(table, role, decision)
        found.append(Choice(role, decision, tuple(answers), effect, asked))
    return tuple(sorted(found, key=lambda c: -abs(c.effect)))


def _asked(table: Table, role: PlayRole, key: str) -> Decision:
    """The decision as it was asked: every round's options of a decision about named people."""
    static = next((d for d in DECISIONS[role] if d.key == key), None)
    if static is not None:
        return static
    offered = [d for record in table.rounds for d in record.offered.get(role.value, ())
               if d.key == key]
    options = {o.key: o for d in offered for o in d.options}
    return replace(offered[-1], options=tuple(options.values()))


def _as_the_model(table: Table, chosen: Option) -> bool:
    """Whether a choice sets only what the model would have had anyway (no replay needed)."""
    if chosen.key in MODEL_OPTIONS:
        return True
    if home_of(chosen.key) is not None:
        return False
    if chosen.ask_threshold is not None or chosen.fit is not None:
        return False
    return all(getattr(table.base, name) == value for name, value in chosen.levers.items())


def _counterfactual(table: Table, params: Parameters | None = None) -> pd.DataFrame:
    """The same neighbourhood and seed for as many weeks: the model's own (or another) policy."""
    model = Simulation(params or table.base, table.seed, metrics=KEY_METRICS, baseline=False)
    model.step(table.week)
    return model.timeseries()


@dataclass(frozen=True)
class Debrief:
    """The debrief of a session: every table against the model, and the choices that mattered.

    Attributes:
        tables: One entry per table.
        alternative: The alternative policy the tables were also compared with, if any.
    """

    tables: tuple[TableDebrief, ...]
    alternative: Alternative | None = None

    def myths(self, top: int = 3) -> list[int]:
        """The myths touched by the choices that mattered most, at any table."""
        ranked = sorted((c for t in self.tables for c in t.choices), key=lambda c: -abs(c.effect))
        return sorted({m for c in ranked[:top] for m in c.myths})

    def table_name(self, index: int, lang: str = "nl") -> str:
        """The table's name as its sentences start: "Tafel 1" or "Table 1"."""
        return f"{'Tafel' if lang == 'nl' else 'Table'} {self.tables[index].name}"

    def table_lines(self, index: int, lang: str = "nl") -> list[str]:
        """One table's findings in words: against the model, the alternative, its choices.

        Args:
            index: The table (from 0).
            lang: ``"nl"`` or ``"en"``.

        Returns:
            The table's result first ("Tafel 1: 3 procentpunt meer bewoners met een zorgzame
            band dan ..."), then against the alternative policy if one was chosen, then its
            three choices that mattered most, each with its part in percentage points.
        """
        nl = lang == "nl"
        table = self.tables[index]
        name = self.table_name(index, lang)
        lines = [f"{name}: {_compared(table.difference(), lang)} "
                 + ("in dezelfde buurt waarin het model alle rollen speelde." if nl else
                    "in the same neighbourhood with every role played by the model.")]
        other = table.difference_from_alternative()
        if other is not None and self.alternative is not None:
            policy = self.alternative.label(lang)
            lines.append(f"{name}: {_compared(other, lang)} "
                         + (f"met het beleid van {policy}." if nl else
                            f"under the policy of {policy}."))
        for choice in table.choices[:CHOICES_SHOWN]:
            lines.append(f"  {choice.text(lang)} ({points_words(choice.effect, lang)})")
        return lines

    def myth_lines(self, lang: str = "nl") -> list[str]:
        """The myths the choices that mattered most touch, one line each with its claim."""
        nl = lang == "nl"
        return [f"{'Mythe' if nl else 'Myth'} {number}: "
                f"{MYTH_TEXTS[number]['nl' if nl else 'en']['claim']}"
                for number in self.myths()]

    def lines(self, lang: str = "nl") -> list[str]:
        """The debrief in words, one line per finding: every table's, then the myths."""
        lines = []
        for index in range(len(self.tables)):
            lines += self.table_lines(index, lang)
        return lines + self.myth_lines(lang)


def _points(share: float) -> int:
    """A difference of shares in whole percentage points."""
    return round(100 * share)


def points_words(share: float, lang: str = "nl") -> str:
    """A difference of shares in percentage points, signed: "+3 procentpunt", "-1 point", "0".

    Args:
        share: The difference of two shares (0.03 is 3 percentage points).
        lang: ``"nl"`` or ``"en"``.

    Returns:
        The signed number with its unit; no "-0" and no unit after a plain 0.
    """
    points = _points(share)
    if not points:
        return "0"
    if lang == "nl":
        return f"{points:+d} procentpunt"
    return f"{points:+d} {'percentage point' if abs(points) == 1 else 'percentage points'}"


def _compared(share: float, lang: str) -> str:
    """A difference in residents with a caring tie in words, up to "dan"/"than" or "als"/"as".

    E.g. "3 procentpunt meer bewoners met een zorgzame band dan", "1 percentage point fewer
    residents with a caring tie than", "evenveel bewoners met een zorgzame band als".
    """
    points = _points(share)
    size = abs(points)
    if lang == "nl":
        if not points:
            return "evenveel bewoners met een zorgzame band als"
        return (f"{size} procentpunt {'meer' if points > 0 else 'minder'} bewoners met een "
                "zorgzame band dan")
    if not points:
        return "as many residents with a caring tie as"
    unit = "percentage point" if size == 1 else "percentage points"
    return f"{size} {unit} {'more' if points > 0 else 'fewer'} residents with a caring tie than"


def debrief(session: Session) -> Debrief:
    """Compare every table with its counterfactual and weigh its choices.

    Args:
        session: The session, after at least one round.

    Returns:
        The debrief.
    """
    alternative = session.alternative
    return Debrief(tuple(
        TableDebrief(table.name, table.simulation.timeseries(), _counterfactual(table),
                     _choices(table),
                     None if alternative is None
                     else _counterfactual(table, alternative.parameters(table.base)))
        for table in session.tables
    ), alternative)
