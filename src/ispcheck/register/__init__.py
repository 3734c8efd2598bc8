"""The decision register: an append-only, hash-chained record of decisions.

Appendix 2 question 8 asks "Have I recorded that I have shared this information?", and section 16
has the Board review every year how the protocol is applied. Both need a record nobody can quietly
alter. Each stored record carries the SHA-256 hash of the previous record's hash followed by its
own canonical JSON, so editing, deleting or reordering any record breaks the chain and
:meth:`Register.verify` names the first record that is wrong.

What the chain can and cannot show: someone with write access who rewrites a record *and every
hash after it* produces a chain that is consistent again. Writing down the latest hash somewhere
else (the annual review minutes, say) and passing it to ``verify(expect=...)`` closes that gap.

The parts, each with one job: :mod:`.chain` (how records are spelt and linked),
:mod:`.verification` (the walk that checks them), :mod:`.sqlite_store` (the rows in a file),
:mod:`.postgres_store` with :mod:`.postgres_schema` and :mod:`.appender` (the rows in PostgreSQL,
shared by several services, with group commit), :mod:`.targets` (a path or a URL?),
:mod:`.export` (JSON Lines and CSV) and :mod:`.core` (:class:`Register`, which decides and records).
"""

from .chain import GENESIS, RegisterError, StoredRecord, chain_hash
from .core import Register
from .verification import Verification

__all__ = ["GENESIS", "Register", "RegisterError", "StoredRecord", "Verification", "chain_hash"]
