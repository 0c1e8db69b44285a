"""Local worker processes for many runs at once: one way to start them, safe in any parent.

Python's default on Linux forks the calling process. A fork copies the caller's threads' locks but
not the threads, so forking a threaded process (the dashboard's web server, a Dask client, a
test runner) can deadlock. Workers here come from a *forkserver*: a fresh, single-threaded process
that imports ``simulatie`` once and forks each worker from itself, so workers start fast (no
second import of Mesa, pandas and scipy) and never inherit a threaded parent.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

__all__ = ["process_pool"]

PRELOAD = ["simulatie.run", "simulatie.sweep"]  # imported once in the forkserver


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes forked from a forkserver that preloads ``simulatie``.

    Args:
        workers: Number of worker processes (at least 1).

    Returns:
        The pool; use it as a context manager so it is shut down.
    """
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return ProcessPoolExecutor(workers, mp_context=context)
