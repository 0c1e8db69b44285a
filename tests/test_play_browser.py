"""The workshop in a real browser: a facilitator and four participants play three rounds.

The test starts ``simulatie workshop`` itself (a small scenario: 60 residents, four tables of
which two are played by people and two by the model alone, three rounds of four weeks) on
127.0.0.1, reads the facilitator's address from what it prints, and drives Debian's Chromium
through Playwright (never a downloaded browser) with one browser context per person: the
facilitator's projector (1600 × 1000) and four phones. Along the way: a wrong PIN is refused and
nothing changes; names are shown as plain text; two participants press the same role at the same
moment and the second gets the friendly message; after the first round all four tables' cards lie
on the projector without scrolling; a participant closes the page (the model takes over the role)
and reopens it with the token in its address (the role is theirs again); a choice that arrives
after the round closed is refused; the last round ends on its timer; the debrief's four cards lie
on the projector too, and its summary is written. Screenshots of the projector after the first
round and at the debrief, and of a phone, are saved to ``results/workshop-*.png``. At the end the
command is stopped with SIGTERM and its server is gone. No request may leave 127.0.0.1.

A race needs a page that has not caught up yet: the test holds the messages the server sends to
one participant's page (Playwright's websocket routing) while the other side acts, so the stale
page's click reaches the server after the fact, as a slow phone's would.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from browser_watch import Watch

from benchmarks.browser import CHROMIUM, chromium, free_port

UI_TIMEOUT = 20_000  # milliseconds for the page to show or update something
START_TIMEOUT = 60.0  # seconds for the server to answer
PIN = "4321"
SCREENSHOTS = Path(__file__).resolve().parents[1] / "results"
TABLES = 4  # people play at tables 1 and 2; the model plays every role at tables 3 and 4
PROJECTOR = {"width": 1600, "height": 1000}

if not CHROMIUM.exists():
    pytest.skip(
        "Debian's chromium is not installed (/usr/bin/chromium); install it with "
        "'apt-get install chromium' (.ci/run does this)",
        allow_module_level=True,
    )
pytest.importorskip("solara", reason="the dashboard extra is not installed")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
psutil = pytest.importorskip("psutil")

from simulatie.workshop.play.session import PlayError  # noqa: E402

expect = sync_api.expect


class Valve:
    """Holds what the server sends to one page while closed; passes it on, in order, when open."""

    def __init__(self, page) -> None:
        self.closed = False
        self.held: list[str | bytes] = []
        self.socket = None
        page.route_web_socket(re.compile(r".*"), self._route)

    def _route(self, socket) -> None:
        server = socket.connect_to_server()
        self.socket = socket
        server.on_message(self._from_server)

    def _from_server(self, message) -> None:
        if self.closed:
            self.held.append(message)
        else:
            self.socket.send(message)

    def hold(self) -> None:
        self.closed = True

    def release(self) -> None:
        self.closed = False
        held, self.held = self.held, []
        for message in held:
            self.socket.send(message)


@pytest.fixture(scope="module")
def workshop(tmp_path_factory):
    """``simulatie workshop`` on a free port; yields (facilitator URL, join URL, process)."""
    workdir = tmp_path_factory.mktemp("workshop")
    scenario = workdir / "small.toml"
    scenario.write_text("[parameters]\nresidents = 60\n", encoding="utf-8")
    port = free_port()
    log_path = workdir / "workshop.log"
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "SIMULATIE_WORKSHOP_AWAY_SECONDS": "5"}
    command = [sys.executable, "-m", "simulatie", "workshop", str(scenario), "--port", str(port),
               "--pin", PIN, "--tables", str(TABLES), "--rounds", "3", "--weeks-per-round", "4",
               "--seed", "3"]
    with log_path.open("w") as log:
        process = subprocess.Popen(command, cwd=workdir, stdout=log, stderr=subprocess.STDOUT,
                                   env=env)
    try:
        facilitator = _wait_until_up(process, log_path, port)
        yield facilitator, f"http://127.0.0.1:{port}/join", process, workdir
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def _wait_until_up(process, log_path: Path, port: int) -> str:
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        found = re.search(r"(?:Facilitator|Begeleider) \(projector\):\s+(\S+)",
                          log_path.read_text())
        if found:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/join", timeout=2) as answer:
                    if answer.status == 200:
                        return found.group(1)
            except OSError:
                pass
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail("simulatie workshop did not start:\n" + log_path.read_text()[-3000:])
        time.sleep(0.3)


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


def open_page(browser, url: str, phone: bool = True, valve: bool = False):
    size = {"width": 400, "height": 860} if phone else PROJECTOR
    context = browser.new_context(viewport=size)
    page = context.new_page()
    watch = Watch(page, aborted_fails=False)
    held = Valve(page) if valve else None
    page.goto(url)
    expect(page.locator(".play-title")).to_be_visible(timeout=UI_TIMEOUT)
    return context, page, watch, held


def join(page, name: str, table: int, pin: str = PIN) -> str:
    """Fill in the join form; returns the token the page put in its address."""
    page.locator(".play-pin-input input").fill(pin)
    page.locator(".play-name-input input").fill(name)
    page.locator(f".play-table-{table}").click()
    page.locator(".play-join").click()
    page.wait_for_url(re.compile(r"/join\?t="), timeout=UI_TIMEOUT)
    return parse_qs(urlparse(page.url).query)["t"][0]


def row(table: int, role: str) -> str:
    return f".play-table-panel-{table} .play-row-{role}"


def round_is_open(number: int, *pages) -> None:
    """Wait until each page shows the open round's question (its buttons are the new ones)."""
    for page in pages:
        expect(page.locator(".play-heading", has_text=f"Ronde {number}:")).to_be_visible(
            timeout=UI_TIMEOUT)


def choose(page, decision: str, option: str, answer: str = "Opgeslagen") -> None:
    page.locator(f".play-options-{decision} .play-option-{option} label").click()
    expect(page.locator(".play-answer")).to_contain_text(answer, timeout=UI_TIMEOUT)


def answer_about_people(page) -> None:
    """Answer the round's decisions about named people, where there are any, with the last
    option (the model's own rule); which ones a round offers depends on the neighbourhood."""
    for key in ("whom", "take", "invite_whom", "connect_whom"):
        options = page.locator(f".play-options-{key} .play-option label")
        if options.count():
            options.last.click()
            expect(page.locator(f".play-options-{key} .play-option input").last).to_be_checked(
                timeout=UI_TIMEOUT)


def all_on_one_screen(page, selector: str, count: int) -> None:
    """``count`` cards of ``selector`` lie whole on the projector's screen without scrolling."""
    page.evaluate("window.scrollTo(0, 0)")
    boxes = page.evaluate(
        "(selector) => [...document.querySelectorAll(selector)].map(card => {"
        " const box = card.getBoundingClientRect();"
        " return [box.left, box.top, box.right, box.bottom]; })", selector)
    assert len(boxes) == count, boxes
    for left, top, right, bottom in boxes:
        assert 0 <= left < right <= PROJECTOR["width"], boxes
        assert 0 <= top < bottom <= PROJECTOR["height"], boxes


def test_a_workshop_of_three_rounds_in_chromium(workshop, browser):
    started = time.monotonic()
    facilitator_url, join_url, process, workdir = workshop

    # Opening / without the key shows how to join, not the PIN or the buttons.
    context, stranger, _, _ = open_page(browser, facilitator_url.split("?")[0])
    expect(stranger.locator(".play-join-url")).to_have_text(join_url, timeout=UI_TIMEOUT)
    expect(stranger.locator(".play-pin")).to_have_count(0)
    context.close()

    fac_context, fac, fac_watch, _ = open_page(browser, facilitator_url, phone=False)
    expect(fac.locator(".play-pin")).to_have_text(PIN, timeout=UI_TIMEOUT)
    expect(fac.locator(".play-join-url")).to_have_text(join_url)
    fac.wait_for_function("() => { const img = document.querySelector('img.play-qr');"
                          " return img && img.complete && img.naturalWidth > 100; }",
                          timeout=UI_TIMEOUT)
    expect(fac.locator(".play-model")).to_have_count(5 * TABLES)  # 5 roles a table: the model

    # A wrong PIN is refused with the session's message, and nothing changes.
    anna_context, anna, anna_watch, _ = open_page(browser, join_url)
    anna.locator(".play-pin-input input").fill("0000")
    anna.locator(".play-name-input input").fill("Anna")
    anna.locator(".play-join").click()
    expect(anna.locator(".play-refusal")).to_have_text(PlayError("wrong_pin").text("nl"),
                                                       timeout=UI_TIMEOUT)
    assert "t=" not in anna.url
    fac.wait_for_timeout(1500)
    expect(fac.locator(".play-idle-name")).to_have_count(0)

    # Four people join; a long name with markup characters is cut and shown as plain text.
    anna_token = join(anna, "Anna", 1)
    bram_context, bram, bram_watch, bram_valve = open_page(browser, join_url, valve=True)
    join(bram, "Bram", 1)
    chris_context, chris, chris_watch, _ = open_page(browser, join_url)
    join(chris, "Chris", 2)
    dewi_context, dewi, dewi_watch, dewi_valve = open_page(browser, join_url, valve=True)
    long_name = "**Dewi** _de_ `code` met een erg lange achternaam"
    join(dewi, long_name, 1)
    shown = long_name.replace("`", "")[:30].strip()
    expect(dewi.locator(".play-name")).to_have_text(shown, timeout=UI_TIMEOUT)
    expect(fac.locator(".play-idle-name", has_text="_de_")).to_have_text(shown,
                                                                         timeout=UI_TIMEOUT)
    assert fac.locator(".play-table-panel-1 strong, .play-table-panel-1 em").count() == 0

    # Roles. Bram and Dewi press "kartrekker" at the same moment: Dewi's page has not caught
    # up with Bram's claim when she presses, and she is told who plays it.
    anna.locator(".play-role-professional").click()
    chris.locator(".play-role-kartrekker").click()
    expect(fac.locator(row(1, "professional") + " .play-holder")).to_have_text("Anna",
                                                                               timeout=UI_TIMEOUT)
    dewi_valve.hold()
    bram.locator(".play-role-kartrekker").click()
    expect(fac.locator(row(1, "kartrekker") + " .play-holder")).to_have_text("Bram",
                                                                             timeout=UI_TIMEOUT)
    dewi.locator(".play-role-kartrekker").click()
    dewi.wait_for_timeout(500)
    dewi_valve.release()
    taken = PlayError("role_taken", name="Bram").text("nl")
    expect(dewi.locator(".play-refusal")).to_have_text(taken, timeout=UI_TIMEOUT)
    expect(fac.locator(row(1, "kartrekker") + " .play-holder")).to_have_text("Bram")
    expect(dewi.locator(".play-role-kartrekker")).to_be_disabled(timeout=UI_TIMEOUT)
    dewi.locator(".play-role-volunteer").click()
    expect(fac.locator(row(1, "volunteer") + " .play-holder")).to_have_text(shown,
                                                                            timeout=UI_TIMEOUT)

    # Round 1: everyone answers; the facilitator sees who is still choosing, then closes it.
    fac.locator(".play-open").click()
    expect(fac.locator(".play-waiting-name")).to_have_count(4, timeout=UI_TIMEOUT)
    round_is_open(1, anna, bram, chris, dewi)
    for decision, option in (("hours", "facilitating"), ("style", "participative"),
                             ("connect", "active")):
        choose(anna, decision, option)
    choose(anna, "hours", "mixed", "Gewijzigd")
    for decision, option in (("kind", "purposeful"), ("rhythm", "weekly"),
                             ("invite", "personal")):
        choose(bram, decision, option)
        choose(chris, decision, option)
    choose(dewi, "recruit", "personal")
    for page in (anna, bram, chris, dewi):
        answer_about_people(page)
    expect(fac.locator(".play-nobody-waiting")).to_be_visible(timeout=UI_TIMEOUT)
    fac.locator(".play-close").click()
    expect(fac.locator(".play-phase")).to_contain_text("Ronde 1 van 3 is gespeeld",
                                                       timeout=UI_TIMEOUT)
    expect(fac.locator("img.play-map")).to_have_count(TABLES, timeout=UI_TIMEOUT)
    expect(fac.locator("img.play-series")).to_have_count(TABLES)
    all_on_one_screen(fac, ".play-table", TABLES)
    expect(anna.locator(".play-situation-line").first).to_be_visible(timeout=UI_TIMEOUT)
    SCREENSHOTS.mkdir(exist_ok=True)
    fac.wait_for_timeout(500)
    fac.screenshot(path=str(SCREENSHOTS / "workshop-facilitator.png"), full_page=True)
    dewi.screenshot(path=str(SCREENSHOTS / "workshop-participant.png"), full_page=True)

    # Anna closes her page: the model plays the professional. She reopens it with her token
    # and is the professional again.
    anna.close(run_before_unload=True)
    expect(fac.locator(row(1, "professional") + " .play-model")).to_be_visible(
        timeout=UI_TIMEOUT)
    anna = anna_context.new_page()
    anna_watch = Watch(anna, aborted_fails=False)
    anna.goto(f"{join_url}?t={anna_token}")
    expect(anna.locator(".play-role-name")).to_have_text("de professional", timeout=UI_TIMEOUT)
    expect(fac.locator(row(1, "professional") + " .play-holder")).to_have_text("Anna",
                                                                               timeout=UI_TIMEOUT)

    # Round 2: Bram's page falls behind; his click after the close is refused and changes
    # nothing.
    fac.locator(".play-open").click()
    round_is_open(2, anna, bram)
    choose(anna, "hours", "facilitating")
    choose(bram, "kind", "cosy")
    bram_valve.hold()
    fac.locator(".play-close").click()
    expect(fac.locator(".play-phase")).to_contain_text("Ronde 2 van 3 is gespeeld",
                                                       timeout=UI_TIMEOUT)
    bram.locator(".play-options-kind .play-option-purposeful label").click()
    bram.wait_for_timeout(500)
    bram_valve.release()
    expect(bram.locator(".play-answer")).to_have_text(PlayError("round_closed").text("nl"),
                                                      timeout=UI_TIMEOUT)
    expect(bram.locator(".play-options-kind .play-option-cosy input")).to_be_checked(
        timeout=UI_TIMEOUT)

    # Round 3 runs on a timer of nine seconds: the room closes it by itself.
    fac.locator(".play-minutes input").fill("0.15")
    fac.wait_for_timeout(300)
    fac.locator(".play-open").click()
    round_is_open(3, chris)
    choose(chris, "kind", "mixed")
    expect(fac.locator(".play-phase")).to_contain_text("nabespreking", timeout=UI_TIMEOUT)
    expect(chris.locator(".play-finished")).to_be_visible(timeout=UI_TIMEOUT)

    # The debrief, and its summary in English.
    expect(fac.locator(".play-debrief-line").first).to_be_visible(timeout=90_000)
    fac.wait_for_function("() => { const img = document.querySelector('img.play-debrief-figure');"
                          " return img && img.complete && img.naturalWidth > 100; }",
                          timeout=UI_TIMEOUT)
    all_on_one_screen(fac, ".play-debrief-table", TABLES)
    expect(fac.locator(".play-open")).to_have_count(0)  # the debrief's buttons instead
    fac.screenshot(path=str(SCREENSHOTS / "workshop-debrief.png"))
    fac.locator(".play-export-en").click()
    expect(fac.locator(".play-exported")).to_contain_text("summary.en.pdf", timeout=90_000)
    assert list((workdir / "results" / "workshop").glob("workshop-*/summary.en.html"))

    for watch in (fac_watch, anna_watch, bram_watch, chris_watch, dewi_watch):
        watch.check()
    for context in (fac_context, anna_context, bram_context, chris_context, dewi_context):
        context.close()

    # Stopping the command stops its server: nothing is left behind.
    children = psutil.Process(process.pid).children(recursive=True)
    assert children, "the command should run its server as a child process"
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=20) != 0
    _, alive = psutil.wait_procs(children, timeout=10)
    assert not alive, f"server processes left behind: {alive}"
    assert time.monotonic() - started < 180
