"""The two places a register can live, behind one face, so that each behaviour is tested on both.

A test asks for ``backend`` and gets an SQLite file or a PostgreSQL database of its own; it can
read a stored row and change rows behind ispcheck's back (as someone with full access could:
the sqlite3 shell on a file, a superuser with the triggers switched off on PostgreSQL).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from .postgres import PostgresServer

BACKENDS = ("sqlite", "postgresql")


@dataclass
class Backend:
    """Where one test's register lives: ``target`` is what ``Register.open`` and ``--db`` take."""

    name: str
    target: str
    server: PostgresServer | None = None
    database: str = ""

    @property
    def postgres(self) -> bool:
        return self.name == "postgresql"

    def _execute(self, statements: tuple[tuple[str, tuple[Any, ...]], ...], *, triggers: bool) -> list[Any]:
        """Run ``statements`` (with ``?`` placeholders) as the owner; the last one's rows."""
        found: list[Any] = []
        if self.server is not None:
            with self.server.admin(self.database) as db:
                if not triggers:
                    db.execute("SET session_replication_role = replica")  # a superuser's way round them
                for sql, params in statements:
                    cursor = db.execute(sql.replace("?", "%s"), params)
                    found = cursor.fetchall() if cursor.description else []
            return found
        db = sqlite3.connect(self.target, isolation_level=None)
        try:
            if not triggers:
                for trigger in ("records_append_only_update", "records_append_only_delete"):
                    db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
            for sql, params in statements:
                found = db.execute(sql, params).fetchall()
        finally:
            db.close()
        return found

    def tamper(self, *statements: tuple[str, tuple[Any, ...]]) -> None:
        """Change the register behind ispcheck's back, past the triggers that refuse it."""
        self._execute(statements, triggers=False)

    def execute(self, sql: str, *params: Any) -> list[Any]:
        """Run one statement as the owner, triggers and all (they may refuse it)."""
        return self._execute(((sql, params),), triggers=True)

    def row(self, record_id: int) -> tuple[str, str, str]:
        (found,) = self.execute("SELECT prev_hash, hash, body FROM records WHERE id = ?", record_id)
        return tuple(found)  # type: ignore[return-value]

    def exists(self) -> bool:
        """Has anything created a register here (a file, or the tables)?"""
        if self.server is None:
            return Path(self.target).exists()
        (found,) = self.execute(
            "SELECT to_regclass('records') IS NOT NULL OR to_regclass('head') IS NOT NULL"
        )
        return bool(found[0])


def make_backend(request: pytest.FixtureRequest, tmp_path: Path, name: str) -> Backend:
    if name == "sqlite":
        return Backend(name, str(tmp_path / "register.sqlite"))
    server: PostgresServer = request.getfixturevalue("postgres_server")
    database = server.create_database()
    return Backend(name, server.url(database), server, database)
