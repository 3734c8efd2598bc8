"""A plugin whose ispcheck_rules hook raises."""

from ispcheck import hookimpl


@hookimpl
def ispcheck_rules(pack):
    raise RuntimeError("the rule server is down")
