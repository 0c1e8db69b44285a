"""The dashboard in a real browser: Debian's Chromium, headless, driven by Playwright.

The test starts ``solara run`` exactly as ``simulatie dashboard`` does, on 127.0.0.1 and a free
port, and fails on any request to another host (the dashboard must work without internet) or any
failed request to the dashboard itself. It loads a scenario, moves a slider, steps the model,
checks that the map and the plots are redrawn, checks that a second browser context gets its own
model, and saves a screenshot to ``results/dashboard-browser.png``. A second test answers a myth
in the workshop view (*Mythen*): pick it, press the button, and the command line's answer and
the figure appear. A third opens *Kantelpunten* on Kerkweg: its shipped map, the box in words,
and a new map when another setting is chosen.

Playwright never downloads a browser here: it drives ``/usr/bin/chromium`` (Debian's package,
installed by ``.ci/run``), with the flags that keep Chromium off the network.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from browser_watch import Watch

from benchmarks.browser import CHROMIUM, ServerError, chromium, dashboard_server

SCREENSHOT = Path(__file__).resolve().parents[1] / "results" / "dashboard-browser.png"
UI_TIMEOUT = 20_000  # milliseconds for the page to show or update something

if not CHROMIUM.exists():
    pytest.skip(
        "Debian's chromium is not installed (/usr/bin/chromium); install it with "
        "'apt-get install chromium' (.ci/run does this)",
        allow_module_level=True,
    )
pytest.importorskip("solara", reason="the dashboard extra is not installed")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

from simulatie.dashboard.controls import controls  # noqa: E402
from simulatie.dashboard.translations import PARAMETER_GROUPS, t  # noqa: E402
from simulatie.experiment.scenarios import load_scenario  # noqa: E402


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("dashboard")  # exports would land in workdir/results
    try:
        with dashboard_server(workdir) as running:
            yield running.url
    except ServerError as error:
        pytest.fail(str(error))


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


def open_dashboard(browser, url):
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    watch = Watch(page)
    page.goto(url)
    page.wait_for_selector("img.sim-map", timeout=UI_TIMEOUT)
    return context, page, watch


def src(page, selector: str) -> str:
    return page.locator(selector).first.get_attribute("src")


def wait_for_text(page, selector: str, pattern: str) -> None:
    sync_api.expect(page.locator(selector).first).to_have_text(re.compile(pattern),
                                                               timeout=UI_TIMEOUT)


def wait_for_new_src(page, selector: str, old: str) -> str:
    page.wait_for_function(
        "([sel, old]) => { const img = document.querySelector(sel);"
        " return img && img.getAttribute('src') !== old; }",
        arg=[selector, old], timeout=UI_TIMEOUT,
    )
    return src(page, selector)


def test_dashboard_in_chromium(server, browser):
    started = time.monotonic()
    context, page, watch = open_dashboard(browser, server)
    wait_for_text(page, ".sim-week", r"^Week 0\b")

    # Load a scenario: the picker's menu lists every scenario by its Dutch title.
    theehuis = load_scenario("theehuis")
    page.locator(".sim-scenario").click()
    page.locator(".v-menu__content .v-list-item",
                 has_text=theehuis.title("nl")).first.click()
    sync_api.expect(page.locator(".sim-scenario")).to_contain_text(theehuis.title("nl"),
                                                                   timeout=UI_TIMEOUT)

    # Move a slider: open its group and press the arrow key on the thumb.
    takeover = controls()["takeover"]
    group = PARAMETER_GROUPS[takeover.spec.group]["nl"]
    page.locator(".v-expansion-panel-header", has_text=group).first.click()
    value = page.locator(".sim-control.param-takeover .sim-value")
    sync_api.expect(value).to_have_text(f"{theehuis.parameters.takeover:g}", timeout=UI_TIMEOUT)
    thumb = page.locator(".v-input.param-takeover [role=slider]")
    thumb.focus()
    for _ in range(4):
        thumb.press("ArrowRight")
    moved = theehuis.parameters.takeover + 4 * takeover.step
    sync_api.expect(value).to_have_text(f"{moved:g}", timeout=UI_TIMEOUT)
    sync_api.expect(page.locator(".sim-control.param-takeover.sim-changed")).to_have_count(1)

    # Step: the week advances and both pictures are redrawn.
    map_before, series_before = src(page, "img.sim-map"), src(page, "img.sim-series")
    page.locator(".sim-step").click()
    wait_for_text(page, ".sim-week", r"^Week 1\b")
    map_after = wait_for_new_src(page, "img.sim-map", map_before)
    series_after = wait_for_new_src(page, "img.sim-series", series_before)
    assert map_after != map_before and series_after != series_before
    page.locator(".sim-year").click()
    wait_for_text(page, ".sim-week", r"^Week 53\b")

    # A second browser session has its own model: at week 0, with the default scenario.
    other_context, other, other_watch = open_dashboard(browser, server)
    wait_for_text(other, ".sim-week", r"^Week 0\b")
    sync_api.expect(other.locator(".sim-scenario")).to_contain_text(
        load_scenario("default").title("nl"))
    other.locator(".sim-step").click()
    wait_for_text(other, ".sim-week", r"^Week 1\b")
    wait_for_text(page, ".sim-week", r"^Week 53\b")

    # English, then the picture for the record.
    page.locator(".sim-lang-en").click()
    sync_api.expect(page.locator(".sim-step")).to_have_text(
        re.compile(t("step", "en"), re.IGNORECASE), timeout=UI_TIMEOUT)
    page.locator(".sim-lang-nl").click()
    sync_api.expect(page.locator(".sim-step")).to_have_text(
        re.compile(t("step", "nl"), re.IGNORECASE), timeout=UI_TIMEOUT)
    page.wait_for_timeout(500)
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))

    watch.check()
    other_watch.check()
    other_context.close()
    context.close()
    assert time.monotonic() - started < 60


def test_myths_tab_answers_a_myth_in_chromium(server, browser):
    """Workshop view: pick myth 6, press the button, and the command line's answer appears."""
    from simulatie.workshop.texts import MYTH_TEXTS

    context, page, watch = open_dashboard(browser, server)
    page.locator(".sim-view-myths").click()
    claim = str(MYTH_TEXTS[6]["nl"]["claim"])
    page.locator(".sim-myth-pick").click()
    page.locator(".v-menu__content .v-list-item", has_text=claim).first.click()
    sync_api.expect(page.locator(".sim-myth-claim")).to_contain_text(claim, timeout=UI_TIMEOUT)
    # the myth's own lever is shown: its counter-assumption, here how selfless volunteers are
    sync_api.expect(page.locator(".param-volunteer_selflessness:visible").first).to_be_visible(
        timeout=UI_TIMEOUT)

    page.locator(".sim-myth-ask").click()
    conclusion = page.locator(".sim-myth-conclusion")
    sync_api.expect(conclusion).to_be_visible(timeout=120_000)  # shipped: fast unless stale
    from simulatie.workshop.handout import myth_answer

    assert conclusion.inner_text().strip() == myth_answer(6, "nl", shipped=True).conclusion
    sync_api.expect(page.locator(".sim-myth-counter")).to_be_visible(timeout=UI_TIMEOUT)
    figure = page.locator("img.sim-myth-figure")
    sync_api.expect(figure).to_have_count(1, timeout=UI_TIMEOUT)
    page.wait_for_function(
        "() => { const img = document.querySelector('img.sim-myth-figure');"
        " return img && img.complete && img.naturalWidth > 0; }", timeout=UI_TIMEOUT)

    watch.check()
    context.close()


def test_tipping_points_view_in_chromium(server, browser):
    """Kantelpunten: pick Kerkweg, and its shipped map, the box in words and the star appear."""
    from simulatie.experiment.discovery.shipped import load_tipping

    assert load_tipping("kerkweg") is not None, "ship it: simulatie discover ... --ship"
    context, page, watch = open_dashboard(browser, server)
    kerkweg = load_scenario("kerkweg")
    page.locator(".sim-scenario").click()
    page.locator(".v-menu__content .v-list-item", has_text=kerkweg.title("nl")).first.click()
    sync_api.expect(page.locator(".sim-scenario")).to_contain_text(kerkweg.title("nl"),
                                                                   timeout=UI_TIMEOUT)
    page.locator(".sim-view-tipping").click()
    room = page.locator(".sim-tipping-room").first
    sync_api.expect(room).to_contain_text("doorgerekende buurten", timeout=60_000)
    for word in ("PRIM", "dekking", "dichtheid", "need_scale"):  # in plain words for the room
        assert word not in room.inner_text()
    page.wait_for_function(
        "() => { const img = document.querySelector('img.sim-tipping-map');"
        " return img && img.complete && img.naturalWidth > 0; }", timeout=UI_TIMEOUT)
    before = page.locator("img.sim-tipping-map").get_attribute("src")
    page.locator(".sim-tipping-y").click()
    page.locator(".v-menu__content .v-list-item", has_text="De zorgvraag").first.click()
    page.wait_for_function(
        "(old) => { const img = document.querySelector('img.sim-tipping-map');"
        " return img && img.getAttribute('src') !== old; }", arg=before, timeout=UI_TIMEOUT)
    watch.check()
    context.close()


BUSY_BAR_AT = """(ours) => {
  for (const style of document.querySelectorAll('style')) {
    if (style.textContent.includes('sim-busy')) style.disabled = !ours;
  }
  const host = document.createElement('div');
  host.innerHTML = '<div class="v-progress-linear" style="position:fixed;top:300px;left:100px;'
    + 'width:1000px;height:4px"><div class="v-progress-linear__indeterminate '
    + 'v-progress-linear__indeterminate--active"><div class="long primary"></div>'
    + '<div class="short primary"></div></div></div>';
  document.body.appendChild(host);
  const seen = [];
  for (const ms of [0, 1000, 1400, 1700, 2000, 2150]) {
    const animations = host.getAnimations({subtree: true});
    for (const animation of animations) { animation.pause(); animation.currentTime = ms; }
    const edges = (part) => {
      const box = host.querySelector(part).getBoundingClientRect();
      return [Math.round(box.left), Math.round(box.right)];
    };
    seen.push([animations.map((a) => a.animationName).sort().join(' '),
               edges('.long'), edges('.short')]);
  }
  host.remove();
  return seen;
}"""


def test_the_busy_bar_moves_as_vuetifys_without_laying_out_the_page(server, browser):
    """The bar along the top while the server works: Vuetify's motion, by transform."""
    context, page, watch = open_dashboard(browser, server)
    ours, vuetify = page.evaluate(BUSY_BAR_AT, True), page.evaluate(BUSY_BAR_AT, False)
    assert all(names == "sim-busy-long sim-busy-short" for names, *_ in ours)
    assert all(names == "indeterminate indeterminate-short" for names, *_ in vuetify)
    for (_, *at_ours), (_, *at_vuetify) in zip(ours, vuetify, strict=True):
        for edges, expected in zip(at_ours, at_vuetify, strict=True):
            assert abs(edges[0] - expected[0]) <= 1 and abs(edges[1] - expected[1]) <= 1
    watch.check()
    context.close()
