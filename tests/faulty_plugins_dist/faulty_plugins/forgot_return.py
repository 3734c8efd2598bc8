"""A plugin whose block rule forgot its return: it must not read as "did not fire"."""

from ispcheck import Effect, hookimpl, rule


@rule(
    "faulty.forgot-return",
    title="Forgot its return",
    effect=Effect.BLOCK,
    clauses=("4.4",),
    message="never seen",
    action="Stop.",
)
def forgot(d, f):
    d.context.setting  # noqa: B018 - works, then returns nothing


@hookimpl
def ispcheck_rules(pack):
    return (forgot,)
