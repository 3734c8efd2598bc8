"""The register kept in an SQLite file: one person's or one server's register, no server needed.

Writers append inside ``BEGIN IMMEDIATE`` transactions, so several processes can add at once:
SQLite serialises them, each reads the true last hash, and nothing is lost. WAL mode lets readers
carry on while one writes. One store (and so one :class:`~ispcheck.register.Register` on a file)
belongs to one thread; open one per process or thread. WAL needs a local file system (not a
network share). Triggers refuse ``UPDATE`` and ``DELETE``, which stops accidents, not a determined
person: the hash chain and ``verify`` are what catch those.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from .chain import GENESIS, Content, RegisterError, Row, StoredRecord, link
from .store import Snapshot

__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "SqliteStore"]

#: Marks the SQLite file as an ispcheck register ("ISPC"), so other databases are not mistaken for one.
APPLICATION_ID = 0x49535043
#: The layout of the tables; bumped if it ever changes.
SCHEMA_VERSION = 1

_SCHEMA = (
    "CREATE TABLE records (id INTEGER PRIMARY KEY, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, "
    "body TEXT NOT NULL)",
    "CREATE TABLE head (one INTEGER PRIMARY KEY CHECK (one = 1), last_id INTEGER NOT NULL, "
    "hash TEXT NOT NULL)",
    f"INSERT INTO head (one, last_id, hash) VALUES (1, 0, '{GENESIS}')",
    "CREATE TRIGGER records_append_only_update BEFORE UPDATE ON records BEGIN SELECT "
    "RAISE(ABORT, 'the decision register is append-only: records cannot be changed'); END",
    "CREATE TRIGGER records_append_only_delete BEFORE DELETE ON records BEGIN SELECT "
    "RAISE(ABORT, 'the decision register is append-only: records cannot be deleted'); END",
    "CREATE TRIGGER head_kept BEFORE DELETE ON head BEGIN SELECT "
    "RAISE(ABORT, 'the decision register needs its head row'); END",
    f"PRAGMA application_id = {APPLICATION_ID}",
    f"PRAGMA user_version = {SCHEMA_VERSION}",
)

_OLDEST_FIRST = "SELECT id, prev_hash, hash, body FROM records ORDER BY id"
_NEWEST_FIRST = "SELECT id, prev_hash, hash, body FROM records ORDER BY id DESC"


class SqliteStore:
    """An open register file. Use :meth:`open`."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path
        self._commits = 0

    @classmethod
    def open(cls, path: Path, *, create: bool, durable: bool, timeout: float) -> SqliteStore:
        """Open (or, if ``create``, make) the register file at ``path``; see ``Register.open``."""
        if not create:
            _refuse_unless_a_database(path)  # before SQLite touches it: nothing is written to it
        else:
            _create_owner_only(path)
        try:
            connection = sqlite3.connect(path, timeout=timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise RegisterError(f"cannot open the decision register at {path}: {exc}") from None
        try:
            if not create:
                _check_is_register(connection, path)
            _switch_to_wal(connection, timeout)
            connection.execute(f"PRAGMA synchronous = {'FULL' if durable else 'NORMAL'}")
            _prepare(connection, path)
        except sqlite3.OperationalError as exc:
            connection.close()
            if _is_busy(exc):
                raise RegisterError(
                    f"the decision register at {path} is busy: another program has held it for over "
                    f"{timeout:g} seconds. Try again in a moment."
                ) from None
            raise RegisterError(f"{path} is not a usable decision register: {exc}") from None
        except sqlite3.DatabaseError as exc:
            connection.close()
            raise RegisterError(f"{path} is not a usable decision register: {exc}") from None
        except RegisterError:
            connection.close()
            raise
        return cls(connection, path)

    @property
    def location(self) -> str:
        return str(self.path)

    @property
    def commits(self) -> int:
        return self._commits

    def close(self) -> None:
        self._db.close()

    # -- writing ----------------------------------------------------------------------------

    def append(self, contents: Sequence[Content], clock: Callable[[], datetime]) -> list[StoredRecord]:
        if not contents:
            return []
        db = self._db
        rows: list[Row] = []
        try:
            db.execute("BEGIN IMMEDIATE")
            last_id, prev = db.execute("SELECT last_id, hash FROM head").fetchone()
            rows, stored = link(last_id, prev, contents, clock)
            db.executemany("INSERT INTO records (id, prev_hash, hash, body) VALUES (?, ?, ?, ?)", rows)
            db.execute("UPDATE head SET last_id = ?, hash = ? WHERE one = 1", (rows[-1][0], rows[-1][2]))
            db.execute("COMMIT")
        except sqlite3.IntegrityError:
            self._rollback()
            raise RegisterError(
                f"record {rows[0][0]} already exists although the register's head says the last "
                "record is the one before: the register has been changed outside ispcheck. Nothing "
                "was recorded; run `ispcheck register verify`."
            ) from None
        except sqlite3.OperationalError as exc:
            self._rollback()
            raise RegisterError(f"nothing was recorded: the register at {self.path} {_why(exc)}") from None
        except BaseException:
            self._rollback()
            raise
        self._commits += 1
        return stored

    def _rollback(self) -> None:
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")

    # -- reading ----------------------------------------------------------------------------

    def count(self) -> int:
        count: int = self._db.execute("SELECT count(*) FROM records").fetchone()[0]
        return count

    def rows(self, *, newest_first: bool) -> Iterator[Row]:
        # The cursor itself, not a generator around it: closing a generator would close the cursor
        # too, which fails once the register has been closed.
        rows: Iterator[Row] = self._db.execute(_NEWEST_FIRST if newest_first else _OLDEST_FIRST)
        return rows

    def row(self, record_id: int) -> Row | None:
        found: Row | None = self._db.execute(
            "SELECT id, prev_hash, hash, body FROM records WHERE id = ?", (record_id,)
        ).fetchone()
        return found

    def head(self) -> tuple[int, str]:
        last_id, digest = self._db.execute("SELECT last_id, hash FROM head").fetchone()
        return int(last_id), str(digest)

    @contextmanager
    def snapshot(self) -> Iterator[Snapshot]:
        # One read transaction, so records appended meanwhile cannot confuse the walk.
        self._db.execute("BEGIN")
        try:
            yield self._db.execute(_OLDEST_FIRST), self.head
        finally:
            self._db.execute("COMMIT")


def _why(exc: sqlite3.OperationalError) -> str:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return "stayed locked by other writers for too long; try again"
    return f"could not be written ({text})"


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)


def _switch_to_wal(db: sqlite3.Connection, timeout: float) -> None:
    """Put the register in WAL mode, waiting as for any lock.

    SQLite does not wait on its busy timeout while switching journal mode, so several programs
    opening a brand-new register at once would otherwise see "database is locked".
    """
    waited, pause = 0.0, 0.005
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or waited >= timeout:
                raise
        time.sleep(pause)
        waited += pause
        pause = min(pause * 2, 0.1)


#: The first bytes of every SQLite database file.
_SQLITE_HEADER = b"SQLite format 3\x00"


def _refuse_unless_a_database(path: Path) -> None:
    """Refuse a path that holds no SQLite database: only ``add`` may create a register."""
    if not path.is_file():
        raise RegisterError(
            f"there is no decision register at {path} (only `ispcheck register add` creates one)"
        )
    with path.open("rb") as handle:
        header = handle.read(len(_SQLITE_HEADER))
    if header != _SQLITE_HEADER:
        what = "an empty file" if not header else "not an SQLite database"
        raise RegisterError(
            f"{path} is not a decision register: it is {what} (only `ispcheck register add` creates one)"
        )


def _check_is_register(db: sqlite3.Connection, path: Path) -> None:
    """Refuse an SQLite database that is not a register, reading only."""
    if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        db.close()
        raise RegisterError(f"{path} is an SQLite database, but not an ispcheck decision register")


def _create_owner_only(path: Path) -> None:
    """Make a new register file readable and writable by its owner only, before SQLite opens it.

    SQLite gives its journal files (``-wal``, ``-shm``) the permissions of the database file, so
    they are owner-only too: the register holds disclosures and officers' names.
    """
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    except OSError as exc:
        raise RegisterError(f"cannot create the decision register at {path}: {exc.strerror}") from None
    os.close(descriptor)


def _prepare(db: sqlite3.Connection, path: Path) -> None:
    """Create the tables in a new file, or check that an existing file is a register."""
    db.execute("BEGIN IMMEDIATE")
    try:
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if app_id == 0 and tables == 0:
            for statement in _SCHEMA:  # in this transaction, so two first writers cannot collide
                db.execute(statement)
            return
        if app_id != APPLICATION_ID:
            raise RegisterError(f"{path} is an SQLite database, but not an ispcheck decision register")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version != SCHEMA_VERSION:
            raise RegisterError(
                f"{path} is a decision register of layout {version}, which this ispcheck cannot read "
                f"(it reads layout {SCHEMA_VERSION})"
            )
    finally:
        if db.in_transaction:
            db.execute("COMMIT")
