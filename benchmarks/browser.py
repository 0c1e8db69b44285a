"""A dashboard server and a headless Chromium for measurements and browser tests.

The server is started exactly as ``simulatie dashboard`` starts it (:func:`server_command`), on
127.0.0.1 and a free port, with its output in a log file. Chromium is Debian's package
(``/usr/bin/chromium``), driven by Playwright with the flags that keep it off the network;
Playwright never downloads a browser here. Waiting for a server to answer and stopping it
(:func:`wait_until_up`, :func:`stop`) serve :mod:`benchmarks.workshop_server` too.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from simulatie.cli.dashboard import server_command

__all__ = [
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "DashboardServer",
    "ServerError",
    "chromium",
    "dashboard_server",
    "free_port",
    "stop",
    "wait_until_up",
]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
START_TIMEOUT = 40.0  # seconds for the server to answer its first request
STOP_GRACE = 10.0  # seconds the server gets to end before it is killed


class ServerError(RuntimeError):
    """A server did not start; the message ends with its log."""


@dataclass(frozen=True)
class DashboardServer:
    """A running dashboard server.

    Attributes:
        url: Its address, ``http://127.0.0.1:<port>/``.
        process: The server process (``solara run``).
        log: The file that holds its output.
    """

    url: str
    process: subprocess.Popen
    log: Path


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def dashboard_server(workdir: Path, timeout: float = START_TIMEOUT) -> Iterator[DashboardServer]:
    """Start the dashboard server in ``workdir``, wait until it answers, and stop it afterwards.

    Args:
        workdir: Working folder of the server (its exports would land in ``workdir/results``);
            the log is written to ``workdir/server.log``.
        timeout: Seconds to wait for the first answer.

    Yields:
        The running server.

    Raises:
        ServerError: If the server ends or does not answer within ``timeout``.
    """
    port = free_port()
    log_path = workdir / "server.log"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with log_path.open("w") as log:
        process = subprocess.Popen(server_command("127.0.0.1", port), cwd=workdir, stdout=log,
                                   stderr=subprocess.STDOUT, env=env)
        try:
            url = f"http://127.0.0.1:{port}/"
            wait_until_up(url, process, log_path, timeout)
            yield DashboardServer(url, process, log_path)
        finally:
            stop(process)


def stop(process: subprocess.Popen) -> None:
    """Ask ``process`` to end, and kill it if it has not ended after ``STOP_GRACE`` seconds."""
    process.terminate()
    try:
        process.wait(timeout=STOP_GRACE)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def wait_until_up(url: str, process: subprocess.Popen, log: Path, timeout: float,
                  what: str = "the dashboard server") -> None:
    """Wait until ``url`` answers 200.

    Args:
        url: The address to ask, every 0.3 s.
        process: The server; if it ends, waiting ends.
        log: The server's output, quoted in the error.
        timeout: Seconds to wait.
        what: The server's name in the error.

    Raises:
        ServerError: If ``process`` ends or ``url`` does not answer within ``timeout``.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            raise ServerError(f"{what} did not start:\n" + log.read_text()[-3000:])
        time.sleep(0.3)


@contextmanager
def chromium() -> Iterator[object]:
    """Debian's Chromium, headless, through Playwright's synchronous API.

    Yields:
        A Playwright ``Browser``.

    Raises:
        FileNotFoundError: If ``/usr/bin/chromium`` is not installed.
    """
    if not CHROMIUM.exists():
        raise FileNotFoundError(
            f"Debian's chromium is not installed ({CHROMIUM}); install it with "
            "'apt-get install chromium'"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
