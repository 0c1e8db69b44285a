"""Who is here: a participant's page attaches them to the room and detaches them when it goes.

The choice: Solara's own lifecycle, with a watch on the page's connection as a server-side
heartbeat.

* A page that shows a participant attaches them (:meth:`Room.attach`, which calls
  :meth:`Session.rejoin`) in an effect; the effect's clean-up detaches them. Solara runs the
  clean-up when the page's kernel closes: the browser tells the server when a tab is closed, a
  page is reloaded or left (a close beacon), and the server closes that page's kernel. A
  participant whose last page went away is left (:meth:`Session.leave`): the model plays their
  role.
* A phone that locks its screen or loses the network sends no beacon: its websocket just drops,
  and Solara keeps the kernel for a day in case it reconnects. So the page also watches its own
  connection (the kernel context's page status, checked every second on the server; no
  JavaScript): after :attr:`PlaySettings.away_seconds` without a connected page the participant
  is detached, and attached again as soon as the page reconnects.

Because the room counts a participant's pages, a reload never leaves them out, whichever of the
old and the new page the server hears from first. A role someone else took meanwhile is not given
back (:meth:`Session.rejoin`): the participant picks another.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import solara

from simulatie.workshop.play.session import PlayError

from .room import Room

__all__ = ["WATCH_SECONDS", "is_connected", "use_presence"]

WATCH_SECONDS = 1.0
"""How often a page's connection is checked."""


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


def _watch(room: Room, token: str, page: str, context: Any, stop: threading.Event,
           away_seconds: float) -> None:
    """Detach the participant while the page has been disconnected too long; attach on return."""
    gone_since: float | None = None
    away = False
    while not stop.wait(WATCH_SECONDS):
        if context.closed_event.is_set():
            return  # the kernel closed: the effect's clean-up detaches
        now = time.monotonic()
        if is_connected(context):
            gone_since = None
            if away:
                try:
                    room.attach(token, page)
                except PlayError:
                    return
                away = False
        elif gone_since is None:
            gone_since = now
        elif not away and now - gone_since >= away_seconds:
            room.detach(token, page)
            away = True


def use_presence(room: Room, token: str | None, page: str) -> None:
    """Keep the participant with ``token`` present while this page shows them (a hook).

    Args:
        room: The room.
        token: The participant shown, or ``None`` (nobody yet).
        page: This page's identifier (one per component instance).
    """

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
                                   room.settings.away_seconds)).start()

        def detach() -> None:
            stop.set()
            room.detach(token, page)

        return detach

    solara.use_effect(attach, [room, token, page])
