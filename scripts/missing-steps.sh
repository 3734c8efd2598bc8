#!/usr/bin/env bash
# For lawyers proposing a scenario: which steps of a feature file the step library does not have
# yet, with the nearest phrases it does have, and whether the clause tags hold.
#   bash scripts/missing-steps.sh features/my-proposal.feature
#   bash scripts/missing-steps.sh --phrases        # every phrase the library has
# Exit status 0: the feature can run as written; 1: hand it to a developer; 2: unreadable file.
set -euo pipefail
args=()
for arg in "$@"; do
  if [[ "$arg" == -* ]]; then args+=("$arg"); else args+=("$(realpath -m -- "$arg")"); fi
done
cd "$(dirname "$0")/.."
exec .venv/bin/python -m tests.bdd.missing_steps ${args[@]+"${args[@]}"}
