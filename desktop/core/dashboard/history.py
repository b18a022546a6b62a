"""The whole change history in words people read: which kind of record, which fields, the
values before and after as they are shown elsewhere (1.234.567 đ, 05/02/2026, labels rather
than stored codes)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy.orm import Session

from db.enums import (
    AuditAction,
    ContributionForm,
    DepositKind,
    DonorType,
    HamletKind,
    PartyType,
    PeriodKind,
    SourceLevel,
    TaskStatus,
)
from db.serialize import JsonValue
from desktop.core.audit import audit_trail
from desktop.core.formatting import format_date, format_money
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg, tr
from desktop.core.labels import label

RECORD_TYPES: dict[str, Msg] = {
    "hamlet": QT_TRANSLATE_NOOP("History", "Hamlet"),
    "savings_group": QT_TRANSLATE_NOOP("History", "Savings-and-loan group"),
    "group_assessment": QT_TRANSLATE_NOOP("History", "Group assessment"),
    "borrower": QT_TRANSLATE_NOOP("History", "Borrower"),
    "loan": QT_TRANSLATE_NOOP("History", "Loan"),
    "loan_balance": QT_TRANSLATE_NOOP("History", "Loan balance"),
    "loan_check": QT_TRANSLATE_NOOP("History", "Loan-use check"),
    "office_task": QT_TRANSLATE_NOOP("History", "Office sub-task"),
    "task_progress": QT_TRANSLATE_NOOP("History", "Task progress"),
    "task_document": QT_TRANSLATE_NOOP("History", "Document issued"),
    "fund_contribution": QT_TRANSLATE_NOOP("History", "Fund contribution"),
    "fund_spending": QT_TRANSLATE_NOOP("History", "Fund spending"),
    "fund_opening_balance": QT_TRANSLATE_NOOP("History", "Fund opening balance"),
    "deposit": QT_TRANSLATE_NOOP("History", "Deposit or sponsorship"),
    "entrusted_transfer": QT_TRANSLATE_NOOP("History", "Entrusted capital transfer"),
    "capital_total": QT_TRANSLATE_NOOP("History", "Total capital"),
}

FIELDS: dict[str, Msg] = {
    "name": QT_TRANSLATE_NOOP("History", "Name"),
    "kind": QT_TRANSLATE_NOOP("History", "Kind"),
    "active": QT_TRANSLATE_NOOP("History", "In use"),
    "sort_order": QT_TRANSLATE_NOOP("History", "Order"),
    "notes": QT_TRANSLATE_NOOP("History", "Notes"),
    "deleted_at": QT_TRANSLATE_NOOP("History", "Deleted"),
    "plan_task_code": QT_TRANSLATE_NOOP("History", "Task"),
    "parent_code": QT_TRANSLATE_NOOP("History", "Plan task"),
    "office_task_id": QT_TRANSLATE_NOOP("History", "Sub-task"),
    "title": QT_TRANSLATE_NOOP("History", "Title"),
    "period_kind": QT_TRANSLATE_NOOP("History", "Kind of period"),
    "year": QT_TRANSLATE_NOOP("History", "Year"),
    "period_no": QT_TRANSLATE_NOOP("History", "Period number"),
    "status": QT_TRANSLATE_NOOP("History", "Status"),
    "percent": QT_TRANSLATE_NOOP("History", "Percent done"),
    "achievements": QT_TRANSLATE_NOOP("History", "What was done"),
    "figures": QT_TRANSLATE_NOOP("History", "Figures"),
    "difficulties": QT_TRANSLATE_NOOP("History", "Difficulties"),
    "proposals": QT_TRANSLATE_NOOP("History", "Proposals"),
    "reported_on": QT_TRANSLATE_NOOP("History", "Report date"),
    "progress_id": QT_TRANSLATE_NOOP("History", "Progress record"),
    "number": QT_TRANSLATE_NOOP("History", "Number"),
    "symbol": QT_TRANSLATE_NOOP("History", "Symbol"),
    "issued_on": QT_TRANSLATE_NOOP("History", "Date issued"),
    "summary": QT_TRANSLATE_NOOP("History", "Summary"),
    "donor_name": QT_TRANSLATE_NOOP("History", "Donor"),
    "donor_type": QT_TRANSLATE_NOOP("History", "Donor type"),
    "form": QT_TRANSLATE_NOOP("History", "Form"),
    "amount": QT_TRANSLATE_NOOP("History", "Amount"),
    "in_kind_description": QT_TRANSLATE_NOOP("History", "Gift in kind"),
    "received_on": QT_TRANSLATE_NOOP("History", "Date received"),
    "receipt_no": QT_TRANSLATE_NOOP("History", "Receipt number"),
    "campaign_year": QT_TRANSLATE_NOOP("History", "Campaign year"),
    "recipient_name": QT_TRANSLATE_NOOP("History", "Recipient"),
    "hamlet_id": QT_TRANSLATE_NOOP("History", "Hamlet"),
    "purpose": QT_TRANSLATE_NOOP("History", "Purpose"),
    "spent_on": QT_TRANSLATE_NOOP("History", "Date paid"),
    "decision_no": QT_TRANSLATE_NOOP("History", "Decision number"),
    "decision_date": QT_TRANSLATE_NOOP("History", "Decision date"),
    "party_name": QT_TRANSLATE_NOOP("History", "Depositor or sponsor"),
    "party_type": QT_TRANSLATE_NOOP("History", "Organisation or individual"),
    "transacted_on": QT_TRANSLATE_NOOP("History", "Date"),
    "term_months": QT_TRANSLATE_NOOP("History", "Term (months)"),
    "source_level": QT_TRANSLATE_NOOP("History", "Budget level"),
    "transferred_on": QT_TRANSLATE_NOOP("History", "Date transferred"),
    "programme_code": QT_TRANSLATE_NOOP("History", "Programme"),
    "total_capital": QT_TRANSLATE_NOOP("History", "Total capital"),
    "entrusted_balance": QT_TRANSLATE_NOOP("History", "Entrusted balance"),
    "as_of": QT_TRANSLATE_NOOP("History", "As of"),
    "source_note": QT_TRANSLATE_NOOP("History", "Source of the figures"),
}

_MONEY = frozenset({"amount", "total_capital", "entrusted_balance"})
_ENUMS: dict[tuple[str, str], type[StrEnum]] = {
    ("hamlet", "kind"): HamletKind,
    ("task_progress", "period_kind"): PeriodKind,
    ("task_progress", "status"): TaskStatus,
    ("fund_contribution", "donor_type"): DonorType,
    ("fund_contribution", "form"): ContributionForm,
    ("deposit", "kind"): DepositKind,
    ("deposit", "party_type"): PartyType,
    ("entrusted_transfer", "source_level"): SourceLevel,
}
_IDS = frozenset(
    {"office_task_id", "progress_id", "hamlet_id", "loan_id", "borrower_id", "group_id"}
)
M_YES = QT_TRANSLATE_NOOP("History", "yes")
M_NO = QT_TRANSLATE_NOOP("History", "no")


@dataclass(frozen=True)
class HistoryRow:
    at: datetime
    actor: str
    action: AuditAction
    record_type: str
    record_id: str
    version: int
    changes: str

    @property
    def record_label(self) -> str:
        return record_type_label(self.record_type)


def record_type_label(record_type: str) -> str:
    message = RECORD_TYPES.get(record_type)
    return tr(message) if message is not None else record_type


def field_label(field: str) -> str:
    message = FIELDS.get(field)
    return tr(message) if message is not None else field


def show_value(record_type: str, field: str, value: JsonValue) -> str:
    """A stored value as the interface shows it."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return tr(M_YES if value else M_NO)
    if field in _MONEY and isinstance(value, int):
        return format_money(value)
    enum = _ENUMS.get((record_type, field))
    if enum is not None and isinstance(value, str):
        try:
            return label(enum(value))
        except ValueError:
            return value
    if field in _IDS and isinstance(value, str):
        return value[:8]
    if isinstance(value, str) and len(value) >= 10:
        try:
            if len(value) == 10:
                return format_date(date.fromisoformat(value))
            return datetime.fromisoformat(value).strftime("%d/%m/%Y %H:%M")
        except ValueError:
            pass
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "…"


def describe_changes(record_type: str, changes: dict[str, tuple[JsonValue, JsonValue]]) -> str:
    """``Số tiền: 1.000.000 đ → 2.000.000 đ; Ghi chú: – → Nhập lại`` for each changed field."""
    return "; ".join(
        f"{field_label(field)}: {show_value(record_type, field, old)} → "
        f"{show_value(record_type, field, new)}"
        for field, (old, new) in changes.items()
    )


def change_history(
    session: Session,
    *,
    record_types: tuple[str, ...] = (),
    record_id: str | None = None,
    limit: int = 5000,
) -> list[HistoryRow]:
    """The latest ``limit`` changes (of some record types, or one record, or all), newest
    first."""
    return [
        HistoryRow(
            row.at,
            row.actor,
            row.action,
            row.record_type,
            row.record_id,
            row.version,
            describe_changes(row.record_type, row.changes),
        )
        for row in audit_trail(session, record_types=record_types, record_id=record_id, limit=limit)
    ]
