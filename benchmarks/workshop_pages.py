"""The workshop's pages in a headless browser: join, open and close a round, press, timed inside.

Every latency is timed inside the page (``performance.now()`` and a ``MutationObserver``), and
every page leaves a promise that this module awaits afterwards; awaiting a promise needs no
polling, and the order in which the pages are looked at does not matter. Absolute times are in
milliseconds since the epoch on the machine's clock, so that a click in one page (the
facilitator's) can be compared with what another page (a phone) shows.
"""

from __future__ import annotations

import random
import re
import time
from typing import Any

from simulatie.dashboard.play.texts import say
from simulatie.workshop.play.decisions import DECISIONS, PlayRole

from .workshop_server import LANG, PIN

__all__ = ["ROLES", "close_round", "join", "open_page", "open_round", "presses", "wave"]

ROLES = list(PlayRole)
LOAD_TIMEOUT_MS = 180_000  # a page's first screen (the facilitator's builds the tables)
STEP_TIMEOUT_MS = 120_000  # one press, one round opened or closed, on a loaded machine
SCHEDULE_MS_PER_PAGE = 150  # time to tell a page when to press, on a loaded machine

# Runs in a participant's page: at the moment ``at`` (ms since the epoch), click an option and
# watch for the page's confirmation. Leaves the promise window.__playPress: [absolute time of the
# click in ms, ms from the click to the confirmation].
CHOOSE_AND_WATCH = """
([label, expected, at, timeout]) => {
  const done = () => {
    const answer = document.querySelector('.play-answer');
    return answer !== null && answer.textContent.includes(expected);
  };
  window.__playPress = new Promise((resolve, reject) => {
    setTimeout(() => {
      const target = document.querySelector(label);
      if (done() || target === null) {
        reject(new Error(target === null ? 'no ' + label : 'confirmed before the click'));
        return;
      }
      let started = 0;
      const observer = new MutationObserver(() => {
        if (done()) {
          observer.disconnect();
          resolve([performance.timeOrigin + started, performance.now() - started]);
        }
      });
      observer.observe(document.body,
                       {subtree: true, childList: true, attributes: true, characterData: true});
      setTimeout(() => { observer.disconnect();
                         reject(new Error('no "' + expected + '" after ' + timeout + ' ms')); },
                 timeout);
      started = performance.now();
      target.click();
    }, Math.max(0, at - Date.now()));
  });
}
"""

# Runs in the facilitator's page: click "close round" and watch the projector. Leaves the promise
# window.__playClose: the absolute time of the click, and ms from it to the new phase text, to
# every table's new map and time series in the page, and to those pictures decoded.
CLOSE_AND_WATCH = """
([expected, tables, timeout]) => {
  const pictures = () => Array.from(document.querySelectorAll('img.play-map, img.play-series'));
  const before = new Set(pictures().map((img) => img.getAttribute('src')));
  const phaseShown = () => {
    const phase = document.querySelector('.play-phase');
    return phase !== null && phase.textContent.includes(expected);
  };
  const resultShown = () => {
    const now = pictures().map((img) => img.getAttribute('src'));
    return now.length === 2 * tables && now.every((src) => src && !before.has(src));
  };
  window.__playClose = new Promise((resolve, reject) => {
    let started = 0;
    let phase = null;
    const observer = new MutationObserver(() => {
      const elapsed = performance.now() - started;
      if (phase === null && phaseShown()) phase = elapsed;
      if (phase !== null && resultShown()) {
        observer.disconnect();
        Promise.all(pictures().map((img) => img.decode().catch(() => null))).then(() => {
          resolve({clicked: performance.timeOrigin + started, phase: phase, pictures: elapsed,
                   shown: performance.now() - started});
        });
      }
    });
    observer.observe(document.body,
                     {subtree: true, childList: true, attributes: true, characterData: true});
    setTimeout(() => { observer.disconnect();
                       reject(new Error('no result of the round after ' + timeout + ' ms')); },
               timeout);
    started = performance.now();
    document.querySelector('.play-close').click();
  });
}
"""

# Runs in a participant's page: the promise window.__playSeen resolves to the absolute time (ms)
# at which an element matching ``selector`` first shows ``expected``.
WATCH_TEXT = """
([selector, expected, timeout]) => {
  const seen = () => Array.from(document.querySelectorAll(selector))
    .some((element) => element.textContent.includes(expected));
  window.__playSeen = new Promise((resolve, reject) => {
    const stamp = () => performance.timeOrigin + performance.now();
    if (seen()) { reject(new Error('"' + expected + '" was there before')); return; }
    const observer = new MutationObserver(() => {
      if (seen()) { observer.disconnect(); resolve(stamp()); }
    });
    observer.observe(document.body,
                     {subtree: true, childList: true, attributes: true, characterData: true});
    setTimeout(() => { observer.disconnect();
                       reject(new Error('no "' + expected + '" after ' + timeout + ' ms')); },
               timeout);
  });
}
"""

# Runs in the facilitator's page: click "open round"; returns the absolute time of the click.
OPEN = """
() => { const stamp = performance.timeOrigin + performance.now();
        document.querySelector('.play-open').click(); return stamp; }
"""


def open_page(browser: Any, url: str, phone: bool) -> tuple[Any, Any]:
    """Open ``url`` in a new context of ``browser`` and wait for its title.

    Args:
        browser: A Playwright ``Browser``.
        url: The page.
        phone: A phone's screen (a participant) rather than a projector's (the facilitator).

    Returns:
        The context and its page.
    """
    size = {"width": 400, "height": 860} if phone else {"width": 1500, "height": 1000}
    context = browser.new_context(viewport=size)
    page = context.new_page()
    page.set_default_timeout(STEP_TIMEOUT_MS)
    page.goto(url)
    page.wait_for_selector(".play-title", timeout=LOAD_TIMEOUT_MS)
    return context, page


def join(browser: Any, url: str, number: int, table: int,
         role: PlayRole) -> tuple[Any, Any, float]:
    """Participant ``number`` opens the join page, joins ``table`` and takes ``role``.

    Returns:
        The context, its page, and the seconds from opening the page to the role shown.
    """
    started = time.perf_counter()
    context, page = open_page(browser, url, phone=True)
    page.locator(".play-pin-input input").fill(PIN)
    page.locator(".play-name-input input").fill(f"P{number + 1}")
    page.locator(f".play-table-{table + 1}").click()
    page.locator(".play-join").click()
    page.wait_for_url(re.compile(r"/join\?t="))
    page.locator(f".play-role-{role.value}").click()
    page.locator(".play-role-name").wait_for()
    return context, page, time.perf_counter() - started


def _watch_all(pages: list, selector: str, text: str) -> None:
    for page in pages:
        page.evaluate(WATCH_TEXT, [selector, text, STEP_TIMEOUT_MS])


def _seen_after(pages: list, clicked_ms: float) -> list[float]:
    return [(page.evaluate("() => window.__playSeen") - clicked_ms) / 1000 for page in pages]


def open_round(facilitator: Any, pages: list, number: int, weeks: int) -> list[float]:
    """The facilitator opens round ``number``; per phone, seconds until it shows the question."""
    facilitator.wait_for_selector(".play-open:not([disabled])")
    _watch_all(pages, ".play-heading", say("choose_now", LANG, number=number, weeks=weeks))
    clicked = facilitator.evaluate(OPEN)
    return _seen_after(pages, clicked)


def close_round(facilitator: Any, pages: list, number: int, rounds: int,
                tables: int) -> tuple[float, float, list[float]]:
    """The facilitator closes round ``number`` of ``rounds``.

    Returns:
        Seconds from the click to the projector showing the round's result (every table's new
        pictures, decoded), to its new phase text alone, and per phone to the round shown as
        closed.
    """
    facilitator.wait_for_selector(".play-close:not([disabled])")
    _watch_all(pages, ".play-closed", say("round_closed_choices", LANG, number=number))
    phase = (say("phase_finished", LANG) if number == rounds
             else say("phase_between", LANG, number=number, total=rounds))
    facilitator.evaluate(CLOSE_AND_WATCH, [phase, tables, STEP_TIMEOUT_MS])
    close = facilitator.evaluate("() => window.__playClose")
    return close["shown"] / 1000, close["phase"] / 1000, _seen_after(pages, close["clicked"])


def presses(roles: list[PlayRole], round_number: int, wave: int) -> list[tuple[str, str]]:
    """Each participant's option in a wave: the first decision, another option in each wave.

    Returns:
        Per participant, the option's selector and the confirmation the page shows.
    """
    expected = say("saved" if wave == 0 else "changed", LANG)
    chosen = []
    for role in roles:
        decision = DECISIONS[role][0]
        option = decision.options[(round_number + wave) % len(decision.options)]
        chosen.append((f".play-options-{decision.key} .play-option-{option.key} label",
                       expected))
    return chosen


def wave(pages: list, chosen: list[tuple[str, str]], window: float,
         rng: random.Random) -> tuple[list[float], float]:
    """Every page presses its option at a random moment within ``window`` seconds.

    Each page gets its moment on the machine's clock, a little after every page was told (so
    a busy browser, slow to take the instructions, does not spread the presses).

    Returns:
        Per page, seconds from the click to the confirmation; and seconds from the first click
        to the last.
    """
    start = time.time() * 1000 + SCHEDULE_MS_PER_PAGE * len(pages)
    for page, (label, expected) in zip(pages, chosen, strict=True):
        page.evaluate(CHOOSE_AND_WATCH, [label, expected,
                                         start + rng.uniform(0, window * 1000), STEP_TIMEOUT_MS])
    answers = [page.evaluate("() => window.__playPress") for page in pages]
    clicks = [clicked for clicked, _ in answers]
    return [latency / 1000 for _, latency in answers], (max(clicks) - min(clicks)) / 1000
