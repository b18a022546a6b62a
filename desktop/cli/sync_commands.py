"""Commands of the sync file: export, exports, mark-sent, receipt (commune); import, board
(city); keys (both)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.app.sync import (
    ReceivedFile,
    accept_receipt_file,
    check_sync_files,
    export_changes,
    import_sync_files,
)
from desktop.cli.base import CommandContext, add_command, tr
from desktop.core.formatting import format_datetime
from desktop.core.labels import label
from desktop.core.office import require_office
from desktop.core.record_labels import record_type_label
from desktop.core.userfiles import read_regular_file
from desktop.sync import keys
from desktop.sync.board import read_board
from desktop.sync.errors import SyncRefused
from desktop.sync.exporter import list_exports, mark_sent
from desktop.sync.importer import FileReport, Status
from desktop.sync.payload import shown
from desktop.sync.verify import M_NOT_CITY


def register(subparsers: Any) -> None:
    export = add_command(
        subparsers,
        "export",
        cmd_export,
        tr("make the file to send to the city (the changes since the last file)"),
    )
    export.add_argument(
        "--full",
        action="store_true",
        help=tr("a complete copy of all records instead of the changes"),
    )
    export.add_argument(
        "--out",
        metavar=tr("FOLDER"),
        type=Path,
        help=tr("also copy the file into this folder (e.g. a USB stick)"),
    )

    add_command(subparsers, "exports", cmd_exports, tr("list the files made for the city"))

    sent = add_command(
        subparsers, "mark-sent", cmd_mark_sent, tr("record that a file was sent to the city")
    )
    sent.add_argument("seq", metavar=tr("NUMBER"), type=int, help=tr("the file's number"))

    receipt = add_command(
        subparsers,
        "receipt",
        cmd_receipt,
        tr("import the city's receipt for a file (marks it acknowledged)"),
    )
    receipt.add_argument("file", metavar=tr("FILE"), type=Path, help=tr("the receipt file"))

    imp = add_command(
        subparsers,
        "import",
        cmd_import,
        tr("import sync files from communes (city office)"),
    )
    imp.add_argument("files", metavar=tr("FILE"), type=Path, nargs="+", help=tr("sync files"))
    imp.add_argument(
        "--dry-run",
        action="store_true",
        help=tr("only check the files and show what they would change"),
    )
    imp.add_argument(
        "--receipts",
        metavar=tr("FOLDER"),
        type=Path,
        help=tr("where to write the receipts (default: the exports folder)"),
    )

    add_command(
        subparsers,
        "board",
        cmd_board,
        tr("show, for each commune, the files received and missing (city office)"),
    )

    keys_cmd = add_command(subparsers, "keys", cmd_keys_show, tr("keys and their fingerprints"))
    keys_sub = keys_cmd.add_subparsers(dest="keys_command", metavar=tr("COMMAND"))
    add_command(keys_sub, "show", cmd_keys_show, tr("show this office's key fingerprints"))
    city_in = add_command(
        keys_sub, "import-city", cmd_keys_import_city, tr("import the city key file (commune)")
    )
    city_in.add_argument("file", metavar=tr("FILE"), type=Path, help=tr("the city key file"))
    city_in.add_argument(
        "--replace",
        action="store_true",
        help=tr("replace a different city key (after confirming it by phone)"),
    )
    add_command(keys_sub, "init-city", cmd_keys_init_city, tr("make the city's keys (city)"))
    city_out = add_command(
        keys_sub,
        "export-city",
        cmd_keys_export_city,
        tr("write the city key file to send to the communes (city)"),
    )
    city_out.add_argument(
        "--out", metavar=tr("FILE"), type=Path, required=True, help=tr("the key file to write")
    )
    confirm = add_command(
        keys_sub,
        "confirm",
        cmd_keys_confirm,
        tr("enrol a commune's key after its fingerprint was read out by phone (city)"),
    )
    confirm.add_argument("code", metavar=tr("CODE"), help=tr("the commune's code"))
    confirm.add_argument(
        "fingerprint",
        metavar=tr("FINGERPRINT"),
        nargs="+",
        help=tr("the 24 digits the commune reads out (spaces allowed)"),
    )
    forget = add_command(
        keys_sub,
        "forget-commune",
        cmd_keys_forget_commune,
        tr("forget a commune's key: the commune starts afresh under a new key (city)"),
    )
    forget.add_argument("code", metavar=tr("CODE"), help=tr("the commune's code"))


# -- commune ------------------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace, ctx: CommandContext) -> int:
    result = export_changes(ctx.database(), full=args.full, copy_to=args.out)
    kind = tr("full copy") if result.full_snapshot else tr("changes")
    print(
        tr("File {seq} ({kind}) written: {path}").format(
            seq=result.seq, kind=kind, path=result.path
        )
    )
    if result.copy is not None:
        print(tr("Copied to: {path}").format(path=result.copy))
    for record_type, count in sorted(result.counts.items()):
        print(f"  {record_type_label(record_type):34} {count:>9}")
    print(
        tr("{count} records. Send the file to the city by e-mail or on a USB stick.").format(
            count=result.total
        )
    )
    return 0


def cmd_exports(args: argparse.Namespace, ctx: CommandContext) -> int:
    with ctx.database().reading() as session:
        rows = list_exports(session)
    if not rows:
        print(tr("No file has been made yet."))
        return 0
    for row in rows:
        kind = tr("full copy") if row.full_snapshot else tr("changes")
        print(
            f"{row.seq:>5}  {format_datetime(row.created_at):16}  {label(row.state):14}  "
            f"{row.total:>8}  {kind:12}  {row.file_name}"
        )
    return 0


def cmd_mark_sent(args: argparse.Namespace, ctx: CommandContext) -> int:
    with ctx.database().transaction() as session:
        row = mark_sent(session, args.seq)
    print(tr("File {seq}: {state}.").format(seq=row.seq, state=label(row.state)))
    return 0


def cmd_receipt(args: argparse.Namespace, ctx: CommandContext) -> int:
    ack = accept_receipt_file(ctx.database(), args.file)
    if ack.already:
        print(
            tr("File {seq} was already acknowledged (imported by the city on {date}).").format(
                seq=ack.seq, date=ack.imported_at
            )
        )
    else:
        print(
            tr("File {seq} acknowledged: the city imported it on {date}.").format(
                seq=ack.seq, date=ack.imported_at
            )
        )
    return 0


# -- city -------------------------------------------------------------------------------------


def _summary_line(report: FileReport) -> str:
    assert report.summary is not None
    totals = report.summary.totals()
    return tr(
        "New {new} · changed {changed} · deleted {deleted} · unchanged {unchanged} · "
        "conflicts {conflicts} · rejected {rejected}"
    ).format(**totals)


def print_report(report: FileReport, receipt: Path | None = None) -> None:
    print(shown(report.path.name, 255))
    manifest = report.manifest
    if manifest is not None:
        kind = tr("full copy") if manifest.full_snapshot else tr("changes")
        print(
            "  "
            + tr("{commune} · file {seq} ({kind}) · made {date}").format(
                commune=report.commune_label,
                seq=manifest.seq,
                kind=kind,
                date=format_datetime(manifest.created),
            )
        )
    if report.summary is not None:
        print("  " + _summary_line(report))
    for note in report.notes:
        print("  " + tr("Note: {note}").format(note=note))
    if report.status is Status.READY:
        print("  " + tr("Checked: the file can be imported (nothing was changed)."))
    elif report.status is Status.APPLIED:
        print("  " + tr("Imported."))
        if receipt is not None:
            print("  " + tr("Receipt to send back: {path}").format(path=receipt))
    elif report.status is Status.ALREADY:
        print("  " + report.message)
        if receipt is not None:
            print("  " + tr("Receipt to send back: {path}").format(path=receipt))
    elif report.status is Status.WAITING:
        print("  " + tr("WAITING FOR THE KEY: {reason}").format(reason=report.message))
    else:
        print("  " + tr("REFUSED: {reason}").format(reason=report.message), file=sys.stderr)


def cmd_import(args: argparse.Namespace, ctx: CommandContext) -> int:
    database = ctx.database()
    with database.reading() as session:
        if not require_office(session).is_city:
            raise SyncRefused(M_NOT_CITY)
    files = sorted(args.files, key=lambda p: p.name)

    def each(received: ReceivedFile) -> None:
        print_report(received.report, received.receipt)

    if args.dry_run:
        received = check_sync_files(database, files, each=each)
    else:
        received = import_sync_files(database, files, receipts=args.receipts, each=each)
    failures = sum(1 for r in received if not r.report.ok)
    if failures:
        print(tr("{count} file(s) refused.").format(count=failures), file=sys.stderr)
        return 1
    return 0


def cmd_board(args: argparse.Namespace, ctx: CommandContext) -> int:
    rows = read_board(ctx.database()).communes
    for status in rows:
        last = (
            tr("file {seq}, imported {date}").format(
                seq=status.last_seq, date=format_datetime(status.last_import)
            )
            if status.last_seq
            else tr("no file yet")
        )
        extra = [status.gap_text()] if status.missing else []
        if status.waiting:
            extra.append(status.waiting_text())
        if status.conflicts:
            extra.append(tr("{count} conflicts waiting").format(count=status.conflicts))
        if status.refused_since:
            extra.append(tr("{count} files refused").format(count=status.refused_since))
        print(f"{status.code}  {status.commune.label:32}  {last}  {'  '.join(extra)}".rstrip())
    return 0


# -- keys ----------------------------------------------------------------------------------------


def cmd_keys_show(args: argparse.Namespace, ctx: CommandContext) -> int:
    with ctx.database().transaction() as session:
        office = require_office(session)
        if office.is_city:
            key = keys.own_city_key(session)
            print(tr("City key fingerprint: {fingerprint}").format(fingerprint=key.fingerprint))
            for code, pinned in sorted(keys.pinned_commune_keys(session).items()):
                print(f"  {code}  {pinned.fingerprint}  {format_datetime(pinned.pinned_at)}")
            for waiting in keys.waiting_keys(session):
                print(
                    f"  {waiting.commune_code}  {waiting.fingerprint}  "
                    + tr("waiting to be confirmed ({files} files)").format(files=waiting.files)
                )
            return 0
        print(
            tr("This office's key fingerprint: {fingerprint}").format(
                fingerprint=keys.commune_fingerprint(session)
            )
        )
        city = keys.trusted_city_key(session)
        if city is None:
            print(tr("City key: not imported yet (tdcs keys import-city FILE)."))
        else:
            print(
                tr("City key fingerprint: {fingerprint} (imported {date})").format(
                    fingerprint=city.fingerprint, date=format_datetime(city.pinned_at)
                )
            )
    return 0


def cmd_keys_import_city(args: argparse.Namespace, ctx: CommandContext) -> int:
    data = read_regular_file(args.file, keys.MAX_KEY_FILE, error=SyncRefused)
    with ctx.database().transaction() as session:
        key = keys.import_city_key(session, data, replace=args.replace)
    print(tr("City key imported. Fingerprint: {fingerprint}").format(fingerprint=key.fingerprint))
    print(tr("Read this fingerprint to the city office by phone to confirm it."))
    return 0


def cmd_keys_init_city(args: argparse.Namespace, ctx: CommandContext) -> int:
    with ctx.database().transaction() as session:
        key = keys.own_city_key(session)
    print(tr("City key fingerprint: {fingerprint}").format(fingerprint=key.fingerprint))
    print(tr("Send the key file to the communes: tdcs keys export-city --out FILE"))
    return 0


def cmd_keys_export_city(args: argparse.Namespace, ctx: CommandContext) -> int:
    with ctx.database().transaction() as session:
        path = keys.export_city_key(session, args.out)
        key = keys.own_city_key(session)
    print(tr("City key file written: {path}").format(path=path))
    print(tr("Fingerprint: {fingerprint}").format(fingerprint=key.fingerprint))
    return 0


def cmd_keys_confirm(args: argparse.Namespace, ctx: CommandContext) -> int:
    with ctx.database().transaction() as session:
        pinned = keys.confirm_commune_key(session, args.code, " ".join(args.fingerprint))
    print(
        tr(
            "Key of {code} confirmed (fingerprint {fingerprint}). Import its files again: "
            "tdcs import FILE…"
        ).format(code=pinned.owner_code, fingerprint=pinned.fingerprint)
    )
    return 0


def cmd_keys_forget_commune(args: argparse.Namespace, ctx: CommandContext) -> int:
    with ctx.database().transaction() as session:
        office = require_office(session)
        if not office.is_city:
            print(tr("Only the city office enrols communes' keys."), file=sys.stderr)
            return 1
        forgotten = keys.forget_commune_key(session, args.code)
    if forgotten:
        print(
            tr(
                "Key of {code} forgotten. The commune starts afresh: its next file waits until "
                "its new key is confirmed (tdcs keys confirm {code} FINGERPRINT), and its next "
                "complete file replaces what the city holds for it."
            ).format(code=args.code)
        )
    else:
        print(tr("No key is enrolled for {code}.").format(code=shown(args.code, 12)))
    return 0
