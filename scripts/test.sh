#!/usr/bin/env bash
# Run the whole test suite headless (setting everything up first if needed). Arguments go to
# pytest, e.g. scripts/test.sh -x -k wizard
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/bootstrap.sh
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
