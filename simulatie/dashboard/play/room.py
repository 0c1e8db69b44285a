"""The server's one workshop session, shared by every browser tab, and who is looking at it.

One server is one session: :func:`current_room` builds it on first use from the command's settings
(:class:`~simulatie.dashboard.play.settings.PlaySettings`) and keeps it at module level, so the
facilitator's screen and every participant's page (each a Solara session, its own thread) act on the
same :class:`~simulatie.workshop.play.session.Session`. Every change goes through :class:`Room`,
which takes one lock and counts the changes: every change (:attr:`Room.version`, which the
facilitator's screen follows), and per table the changes its participants' pages show
(:meth:`Room.changes`: a round opened or closed, someone joined, took a role, left or came back
at that table). A page polls its number and redraws when it moved (:mod:`.live`). An answer to a
decision changes only the facilitator's screen (who is still choosing) and the page that gave it,
so a room of phones choosing at once does not redraw every phone for every click.

The room also keeps track of which pages show a participant (:meth:`Room.attach`,
:meth:`Room.detach`): a participant is present while at least one of their pages is, so a reload
(the new page attaches before or after the old one goes) never leaves them out, and a participant
whose last page went away leaves (:meth:`~simulatie.workshop.play.session.Session.leave`) and is
played by the model until they come back. A round opened with a timer is closed by the room itself
when the time is up, whether or not the facilitator's screen is open. The pictures of each table
after each round are drawn once and shared (:mod:`.pictures`). This module does not import Solara.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from simulatie.workshop.play.debrief import CHOICES_SHOWN, Debrief, debrief, points_words
from simulatie.workshop.play.decisions import PlayRole
from simulatie.workshop.play.session import Participant, Phase, PlayError, Session
from simulatie.workshop.play.summary import table_figure, write_summary
from simulatie.workshop.play.table import RoundRecord
from simulatie.workshop.play.words import situation

from . import pictures
from .settings import PlaySettings
from .texts import capitalised, say

__all__ = ["MAX_WRONG_PINS", "NO_TABLE", "PHONES_AFTER_SECONDS", "WRONG_PIN_WINDOW", "Room",
           "Summary", "TableSummary", "TooManyTriesError", "current_room", "set_room"]

PHONES_AFTER_SECONDS = 0.8
"""After a round closes, the participants' pages are told this much later than the projector.

Closing a round redraws every page at once, in one Python process; everyone looks at the
projector then, so it is drawn first and the phones follow (they show the round as played a
moment later; a click in between is refused as late, with the session's message)."""

NO_TABLE = -1
"""The table of a page that shows no participant yet (the join form): it follows only the
changes every page shows."""

MAX_WRONG_PINS = 5
"""Wrong PINs one device may type within :data:`WRONG_PIN_WINDOW` before it has to wait; other
devices are not held up (a room where one person keeps mistyping still joins)."""
WRONG_PIN_WINDOW = 60.0  # seconds


class TooManyTriesError(PlayError):
    """A device typed too many wrong PINs; it has to wait a minute (nothing changes)."""

    def __init__(self) -> None:
        """A refusal without values."""
        self.key = "too_many_tries"
        self.values = {}
        ValueError.__init__(self, self.text("en"))

    def text(self, lang: str) -> str:
        """The message in Dutch (``"nl"``) or English."""
        return say("too_many_tries", lang)


@dataclass(frozen=True)
class TableSummary:
    """One table's part of the debrief, as the projector shows it in the table's card.

    Attributes:
        name: The table's heading ("Tafel 1").
        lines: Its sentences as the written summary has them: against the model, the
            alternative, the choices that mattered.
        figure: Its panel (the share with a caring tie, week by week) as PNG bytes.
        results: The card's sentences about the whole table (against the model, against the
            alternative), without the table's name, each starting with a capital.
        choices: The choices that mattered most, as ``(what, effect)``: "De professional: We
            beslissen samen (rondes 1, 2)" and "+1 procentpunt" or "geen verschil".
    """

    name: str
    lines: tuple[str, ...]
    figure: bytes
    results: tuple[str, ...] = ()
    choices: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Summary:
    """The end of the game as the facilitator sees it: per table, then the myths.

    Attributes:
        tables: Each table's lines and panel; empty when the debrief is not available.
        myths: The myths the choices that mattered most touch, one sentence each.
        problem: Why there is no debrief (``None`` when there is one).
    """

    tables: tuple[TableSummary, ...] = ()
    myths: tuple[str, ...] = ()
    problem: str | None = None

    @property
    def lines(self) -> tuple[str, ...]:
        """Every sentence, table by table and then the myths (as the written summary has them)."""
        return tuple(line for table in self.tables for line in table.lines) + self.myths


class Room:
    """One workshop session and the pages that look at it.

    Args:
        session: The session.
        settings: What the command set (join address, facilitator's key, language, …).
    """

    def __init__(self, session: Session, settings: PlaySettings) -> None:
        self.session = session
        self.settings = settings
        self.version = 0
        self._table_versions = [0] * (len(session.tables) + 1)  # the last: pages with no table
        self._lock = threading.RLock()
        self._pages: dict[str, set[str]] = {}
        self._wrong_pins: dict[str, list[float]] = {}
        self._timer: threading.Timer | None = None
        self.drawings = pictures.Drawings(session)
        self._summaries: dict[tuple[int, str], Summary] = {}

    @classmethod
    def from_settings(cls, settings: PlaySettings) -> Room:
        """Build the session the settings describe.

        Raises:
            ValueError: For impossible settings (tables, rounds, weeks per round), or an
                alternative policy that sets every lever as the session does.
            ScenarioError: For an unknown scenario.
        """
        session = Session(settings.scenario, settings.seed, settings.tables,
                          settings.weeks_per_round, settings.rounds, settings.pin)
        if settings.compare:
            session.compare_with(settings.compare)
        return cls(session, settings)

    def _changed(self, table: int | None = None) -> None:
        """Count a change: at one table, or (``None``) one every page shows."""
        self.version += 1
        if table is None:
            self._table_versions = [v + 1 for v in self._table_versions]
        else:
            self._table_versions[table] += 1

    def changes(self, table: int | None = None) -> int:
        """The change counter a page follows.

        Args:
            table: The participant's table; :data:`NO_TABLE` for a page without a participant
                yet; ``None`` for the facilitator (every change).
        """
        if table is None:
            return self.version
        return self._table_versions[table]

    def locked(self, action: Callable[[], Any]) -> Any:
        """Run ``action`` under the room's lock (to read several things consistently)."""
        with self._lock:
            return action()

    # --- participants ------------------------------------------------------------------------

    def join(self, pin: str, name: str, table: int, device: str) -> Participant:
        """Let someone in (:meth:`Session.join`), at most :data:`MAX_WRONG_PINS` wrong tries.

        Wrong tries are counted per device, so one person's typing errors never keep the rest
        of the room out.

        Args:
            pin: The PIN typed.
            name: The first name typed.
            table: The table picked (from 0).
            device: The browser asking (its session, which a reload or a second tab keeps), to
                slow down guessing.

        Returns:
            The new participant.

        Raises:
            PlayError: For a wrong PIN, an empty name or an unknown table; nothing changes.
        """
        with self._lock:
            now = time.monotonic()
            recent = [t for t in self._wrong_pins.get(device, []) if now - t < WRONG_PIN_WINDOW]
            self._wrong_pins[device] = recent
            if len(recent) >= MAX_WRONG_PINS:
                raise TooManyTriesError()
            try:
                person = self.session.join(pin, name, table)
            except PlayError as refusal:
                if refusal.key == "wrong_pin":
                    recent.append(now)
                raise
            self._changed(person.table)
            return person

    def find(self, token: str | None) -> Participant | None:
        """The participant with this token, or ``None``."""
        if not token:
            return None
        with self._lock:
            return self.session.participants.get(token)

    def attach(self, token: str, page: str) -> Participant:
        """A page shows this participant: they are here (:meth:`Session.rejoin`).

        Raises:
            PlayError: If the token is unknown.
        """
        with self._lock:
            person = self.session.rejoin(token)
            self._pages.setdefault(token, set()).add(page)
            self._changed(person.table)
            return person

    def detach(self, token: str, page: str) -> None:
        """A page that showed this participant went away; without pages left, they leave."""
        with self._lock:
            pages = self._pages.get(token, set())
            pages.discard(page)
            if not pages and token in self.session.participants:
                self.session.leave(token)
                self._changed(self.session.participants[token].table)

    def claim(self, token: str, role: PlayRole | str) -> Participant:
        """Take a role (:meth:`Session.claim`).

        Raises:
            PlayError: If someone present at the table plays it.
        """
        with self._lock:
            person = self.session.claim(token, role)
            self._changed(person.table)
            return person

    def choose(self, token: str, decision: str, option: str, round_number: int) -> str:
        """Answer a decision (:meth:`Session.choose`): ``"saved"``, ``"changed"`` or ``"same"``.

        Raises:
            PlayError: Without a role, outside the open round, or for an unknown choice.
        """
        with self._lock:
            result = self.session.choose(token, decision, option, round_number)
            self.version += 1  # the facilitator's list of who is still choosing; nobody else
            return result

    def people_at(self, table: int) -> list[Participant]:
        """Everyone who joined at a table, present or not (the session's own records: read only)."""
        with self._lock:
            return [p for p in self.session.participants.values() if p.table == table]

    def waiting_for(self) -> list[Participant]:
        """Present participants with a role who have not answered everything this round."""
        with self._lock:
            return self.session.waiting_for()

    # --- rounds ------------------------------------------------------------------------------

    def open_round(self, minutes: float | None = None) -> int:
        """Open the next round, with a timer when ``minutes`` is more than 0.

        When the timer ends the room closes the round itself (:meth:`close_round`).

        Returns:
            The round's number.

        Raises:
            PlayError: If a round is open or the game has finished.
        """
        with self._lock:
            seconds = minutes * 60 if minutes and minutes > 0 else None
            number = self.session.open_round(seconds)
            if seconds is not None:
                self._timer = threading.Timer(seconds, self._time_up, args=(number,))
                self._timer.daemon = True
                self._timer.start()
            self._changed()
            return number

    def _time_up(self, number: int) -> None:
        with self._lock:
            if self.session.phase is Phase.OPEN and self.session.round == number:
                self.close_round()

    def close_round(self) -> list[RoundRecord]:
        """Close the open round and run its weeks at every table.

        Returns:
            One record per table.

        Raises:
            PlayError: If no round is open.
        """
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            with self.drawings.lock:  # no table moves while it is drawn
                records = self.session.close_round()
            self.version += 1  # the projector now, the phones a moment later
            later = threading.Timer(PHONES_AFTER_SECONDS, self._changed_for_tables)
            later.daemon = True
            later.start()
            return records

    def _changed_for_tables(self) -> None:
        with self._lock:
            self._table_versions = [v + 1 for v in self._table_versions]

    def time_left(self) -> float | None:
        """Seconds left in the open round, or ``None`` without a timer."""
        return self.session.time_left()

    # --- what the facilitator sees -------------------------------------------------------------

    def pictures(self, table: int, lang: str) -> tuple[bytes, bytes] | None:
        """The table's map and time series after its last round (PNG), or ``None`` before.

        Drawn once per table, round and language (:class:`~.pictures.Drawings`), outside the
        room's lock: participants' answers do not wait for the drawing.
        """
        # the table's card names the table and the round: the map needs no title of its own
        return self.drawings.pictures(table, lang, lambda rounds: "")

    def prepare_pictures(self, lang: str) -> None:
        """Start the tables' first drawings in the background (:meth:`Drawings.prepare`)."""
        self.drawings.prepare(lang)

    def summary(self, lang: str) -> Summary:
        """The debrief's lines and panels, computed once per language at the end of the game.

        Computed outside the lock (it may take a while; nothing changes once the game ended), so
        the participants' pages stay responsive meanwhile.
        """
        alternative = self.session.alternative
        key = (self.session.round, lang, alternative.name if alternative else "")
        with self._lock:
            known = self._summaries.get(key)
        if known is not None:
            return known
        made = _summary(self.session, lang)
        with self._lock:
            return self._summaries.setdefault(key, made)

    def compare_with(self, scenario: str | None) -> None:
        """Choose the debrief's alternative policy (:meth:`Session.compare_with`).

        Raises:
            ScenarioError: For an unknown or broken scenario; nothing changes.
            ValueError: If it sets every lever as the session does; nothing changes.
        """
        with self._lock:
            self.session.compare_with(scenario)
            self._changed()

    def situation(self, token: str, lang: str) -> list[str]:
        """The participant's own situation in plain words (:func:`~.words.situation`)."""
        with self._lock:
            return situation(self.session, token, lang)

    def export(self, lang: str) -> dict[str, Path]:
        """Write the debrief's summary (HTML and PDF) to a new folder under the export folder.

        Written outside the lock (it plays the tables' choices again; nothing changes once the
        game ended).

        Returns:
            What was written, by kind.

        Raises:
            OSError: If the folder cannot be written.
        """
        stamp = datetime.now(UTC).astimezone().strftime("%Y%m%dT%H%M%S")
        folder = self.settings.export_dir / f"workshop-{stamp}"
        return write_summary(self.session, folder, lang)


def _summary(session: Session, lang: str) -> Summary:
    """The debrief's lines and panels per table, or why there are none."""
    try:
        found = debrief(session)
        tables = tuple(_table_summary(found, session, index, lang)
                       for index in range(len(found.tables)))
        return Summary(tables, tuple(found.myth_lines(lang)))
    except Exception as problem:  # shown on the facilitator's screen rather than a crash
        return Summary(problem=say("debrief_failed", lang, problem=problem))


def _table_summary(found: Debrief, session: Session, index: int, lang: str) -> TableSummary:
    """One table's card: its sentences, its choices with their effect, its panel."""
    name = say("table", lang, number=index + 1)
    lines = tuple(found.table_lines(index, lang))
    # the card's heading names the table; its sentences need not say it again
    results = tuple(capitalised(line.removeprefix(f"{found.table_name(index, lang)}: "))
                    for line in lines if not line.startswith(" "))
    choices = tuple(
        (capitalised(choice.text(lang)),
         say("no_difference", lang) if points_words(choice.effect, lang) == "0"
         else points_words(choice.effect, lang))
        for choice in found.tables[index].choices[:CHOICES_SHOWN])
    return TableSummary(name, lines, pictures.figure_png(table_figure(found, session, index, lang)),
                        results, choices)


_room: Room | None = None
_room_lock = threading.Lock()


def current_room() -> Room:
    """The server's session, built on first use from the environment the command set.

    Raises:
        ValueError: For impossible settings.
        ScenarioError: For an unknown scenario.
    """
    global _room
    with _room_lock:
        if _room is None:
            _room = Room.from_settings(PlaySettings.from_environment())
        return _room


def set_room(room: Room | None) -> None:
    """Replace the server's session (tests), or forget it (``None``: build anew on next use)."""
    global _room
    with _room_lock:
        _room = room
