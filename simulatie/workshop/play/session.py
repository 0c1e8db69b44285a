"""A workshop session: one room, a PIN, participants, their roles, and rounds.

The facilitator's screen creates a :class:`Session`; participants join from their phones with the
session's PIN and a first name, pick a table and a role, and answer their role's decisions while
a round is open. When the facilitator closes the round (or its timer ends), every table runs the
round's weeks with the choices made (:meth:`Table.play_round`). A role nobody plays is played by
the model's own rules; a participant who leaves is replaced by the model from the next round on
(what they answered in the open round still counts) and can come back and take the role again.

Every method that changes the session takes one lock, so the many browser tabs of one server
(each its own thread) see one consistent room. Every refusal is a :class:`PlayError` with a
friendly one-line message in Dutch and English; a refused request changes nothing.
"""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass, field
from enum import StrEnum

from simulatie.experiment.scenarios import load_scenario
from simulatie.workshop.play.alternative import Alternative, alternative_policy
from simulatie.workshop.play.decisions import DECISIONS, Decision, PlayRole, role_label
from simulatie.workshop.play.table import RoundRecord, Table

__all__ = ["MAX_NAME", "Participant", "Phase", "PlayError", "Session"]

MAX_NAME = 30
"""A first name is cut to this many characters."""

_MESSAGES = {
    "wrong_pin": ("Die pincode klopt niet. De code staat op het grote scherm.",
                  "That PIN is not right. The code is on the big screen."),
    "no_name": ("Vul je voornaam in.", "Please fill in your first name."),
    "no_table": ("Die tafel bestaat niet.", "That table does not exist."),
    "unknown_participant": ("We kennen je niet (meer). Meld je opnieuw aan met de pincode.",
                            "We do not know you (any more). Join again with the PIN."),
    "role_taken": ("{name} speelt deze rol al aan jouw tafel. Kies een andere rol.",
                   "{name} already plays this role at your table. Choose another one."),
    "no_role": ("Kies eerst een rol.", "Choose a role first."),
    "no_round": ("Er is nu geen ronde open. Wacht tot de begeleider de volgende ronde opent.",
                 "No round is open now. Wait until the facilitator opens the next one."),
    "round_closed": ("Die ronde is al gesloten; je keuze telt niet meer. In de volgende ronde "
                     "kies je opnieuw.", "That round has closed; your choice no longer counts. "
                     "You choose again in the next round."),
    "unknown_choice": ("Die keuze bestaat niet voor jouw rol.",
                       "That choice does not exist for your role."),
    "finished": ("Het spel is afgelopen. Kijk mee naar de nabespreking op het grote scherm.",
                 "The game has ended. Watch the debrief on the big screen."),
    "round_open": ("Er is al een ronde open.", "A round is already open."),
}


class PlayError(ValueError):
    """A request the session refuses, with a friendly message in both languages."""

    def __init__(self, key: str, **values: str) -> None:
        """Keep the message's key and values.

        Args:
            key: Which message.
            **values: Filled into the message.
        """
        self.key = key
        self.values = values
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        """The message in Dutch (``"nl"``) or English."""
        nl, en = _MESSAGES[self.key]
        return (nl if lang == "nl" else en).format(**self.values)


class Phase(StrEnum):
    """Where the session is."""

    LOBBY = "lobby"  # joining; no round played yet
    OPEN = "open"  # a round is open for choices
    BETWEEN = "between"  # a round was played; the next is not open yet
    FINISHED = "finished"  # the last round was played: debrief


@dataclass
class Participant:
    """One person in the room.

    Attributes:
        token: Their secret key (kept in their browser), to come back after a reload.
        name: Their first name, cleaned and cut to :data:`MAX_NAME` characters.
        table: The table they play at.
        role: The role they play, or ``None``.
        present: Whether they are here (a participant who left is played by the model).
        choices: Their answers in the open round, by decision.
        submitted_round: The round their answers belong to.
    """

    token: str
    name: str
    table: int
    role: PlayRole | None = None
    present: bool = True
    choices: dict[str, str] = field(default_factory=dict)
    submitted_round: int = 0


def clean_name(text: str) -> str:
    """A first name as shown: printable, no markup characters, single spaces, at most 30 long."""
    text = "".join(" " if ch.isspace() else ch for ch in str(text))
    text = "".join(ch for ch in text if ch.isprintable() and ch not in "<>&\"'`{}[]\\")
    return " ".join(text.split())[:MAX_NAME].strip()


class Session:
    """One workshop session.

    Args:
        scenario: The scenario every table plays (name or path).
        seed: The neighbourhood's seed, the same at every table.
        tables: Number of tables (groups), each with its own neighbourhood.
        weeks_per_round: Weeks one round covers (13: three months).
        rounds: Rounds in the game.
        pin: The session's PIN (default: four random digits).
    """

    def __init__(self, scenario: str = "default", seed: int = 0, tables: int = 1,
                 weeks_per_round: int = 13, rounds: int = 4, pin: str | None = None) -> None:
        if not 1 <= tables <= 12:
            raise ValueError(f"tables must be from 1 to 12, got {tables}")
        if not 1 <= weeks_per_round <= 104 or not 1 <= rounds <= 20:
            raise ValueError("weeks per round must be 1 to 104 and rounds 1 to 20")
        loaded = load_scenario(scenario)
        self.scenario = loaded.name
        self.params = loaded.parameters
        self.seed = seed
        self.weeks_per_round = weeks_per_round
        self.rounds = rounds
        self.pin = pin if pin is not None else f"{secrets.randbelow(10_000):04d}"
        self.tables = [Table(f"{i + 1}", self.params, seed) for i in range(tables)]
        self.participants: dict[str, Participant] = {}
        self.phase = Phase.LOBBY
        self.round = 0
        self.deadline: float | None = None
        self.alternative: Alternative | None = None
        self._lock = threading.RLock()

    # --- joining -------------------------------------------------------------------------------

    def join(self, pin: str, name: str, table: int = 0) -> Participant:
        """Let someone in with the PIN and a first name.

        Raises:
            PlayError: For a wrong PIN (nothing changes), an empty name or an unknown table.
        """
        if not secrets.compare_digest(str(pin).strip(), self.pin):
            raise PlayError("wrong_pin")
        cleaned = clean_name(name)
        if not cleaned:
            raise PlayError("no_name")
        if not 0 <= table < len(self.tables):
            raise PlayError("no_table")
        with self._lock:
            person = Participant(secrets.token_urlsafe(12), cleaned, table)
            self.participants[person.token] = person
            return person

    def participant(self, token: str) -> Participant:
        """The participant with this token.

        Raises:
            PlayError: If there is none.
        """
        person = self.participants.get(str(token))
        if person is None:
            raise PlayError("unknown_participant")
        return person

    def leave(self, token: str) -> None:
        """Someone left (closed the page, lost the network): the model plays their role."""
        with self._lock:
            self.participant(token).present = False

    def rejoin(self, token: str) -> Participant:
        """Someone came back (a reload): their role is theirs again if nobody took it."""
        with self._lock:
            person = self.participant(token)
            person.present = True
            if person.role is not None and self._holder(person.table, person.role, person):
                person.role = None
            return person

    def _holder(self, table: int, role: PlayRole, other_than: Participant) -> Participant | None:
        return next((p for p in self.participants.values() if p is not other_than and p.present
                     and p.table == table and p.role is role), None)

    def claim(self, token: str, role: PlayRole | str) -> Participant:
        """Take a role at one's table.

        Raises:
            PlayError: If another participant present at the table plays it.
        """
        with self._lock:
            person = self.participant(token)
            role = PlayRole(role)
            holder = self._holder(person.table, role, person)
            if holder is not None:
                raise PlayError("role_taken", name=holder.name)
            if person.role is not role:
                person.role, person.choices = role, {}
            return person

    # --- rounds --------------------------------------------------------------------------------

    def open_round(self, seconds: float | None = None) -> int:
        """Open the next round for choices, with an optional timer.

        Returns:
            The round's number.

        Raises:
            PlayError: If a round is open or the game has finished.
        """
        with self._lock:
            if self.phase is Phase.FINISHED:
                raise PlayError("finished")
            if self.phase is Phase.OPEN:
                raise PlayError("round_open")
            for table in self.tables:
                table.offer()  # the decisions about named people, fixed for the round
            self.round += 1
            self.phase = Phase.OPEN
            self.deadline = time.monotonic() + seconds if seconds else None
            return self.round

    def choose(self, token: str, decision: str, option: str, round_number: int) -> str:
        """Record a participant's answer to one decision in the open round.

        Args:
            token: The participant.
            decision: The decision's key.
            option: The chosen option's key.
            round_number: The round the participant's screen showed (a late answer for a closed
                round is refused).

        Returns:
            ``"saved"``, ``"changed"`` (another answer replaced) or ``"same"`` (a double click).

        Raises:
            PlayError: Without a role, outside an open round, or for an unknown choice.
        """
        with self._lock:
            person = self.participant(token)
            if self.phase is Phase.FINISHED:
                raise PlayError("finished")
            if self.phase is not Phase.OPEN:
                raise PlayError("no_round" if round_number > self.round else "round_closed")
            if round_number != self.round:
                raise PlayError("round_closed")
            if person.role is None:
                raise PlayError("no_role")
            offered = self.tables[person.table].decisions(person.role)
            found = {d.key: d for d in offered}.get(decision)
            if found is None or option not in {o.key for o in found.options}:
                raise PlayError("unknown_choice")
            if person.submitted_round != self.round:
                person.choices, person.submitted_round = {}, self.round
            before = person.choices.get(decision)
            person.choices[decision] = option
            return "same" if before == option else ("changed" if before else "saved")

    def waiting_for(self) -> list[Participant]:
        """Present participants with a role who have not answered every decision this round."""
        with self._lock:
            return [p for p in self.participants.values() if p.present and p.role is not None
                    and (p.submitted_round != self.round
                         or len(p.choices) < len(self.tables[p.table].decisions(p.role)))]

    def time_left(self) -> float | None:
        """Seconds until the round's timer ends (0 when it has), or ``None`` without a timer."""
        if self.phase is not Phase.OPEN or self.deadline is None:
            return None
        return max(0.0, self.deadline - time.monotonic())

    def close_round(self) -> list[RoundRecord]:
        """Close the open round and run its weeks at every table.

        Returns:
            One record per table.

        Raises:
            PlayError: If no round is open.
        """
        with self._lock:
            if self.phase is not Phase.OPEN:
                raise PlayError("no_round")
            records = [table.play_round(self._choices_at(index), self.weeks_per_round)
                       for index, table in enumerate(self.tables)]
            self.phase = Phase.FINISHED if self.round >= self.rounds else Phase.BETWEEN
            self.deadline = None
            return records

    def _choices_at(self, table: int) -> dict[PlayRole, dict[str, str]]:
        """The answers given at a table in the open round, per role.

        An answer given in this round counts even if its page went away afterwards (a phone
        locked while the room looks at the projector), unless someone present now plays that
        role and answered too: then theirs count.
        """
        found: dict[PlayRole, dict[str, str]] = {}
        answered = [p for p in self.participants.values()
                    if p.table == table and p.role is not None
                    and p.submitted_round == self.round and p.choices]
        for person in sorted(answered, key=lambda p: p.present):  # present ones last: they win
            found[person.role] = dict(person.choices)
        return found

    def compare_with(self, scenario: str | None) -> Alternative | None:
        """Choose the debrief's alternative policy: another scenario's levers, or none.

        Args:
            scenario: A scenario's name or path; ``None`` or ``""`` for none.

        Returns:
            The alternative in force.

        Raises:
            ScenarioError: For an unknown or broken scenario (the choice stays as it was).
            ValueError: If the scenario sets every lever as this session does.
        """
        chosen = alternative_policy(self.params, scenario) if scenario else None
        with self._lock:
            self.alternative = chosen
            return chosen

    # --- what people see -------------------------------------------------------------------------

    def decisions_for(self, person: Participant) -> tuple[Decision, ...]:
        """The decisions a participant's screen shows: the open round's, or those just played.

        Between rounds the screen keeps the round just played (with what counted), so the
        decisions about named people are the ones that round offered, not the next round's.
        """
        if person.role is None:
            return ()
        with self._lock:
            table = self.tables[person.table]
            if self.phase is Phase.OPEN or not table.rounds:
                return table.decisions(person.role)
            offered = table.rounds[-1].offered.get(person.role.value, ())
            return DECISIONS[person.role] + offered

    def roles_at(self, table: int, lang: str) -> list[tuple[PlayRole, str, str | None]]:
        """Every role at a table: the role, its name, and who plays it (``None``: the model)."""
        with self._lock:
            rows = []
            for role in PlayRole:
                holder = next((p.name for p in self.participants.values() if p.present
                               and p.table == table and p.role is role), None)
                rows.append((role, role_label(role, lang), holder))
            return rows


