#!/usr/bin/env bash
# Build the Linux bundle of TDCS (dist/TDCS: TDCS and tdcs-cli) from packaging/tdcs.spec, the
# spec the Windows build uses, in the project's .venv. Arguments go to PyInstaller (--clean
# for a release). Then smoke-test it:
#
#   TDCS_FROZEN_APP=dist/TDCS .venv/bin/python -m pytest tests/test_frozen.py
#
# .ci/run does both on every run, so a change that breaks the frozen program (a data file
# not bundled, an import PyInstaller cannot see) fails CI, not a commune's PC.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/bootstrap.sh
wanted=$(grep -i '^pyinstaller==' packaging/constraints.txt | cut -d= -f3)
if [ "$(.venv/bin/python -c 'import PyInstaller; print(PyInstaller.__version__)' 2>/dev/null)" != "$wanted" ]; then
    echo "build-linux: installing PyInstaller $wanted into .venv"
    .venv/bin/python -m pip install --quiet --disable-pip-version-check \
        -c packaging/constraints.txt pyinstaller pyinstaller-hooks-contrib
fi
start=$(date +%s)
.venv/bin/python -m PyInstaller --noconfirm --log-level WARN --distpath dist \
    --workpath build/pyinstaller "$@" packaging/tdcs.spec
echo "build-linux: dist/TDCS built in $(($(date +%s) - start)) s," \
    "$(du -sh dist/TDCS | cut -f1), $(find dist/TDCS -type f | wc -l) files"
