"""Local worker processes for many runs at once: one way to start them, safe in any parent.

Python's default on Linux forks the calling process. A fork copies the caller's threads' locks but
not the threads, so forking a threaded process (the dashboard's web server, a Dask client, a
test runner) can deadlock. Workers here come from a *forkserver* where the platform has one: a
fresh, single-threaded process that imports ``simulatie`` once and forks each worker from itself,
so workers start fast and never inherit a threaded parent. Where there is none (Windows), workers
are *spawned*: fresh interpreters, slower to start, equally safe (:func:`~.stopping.start_method`).

Every worker ignores Ctrl+C and dies with its parent (:func:`~.stopping.worker_init`); a command
that is asked to stop ends its pool with :func:`~.stopping.stop_pool` (:func:`map_stoppable`).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from .stopping import start_method, stop_pool, worker_init

__all__ = ["map_counted", "map_stoppable", "process_pool"]

# imported once in the forkserver
PRELOAD = ["simulatie.experiment.run", "simulatie.experiment.worker"]


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` worker processes, started the safe way for this platform.

    Args:
        workers: Number of worker processes (at least 1).

    Returns:
        The pool; use it as a context manager so it is shut down.
    """
    method = start_method()
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        context.set_forkserver_preload(PRELOAD)
    return ProcessPoolExecutor(workers, mp_context=context, initializer=worker_init,
                               initargs=(os.getpid(),))


def map_stoppable(
    function: Callable[[Any], Any],
    tasks: Iterable[Any],
    workers: int,
    progress: Callable[[], None] | None = None,
) -> list:
    """Run ``function`` on every task in a process pool, in order; stop the pool if interrupted.

    With one worker the tasks run in this process, one after the other (no pool to start).

    Args:
        function: A module-level function or picklable callable (workers must import it).
        tasks: Its arguments, one per call.
        workers: Worker processes; 1 runs in this process.
        progress: Called once per result, as results arrive in order.

    Returns:
        The results, in the order of ``tasks``.
    """
    results = []
    if workers == 1:
        for task in tasks:
            results.append(function(task))
            if progress is not None:
                progress()
        return results
    pool = process_pool(workers)
    try:
        for result in pool.map(function, tasks):
            results.append(result)
            if progress is not None:
                progress()
    except BaseException:
        stop_pool(pool)
        raise
    pool.shutdown(wait=True)
    return results


def map_counted(
    function: Callable[[Any], Any],
    tasks: list[Any],
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> list:
    """:func:`map_stoppable` with the package's progress protocol and default workers.

    Args:
        function: A module-level function or picklable callable.
        tasks: Its arguments, one per call.
        workers: Processes (default one per core, at most one per task; 1 runs in this process).
        progress: Called with the number of tasks first, then with 1 after each result.

    Returns:
        The results, in the order of ``tasks``.
    """
    if progress is not None:
        progress(len(tasks))
    tick = (lambda: progress(1)) if progress is not None else None
    n = max(1, min(workers or os.cpu_count() or 1, len(tasks)))
    return map_stoppable(function, tasks, n, progress=tick)
