"""Reading and writing JSON-shaped disclosures by dotted path (``consent.status``).

The checklist, the sensitivity search and the error messages all name facts this way.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["get_path", "set_path"]


def get_path(data: Mapping[str, Any], path: str) -> Any:
    """The value at ``path``, or None where any part of it is missing."""
    node: Any = data
    for part in path.split("."):
        if not isinstance(node, Mapping):
            return None
        node = node.get(part)
    return node


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Set the value at ``path`` in place, making (or replacing) groups on the way."""
    *parents, last = path.split(".")
    node = data
    for part in parents:
        if not isinstance(node.get(part), dict):
            node[part] = {}
        node = node[part]
    node[last] = value
