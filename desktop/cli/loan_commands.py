"""``tdcs import-excel``: import a loan list the bank's transaction office gave the commune."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from desktop.app.loan_lists import import_loan_list
from desktop.cli.base import CommandContext, add_command, tr
from desktop.core.errors import UserError, ValidationError
from desktop.core.formatting import format_date, parse_date
from desktop.core.i18n import tr as tr_msg
from desktop.core.loans.excel_import import (
    FIELD_LABELS,
    OUTCOME_LABELS,
    ImportResult,
    RowOutcome,
    balances_text,
    load_mappings,
    prepare,
)
from desktop.core.office import require_office

UNITS = {"dong": 1, "nghin": 1_000, "trieu": 1_000_000}


def register(subparsers: Any) -> None:
    command = add_command(
        subparsers,
        "import-excel",
        cmd_import_excel,
        tr("import a loan list (.xlsx) from the bank's transaction office"),
        tr(
            "Import a loan list (.xlsx) from the bank's transaction office: borrowers, loans "
            "and their balances. Importing the same list again updates it instead of adding "
            "it twice. Every row gets a result; rejected rows say why."
        ),
    )
    command.add_argument("file", metavar=tr("FILE"), type=Path, help=tr("the Excel workbook"))
    command.add_argument("--sheet", metavar=tr("NAME"), help=tr("the sheet to read"))
    command.add_argument(
        "--mapping",
        metavar=tr("NAME"),
        help=tr("use the saved column mapping NAME (saved under NAME after the import if new)"),
    )
    command.add_argument(
        "--dry-run",
        action="store_true",
        help=tr("check every row and show the results without saving anything"),
    )
    command.add_argument(
        "--as-of",
        metavar=tr("DATE"),
        help=tr("date of the balances (dd/mm/yyyy) when the list's title does not say it"),
    )
    command.add_argument(
        "--settle-missing",
        action="store_true",
        help=tr(
            "record the loans with a balance that a list of balances leaves out as paid off "
            "on the list's date (only when the list holds every loan still owing in the "
            "commune)"
        ),
    )
    command.add_argument(
        "--unit",
        choices=sorted(UNITS),
        help=tr("money unit of the list: dong, nghin (thousand) or trieu (million) đồng"),
    )


def cmd_import_excel(args: argparse.Namespace, ctx: CommandContext) -> int:
    database = ctx.database()
    with database.reading() as session:
        require_office(session)
        saved = load_mappings(session)
    if args.mapping and not any(m.name.casefold() == args.mapping.casefold() for m in saved):
        print(
            tr(
                "Note: no saved mapping {name}; the columns are recognised from the headings "
                "and saved under that name."
            ).format(name=args.mapping)
        )
    plan = prepare(args.file, sheet=args.sheet, saved=saved, mapping_name=args.mapping)
    if args.as_of:
        try:
            plan = replace(plan, as_of=parse_date(args.as_of, field="as_of"))
        except ValidationError as error:
            raise UserError(error.message, **error.params) from error
    if args.unit:
        plan = replace(plan, unit=UNITS[args.unit])
    _print_plan(plan)
    result = import_loan_list(
        database,
        plan,
        dry_run=args.dry_run,
        save_as=plan.mapping_name or None,
        settle_absent=args.settle_missing,
    )
    _print_result(result)
    accepted = sum(
        result.count(o) for o in (RowOutcome.CREATED, RowOutcome.UPDATED, RowOutcome.UNCHANGED)
    )
    if accepted == 0:
        print(tr("Error: no row of the list could be imported."), file=sys.stderr)
        return 1
    return 0


def _print_plan(plan: Any) -> None:
    table = plan.table
    print(
        tr("Sheet: {sheet} (headings on row {rows}); {count} rows.").format(
            sheet=table.sheet,
            rows="–".join(str(r) for r in (table.header_rows[0], table.header_rows[-1]))
            if len(table.header_rows) > 1
            else table.header_rows[0],
            count=len(table.rows),
        )
    )
    if plan.mapping_name:
        print(tr("Column mapping: {name}").format(name=plan.mapping_name))
    for field, index in sorted(plan.columns.items(), key=lambda item: item[1]):
        print(
            f"  {table.column_letter(index):>3}  {table.labels[index]}  →  "
            f"{tr_msg(FIELD_LABELS[field])}"
        )
    unit = {1: tr("đồng"), 1_000: tr("thousand đồng"), 1_000_000: tr("million đồng")}[plan.unit]
    print(tr("Money unit: {unit}").format(unit=unit))
    if plan.as_of:
        print(tr("Balances as of: {day}").format(day=format_date(plan.as_of)))
    for note in plan.notes:
        print(note)


def _print_result(result: ImportResult) -> None:
    for row in result.rows:
        who = " ".join(part for part in (row.contract_no, row.full_name) if part)
        line = tr("Row {row}: {outcome}").format(
            row=row.row, outcome=tr_msg(OUTCOME_LABELS[row.outcome]).lower()
        )
        if who:
            line += f" — {who}"
        if row.remarks:
            line += f": {row.remarks}"
        print(line)
    for loan in result.listing()[len(result.rows) :]:
        print(
            tr("Not on the list: {contract} {name}: {reason}").format(
                contract=loan.contract_no, name=loan.full_name, reason=loan.reason
            )
        )
    print(
        tr(
            "Total {total} rows: {created} imported, {updated} updated, {unchanged} "
            "unchanged, {rejected} rejected, {skipped} skipped."
        ).format(
            total=len(result.rows),
            created=result.count(RowOutcome.CREATED),
            updated=result.count(RowOutcome.UPDATED),
            unchanged=result.count(RowOutcome.UNCHANGED),
            rejected=result.count(RowOutcome.REJECTED),
            skipped=result.count(RowOutcome.SKIPPED),
        )
    )
    if result.groups_created:
        print(tr("New savings-and-loan groups: {count}.").format(count=result.groups_created))
    if result.warnings:
        print(
            tr("{count} rows with a warning: the data disagree, see the rows above.").format(
                count=result.warnings
            )
        )
    balances = balances_text(result)
    if balances:
        print(balances)
    if result.absent and not result.settled:
        print(
            tr(
                "If the list holds every loan still owing in the commune, those loans have "
                "been paid off: import it again with --settle-missing to record them as paid "
                "off on {day}."
            ).format(day=format_date(result.as_of))
        )
    if result.dry_run:
        print(tr("Trial run (--dry-run): nothing was saved."))
