"""Is a database file whole? SQLite's own checks, what each costs, and the errors that say a
file is damaged.

``PRAGMA integrity_check`` reads every page, every row and every index entry and checks
that each index matches its table; ``PRAGMA quick_check`` does the same without the index
cross-check. Measured on this machine (2 shared cores, SQLite 3.40, files in the page
cache):

================================  ===============  ================
database                          quick_check      integrity_check
================================  ===============  ================
commune, 36 000 records, 14 MB    0.02–0.06 s      0.08–0.12 s
city, 2.6 million records, 1 GB   3.1–4.3 s        42–46 s
================================  ===============  ================

Hence: every check of a file up to :data:`FULL_CHECK_MAX_BYTES` (every commune) is the
full one; above it (the city) backups get the quick check and a restore still the full one,
since it is rare and run with a progress indication. Opening a database runs the quick
check below :data:`QUICK_CHECK_AT_OPEN_MAX_BYTES` (a commune: a few hundredths of a second
at each start); the city's database is checked by the daily backup instead, and damage
found while working is recognised by :func:`is_corruption`.
"""

from __future__ import annotations

import enum
import sqlite3
from pathlib import Path

MB = 1024 * 1024
FULL_CHECK_MAX_BYTES = 128 * MB
QUICK_CHECK_AT_OPEN_MAX_BYTES = 128 * MB

#: SQLite's primary result codes for "the file is damaged" and "the file is not a database".
SQLITE_CORRUPT = 11
SQLITE_NOTADB = 26
_CORRUPTION_WORDS = ("malformed", "file is not a database", "database corruption")


class DatabaseProblem(Exception):
    """A database the application cannot use as it is; the message is for logs, the type
    tells the interface which explanation and which way out to offer."""

    def __init__(self, path: Path, detail: str = "") -> None:
        super().__init__(f"{type(self).__name__}: {path} {detail}".strip())
        self.path = path
        self.detail = detail


class NotADatabase(DatabaseProblem):
    """The file is not an SQLite database at all (or not one TDCS made)."""


class DamagedDatabase(DatabaseProblem):
    """SQLite's integrity check fails, or SQLite found a damaged page while reading."""


class PageCheck(enum.Enum):
    """How much of a file to read to know that it is whole."""

    NONE = "none"
    QUICK = "quick_check"
    FULL = "integrity_check"


def affordable_check(size: int) -> PageCheck:
    """The most thorough check worth its time for a file of ``size`` bytes (see the table
    above): the full one for a commune's database, the quick one for the city's."""
    return PageCheck.FULL if size <= FULL_CHECK_MAX_BYTES else PageCheck.QUICK


def check_at_open(size: int) -> PageCheck:
    """The check run each time the application opens its database."""
    return PageCheck.QUICK if size <= QUICK_CHECK_AT_OPEN_MAX_BYTES else PageCheck.NONE


def page_problems(conn: sqlite3.Connection, check: PageCheck, *, limit: int = 5) -> list[str]:
    """What ``check`` finds wrong in the database of ``conn`` (empty when it is whole).
    Raises :class:`sqlite3.DatabaseError` when SQLite cannot even read the schema."""
    if check is PageCheck.NONE:
        return []
    rows = conn.execute(f"PRAGMA {check.value}({int(limit)})").fetchall()
    found = [str(row[0]) for row in rows]
    return [] if found == ["ok"] else found


def is_corruption(error: BaseException | None) -> bool:
    """True when ``error`` (or what caused it, SQLAlchemy's wrapper included) is SQLite
    saying that the database file is damaged or is not a database."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, sqlite3.DatabaseError):
            code = getattr(error, "sqlite_errorcode", None)
            if isinstance(code, int) and code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB):
                return True
            if any(word in str(error).lower() for word in _CORRUPTION_WORDS):
                return True
        original = getattr(error, "orig", None)
        if isinstance(original, BaseException) and id(original) not in seen:
            error = original
            continue
        error = error.__cause__ or error.__context__
    return False
