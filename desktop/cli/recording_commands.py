"""``tdcs overview``: the year's figures as Tổng quan shows them — the loans, the fund
statement, deposits, entrusted capital against both targets, task completion — for this
office, one commune, the city office's own records, or all communes together (saying how
many communes sent theirs)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from desktop.cli.base import CommandContext, add_command, tr
from desktop.core.dashboard.loans import LoanSummary
from desktop.core.dashboard.overview import load_overview
from desktop.core.errors import UserError
from desktop.core.formatting import format_date, format_money, format_percent
from desktop.core.funds.indicators import status_label
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.office import list_communes, require_office
from desktop.core.owners import ALL_COMMUNES, Scope

M_UNKNOWN_UNIT = QT_TRANSLATE_NOOP(
    "Overview", "{unit} is neither a commune code, 92 (the city office) nor all."
)
ALL = "all"


def register(subparsers: Any) -> None:
    overview = add_command(
        subparsers,
        "overview",
        cmd_overview,
        tr("print the year's fund statement, entrusted capital targets and task completion"),
    )
    overview.add_argument(
        "--year", type=int, default=date.today().year, help=tr("the year (default: this year)")
    )
    overview.add_argument(
        "--unit",
        metavar=tr("CODE"),
        help=tr(
            "a commune code, 92 for the city office's own records, or all for every commune "
            "together (default: this office)"
        ),
    )


def _owner(args: argparse.Namespace, unit_code: str, known: set[str]) -> Scope:
    unit = (args.unit or unit_code).strip()
    if unit.lower() == ALL:
        return ALL_COMMUNES
    if unit not in known:
        raise UserError(M_UNKNOWN_UNIT, unit=unit)
    return Scope.unit(unit)


def cmd_overview(args: argparse.Namespace, ctx: CommandContext) -> int:
    database = ctx.database()
    with database.snapshot() as session:  # one snapshot, even while an import commits
        office = require_office(session)
        communes = {c.code: c.label for c in list_communes(session)}
        owner = _owner(args, office.unit_code, {*communes, "92"})
        overview = load_overview(session, args.year, owner)
    if owner.code is None:
        name = tr("all communes")
    else:
        name = communes.get(owner.code, tr("the city office"))
    fund, growth, share, tasks = (
        overview.fund,
        overview.entrusted.growth,
        overview.entrusted.share,
        overview.tasks,
    )
    lines = [tr("Overview of {year} — {unit}").format(year=overview.year, unit=name)]
    if owner.code is None:
        lines.append(
            tr("Figures of {sent}/{total} communes and wards (those that have sent theirs)").format(
                sent=overview.coverage.reporting, total=overview.coverage.communes
            )
        )
    lines += [
        _loans_line(overview.loans),
        tr(
            '"Vì người nghèo" fund: opening {opening}, receipts {receipts}, grants {spending}, '
            "closing {closing}; gifts in kind {in_kind}"
        ).format(
            opening=format_money(fund.opening),
            receipts=format_money(fund.receipts),
            spending=format_money(fund.spending),
            closing=format_money(fund.closing),
            in_kind=format_money(fund.in_kind),
        ),
        tr("Deposits {deposits}; sponsorship {sponsorship}").format(
            deposits=format_money(overview.deposits.deposits),
            sponsorship=format_money(overview.deposits.sponsorship),
        ),
        tr(
            "Entrusted capital transferred: {now} (year before {before}), growth {growth} — "
            "{status} (target ≥ 20 %); still needed {needed}"
        ).format(
            now=format_money(growth.transferred),
            before=format_money(growth.previous),
            growth=format_percent(growth.growth),
            status=status_label(growth.status),
            needed=format_money(growth.still_needed) if growth.still_needed is not None else "–",
        ),
        tr(
            "Entrusted capital {entrusted} of total capital {total} = {share} — {status} "
            "(target ≥ 20 % by 2030); still needed {needed}"
        ).format(
            entrusted=format_money(share.entrusted) if share.entrusted is not None else "–",
            total=format_money(share.total_capital) if share.total_capital else "–",
            share=format_percent(share.share),
            status=status_label(share.status),
            needed=format_money(share.still_needed) if share.still_needed is not None else "–",
        ),
        tr(
            "Plan tasks: {expected}; completed {completed}, carried out regularly {ongoing}, "
            "in progress {in_progress}, not started {not_started}, no record {missing}"
        ).format(
            expected=tasks.expected,
            completed=tasks.completed,
            ongoing=tasks.ongoing,
            in_progress=tasks.in_progress,
            not_started=tasks.not_started,
            missing=tasks.missing,
        ),
    ]
    lines += [f"* {r.message(city=office.is_city)}" for r in overview.reminders]
    print("\n".join(lines))
    return 0


def _loans_line(loans: LoanSummary) -> str:
    if not loans.has_data:
        return tr("Loans on {day}: no balance data yet").format(day=format_date(loans.day))
    return tr(
        "Loans on {day} (balance data of {data}): outstanding {outstanding}, {borrowers} "
        "borrowers and {loans} loans with a balance; overdue {overdue} ({overdue_ratio}); "
        "overdue and frozen {overdue_frozen} ({overdue_frozen_ratio}); {not_checked} loans "
        "not checked in the last 12 months"
    ).format(
        day=format_date(loans.day),
        data=format_date(loans.latest_data),
        outstanding=format_money(loans.outstanding),
        borrowers=loans.borrowers_with_balance,
        loans=loans.loans_with_balance,
        overdue=format_money(loans.overdue),
        overdue_ratio=format_percent(loans.overdue_ratio),
        overdue_frozen=format_money(loans.overdue_frozen),
        overdue_frozen_ratio=format_percent(loans.overdue_frozen_ratio),
        not_checked=loans.not_checked,
    )
