"""Tests of the command line's checklist: what the officer sees and types."""
