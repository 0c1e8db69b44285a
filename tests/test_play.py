"""The participatory mode's engine: joining, roles, rounds, choices acting through levers."""

from __future__ import annotations

import pytest

from simulatie.core.parameters import Role, make_parameters, parameter_specs
from simulatie.core.run.simulation import Simulation
from simulatie.workshop.play.debrief import debrief
from simulatie.workshop.play.decisions import DECISIONS, PlayRole
from simulatie.workshop.play.session import MAX_NAME, Phase, PlayError, Session, clean_name
from simulatie.workshop.play.summary import write_summary
from simulatie.workshop.play.table import levers_of
from simulatie.workshop.play.words import situation

WEEKS = 6


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "small.toml"
    path.write_text("[parameters]\nresidents = 60\n", encoding="utf-8")
    return str(path)


def session(scenario: str, **kwargs) -> Session:
    return Session(scenario, seed=5, weeks_per_round=WEEKS, **{"rounds": 3, **kwargs})


def test_a_wrong_pin_is_refused_and_changes_nothing(small):
    room = session(small, pin="4321")
    with pytest.raises(PlayError) as refused:
        room.join("1234", "Anna")
    assert refused.value.key == "wrong_pin" and "pincode" in refused.value.text("nl")
    assert room.participants == {}


def test_names_are_plain_text_and_short(small):
    room = session(small)
    person = room.join(room.pin, "  <b>Anna</b>  " + "x" * 100)
    assert "<" not in person.name and ">" not in person.name
    assert len(person.name) <= MAX_NAME
    assert clean_name("Jan\n\tde Vries") == "Jan de Vries"
    with pytest.raises(PlayError, match="first name"):
        room.join(room.pin, "<>")


def test_two_participants_cannot_claim_one_role_and_a_leaver_is_replaced(small):
    room = session(small)
    anna, bas = room.join(room.pin, "Anna"), room.join(room.pin, "Bas")
    room.claim(anna.token, PlayRole.KARTREKKER)
    with pytest.raises(PlayError) as taken:
        room.claim(bas.token, "kartrekker")
    assert "Anna" in taken.value.text("nl") and bas.role is None
    room.leave(anna.token)  # the model plays the role now; someone else may take it
    assert dict((r, who) for r, _, who in room.roles_at(0, "en"))[PlayRole.KARTREKKER] is None
    room.claim(bas.token, "kartrekker")
    assert room.rejoin(anna.token).role is None  # Bas has it now
    room.claim(anna.token, "resident")
    assert anna.present and anna.role is PlayRole.RESIDENT


def test_a_participant_who_comes_back_keeps_a_free_role(small):
    room = session(small)
    anna = room.join(room.pin, "Anna")
    room.claim(anna.token, "council")
    room.leave(anna.token)
    assert room.rejoin(anna.token).role is PlayRole.COUNCIL


def test_choices_double_late_and_unknown(small):
    room = session(small)
    anna = room.join(room.pin, "Anna")
    with pytest.raises(PlayError, match="Choose a role"):
        room.open_round() and room.choose(anna.token, "invite", "personal", 1)
    room.claim(anna.token, "kartrekker")
    assert room.choose(anna.token, "invite", "personal", 1) == "saved"
    assert room.choose(anna.token, "invite", "personal", 1) == "same"  # a double click
    assert room.choose(anna.token, "invite", "flyer", 1) == "changed"
    with pytest.raises(PlayError) as unknown:
        room.choose(anna.token, "invite", "telepathy", 1)
    assert unknown.value.key == "unknown_choice"
    room.close_round()
    with pytest.raises(PlayError) as late:  # the page still shows round 1
        room.choose(anna.token, "invite", "personal", 1)
    assert late.value.key == "round_closed"
    assert room.tables[0].rounds[0].choices == {"kartrekker": {"invite": "flyer"}}
    with pytest.raises(PlayError) as early:
        room.choose(anna.token, "invite", "personal", 2)
    assert early.value.key == "no_round"


def test_the_game_ends_after_its_rounds(small):
    room = session(small, rounds=2)
    for _ in range(2):
        room.open_round()
        room.close_round()
    assert room.phase is Phase.FINISHED and room.tables[0].week == 2 * WEEKS
    with pytest.raises(PlayError) as ended:
        room.open_round()
    assert ended.value.key == "finished"


def test_a_choice_reaches_the_model_as_a_lever_for_that_round_only(small):
    room = session(small)
    anna = room.join(room.pin, "Anna")
    room.claim(anna.token, "professional")
    room.open_round()
    room.choose(anna.token, "hours", "facilitating", 1)
    room.close_round()
    table = room.tables[0]
    assert table.simulation.params.takeover == 0.05
    room.leave(anna.token)  # nobody plays the professional in round 2: the model's own rules
    room.open_round()
    room.close_round()
    assert table.simulation.params.takeover == room.params.takeover


def test_the_resident_role_sets_only_that_residents_reluctance(small):
    room = session(small)
    cor = room.join(room.pin, "Cor")
    room.claim(cor.token, "resident")
    table = room.tables[0]
    pop = table.simulation.model.state.population
    before, generation = pop.ask_threshold.copy(), pop.generation.copy()
    room.open_round()
    room.choose(cor.token, "ask", "readily", 1)
    room.close_round()
    slot = table.resident.slot
    personal = table.simulation.model.state.personal
    read = personal.ask_thresholds(pop.ask_threshold)  # what asking and coming forward read
    assert read[slot] == 0.15
    stayed = pop.generation == generation
    stayed[slot] = False
    assert stayed.sum() > 40  # everyone else who still lives there keeps their own reluctance
    assert (read[stayed] == before[stayed]).all()
    assert (pop.ask_threshold[stayed] == before[stayed]).all()
    if pop.generation[slot] == generation[slot]:
        assert pop.ask_threshold[slot] == before[slot]  # the choice is not written in the row
    room.leave(cor.token)  # unplayed: the resident's own reluctance comes back
    room.open_round()
    room.close_round()
    if table.resident.slot == slot:
        assert personal.ask_thresholds(pop.ask_threshold)[slot] == pop.ask_threshold[slot]
    text = situation(room, cor.token, "nl")
    assert table.resident.name("nl") in text[0] and "uur" in text[0]


def test_unplayed_roles_are_the_model_itself(small):
    room = session(small, tables=2)
    for _ in range(2):
        room.open_round()
        room.close_round()
    found = debrief(room)
    for table in found.tables:
        assert table.played.equals(table.model)  # nobody played: the model's own run
        assert table.difference() == 0 and table.choices == ()


def test_every_table_plays_the_same_neighbourhood(small):
    room = session(small, tables=2)
    people = [room.join(room.pin, name, table) for name, table in (("A", 0), ("B", 1))]
    for person in people:
        room.claim(person.token, "kartrekker")
    room.open_round()
    for person in people:
        room.choose(person.token, "invite", "personal", 1)
    room.close_round()
    one, two = (t.simulation.timeseries() for t in room.tables)
    assert one.equals(two)


def test_the_debrief_weighs_each_choice_by_playing_without_it(small, tmp_path):
    room = session(small)
    anna = room.join(room.pin, "Anna")
    room.claim(anna.token, "kartrekker")
    own = room.params.invitation_effort
    for number in (1, 2):
        room.open_round()
        room.choose(anna.token, "invite", "personal", number)
        room.close_round()
    found = debrief(room)
    table = found.tables[0]
    assert own != 0.9 and len(table.choices) == 1  # one decision, answered in two rounds
    choice = table.choices[0]
    assert choice.role is PlayRole.KARTREKKER
    assert choice.answers == ((1, "personal"), (2, "personal"))
    assert "rounds 1, 2" in choice.text("en")
    assert found.myths() == [4, 5]
    assert any("Myth 5" in line for line in found.lines("en"))
    # grouped per table: the table's result first, its choices, then the myths
    assert found.lines("nl") == found.table_lines(0, "nl") + found.myth_lines("nl")
    first = found.table_lines(0, "nl")[0]
    assert first.startswith("Tafel 1: ") and ("procentpunt" in first or "evenveel" in first)
    assert "in dezelfde buurt waarin het model alle rollen speelde" in first
    assert found.table_lines(0, "en")[1].startswith(f"  {choice.text('en')} (")
    paths = write_summary(room, tmp_path / "session", "nl")
    assert paths["html"].read_text(encoding="utf-8").count("<li>") == len(found.lines("nl"))
    assert paths["pdf"].stat().st_size > 1000


def test_levers_only_change_during_a_run():
    params = make_parameters({"residents": 40})
    simulation = Simulation(params, 1, metrics=["caring_ties"], baseline=False)
    with pytest.raises(ValueError, match="only levers"):
        simulation.change_levers(make_parameters({"residents": 40, "ask_threshold": 0.1}))
    simulation.change_levers(make_parameters({"residents": 40, "takeover": 0.9}))
    assert simulation.model.state.params.takeover == 0.9


def test_every_option_is_a_valid_lever_setting():
    for role, decisions in DECISIONS.items():
        for decision in decisions:
            for option in decision.options:
                levers, threshold = levers_of({role: {decision.key: option.key}})
                make_parameters(levers)  # raises if a value is out of range
                assert levers or threshold is not None


def test_an_alternative_policy_is_another_scenarios_levers_in_the_same_neighbourhood(small):
    room = session(small, rounds=1)
    with pytest.raises(ValueError, match="every lever"):
        room.compare_with(small)  # the session's own scenario: nothing to compare
    chosen = room.compare_with("theehuis")
    specs = parameter_specs()
    assert chosen.levers and all(specs[name].role is Role.LEVER for name in chosen.levers)
    room.open_round()
    room.close_round()
    found = debrief(room)
    table = found.tables[0]
    again = Simulation(chosen.parameters(room.params), room.seed,
                       metrics=["share_with_caring_tie"], baseline=False)
    again.step(WEEKS)
    assert table.alternative["share_with_caring_tie"].iloc[-1] == pytest.approx(
        again.records[-1]["share_with_caring_tie"])
    assert table.difference_from_alternative() is not None
    assert any("theehuis" in line for line in found.lines("nl"))
    assert room.params.residents == chosen.parameters(room.params).residents  # same street


def test_percentage_points_in_words_with_singular_and_plural():
    from simulatie.workshop.play.debrief import points_words

    assert points_words(0.0004) == "0" and points_words(-0.004, "en") == "0"  # no "-0"
    assert points_words(0.03, "nl") == "+3 procentpunt"
    assert points_words(-0.01, "en") == "-1 percentage point"
    assert points_words(0.02, "en") == "+2 percentage points"


def test_a_table_result_reads_as_more_fewer_or_as_many():
    from simulatie.workshop.play.debrief import _compared

    assert _compared(0.034, "nl") == "3 procentpunt meer bewoners met een zorgzame band dan"
    assert _compared(-0.01, "en") == "1 percentage point fewer residents with a caring tie than"
    assert _compared(0.0, "nl") == "evenveel bewoners met een zorgzame band als"


def test_knowing_people_is_singular_or_plural():
    from simulatie.workshop.play.personal import knows_well

    assert knows_well(0) == ("kent nog niemand goed", "knows nobody well yet")
    assert knows_well(1) == ("kent 1 persoon goed", "knows 1 person well")
    assert knows_well(3) == ("kent 3 mensen goed", "knows 3 people well")


def test_the_summary_settings_count_in_singular_and_plural(small):
    from simulatie.workshop.play.summary import _settings

    one = session(small, rounds=1, tables=1)
    one.open_round()
    one.close_round()
    assert "1 tafel, 1 ronde van 6 weken" in _settings(one, "nl")
    assert "1 table, 1 round of 6 weeks" in _settings(one, "en")
    assert "(s)" not in _settings(one, "nl") + _settings(one, "en")


def test_the_debrief_figure_is_in_percent_on_one_axis_for_every_table(small):
    from simulatie.workshop.play.summary import figure, share_limits, table_figure

    room = session(small, rounds=1, tables=3)
    room.open_round()
    room.close_round()
    found = debrief(room)
    fig = figure(found, room, "nl")
    shown = [ax for ax in fig.axes if ax.get_visible()]
    assert len(shown) == 3 and len(fig.axes) == 4  # two columns: a 2 × 2 grid, one left empty
    low, high = share_limits(found)
    assert 0.0 <= low < high <= 1.0
    for ax in shown:
        assert ax.get_ylim() == (low, high)
        ticks = ax.yaxis.get_major_formatter()(0.5, 0)
        assert ticks.endswith("%"), ticks
    single = table_figure(found, room, 1, "en")
    # on the projector: what it counts above the axis, the baseline named in the legend, the
    # rounds named from 1
    assert single.axes[0].get_title(loc="left") == "Residents with a caring tie"
    assert [t.get_text() for t in single.legends[0].get_texts()] == [
        "played", "the model played every role"]
    assert [t.get_text() for t in single.axes[0].texts] == ["round 1"]


def test_answers_given_in_the_round_count_when_the_page_goes_quiet_afterwards(small):
    room = session(small, rounds=2)
    anna = room.join(room.pin, "Anna")
    room.claim(anna.token, "professional")
    room.open_round()
    room.choose(anna.token, "hours", "facilitating", 1)
    room.leave(anna.token)  # her phone locked while the room looked at the projector
    room.close_round()
    table = room.tables[0]
    assert table.rounds[0].choices == {"professional": {"hours": "facilitating"}}
    assert table.simulation.params.takeover == 0.05
    bram = room.join(room.pin, "Bram")
    room.claim(bram.token, "professional")  # her role is free: Bram takes it and answers
    room.open_round()
    room.choose(bram.token, "hours", "doing", 2)
    room.close_round()
    assert table.rounds[1].choices["professional"] == {"hours": "doing"}


def test_plain_words_count_hours_and_volunteers_in_english():
    from simulatie.workshop.play import words

    assert words._hours_en(1.2) == "1 hour" and words._hours_en(3) == "3 hours"
