"""The parts of the legal review pack. Import them from :mod:`ispcheck.review_pack`, not from here.

One module per part, each readable in one sitting: :mod:`.results` reads a run of the features,
:mod:`.explanations` the pack's ``coverage.toml``, :mod:`.coverage` is what the review pack shows
(clauses, statuses, figures), :mod:`.assembly` builds it and :mod:`.rendering` writes it as HTML
and Markdown. :mod:`.errors` holds the one error they all raise.
"""
