"""What a register needs from the database that holds it.

:class:`~ispcheck.register.Register` decides, validates and chains nothing itself in SQL: a store
only appends rows under its own lock, reads them back, and gives one consistent snapshot for the
verify walk. Keeping the interface this small is what lets SQLite and PostgreSQL hold the same
records and hashes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Protocol

from .chain import Content, Row, StoredRecord

__all__ = ["Snapshot", "Store"]

#: The rows oldest first, and a way to read the head row, from one read transaction.
Snapshot = tuple[Iterator[Row], Callable[[], tuple[int, str]]]


class Store(Protocol):
    """Where the rows live: an SQLite file or a PostgreSQL database."""

    @property
    def location(self) -> str:
        """The register's place as people should be told it: a path, or a URL without password."""
        ...

    @property
    def commits(self) -> int:
        """How many write transactions this store has committed since it was opened."""
        ...

    def append(self, contents: Sequence[Content], clock: Callable[[], datetime]) -> list[StoredRecord]:
        """Chain and store ``contents`` after the head, all in one transaction, or raise and store none."""
        ...

    def rows(self, *, newest_first: bool) -> Iterator[Row]:
        """Every row, read as it goes."""
        ...

    def row(self, record_id: int) -> Row | None: ...

    def count(self) -> int: ...

    def head(self) -> tuple[int, str]: ...

    def snapshot(self) -> AbstractContextManager[Snapshot]:
        """Rows and head as of one moment, so appends meanwhile cannot confuse a verify walk."""
        ...

    def close(self) -> None: ...
