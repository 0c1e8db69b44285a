"""One neighbourhood played by one table of participants, round by round.

A table holds a running :class:`~simulatie.core.simulation.Simulation` of the session's scenario
and seed. Each round, the choices of the roles that are played become the levers of the next
weeks (:meth:`~simulatie.core.simulation.Simulation.change_levers`); a role nobody plays keeps the
scenario's values, the model's own rules. The residents with a need are played as one resident of
the neighbourhood, the frailest at the start: their own reluctance to ask is the player's choice,
and the asking mechanism reads it like anyone's. What happened to that resident and to the
neighbourhood is recorded per round (:class:`RoundRecord`), for the participants' own view and
for the debrief.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from simulatie.core.care import Source
from simulatie.core.parameters import Parameters, make_parameters
from simulatie.core.simulation import Simulation
from simulatie.workshop.play.decisions import DECISIONS, PlayRole

__all__ = ["KEY_METRICS", "PLAYED_NAMES", "PlayedResident", "RoundRecord", "Table", "levers_of"]

KEY_METRICS = ("caring_ties", "share_with_caring_tie", "lonely_share", "ownership",
               "active_volunteers", "active_initiators", "attendance", "care_hours_network",
               "care_hours_volunteers", "care_hours_professional", "care_hours_formal",
               "care_hours_unmet")
"""What a table records every week: what the participants read, the projector's time series
draws and the debrief compares."""

PLAYED_NAMES = ("mevrouw De Vries", "meneer Jansen", "mevrouw Bakker", "meneer El Amrani",
                "mevrouw Visser", "meneer Peeters")
"""Names given to the played resident, one after the other if one leaves the neighbourhood."""

Choices = Mapping[PlayRole, Mapping[str, str]]


def levers_of(choices: Choices) -> tuple[dict[str, Any], float | None]:
    """The lever values and the resident's reluctance to ask that a round's choices set.

    Args:
        choices: Per role, the chosen option per decision.

    Returns:
        The levers, and the played resident's ask threshold (``None`` if not chosen).

    Raises:
        KeyError: For an unknown decision or option.
    """
    levers: dict[str, Any] = {}
    threshold = None
    for role, answers in choices.items():
        decisions = {d.key: d for d in DECISIONS[role]}
        for key, option_key in answers.items():
            option = decisions[key].option(option_key)
            levers.update(option.levers)
            if option.ask_threshold is not None:
                threshold = option.ask_threshold
    return levers, threshold


@dataclass
class PlayedResident:
    """The resident with a need whom the resident role plays.

    Attributes:
        name: How the participant knows them.
        slot: Their home (row of the population).
        generation: Which resident of that home they are (a newcomer has another).
        own_threshold: Their own reluctance to ask, for when nobody plays them.
    """

    name: str
    slot: int
    generation: int
    own_threshold: float


@dataclass
class RoundRecord:
    """What one round did.

    Attributes:
        number: The round, from 1.
        weeks: The weeks it covered, ``(first, last)``.
        choices: Per role, the chosen option per decision (played roles only).
        levers: The lever values in force.
        resident: The played resident's hours: ``need``, ``network``, ``volunteers``,
            ``professional``, ``formal``, ``unmet``; and ``name``.
        end: The key metrics in the round's last week.
        events: Facts worth telling, as ``kind:detail`` (``left:<name>``: the played resident
            left the neighbourhood and another resident with a need is played from then on).
    """

    number: int
    weeks: tuple[int, int]
    choices: dict[str, dict[str, str]]
    levers: dict[str, Any]
    resident: dict[str, Any]
    end: dict[str, float]
    events: list[str] = field(default_factory=list)


class Table:
    """One neighbourhood, played round by round.

    Args:
        name: The table's name (``"Tafel 1"``).
        params: The scenario's parameters: the model's own rules for every unplayed role.
        seed: The neighbourhood's seed (the same at every table, for comparison).
    """

    def __init__(self, name: str, params: Parameters, seed: int) -> None:
        self.name = name
        self.base = params
        self.seed = seed
        self.simulation = Simulation(params, seed, metrics=KEY_METRICS, baseline=False)
        self.rounds: list[RoundRecord] = []
        self._names = iter(PLAYED_NAMES * 10)
        self.resident = self._choose_resident()

    @property
    def week(self) -> int:
        """The neighbourhood's current week."""
        return self.simulation.week

    def _choose_resident(self) -> PlayedResident:
        """The frailest resident now living in the neighbourhood."""
        pop = self.simulation.model.state.population
        slot = int(np.argmax(pop.frailty))
        return PlayedResident(next(self._names), slot, int(pop.generation[slot]),
                              float(pop.ask_threshold[slot]))

    def play_round(self, choices: Choices, weeks: int) -> RoundRecord:
        """Run one round with the choices of the roles that are played.

        Args:
            choices: Per played role, the chosen option per decision.
            weeks: Weeks in the round.

        Returns:
            The round's record (also kept in :attr:`rounds`).
        """
        levers, threshold = levers_of(choices)
        values = {**self.base.model_dump(mode="python"), **levers}
        self.simulation.change_levers(make_parameters(values))
        first = self.week + 1
        hours = dict.fromkeys(("need", "network", "volunteers", "professional", "formal",
                               "unmet"), 0.0)
        events: list[str] = []
        for _ in range(weeks):
            self._set_reluctance(threshold, events)
            self.simulation.step(1)
            self._count_hours(hours)
        end = {k: float(v) for k, v in self.simulation.records[-1].items() if k != "week"}
        record = RoundRecord(
            number=len(self.rounds) + 1, weeks=(first, self.week),
            choices={str(role): dict(answers) for role, answers in choices.items()},
            levers=levers, resident={"name": self.resident.name, **hours}, end=end,
            events=events,
        )
        self.rounds.append(record)
        return record

    def _set_reluctance(self, threshold: float | None, events: list[str]) -> None:
        pop = self.simulation.model.state.population
        if int(pop.generation[self.resident.slot]) != self.resident.generation:
            events.append(f"left:{self.resident.name}")
            self.resident = self._choose_resident()
        chosen = self.resident.own_threshold if threshold is None else threshold
        pop.ask_threshold[self.resident.slot] = chosen

    def _count_hours(self, hours: dict[str, float]) -> None:
        care = self.simulation.model.state.care
        slot = self.resident.slot
        hours["need"] += float(care.need[slot])
        hours["unmet"] += float(care.unmet[slot])
        for name, source in (("network", Source.NETWORK), ("volunteers", Source.VOLUNTEERS),
                             ("professional", Source.PROFESSIONAL), ("formal", Source.FORMAL)):
            hours[name] += float(care.received[slot, source])
