"""The workshop screens without a browser: texts, settings, the shared room, headless pages, CLI.

The pages are rendered with ``solara.render`` in this process, like ``tests/test_dashboard.py``
does, and driven through the widgets they contain. The command is run with Typer's CliRunner and
its server start replaced, like the dashboard command's test. A small scenario (60 residents)
keeps the neighbourhoods quick.
"""

from __future__ import annotations

import math
import os
import re
import string
import time

import pytest

solara = pytest.importorskip("solara", reason="the dashboard extra is not installed")
ipywidgets = pytest.importorskip("ipywidgets")
v = pytest.importorskip("ipyvuetify")
pytest.importorskip("segno", reason="the dashboard extra is not installed")

import typer  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from simulatie.cli import workshop as workshop_cli  # noqa: E402
from simulatie.dashboard.play import app as play_app  # noqa: E402
from simulatie.dashboard.play import presence, room  # noqa: E402
from simulatie.dashboard.play.facilitator import FacilitatorScreen  # noqa: E402
from simulatie.dashboard.play.participant import ParticipantScreen  # noqa: E402
from simulatie.dashboard.play.pictures import SERIES_METRICS, padded  # noqa: E402
from simulatie.dashboard.play.qr import qr_png  # noqa: E402
from simulatie.dashboard.play.settings import ENVIRONMENT, PlaySettings  # noqa: E402
from simulatie.dashboard.play.texts import LANGUAGES, TEXT, say  # noqa: E402
from simulatie.experiment.scenarios import ScenarioError  # noqa: E402
from simulatie.workshop.play.session import Phase, PlayError  # noqa: E402

PIN = "2468"


@pytest.fixture
def small_scenario(tmp_path):
    path = tmp_path / "small.toml"
    path.write_text("[parameters]\nresidents = 60\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def make_room(small_scenario, tmp_path):
    def make(**settings) -> room.Room:
        values = {"scenario": small_scenario, "tables": 2, "rounds": 2, "weeks_per_round": 2,
                  "pin": PIN, "export_dir": tmp_path / "exports", **settings}
        return room.Room.from_settings(PlaySettings(**values))

    return make


def wait_for(predicate, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def widgets(rc, cls: str, kind=v.Btn) -> list:
    """The widgets of a kind that carry the CSS class ``cls`` (among others)."""
    def classes(w) -> list[str]:
        return (w.class_ or "").split() if hasattr(w, "class_") else list(w._dom_classes)

    return [w for w in rc.find(kind).widgets if cls in classes(w)]


def texts(rc, cls: str) -> list[str]:
    return [w.children[0] for w in widgets(rc, cls, v.Html)]


# --- texts and settings ----------------------------------------------------------------------


def test_every_text_exists_in_both_languages_with_the_same_placeholders():
    fields = string.Formatter()
    for key, languages in TEXT.items():
        assert set(languages) == set(LANGUAGES), key
        names = [{f for _, f, _, _ in fields.parse(languages[lang]) if f} for lang in LANGUAGES]
        assert names[0] == names[1], key
    assert say("table", "nl", number=2) == "Tafel 2"
    assert say("table", "en", number=2) == "Table 2"


def test_settings_are_read_from_the_environment_with_defaults():
    assert PlaySettings.from_environment({}) == PlaySettings()
    read = PlaySettings.from_environment({ENVIRONMENT["tables"]: "3", ENVIRONMENT["pin"]: "0042",
                                          ENVIRONMENT["away_seconds"]: "2.5"})
    assert (read.tables, read.pin, read.away_seconds) == (3, "0042", 2.5)
    with pytest.raises(ValueError, match="SIMULATIE_WORKSHOP_SEED"):
        PlaySettings.from_environment({ENVIRONMENT["seed"]: "many"})


def test_what_the_command_sets_is_what_the_server_reads():
    env = workshop_cli.settings_environment("theehuis", 7, 3, 5, 6, "9876", "en", "secret",
                                            "http://10.0.0.5:8765/join")
    assert set(env) <= set(ENVIRONMENT.values())
    assert PlaySettings.from_environment(env) == PlaySettings(
        scenario="theehuis", seed=7, tables=3, rounds=5, weeks_per_round=6, pin="9876",
        lang="en", key="secret", join_url="http://10.0.0.5:8765/join")


def test_the_qr_code_is_a_png_made_here():
    from io import BytesIO

    from PIL import Image

    data = qr_png("http://192.168.1.20:8765/join")
    assert data.startswith(b"\x89PNG")
    image = Image.open(BytesIO(data))
    assert image.width == image.height >= 200


def test_the_time_series_gets_every_metric_it_draws():
    rows = padded([{"week": 0, "caring_ties": 5.0}])
    assert rows[0]["caring_ties"] == 5.0
    assert all(math.isnan(rows[0][m]) for m in SERIES_METRICS if m != "caring_ties")


# --- the room ------------------------------------------------------------------------------------


def test_a_page_redraws_for_its_own_table_and_not_for_other_peoples_clicks(make_room):
    shared = make_room()  # two tables
    ali = shared.join(PIN, "Ali", 0, "a")
    shared.claim(ali.token, "council")
    marks = lambda: [shared.changes(t) for t in (None, 0, 1, room.NO_TABLE)]  # noqa: E731
    before = marks()
    bea = shared.join(PIN, "Bea", 1, "b")
    shared.claim(bea.token, "council")
    after = marks()
    assert after[0] > before[0] and after[2] > before[2]  # the facilitator and table 2 see Bea
    assert after[1] == before[1] and after[3] == before[3]  # table 1 and the join form do not
    shared.open_round()
    opened = marks()
    assert all(o > a for o, a in zip(opened, after, strict=True))  # every page shows a round
    shared.choose(ali.token, "funding", "structural", 1)
    chosen = marks()
    assert chosen[0] > opened[0]  # the facilitator's list of who is still choosing
    assert chosen[1:] == opened[1:]  # no participant's page redraws for Ali's click
    shared.close_round()
    closed = marks()
    assert closed[0] > chosen[0] and closed[1:] == chosen[1:]  # the projector first ...
    wait_for(lambda: all(m > c for m, c in zip(marks()[1:], chosen[1:], strict=True)))


def test_a_wrong_pin_changes_nothing_and_guessing_is_slowed_down_per_device(make_room):
    shared = make_room()
    before = shared.version
    for _ in range(room.MAX_WRONG_PINS):
        with pytest.raises(PlayError) as refused:
            shared.join("0000", "Eva", 0, "device-1")
        assert refused.value.key == "wrong_pin"
    assert not shared.session.participants and shared.version == before
    with pytest.raises(room.TooManyTriesError) as refused:
        shared.join(PIN, "Eva", 0, "device-1")  # even the right PIN waits a minute
    assert "minuut" in refused.value.text("nl") and "toestel" in refused.value.text("nl")
    # everyone else in the room joins as usual, wrong tries of their own included
    with pytest.raises(PlayError) as refused:
        shared.join("1111", "Fleur", 0, "device-2")
    assert refused.value.key == "wrong_pin"
    assert shared.join(PIN, "Fleur", 0, "device-2").name == "Fleur"
    assert shared.join(PIN, "Gijs", 0, "device-3").name == "Gijs"


def test_the_lock_ends_after_the_window(make_room, monkeypatch):
    shared = make_room()
    clock = [1000.0]
    monkeypatch.setattr(room.time, "monotonic", lambda: clock[0])
    for _ in range(room.MAX_WRONG_PINS):
        with pytest.raises(PlayError):
            shared.join("0000", "Eva", 0, "device-1")
    with pytest.raises(room.TooManyTriesError):
        shared.join(PIN, "Eva", 0, "device-1")
    clock[0] += room.WRONG_PIN_WINDOW + 1
    assert shared.join(PIN, "Eva", 0, "device-1").name == "Eva"


def test_the_pin_field_asks_a_phone_for_its_number_pad(make_room):
    rc, _ = render_participant(make_room())
    field = widgets(rc, "play-pin-input", v.TextField)[0]
    assert field.attributes["inputmode"] == "numeric" and field.attributes["pattern"] == "[0-9]*"


def test_a_page_is_away_after_a_silence_and_back_at_its_next_beat():
    away = 15.0
    assert not presence.is_silent(None, None, 100.0, away)  # never beat, connected: headless
    assert not presence.is_silent(90.0, None, 100.0, away)  # beat ten seconds ago
    assert presence.is_silent(85.0, None, 100.0, away)  # fifteen seconds without a beat
    assert presence.is_silent(None, 80.0, 100.0, away)  # disconnected for twenty seconds
    assert not presence.is_silent(99.0, 90.0, 100.0, away)  # just beat: not yet gone
    assert presence.BEAT_SECONDS * 3 <= PlaySettings().away_seconds <= 20


def test_the_round_buttons_count_from_one(make_room):
    from simulatie.dashboard.play.round_controls import round_numbers

    shared = make_room()  # two rounds
    session = shared.session
    assert round_numbers(session) == (1, 1)
    shared.open_round()
    assert round_numbers(session) == (2, 1)
    shared.close_round()
    assert round_numbers(session) == (2, 2)
    shared.open_round()
    assert round_numbers(session) == (2, 2)
    shared.close_round()
    assert session.phase is Phase.FINISHED and round_numbers(session) == (2, 2)


def test_the_projector_grid_fits_the_tables_on_one_screen():
    from simulatie.dashboard.play.debrief_panel import debrief_rows
    from simulatie.dashboard.play.table_panel import grid_shape, picture_height

    assert grid_shape(1) == (1, 1) and grid_shape(2) == (2, 1) and grid_shape(3) == (3, 1)
    assert grid_shape(4) == (2, 2) and grid_shape(6) == (3, 2) and grid_shape(12) == (4, 3)
    for tables in range(1, 13):
        columns, rows = grid_shape(tables)
        assert columns * rows >= tables and columns * (rows - 1) < tables
    assert picture_height(2).startswith("max(120px, calc((100vh - ")
    # the debrief: two rows of cards share the screen below its top strip, and grow if needed
    assert debrief_rows(2, 200) == "minmax(calc((100vh - 200px) / 2 - 8px), auto)"


def test_labels_that_start_a_line_start_with_a_capital():
    from simulatie.dashboard.play.texts import capitalised

    assert capitalised("de professional") == "De professional"
    assert capitalised("evenveel bewoners met een zorgzame band").startswith("Evenveel ")
    assert capitalised("") == ""


def test_a_participant_is_here_while_one_of_their_pages_is(make_room):
    shared = make_room()
    person = shared.join(PIN, "Eva", 0, "form")
    shared.attach(person.token, "old")
    shared.claim(person.token, "council")
    shared.attach(person.token, "new")  # a reload: the new page before the old one went
    shared.detach(person.token, "old")
    assert person.present and person.role is not None
    shared.detach(person.token, "new")
    assert not person.present
    assert shared.session.roles_at(0, "nl")[-1][2] is None  # the model plays the council
    shared.attach(person.token, "again")
    assert person.present and person.role == "council"


def test_a_round_with_a_timer_is_closed_by_the_room(make_room):
    shared = make_room()
    shared.open_round(minutes=0.5 / 60)
    assert shared.session.phase is Phase.OPEN and shared.time_left() is not None
    wait_for(lambda: shared.session.phase is Phase.BETWEEN, seconds=20)
    assert len(shared.session.tables[0].rounds) == 1


def test_pictures_are_drawn_once_per_round_and_language(make_room):
    shared = make_room()
    assert shared.pictures(0, "nl") is None
    shared.open_round()
    shared.close_round()
    first = shared.pictures(0, "nl")
    assert first is not None and all(p.startswith(b"\x89PNG") for p in first)
    assert shared.pictures(0, "nl") is first
    assert shared.pictures(0, "en") is not first


def test_tables_are_drawn_by_painters_kept_for_the_whole_game(make_room):
    shared = make_room()  # two rounds of two weeks
    shared.prepare_pictures("nl")  # the first drawings, in the background
    shared.open_round()
    shared.close_round()  # waits for a drawing under way: nothing moves while it is drawn
    first = shared.pictures(0, "nl")
    shared.open_round()
    shared.close_round()
    second = shared.pictures(0, "nl")
    assert first[1] != second[1]  # two more weeks in the time series
    painter = shared.drawings._painter(0, "nl")
    assert painter.series.axes["ties"].get_xlim() == (0, 4)  # the time axis: the whole game


def test_the_facilitator_picks_a_policy_to_compare_with_and_a_bad_one_changes_nothing(make_room):
    shared = make_room(rounds=1, compare="theehuis")
    assert shared.session.alternative.name == "theehuis"
    shared.open_round()
    shared.close_round()
    assert any("policy of theehuis" in line for line in shared.summary("en").lines)
    before = shared.version
    with pytest.raises(ScenarioError):
        shared.compare_with("elsewhere")
    assert shared.session.alternative.name == "theehuis" and shared.version == before
    _, rc = solara.render(FacilitatorScreen(shared, "en"), handle_error=False)
    assert len(widgets(rc, "play-compare", v.Select)) == 1
    shared.compare_with(None)  # only the model again
    wait_for(lambda: texts(rc, "play-debrief-line"), seconds=60)
    assert not any("policy of" in line for line in shared.summary("en").lines)


def test_the_debrief_and_its_summary_at_the_end(make_room, tmp_path):
    shared = make_room(rounds=1)
    person = shared.join(PIN, "Eva", 0, "form")
    shared.claim(person.token, "kartrekker")
    shared.open_round()
    shared.choose(person.token, "kind", "purposeful", 1)
    shared.close_round()
    summary = shared.summary("en")
    assert summary.problem is None and summary.lines
    assert [table.name for table in summary.tables] == ["Table 1", "Table 2"]
    assert all(table.figure.startswith(b"\x89PNG") for table in summary.tables)
    assert summary.lines[0].startswith("Table 1: ") and "Table 2" in summary.tables[1].lines[0]
    # the card: its sentences without the table's name, starting with a capital, and the
    # choice with its effect beside it, in percentage points against the model
    first = summary.tables[0]
    assert first.results and all(line[0].isupper() and not line.startswith("Table")
                                 for line in first.results)
    assert "every role played by the model" in first.results[0]
    (what, effect), = first.choices
    assert what.startswith("A kartrekker: ") and "(round 1)" in what
    assert effect == "no difference" or re.fullmatch(r"[+-]\d+ percentage points?", effect)
    assert summary.tables[1].choices == ()  # nobody chose anything at table 2
    assert shared.summary("en") is summary
    written = shared.export("nl")
    assert {path.suffix for path in written.values()} == {".html", ".pdf"}
    assert all(path.is_file() and (tmp_path / "exports") in path.parents
               for path in written.values())


def test_the_server_builds_its_one_session_from_the_environment(monkeypatch, small_scenario):
    monkeypatch.setenv(ENVIRONMENT["scenario"], small_scenario)
    monkeypatch.setenv(ENVIRONMENT["pin"], "1357")
    room.set_room(None)
    try:
        first = room.current_room()
        assert first is room.current_room() and first.session.pin == "1357"
    finally:
        room.set_room(None)


# --- the participant's page ----------------------------------------------------------------------


def render_participant(shared, token=None):
    tokens: list[str] = []
    _, rc = solara.render(ParticipantScreen(shared, token, tokens.append, "nl"),
                          handle_error=False)
    return rc, tokens


def join_on(rc, pin: str, name: str, table: int = 1) -> None:
    widgets(rc, "play-pin-input", v.TextField)[0].v_model = pin
    widgets(rc, "play-name-input", v.TextField)[0].v_model = name
    widgets(rc, "play-tables", v.BtnToggle)[0].v_model = table - 1  # the toggle's index
    widgets(rc, "play-join")[0].click()


def test_joining_refuses_a_wrong_pin_and_shows_names_as_plain_text(make_room):
    shared = make_room()
    rc, tokens = render_participant(shared)
    join_on(rc, "1111", "Eva")
    assert not tokens and not shared.session.participants
    assert [w.children[0] for w in widgets(rc, "play-refusal", v.Alert)] == [
        PlayError("wrong_pin").text("nl")]
    name = "**Eva** <b>x</b> " + "z" * 40
    join_on(rc, PIN, name, table=2)
    assert len(tokens) == 1
    person = shared.find(tokens[0])
    assert person.table == 1 and len(person.name) == 30
    page, _ = render_participant(shared, tokens[0])
    assert texts(page, "play-name") == [person.name]
    assert "**Eva**" in person.name and "<" not in person.name
    assert not page.find(v.Html, tag="b").widgets


def test_two_participants_race_for_a_role(make_room):
    shared = make_room()
    first = shared.join(PIN, "Ali", 0, "a")
    second = shared.join(PIN, "Bo", 0, "b")
    page_a, _ = render_participant(shared, first.token)
    page_b, _ = render_participant(shared, second.token)
    widgets(page_a, "play-role-volunteer")[0].click()
    widgets(page_b, "play-role-volunteer")[0].click()  # B's page had not caught up yet
    assert texts(page_a, "play-role-name") == ["een vrijwilliger"]
    refusal = [w.children[0] for w in widgets(page_b, "play-refusal", v.Alert)]
    assert refusal == [PlayError("role_taken", name="Ali").text("nl")]
    assert second.role is None
    wait_for(lambda: widgets(page_b, "play-role-volunteer")[0].disabled)


def test_choices_count_while_the_round_is_open_and_a_late_one_is_refused(make_room):
    shared = make_room()
    person = shared.join(PIN, "Ali", 0, "a")
    shared.claim(person.token, "council")
    page, _ = render_participant(shared, person.token)
    assert not widgets(page, "play-options-funding", v.RadioGroup)
    shared.open_round()
    wait_for(lambda: widgets(page, "play-options-funding", v.RadioGroup))
    radios = widgets(page, "play-options-funding", v.RadioGroup)[0]
    radios.v_model = "pilot"
    assert [w.children[0] for w in widgets(page, "play-answer", v.Alert)] == ["Opgeslagen."]
    radios.v_model = "structural"
    assert [w.children[0] for w in widgets(page, "play-answer", v.Alert)] == [
        say("changed", "nl")]
    shared.close_round()
    radios.v_model = "pilot"  # the page had not caught up with the close
    assert [w.children[0] for w in widgets(page, "play-answer", v.Alert)] == [
        PlayError("round_closed").text("nl")]
    assert shared.session.tables[0].rounds[0].choices == {"council": {"funding": "structural"}}
    assert radios.v_model == "structural"  # the buttons show what counted


def test_a_page_that_goes_away_lets_the_model_play(make_room):
    shared = make_room()
    person = shared.join(PIN, "Ali", 0, "a")
    shared.claim(person.token, "professional")
    page, _ = render_participant(shared, person.token)
    assert person.present
    page.close()
    assert not person.present
    render_participant(shared, person.token)  # reopened with the token in its address
    assert person.present and person.role == "professional"


def test_an_unknown_token_shows_the_message_and_the_form(make_room):
    page, _ = render_participant(make_room(), "nobody")
    assert [w.children[0] for w in widgets(page, "play-unknown", v.Alert)] == [
        PlayError("unknown_participant").text("nl")]
    assert widgets(page, "play-join")


def test_a_disconnected_page_is_noticed():
    from solara.server.kernel_context import PageStatus

    class Context:
        def __init__(self, statuses):
            import threading

            self.page_status = statuses
            self.lock = threading.RLock()
            self.closed_event = threading.Event()

    assert presence.is_connected(Context({}))
    assert presence.is_connected(Context({"p": PageStatus.CONNECTED}))
    assert not presence.is_connected(Context({"p": PageStatus.DISCONNECTED}))


# --- the facilitator's screen --------------------------------------------------------------------


def test_the_facilitator_runs_the_rounds_and_sees_every_table(make_room):
    shared = make_room(join_url="http://10.0.0.5:8765/join")
    ali = shared.join(PIN, "Ali", 0, "a")
    shared.claim(ali.token, "resident")
    _, rc = solara.render(FacilitatorScreen(shared, "nl"), handle_error=False)
    assert texts(rc, "play-pin") == [PIN]
    assert texts(rc, "play-join-url") == ["http://10.0.0.5:8765/join"]
    assert len(widgets(rc, "play-qr", ipywidgets.Image)) == 1
    assert texts(rc, "play-holder") == ["Ali"]
    assert len(texts(rc, "play-model")) == 9
    assert widgets(rc, "play-close")[0].disabled
    assert widgets(rc, "play-open")[0].children == [say("open_round", "nl", number=1)]
    assert widgets(rc, "play-close")[0].children == [say("close_round", "nl", number=1)]
    widgets(rc, "play-open")[0].click()
    assert shared.session.phase is Phase.OPEN
    assert widgets(rc, "play-close")[0].children == [say("close_round", "nl", number=1)]
    assert texts(rc, "play-waiting-name") == ["Ali"]
    shared.choose(ali.token, "ask", "readily", 1)
    assert texts(rc, "play-waiting-name") == ["Ali"] or len(shared.session.decisions_for(ali)) == 1
    for decision in shared.session.decisions_for(ali)[1:]:  # whom to ask, if Ali knows anyone
        shared.choose(ali.token, decision.key, decision.options[-1].key, 1)
    wait_for(lambda: texts(rc, "play-nobody-waiting"))
    widgets(rc, "play-close")[0].click()
    assert shared.session.phase is Phase.BETWEEN
    assert len(widgets(rc, "play-map", ipywidgets.Image)) == 2
    assert len(widgets(rc, "play-series", ipywidgets.Image)) == 2
    assert len(widgets(rc, "play-legend", ipywidgets.Image)) == 1  # one legend for all tables
    assert widgets(rc, "play-open")[0].children == [say("open_round", "nl", number=2)]
    assert widgets(rc, "play-close")[0].children == [say("close_round", "nl", number=2)]
    widgets(rc, "play-open")[0].click()
    widgets(rc, "play-close")[0].click()
    assert shared.session.phase is Phase.FINISHED
    wait_for(lambda: texts(rc, "play-debrief-line"), seconds=60)
    assert len(widgets(rc, "play-debrief-figure", ipywidgets.Image)) == 2  # one per table
    lines = texts(rc, "play-debrief-line")
    assert any("in dezelfde buurt waarin het model alle rollen speelde" in line for line in lines)
    assert not any(line.startswith("Tafel") for line in lines)  # the card's heading says it
    assert all(line[0].isupper() or line[0].isdigit() for line in lines)
    effects = texts(rc, "play-debrief-effect")
    assert effects and all(e == "geen verschil" or e.endswith("procentpunt") for e in effects)
    # the game is over: no round buttons and no join strip, the debrief's buttons instead
    assert not widgets(rc, "play-open") and not widgets(rc, "play-close")
    assert not texts(rc, "play-pin")
    assert len(widgets(rc, "play-export-nl")) == 1
    assert {"Tafel 1", "Tafel 2"} <= set(texts(rc, "play-table-name"))


def test_the_facilitator_screen_asks_for_its_key(make_room):
    room.set_room(make_room(key="sesame"))
    try:
        _, rc = solara.render(play_app.Facilitator(), handle_error=False)
        assert not texts(rc, "play-pin")
        assert texts(rc, "play-join-url")
    finally:
        room.set_room(None)
    assert play_app.query_value("t=abc&key=sesame", "key") == "sesame"
    assert play_app.query_value(None, "t") is None


def test_the_language_switches_the_screens(make_room):
    shared = make_room()
    _, rc = solara.render(FacilitatorScreen(shared, "en"), handle_error=False)
    assert texts(rc, "play-model")[0] == "the model"
    assert widgets(rc, "play-open")[0].children == ["Open round 1"]


# --- the command ---------------------------------------------------------------------------------


@pytest.fixture
def command(monkeypatch):
    calls = []

    def fake_serve(argv, stopped=None):
        calls.append((argv, {k: v for k, v in os.environ.items()
                             if k.startswith("SIMULATIE_WORKSHOP_")}))
        return 0

    monkeypatch.setattr(workshop_cli.launcher, "serve", fake_serve)
    app = typer.Typer()
    app.command("noop")(lambda: None)
    workshop_cli.register(app)
    return app, calls


def test_workshop_command_starts_the_screens_offline(command, small_scenario):
    app, calls = command
    result = CliRunner().invoke(app, ["workshop", small_scenario, "--port", "8123", "--tables",
                                      "3", "--pin", "1234", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output
    assert "http://127.0.0.1:8123/join" in result.output and "1234" in result.output
    facilitator = re.search(r"http://127\.0\.0\.1:8123/\?key=(\S+)", result.output)
    assert facilitator
    argv, env = calls[0]
    assert "--no-check-version" in argv and workshop_cli.PLAY_MODULE in argv
    assert argv[argv.index("--host") + 1] == "127.0.0.1"
    settings = PlaySettings.from_environment(env)
    assert (settings.tables, settings.pin, settings.lang, settings.key) == (
        3, "1234", "en", facilitator.group(1))
    assert settings.scenario == small_scenario
    assert not any(k.startswith("SIMULATIE_WORKSHOP_") for k in os.environ)  # restored


def test_workshop_on_the_network_warns_and_shows_this_computers_address(command, monkeypatch):
    app, calls = command
    monkeypatch.setattr(workshop_cli, "_lan_address", lambda: "192.168.1.20")
    result = CliRunner().invoke(app, ["werkplaats", "--host", "0.0.0.0"])
    assert result.exit_code == 0, result.output
    assert "waarschuwing" in result.output and "pincode" in result.output
    assert "http://192.168.1.20:8765/join" in result.output
    assert re.search(r"PIN: +\d{4}\b", result.output)
    settings = PlaySettings.from_environment(calls[0][1])
    assert settings.join_url == "http://192.168.1.20:8765/join"
    assert calls[0][0][calls[0][0].index("--host") + 1] == "0.0.0.0"


@pytest.mark.parametrize("args, message", [
    (["nowhere"], "onbekend scenario"),
    (["--tables", "0"], "--tables"),
    (["--rounds", "21"], "--rounds"),
    (["--weeks-per-round", "0"], "--weeks-per-round"),
    (["--seed", "-1"], "--seed"),
    (["--pin", "12ab"], "--pin"),
    (["--compare", "default"], "--compare: scenario 'default' zet elke knop"),
    (["--compare", "elsewhere"], "onbekend scenario 'elsewhere'"),
])
def test_bad_input_is_one_error_line_before_the_server_starts(command, args, message):
    app, calls = command
    result = CliRunner().invoke(app, ["workshop", *args])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fout: ") and message in lines[0]
    assert not calls


def test_bad_input_is_said_in_english_with_lang_en(command):
    app, calls = command
    result = CliRunner().invoke(app, ["workshop", "--tables", "0", "--lang", "en"])
    assert result.exit_code == 2, result.output
    assert result.output.strip() == "error: --tables must be from 1 to 12, got 0"
    assert not calls


@pytest.mark.parametrize("typed, minutes", [
    ("0", 0.0), ("", 0.0), ("10", 10.0), ("1,5", 1.5), ("0.15", 0.15), (" 2 ", 2.0),
    ("tien", None), ("-1", None), ("nan", None), ("inf", None), ("1e9", None),
])
def test_the_round_timer_reads_minutes_as_a_room_types_them(typed, minutes):
    from simulatie.dashboard.play.round_controls import timer_minutes

    assert timer_minutes(typed) == minutes
