"""Runs every scenario of features/*.feature: the executable specification lawyers review.

Each scenario is one pytest test, named after it; its tags (``@clause-4.6``, ``@fires``) are
markers, so ``pytest tests/bdd -m clause-4.6`` runs the scenarios proving paragraph 4.6.
"""

from __future__ import annotations

from pytest_bdd import scenarios

scenarios("../../features")
