"""What a measured server and browser cost the machine: memory, CPU time and which cores they use.

The browser benchmarks (:mod:`benchmarks.sessions`, :mod:`benchmarks.workshop_browser`) run a
server and a headless Chromium on the same machine. These helpers read their resident set size
and CPU time with psutil, tell the browser's processes from the server's, and can give the server
a core of its own (Linux) for as long as a measurement runs.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

import psutil

__all__ = [
    "busy_seconds",
    "children_outside",
    "chromium_processes",
    "cpu_seconds",
    "kept_affinity",
    "pin_server",
    "process_tree",
    "rss_mib",
]

BUSY_FIELDS = ("user", "nice", "system", "irq", "softirq")  # a guest's time is in user


def rss_mib(pid: int) -> float:
    """Resident set size of process ``pid`` with all its descendants, in MiB."""
    process = psutil.Process(pid)
    total = process.memory_info().rss
    for child in process.children(recursive=True):
        with contextlib.suppress(psutil.Error):  # a child may end while we look
            total += child.memory_info().rss
    return total / 2**20


def cpu_seconds(processes: list[psutil.Process]) -> float:
    """User plus system CPU time of ``processes`` so far; ended processes count nothing."""
    total = 0.0
    for process in processes:
        with contextlib.suppress(psutil.Error):
            times = process.cpu_times()
            total += times.user + times.system
    return total


def busy_seconds() -> float:
    """CPU time the whole machine has been busy since it started, summed over all cores."""
    times = psutil.cpu_times()
    return sum(getattr(times, name, 0.0) for name in BUSY_FIELDS)


def process_tree(pid: int) -> list[psutil.Process]:
    """Process ``pid`` and all its descendants."""
    process = psutil.Process(pid)
    return [process, *process.children(recursive=True)]


def chromium_processes() -> list[psutil.Process]:
    """Every process on the machine whose name contains ``chrom``."""
    found = []
    for process in psutil.process_iter(["name"]):
        if "chrom" in (process.info["name"] or "").lower():
            found.append(process)
    return found


def children_outside(pid: int) -> list[psutil.Process]:
    """This process's descendants that are not in the tree of ``pid``.

    With a server started as a child of this process, these are the browser's processes
    (Chromium and Playwright's driver).
    """
    server = {process.pid for process in process_tree(pid)}
    return [process for process in psutil.Process().children(recursive=True)
            if process.pid not in server]


def pin_server(server_pid: int) -> bool:
    """Put the server on the first core and this process (and the browser it starts) on the rest.

    Args:
        server_pid: The server process; its descendants and their threads are pinned too.

    Returns:
        Whether it could: it needs Linux and at least two usable cores.
    """
    if not hasattr(os, "sched_setaffinity"):
        return False
    cores = sorted(os.sched_getaffinity(0))
    if len(cores) < 2:
        return False
    server = psutil.Process(server_pid)
    for process in (server, *server.children(recursive=True)):
        with contextlib.suppress(psutil.Error):
            for thread in process.threads():  # threads started later inherit it
                with contextlib.suppress(OSError):
                    os.sched_setaffinity(thread.id, cores[:1])
    os.sched_setaffinity(0, cores[1:])
    return True


@contextlib.contextmanager
def kept_affinity() -> Iterator[None]:
    """Give this process back the cores it may use now when the block ends.

    Yields:
        Nothing; :func:`pin_server` may change this process's cores inside the block.
    """
    affinity = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    try:
        yield
    finally:
        if affinity is not None:
            os.sched_setaffinity(0, affinity)
