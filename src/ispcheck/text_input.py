"""Reading a disclosure written as JSON or YAML into plain data, before any validation.

Kept apart from :mod:`ispcheck.validation` so that the command line can read a file and hand the
data to the fast path without building the contract models.
"""

from __future__ import annotations

import json
from typing import Any

from .errors import DisclosureError, Problem

__all__ = ["read_disclosure_text"]


def read_disclosure_text(text: str, *, source: str = "input") -> Any:
    """The data of a disclosure written as JSON or YAML, not yet validated.

    For callers that validate on the fast path (``Checker.check`` takes the data as it is).
    """
    try:
        data = json.loads(text)
    except ValueError:
        import yaml  # only hand-written files need it, so it is not imported on the hot path

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            where = getattr(exc, "problem_mark", None)
            at = f" at line {where.line + 1}, column {where.column + 1}" if where else ""
            raise DisclosureError(
                [Problem("", f"{source} is neither valid JSON nor valid YAML{at}")]
            ) from None
    if data is None:
        raise DisclosureError([Problem("", f"{source} is empty")])
    return data
