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
    """Advice on every decision made after the pack's annual review fell due."""
    meta = pack.meta
    due = meta.review_due
    return Rule(
        id="governance.pack-past-review",
        title="The protocol is within its annual review",
        effect=Effect.ADVICE,
        clauses=("annual-review", "start-and-review", "change-history"),
        message=(
            f"This protocol was last updated on {day_in_words(meta.last_updated)} and its annual review "
            f"fell due on {day_in_words(due)}, so it may be out of date."
        ),
        action=f"Check with the {meta.publisher} for a newer version before relying on this.",
        personal_only=False,
        check=None,
        when=normalise_when({"pack_past_review": True}),
    )


@hookimpl
def ispcheck_rules(pack: Pack) -> Sequence[Rule]:
    return (review_rule(pack),)
