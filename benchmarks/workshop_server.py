"""``simulatie workshop`` started as a facilitator starts it, for measurements in a browser.

The command runs on 127.0.0.1 and a free port with a fixed PIN and Dutch screens; it prints the
projector's address (with its key) and starts the dashboard server as a child process. Its output
and the server's go to ``workshop.log`` in the working folder.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psutil

from .browser import free_port, stop, wait_until_up
from .processes import process_tree, rss_mib

__all__ = ["LANG", "PIN", "WorkshopServer", "workshop_server"]

PIN = "2468"
LANG = "nl"
START_TIMEOUT = 90.0  # seconds for the command's server to answer


@dataclass(frozen=True)
class WorkshopServer:
    """A running ``simulatie workshop``.

    Attributes:
        facilitator_url: The projector's address with its key, as the command printed it.
        join_url: The participants' address.
        process: The command (its server is a child process).
        log: The file that holds the command's and the server's output.
    """

    facilitator_url: str
    join_url: str
    process: subprocess.Popen
    log: Path

    def memory_mib(self) -> tuple[float, float]:
        """Resident set size of the command with its server, and of the server alone, in MiB."""
        command = self.process.pid
        server = sum(rss_mib(child.pid) for child in psutil.Process(command).children())
        return rss_mib(command), server

    def processes(self) -> list[psutil.Process]:
        """The command and all its descendants (the server among them)."""
        return process_tree(self.process.pid)


def _command(scenario: str, port: int, tables: int, rounds: int, weeks: int,
             seed: int) -> list[str]:
    if Path(scenario).suffix == ".toml":
        scenario = str(Path(scenario).resolve())  # the command runs in another folder
    return [sys.executable, "-m", "simulatie", "workshop", scenario, "--port", str(port),
            "--pin", PIN, "--tables", str(tables), "--rounds", str(rounds),
            "--weeks-per-round", str(weeks), "--seed", str(seed), "--lang", LANG]


@contextmanager
def workshop_server(workdir: Path, scenario: str = "default", tables: int = 5, rounds: int = 3,
                    weeks: int = 13, seed: int = 0,
                    timeout: float = START_TIMEOUT) -> Iterator[WorkshopServer]:
    """Start ``simulatie workshop`` in ``workdir``, wait until it answers, stop it afterwards.

    Args:
        workdir: Working folder of the command; its output goes to ``workdir/workshop.log``.
        scenario: The scenario every table plays (a name or a ``.toml`` file).
        tables: Tables.
        rounds: Rounds in the game.
        weeks: Weeks per round.
        seed: The neighbourhood's seed.
        timeout: Seconds to wait for the first answer.

    Yields:
        The running command.

    Raises:
        benchmarks.browser.ServerError: If it ends or does not answer within ``timeout``.
        RuntimeError: If it did not print the facilitator's address.
    """
    port = free_port()
    log_path = workdir / "workshop.log"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with log_path.open("w") as log:
        process = subprocess.Popen(_command(scenario, port, tables, rounds, weeks, seed),
                                   cwd=workdir, stdout=log, stderr=subprocess.STDOUT, env=env)
        try:
            join_url = f"http://127.0.0.1:{port}/join"
            wait_until_up(join_url, process, log_path, timeout, what="simulatie workshop")
            printed = re.search(r"(?:Facilitator|Begeleider) \(projector\): +(\S+)",
                                log_path.read_text())
            if printed is None:
                raise RuntimeError("simulatie workshop did not print the facilitator's address")
            yield WorkshopServer(printed.group(1), join_url, process, log_path)
        finally:
            stop(process)  # the command stops its server
