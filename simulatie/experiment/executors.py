"""Where a sweep's runs execute: in this process, on local worker processes, or on Dask.

Each executor takes the runs to make and yields their outcomes as they finish, a bounded number
in flight at a time (so few results are held at once). A worker that dies (killed, out of memory)
does not end the sweep: its run is tried again up to :data:`RETRIES` times and then recorded as
failed; a run that raises is recorded at once (it would raise again).
"""

from __future__ import annotations

import traceback
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING, Any

from simulatie.experiment.batches import batched, run_batch
from simulatie.experiment.processes import process_pool
from simulatie.experiment.stopping import stop_pool
from simulatie.experiment.worker import RunOutcome, RunTask, execute_run

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["CONNECT_TIMEOUT", "RETRIES", "SweepError", "open_client", "run_locally",
           "run_on_dask", "run_serially"]

RETRIES = 2
"""How often a run whose worker died is tried again (local pool or Dask); one that raises is not."""
CONNECT_TIMEOUT = 10
"""Seconds to wait for an existing Dask scheduler to answer."""


class SweepError(RuntimeError):
    """A sweep that cannot start or continue, explained in one line."""


def run_serially(tasks: list[RunTask]) -> Iterator[RunOutcome]:
    """Make the runs one after the other in this process (``--workers 1``).

    Runs that share a spin-up follow each other (:func:`~.batches.batched`), so that the
    process computes it once.
    """
    for batch in batched(tasks):
        for task in batch:
            yield execute_run(task)


def run_locally(
    workers: int, tasks: list[RunTask], execute: Callable[[RunTask], RunOutcome] = execute_run
) -> Iterator[RunOutcome]:
    """Run tasks in local worker processes, a bounded number at a time, yielding as they finish.

    Workers come from :func:`~simulatie.experiment.processes.process_pool` (fast start, safe in a
    threaded parent). Runs that share a spin-up go to a worker together, as one batch
    (:func:`~.batches.batched`), so that it computes the spin-up once. If a worker dies (killed,
    out of memory), the whole pool breaks and every run in flight is lost, so the runs that were
    in flight become *suspects*: they are run again one at a time, where a death points at its
    run. That run is tried at most ``RETRIES`` more times and then recorded as failed; the other
    suspects simply finish, and the sweep goes on in parallel.

    Args:
        workers: Worker processes.
        tasks: The runs to do.
        execute: What a worker does with one task (a module-level function).
    """
    pending: deque[list[RunTask]] = deque(batched(tasks, workers))
    suspects: deque[list[RunTask]] = deque()  # one run each
    attempts: dict[str, int] = {}
    while pending or suspects:
        isolating = bool(suspects)
        queue = suspects if isolating else pending
        window = 1 if isolating else max(8, 4 * workers)  # keeps every worker busy
        pool = process_pool(1 if isolating else workers)
        running: dict[Future, list[RunTask]] = {}
        broken = False
        try:
            while (queue or running) and not broken:
                while queue and len(running) < window:
                    batch = queue.popleft()
                    running[pool.submit(run_batch, execute, batch)] = batch
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    batch = running.pop(future)
                    try:
                        outcomes = future.result()
                    except BrokenProcessPool as error:
                        broken = True
                        if isolating:  # alone in the pool: this run killed its worker
                            yield from _retry_or_fail(batch[0], error, attempts, suspects)
                        else:
                            suspects.extend([task] for task in batch)
                    else:
                        yield from outcomes
        except BaseException:  # asked to stop (or the consumer failed): end the workers now
            stop_pool(pool)
            raise
        pool.shutdown(wait=True)
        for batch in running.values():  # lost with a broken pool (none otherwise)
            suspects.extend([task] for task in batch)


def _retry_or_fail(task: RunTask, error: BaseException, attempts: dict[str, int],
                   queue: deque[list[RunTask]]) -> Iterator[RunOutcome]:
    """Queue a run that killed its worker for another try, or record it as failed after RETRIES."""
    attempts[task.run_id] = attempts.get(task.run_id, 0) + 1
    if attempts[task.run_id] <= RETRIES:
        queue.appendleft([task])
        return
    yield RunOutcome(run_id=task.run_id,
                     error=" ".join(f"{type(error).__name__}: {error}".split()),
                     traceback="".join(traceback.format_exception(error)))


def open_client(scheduler: str) -> Client:
    """Connect to a running Dask scheduler (address or scheduler file)."""
    from distributed import Client

    try:
        file = Path(scheduler).expanduser()
        if file.is_file():
            return Client(scheduler_file=str(file), timeout=CONNECT_TIMEOUT)
        return Client(scheduler, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as error:
        message = " ".join(str(error).split())
        raise SweepError(f"cannot reach the Dask scheduler at '{scheduler}': {message}") from None


def run_on_dask(client: Client, tasks: list[RunTask]) -> Iterator[RunOutcome]:
    """Submit runs as Dask tasks, a bounded number at a time, and yield them as they finish.

    Runs that share a spin-up travel as one Dask task (:func:`~.batches.batched`), so that one
    worker computes the spin-up once; a batch whose worker died is tried again as a whole.
    """
    from distributed import as_completed

    threads = sum(client.nthreads().values()) or 1
    window = max(8, 4 * threads)  # enough to keep every worker busy, few results held at once
    pending = iter(batched(tasks, threads))
    running: dict[Any, list[RunTask]] = {}
    completed = as_completed()

    def submit_next() -> None:
        batch = next(pending, None)
        if batch is None:
            return
        future = client.submit(
            run_batch,
            execute_run,
            batch,
            key=f"simulatie-run-{batch[0].run_id}-{uuid.uuid4().hex[:8]}",
            pure=False,
            retries=RETRIES,
        )
        running[future.key] = batch
        completed.add(future)

    for _ in range(window):
        submit_next()
    for future in completed:
        batch = running.pop(future.key)
        if future.status == "finished":
            yield from future.result()
        else:  # the worker died RETRIES + 1 times, or the task was lost
            error = future.exception()
            for task in batch:
                yield RunOutcome(
                    run_id=task.run_id,
                    error=" ".join(f"{type(error).__name__}: {error}".split()),
                    traceback="".join(traceback.format_exception(error)),
                )
        future.release()
        submit_next()
