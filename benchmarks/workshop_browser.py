"""The participatory workshop in real browsers: a facilitator and a room of phones, under load.

Usage::

    .venv/bin/python -m benchmarks.workshop_browser        # 25 participants, 5 tables, 3 rounds
    .venv/bin/python -m benchmarks.workshop_browser --participants 6 --rounds 2

``simulatie workshop`` is started as a facilitator starts it (on 127.0.0.1, a free port, a fixed
PIN, 13 weeks per round) and one headless Chromium (Debian's, :func:`benchmarks.browser.chromium`)
opens one browser context for the facilitator's projector and one per participant, with a phone's
screen. Participant ``i`` joins table ``i mod tables`` and claims the next free role there (five
per table, so 25 fill five tables). The command is started and stopped by
:mod:`benchmarks.workshop_server`; what the pages do and time is in
:mod:`benchmarks.workshop_pages`; memory, CPU time and pinning come from
:mod:`benchmarks.processes`.

In each round the facilitator opens the round; when every phone shows the question, the room
answers in two waves: everyone picks an option of their role's first decision (the page confirms
*Opgeslagen*), then everyone changes their mind (*Gewijzigd*). Within a wave every participant
presses at a random moment within ``--window`` seconds (on the machine's clock, set in each page
beforehand), as a room does when the facilitator says "now choose". Then the facilitator closes
the round. Timed inside the pages (``performance.now()`` and a ``MutationObserver``, as
:mod:`benchmarks.sessions` does), so the order in which this script looks at the pages does not
matter:

* **closing a round**: from the facilitator's click on *close round* to the projector showing the
  round as played with every table's new map and time series, decoded (target: p95 ≤ 2 s);
* **a participant's press**: from the click on an option to the page's confirmation (target:
  p95 ≤ 1 s);
* also how long the phones take to show an opened and a closed round (their pages look at the
  room once a second), and each participant's join (page opened to role shown).

Memory: the resident set size of ``simulatie workshop`` with its server (a child process), and
of the server alone, once the facilitator's screen is up, after everyone joined, and after the
rounds. CPU: the server's, the browser's and the rest of the machine's during the rounds. The
browser runs on the same two cores as the server here, which a real workshop (phones) would not
do, so these latencies are an upper bound; ``--pin`` gives the server a core of its own.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from simulatie.workshop.play.decisions import PlayRole

from .browser import chromium
from .processes import busy_seconds, children_outside, cpu_seconds, kept_affinity, pin_server
from .report import Row, add_run_options, log_to_stderr, report, status
from .workshop import TARGET_CLOSE_P95, TARGET_REQUEST_P95
from .workshop_pages import (
    LOAD_TIMEOUT_MS,
    ROLES,
    close_round,
    join,
    open_page,
    open_round,
    presses,
    wave,
)
from .workshop_server import PIN, WorkshopServer, workshop_server

__all__ = ["WorkshopBrowserResult", "format_workshop_browser", "main", "measure_workshop_browser"]

PAUSE_SECONDS = 2.0  # between the room's steps: every page has looked at the room again
Log = Callable[[str], None]  # where progress lines go
WAVES = 2  # per round: everyone chooses (Opgeslagen), then everyone changes their mind (Gewijzigd)


@dataclass(frozen=True)
class WorkshopBrowserResult:
    """What a room of browsers measured on one workshop server.

    Attributes:
        participants: Browser contexts of participants (the facilitator's comes on top).
        tables: Tables of the session.
        rounds: Rounds played (every round is closed by the facilitator's click).
        weeks: Weeks per round.
        scenario: The scenario every table plays.
        window_seconds: Within a wave, every participant pressed within this many seconds.
        join_seconds: Per participant, from opening ``/join`` to their role shown.
        close_seconds: Per round, from the click on *close round* to the projector showing the
            new phase and every table's new pictures, decoded.
        close_phase_seconds: Per round, from that click to the new phase text alone.
        press_seconds: Every participant's every press: click to confirmation.
        press_spread_seconds: Per wave, from the first press to the last.
        opened_seconds: Per participant and round, from the facilitator's click on *open round*
            to the phone showing the question.
        closed_seconds: Per participant and round, from the click on *close round* to the phone
            showing the round as closed.
        mib_start: Memory (RSS) of the command with its server, the facilitator's screen up.
        mib_joined: The same after everyone joined and took a role.
        mib_end: The same after the rounds.
        server_mib: The server process alone (``solara run``, a child of the command): at the
            start, after everyone joined, after the rounds.
        mib_per_participant: ``(mib_joined - mib_start) / participants``.
        server_cpu_seconds: CPU time of the command and its server during the rounds.
        browser_cpu_seconds: CPU time of Chromium and Playwright's driver during the rounds.
        other_cpu_seconds: CPU time the rest of the machine used during the rounds (other
            people's work on the same cores).
        rounds_seconds: Wall time of all rounds.
        load_average: The machine's load average (1, 5, 15 minutes) at the start.
        pinned: Whether the server had a core of its own.
        seconds: Wall time of the whole measurement.
    """

    participants: int
    tables: int
    rounds: int
    weeks: int
    scenario: str
    window_seconds: float
    join_seconds: list[float]
    close_seconds: list[float]
    close_phase_seconds: list[float]
    press_seconds: list[float]
    press_spread_seconds: list[float]
    opened_seconds: list[float]
    closed_seconds: list[float]
    mib_start: float
    mib_joined: float
    mib_end: float
    server_mib: list[float]
    mib_per_participant: float
    server_cpu_seconds: float
    browser_cpu_seconds: float
    other_cpu_seconds: float
    rounds_seconds: float
    load_average: list[float] = field(default_factory=list)
    pinned: bool = False
    seconds: float = 0.0


@dataclass(frozen=True)
class _Game:
    """What the room plays: the command line's settings."""

    participants: int
    tables: int
    rounds: int
    weeks: int
    scenario: str
    window: float


@dataclass
class _Played:
    """What the rounds measured, collected round by round (fields as in the result)."""

    close: list[float] = field(default_factory=list)
    close_phase: list[float] = field(default_factory=list)
    press: list[float] = field(default_factory=list)
    press_spread: list[float] = field(default_factory=list)
    opened: list[float] = field(default_factory=list)
    closed: list[float] = field(default_factory=list)
    seconds: float = 0.0
    server_cpu: float = 0.0
    browser_cpu: float = 0.0
    other_cpu: float = 0.0


def _percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def measure_workshop_browser(participants: int = 25, tables: int = 5, rounds: int = 3,
                             weeks: int = 13, scenario: str = "default", seed: int = 0,
                             window: float = 1.0, pin: bool = False,
                             log: Log = print) -> WorkshopBrowserResult:
    """Start a workshop, let a room of browsers join and play, and time what they see.

    Args:
        participants: Participants' browser contexts (at most five per table).
        tables: Tables of the session.
        rounds: Rounds played.
        weeks: Weeks per round.
        scenario: The scenario every table plays.
        seed: The neighbourhood's seed (and of the moments of the presses).
        window: Seconds within which a wave's presses fall (at random).
        pin: Give the server a core of its own and the browser the others (Linux, two cores).
        log: Where progress lines go.

    Returns:
        The latencies, the memory and the CPU time.

    Raises:
        ValueError: For fewer than one participant or more than five per table.
    """
    if not 1 <= participants <= len(ROLES) * tables:
        raise ValueError(f"participants must be from 1 to {len(ROLES) * tables} "
                         f"(five per table), got {participants}")
    game = _Game(participants, tables, rounds, weeks, scenario, window)
    started = time.perf_counter()
    load = list(os.getloadavg())
    with (tempfile.TemporaryDirectory() as tmp,
          workshop_server(Path(tmp), scenario, tables, rounds, weeks, seed) as server,
          kept_affinity()):
        pinned = pin and pin_server(server.process.pid)
        result = _measure(server, game, random.Random(seed), log)
    return replace(result, load_average=load, pinned=pinned,
                   seconds=time.perf_counter() - started)


def _measure(server: WorkshopServer, game: _Game, rng: random.Random,
             log: Log) -> WorkshopBrowserResult:
    with chromium() as browser:
        facilitator_context, facilitator = open_page(browser, server.facilitator_url, phone=False)
        facilitator.wait_for_function(f"() => document.querySelector('.play-pin')?.textContent "
                                      f"=== '{PIN}'", timeout=LOAD_TIMEOUT_MS)
        mib_start, server_start = server.memory_mib()
        log(f"facilitator's screen up; server {mib_start:.0f} MiB")
        contexts, pages, joins = _join_room(browser, server, game, log)
        facilitator.wait_for_function("n => document.querySelectorAll('.play-tables-panel "
                                      ".play-holder').length === n", arg=game.participants)
        time.sleep(PAUSE_SECONDS)
        mib_joined, server_joined = server.memory_mib()
        log(f"everyone joined; server {mib_joined:.0f} MiB")
        played = _play_rounds(server, facilitator, pages, game, rng, log)
        mib_end, server_end = server.memory_mib()
        for context in (*contexts, facilitator_context):
            context.close()
    return WorkshopBrowserResult(
        participants=game.participants, tables=game.tables, rounds=game.rounds,
        weeks=game.weeks, scenario=game.scenario, window_seconds=game.window,
        join_seconds=joins, close_seconds=played.close, close_phase_seconds=played.close_phase,
        press_seconds=played.press, press_spread_seconds=played.press_spread,
        opened_seconds=played.opened, closed_seconds=played.closed, mib_start=mib_start,
        mib_joined=mib_joined, mib_end=mib_end,
        server_mib=[server_start, server_joined, server_end],
        mib_per_participant=(mib_joined - mib_start) / game.participants,
        server_cpu_seconds=played.server_cpu, browser_cpu_seconds=played.browser_cpu,
        other_cpu_seconds=played.other_cpu, rounds_seconds=played.seconds,
    )


def _join_room(browser: Any, server: WorkshopServer, game: _Game,
               log: Log) -> tuple[list[Any], list[Any], list[float]]:
    """Participant ``i`` joins table ``i mod tables`` with the next free role there.

    Returns:
        The participants' contexts, their pages, and each one's seconds to join.
    """
    contexts, pages, joins = [], [], []
    for number in range(game.participants):
        table, role = number % game.tables, ROLES[number // game.tables]
        context, page, seconds = join(browser, server.join_url, number, table, role)
        contexts.append(context)
        pages.append(page)
        joins.append(seconds)
        log(f"participant {number + 1}/{game.participants} joined table {table + 1} as "
            f"{role.value} in {seconds:.1f} s")
    return contexts, pages, joins


def _play_rounds(server: WorkshopServer, facilitator: Any, pages: list[Any], game: _Game,
                 rng: random.Random, log: Log) -> _Played:
    """Play every round, with the CPU time of server, browser and the rest of the machine."""
    roles = [ROLES[number // game.tables] for number in range(game.participants)]
    browsers = children_outside(server.process.pid)
    server_cpu, browser_cpu = cpu_seconds(server.processes()), cpu_seconds(browsers)
    busy = busy_seconds()
    started = time.perf_counter()
    played = _Played()
    for number in range(1, game.rounds + 1):
        _play_round(facilitator, pages, roles, number, game, rng, played, log)
    played.seconds = time.perf_counter() - started
    played.server_cpu = cpu_seconds(server.processes()) - server_cpu
    played.browser_cpu = cpu_seconds(browsers) - browser_cpu
    played.other_cpu = busy_seconds() - busy - played.server_cpu - played.browser_cpu
    return played


def _play_round(facilitator: Any, pages: list[Any], roles: list[PlayRole], number: int, game: _Game,
                rng: random.Random, played: _Played, log: Log) -> None:
    """Open round ``number``, let the room press in waves, close it; add to ``played``."""
    played.opened += open_round(facilitator, pages, number, game.weeks)
    time.sleep(PAUSE_SECONDS)
    for index in range(WAVES):
        latencies, spread = wave(pages, presses(roles, number, index), game.window, rng)
        played.press += latencies
        played.press_spread.append(spread)
        log(f"round {number}, wave {index + 1}: presses within {spread:.2f} s, "
            f"slowest confirmation {max(latencies):.2f} s")
        time.sleep(PAUSE_SECONDS)
    shown, phase, closed = close_round(facilitator, pages, number, game.rounds, game.tables)
    played.close.append(shown)
    played.close_phase.append(phase)
    played.closed += closed
    log(f"round {number} closed: projector {shown:.2f} s (phase text {phase:.2f} s), "
        f"slowest phone {max(closed):.2f} s")
    time.sleep(PAUSE_SECONDS)


def _spread(values: list[float]) -> str:
    """p95 (p50, max) in seconds."""
    return (f"{_percentile(values, 95):.2f} s ({_percentile(values, 50):.2f}, "
            f"{max(values):.2f})")


def format_workshop_browser(result: WorkshopBrowserResult) -> list[Row]:
    """Table rows (measure, value, target, status) for ``result``."""
    room = (f"Workshop in browsers, {result.participants} participants, {result.tables} "
            f"tables")
    close_p95 = _percentile(result.close_seconds, 95)
    press_p95 = _percentile(result.press_seconds, 95)
    return [
        (f"{room}: join (median, max)",
         f"{np.median(result.join_seconds):.1f} s, {max(result.join_seconds):.1f} s", "", ""),
        (f"{room}: closing a round, p95 (p50, max)", _spread(result.close_seconds),
         f"≤ {TARGET_CLOSE_P95:g} s", status(close_p95, TARGET_CLOSE_P95)),
        ("  per round: projector (phase text alone)",
         ", ".join(f"{shown:.2f} ({phase:.2f})" for shown, phase
                   in zip(result.close_seconds, result.close_phase_seconds, strict=True)), "",
         ""),
        (f"{room}: a press to its confirmation, p95 (p50, max)", _spread(result.press_seconds),
         f"≤ {TARGET_REQUEST_P95:g} s", status(press_p95, TARGET_REQUEST_P95)),
        ("  presses per wave within (max)",
         f"{max(result.press_spread_seconds):.2f} s (window {result.window_seconds:g} s)", "",
         ""),
        ("  phones showing an opened round, p95 (p50, max)", _spread(result.opened_seconds),
         "", ""),
        ("  phones showing a closed round, p95 (p50, max)", _spread(result.closed_seconds),
         "", ""),
        ("  CPU during the rounds: server, browser, rest of the machine",
         f"{result.server_cpu_seconds:.1f} s, {result.browser_cpu_seconds:.1f} s, "
         f"{result.other_cpu_seconds:.1f} s (rounds took {result.rounds_seconds:.1f} s; load "
         f"average at the start {result.load_average[0]:.1f})", "", ""),
        (f"{room}: server memory after all joined",
         f"{result.mib_joined:.0f} MiB, server alone {result.server_mib[1]:.0f} MiB "
         f"({result.mib_start:.0f} / {result.server_mib[0]:.0f} before anyone joined, "
         f"{result.mib_end:.0f} / {result.server_mib[2]:.0f} after the rounds; "
         f"{result.mib_per_participant:.1f} per participant)", "", ""),
    ]


def main(argv: list[str] | None = None) -> int:
    """Measure, print the rows and write ``results/benchmarks/workshop-browser-<stamp>.json``."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.workshop_browser",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=25)
    parser.add_argument("--tables", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--weeks", type=int, default=13, help="weeks per round")
    parser.add_argument("--scenario", default="default")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--window", type=float, default=1.0,
                        help="seconds within which a wave's presses fall")
    add_run_options(parser)
    args = parser.parse_args(argv)
    result = measure_workshop_browser(args.participants, args.tables, args.rounds, args.weeks,
                                      args.scenario, args.seed, args.window, args.pin,
                                      log=log_to_stderr)
    report(result, format_workshop_browser(result), "workshop-browser", args.out, result.pinned)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
