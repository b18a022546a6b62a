#!/usr/bin/env bash
# Static checks: ruff (lint and format) everywhere; mypy (strict) on the storage, the core,
# the sync file and the use cases (desktop/app).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy db desktop/core desktop/sync desktop/app
