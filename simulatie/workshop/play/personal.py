"""Decisions about named neighbours, offered afresh each round from the table's neighbourhood.

Besides the decisions every round asks of a role (:data:`~.decisions.DECISIONS`), the roles decide
about people (issue: "whom to connect", "whom to invite", "ask whom", "take a match or not"):

* **the resident with a need**: whom do they ask, one of their own ties by name, or anyone they
  know (the model's rule);
* **the volunteer** played (the longest-serving one): take every request, only what suits them
  (the model's rule: their own fit), or no new requests this round;
* **a kartrekker**: which neighbour, among the most isolated ones living near a running
  activity, to invite personally;
* **the professional**: which resident, among those whose need was left undone or who know
  nobody, to bring together with a volunteer or a neighbour.

The options are read off the neighbourhood when a round opens and stay the same until it closes.
A chosen option acts through the model's mechanisms (:mod:`simulatie.core.state.personal`); an
option that is the model's own rule sets nothing. A decision with nobody to choose (no ties yet, no
volunteer, no activity) is not asked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from simulatie.core.rules.asking import CLOSE_STRENGTH
from simulatie.core.state.population import NEVER
from simulatie.workshop.play.decisions import Decision, Option, PlayRole
from simulatie.workshop.play.names import resident_name

if TYPE_CHECKING:
    from simulatie.core.state.neighbourhood import Neighbourhood

__all__ = ["CHOICES_SHOWN", "MODEL_OPTIONS", "TAKE", "apply_personal", "home_of", "knows_well",
           "personal_decisions"]

CHOICES_SHOWN = 4
"""Named people offered in one decision: enough to choose, few enough to read on a phone."""

MODEL_OPTIONS = frozenset({"anyone", "fits", "nobody"})
"""Options that leave the decision to the model's own rules."""

TAKE = Decision("take", PlayRole.VOLUNTEER, "Neem je de hulpvragen aan die bij je komen?",
                "Do you take the requests for help that reach you?", (
    Option("all", "Ja, ik help iedereen die het vraagt", "Yes, I help everyone who asks",
           fit=1.0),
    Option("fits", "Alleen wat bij me past", "Only what suits me"),
    Option("none", "Deze ronde geen nieuwe hulpvragen", "No new requests this round", fit=0.0),
), myths=(6,))
"""The played volunteer's answer to requests: their own fit, which matching reads."""


def home_of(option: str) -> int | None:
    """The home an option names (``"home-17"`` → 17), or ``None``."""
    prefix, _, number = option.partition("-")
    return int(number) if prefix == "home" and number.isdigit() else None


def _named(nb: Neighbourhood, homes: list[int], notes: list[tuple[str, str]]) -> list[Option]:
    pop = nb.population
    return [Option(f"home-{home}",
                   f"{resident_name(home, int(pop.generation[home]), 'nl')} ({nl})",
                   f"{resident_name(home, int(pop.generation[home]), 'en')} ({en})")
            for home, (nl, en) in zip(homes, notes, strict=True)]


def knows_well(count: int) -> tuple[str, str]:
    """How many people a resident knows well, in Dutch and English ("kent 1 persoon goed")."""
    if count == 0:
        return "kent nog niemand goed", "knows nobody well yet"
    if count == 1:
        return "kent 1 persoon goed", "knows 1 person well"
    return f"kent {count} mensen goed", f"knows {count} people well"


def _ask_whom(nb: Neighbourhood, resident: int) -> Decision | None:
    ties = nb.ties
    all_strength = ties.strength()
    ends = np.concatenate([ties.b[ties.a == resident], ties.a[ties.b == resident]])
    strength = np.concatenate([all_strength[ties.a == resident],
                               all_strength[ties.b == resident]])
    order = np.argsort(-strength, kind="stable")[:CHOICES_SHOWN]
    if len(order) == 0:
        return None
    notes = [("een goede band", "a close tie") if strength[i] >= CLOSE_STRENGTH else
             ("een kennis", "an acquaintance") for i in order]
    options = _named(nb, [int(ends[i]) for i in order], notes)
    options.append(Option("anyone", "Iedereen die ik ken, de sterkste band eerst",
                           "Anyone I know, the closest first"))
    return Decision("whom", PlayRole.RESIDENT, "Wie vraag je om hulp?", "Whom do you ask for "
                    "help?", tuple(options), myths=(6,))


def _invite_whom(nb: Neighbourhood) -> Decision | None:
    programme = nb.programme
    places = sorted({a.place for a in programme.running()})
    if not places:
        return None
    near = np.concatenate([programme.catchment[p] for p in places])
    members = np.zeros(nb.population.n, dtype=bool)
    for activity in programme.running():
        members |= activity.members
    near = near[~members[near]]
    counts = nb.views.friendly_counts[near]
    homes = near[np.lexsort((near, counts))][:CHOICES_SHOWN]
    if len(homes) == 0:
        return None
    notes = [knows_well(int(nb.views.friendly_counts[h])) for h in homes]
    options = _named(nb, homes.tolist(), notes)
    options.append(Option("nobody", "Niemand in het bijzonder", "Nobody in particular"))
    return Decision("invite_whom", PlayRole.KARTREKKER, "Wie nodig je persoonlijk uit?",
                    "Whom do you invite personally?", tuple(options), myths=(5,))


def _connect_whom(nb: Neighbourhood) -> Decision | None:
    unmet = nb.care.unmet
    counts = nb.views.friendly_counts
    lonely_or_unmet = np.flatnonzero((unmet > 0.5) | (counts == 0))
    homes = lonely_or_unmet[np.lexsort((lonely_or_unmet, counts[lonely_or_unmet],
                                        -unmet[lonely_or_unmet]))][:CHOICES_SHOWN]
    if len(homes) == 0:
        return None
    notes = []
    for home in homes.tolist():
        nl, en = knows_well(int(counts[home]))
        if unmet[home] > 0.5:
            hours = round(float(unmet[home]))
            nl = f"{hours} uur hulp bleef liggen, {nl}"
            en = f"{hours} {'hour' if hours == 1 else 'hours'} of help left undone, {en}"
        notes.append((nl, en))
    options = _named(nb, homes.tolist(), notes)
    options.append(Option("nobody", "Niemand in het bijzonder", "Nobody in particular"))
    return Decision("connect_whom", PlayRole.PROFESSIONAL, "Wie breng je in contact met een "
                    "vrijwilliger of een buur?", "Whom do you bring together with a volunteer or "
                    "a neighbour?", tuple(options), myths=(3, 5))


def personal_decisions(nb: Neighbourhood, resident: int, volunteer: int | None
                       ) -> dict[PlayRole, tuple[Decision, ...]]:
    """The decisions about people each role is offered this round.

    Args:
        nb: The table's neighbourhood now.
        resident: The played resident's home.
        volunteer: The played volunteer's home, or ``None`` if there are no volunteers.

    Returns:
        Per role, the decisions about people (none for the council).
    """
    found = {
        PlayRole.RESIDENT: _ask_whom(nb, resident),
        PlayRole.VOLUNTEER: TAKE if volunteer is not None else None,
        PlayRole.KARTREKKER: _invite_whom(nb),
        PlayRole.PROFESSIONAL: _connect_whom(nb),
    }
    return {role: (decision,) for role, decision in found.items() if decision is not None}


def apply_personal(nb: Neighbourhood, resident: int, choices: dict[str, dict[str, str]]
                   ) -> float | None:
    """Put a round's choices about people in force (every earlier one ends).

    Args:
        nb: The table's neighbourhood.
        resident: The played resident's home.
        choices: Per role (its value), the chosen option per decision.

    Returns:
        The played volunteer's fit, if their player chose one.
    """
    personal = nb.personal
    personal.clear_choices()
    fit = None
    for role, answers in choices.items():
        for decision, option in answers.items():
            home = home_of(option)
            if decision == "whom" and home is not None:
                personal.ask_only_one(resident, home)
            elif decision == "invite_whom" and home is not None:
                personal.invite(home, since=NEVER)
            elif decision == "connect_whom" and home is not None:
                personal.connect(home)
            elif role == PlayRole.VOLUNTEER and decision == TAKE.key:
                fit = TAKE.option(option).fit
    return fit
