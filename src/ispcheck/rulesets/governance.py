"""Governance: is the protocol itself due for review? (16.1, 18, 19.1)"""

from __future__ import annotations

from collections.abc import Sequence

from ..decision import Effect
from ..gates import normalise_when
from ..hookspecs import hookimpl
from ..pack import Pack
from ..rule import Rule
from ..templating import day_in_words


def review_rule(pack: Pack) -> Rule:
    """Advice on every decision made after the pack's review fell due (annual, for most)."""
    meta = pack.meta
    due = meta.review_due
    review = _review_in_words(meta.review_interval_months)
    return Rule(
        id="governance.pack-past-review",
        title=f"The protocol is within its {review}",
        effect=Effect.ADVICE,
        clauses=("annual-review", "start-and-review", "change-history"),
        message=(
            f"This protocol was last updated on {day_in_words(meta.last_updated)} and its {review} fell due "
            f"on {day_in_words(due)}, so it may be out of date."
        ),
        action=f"Check with the {meta.publisher} for a newer version before relying on this.",
        personal_only=False,
        check=None,
        when=normalise_when({"pack_past_review": True}),
    )


def _review_in_words(months: int) -> str:
    """ "annual review" for a protocol reviewed every 12 months; otherwise how often, in months."""
    return "annual review" if months == 12 else f"review (every {months} months)"


@hookimpl
def ispcheck_rules(pack: Pack) -> Sequence[Rule]:
    return (review_rule(pack),)
