"""Paperwork: the protocol's request forms and declarations, and the record of a decision.

Case systems call these to hand an officer the document a decision asks for::

    from ispcheck.paperwork import render_request_form, to_pdf
    html = render_request_form(disclosure, "A10")       # an agency asking the police
    to_pdf(html, "request.pdf")

Every function takes ``fmt="html"`` (A4, ready to print, or to pass to :func:`to_pdf`) or
``fmt="markdown"``. Jinja2 (and, for PDFs, Chromium) are used only here, so ``import ispcheck``
stays quick.
"""

from __future__ import annotations

from .decision_record import DecisionRecord, decision_record, render_decision_record
from .declarations import DeclarationSheet, declaration_sheet, print_declaration, render_declaration
from .errors import NoSuchPaperwork, PaperworkError, PdfError, UnknownSetting, WrongForm
from .forms import FilledForm, fill_request_form, render_request_form
from .render import FORMATS, find_chromium, to_pdf

__all__ = [
    "FORMATS",
    "DecisionRecord",
    "DeclarationSheet",
    "FilledForm",
    "NoSuchPaperwork",
    "PaperworkError",
    "PdfError",
    "UnknownSetting",
    "WrongForm",
    "decision_record",
    "declaration_sheet",
    "fill_request_form",
    "find_chromium",
    "print_declaration",
    "render_decision_record",
    "render_declaration",
    "render_request_form",
    "to_pdf",
]
