"""Python generated at run time, compiled so that tracebacks and debuggers can show its source.

The gate tables (:mod:`ispcheck.gates`), the rule plans (:mod:`ispcheck.plans`) and the view's
text check (:mod:`ispcheck.view`) write small functions out as source and compile them, because a
generated function with no loop is faster than a general one. Code compiled from a string has no
file, so a traceback through it would show a file name and a line number but not the line. As
attrs does, the source is put in :mod:`linecache` under a name of its own, so ``traceback``,
``pdb`` and pytest show the generated lines like any other.
"""

from __future__ import annotations

import hashlib
import linecache
from typing import Any

__all__ = ["run_generated"]


def run_generated(source: str, what: str, namespace: dict[str, Any]) -> None:
    """Compile ``source`` and run it in ``namespace``, with its lines kept for tracebacks.

    The file name says what the code is and carries a digest of the source (``<ispcheck gate
    tables 3f2a9c01d4e5>``), so two checkers built from the same rules share one entry, and two
    different sources never overwrite each other's lines.
    """
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()[:12]
    filename = f"<ispcheck {what} {digest}>"
    # A modification time of None keeps the entry through linecache.checkcache(), which would
    # otherwise drop a "file" it cannot find on disk.
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    exec(compile(source, filename, "exec"), namespace)
