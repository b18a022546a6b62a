#!/usr/bin/env bash
# Start TDCS (setting everything up first if needed). Arguments go to the program, e.g.
#   scripts/run.sh --data-dir /tmp/tdcs-try
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/bootstrap.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "run: no screen found; starting TDCS on a virtual screen (Xvfb)." >&2
    echo "run: open a desktop session to see the window." >&2
    exec xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/tdcs gui "$@"
fi
exec .venv/bin/tdcs gui "$@"
