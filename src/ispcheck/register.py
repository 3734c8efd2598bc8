"""The decision register: an append-only, hash-chained record of decisions, kept in SQLite.

Appendix 2 question 8 asks "Have I recorded that I have shared this information?", and section 16
has the Board review every year how the protocol is applied. Both need a record nobody can quietly
alter. Each stored record carries the SHA-256 hash of the previous record's hash followed by its
own canonical JSON, so editing, deleting or reordering any record breaks the chain and
:meth:`Register.verify` names the first record that is wrong.

What the chain can and cannot show: someone with write access to the file who rewrites a record
*and every hash after it* produces a chain that is consistent again. Writing down the latest hash
somewhere else (the annual review minutes, say) and passing it to ``verify(expect=...)`` closes
that gap. Triggers also refuse ``UPDATE`` and ``DELETE``, which stops accidents, not a determined
person.

Writers append inside ``BEGIN IMMEDIATE`` transactions, so several processes can add at once:
SQLite serialises them, each reads the true last hash, and nothing is lost. WAL mode lets readers
carry on while one writes. One :class:`Register` belongs to one thread; open one per process or
thread. WAL needs a local file system (not a network share).
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, Self

from .decision import Decision
from .disclosure import Disclosure
from .errors import IspcheckError
from .records import view_record
from .view import view_of

if TYPE_CHECKING:
    from .engine import Checker
    from .pack import Pack
    from .replay import Change

__all__ = ["GENESIS", "Register", "RegisterError", "StoredRecord", "Verification", "chain_hash"]

#: The "previous hash" of the first record.
GENESIS = "0" * 64
#: Marks the SQLite file as an ispcheck register ("ISPC"), so other databases are not mistaken for one.
APPLICATION_ID = 0x49535043
#: The layout of the tables; bumped if it ever changes.
SCHEMA_VERSION = 1
#: How long a writer waits for others before giving up, in seconds.
DEFAULT_TIMEOUT = 60.0

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


class RegisterError(IspcheckError):
    """The register cannot be opened or written: missing, not a register, locked, or damaged."""


def chain_hash(prev_hash: str, body: str) -> str:
    """The hash that chains a record to the one before it."""
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def _body(record_id: int, content_json: str, recorded_at: str) -> str:
    """The canonical JSON of ``{"id", "record", "recorded_at"}``, built without re-serialising.

    ``content_json`` is already canonical and the keys are written in sorted order, so this is
    exactly ``canonical_json({"id": ..., "record": ..., "recorded_at": ...})``.
    """
    return f'{{"id":{record_id},"record":{content_json},"recorded_at":{json.dumps(recorded_at)}}}'


@dataclass(frozen=True, slots=True)
class StoredRecord:
    """One record as stored: its place in the chain and the decision record it holds."""

    id: int
    recorded_at: str
    prev_hash: str
    hash: str
    content: dict[str, Any]

    @property
    def decision(self) -> dict[str, Any]:
        value: dict[str, Any] = self.content["decision"]
        return value

    @property
    def disclosure(self) -> dict[str, Any]:
        value: dict[str, Any] = self.content["disclosure"]
        return value

    @property
    def outcome(self) -> str:
        return str(self.decision["outcome"])

    @property
    def decided_by(self) -> str | None:
        value = self.content.get("decided_by")
        return None if value is None else str(value)

    @property
    def withheld(self) -> list[str]:
        return list(self.content.get("withheld") or ())

    @property
    def discloser(self) -> str:
        return str(self.disclosure["discloser"]["organisation"])

    @property
    def recipient(self) -> str:
        return str(self.disclosure["recipient"]["organisation"])

    def to_dict(self) -> dict[str, Any]:
        """The record as exported: id, times, who, disclosure, decision, and the chain."""
        return {
            "id": self.id,
            "recorded_at": self.recorded_at,
            **self.content,
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }


@dataclass(frozen=True, slots=True)
class Verification:
    """The result of checking the chain. ``bad_id`` is the first record found wrong."""

    ok: bool
    records: int
    head: str
    bad_id: int | None = None
    problem: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "records": self.records,
            "head": self.head,
            "bad_id": self.bad_id,
            "problem": self.problem,
        }


class Register:
    """An open decision register. Use :meth:`open`; close it (or use ``with``) when done."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        path: Path,
        *,
        checker: Checker | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._db = connection
        self.path = path
        self._checker = checker
        self._clock = clock or _utc_now

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        create: bool = True,
        checker: Checker | None = None,
        durable: bool = True,
        timeout: float = DEFAULT_TIMEOUT,
        clock: Callable[[], datetime] | None = None,
    ) -> Register:
        """Open the register at ``path``, creating it if ``create`` and it does not exist.

        ``checker`` decides disclosures given to :meth:`add` (default: the shipped pack and
        installed plugins). ``durable`` waits for each record to reach the disk before ``add``
        returns (SQLite ``synchronous=FULL``), so a power cut cannot lose it; ``durable=False``
        is several times faster and still survives ispcheck or the case system crashing, but the
        last records may be lost if the machine itself loses power.
        """
        path = Path(path)
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
        return cls(connection, path, checker=checker, clock=clock)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def checker(self) -> Checker:
        if self._checker is None:
            from .engine import default_checker

            self._checker = default_checker()
        return self._checker

    # -- writing ----------------------------------------------------------------------------

    def add(
        self,
        disclosure: Disclosure | Mapping[str, Any],
        *,
        decision: Decision | None = None,
        decided_by: str | None = None,
        keep_text: bool = False,
    ) -> StoredRecord:
        """Decide ``disclosure`` (unless ``decision`` is given) and append the decision record.

        A dict is validated first: bad input raises ``DisclosureError`` and nothing is written.
        ``decision`` stores a decision already shown to an officer rather than deciding again.
        Unless ``keep_text``, free text that may describe special category data is withheld.
        """
        return self.add_many([disclosure], decision=decision, decided_by=decided_by, keep_text=keep_text)[0]

    def add_many(
        self,
        disclosures: Iterable[Disclosure | Mapping[str, Any]],
        *,
        decision: Decision | None = None,
        decided_by: str | None = None,
        keep_text: bool = False,
    ) -> list[StoredRecord]:
        """Decide and append several disclosures in one transaction: all are recorded, or none.

        For bulk loads: one commit (and one wait for the disk) for the lot. Every disclosure is
        validated and decided before anything is written.
        """
        items = list(disclosures)
        if decision is not None and len(items) != 1:
            raise ValueError("a decision can only be given with a single disclosure")
        contents = []
        for item in items:
            view = view_of(item)  # validates a dict, once: bad input raises DisclosureError
            decided = self.checker.decide(view) if decision is None else decision
            contents.append(view_record(view, decided, decided_by=decided_by, keep_text=keep_text))
        return self._append(contents)

    def _append(self, contents: list[tuple[dict[str, Any], str]]) -> list[StoredRecord]:
        if not contents:
            return []
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
            last_id, prev = db.execute("SELECT last_id, hash FROM head").fetchone()
            rows = []
            stored = []
            for content, content_json in contents:
                last_id += 1
                recorded_at = self._clock().isoformat()
                body = _body(last_id, content_json, recorded_at)
                digest = chain_hash(prev, body)
                rows.append((last_id, prev, digest, body))
                stored.append(StoredRecord(last_id, recorded_at, prev, digest, content))
                prev = digest
            db.executemany("INSERT INTO records (id, prev_hash, hash, body) VALUES (?, ?, ?, ?)", rows)
            db.execute("UPDATE head SET last_id = ?, hash = ? WHERE one = 1", (last_id, prev))
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
        return stored

    def _rollback(self) -> None:
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")

    # -- reading ----------------------------------------------------------------------------

    def __len__(self) -> int:
        count: int = self._db.execute("SELECT count(*) FROM records").fetchone()[0]
        return count

    def records(self, *, newest_first: bool = False) -> Iterator[StoredRecord]:
        """Every record, oldest first, read as it goes (memory does not grow with the register).

        ``newest_first`` reads from the end, so that the latest few cost no more to find in a
        long register than in a short one.
        """
        query = _NEWEST_FIRST if newest_first else _OLDEST_FIRST
        for row in self._db.execute(query):
            yield _stored(*row)

    def get(self, record_id: int) -> StoredRecord | None:
        """The record with this id, or None when there is none."""
        row = self._db.execute(
            "SELECT id, prev_hash, hash, body FROM records WHERE id = ?", (record_id,)
        ).fetchone()
        return None if row is None else _stored(*row)

    def head(self) -> tuple[int, str]:
        """The id and hash of the latest record, as the register's head row gives them."""
        last_id, digest = self._db.execute("SELECT last_id, hash FROM head").fetchone()
        return int(last_id), str(digest)

    # -- checking ---------------------------------------------------------------------------

    def verify(self, expect: Mapping[int, str] | None = None) -> Verification:
        """Walk the chain and report the first record that was edited, deleted or moved.

        ``expect`` maps record ids to hashes written down earlier (for example the head hash
        noted at the annual review); a mismatch there shows a chain rewritten from that record on.
        """
        expect = dict(expect or {})
        prev_id, prev = 0, GENESIS
        count = 0
        # One read transaction, so records appended meanwhile cannot confuse the walk.
        self._db.execute("BEGIN")
        try:
            for record_id, prev_hash, digest, body in self._db.execute(
                "SELECT id, prev_hash, hash, body FROM records ORDER BY id"
            ):
                bad = _check_record(prev_id, prev, record_id, prev_hash, digest, body)
                if bad is not None:
                    return Verification(False, count, prev, *bad)
                wanted = expect.pop(record_id, None)
                if wanted is not None and wanted != digest:
                    return Verification(
                        False,
                        count,
                        prev,
                        record_id,
                        f"record {record_id} does not have the hash written down for it "
                        f"({wanted}); the chain has been rewritten from record {record_id} or earlier",
                    )
                prev_id, prev = record_id, digest
                count += 1
            head_id, head_hash = self.head()
        finally:
            self._db.execute("COMMIT")
        bad = _check_head(prev_id, prev, head_id, head_hash)
        if bad is None and expect:
            missing = min(expect)
            bad = (missing, f"record {missing} was written down with a hash but is not in the register")
        if bad is not None:
            return Verification(False, count, prev, *bad)
        return Verification(True, count, prev)

    # -- exporting --------------------------------------------------------------------------

    def export_jsonl(self, out: IO[str]) -> int:
        """Write every record as one JSON object per line; returns how many."""
        count = 0
        for record in self.records():
            out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
            count += 1
        return count

    def export_csv(self, out: IO[str]) -> int:
        """Write every record as a CSV row: the decision in brief, then the disclosure's columns.

        The disclosure columns are the ones ``ispcheck audit`` reads (see ``csv_format``).
        """
        from .csv_format import COLUMNS, LIST_SEPARATOR, disclosure_to_row

        head = [
            "id",
            "recorded_at",
            "decided_by",
            "outcome",
            "urgent",
            "rules",
            "refer_to",
            "pack",
            "pack_version",
            "made_at",
            "withheld",
        ]
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([*head, *COLUMNS, "prev_hash", "hash"])
        count = 0
        for record in self.records():
            decision = record.decision
            cells = disclosure_to_row(record.disclosure)
            writer.writerow(
                [
                    record.id,
                    record.recorded_at,
                    record.decided_by or "",
                    decision["outcome"],
                    "true" if decision.get("urgent") else "false",
                    LIST_SEPARATOR.join(f["rule_id"] for f in decision["findings"]),
                    LIST_SEPARATOR.join(decision["refer_to"]),
                    decision["pack"]["name"],
                    decision["pack"]["version"],
                    decision["made_at"],
                    LIST_SEPARATOR.join(record.withheld),
                    *(cells[c] for c in COLUMNS),
                    record.prev_hash,
                    record.hash,
                ]
            )
            count += 1
        return count

    # -- replaying --------------------------------------------------------------------------

    def replay(self, pack: Pack | Checker | str | Path) -> Iterator[Change]:
        """Re-decide every stored disclosure under another pack; yield those that change."""
        from .replay import replay

        return replay(self.records(), pack)


def _utc_now() -> datetime:
    return datetime.now(UTC)


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


def _stored(record_id: int, prev_hash: str, digest: str, body: str) -> StoredRecord:
    try:
        parsed = json.loads(body)
        return StoredRecord(record_id, parsed["recorded_at"], prev_hash, digest, parsed["record"])
    except (ValueError, KeyError, TypeError):
        raise RegisterError(
            f"record {record_id} cannot be read: it has been damaged or altered. "
            "Run `ispcheck register verify`."
        ) from None


def _check_record(
    prev_id: int, prev: str, record_id: int, prev_hash: str, digest: str, body: str
) -> tuple[int, str] | None:
    """The first thing wrong with one row, given the row before it: (bad id, why) or None."""
    expected = prev_id + 1
    if record_id != expected:
        gap = (
            f"records {expected} to {record_id - 1} are"
            if record_id - 1 > expected
            else f"record {expected} is"
        )
        return expected, f"{gap} missing: the register goes from record {prev_id} to record {record_id}"
    try:
        parsed = json.loads(body)
        claimed = parsed["id"]
    except (ValueError, KeyError, TypeError):
        parsed, claimed = None, None
    if parsed is not None and claimed != record_id:
        return record_id, (
            f"record {record_id} holds what was recorded as record {claimed}: "
            "records have been moved or reordered"
        )
    if chain_hash(prev_hash, body) != digest or parsed is None:
        return record_id, f"record {record_id} has been altered: its contents no longer match its hash"
    if prev_hash != prev:
        if prev_id == 0:
            return record_id, f"record {record_id} should be the first record, but it follows another one"
        return prev_id, (
            f"record {prev_id} has been altered (and its hash recomputed) after record {record_id} "
            f"was chained to it"
        )
    return None


def _check_head(last_id: int, last_hash: str, head_id: int, head_hash: str) -> tuple[int, str] | None:
    """Does the head row (updated with every append) agree with the last record?"""
    if head_id > last_id:
        gone = (
            f"records {last_id + 1} to {head_id} were" if head_id > last_id + 1 else f"record {head_id} was"
        )
        return last_id + 1, f"{gone} deleted: the register had {head_id} records but now ends at {last_id}"
    if head_id < last_id:
        return head_id + 1, (
            f"record {head_id + 1} was added outside ispcheck: the register's head says the last "
            f"record is {head_id}"
        )
    if head_hash != last_hash:
        return last_id, f"record {last_id} has been altered (and its hash recomputed) since it was added"
    return None
