"""Choices single residents make for themselves, and the requests they were part of.

In the participatory mode a few people of the neighbourhood are played by participants, who decide
things about named neighbours. Each personal choice acts through a mechanism the model already
has for everyone (``docs/odd.md`` 7.16):

* **whom to ask**: a resident with a need asks only the one tie they chose; the asking mechanism
  (:mod:`simulatie.core.rules.asking`) skips their other ties, and the chosen one is as willing
  as anyone would be;
* **whom to invite**: a kartrekker personally invites a named neighbour to an activity at the
  meeting place nearest to them, once in every week one meets there, until they come; the
  neighbour accepts as anyone personally invited does (:mod:`simulatie.core.rules.attendance`);
* **whom to connect**: the professional arranges a meeting between a named resident and a
  volunteer (or else a neighbour near them) every week, paid from their matching or connecting
  hours (:mod:`simulatie.core.rules.matching`); what the meetings grow into is up to the ties'
  own rules.

* **how reluctant to ask** a played resident is: their chosen threshold replaces their own where
  asking and coming forward read it (:meth:`PersonalChoices.ask_thresholds`);
* **which requests a played volunteer takes**: their chosen fit replaces their own where matching
  reads it (:meth:`PersonalChoices.fits`).

Nothing outside the model writes the population's rows: a choice is an entry here, which the
rules consult, and it ends when the resident leaves the home (:meth:`PersonalChoices.forget`).

The log records every request that involves a watched resident (who asked whom, and whether the
answer was yes), so that a participant can read what happened to the person they play. A run
without participants has no choices and no watched residents, and never reads this.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

__all__ = ["NOBODY", "PersonalChoices", "Request"]

NOBODY = -1
"""The asker of a request that comes from no resident (a kartrekker or a professional played by
a participant stands for their role, not for one home)."""


@dataclass(frozen=True)
class Request:
    """One request that involved a watched resident.

    Attributes:
        week: The week it happened.
        kind: ``"ask"`` (for help over a tie), ``"match"`` (a help-seeker's request reached a
            volunteer), ``"invite"`` (a personal invitation to an activity) or ``"introduce"``
            (a meeting a professional arranged).
        asker: Who asked (the help-seeker; the resident introduced), or :data:`NOBODY`.
        asked: Who was asked (the helper; the volunteer; the invited neighbour; the partner met).
        yes: Whether the answer was yes (help given or promised; came; met).
        hours: Hours of help given, where help was given.
    """

    week: int
    kind: str
    asker: int
    asked: int
    yes: bool
    hours: float = 0.0


@dataclass
class PersonalChoices:
    """The personal choices in force, and the requests that involved watched residents.

    Attributes:
        ask_only: Per resident with a chosen tie: the one resident they ask for help.
        invitations: Homes a kartrekker invites personally, until they come to an activity, with
            the last week they were invited (once a week at most).
        introductions: Per resident the professional connects: their partner, once found
            (:data:`NOBODY` until then).
        reluctance: Per played resident, the threshold to ask they chose.
        fit: Per played volunteer, the chance that a request fits that they chose.
        watched: Homes whose requests are logged.
        log: The requests, oldest first.
    """

    ask_only: dict[int, int] = field(default_factory=dict)
    invitations: dict[int, int] = field(default_factory=dict)
    introductions: dict[int, int] = field(default_factory=dict)
    reluctance: dict[int, float] = field(default_factory=dict)
    fit: dict[int, float] = field(default_factory=dict)
    watched: set[int] = field(default_factory=set)
    log: list[Request] = field(default_factory=list)

    def clear_choices(self) -> None:
        """End every choice (a new round is chosen afresh); the log and the watch stay."""
        self.ask_only.clear()
        self.invitations.clear()
        self.introductions.clear()

    def ask_only_one(self, resident: int, helper: int) -> None:
        """``resident`` asks only ``helper`` for help (their other ties are skipped)."""
        self.ask_only[resident] = helper

    def invite(self, home: int, since: int) -> None:
        """A kartrekker invites ``home`` personally until they come; ``since``: last invited."""
        self.invitations[home] = since
        self.watched.add(home)

    def connect(self, home: int) -> None:
        """The professional arranges meetings for ``home`` until a partner is found."""
        self.introductions[home] = NOBODY
        self.watched.add(home)

    def choose_reluctance(self, home: int, threshold: float | None) -> None:
        """A played resident's threshold to ask; ``None`` gives them their own back."""
        if threshold is None:
            self.reluctance.pop(home, None)
        else:
            self.reluctance[home] = threshold

    def choose_fit(self, home: int, fit: float | None) -> None:
        """A played volunteer's chance that a request fits; ``None`` gives them their own back."""
        if fit is None:
            self.fit.pop(home, None)
        else:
            self.fit[home] = fit

    def watch_only(self, homes: set[int]) -> None:
        """Log the requests of these homes, and of no others."""
        self.watched.clear()
        self.watched |= homes

    def watch(self, home: int) -> None:
        """Log the requests of ``home`` too."""
        self.watched.add(home)

    def unwatch(self, home: int) -> None:
        """Stop logging the requests of ``home``."""
        self.watched.discard(home)

    def release(self, home: int) -> None:
        """``home`` is no longer played: its chosen tie, fit and watch end."""
        self.ask_only.pop(home, None)
        self.fit.pop(home, None)
        self.watched.discard(home)

    def take_log(self) -> list[Request]:
        """The requests logged since the last call, oldest first (the log is emptied)."""
        requests = list(self.log)
        self.log.clear()
        return requests

    def ask_thresholds(self, own: np.ndarray) -> np.ndarray:
        """Every resident's threshold to ask: their own, or the one a participant chose."""
        if not self.reluctance:
            return own
        chosen = own.copy()
        for home, threshold in self.reluctance.items():
            chosen[home] = threshold
        return chosen

    def fits(self, own: np.ndarray) -> np.ndarray:
        """Every volunteer's fit: their own, or the one a participant chose."""
        if not self.fit:
            return own
        chosen = own.copy()
        for home, fit in self.fit.items():
            chosen[home] = fit
        return chosen

    def forget(self, homes: np.ndarray) -> None:
        """Residents who left their homes take their chosen threshold and fit with them."""
        for home in homes.tolist():
            self.reluctance.pop(home, None)
            self.fit.pop(home, None)

    def only_array(self, n: int) -> np.ndarray:
        """Per resident, the one resident they ask, or :data:`NOBODY` (ask anyone)."""
        only = np.full(n, NOBODY, dtype=np.int64)
        for needer, helper in self.ask_only.items():
            only[needer] = helper
        return only

    def watched_mask(self, n: int) -> np.ndarray:
        """Per resident, whether their requests are logged."""
        mask = np.zeros(n, dtype=np.bool_)
        mask[list(self.watched)] = True
        return mask

    def involves(self, *homes: int) -> bool:
        """Whether any of ``homes`` is watched."""
        return any(home in self.watched for home in homes)

    def note(self, week: int, kind: str, asker: int, asked: int, yes: bool,
             hours: float = 0.0) -> None:
        """Log a request if it involves a watched resident."""
        if self.involves(asker, asked):
            self.log.append(Request(week, kind, int(asker), int(asked), bool(yes), float(hours)))
