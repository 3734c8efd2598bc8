"""Writing a file whole or not at all, for every document and record ispcheck writes.

A crash, a full disk or a closed terminal must never leave half a form, record or review pack
where someone will read it as complete.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

__all__ = ["open_atomically", "write_atomically"]


def write_atomically(path: str | Path, data: str | bytes, *, mode: int | None = None) -> Path:
    """Write ``data`` (text as UTF-8) into a temporary file beside ``path``, then rename it over.

    The file is readable by its owner only, as a temporary file is: most of what ispcheck writes
    is about people. ``mode`` widens that for a file that holds nothing personal.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with _replacing(target, mode) as handle, os.fdopen(handle, "wb") as out:
        out.write(payload)
    return target


@contextmanager
def open_atomically(path: str | Path, *, newline: str | None = None) -> Iterator[IO[str]]:
    """A UTF-8 text file to write as it goes, which appears at ``path`` only once it is complete.

    For output too long to hold in memory (an export, an audit). If the block raises, nothing
    appears and any file already at ``path`` is left as it was. Readable by its owner only.
    """
    with (
        _replacing(Path(path), None) as handle,
        os.fdopen(handle, "w", encoding="utf-8", newline=newline) as out,
    ):
        yield out


@contextmanager
def _replacing(target: Path, mode: int | None) -> Iterator[int]:
    """A temporary file beside ``target`` (so the rename cannot cross disks), renamed over it.

    The caller closes the file before the block ends. Anything raised, even Ctrl-C, deletes it.
    """
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        yield handle
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
