#!/usr/bin/env bash
# Sets up a fresh environment and runs every check the project has: lint, types, the test suite.
# Needs only Python 3.11+ and the package registry. Used by the README and by CI (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "ispcheck needs Python 3.11 or newer")'

bash scripts/install-system-deps.sh
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --disable-pip-version-check -q -e '.[test]'

echo "== ruff"
.venv/bin/ruff check src tests benchmarks examples scripts
.venv/bin/ruff format --check src tests benchmarks examples scripts
echo "== mypy"
.venv/bin/mypy
echo "== pytest"
.venv/bin/python -m pytest "$@"
