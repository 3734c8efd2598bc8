"""The versions of a protocol, each in force from a day: which one governed a decision.

A protocol changes every year (its change history lists the annual updates), and a decision
audited or replayed later must be judged by the version in force on its day, as OpenFisca's dated
parameters are. A pack lists its versions in ``versions.toml``, newest first. The pack's own files
are the newest version's text; an older version whose text the partnership keeps has a folder in
the pack holding the files in which it differs (its own ``pack.toml`` at least). A version whose
text is not held is still listed, so that a decision on a day it governed says so instead of
passing silently under a later text.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import msgspec

__all__ = ["VERSIONS_FILE", "PackVersion", "Versions", "read_versions", "version_on"]

#: The optional file of a pack that lists its dated versions.
VERSIONS_FILE = "versions.toml"


class _VersionEntry(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    id: Annotated[str, msgspec.Meta(min_length=1)]
    title: Annotated[str, msgspec.Meta(min_length=1)]
    in_force_from: date
    summary: Annotated[str, msgspec.Meta(min_length=1)]
    #: A folder inside the pack with this version's files that differ from the pack's own.
    folder: str | None = None


@dataclass(frozen=True, slots=True)
class PackVersion:
    """One version of the protocol and the day it came into force."""

    id: str
    title: str
    in_force_from: date
    summary: str
    #: Where its text is: None for the pack's own files (the newest version) or a version whose
    #: text is not held (``held`` says which); otherwise its folder inside the pack.
    folder: Path | None
    held: bool


@dataclass(frozen=True, slots=True)
class Versions:
    """What ``versions.toml`` says: the versions, newest first, and the clauses that list them."""

    versions: tuple[PackVersion, ...] = ()
    #: The protocol's own clauses on its versions (its change history), cited when a decision is
    #: made under a text other than the one in force on its day.
    clauses: tuple[str, ...] = ()


def read_versions(folder: Path, newest_id: str) -> tuple[Versions, list[str]]:
    """The pack's versions, newest first, and every problem with ``versions.toml``.

    No file means one version, the pack's own (no versions listed). ``newest_id`` is the version
    the pack's ``pack.toml`` says its files are: the newest listed must be it.
    """
    path = folder / VERSIONS_FILE
    try:
        raw: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Versions(), []
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Versions(), [f"{VERSIONS_FILE}: could not be read ({exc})"]
    problems: list[str] = []
    unknown = sorted(set(raw) - {"version", "clauses"})
    if unknown:
        problems.append(f"{VERSIONS_FILE}: unknown key {', '.join(unknown)} (allowed: clauses, [[version]])")
    clauses = raw.get("clauses")
    if not (isinstance(clauses, list) and clauses and all(isinstance(c, str) and c for c in clauses)):
        problems.append(f"{VERSIONS_FILE}: clauses must list the clause ids of the protocol's change history")
        clauses = []
    entries: list[_VersionEntry] = []
    for index, item in enumerate(raw.get("version", [])):
        try:
            entries.append(msgspec.convert(item, _VersionEntry))
        except msgspec.ValidationError as exc:
            problems.append(f"{VERSIONS_FILE}: version[{index}]: {exc}")
    if problems or not entries:
        return Versions(), problems or [f"{VERSIONS_FILE}: no [[version]] listed"]
    versions: list[PackVersion] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        where = f"{VERSIONS_FILE}: version[{index}] ({entry.id})"
        if entry.id in seen:
            problems.append(f"{where}: the id is listed twice")
        seen.add(entry.id)
        if index and entry.in_force_from >= entries[index - 1].in_force_from:
            problems.append(
                f"{where}: versions are listed newest first, each in force before the one above it"
            )
        text: Path | None = None
        if index == 0:
            if entry.id != newest_id:
                problems.append(
                    f"{where}: the newest version must be the pack's own files, whose pack.toml says "
                    f"version {newest_id!r}"
                )
            if entry.folder is not None:
                problems.append(f"{where}: the newest version is the pack's own files, so has no folder")
        elif entry.folder is not None:
            text = (folder / entry.folder).resolve()
            if not text.is_relative_to(folder.resolve()) or not (text / "pack.toml").is_file():
                problems.append(
                    f"{where}: folder {entry.folder!r} is not a folder of the pack with a pack.toml"
                )
                text = None
        versions.append(
            PackVersion(
                entry.id,
                entry.title,
                entry.in_force_from,
                entry.summary,
                text,
                held=index == 0 or text is not None,
            )
        )
    return Versions(tuple(versions), tuple(clauses)), problems


def version_on(versions: tuple[PackVersion, ...], day: date) -> PackVersion | None:
    """The version in force on ``day``: the newest that came into force on or before it.

    None when ``day`` is before every version (the protocol was not yet in force).
    """
    return next((v for v in versions if v.in_force_from <= day), None)
