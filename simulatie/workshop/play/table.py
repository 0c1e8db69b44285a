"""One neighbourhood played by one table of participants, round by round.

A table holds a running :class:`~simulatie.core.run.simulation.Simulation` of the session's scenario
and seed. Each round, the choices of the roles that are played become the levers of the next weeks
(:meth:`~simulatie.core.run.simulation.Simulation.change_levers`); a role nobody plays keeps the
scenario's values, the model's own rules. The residents with a need are played as one resident of
the neighbourhood, the frailest at the start: their own reluctance to ask, and whom they ask, are
the player's choice, and the asking mechanism reads them like anyone's. The volunteer role plays the
longest-serving volunteer, whose answer to requests is the player's. Each round also offers
decisions about named neighbours (:mod:`.personal`). What happened to the played people, the
requests they were part of, and the neighbourhood is recorded per round (:class:`RoundRecord`), for
the participants' own view and for the debrief.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from simulatie.core.parameters import Parameters, make_parameters
from simulatie.core.run.simulation import Simulation
from simulatie.core.state.care_week import Source
from simulatie.core.state.personal import Request
from simulatie.workshop.play.decisions import DECISIONS, Decision, PlayRole
from simulatie.workshop.play.names import resident_name
from simulatie.workshop.play.personal import apply_personal, personal_decisions

if TYPE_CHECKING:
    from simulatie.core.state.neighbourhood import Neighbourhood

__all__ = ["KEY_METRICS", "PlayedPerson", "RoundRecord", "Table", "levers_of"]

KEY_METRICS = ("caring_ties", "share_with_caring_tie", "lonely_share", "ownership",
               "active_volunteers", "active_initiators", "attendance", "care_hours_network",
               "care_hours_volunteers", "care_hours_professional", "care_hours_formal",
               "care_hours_unmet")
"""What a table records every week: what the participants read, the projector's time series
draws and the debrief compares."""

Choices = Mapping[PlayRole, Mapping[str, str]]


def levers_of(choices: Choices) -> tuple[dict[str, Any], float | None]:
    """The lever values and the resident's reluctance to ask that a round's choices set.

    Args:
        choices: Per role, the chosen option per decision.

    Returns:
        The levers, and the played resident's ask threshold (``None`` if not chosen).

    Decisions about named people (:mod:`.personal`) set no lever and are skipped here.

    Raises:
        KeyError: For an unknown option of a decision that sets levers.
    """
    levers: dict[str, Any] = {}
    threshold = None
    for role, answers in choices.items():
        decisions = {d.key: d for d in DECISIONS[PlayRole(role)]}
        for key, option_key in answers.items():
            if key not in decisions:
                continue
            option = decisions[key].option(option_key)
            levers.update(option.levers)
            if option.ask_threshold is not None:
                threshold = option.ask_threshold
    return levers, threshold


@dataclass
class PlayedPerson:
    """A resident whom a role plays: the resident with a need, or the volunteer.

    Attributes:
        slot: Their home (row of the population).
        generation: Which resident of that home they are (a newcomer has another).
        own: Their own value of what the player decides (reluctance to ask; a volunteer's
            fit), for when nobody plays them.
    """

    slot: int
    generation: int
    own: float

    def name(self, lang: str = "nl") -> str:
        """Their name (:func:`~.names.resident_name`)."""
        return resident_name(self.slot, self.generation, lang)


@dataclass
class RoundRecord:
    """What one round did.

    Attributes:
        number: The round, from 1.
        weeks: The weeks it covered, ``(first, last)``.
        choices: Per role, the chosen option per decision (played roles only).
        levers: The lever values in force.
        resident: The played resident's hours: ``need``, ``network``, ``volunteers``,
            ``professional``, ``formal``, ``unmet``; and their ``slot``.
        end: The key metrics in the round's last week.
        events: Facts worth telling, as ``kind:slot`` (``left:<slot>``: the played resident
            left the neighbourhood and another resident with a need is played from then on).
        requests: The requests the played people took part in (:class:`Request`).
        people: The generation of every home named in this record, to name its resident.
        volunteer: The played volunteer's home, if there was one.
        offered: The decisions about named people offered in the round, per role.
    """

    number: int
    weeks: tuple[int, int]
    choices: dict[str, dict[str, str]]
    levers: dict[str, Any]
    resident: dict[str, Any]
    end: dict[str, float]
    events: list[str] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    people: dict[int, int] = field(default_factory=dict)
    volunteer: int | None = None
    offered: dict[str, tuple[Decision, ...]] = field(default_factory=dict)


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
        self.resident = self._choose_resident()
        self.volunteer = self._choose_volunteer()
        self.offered: dict[PlayRole, tuple[Decision, ...]] | None = None

    @property
    def week(self) -> int:
        """The neighbourhood's current week."""
        return self.simulation.week

    @property
    def state(self) -> Neighbourhood:
        """The neighbourhood's state (population, ties, activities, personal choices)."""
        return self.simulation.model.state

    def _choose_resident(self) -> PlayedPerson:
        """The frailest resident now living in the neighbourhood."""
        pop = self.state.population
        slot = int(np.argmax(pop.frailty))
        return PlayedPerson(slot, int(pop.generation[slot]), float(pop.ask_threshold[slot]))

    def _choose_volunteer(self) -> PlayedPerson | None:
        """The longest-serving volunteer now, or ``None`` without volunteers."""
        pop = self.state.population
        volunteers = np.flatnonzero(pop.is_volunteer)
        if len(volunteers) == 0:
            return None
        slot = int(volunteers[np.lexsort((volunteers, pop.joined_week[volunteers]))[0]])
        return PlayedPerson(slot, int(pop.generation[slot]), float(pop.fit[slot]))

    def _volunteer_still_here(self) -> bool:
        pop = self.state.population
        v = self.volunteer
        return (v is not None and int(pop.generation[v.slot]) == v.generation
                and bool(pop.is_volunteer[v.slot]))

    def decisions(self, role: PlayRole) -> tuple[Decision, ...]:
        """The decisions ``role`` answers in the coming (or open) round."""
        if self.offered is None:
            self.offer()
        return DECISIONS[role] + self.offered.get(role, ())

    def offer(self) -> None:
        """Read this round's decisions about named people off the neighbourhood."""
        if not self._volunteer_still_here():
            self._restore_volunteer()
            self.volunteer = self._choose_volunteer()
        volunteer = self.volunteer.slot if self.volunteer else None
        self.offered = personal_decisions(self.state, self.resident.slot, volunteer)

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
        personal = self.state.personal
        answers = {str(role): dict(a) for role, a in choices.items()}
        personal.watch_only(set())
        fit = apply_personal(self.state, self.resident.slot, answers)
        for person in (self.resident, self.volunteer):
            if person is not None:
                personal.watch(person.slot)
        offered = {str(role): ds for role, ds in (self.offered or {}).items()}
        first = self.week + 1
        hours = dict.fromkeys(("need", "network", "volunteers", "professional", "formal",
                               "unmet"), 0.0)
        events: list[str] = []
        for _ in range(weeks):
            self._set_reluctance(threshold, events)
            self._set_fit(fit)
            self.simulation.step(1)
            self._count_hours(hours)
        end = {k: float(v) for k, v in self.simulation.records[-1].items() if k != "week"}
        requests = personal.take_log()
        record = RoundRecord(
            number=len(self.rounds) + 1, weeks=(first, self.week), choices=answers,
            levers=levers, resident={"slot": self.resident.slot, **hours}, end=end,
            events=events, requests=requests, people=self._people(requests),
            volunteer=self.volunteer.slot if self.volunteer else None, offered=offered,
        )
        self.rounds.append(record)
        self.offered = None
        return record

    def _people(self, requests: list[Request]) -> dict[int, int]:
        """The generation of every home a round's record names (for their names)."""
        pop = self.state.population
        homes = {self.resident.slot} | {h for r in requests for h in (r.asker, r.asked)
                                        if h >= 0}
        if self.volunteer is not None:
            homes.add(self.volunteer.slot)
        homes |= self.state.personal.watched
        return {h: int(pop.generation[h]) for h in sorted(homes)}

    def _set_reluctance(self, threshold: float | None, events: list[str]) -> None:
        pop = self.state.population
        personal = self.state.personal
        if int(pop.generation[self.resident.slot]) != self.resident.generation:
            events.append(f"left:{self.resident.slot}:{self.resident.generation}")
            personal.release(self.resident.slot)
            self.resident = self._choose_resident()
            personal.watch(self.resident.slot)
        # None: their own reluctance, as the model's rules have it
        personal.choose_reluctance(self.resident.slot, threshold)

    def _set_fit(self, fit: float | None) -> None:
        if not self._volunteer_still_here():
            return
        self.state.personal.choose_fit(self.volunteer.slot, fit)

    def _restore_volunteer(self) -> None:
        """Give a volunteer who is no longer played (or left the role) their own fit back."""
        v = self.volunteer
        if v is not None:
            self.state.personal.choose_fit(v.slot, None)
            self.state.personal.unwatch(v.slot)

    def _count_hours(self, hours: dict[str, float]) -> None:
        care = self.state.care
        slot = self.resident.slot
        hours["need"] += float(care.need[slot])
        hours["unmet"] += float(care.unmet[slot])
        for name, source in (("network", Source.NETWORK), ("volunteers", Source.VOLUNTEERS),
                             ("professional", Source.PROFESSIONAL), ("formal", Source.FORMAL)):
            hours[name] += float(care.received[slot, source])
