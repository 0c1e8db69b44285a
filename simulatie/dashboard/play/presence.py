# ruff: noqa: N802  (Solara components are named like classes)
"""Who is here: a participant's page attaches them to the room, beats while it lives, detaches.

The choice: Solara's own lifecycle, plus a heartbeat from the page itself.

* A page that shows a participant attaches them (:meth:`Room.attach`, which calls
  :meth:`Session.rejoin`) in an effect; the effect's clean-up detaches them. Solara runs the
  clean-up when the page's kernel closes: the browser tells the server when a tab is closed, a
  page is reloaded or left (a close beacon), and the server closes that page's kernel. A
  participant whose last page went away is left (:meth:`Session.leave`): the model plays their
  role.
* A phone that locks its screen, freezes its tab or loses the network sends no beacon, and its
  connection may look open to the server for minutes (measured: a frozen tab stayed "present"
  for more than three minutes with the connection alone). So the page beats: a small script in
  the page (:class:`HeartbeatWidget`) calls the server every :data:`BEAT_SECONDS`, and the
  server watches the beats (checked every second, :func:`is_silent`): after
  :attr:`PlaySettings.away_seconds` (15 s) without a beat, or without a connection, the
  participant is detached, and attached again at the next beat.

Because the room counts a participant's pages, a reload never leaves them out, whichever of the
old and the new page the server hears from first. A role someone else took meanwhile is not given
back (:meth:`Session.rejoin`): the participant picks another. What a participant answered in the
open round still counts when their page goes quiet afterwards (:meth:`Session.close_round`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import ipyvuetify
import solara
import traitlets

from simulatie.workshop.play.session import PlayError

from .room import Room

__all__ = ["BEAT_SECONDS", "WATCH_SECONDS", "Beats", "Heartbeat", "HeartbeatWidget",
           "device_id", "is_connected", "is_silent", "use_presence"]

WATCH_SECONDS = 1.0
"""How often the server looks at a page's beats and connection."""

BEAT_SECONDS = 4.0
"""How often a participant's page tells the server it is still there."""

_BEAT_TEMPLATE = """
<template><span class="play-heartbeat" style="display: none"></span></template>
<script>
module.exports = {
  mounted() {
    this.beat();
    this.timer = setInterval(() => this.beat(), this.interval_ms);
  },
  destroyed() { clearInterval(this.timer); },
};
</script>
"""


class HeartbeatWidget(ipyvuetify.VuetifyTemplate):
    """An invisible widget whose script calls :meth:`vue_beat` every ``interval_ms``."""

    template = traitlets.Unicode(_BEAT_TEMPLATE).tag(sync=True)
    interval_ms = traitlets.Int(int(BEAT_SECONDS * 1000)).tag(sync=True)
    callback = traitlets.Any(None, allow_none=True)  # on the server only

    def vue_beat(self, _data: Any = None) -> None:
        """The page's script says it is alive."""
        if self.callback is not None:
            self.callback()


@solara.component
def Heartbeat(on_beat: Callable[[], None], interval: float = BEAT_SECONDS):
    """The page's heartbeat: ``on_beat`` is called from the browser every ``interval`` seconds."""
    return HeartbeatWidget.element(interval_ms=int(interval * 1000), callback=on_beat)


class Beats:
    """When a page last beat (``None``: never, e.g. a page rendered without a browser)."""

    def __init__(self) -> None:
        self.last: float | None = None

    def beat(self) -> None:
        """Note a beat now."""
        self.last = time.monotonic()


def device_id() -> str | None:
    """The browser's session (a cookie: kept by a reload and shared by its tabs), or ``None``."""
    context = _kernel_context()
    if context is None:
        return None
    return getattr(context, "session_id", None) or None


def _kernel_context() -> Any | None:
    """The Solara kernel context of this page, or ``None`` outside a Solara server."""
    try:
        from solara.server import kernel_context
    except ImportError:  # pragma: no cover - solara without its server
        return None
    if not kernel_context.has_current_context():
        return None
    return kernel_context.get_current_context()


def is_connected(context: Any) -> bool:
    """Whether a browser is connected to the page's kernel now.

    A kernel no browser ever connected to (a headless render in a test) counts as connected.
    """
    from solara.server.kernel_context import PageStatus

    if context.closed_event.is_set():
        return False
    with context.lock:
        statuses = list(context.page_status.values())
    return not statuses or PageStatus.CONNECTED in statuses


def is_silent(last_beat: float | None, gone_since: float | None, now: float,
              away_seconds: float) -> bool:
    """Whether a page has been quiet long enough for its participant to count as away.

    Args:
        last_beat: When the page last beat; ``None`` if it never did (no browser script ran:
            then only its connection counts).
        gone_since: Since when its connection has been down, or ``None`` while connected.
        now: The time now (``time.monotonic``).
        away_seconds: How long a page may be quiet.

    Returns:
        True after ``away_seconds`` without a beat or without a connection.
    """
    no_beat = last_beat is not None and now - last_beat >= away_seconds
    no_connection = gone_since is not None and now - gone_since >= away_seconds
    return no_beat or no_connection


def _watch(room: Room, token: str, page: str, context: Any, stop: threading.Event,
           away_seconds: float, beats: Beats) -> None:
    """Detach the participant while the page is silent; attach them again when it is back."""
    gone_since: float | None = None
    away = False
    while not stop.wait(WATCH_SECONDS):
        if context.closed_event.is_set():
            return  # the kernel closed: the effect's clean-up detaches
        now = time.monotonic()
        if is_connected(context):
            gone_since = None
        elif gone_since is None:
            gone_since = now
        silent = is_silent(beats.last, gone_since, now, away_seconds)
        if silent and not away:
            room.detach(token, page)
            away = True
        elif away and not silent:
            try:
                room.attach(token, page)
            except PlayError:
                return
            away = False


def use_presence(room: Room, token: str | None, page: str) -> Callable[[], None]:
    """Keep the participant with ``token`` present while this page shows them (a hook).

    Args:
        room: The room.
        token: The participant shown, or ``None`` (nobody yet).
        page: This page's identifier (one per component instance).

    Returns:
        What the page's :func:`Heartbeat` calls at each beat.
    """
    beats = solara.use_memo(Beats, [])

    def attach():
        if not token or room.find(token) is None:
            return None
        try:
            room.attach(token, page)
        except PlayError:
            return None
        stop = threading.Event()
        context = _kernel_context()
        if context is not None:
            threading.Thread(target=_watch, name="workshop-presence", daemon=True,
                             args=(room, token, page, context, stop,
                                   room.settings.away_seconds, beats)).start()

        def detach() -> None:
            stop.set()
            room.detach(token, page)

        return detach

    solara.use_effect(attach, [room, token, page])
    return beats.beat
