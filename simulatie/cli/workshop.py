"""The ``simulatie workshop`` command (alias ``werkplaats``): a room plays one neighbourhood.

``simulatie.cli.main`` adds the command with :func:`register`. The command checks its options,
prints the facilitator's address (for the projector), the address participants open on their
phones, and the PIN, and starts the Solara server of the workshop screens
(``simulatie.dashboard.play.app``) the way ``simulatie dashboard`` does
(:func:`simulatie.cli.dashboard.server_command` and :func:`~simulatie.cli.dashboard.serve`:
``--no-check-version``, a child process that stops with the command and is never left behind).
The session's settings reach the server as ``SIMULATIE_WORKSHOP_*`` environment variables; the
screens read them back (``simulatie.dashboard.play.settings``). The command line does not import
the dashboard: it names the server's module as a string.

The server listens on 127.0.0.1 unless ``--host`` says otherwise; then anyone on the network who
knows the PIN can join, which the command says. Without the PIN nothing can be done: the
participants' page asks for it first, and the facilitator's screen asks for a key that only the
printed facilitator's address holds.
"""

from __future__ import annotations

import importlib.util
import os
import re
import secrets
import socket
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from simulatie.cli import dashboard as launcher
from simulatie.cli.common import fail
from simulatie.cli.first_use import note_first_compile
from simulatie.cli.language import DEFAULT_LANG, Lang, tr
from simulatie.experiment.scenarios import ScenarioError, load_scenario
from simulatie.workshop.play.alternative import alternative_policy

__all__ = ["PLAY_MODULE", "join_host", "play_server_command", "register", "settings_environment",
           "workshop_command"]

PLAY_MODULE = "simulatie.dashboard.play.app"
"""The Solara app of the workshop screens (named, not imported: the command line and the
dashboard are two separate faces)."""

WILDCARDS = ("0.0.0.0", "::", "")
_LINES = {
    "nl": {"warning": "waarschuwing: luistert op {host}: iedereen op het netwerk die de pincode "
                      "kent, kan meedoen; met --host 127.0.0.1 blijft de werkplaats op deze "
                      "computer.",
           "facilitator": "Begeleider (projector):  {url}",
           "join": "Deelnemers doen mee op:  {url}",
           "pin": "PIN:                     {pin}",
           "stop": "Stoppen met Ctrl+C."},
    "en": {"warning": "warning: listening on {host}: anyone on the network who knows the PIN "
                      "can join the workshop; use --host 127.0.0.1 to keep it on this computer.",
           "facilitator": "Facilitator (projector): {url}",
           "join": "Participants join at:    {url}",
           "pin": "PIN:                     {pin}",
           "stop": "Stop with Ctrl+C."},
}
"""This command's own lines, in the language the screens start in (``--lang``)."""
_STOPPED = {"nl": "gestopt: de werkplaats wordt niet meer aangeboden",
            "en": "stopped: the workshop is no longer served"}
LOCAL_NAMES = (launcher.LOOPBACK, "localhost", "::1")


def play_server_command(host: str, port: int) -> list[str]:
    """The dashboard's server command line (:func:`launcher.server_command`) for the workshop."""
    return [PLAY_MODULE if part == launcher.APP_MODULE else part
            for part in launcher.server_command(host, port)]


def _lan_address() -> str | None:
    """This computer's address on its network, or ``None``.

    No packet is sent: connecting a UDP socket only picks the route a packet would take.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.254.254.254", 1))
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def join_host(host: str) -> str:
    """The host participants type in their address.

    The address listened on, or this computer's address on its network when the server listens
    on every address (``0.0.0.0``).
    """
    if host in WILDCARDS:
        return _lan_address() or socket.gethostname()
    return host


def _url(host: str, port: int, path: str) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}{path}"


def settings_environment(scenario: str, seed: int, tables: int, rounds: int,
                         weeks_per_round: int, pin: str, lang: str, key: str,
                         join_url: str, compare: str = "") -> dict[str, str]:
    """The ``SIMULATIE_WORKSHOP_*`` variables that tell the server its session.

    Returns:
        Variable name to value.
    """
    return {
        "SIMULATIE_WORKSHOP_SCENARIO": scenario,
        "SIMULATIE_WORKSHOP_SEED": str(seed),
        "SIMULATIE_WORKSHOP_TABLES": str(tables),
        "SIMULATIE_WORKSHOP_ROUNDS": str(rounds),
        "SIMULATIE_WORKSHOP_WEEKS_PER_ROUND": str(weeks_per_round),
        "SIMULATIE_WORKSHOP_PIN": pin,
        "SIMULATIE_WORKSHOP_LANG": lang,
        "SIMULATIE_WORKSHOP_KEY": key,
        "SIMULATIE_WORKSHOP_JOIN_URL": join_url,
        "SIMULATIE_WORKSHOP_COMPARE": compare,
    }


@contextmanager
def _environment(values: Mapping[str, str]) -> Iterator[None]:
    """Set environment variables for the block (the server inherits them), then restore them."""
    before = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _check(scenario: str, tables: int, rounds: int, weeks_per_round: int, seed: int,
           pin: str | None, compare: str | None = None, lang: Lang = DEFAULT_LANG) -> str:
    """Refuse bad options with one error line; return the scenario as the server loads it.

    The error is said in ``lang``, the language the screens start in.
    """
    said = Lang(lang)
    if not 1 <= tables <= 12:
        fail(f"--tables must be from 1 to 12, got {tables}", lang=said)
    if not 1 <= rounds <= 20:
        fail(f"--rounds must be from 1 to 20, got {rounds}", lang=said)
    if not 1 <= weeks_per_round <= 104:
        fail(f"--weeks-per-round must be from 1 to 104, got {weeks_per_round}", lang=said)
    if seed < 0:
        fail(f"--seed must be 0 or more, got {seed}", lang=said)
    if pin is not None and not re.fullmatch(r"[0-9]{4,8}", pin):
        fail(f"--pin must be 4 to 8 digits, got {pin!r}", lang=said)
    try:
        loaded = load_scenario(scenario)
        if compare:
            alternative_policy(loaded.parameters, compare)
    except ScenarioError as error:
        fail(error, lang=said)
    except ValueError as error:
        fail(f"--compare: {error}", lang=said)
    return _as_server_loads(scenario)


def _as_server_loads(scenario: str) -> str:
    """A scenario file's absolute path (the server runs elsewhere), or the name as given."""
    path = Path(scenario)
    return str(path.resolve()) if path.suffix == ".toml" and path.is_file() else scenario


def workshop_command(
    scenario: Annotated[str, typer.Argument(metavar="SCENARIO", help=tr(
        "Scenario dat elke tafel speelt: een naam (in scenarios/) of een .toml-bestand.",
        "Scenario every table plays: a name (in scenarios/) or a .toml file."))] = "default",
    host: Annotated[str, typer.Option(help=tr(
        "Adres om op te luisteren; 127.0.0.1 houdt het op deze computer, met 0.0.0.0 kunnen "
        "telefoons op het netwerk meedoen.",
        "Address to listen on; 127.0.0.1 keeps it on this computer, 0.0.0.0 lets phones on the "
        "network join."))] = launcher.LOOPBACK,
    port: Annotated[int, typer.Option(min=1, max=65535, help=tr(
        "Poort om op te luisteren.", "Port to listen on."))] = 8765,
    tables: Annotated[int, typer.Option(help=tr(
        "Tafels (groepen), elk met een eigen buurt; 1 tot en met 12.",
        "Tables (groups), each with its own neighbourhood; 1 to 12."))] = 1,
    rounds: Annotated[int, typer.Option(help=tr("Rondes in het spel; 1 tot en met 20.",
                                                "Rounds in the game; 1 to 20."))] = 4,
    weeks_per_round: Annotated[int, typer.Option(help=tr(
        "Weken die één ronde beslaat (13 = drie maanden); 1 tot en met 104.",
        "Weeks one round covers (13 = three months); 1 to 104."))] = 13,
    seed: Annotated[int, typer.Option(help=tr(
        "De seed van de buurt (aan elke tafel dezelfde).",
        "The neighbourhood's seed (the same at every table)."))] = 0,
    pin: Annotated[str | None, typer.Option(show_default=False, help=tr(
        "De pincode die deelnemers intikken (4 tot 8 cijfers; standaard: vier willekeurige "
        "cijfers).",
        "The PIN participants type (4 to 8 digits; default: four random digits)."))] = None,
    lang: Annotated[Lang, typer.Option("--lang", "-l", help=tr(
        "Taal waarin de schermen beginnen: nl (standaard) of en.",
        "Language the screens start in: nl (default) or en."))] = DEFAULT_LANG,
    compare: Annotated[str | None, typer.Option(show_default=False, help=tr(
        "Een ander beleid voor de nabespreking: een scenario waarvan de knoppen ook met de "
        "tafels vergeleken worden, in dezelfde buurt (te wijzigen op het scherm).",
        "An alternative policy for the debrief: a scenario whose levers the tables are also "
        "compared with, in the same neighbourhood (can be changed on the screen)."))] = None,
) -> None:
    """Start a participatory workshop: a projector screen, and participants join by phone."""
    if importlib.util.find_spec("solara") is None:
        fail("the workshop needs the dashboard's extra packages; install them with "
             "pip install -e '.[dashboard]'", lang=lang)
    scenario = _check(scenario, tables, rounds, weeks_per_round, seed, pin, compare, lang)
    pin = pin if pin is not None else f"{secrets.randbelow(10_000):04d}"
    key = secrets.token_urlsafe(12)
    local = host in WILDCARDS or host in LOCAL_NAMES
    lines = _LINES[Lang(lang).value]
    join_url = _url(join_host(host), port, "/join")
    facilitator_url = _url(launcher.LOOPBACK if local else host, port, f"/?key={key}")
    if host not in LOCAL_NAMES:
        typer.echo(lines["warning"].format(host=host), err=True)
    typer.echo(lines["facilitator"].format(url=facilitator_url))
    typer.echo(lines["join"].format(url=join_url))
    typer.echo(lines["pin"].format(pin=pin))
    typer.echo(lines["stop"])
    note_first_compile(Lang(lang).value)
    values = settings_environment(scenario, seed, tables, rounds, weeks_per_round, pin,
                                  lang.value, key, join_url,
                                  _as_server_loads(compare) if compare else "")
    with _environment(values):
        code = launcher.serve(play_server_command(host, port),
                              _STOPPED[Lang(lang).value])
    raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    """Add ``simulatie werkplaats`` and its English name ``workshop`` to the command line.

    Both names work; the help lists the one of its own language.
    """
    dutch = DEFAULT_LANG is Lang.NL  # the help lists the name in its own language
    about = tr("Start een werkplaats: een scherm voor de beamer, deelnemers doen mee met hun "
               "telefoon.",
               "Start a participatory workshop: a projector screen, and participants join by "
               "phone.")
    app.command("workshop", hidden=dutch, help=about)(workshop_command)
    app.command("werkplaats", hidden=not dutch, help=about)(workshop_command)
