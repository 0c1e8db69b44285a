"""Keeping a page up to date with the room: poll its change counter, redraw when it moved.

Each page is its own Solara session; a change made on another page (a participant joins, the
facilitator opens a round) does not reach it by itself. :func:`use_room` starts one small thread
per page that looks at the room's change counter for that page
(:meth:`~simulatie.dashboard.play.room.Room.changes`: every change for the facilitator, its own
table's for a participant) every :data:`REFRESH_SECONDS` and re-renders the page when it
changed, and every second while a round's timer runs. The thread is started in the page's own
kernel context (Solara hands it to threads started there), and stops when the page's component
goes away. The page's own actions redraw it at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import solara

from .room import Room

__all__ = ["REFRESH_SECONDS", "room_mark", "use_room"]

REFRESH_SECONDS = 1.0
"""How often a page looks whether the room changed."""


def room_mark(room: Room, table: int | None = None) -> tuple[int, int | None]:
    """What a page redraws on: its change counter and the timer's whole seconds left."""
    left = room.time_left()
    return room.changes(table), None if left is None else int(left)


def use_room(room: Room, table: int | None = None, interval: float = REFRESH_SECONDS
             ) -> tuple[tuple[int, int | None], Callable[[], None]]:
    """Re-render the calling component whenever the room changed for it (a hook).

    Args:
        room: The room shown.
        table: Whose changes: ``None`` every change (the facilitator), a participant's table,
            or :data:`~simulatie.dashboard.play.room.NO_TABLE`.
        interval: Seconds between two looks.

    Returns:
        The room's mark (:func:`room_mark`) at this render, and a function that redraws at once
        (for the page's own actions, which should not wait for the next look).
    """
    mark, set_mark = solara.use_state(room_mark(room, table))

    def watch():
        stop = threading.Event()

        def loop() -> None:
            last = room_mark(room, table)
            set_mark(last)
            while not stop.wait(interval):
                now = room_mark(room, table)
                if now != last:
                    last = now
                    try:
                        set_mark(now)
                    except Exception:  # the page closed between the look and the redraw
                        return

        threading.Thread(target=loop, name="workshop-refresh", daemon=True).start()
        return stop.set

    solara.use_effect(watch, [room, table, interval])
    # one function for the page's life: children that get it are not redrawn for its sake
    refresh = solara.use_memo(lambda: lambda: set_mark(room_mark(room, table)), [room, table])
    return mark, refresh
