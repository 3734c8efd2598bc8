"""What can stop a document being produced, each with a message a person can act on."""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import IspcheckError

__all__ = ["NoSuchPaperwork", "PaperworkError", "PdfError", "UnknownSetting", "WrongForm"]


class PaperworkError(IspcheckError):
    """A document could not be produced. The message says why and what to do."""


class UnknownSetting(PaperworkError, ValueError):
    """The meeting setting named for a declaration is not one the pack knows."""

    def __init__(self, given: str, known: Sequence[tuple[str, str]]) -> None:
        self.given = given
        self.known = tuple(known)
        lines = "\n".join(f"  {code:<26} {name}" for code, name in self.known)
        super().__init__(
            f"{given!r} is not a meeting setting. Use one of these (or its declaration's clause id):\n{lines}"
        )


class WrongForm(PaperworkError, ValueError):
    """The disclosure does not fit the form asked for (for example, nobody in it is the police)."""


class NoSuchPaperwork(PaperworkError, LookupError):
    """The pack has no such form or declaration (or no forms.toml / declarations.toml at all)."""


class PdfError(PaperworkError, RuntimeError):
    """Chromium is missing, or could not print the PDF."""
