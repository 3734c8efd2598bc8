"""The one error of the review pack, in a module of its own so that every part can raise it."""

from __future__ import annotations

from ..errors import IspcheckError

__all__ = ["ReviewPackError"]


class ReviewPackError(IspcheckError):
    """The review pack cannot be built: the results or the coverage file are missing or malformed."""
