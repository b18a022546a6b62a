"""Files on disk: names a person can read, writes that never leave half a file, reads
that never swallow a huge one."""

from __future__ import annotations

import os
import re
import tempfile
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


def write_atomically(target: Path, data: bytes) -> Path:
    """Write to a temporary file beside ``target``, flush it to disk, then rename it over
    ``target``: a crash leaves either the old file or the new one, never half of one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        Path(temp).replace(target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target


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
