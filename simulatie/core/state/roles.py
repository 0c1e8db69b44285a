"""The log of who took up and left the roles of volunteer and initiator, and when.

A role itself is state in the resident's row (:mod:`.population`); switching it on or off is
the rule module :mod:`simulatie.core.rules.roles`, which keeps this log. The measures and the
pattern tests read it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

__all__ = ["EARLY_QUIT_WEEKS", "RoleLog"]

EARLY_QUIT_WEEKS = 9  # "two months later hardly any are left" (seed 003 case 2)


@dataclass
class RoleLog:
    """Who took up and left a role, and when (for the measures and the pattern tests).

    Attributes:
        volunteer_exits: ``(joined, left)`` weeks of every volunteer who stopped.
        joined_by_week: Volunteers who signed up, per week.
        left_by_join_week: Of those, how many have stopped, per week of signing up.
        sign_ups: Volunteers who signed up after week 0, by any route.
        quit_early: Of those, how many stopped within ``EARLY_QUIT_WEEKS``.
        initiator_exits: ``(started, left, reason)`` of every initiator who stopped; the reason
            is ``"burnout"`` (energy ran out organising, or they burnt out helping others),
            ``"stepped_back"`` (crowded out by professionals doing the work), ``"life_event"``
            (a reason in their own life) or ``"idle"`` (half a year without an activity).
        burnt_out: Initiators who stopped with ``"burnout"``.
        stepped_back: Initiators who stopped with ``"stepped_back"``.
    """

    volunteer_exits: list[tuple[int, int]] = field(default_factory=list)
    joined_by_week: Counter = field(default_factory=Counter)
    left_by_join_week: Counter = field(default_factory=Counter)
    sign_ups: int = 0
    quit_early: int = 0
    initiator_exits: list[tuple[int, int, str]] = field(default_factory=list)
    burnt_out: int = 0
    stepped_back: int = 0

    def retention(self, week: int, newest: int = 8, oldest: int = 60) -> float:
        """Of volunteers who joined ``newest`` to ``oldest`` weeks ago, the share still active."""
        joined = sum(self.joined_by_week.get(w, 0) for w in range(week - oldest, week - newest + 1))
        left = sum(self.left_by_join_week.get(w, 0)
                   for w in range(week - oldest, week - newest + 1))
        return (joined - left) / joined if joined else float("nan")
