"""The decision register itself: decide, record, read back, verify, export, replay.

:class:`Register` does the deciding and the record keeping that is the same for every database;
where the rows live is a store's business (:mod:`.sqlite_store` for a file, :mod:`.postgres_store`
for a database server), chosen by :meth:`Register.open` from what it is given.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, Self

from ..decision import Decision
from ..disclosure import Disclosure
from ..records import view_record
from ..view import view_of
from .chain import Content, RegisterError, StoredRecord, stored_from_row
from .export import write_csv, write_jsonl
from .store import Store
from .targets import is_database_url
from .verification import Verification, walk

if TYPE_CHECKING:
    from ..engine import Checker

__all__ = ["DEFAULT_TIMEOUT", "Register"]

#: How long a writer waits for others before giving up, in seconds.
DEFAULT_TIMEOUT = 60.0


class Register:
    """An open decision register. Use :meth:`open`; close it (or use ``with``) when done.

    One opened on a PostgreSQL URL may be shared by every thread of a process; one opened on an
    SQLite file belongs to the thread that opened it.
    """

    def __init__(
        self,
        store: Store,
        *,
        path: Path | None = None,
        checker: Checker | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._store = store
        #: The register file, for a register kept in SQLite; None for one in a database server.
        self.path = path
        self._checker = checker
        self._checker_lock = threading.Lock()
        self._clock = clock or _utc_now

    @classmethod
    def open(
        cls,
        target: str | Path,
        *,
        create: bool = True,
        checker: Checker | None = None,
        durable: bool = True,
        timeout: float = DEFAULT_TIMEOUT,
        clock: Callable[[], datetime] | None = None,
        connect_timeout: float = 5.0,
        connections: int = 4,
    ) -> Register:
        """Open the register at ``target``, creating it if ``create`` and it does not exist.

        ``target`` is the path of an SQLite file, or a ``postgresql://`` (or ``postgres://``) URL
        for a register shared by several services: see :mod:`.postgres_store`.

        ``checker`` decides disclosures given to :meth:`add` (default: the shipped pack and
        installed plugins). ``durable`` waits for each record to reach the disk before ``add``
        returns (SQLite ``synchronous=FULL``, PostgreSQL ``synchronous_commit`` on), so a power cut
        cannot lose it; ``durable=False`` is several times faster and still survives ispcheck or
        the case system crashing, but the last records may be lost if the machine itself loses
        power. ``timeout`` is how long a writer waits for others, in seconds.

        For PostgreSQL only: ``connect_timeout`` is how long to wait for the server to answer (or
        for a free connection) before giving up with ``RegisterError``, and ``connections`` the
        most connections this register keeps open. Such a register may be shared by threads;
        one on an SQLite file belongs to the thread that opened it.
        """
        if is_database_url(target):
            try:
                from .postgres_store import PostgresStore
            except ImportError as exc:
                raise RegisterError(
                    f"a register in PostgreSQL needs the database driver, which is not installed ({exc}). "
                    "Install it with: pip install 'ispcheck[postgres]'"
                ) from None
            shared = PostgresStore.open(
                str(target),
                create=create,
                durable=durable,
                timeout=timeout,
                connect_timeout=connect_timeout,
                connections=connections,
            )
            return cls(shared, checker=checker, clock=clock)
        from .sqlite_store import SqliteStore

        path = Path(target)
        store = SqliteStore.open(path, create=create, durable=durable, timeout=timeout)
        return cls(store, path=path, checker=checker, clock=clock)

    @property
    def location(self) -> str:
        """Where the register is, as people should be told it (a path, or a URL without password)."""
        return self._store.location

    @property
    def commits(self) -> int:
        """How many write transactions this register has committed since it was opened."""
        return self._store.commits

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def checker(self) -> Checker:
        if self._checker is None:
            with self._checker_lock:  # a shared register's threads build the default checker once
                if self._checker is None:
                    from ..engine import default_checker

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
        recorded_by: str | None = None,
    ) -> StoredRecord:
        """Decide ``disclosure`` (unless ``decision`` is given) and append the decision record.

        A dict is validated first: bad input raises ``DisclosureError`` and nothing is written.
        ``decision`` stores a decision already shown to an officer rather than deciding again.
        Unless ``keep_text``, free text that may describe special category data is withheld.
        ``recorded_by`` names the service key that recorded it (kept only when given).
        """
        return self.add_many(
            [disclosure],
            decision=decision,
            decided_by=decided_by,
            keep_text=keep_text,
            recorded_by=recorded_by,
        )[0]

    def add_many(
        self,
        disclosures: Iterable[Disclosure | Mapping[str, Any]],
        *,
        decision: Decision | None = None,
        decided_by: str | None = None,
        keep_text: bool = False,
        recorded_by: str | None = None,
    ) -> list[StoredRecord]:
        """Decide and append several disclosures in one transaction: all are recorded, or none.

        For bulk loads: one commit (and one wait for the disk) for the lot. Every disclosure is
        validated and decided before anything is written.
        """
        items = list(disclosures)
        if decision is not None and len(items) != 1:
            raise ValueError("a decision can only be given with a single disclosure")
        contents: list[Content] = []
        for item in items:
            view = view_of(item)  # validates a dict, once: bad input raises DisclosureError
            decided = self.checker.decide(view) if decision is None else decision
            contents.append(
                view_record(
                    view, decided, decided_by=decided_by, keep_text=keep_text, recorded_by=recorded_by
                )
            )
        return self._store.append(contents, self._clock)

    # -- reading ----------------------------------------------------------------------------

    def __len__(self) -> int:
        return self._store.count()

    def records(self, *, newest_first: bool = False) -> Iterator[StoredRecord]:
        """Every record, oldest first, read as it goes (memory does not grow with the register).

        ``newest_first`` reads from the end, so that the latest few cost no more to find in a
        long register than in a short one.
        """
        for row in self._store.rows(newest_first=newest_first):
            yield stored_from_row(*row)

    def get(self, record_id: int) -> StoredRecord | None:
        """The record with this id, or None when there is none."""
        row = self._store.row(record_id)
        return None if row is None else stored_from_row(*row)

    def head(self) -> tuple[int, str]:
        """The id and hash of the latest record, as the register's head row gives them."""
        return self._store.head()

    # -- checking ---------------------------------------------------------------------------

    def verify(self, expect: Mapping[int, str] | None = None) -> Verification:
        """Walk the chain and report the first record that was edited, deleted or moved.

        ``expect`` maps record ids to hashes written down earlier (for example the head hash
        noted at the annual review); a mismatch there shows a chain rewritten from that record on.
        """
        with self._store.snapshot() as (rows, head):
            return walk(rows, head, expect)

    # -- exporting --------------------------------------------------------------------------

    def export_jsonl(self, out: IO[str]) -> int:
        """Write every record as one JSON object per line; returns how many."""
        return write_jsonl(self.records(), out)

    def export_csv(self, out: IO[str]) -> int:
        """Write every record as a CSV row: the decision in brief, then the disclosure's columns.

        The disclosure columns are the ones ``ispcheck audit`` reads (see ``csv_format``).
        """
        return write_csv(self.records(), out)


def _utc_now() -> datetime:
    return datetime.now(UTC)
