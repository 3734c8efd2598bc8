"""The register as the service reaches it: blocking calls run on threads the event loop awaits.

A SQLite register belongs to the one thread that opened it, so it gets one worker thread, which
also makes its appends one at a time (each waits for the disk). A PostgreSQL register is shared
by many threads and groups their appends into one transaction per commit, so it gets many. The
register is opened lazily and reopened after a failure: a register that is down when the service
starts, or goes down later, makes recording answer 503 until it is back, while deciding carries on.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from ..decision import Decision
from ..errors import IspcheckError
from ..register import Register, RegisterError, StoredRecord, Verification

__all__ = ["RegisterGateway", "RegisterUnavailable", "is_shared_register"]

T = TypeVar("T")


class RegisterUnavailable(IspcheckError):
    """The register cannot be reached or written just now: nothing was recorded."""


def is_shared_register(target: str) -> bool:
    """Whether ``target`` names a database server (shared by many threads and servers)."""
    return target.startswith(("postgresql://", "postgres://"))


class RegisterGateway:
    """One register for one service process."""

    def __init__(self, target: str, *, workers: int | None = None, durable: bool = True) -> None:
        self.target = target
        shared = is_shared_register(target)
        self._workers = workers or (32 if shared else 1)
        self._shared = shared
        self._executor = ThreadPoolExecutor(max_workers=self._workers, thread_name_prefix="ispcheck-register")
        self._durable = durable
        self._register: Register | None = None

    def _open(self) -> Register:
        if self._register is None:
            if self._shared:  # a connection for each thread that may read while others append
                self._register = Register.open(
                    self.target, create=True, durable=self._durable, connections=self._workers
                )
            else:
                self._register = Register.open(self.target, create=True, durable=self._durable)
        return self._register

    async def _run(self, job: Callable[[Register], T]) -> T:
        def on_thread() -> T:
            try:
                return job(self._open())
            except RegisterError as exc:
                self._drop()
                raise RegisterUnavailable(str(exc)) from None

        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, on_thread)

    def _drop(self) -> None:
        """Forget a register that failed, so the next call opens it afresh."""
        register, self._register = self._register, None
        if register is not None:
            with contextlib.suppress(Exception):  # it has failed already; reopening is what matters
                register.close()

    async def record(
        self, disclosure: Mapping[str, Any], decision: Decision, *, decided_by: str | None, recorded_by: str
    ) -> StoredRecord:
        """Append the decision already made about ``disclosure``; returns only once it is durable."""
        add = functools.partial(
            _add, disclosure=disclosure, decision=decision, decided_by=decided_by, recorded_by=recorded_by
        )
        return await self._run(add)

    async def get(self, record_id: int) -> StoredRecord | None:
        return await self._run(lambda r: r.get(record_id))

    async def newest(self, *, limit: int, before: int | None, outcome: str | None) -> list[StoredRecord]:
        return await self._run(lambda r: _newest(r, limit=limit, before=before, outcome=outcome))

    async def verify(self, expect: Mapping[int, str]) -> Verification:
        return await self._run(lambda r: r.verify(expect))

    async def head(self) -> tuple[int, str]:
        return await self._run(lambda r: r.head())

    async def close(self) -> None:
        """Finish what is queued, then close the register."""
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._executor, self._drop)
        self._executor.shutdown(wait=True)


def _add(
    register: Register,
    *,
    disclosure: Mapping[str, Any],
    decision: Decision,
    decided_by: str | None,
    recorded_by: str,
) -> StoredRecord:
    return register.add(disclosure, decision=decision, decided_by=decided_by, recorded_by=recorded_by)


def _newest(register: Register, *, limit: int, before: int | None, outcome: str | None) -> list[StoredRecord]:
    found: list[StoredRecord] = []
    for record in register.records(newest_first=True):
        if before is not None and record.id >= before:
            continue
        if outcome is not None and record.outcome != outcome:
            continue
        found.append(record)
        if len(found) >= limit:
            break
    return found
