"""The ``simulatie dashboard`` command: start the Solara server on this computer.

``simulatie.cli.main`` adds the command with :func:`register`. The command only checks its options,
prints the address and starts ``solara run simulatie.dashboard.app`` in a subprocess with
``--no-check-version`` (Solara otherwise asks PyPI for its latest version at start-up, which
fails without internet). Solara serves its browser code from the ``solara-assets`` package, so
the dashboard works on a laptop with no network at all.

The server runs with one warning filter (:func:`server_environment`): Solara warns, on every
start, about its session cookie whenever the page is opened at an address other than
``localhost`` over plain HTTP (``127.0.0.1``, or a phone in the workshop). The warning is meant
for apps embedded in another site's frame, which need a ``SameSite=None`` cookie and so HTTPS;
the dashboard is never embedded, and the ``SameSite=Lax`` cookie Solara falls back to is what it
needs. Every other warning still shows.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections.abc import Mapping
from typing import Annotated

import typer

from simulatie.cli.common import EXIT_INTERRUPTED, fail
from simulatie.cli.first_use import note_first_compile
from simulatie.cli.language import DEFAULT_LANG, Lang, LangOption, tr
from simulatie.experiment.stopping import Interrupted, die_with_parent, stop_on_signals

__all__ = ["COOKIE_WARNING_FILTER", "LOOPBACK", "dashboard_command", "register", "server_command",
           "server_environment"]

LOOPBACK = "127.0.0.1"
APP_MODULE = "simulatie.dashboard.app"
SERVER_GRACE_SECONDS = 5.0  # how long the server gets to end before it is killed
COOKIE_WARNING_FILTER = (
    "ignore:Cookies with samesite=none require https:UserWarning:solara.server.starlette"
)
"""A ``PYTHONWARNINGS`` entry that ignores exactly Solara's warning about its session cookie over
plain HTTP (the message's start, its category and the module that raises it)."""
_LINES = {
    "nl": {"warning": "waarschuwing: luistert op {host}: andere computers op het netwerk kunnen "
                      "het dashboard openen en simulaties starten; met --host 127.0.0.1 blijft "
                      "het op deze computer.",
           "address": "Dashboard: http://{host}:{port}/  (stoppen met Ctrl+C)",
           "stopped": "gestopt: het dashboard wordt niet meer aangeboden"},
    "en": {"warning": "warning: listening on {host}: other computers on the network can open "
                      "the dashboard and start simulations; use --host 127.0.0.1 to keep it on "
                      "this computer.",
           "address": "Dashboard: http://{host}:{port}/  (stop with Ctrl+C)",
           "stopped": "stopped: the dashboard is no longer served"},
}
"""This command's own lines, in the command's language (``--lang``); the dashboard itself
switches language on its page."""


def server_environment(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The server's environment: this process's, with :data:`COOKIE_WARNING_FILTER` added.

    Args:
        base: The environment to start from (default: this process's).

    Returns:
        A copy, with the filter appended to any ``PYTHONWARNINGS`` already set.
    """
    environment = dict(os.environ if base is None else base)
    filters = [f for f in environment.get("PYTHONWARNINGS", "").split(",") if f]
    if COOKIE_WARNING_FILTER not in filters:
        filters.append(COOKIE_WARNING_FILTER)
    environment["PYTHONWARNINGS"] = ",".join(filters)
    return environment


def server_command(host: str = LOOPBACK, port: int = 8765) -> list[str]:
    """Return the command line that starts the dashboard's server.

    Args:
        host: Address to listen on.
        port: Port to listen on.

    Returns:
        The argument list for :func:`subprocess.run`.
    """
    return [
        sys.executable, "-m", "solara", "run", APP_MODULE,
        "--host", host, "--port", str(port),
        "--no-open", "--no-check-version", "--production",
    ]


def dashboard_command(
    host: Annotated[str, typer.Option(help=tr(
        "Adres om op te luisteren; 127.0.0.1 houdt het op deze computer.",
        "Address to listen on; 127.0.0.1 keeps it on this computer."))] = LOOPBACK,
    port: Annotated[int, typer.Option(min=1, max=65535, help=tr(
        "Poort om op te luisteren.", "Port to listen on."))] = 8765,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    """Start the dashboard in the browser of this computer (works without internet)."""
    if importlib.util.find_spec("solara") is None:
        fail("the dashboard needs its extra packages; install them with "
             "pip install -e '.[dashboard]'")
    lines = _LINES[Lang(lang).value]
    if host not in (LOOPBACK, "localhost"):
        typer.echo(lines["warning"].format(host=host), err=True)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    typer.echo(lines["address"].format(host=shown, port=port))
    note_first_compile(Lang(lang).value)
    raise typer.Exit(serve(server_command(host, port), lines["stopped"]))


def serve(command: list[str], stopped: str = _LINES["en"]["stopped"]) -> int:
    """Run the server until it ends or this command is asked to stop; never leave it running.

    The server is a child process that dies with this one (Linux), and is ended (SIGTERM, then
    after a few seconds SIGKILL) when Ctrl+C, SIGTERM or SIGHUP reaches this command.

    Args:
        command: The server's command line.
        stopped: The line said on stderr when the server was stopped.

    Returns:
        The exit code: the server's own, or 128 + the signal that stopped the dashboard.
    """
    with stop_on_signals():
        try:
            server = subprocess.Popen(command, preexec_fn=_child_setup,
                                      env=server_environment())
        except Interrupted as stop:
            return stop.exit_code
        try:
            return server.wait()
        except (Interrupted, KeyboardInterrupt) as stop:
            _end(server)
            typer.echo(stopped, err=True)
            return getattr(stop, "exit_code", EXIT_INTERRUPTED)
        finally:
            if server.poll() is None:
                _end(server)


def _child_setup() -> None:  # pragma: no cover - runs in the child between fork and exec
    die_with_parent()


def _end(server: subprocess.Popen, grace: float = SERVER_GRACE_SECONDS) -> None:
    """End the server: ask (SIGTERM), then insist (SIGKILL)."""
    server.terminate()
    try:
        server.wait(grace)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def register(app: typer.Typer) -> None:
    """Add ``simulatie dashboard`` to the command-line ``app``."""
    app.command("dashboard", help=tr(
        "Start het dashboard in de browser van deze computer (werkt zonder internet).",
        "Start the dashboard in the browser of this computer (works without internet)."))(
        dashboard_command)
