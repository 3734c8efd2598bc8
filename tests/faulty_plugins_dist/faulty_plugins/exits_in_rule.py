"""A plugin whose rule calls sys.exit() when asked."""

import sys

from ispcheck import Effect, hookimpl, rule


@rule("faulty.exits", title="Exits", effect=Effect.ADVICE, clauses=("4.4",), message="never seen")
def exits(d, f):
    sys.exit(0)


@hookimpl
def ispcheck_rules(pack):
    return (exits,)
