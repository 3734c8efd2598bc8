"""Telling a database URL from a file path, and naming a database without its password.

Kept apart from the PostgreSQL store so that the command line can tell them apart (and print a
register's place) without importing the database driver.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

__all__ = ["URL_SCHEMES", "is_database_url", "shown_url"]

#: What a PostgreSQL connection URL starts with (libpq accepts both).
URL_SCHEMES = ("postgresql://", "postgres://")


def is_database_url(target: str | Path) -> bool:
    """Is ``target`` a PostgreSQL URL rather than the path of an SQLite file?"""
    return isinstance(target, str) and target.lower().startswith(URL_SCHEMES)


def shown_url(url: str) -> str:
    """``url`` as it may be printed and logged: without a password, wherever it was given."""
    parts = urlsplit(url)
    userinfo, at, hosts = parts.netloc.rpartition("@")
    netloc = f"{userinfo.partition(':')[0]}@{hosts}" if at else hosts
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k.lower() != "password"], safe="/")
    # Not urlunsplit: it drops the "//" of a URL with no host (a local socket), which libpq needs.
    return f"{parts.scheme}://{netloc}{parts.path}" + (f"?{query}" if query else "")
