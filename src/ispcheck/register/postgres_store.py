"""The register kept in PostgreSQL: one register shared by several services on several servers.

The rows, their bodies and their hashes are exactly those of an SQLite register (the chain is
built by :func:`.chain.link` in both). What differs is how writers take turns and how a busy
service keeps up:

- **One chain, many writers.** Every write transaction first locks the head row (``SELECT ...
  FOR UPDATE``), so writers on any server take turns, each reads the true last hash, and ids run
  on without gaps. A writer waits for the others up to ``timeout`` seconds (``lock_timeout``).
- **Group commit.** Within one process, the records of every thread that calls ``add`` at the same
  time are written by one thread in one transaction (:class:`.appender.GroupCommit`), so a commit,
  and its wait for the disk, is shared. ``add`` still returns only once its record is committed
  with ``synchronous_commit`` on (unless ``durable=False``).
- **Shared between threads.** Unlike the SQLite register, one open PostgreSQL register serves a
  whole process: reads take a connection from a small pool for each page of rows.
- **Fails promptly and closed.** A database that does not answer within ``connect_timeout``
  seconds is reported (``RegisterError``, "nothing was recorded"); a transaction that fails is
  rolled back whole. A connection lost *while committing* is reported as such: the records may
  then be in the register, and ``verify``/``list`` tell.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import psycopg
from psycopg import errors
from psycopg.conninfo import conninfo_to_dict
from psycopg_pool import ConnectionPool, PoolClosed, PoolTimeout

from .appender import GroupCommit
from .chain import Content, RegisterError, Row, StoredRecord, link
from .postgres_schema import prepare
from .store import Snapshot
from .targets import shown_url

__all__ = ["DEFAULT_CONNECTIONS", "DEFAULT_CONNECT_TIMEOUT", "PostgresStore"]

#: How long to wait for the database server to answer (or for a free connection), in seconds.
DEFAULT_CONNECT_TIMEOUT = 5.0
#: The most connections one open register keeps to the server.
DEFAULT_CONNECTIONS = 4
#: Rows read per round trip by ``records()``; no connection is held between pages.
PAGE = 500

_COLUMNS = "SELECT id, prev_hash, hash, body FROM records"
_HEAD = "SELECT last_id, hash FROM head WHERE one = 1"

#: One job for the writer thread: the records of one add or add_many, and the clock to stamp them.
_Job = tuple[Sequence[Content], Callable[[], datetime]]


class PostgresStore:
    """An open PostgreSQL register. Use :meth:`open`; safe to share between threads."""

    def __init__(self, pool: ConnectionPool[Any], location: str, *, timeout: float, connect_timeout: float):
        self._pool = pool
        self._location = location
        self._timeout = timeout
        self._connect_timeout = connect_timeout
        self._commits = 0
        self._writer: GroupCommit[_Job, list[StoredRecord]] = GroupCommit(
            self._write, name="ispcheck-register-writer"
        )

    @classmethod
    def open(
        cls,
        url: str,
        *,
        create: bool,
        durable: bool,
        timeout: float,
        connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
        connections: int = DEFAULT_CONNECTIONS,
    ) -> PostgresStore:
        """Connect to the database at ``url``; create the tables first if ``create`` and there are none."""
        location = shown_url(url)
        try:
            given = conninfo_to_dict(url)
        except psycopg.ProgrammingError as exc:
            raise RegisterError(
                f"{location} is not a database URL that can be used: {_reason(exc)}"
            ) from None
        settings: dict[str, Any] = {"application_name": "ispcheck-register"}
        if "connect_timeout" not in given:  # libpq counts whole seconds, and at least 2
            settings["connect_timeout"] = max(2, math.ceil(connect_timeout))
        settings = {k: v for k, v in settings.items() if k not in given}
        wait = f"{max(1, round(timeout * 1000))}ms"
        try:
            with psycopg.connect(url, **settings) as first:
                first.execute("SELECT set_config('lock_timeout', %s, false)", (wait,))
                prepare(first, create=create, location=location)
        except errors.LockNotAvailable:
            raise RegisterError(
                f"the decision register in {location} is busy: another program has held it for over "
                f"{timeout:g} seconds. Try again in a moment."
            ) from None
        except psycopg.Error as exc:
            raise RegisterError(f"cannot open the decision register in {location}: {_reason(exc)}") from None

        def configure(connection: psycopg.Connection[Any]) -> None:
            # lock_timeout: how long a writer waits for the others. synchronous_commit: a commit
            # waits for the disk (left as the server has it unless that is off), or not at all.
            connection.execute(
                "SELECT set_config('lock_timeout', %s, false), set_config('synchronous_commit', "
                "CASE WHEN %s AND current_setting('synchronous_commit') = 'off' THEN 'on' "
                "WHEN %s THEN current_setting('synchronous_commit') ELSE 'off' END, false)",
                (wait, durable, durable),
            )
            connection.commit()

        pool: ConnectionPool[Any] = ConnectionPool(
            url,
            kwargs=settings,
            min_size=1,
            max_size=max(1, connections),
            open=False,
            configure=configure,
            check=ConnectionPool.check_connection,
            timeout=connect_timeout,
            # Give up reconnecting in the background after a few seconds, so that the next request
            # connects afresh: a server back after an outage is then used at once, rather than
            # after ever longer pauses between attempts.
            reconnect_timeout=max(1.0, connect_timeout),
            name="ispcheck-register",
        )
        try:
            pool.open(wait=True, timeout=connect_timeout)
        except PoolTimeout:
            pool.close()
            raise RegisterError(
                f"cannot open the decision register in {location}: the database did not accept "
                f"connections within {connect_timeout:g} seconds. Check that it is running, then try again."
            ) from None
        return cls(pool, location, timeout=timeout, connect_timeout=connect_timeout)

    @property
    def location(self) -> str:
        return self._location

    @property
    def commits(self) -> int:
        return self._commits

    def close(self) -> None:
        """Write what is queued, then close the connections."""
        self._writer.close()
        self._pool.close(timeout=self._connect_timeout)

    # -- writing ----------------------------------------------------------------------------

    def append(self, contents: Sequence[Content], clock: Callable[[], datetime]) -> list[StoredRecord]:
        if not contents:
            return []
        return self._writer.submit((contents, clock))

    def _write(self, jobs: Sequence[_Job]) -> list[list[StoredRecord] | BaseException]:
        """Write every job in one transaction (the writer thread's work); each job's outcome."""
        count = sum(len(contents) for contents, _ in jobs)
        committing: list[psycopg.Connection[Any]] = []  # the connection, once COMMIT is on its way
        try:
            with self._pool.connection() as connection:
                outcomes, written = self._insert(connection, jobs, committing)
        except PoolClosed:
            return [RegisterError("nothing was recorded: the register has been closed") for _ in jobs]
        except PoolTimeout:
            why = (
                f"nothing was recorded: {self._location} did not answer within {self._connect_timeout:g} "
                "seconds. Check that the database server is running and reachable, then try again."
            )
            return [RegisterError(why) for _ in jobs]
        except errors.LockNotAvailable:
            why = (
                f"nothing was recorded: the register in {self._location} stayed locked by other writers "
                f"for over {self._timeout:g} seconds; try again"
            )
            return [RegisterError(why) for _ in jobs]
        except errors.UniqueViolation:
            why = (
                "nothing was recorded: the register already holds a record numbered after the one its "
                "head row names as the last, so it has been changed outside ispcheck. Run "
                "`ispcheck register verify`."
            )
            return [RegisterError(why) for _ in jobs]
        except psycopg.Error as exc:
            if committing and committing[0].broken:  # lost on the way: the COMMIT may have been done
                why = (
                    f"it is not known whether {count} record(s) were recorded: the connection to "
                    f"{self._location} failed while committing ({_reason(exc)}). Run `ispcheck register "
                    "list --last N` to see, before adding them again."
                )
            else:
                why = f"nothing was recorded: {self._location} could not be written ({_reason(exc)})"
            return [RegisterError(why) for _ in jobs]
        if written:
            self._commits += 1
        return outcomes

    def _insert(
        self,
        connection: psycopg.Connection[Any],
        jobs: Sequence[_Job],
        committing: list[psycopg.Connection[Any]],
    ) -> tuple[list[list[StoredRecord] | BaseException], bool]:
        """Lock the head, chain each job's records after it, insert them, move the head, commit.

        The inserts, the head's move and the commit go to the server together (a pipeline), so
        the head row stays locked for one round trip after it is read, not three: the other
        processes waiting for it wait less.
        """
        found = connection.execute(_HEAD + " FOR UPDATE").fetchone()
        if found is None:
            raise errors.NoDataFound("the register's head row is missing")
        last_id, prev = int(found[0]), str(found[1])
        outcomes: list[list[StoredRecord] | BaseException] = []
        rows: list[Row] = []
        for contents, clock in jobs:
            try:  # a job that cannot be spelt (text that is not UTF-8, say) fails alone
                linked, stored = link(last_id, prev, contents, clock)
            except Exception as exc:
                outcomes.append(exc)
                continue
            rows.extend(linked)
            outcomes.append(stored)
            last_id, prev = linked[-1][0], linked[-1][2]
        if not rows:
            connection.commit()
            return outcomes, False
        with connection.pipeline(), connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO records (id, prev_hash, hash, body) VALUES (%s, %s, %s, %s)", rows
            )
            cursor.execute("UPDATE head SET last_id = %s, hash = %s WHERE one = 1", (last_id, prev))
            committing.append(connection)
            connection.commit()
        return outcomes, True

    # -- reading ----------------------------------------------------------------------------

    @contextmanager
    def _reading(self) -> Iterator[psycopg.Connection[Any]]:
        """A pooled connection for one read; database problems become a plain RegisterError."""
        try:
            with self._pool.connection() as connection:
                yield connection
        except PoolClosed:
            raise RegisterError("the decision register has been closed") from None
        except PoolTimeout:
            raise RegisterError(
                f"cannot read the decision register: {self._location} did not answer within "
                f"{self._connect_timeout:g} seconds. Check that the database server is running and reachable."
            ) from None
        except psycopg.Error as exc:
            raise RegisterError(
                f"cannot read the decision register in {self._location}: {_reason(exc)}"
            ) from None

    def count(self) -> int:
        with self._reading() as connection:
            found = connection.execute("SELECT count(*) FROM records").fetchone()
        return int(found[0]) if found else 0

    def rows(self, *, newest_first: bool) -> Iterator[Row]:
        """Every row, a page at a time; rows appended after the first page are not included."""
        if newest_first:
            query, after, last = (
                f"{_COLUMNS} WHERE id < %s AND id > %s ORDER BY id DESC LIMIT %s",
                2**63 - 1,
                -(2**63),
            )
        else:
            with self._reading() as connection:
                found = connection.execute("SELECT min(id) - 1, max(id) FROM records").fetchone()
            if found is None or found[1] is None:
                return
            query, after, last = (
                f"{_COLUMNS} WHERE id > %s AND id <= %s ORDER BY id LIMIT %s",
                found[0],
                found[1],
            )
        while True:
            with self._reading() as connection:
                page: list[Row] = connection.execute(query, (after, last, PAGE)).fetchall()
            yield from page
            if len(page) < PAGE:
                return
            after = page[-1][0]

    def row(self, record_id: int) -> Row | None:
        if not -(2**63) <= record_id < 2**63:
            return None
        with self._reading() as connection:
            found: Row | None = connection.execute(f"{_COLUMNS} WHERE id = %s", (record_id,)).fetchone()
        return found

    def head(self) -> tuple[int, str]:
        with self._reading() as connection:
            return _head(connection)

    @contextmanager
    def snapshot(self) -> Iterator[Snapshot]:
        with self._reading() as connection:
            # One repeatable-read transaction: rows and head as of one moment, appends meanwhile unseen.
            connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            with connection.cursor(name="ispcheck_verify") as cursor:
                cursor.itersize = 2000
                cursor.execute(f"{_COLUMNS} ORDER BY id")
                yield iter(cursor), lambda: _head(connection)


def _head(connection: psycopg.Connection[Any]) -> tuple[int, str]:
    found = connection.execute(_HEAD).fetchone()
    if found is None:
        raise RegisterError(
            "the decision register's head row is missing: it has been changed outside ispcheck. "
            "Run `ispcheck register verify`."
        )
    return int(found[0]), str(found[1])


def _reason(exc: psycopg.Error) -> str:
    """The server's or libpq's own words, on one line."""
    return " ".join(str(exc).split()) or type(exc).__name__
