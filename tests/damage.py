"""Damage a real TDCS database the way a failing disk or a cut power supply does: bytes
overwritten inside the pages that hold a table's rows, with the file header, the schema
(page 1) and the office's row left alone, so that SQLite opens the file and only reading
those rows fails."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path


def checkpoint(path: Path) -> None:
    """Move everything in the ``-wal`` file into the database file and empty the WAL."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def leaf_pages(path: Path, table: str) -> tuple[int, list[int]]:
    """``(page size, leaf pages of the table's b-tree)``, walked from its root page as the
    file format describes it (SQLite's ``dbstat`` is not built into every Python)."""
    conn = sqlite3.connect(path)
    try:
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        root = int(
            conn.execute(
                "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
            ).fetchone()[0]
        )
    finally:
        conn.close()
    data = path.read_bytes()
    leaves: list[int] = []
    pending = [root]
    while pending:
        page = pending.pop()
        start = (page - 1) * page_size
        header = start + (100 if page == 1 else 0)
        kind = data[header]
        if kind == 0x0D:
            leaves.append(page)
            continue
        assert kind == 0x05, f"page {page} is not a table b-tree page"
        cells = int.from_bytes(data[header + 3 : header + 5], "big")
        pending.append(int.from_bytes(data[header + 8 : header + 12], "big"))
        for i in range(cells):
            pointer = int.from_bytes(data[header + 12 + 2 * i : header + 14 + 2 * i], "big")
            pending.append(int.from_bytes(data[start + pointer : start + pointer + 4], "big"))
    return page_size, sorted(leaves)


def damage_table_pages(
    path: Path, table: str = "loans", *, pages: int = 2, seed: int = 14
) -> list[int]:
    """Overwrite 400 bytes inside ``pages`` leaf pages of ``table`` (chosen at random but
    reproducibly) and return their page numbers. The database must be closed."""
    checkpoint(path)
    page_size, leaves = leaf_pages(path, table)
    assert leaves, f"{table} has no leaf page to damage"
    rng = random.Random(seed)
    chosen = sorted(rng.sample(leaves, min(pages, len(leaves))))
    assert 1 not in chosen
    with path.open("r+b") as fh:
        for page in chosen:
            fh.seek((page - 1) * page_size + rng.randrange(0, 64))
            fh.write(rng.randbytes(400))
    return chosen
