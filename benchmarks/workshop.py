"""A participatory session under load: 25 participants, five tables, every round closed at once.

Usage::

    .venv/bin/python -m benchmarks.workshop                  # 25 participants, 4 rounds
    .venv/bin/python -m benchmarks.workshop --participants 10 --rounds 2

The room is the engine the screens call (:class:`simulatie.workshop.play.session.Session`), in
one process as on the workshop laptop: five roles per table, so 25 participants fill five tables
of the default neighbourhood (300 residents each). In each round every participant, each in its
own thread, answers all their role's decisions and reads their situation, the way their page does
when they press; then the facilitator closes the round and every table runs its 13 weeks.

Two figures against the issue's targets: the p95 of closing a round (all tables' weeks), at most
2 s; and the p95 of one participant's request (an answer or their situation) while everyone
presses at once, at most 1 s. The screens add their own rendering on top of the second figure;
this measures what the room's shared state costs under contention.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from pathlib import Path

from simulatie.workshop.play.decisions import PlayRole
from simulatie.workshop.play.session import Session
from simulatie.workshop.play.words import situation

__all__ = ["main", "measure_workshop"]

RESULTS = Path(__file__).resolve().parent.parent / "results" / "benchmarks"
TARGET_CLOSE_P95 = 2.0
TARGET_REQUEST_P95 = 1.0


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def measure_workshop(participants: int = 25, rounds: int = 4, weeks: int = 13,
                     scenario: str = "default") -> dict[str, float]:
    """Play a session under load and time it.

    Args:
        participants: People in the room (five per table).
        rounds: Rounds played.
        weeks: Weeks per round.
        scenario: The scenario every table plays.

    Returns:
        Medians and p95s of closing a round and of one request, and the targets.
    """
    roles = list(PlayRole)
    tables = -(-participants // len(roles))
    room = Session(scenario, seed=1, tables=tables, weeks_per_round=weeks, rounds=rounds)
    people = []
    for index in range(participants):
        person = room.join(room.pin, f"P{index}", index // len(roles))
        room.claim(person.token, roles[index % len(roles)])
        people.append(person)
    closing, requests = [], []
    lock = threading.Lock()

    def press(person, number: int) -> None:
        for decision in room.decisions_for(person):
            started = time.perf_counter()
            room.choose(person.token, decision.key, decision.options[-1].key, number)
            situation(room, person.token, "nl")
            with lock:
                requests.append(time.perf_counter() - started)

    for _ in range(rounds):
        number = room.open_round()
        threads = [threading.Thread(target=press, args=(p, number)) for p in people]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        started = time.perf_counter()
        room.close_round()
        closing.append(time.perf_counter() - started)
    return {
        "participants": participants, "tables": tables, "rounds": rounds, "weeks": weeks,
        "close_median_s": statistics.median(closing), "close_p95_s": _p95(closing),
        "request_median_s": statistics.median(requests), "request_p95_s": _p95(requests),
        "target_close_p95_s": TARGET_CLOSE_P95, "target_request_p95_s": TARGET_REQUEST_P95,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the result and write it to ``results/benchmarks/``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=25)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--weeks", type=int, default=13)
    args = parser.parse_args(argv)
    result = measure_workshop(args.participants, args.rounds, args.weeks)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "workshop.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    met = (result["close_p95_s"] <= TARGET_CLOSE_P95
           and result["request_p95_s"] <= TARGET_REQUEST_P95)
    print("targets met" if met else "targets NOT met")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
