"""The Windows version resource of ``TDCS.exe`` and ``tdcs-cli.exe``, made from the one
version in ``pyproject.toml`` (what Explorer shows under Properties → Details, and what an
installer or an administrator checks to tell one build from another).

Kept apart from the spec so that a test can check it without building anything, and
usable from a shell (the installer needs the same numbers):

    python packaging/winversion.py      # prints "0.1.0 0.1.0.0"
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
COMPANY = "TDCS — Cần Thơ"
PRODUCT = "TDCS"
DESCRIPTION = "TDCS — theo dõi thực hiện Chỉ thị 39-CT/TW"
#: Vietnamese (0x042A) with the Unicode code page (1200), as the strings are Vietnamese.
LANGUAGE, CODEPAGE = 0x042A, 1200


def project_version(root: Path = ROOT) -> str:
    with (root / "pyproject.toml").open("rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def numeric_version(version: str) -> tuple[int, int, int, int]:
    """Windows wants four 16-bit numbers: the leading release numbers, so ``0.2.0rc1``
    becomes ``(0, 2, 0, 0)``."""
    match = re.match(r"\d+(?:\.\d+)*", version)
    if match is None:
        raise ValueError(f"not a version: {version!r}")
    numbers = [*(int(n) for n in match.group().split(".")), 0, 0, 0][:4]
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def version_resource(version: str, filename: str, description: str = DESCRIPTION) -> Any:
    """The ``VSVersionInfo`` for one program. PyInstaller's version-resource module needs
    ``pefile``, which it installs only on Windows, hence the import here."""
    from PyInstaller.utils.win32.versioninfo import (
        FixedFileInfo,
        StringFileInfo,
        StringStruct,
        StringTable,
        VarFileInfo,
        VarStruct,
        VSVersionInfo,
    )

    numbers = numeric_version(version)
    strings = [
        StringStruct("CompanyName", COMPANY),
        StringStruct("FileDescription", description),
        StringStruct("FileVersion", version),
        StringStruct("InternalName", filename.removesuffix(".exe")),
        StringStruct("LegalCopyright", "GPL-3.0-or-later"),
        StringStruct("OriginalFilename", filename),
        StringStruct("ProductName", PRODUCT),
        StringStruct("ProductVersion", version),
    ]
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            StringFileInfo([StringTable(f"{LANGUAGE:04X}{CODEPAGE:04X}", strings)]),
            VarFileInfo([VarStruct("Translation", [LANGUAGE, CODEPAGE])]),
        ],
    )


if __name__ == "__main__":
    current = project_version()
    print(current, ".".join(str(n) for n in numeric_version(current)))
