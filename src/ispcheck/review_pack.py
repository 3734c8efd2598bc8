"""The legal review pack: every clause of a protocol, what the library does about it, and the proof.

Built from three things: the pack (every clause, with its summary and scope), the rule catalogue
(which rules and standing obligations cite each clause) and the last run of the features (the
cucumber JSON that pytest-bdd writes, with each scenario's tags, steps and results). A scenario
proves the clauses it is tagged with (``@clause-4.6``) in one direction: ``@fires`` shows the
library raising them, ``@does-not-fire`` shows the nearest case, where it does not.

A per-disclosure clause is **proven** when at least one passing scenario shows each direction and
none tagged with it fails; **explained** when the pack's ``coverage.toml`` says, with a reason, why
it has no behaviour of its own on one disclosure; otherwise it is a **gap**. Organisational clauses
are listed as such, with whatever rules and scenarios touch them. :func:`build` makes the model,
:func:`render_html` and :func:`render_markdown` turn it into the documents lawyers read (Jinja2
templates in ``templates/``), and :func:`write` saves both.

This module is the one to import from. The code is in :mod:`ispcheck._review_pack`, one module per
part so that each reads in one sitting: ``results`` (the run), ``explanations`` (coverage.toml),
``coverage`` (clauses, statuses, figures), ``assembly`` (:func:`build`) and ``rendering``.
"""

from __future__ import annotations

from ._review_pack.assembly import build
from ._review_pack.coverage import ClauseReview, Coverage, ReviewPack, RuleRef
from ._review_pack.coverage import Section as Section
from ._review_pack.errors import ReviewPackError
from ._review_pack.explanations import COVERAGE_FILE, Explanation, load_explained
from ._review_pack.rendering import EFFECT_LABELS as EFFECT_LABELS
from ._review_pack.rendering import HTML_NAME as HTML_NAME
from ._review_pack.rendering import MARKDOWN_NAME as MARKDOWN_NAME
from ._review_pack.rendering import STATUS_LABELS as STATUS_LABELS
from ._review_pack.rendering import TEMPLATES as TEMPLATES
from ._review_pack.rendering import render_html, render_markdown, write
from ._review_pack.results import CLAUSE_TAG as CLAUSE_TAG
from ._review_pack.results import DIRECTIONS as DIRECTIONS
from ._review_pack.results import Direction as Direction
from ._review_pack.results import FeatureReview, Scenario, Step, load_results

__all__ = [
    "COVERAGE_FILE",
    "ClauseReview",
    "Coverage",
    "Explanation",
    "FeatureReview",
    "ReviewPack",
    "ReviewPackError",
    "RuleRef",
    "Scenario",
    "Step",
    "build",
    "load_explained",
    "load_results",
    "render_html",
    "render_markdown",
    "write",
]
