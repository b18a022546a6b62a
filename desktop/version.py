"""The one version number, read from ``pyproject.toml`` (via installed metadata when present).

The sync manifest, the window title, ``tdcs --version``, the PyInstaller spec and the
Windows version resource all take it from here.
"""

from __future__ import annotations

import sys
import tomllib
from functools import cache
from importlib import metadata
from pathlib import Path

APP_NAME = "TDCS"
DISTRIBUTION = "tdcs"


def source_root() -> Path:
    """The folder holding ``resources/`` (the repository, or the frozen bundle)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


@cache
def app_version() -> str:
    pyproject = source_root() / "pyproject.toml"
    if pyproject.is_file():
        with pyproject.open("rb") as fh:
            return str(tomllib.load(fh)["project"]["version"])
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "0+unknown"
