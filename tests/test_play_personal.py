"""Decisions about named people in the participatory mode: whom to ask, invite and connect, and
the volunteer's answer to requests; each acts through a mechanism, and watching changes nothing."""

from __future__ import annotations

import numpy as np
import pytest

from simulatie.core.run.simulation import Simulation
from simulatie.core.state.personal import NOBODY
from simulatie.experiment.scenarios import load_scenario
from simulatie.workshop.play.debrief import debrief
from simulatie.workshop.play.decisions import PlayRole
from simulatie.workshop.play.names import resident_name
from simulatie.workshop.play.personal import home_of
from simulatie.workshop.play.session import Phase, Session
from simulatie.workshop.play.table import levers_of
from simulatie.workshop.play.words import situation

WEEKS = 8


@pytest.fixture
def street(tmp_path):
    path = tmp_path / "street.toml"
    path.write_text("[parameters]\nresidents = 120\n", encoding="utf-8")
    return str(path)


def played(scenario: str, seed: int, roles=tuple(PlayRole)) -> tuple[Session, dict]:
    room = Session(scenario, seed=seed, weeks_per_round=WEEKS, rounds=3, pin="1234")
    people = {}
    for role in roles:
        person = room.join("1234", role.value)
        room.claim(person.token, role)
        people[role] = person
    return room, people


def answer(room: Session, person, pick) -> dict[str, str]:
    """Answer every decision offered to ``person``; ``pick(decision)`` gives the option key."""
    chosen = {}
    for decision in room.decisions_for(person):
        chosen[decision.key] = pick(decision)
        room.choose(person.token, decision.key, chosen[decision.key], room.round)
    return chosen


def named(decision) -> str:
    """The first named person among the options, else the first option."""
    return next((o.key for o in decision.options if home_of(o.key) is not None),
                decision.options[0].key)


def test_watching_and_naming_change_nothing_in_the_neighbourhood(street):
    params = load_scenario(street).parameters
    plain = Simulation(params, 4, metrics=["caring_ties", "care_hours_network"], baseline=False)
    watched = Simulation(params, 4, metrics=["caring_ties", "care_hours_network"],
                         baseline=False)
    watched.model.state.personal.watched |= set(range(0, 120, 7))
    plain.step(20)
    watched.step(20)
    assert plain.timeseries().equals(watched.timeseries())
    assert watched.model.state.personal.log  # and yet every request was seen
    assert not plain.model.state.personal.log


@pytest.mark.parametrize("seed", [2, 9])
def test_a_resident_who_chose_whom_to_ask_asks_nobody_else(street, seed):
    room, people = played(street, seed, roles=(PlayRole.RESIDENT,))
    resident = people[PlayRole.RESIDENT]
    checked = 0
    for _ in range(2):
        room.open_round()
        whom = [d for d in room.decisions_for(resident) if d.key == "whom"]
        me = room.tables[0].resident.slot
        chosen = answer(room, resident, lambda d: "readily" if d.key == "ask" else named(d))
        record = room.close_round()[0]
        asks = [q for q in record.requests if q.kind == "ask" and q.asker == me]
        if whom and not record.events:  # a resident who left is replaced, choices and all
            assert {q.asked for q in asks} <= {home_of(chosen["whom"])}
            checked += len(asks)
    assert room.phase is Phase.BETWEEN and checked > 0


def test_the_volunteer_who_takes_everything_never_turns_a_match_down(street):
    for seed in range(1, 6):
        room, people = played(street, seed, roles=(PlayRole.VOLUNTEER,))
        room.open_round()
        volunteer = people[PlayRole.VOLUNTEER]
        if not any(d.key == "take" for d in room.decisions_for(volunteer)):
            continue  # no volunteers here yet: nothing to take
        answer(room, volunteer, lambda d: "all" if d.key == "take" else d.options[0].key)
        record = room.close_round()[0]
        matches = [q for q in record.requests if q.kind == "match" and q.asked == record.volunteer]
        assert all(q.yes for q in matches)
        room.open_round()
        answer(room, volunteer, lambda d: "none" if d.key == "take" else d.options[0].key)
        record = room.close_round()[0]
        state = room.tables[0].state
        fits = state.personal.fits(state.population.fit)  # what matching reads
        assert fits[record.volunteer] == 0.0
        assert state.population.fit[record.volunteer] > 0.0  # their own row is not written
        return
    pytest.skip("no seed with volunteers")


def test_an_invited_neighbour_is_asked_once_a_week_until_they_come(street):
    room, people = played(street, 3, roles=(PlayRole.KARTREKKER,))
    kartrekker = people[PlayRole.KARTREKKER]
    tried = 0
    for _ in range(3):
        room.open_round()
        chosen = answer(room, kartrekker, named)
        record = room.close_round()[0]
        home = home_of(chosen.get("invite_whom", "nobody"))
        if home is None:
            continue
        invites = [q for q in record.requests if q.kind == "invite" and q.asked == home]
        weeks = [q.week for q in invites]
        assert len(weeks) == len(set(weeks))  # once a week at most
        assert all(not q.yes for q in invites[:-1])  # asked again only while they did not come
        tried += len(invites)
        text = " ".join(situation(room, kartrekker.token, "nl"))
        assert resident_name(home, record.people[home], "nl") in text
    assert tried > 0


def test_the_professional_brings_the_chosen_resident_together_every_week(street):
    room, people = played(street, 6, roles=(PlayRole.PROFESSIONAL,))
    professional = people[PlayRole.PROFESSIONAL]
    room.open_round()
    chosen = answer(room, professional, named)
    record = room.close_round()[0]
    home = home_of(chosen["connect_whom"])
    meetings = [q for q in record.requests if q.kind == "introduce" and q.asker == home]
    assert len(meetings) == WEEKS  # every week: a meeting, or why there was none
    met = [q for q in meetings if q.yes]
    assert met, "the default scenario has professionals with hours to connect"
    partner = met[-1].asked
    assert partner != NOBODY and partner != home
    ties = room.tables[0].state.ties
    assert ties.find(np.array([min(home, partner)]), np.array([max(home, partner)]))[0] >= 0
    assert "samen met" in " ".join(situation(room, professional.token, "nl"))


def test_the_volunteer_reads_who_asked_them_and_how_often_they_said_no(street):
    for seed in range(1, 8):
        room, people = played(street, seed, roles=(PlayRole.VOLUNTEER,))
        volunteer = people[PlayRole.VOLUNTEER]
        room.open_round()
        answer(room, volunteer, lambda d: "fits" if d.key == "take" else d.options[0].key)
        record = room.close_round()[0]
        asked = [q for q in record.requests if q.asked == record.volunteer
                 and q.kind in ("ask", "match")]
        if not asked:
            continue
        first = min({q.asker for q in asked}, key=lambda h: -sum(q.asker == h for q in asked))
        times = sum(q.asker == first for q in asked)
        name = resident_name(first, record.people[first], "nl")
        text = " ".join(situation(room, volunteer.token, "nl"))
        assert f"{name[0].upper() + name[1:]} vroeg je {times} keer om hulp" in text
        return
    pytest.skip("nobody asked a volunteer on these seeds")


def test_options_stay_fixed_while_a_round_is_open_and_the_played_ones_stay_after(street):
    room, people = played(street, 4)
    room.open_round()
    resident = people[PlayRole.RESIDENT]
    before = room.decisions_for(resident)
    answer(room, people[PlayRole.PROFESSIONAL], named)
    assert room.decisions_for(resident) == before
    room.close_round()
    assert room.decisions_for(resident) == before  # between rounds: what was played
    room.open_round()
    assert [d.key for d in room.decisions_for(resident)][:1] == ["ask"]


def test_named_choices_set_no_lever_and_the_debrief_names_them(street):
    room, people = played(street, 4, roles=(PlayRole.KARTREKKER, PlayRole.PROFESSIONAL))
    room.open_round()
    offered = {d.key: d for d in room.decisions_for(people[PlayRole.PROFESSIONAL])}
    chosen = {role: answer(room, person, named) for role, person in people.items()}
    levers, _ = levers_of({r.value: {k: v for k, v in c.items() if home_of(v) is not None}
                           for r, c in chosen.items()})
    assert levers == {}
    room.close_round()
    found = debrief(room)
    texts = [c.text("nl") for c in found.tables[0].choices if c.decision == "connect_whom"]
    key = chosen[PlayRole.PROFESSIONAL]["connect_whom"]
    label = offered["connect_whom"].option(key).label("nl")  # the person as chosen, by name
    assert texts and label in texts[0] and home_of(key) is not None
