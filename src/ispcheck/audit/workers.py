"""Worker processes: a pool of auditors, fed a bounded window of chunks in input order.

The functions a worker runs are module-level so that they can be found by name in a spawned
process as well as a forked one.
"""

from __future__ import annotations

import signal
from collections import deque
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from ..engine import Checker
from .auditor import ChunkAuditor
from .chunks import AuditedChunk, Task

__all__ = ["CheckerFactory", "audit_in_workers"]

CheckerFactory = Callable[[], Checker]

_worker: ChunkAuditor | BaseException | None = None
#: The signals that stop an audit. They are blocked while workers are forked, so that one arriving
#: in a new worker before it has set its own handlers cannot run the parent's handler there (which
#: printed an "Exception ignored" traceback from inside the fork), and unblocked once it has.
_STOPPING = frozenset({signal.SIGINT, signal.SIGTERM, signal.SIGHUP})


def _start_worker(factory: CheckerFactory, today: date | None, full: bool) -> None:
    global _worker
    # Ctrl-C goes to the whole process group; the parent handles it and stops the workers. A
    # termination signal just ends a worker (no traceback): the parent cleans up.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPPING)
    try:
        _worker = ChunkAuditor(factory(), today, full)
    except Exception as exc:  # reported with the first chunk, rather than killing the pool
        _worker = exc


def _run_in_worker(task: Task) -> AuditedChunk:
    if isinstance(_worker, BaseException):
        raise _worker
    if _worker is None:  # pragma: no cover - the initializer always runs first
        raise RuntimeError("the audit worker was not started")
    return _worker.run(task)


def audit_in_workers(
    tasks: Iterator[Task], jobs: int, initargs: tuple[CheckerFactory, date | None, bool]
) -> Iterator[AuditedChunk]:
    """Run tasks in a pool, yielding results in input order with at most 2 x jobs in flight.

    ``Pool.imap`` would read the whole input ahead of the workers; this bounded window keeps
    memory flat.
    """
    import multiprocessing

    # Workers are forked with the stopping signals blocked (the pool's own thread, which forks any
    # replacement, is started now too, so it keeps them blocked); the parent's mask is restored at
    # once, and a signal that came meanwhile is then handled as usual.
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING)
    try:
        started = multiprocessing.Pool(jobs, initializer=_start_worker, initargs=initargs)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
    with started as pool:
        pending: deque[Any] = deque()
        for task in tasks:
            pending.append(pool.apply_async(_run_in_worker, (task,)))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
