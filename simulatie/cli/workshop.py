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
from simulatie.cli.common import Lang, fail
from simulatie.experiment.scenarios import ScenarioError, load_scenario
from simulatie.workshop.play.alternative import alternative_policy

__all__ = ["PLAY_MODULE", "join_host", "play_server_command", "register", "settings_environment",
           "workshop_command"]

PLAY_MODULE = "simulatie.dashboard.play.app"
"""The Solara app of the workshop screens (named, not imported: the command line and the
dashboard are two separate faces)."""

WILDCARDS = ("0.0.0.0", "::", "")
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
           pin: str | None, compare: str | None = None) -> str:
    """Refuse bad options with one ``error:`` line; return the scenario as the server loads it."""
    if not 1 <= tables <= 12:
        fail(f"--tables must be from 1 to 12, got {tables}")
    if not 1 <= rounds <= 20:
        fail(f"--rounds must be from 1 to 20, got {rounds}")
    if not 1 <= weeks_per_round <= 104:
        fail(f"--weeks-per-round must be from 1 to 104, got {weeks_per_round}")
    if seed < 0:
        fail(f"--seed must be 0 or more, got {seed}")
    if pin is not None and not re.fullmatch(r"[0-9]{4,8}", pin):
        fail(f"--pin must be 4 to 8 digits, got {pin!r}")
    try:
        loaded = load_scenario(scenario)
        if compare:
            alternative_policy(loaded.parameters, compare)
    except ScenarioError as error:
        fail(error)
    except ValueError as error:
        fail(f"--compare: {error}")
    return _as_server_loads(scenario)


def _as_server_loads(scenario: str) -> str:
    """A scenario file's absolute path (the server runs elsewhere), or the name as given."""
    path = Path(scenario)
    return str(path.resolve()) if path.suffix == ".toml" and path.is_file() else scenario


def workshop_command(
    scenario: Annotated[str, typer.Argument(
        help="Scenario every table plays: a name (in scenarios/) or a .toml file.")] = "default",
    host: Annotated[str, typer.Option(
        help="Address to listen on; 127.0.0.1 keeps it on this computer, 0.0.0.0 lets phones "
        "on the network join.")] = launcher.LOOPBACK,
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8765,
    tables: Annotated[int, typer.Option(help="Tables (groups), each with its own "
                                              "neighbourhood; 1 to 12.")] = 1,
    rounds: Annotated[int, typer.Option(help="Rounds in the game; 1 to 20.")] = 4,
    weeks_per_round: Annotated[int, typer.Option(
        help="Weeks one round covers (13 = three months); 1 to 104.")] = 13,
    seed: Annotated[int, typer.Option(help="The neighbourhood's seed (the same at every "
                                           "table).")] = 0,
    pin: Annotated[str | None, typer.Option(
        help="The PIN participants type (4 to 8 digits; default: four random digits).",
        show_default=False)] = None,
    lang: Annotated[Lang, typer.Option(help="Language the screens start in.")] = Lang.NL,
    compare: Annotated[str | None, typer.Option(
        help="An alternative policy for the debrief: a scenario whose levers the tables are "
        "also compared with, in the same neighbourhood (can be changed on the screen).",
        show_default=False)] = None,
) -> None:
    """Start a participatory workshop: a projector screen, and participants join by phone."""
    if importlib.util.find_spec("solara") is None:
        fail("the workshop needs the dashboard's extra packages; install them with "
             "pip install -e '.[dashboard]'")
    scenario = _check(scenario, tables, rounds, weeks_per_round, seed, pin, compare)
    pin = pin if pin is not None else f"{secrets.randbelow(10_000):04d}"
    key = secrets.token_urlsafe(12)
    local = host in WILDCARDS or host in LOCAL_NAMES
    join_url = _url(join_host(host), port, "/join")
    facilitator_url = _url(launcher.LOOPBACK if local else host, port, f"/?key={key}")
    if host not in LOCAL_NAMES:
        typer.echo(
            f"warning: listening on {host}: anyone on the network who knows the PIN can join "
            "the workshop; use --host 127.0.0.1 to keep it on this computer.", err=True)
    typer.echo(f"Facilitator (projector): {facilitator_url}")
    typer.echo(f"Participants join at:    {join_url}")
    typer.echo(f"PIN:                     {pin}")
    typer.echo("Stop with Ctrl+C.")
    values = settings_environment(scenario, seed, tables, rounds, weeks_per_round, pin,
                                  lang.value, key, join_url,
                                  _as_server_loads(compare) if compare else "")
    with _environment(values):
        code = launcher.serve(play_server_command(host, port))
    raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    """Add ``simulatie workshop`` and its Dutch alias ``werkplaats`` to the command line."""
    app.command("workshop")(workshop_command)
    app.command("werkplaats", hidden=True)(workshop_command)
