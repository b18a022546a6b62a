#!/usr/bin/env bash
# Prepare this machine for TDCS: the system libraries Qt needs (Debian/Ubuntu), a virtual
# environment in .venv, and the project installed into it (editable, with the dev tools), at the
# versions of packaging/constraints.txt: the ones the release bundles, and pinned dev tools.
# Safe to run again: it only does what is missing. Used by scripts/run.sh and scripts/test.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Offscreen Qt (tests), a real window (xcb, Xvfb), and the PDF tools the report tests use.
QT_OFFSCREEN="libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3"
QT_WINDOW="libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 xvfb xauth"
TOOLS="poppler-utils"
# TDCS_WITH_POSTGRESQL=1 (.ci/run sets it): also PostgreSQL's server, for the tests that start
# a throw-away one (tests/pg_server.py); without it those tests are skipped.
[ "${TDCS_WITH_POSTGRESQL:-0}" = 1 ] && TOOLS="$TOOLS postgresql"

system_packages() {
    command -v dpkg-query >/dev/null 2>&1 || { echo "bootstrap: not a Debian system; install Qt's libraries yourself." >&2; return 0; }
    local missing=()
    for pkg in $QT_OFFSCREEN $QT_WINDOW $TOOLS; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local cmd=(apt-get install -y --no-install-recommends "${missing[@]}")
    if [ "$(id -u)" -eq 0 ]; then
        echo "bootstrap: installing ${missing[*]}"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive "${cmd[@]}" -qq >/dev/null
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq
        sudo DEBIAN_FRONTEND=noninteractive "${cmd[@]}" -qq >/dev/null
    else
        echo "bootstrap: Qt needs these system packages. Run, then start again:" >&2
        echo "    sudo apt-get update && sudo ${cmd[*]}" >&2
        exit 1
    fi
}

find_python() {
    for candidate in "${TDCS_PYTHON:-}" python3.11 python3.12 python3.13 python3; do
        [ -n "$candidate" ] || continue
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(not ((3, 11) <= sys.version_info[:2] < (3, 14)))' 2>/dev/null; then
            echo "$candidate"; return 0
        fi
    done
    echo "bootstrap: Python 3.11 to 3.13 is needed (set TDCS_PYTHON to choose one)." >&2
    exit 1
}

virtualenv() {
    local python; python=$(find_python)
    if [ ! -x .venv/bin/python ]; then
        echo "bootstrap: creating .venv with $python"
        "$python" -m venv .venv || {
            echo "bootstrap: 'python -m venv' failed; on Debian install python3-venv." >&2; exit 1; }
    fi
    # Reinstall only when the project's requirements or the pins changed since the last install.
    local stamp=.venv/.tdcs-installed
    if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ packaging/constraints.txt -nt "$stamp" ]; then
        echo "bootstrap: installing TDCS and its dependencies into .venv"
        .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
        .venv/bin/python -m pip install --quiet --disable-pip-version-check \
            -c packaging/constraints.txt -e ".[dev]"
        touch "$stamp"
    fi
}

system_packages
virtualenv
