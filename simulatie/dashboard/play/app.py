# ruff: noqa: N802  (Solara components are named like classes)
"""The workshop's Solara app: the facilitator's screen at ``/``, the participants' at ``/join``.

Start it with ``simulatie workshop`` (see ``docs/dashboard.md``), which passes the session's
settings as environment variables (:mod:`.settings`) and runs ``solara run
simulatie.dashboard.play.app``. One server is one session: :func:`~.room.current_room` builds it
on first use and every page shares it.

The facilitator's screen asks for the key the command printed (``/?key=KEY``) when the command
set one, so a participant who opens ``/`` instead of ``/join`` sees how to join rather than the
PIN and the round buttons. A participant's page keeps their token in its address
(``/join?t=TOKEN``): a reload or a reopened tab finds them again. When Solara starts serving
this module, the session and its tables' first drawings are made in the background
(:func:`warm_up`, :func:`simulatie.dashboard.serving.prepare`), and the pages load behind a Dutch
loader.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

import solara

from simulatie.experiment.scenarios import ScenarioError

from .. import serving
from .facilitator import FacilitatorScreen
from .language import LanguageToggle
from .participant import ParticipantScreen
from .room import Room, current_room
from .settings import PlaySettings
from .texts import say

__all__ = ["CSS", "Facilitator", "Join", "Shell", "query_value", "routes", "warm_up"]

CSS = """
.play-page { max-width: 1900px; margin: 0 auto; padding: 4px 14px; }
.play-title { font-size: 1.3rem; font-weight: 700; }
.play-heading { font-size: 1.2rem; font-weight: 600; display: block; margin-top: 12px; }
.play-label { font-size: 1rem; color: #444; }
.play-hint { font-size: 0.92rem; color: #555; }
.play-phase { font-size: 1.2rem; font-weight: 600; display: block; margin: 4px 0; }
.play-join-url { font-size: 2rem; font-weight: 700; word-break: break-all; display: block; }
.play-pin { font-size: 5rem; font-weight: 800; letter-spacing: 0.15em; line-height: 1.1;
  display: block; }
.play-join-compact .play-join-url { font-size: 1.3rem; }
.play-join-compact .play-pin { font-size: 2.4rem; letter-spacing: 0.1em; }
.play-join-compact .play-label { font-size: 0.9rem; }
img.play-qr { image-rendering: pixelated; }
.play-name, .play-holder, .play-idle-name, .play-waiting-name {
  font-weight: 600; overflow-wrap: anywhere; word-break: break-word; white-space: normal; }
.play-model { font-style: italic; color: #666; }
.play-role-row { font-size: 0.95rem; }
.play-grid { display: grid; gap: 8px; margin-top: 6px; }
.play-table.v-card { margin: 0 !important; min-width: 0; }
.play-table .v-card__text { padding: 6px 10px; }
.play-table-name { font-size: 1.2rem; font-weight: 700; }
.play-table-pictures { display: grid; gap: 6px; margin-top: 4px;
  grid-template-rows: minmax(0, 1fr); height: var(--play-picture-height); }
.play-table-pictures img { width: 100%; height: 100%; min-width: 0; min-height: 0;
  object-fit: contain; }
img.play-legend { max-width: 100%; height: auto; display: block; margin: 6px auto 0 auto; }
.play-question { font-weight: 600; margin-top: 10px; display: block; }
.play-situation-line, .play-debrief-line { display: block; font-size: 1.05rem; }
.play-debrief-result { font-weight: 600; }
.play-debrief-choice { font-size: 0.95rem; color: #333; }
.play-debrief-effect { font-size: 0.95rem; font-weight: 700; white-space: nowrap;
  min-width: 8.5rem; padding-left: 0.5rem; }
.play-table .v-card__text { color: #1a1a1a; }
.play-debrief-table.v-card { display: flex; flex-direction: column; }
.play-debrief-table > .v-card__text { flex: 1 1 auto; display: flex; flex-direction: column;
  min-height: 0; }
.play-debrief-picture { flex: 1 1 0; min-height: 130px; position: relative; margin-top: 4px; }
img.play-debrief-figure { position: absolute; top: 0; left: 0; width: 100%; height: 100%;
  object-fit: contain; object-position: left top; }
.play-debrief-myths { margin-top: 6px; }
.play-role { text-transform: none; }
.play-tables { flex-wrap: wrap; height: auto !important; }
.play-tables .v-btn { height: 40px !important; }
@media (max-width: 600px) {
  .play-page { padding: 4px 10px; }
  .play-title { font-size: 1.1rem; }
  .play-heading { font-size: 1.1rem; }
}
"""


def query_value(search: str | None, name: str) -> str | None:
    """One value of the address's query string (``t=...&key=...``), or ``None``."""
    values = parse_qs(search or "").get(name)
    return values[0] if values else None


def _start_lang() -> str:
    """The language the command asked for (Dutch when the settings cannot be read)."""
    try:
        return PlaySettings.from_environment().lang
    except ValueError:
        return "nl"


def _room_or_problem() -> Room | str:
    try:
        return current_room()
    except (ValueError, ScenarioError) as problem:
        return str(problem)


@solara.component
def Shell(children: list | None = None):
    """Every page's frame: no navigation bar, the styles, the content centred."""
    return solara.Column(children=[solara.Style(CSS), *(children or [])],
                         classes=["play-page"])


@solara.component
def Header(lang: str, on_lang: Callable[[str], None]):
    """The title and the language toggle."""
    solara.Title(say("title", lang))
    with solara.Row(style={"align-items": "center", "flex-wrap": "wrap"}, gap="12px"):
        solara.Text(say("title", lang), classes=["play-title"])
        solara.v.Spacer()
        LanguageToggle(lang, on_lang)


def _page_start() -> tuple[solara.Reactive[str], Any, Room | None]:
    """What both pages start with: the language, the router, the header and the room.

    Returns:
        The language, the router, and the room (``None`` when it could not be made; the
        problem is then shown on the page).
    """
    lang = solara.use_reactive(_start_lang())
    router = solara.use_router()
    room = solara.use_memo(_room_or_problem, [])
    Header(lang.value, lang.set)
    if isinstance(room, str):
        solara.Error(say("not_ready", lang.value, problem=room), classes=["play-not-ready"])
        return lang, router, None
    return lang, router, room


@solara.component
def Facilitator():
    """The facilitator's screen at ``/``, behind the key when the command set one."""
    lang, router, room = _page_start()
    if room is None:
        return
    wanted = room.settings.key
    given = query_value(router.search, "key") or ""
    if wanted and not secrets.compare_digest(given, wanted):
        solara.Text(say("facilitator_only", lang.value), classes=["play-label"])
        solara.Text(room.settings.join_url, classes=["play-join-url"])
        return
    FacilitatorScreen(room, lang.value)


@solara.component
def Join():
    """The participants' page at ``/join``; the participant's token lives in the address."""
    lang, router, room = _page_start()
    if room is None:
        return
    token = query_value(router.search, "t")

    def remember(new: str | None) -> None:
        router.push(f"/join?t={new}" if new else "/join")

    ParticipantScreen(room, token, remember, lang.value)


routes = [
    solara.Route(path="/", component=Facilitator, label="Facilitator", layout=Shell),
    solara.Route(path="join", component=Join, label="Join"),
]
"""The two addresses of the server: the facilitator's screen and the participants' page."""


def warm_up() -> None:
    """Build the session and its tables' first drawings before the facilitator opens a page."""
    room = current_room()
    lang = _start_lang()
    room.prepare_pictures(lang)
    room.drawings.legend(lang)


# Served by Solara: the Dutch loader, and the session built while nobody waits for it.
serving.prepare(__name__, warm_up)
