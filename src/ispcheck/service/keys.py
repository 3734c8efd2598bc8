"""The service's access keys: named, scoped, stored only as hashes.

A case system calls the service with ``Authorization: Bearer KEY``. The keys file is what an
administrator manages with ``ispcheck keys``; it holds each key's name, scopes and the SHA-256
of the key, never the key itself, so a copy of the file (a backup, a support ticket) lets nobody
call the service. A key is 32 random bytes, so an unsalted hash cannot be reversed by guessing.
Keys are compared in constant time, every stored hash each time, so the answer's timing says
nothing about how close a wrong key was.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import IspcheckError
from ..files import write_atomically

__all__ = ["SCOPES", "ApiKey", "KeyStore", "KeysFileError"]

#: What a key may do: decide (and read the rules, partners, schema and pack), record decisions in
#: the register, and read the register.
SCOPES = ("decide", "record", "register:read")
#: Marks a key for what it is, so one pasted in the wrong place is recognised.
_PREFIX = "isk_"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_FORMAT = "ispcheck_keys"


class KeysFileError(IspcheckError):
    """The keys file cannot be read or changed as asked."""


@dataclass(frozen=True, slots=True)
class ApiKey:
    """One key as stored: who it is for and what it may do, never the key itself."""

    name: str
    scopes: tuple[str, ...]
    digest: str
    created_at: str
    revoked_at: str | None = None

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def allows(self, scope: str) -> bool:
        return self.active and scope in self.scopes

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "scopes": list(self.scopes),
            "sha256": self.digest,
            "created_at": self.created_at,
            "revoked_at": self.revoked_at,
        }


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class KeyStore:
    """The keys of one keys file, loaded once; changes are written back atomically."""

    def __init__(self, keys: Iterable[ApiKey] = (), path: Path | None = None) -> None:
        self.keys = list(keys)
        self.path = path

    @classmethod
    def load(cls, path: str | Path, *, create: bool = False) -> KeyStore:
        """The keys in ``path`` (an empty store if ``create`` and there is no file yet)."""
        path = Path(path)
        if create and not path.exists():
            return cls([], path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise KeysFileError(
                f"there is no keys file at {path}: make one with `ispcheck keys add`"
            ) from None
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise KeysFileError(f"the keys file {path} cannot be read: {exc}") from None
        if (
            not isinstance(data, dict)
            or data.get("format") != _FORMAT
            or not isinstance(data.get("keys"), list)
        ):
            raise KeysFileError(f"{path} is not an ispcheck keys file")
        keys = []
        for index, entry in enumerate(data["keys"]):
            try:
                keys.append(
                    ApiKey(
                        name=str(entry["name"]),
                        scopes=tuple(str(s) for s in entry["scopes"]),
                        digest=str(entry["sha256"]),
                        created_at=str(entry["created_at"]),
                        revoked_at=entry.get("revoked_at"),
                    )
                )
            except (KeyError, TypeError):
                raise KeysFileError(f"{path}: key {index} is missing its name, scopes or hash") from None
        return cls(keys, path)

    def save(self) -> None:
        if self.path is None:
            raise KeysFileError("these keys have no file to be saved to")
        text = json.dumps({"format": _FORMAT, "keys": [k.to_dict() for k in self.keys]}, indent=2) + "\n"
        write_atomically(self.path, text, mode=0o600)

    def add(self, name: str, scopes: Iterable[str]) -> str:
        """Make a key for ``name`` with ``scopes``; returns the key, which is stored only as its hash."""
        wanted = tuple(dict.fromkeys(s.strip() for s in scopes if s.strip()))
        if not _NAME.match(name):
            raise KeysFileError(
                f"a key's name is letters, digits, '.', '_' or '-' (up to 64, starting with a letter or "
                f"digit), not {name!r}"
            )
        unknown = [s for s in wanted if s not in SCOPES]
        if unknown or not wanted:
            raise KeysFileError(
                f"scopes must be one or more of {', '.join(SCOPES)}"
                + (f" (not {', '.join(unknown)})" if unknown else "")
            )
        if any(k.name == name and k.active for k in self.keys):
            raise KeysFileError(
                f"there is already a key named {name}: revoke it first, or choose another name"
            )
        key = _PREFIX + secrets.token_urlsafe(32)
        self.keys.append(ApiKey(name, wanted, _digest(key), _now()))
        return key

    def revoke(self, name: str) -> ApiKey:
        """Revoke the active key named ``name``: it stops working once the service reloads its keys."""
        for index, key in enumerate(self.keys):
            if key.name == name and key.active:
                revoked = ApiKey(key.name, key.scopes, key.digest, key.created_at, _now())
                self.keys[index] = revoked
                return revoked
        raise KeysFileError(f"there is no active key named {name}")

    def authenticate(self, presented: str) -> ApiKey | None:
        """The active key whose hash matches ``presented``, compared in constant time, or None."""
        digest = _digest(presented)
        found = None
        for key in self.keys:
            if hmac.compare_digest(digest, key.digest) and key.active:
                found = key
        return found


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()
