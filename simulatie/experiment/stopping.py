"""Stopping long commands cleanly: Ctrl+C, SIGTERM and a closed terminal leave nothing behind.

A long command (a sweep, a myth, the workshop pack, a report, the dashboard) runs inside
:func:`stop_on_signals`: there SIGINT (Ctrl+C), SIGTERM (``kill``, a scheduler, a service
manager) and SIGHUP (a closed terminal; not on Windows) all raise :class:`Interrupted` in the main
thread. The command then stops its workers (:func:`stop_pool`), keeps what is finished, prints
one line and exits with 128 + the signal's number (130 for Ctrl+C, 143 for SIGTERM).

Worker processes ignore Ctrl+C and a closed terminal, which reach the whole foreground process
group: the parent decides, so an interrupted worker is never mistaken for one that died. A worker
also watches the command that started it and ends itself when that is gone, so not even
``kill -9`` on the command leaves workers behind (a worker's own parent is the forkserver, which
in turn only ends when its last worker has).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

import psutil

__all__ = ["Interrupted", "die_with_parent", "stop_on_signals", "stop_pool", "worker_init"]

GRACE_SECONDS = 1.0  # how long stopped workers get to end before they are killed
WATCH_SECONDS = 0.5  # how often a worker checks that the command that started it still runs
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


class Interrupted(BaseException):
    """The user or the system asked the command to stop (like :class:`KeyboardInterrupt`).

    Args:
        signum: The signal that asked.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        """The shell's convention: 128 + the signal's number (130 for Ctrl+C)."""
        return 128 + self.signum


def _stop_signals() -> list[signal.Signals]:
    names = ("SIGINT", "SIGTERM", "SIGHUP")  # SIGHUP does not exist on Windows
    return [getattr(signal, name) for name in names if hasattr(signal, name)]


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within the block, SIGINT, SIGTERM and SIGHUP raise :class:`Interrupted`.

    Only the main thread can receive signals; elsewhere (a dashboard's worker thread) the block
    does nothing special.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: object) -> None:
        raise Interrupted(signum)

    previous = {sig: signal.signal(sig, handler) for sig in _stop_signals()}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def die_with_parent() -> None:
    """Ask Linux to send this process SIGTERM when its parent ends (does nothing elsewhere)."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)


def worker_init(command_pid: int) -> None:
    """Set up a worker process: leave Ctrl+C and hang-ups to the command, end when it ends.

    Args:
        command_pid: The process of the command that started the pool.
    """
    for name in ("SIGINT", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    die_with_parent()
    threading.Thread(target=_watch, args=(command_pid,), name="watch-command",
                     daemon=True).start()


def _watch(command_pid: int) -> None:
    """End this worker at once when the command that started it is gone (even ``kill -9``)."""
    while psutil.pid_exists(command_pid):
        time.sleep(WATCH_SECONDS)
    os._exit(1)


def stop_pool(pool: ProcessPoolExecutor, grace: float = GRACE_SECONDS) -> None:
    """Stop a process pool now: cancel runs not started, end the workers, kill what lingers.

    Runs in flight are dropped; their results were never written (results are written by the
    parent, atomically, when a run comes back).

    Args:
        pool: The pool.
        grace: Seconds the workers get to end after SIGTERM before they are killed.
    """
    processes: list[multiprocessing.Process] = list(
        (getattr(pool, "_processes", None) or {}).values()
    )
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(OSError, ValueError):
            process.terminate()
    deadline = time.monotonic() + grace
    for process in processes:
        with contextlib.suppress(OSError, ValueError):
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join(grace)


def start_method() -> str:
    """How to start worker processes here: ``forkserver`` where it exists, else ``spawn``.

    ``SIMULATIE_START_METHOD`` overrides it (the tests force ``spawn``, as on Windows and macOS).
    """
    available = multiprocessing.get_all_start_methods()
    wanted = os.environ.get("SIMULATIE_START_METHOD", "")
    if wanted in available:
        return wanted
    return "forkserver" if "forkserver" in available else "spawn"
