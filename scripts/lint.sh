#!/usr/bin/env bash
# Static checks: ruff (lint and format) everywhere; mypy (strict) on the whole tree: the storage,
# the core, the sync file, the reports, the widgets and the command line.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy db desktop
