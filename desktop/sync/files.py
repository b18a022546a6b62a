"""Files on disk: names a person can read, reads that never swallow a huge one. (Writes go
through :func:`desktop.core.userfiles.write_atomically`, private.)"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.sync.errors import SyncRefused

M_CANNOT_READ = QT_TRANSLATE_NOOP("Sync", "Cannot read the file {path}: {reason}")
M_FILE_TOO_LARGE = QT_TRANSLATE_NOOP(
    "Sync", "The file {path} is too large ({size} MB; at most {limit} MB). It was not read."
)


def ascii_name(name: str) -> str:
    """``"Cái Khế"`` → ``"CaiKhe"``; ``"Thới An Đông"`` → ``"ThoiAnDong"``: letters and
    digits only, each word capitalised, so the name survives any e-mail system."""
    folded = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    words = re.findall(r"[A-Za-z0-9]+", plain)
    return "".join(w[:1].upper() + w[1:] for w in words) or "X"


def export_file_name(code: str, name: str, seq: int, day: date, *, full: bool) -> str:
    """``31120_CaiKhe_0007_2026-10-05.tdcs`` (``…_DayDu.tdcs`` for a full snapshot)."""
    suffix = "_DayDu" if full else ""
    return f"{code}_{ascii_name(name)}_{seq:04d}_{day.isoformat()}{suffix}.tdcs"


def receipt_file_name(code: str, name: str, seq: int) -> str:
    """``BienNhan_31120_CaiKhe_0007.tdcsr``: the receipt for one file."""
    return f"BienNhan_{code}_{ascii_name(name)}_{seq:04d}.tdcsr"


def bulletin_file_name(seq: int, day: date, code: str | None = None, name: str = "") -> str:
    """``ThongBao_0005_TatCa_2026-10-05.tdcsb`` (to every commune) or
    ``ThongBao_0005_31120_CaiKhe_2026-10-05.tdcsb`` (to one)."""
    to = "TatCa" if code is None else f"{code}_{ascii_name(name)}"
    return f"ThongBao_{seq:04d}_{to}_{day.isoformat()}.tdcsb"


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of ``path``, refusing files larger than ``limit`` before reading them."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise SyncRefused(
                M_FILE_TOO_LARGE,
                path=path.name,
                size=size // (1024 * 1024),
                limit=limit // (1024 * 1024),
            )
        with path.open("rb") as fh:
            # Ask for what the file holds (not the limit: read(n) reserves n bytes first).
            data = fh.read(size + 1)
    except OSError as error:
        raise SyncRefused(M_CANNOT_READ, path=path, reason=error.strerror or error) from error
    if len(data) > limit:
        raise SyncRefused(
            M_FILE_TOO_LARGE,
            path=path.name,
            size=len(data) // (1024 * 1024),
            limit=limit // (1024 * 1024),
        )
    return data
