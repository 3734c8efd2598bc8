"""Group commit: many threads' appends written by one thread, several to a transaction.

Each commit to a durable database waits for the disk (and, on PostgreSQL, a round trip or four
to the server), so one commit per record caps a busy service at a few hundred records a second.
Here every caller hands its records in and waits; one writer thread takes everything waiting,
writes it in one transaction, commits, and only then releases each caller with its own records.
A caller still returns only once its records are committed, and a job is never split: the
records of one ``add_many`` are all in the same transaction.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from typing import Generic, TypeVar

from .chain import RegisterError

__all__ = ["GroupCommit"]

J = TypeVar("J")
R = TypeVar("R")

#: Handed to the writer thread by :meth:`GroupCommit.close`: write what came before, then stop.
_STOP = object()


class GroupCommit(Generic[J, R]):
    """Hands jobs to ``write`` from one thread, as many at a time as are waiting.

    ``write`` gets the waiting jobs in the order they came and returns, for each, its result or
    the exception its caller should see. If ``write`` itself raises, every job in that batch
    gets the exception.
    """

    def __init__(
        self,
        write: Callable[[Sequence[J]], Sequence[R | BaseException]],
        *,
        name: str,
        max_batch: int = 500,
    ) -> None:
        self._write = write
        self._name = name
        self._max_batch = max_batch
        self._queue: queue.SimpleQueue[tuple[J, Future[R]] | object] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._closed = False

    def submit(self, job: J) -> R:
        """Queue ``job`` and wait until it is written (or has failed); its result, or raises."""
        done: Future[R] = Future()
        with self._lock:
            if self._closed:
                raise RegisterError("nothing was recorded: the register has been closed")
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
                self._thread.start()
            self._queue.put((job, done))
        return done.result()

    def close(self) -> None:
        """Write every job already queued, then stop the writer thread. Later jobs are refused."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            thread = self._thread
            self._queue.put(_STOP)
        if thread is not None:
            thread.join()

    def _run(self) -> None:
        stopping = False
        while not stopping:
            first = self._queue.get()
            if first is _STOP:
                return
            batch = [first]
            while len(batch) < self._max_batch:
                try:
                    waiting = self._queue.get_nowait()
                except queue.Empty:
                    break
                if waiting is _STOP:
                    stopping = True
                    break
                batch.append(waiting)
            self._write_batch(batch)  # type: ignore[arg-type]  # only _STOP is not a job, and it is out

    def _write_batch(self, batch: list[tuple[J, Future[R]]]) -> None:
        try:
            outcomes = list(self._write([job for job, _ in batch]))
            if len(outcomes) != len(batch):
                raise RuntimeError(f"{len(batch)} jobs were written but {len(outcomes)} results came back")
        except BaseException as exc:  # a bug in write must not leave its callers waiting for ever
            for _, done in batch:
                done.set_exception(exc)
            return
        for (_, done), outcome in zip(batch, outcomes, strict=True):
            if isinstance(outcome, BaseException):
                done.set_exception(outcome)
            else:
                done.set_result(outcome)
