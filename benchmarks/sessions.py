"""A workshop in the browser: many sessions on one dashboard server, all pressing at once.

Usage::

    .venv/bin/python -m benchmarks.sessions                 # 15 sessions, 5 + 3 rounds
    .venv/bin/python -m benchmarks.sessions --sessions 4 --week-rounds 2 --year-rounds 1

One server is started as ``simulatie dashboard`` starts it; one headless Chromium opens
``sessions`` browser contexts, each a participant with its own neighbourhood. In each round every
session presses *Next week* (or *+1 year*) within a few milliseconds of the others, the way a room
does when the facilitator says "now press". A session's latency runs from its press to the moment
its week counter shows the new week **and** both pictures (map and time series) are redrawn; it is
timed inside the page (``performance.now()`` and a ``MutationObserver``), so the order in which
this script looks at the pages does not matter.

Memory: the server's resident set size (with its children) after the first session, after all
sessions have opened, and after the rounds; the increase per session is reported.

The browser runs on the same two cores as the server here, which a real workshop (one laptop per
table) would not do, so these latencies are an upper bound.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import psutil

from .browser import chromium, dashboard_server
from .processes import chromium_processes, cpu_seconds, kept_affinity, pin_server, rss_mib
from .report import Row, add_run_options, log_to_stderr, report, status

__all__ = ["SessionsResult", "format_sessions", "main", "measure_sessions"]

TARGET_P95_SECONDS = 1.0  # the performance issue: p95 per session, "next week" and "+1 year"
TARGET_MIB_PER_SESSION = 60.0
LOAD_TIMEOUT_MS = 120_000  # a session's first page, on a loaded machine
ROUND_TIMEOUT_MS = 180_000  # every session's answer to one round
WEEKS_PER_YEAR = 52

# Runs in the page: remember the pictures, watch the page, press the button. Leaves the promise
# window.__simLatency, which resolves to the milliseconds from the press to the new week with both
# pictures new (or rejects after the timeout). Awaiting a promise needs no polling, which would
# make Chromium draw frames while it waits and take CPU from the server.
PRESS_AND_WATCH = """
([button, week, timeout]) => {
  const pattern = new RegExp('^\\\\S+ ' + week + '\\\\b');
  const mapBefore = document.querySelector('img.sim-map').getAttribute('src');
  const seriesBefore = document.querySelector('img.sim-series').getAttribute('src');
  const done = () => {
    const shown = document.querySelector('.sim-week');
    const map = document.querySelector('img.sim-map');
    const series = document.querySelector('img.sim-series');
    return shown && pattern.test(shown.textContent.trim())
      && map && map.getAttribute('src') !== mapBefore
      && series && series.getAttribute('src') !== seriesBefore;
  };
  window.__simLatency = new Promise((resolve, reject) => {
    let started = 0;
    const observer = new MutationObserver(() => {
      if (done()) {
        observer.disconnect();
        resolve(performance.now() - started);
      }
    });
    observer.observe(document.body,
                     {subtree: true, childList: true, attributes: true, characterData: true});
    setTimeout(() => { observer.disconnect(); reject(new Error('no new week after ' + timeout
                                                               + ' ms')); }, timeout);
    started = performance.now();
    document.querySelector(button).click();
  });
}
"""


@dataclass(frozen=True)
class SessionsResult:
    """What many simultaneous dashboard sessions measured.

    Attributes:
        sessions: Browser sessions (one model each).
        load_seconds: Per session, from opening the page to the first map.
        week_seconds: Latencies of *Next week*, every session in every round.
        year_seconds: Latencies of *+1 year*, every session in every round.
        server_mib_first: Server memory (RSS, with children) with one session open.
        server_mib_open: The same with every session open, before the rounds.
        server_mib_end: The same after the rounds.
        server_cpu_seconds: CPU time the server used during the rounds.
        browser_cpu_seconds: CPU time Chromium used during the rounds (on a real workshop's
            laptops it would not compete with the server).
        rounds_seconds: Wall time of all rounds.
        pinned: Whether the server had a core of its own (``pin``).
        mib_per_session: ``(server_mib_end - server_mib_first) / (sessions - 1)``.
        seconds: Wall time of the whole measurement.
    """

    sessions: int
    load_seconds: list[float]
    week_seconds: list[float]
    year_seconds: list[float]
    server_mib_first: float
    server_mib_open: float
    server_mib_end: float
    mib_per_session: float
    server_cpu_seconds: float
    browser_cpu_seconds: float
    rounds_seconds: float
    pinned: bool
    seconds: float

    def percentile(self, which: str, q: float) -> float:
        """The ``q``-th percentile of ``week`` or ``year`` latencies, in seconds."""
        values = self.week_seconds if which == "week" else self.year_seconds
        return float(np.percentile(values, q)) if values else float("nan")


def _open_session(browser, url: str):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_selector("img.sim-map", timeout=LOAD_TIMEOUT_MS)
    page.wait_for_function(
        "() => { const w = document.querySelector('.sim-week');"
        " return w && /^\\S+ 0\\b/.test(w.textContent.trim()); }", timeout=LOAD_TIMEOUT_MS)
    return context, page, time.perf_counter() - started


def _current_week(page) -> int:
    text = page.locator(".sim-week").first.inner_text().strip()
    return int(text.split()[1])


def _round(pages: list, button: str, weeks: int) -> list[float]:
    """Every page presses ``button`` at once; returns each page's latency in seconds."""
    targets = [_current_week(page) + weeks for page in pages]
    for page, target in zip(pages, targets, strict=True):
        page.evaluate(PRESS_AND_WATCH, [button, target, ROUND_TIMEOUT_MS])
    return [page.evaluate("() => window.__simLatency") / 1000 for page in pages]


def measure_sessions(
    sessions: int = 15, week_rounds: int = 5, year_rounds: int = 3, pin: bool = False, log=print
) -> SessionsResult:
    """Open ``sessions`` dashboard sessions and time simultaneous presses.

    Args:
        sessions: Browser sessions on one server (at least 2).
        week_rounds: Rounds in which every session presses *Next week*.
        year_rounds: Rounds in which every session presses *+1 year*.
        pin: Give the server a core of its own and the browser the others, as when the
            participants' browsers run on their own laptops (Linux, two cores or more).
        log: Where progress lines go.

    Returns:
        The latencies and the server's memory.

    Raises:
        ValueError: If ``sessions`` is below 2.
    """
    if sessions < 2:
        raise ValueError("sessions must be at least 2 (memory per session needs two)")
    started = time.perf_counter()
    with (tempfile.TemporaryDirectory() as tmp, dashboard_server(Path(tmp)) as server,
          kept_affinity()):
        pinned = pin and pin_server(server.process.pid)
        result = _measure(server, sessions, week_rounds, year_rounds, log)
    return replace(result, pinned=pinned, seconds=time.perf_counter() - started)


def _measure(server, sessions: int, week_rounds: int, year_rounds: int, log) -> SessionsResult:
    with chromium() as browser:
        contexts, pages, loads = [], [], []
        for number in range(sessions):
            context, page, seconds = _open_session(browser, server.url)
            contexts.append(context)
            pages.append(page)
            loads.append(seconds)
            if number == 0:
                first = rss_mib(server.process.pid)
            log(f"session {number + 1}/{sessions} open after {seconds:.1f} s")
        opened = rss_mib(server.process.pid)
        server_process = [psutil.Process(server.process.pid)]
        browsers = chromium_processes()
        server_cpu, browser_cpu = cpu_seconds(server_process), cpu_seconds(browsers)
        rounds_started = time.perf_counter()
        weeks: list[float] = []
        for number in range(week_rounds):
            weeks += _round(pages, ".sim-step", 1)
            log(f"next week, round {number + 1}/{week_rounds}: "
                f"slowest {max(weeks[-sessions:]):.2f} s")
        years: list[float] = []
        for number in range(year_rounds):
            years += _round(pages, ".sim-year", WEEKS_PER_YEAR)
            log(f"+1 year, round {number + 1}/{year_rounds}: "
                f"slowest {max(years[-sessions:]):.2f} s")
        rounds_seconds = time.perf_counter() - rounds_started
        end = rss_mib(server.process.pid)
        server_cpu = cpu_seconds(server_process) - server_cpu
        browser_cpu = cpu_seconds(browsers) - browser_cpu
        for context in contexts:
            context.close()
    return SessionsResult(
        sessions=sessions, load_seconds=loads, week_seconds=weeks, year_seconds=years,
        server_mib_first=first, server_mib_open=opened, server_mib_end=end,
        mib_per_session=(end - first) / (sessions - 1), server_cpu_seconds=server_cpu,
        browser_cpu_seconds=browser_cpu, rounds_seconds=rounds_seconds, pinned=False,
        seconds=0.0,
    )


def format_sessions(result: SessionsResult) -> list[Row]:
    """Table rows (measure, value, target, status) for ``result``."""
    n = result.sessions
    rows = [(f"Dashboard, {n} sessions: first page (median, max)",
             f"{statistics.median(result.load_seconds):.1f} s, {max(result.load_seconds):.1f} s",
             "", "")]
    for which, label in (("week", "next week"), ("year", "+1 year")):
        values = result.week_seconds if which == "week" else result.year_seconds
        if not values:
            continue
        p95 = result.percentile(which, 95)
        rows.append((f"Dashboard, {n} sessions at once: {label}, p95 (p50, max)",
                     f"{p95:.2f} s ({result.percentile(which, 50):.2f}, {max(values):.2f})",
                     f"≤ {TARGET_P95_SECONDS:g} s", status(p95, TARGET_P95_SECONDS)))
    rows.append(("  CPU during the rounds: server, browser",
                 f"{result.server_cpu_seconds:.1f} s, {result.browser_cpu_seconds:.1f} s "
                 f"(rounds took {result.rounds_seconds:.1f} s)", "", ""))
    rows.append((f"Dashboard server memory per session ({n} sessions)",
                 f"{result.mib_per_session:.0f} MiB (server {result.server_mib_first:.0f} → "
                 f"{result.server_mib_end:.0f} MiB)", f"< {TARGET_MIB_PER_SESSION:g} MiB",
                 status(result.mib_per_session, TARGET_MIB_PER_SESSION)))
    return rows


def main(argv: list[str] | None = None) -> int:
    """Measure, print the rows and write ``results/benchmarks/sessions-<timestamp>.json``."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.sessions",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=15)
    parser.add_argument("--week-rounds", type=int, default=5)
    parser.add_argument("--year-rounds", type=int, default=3)
    add_run_options(parser)
    args = parser.parse_args(argv)
    result = measure_sessions(args.sessions, args.week_rounds, args.year_rounds, args.pin,
                              log=log_to_stderr)
    report(result, format_sessions(result), "sessions", args.out, result.pinned)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
