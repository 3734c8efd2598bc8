"""A plugin whose ispcheck_obligations hook returns 42."""

from ispcheck import hookimpl


@hookimpl
def ispcheck_obligations(pack):
    return 42
