"""Writing a file whole or not at all, for every document and record ispcheck writes.

A crash, a full disk or a closed terminal must never leave half a form, record or review pack
where someone will read it as complete.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["write_atomically"]


def write_atomically(path: str | Path, data: str | bytes, *, mode: int | None = None) -> Path:
    """Write ``data`` (text as UTF-8) into a temporary file beside ``path``, then rename it over.

    The file is readable by its owner only, as a temporary file is: most of what ispcheck writes
    is about people. ``mode`` widens that for a file that holds nothing personal.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
