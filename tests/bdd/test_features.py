"""Runs every scenario of features/*.feature: the executable specification lawyers review.

Each scenario is one pytest test, named after it; its tags (``@clause-4.6``, ``@fires``) are
markers, so ``pytest tests/bdd -m clause-4.6`` runs the scenarios proving paragraph 4.6. These are
the default pack's features; another pack's (``features/<pack>/``) run from a module of their own
that names the pack (``test_example_features.py``).
"""

from __future__ import annotations

from pytest_bdd import scenarios

from tests.bdd.gherkin import feature_paths

scenarios(*(str(path) for path in feature_paths()))
