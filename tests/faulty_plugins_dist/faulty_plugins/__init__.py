"""Faulty ispcheck rule plugins, one per module, for tests only."""
