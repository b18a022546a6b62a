"""Sending and receiving sync files: at a commune, making the file for the city and
accepting the city's receipt (the Đồng bộ page, ``tdcs export`` and ``tdcs receipt``); at
the city, checking and importing the communes' files and writing their receipts (the
Nhận tệp tab, ``tdcs import``).

Each file is imported all or nothing in its own transaction, and the receipt of a file
the city has (imported now or before) is written beside the others in the exports folder:
a file that fails never stops the others of a batch.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from db.enums import ConflictResolution
from desktop.core.database import Database
from desktop.core.progress import NO_PROGRESS, Progress
from desktop.core.userfiles import read_regular_file
from desktop.sync.conflicts import reopen_conflict, resolve_conflict
from desktop.sync.errors import SyncRefused
from desktop.sync.exporter import ExportResult, make_export
from desktop.sync.importer import CityImporter, FileReport, Status
from desktop.sync.receipts import MAX_RECEIPT, Acknowledgement, accept_receipt, write_receipt


@dataclass(frozen=True)
class ReceivedFile:
    """A commune's file at the city: what checking or importing it found, and the receipt
    written for it (``None`` when it was not imported)."""

    path: Path
    report: FileReport
    receipt: Path | None = None


# -- at a commune ---------------------------------------------------------------------------


def export_changes(
    database: Database,
    *,
    full: bool = False,
    copy_to: Path | None = None,
    progress: Progress = NO_PROGRESS,
) -> ExportResult:
    """Make the next file for the city in the exports folder (the changes since the last
    one, or with ``full`` everything), and a copy in ``copy_to`` if given."""
    with database.transaction() as session:
        return make_export(
            session, database.paths.exports, full=full, copy_to=copy_to, progress=progress
        )


def accept_receipt_file(
    database: Database, path: Path, *, progress: Progress = NO_PROGRESS
) -> Acknowledgement:
    """Read the city's receipt ``path`` and mark the file it acknowledges as received."""
    progress.report(0, 1, path.name)
    data = read_regular_file(path, MAX_RECEIPT, error=SyncRefused)
    with database.transaction() as session:
        return accept_receipt(session, data)


# -- at the city ------------------------------------------------------------------------------


def check_sync_files(
    database: Database,
    paths: Sequence[Path],
    *,
    record_refusals: bool = False,
    each: Callable[[ReceivedFile], None] | None = None,
    progress: Progress = NO_PROGRESS,
) -> list[ReceivedFile]:
    """The dry run of each file: what importing it would change. Nothing is written, except
    with ``record_refusals`` (the window, as files are received) the ledger line of a
    refused or waiting file. ``each`` gets every file's outcome as soon as it is known."""
    received = []
    with CityImporter(database) as importer:
        for done, path in enumerate(paths):
            progress.report(done, len(paths), path.name)
            found = ReceivedFile(path, importer.check(path, record_refusal=record_refusals))
            received.append(found)
            if each is not None:
                each(found)
    progress.report(len(paths), len(paths))
    return received


def import_sync_files(
    database: Database,
    paths: Sequence[Path],
    *,
    receipts: Path | None = None,
    each: Callable[[ReceivedFile], None] | None = None,
    progress: Progress = NO_PROGRESS,
) -> list[ReceivedFile]:
    """Import each file, one transaction each, and write the receipt of every file the
    city now has into ``receipts`` (by default the exports folder). ``each`` gets every
    file's outcome as soon as it is known. A cancel stops before the next file (those
    imported stay imported), so nothing asks for one after the last."""
    folder = receipts or database.paths.exports
    received = []
    with CityImporter(database) as importer:
        for done, path in enumerate(paths):
            progress.report(done, len(paths), path.name)
            report = importer.import_file(path)
            receipt = None
            if report.status in (Status.APPLIED, Status.ALREADY) and report.import_id:
                with database.transaction() as session:
                    receipt = write_receipt(session, report.import_id, folder)
            found = ReceivedFile(path, report, receipt)
            received.append(found)
            if each is not None:
                each(found)
    return received


def answer_conflict(database: Database, conflict_id: int, resolution: ConflictResolution) -> None:
    """A person's answer to a conflict: keep the city's copy, or take the file's. Written
    on the importer's connection, as the file's records were: the copy taken may refer to
    a record of its commune that the city has not received yet (the importer's module
    docstring)."""
    with CityImporter(database) as importer, importer.sessions.begin() as session:
        resolve_conflict(session, conflict_id, resolution)


def undo_conflict_answer(database: Database, conflict_id: int) -> None:
    """Undo :func:`answer_conflict`: the conflict waits again (the city's copy is put back
    if the file's had been taken)."""
    with CityImporter(database) as importer, importer.sessions.begin() as session:
        reopen_conflict(session, conflict_id)
