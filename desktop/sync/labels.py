"""Names people read for record types, in the interface language."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop.core.formatting import format_date, format_datetime
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg, tr

RECORD_TYPE_LABELS: dict[str, Msg] = {
    "hamlet": QT_TRANSLATE_NOOP("RecordTypes", "Hamlets"),
    "savings_group": QT_TRANSLATE_NOOP("RecordTypes", "Savings-and-loan groups"),
    "group_assessment": QT_TRANSLATE_NOOP("RecordTypes", "Group grades"),
    "borrower": QT_TRANSLATE_NOOP("RecordTypes", "Borrowers"),
    "loan": QT_TRANSLATE_NOOP("RecordTypes", "Loans"),
    "loan_balance": QT_TRANSLATE_NOOP("RecordTypes", "Loan balances"),
    "loan_check": QT_TRANSLATE_NOOP("RecordTypes", "Loan-use checks"),
    "office_task": QT_TRANSLATE_NOOP("RecordTypes", "Office sub-tasks"),
    "task_progress": QT_TRANSLATE_NOOP("RecordTypes", "Task progress"),
    "task_document": QT_TRANSLATE_NOOP("RecordTypes", "Task documents"),
    "fund_contribution": QT_TRANSLATE_NOOP("RecordTypes", "Fund contributions"),
    "fund_spending": QT_TRANSLATE_NOOP("RecordTypes", "Fund spending"),
    "fund_opening_balance": QT_TRANSLATE_NOOP("RecordTypes", "Fund opening balances"),
    "deposit": QT_TRANSLATE_NOOP("RecordTypes", "Deposits and sponsorship"),
    "entrusted_transfer": QT_TRANSLATE_NOOP("RecordTypes", "Entrusted capital transfers"),
    "capital_total": QT_TRANSLATE_NOOP("RecordTypes", "Total capital"),
}


def record_type_label(record_type: str) -> str:
    """The translated name of a record type; the code itself for a type added later
    without a label."""
    message = RECORD_TYPE_LABELS.get(record_type)
    return tr(message) if message is not None else record_type


def local_time(value: datetime) -> datetime:
    """A stored (naive UTC) time in the computer's time zone, for showing to people."""
    return value.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def shown_time(value: datetime | None) -> str:
    """``05/10/2026 14:30`` in local time (stored times are UTC)."""
    return format_datetime(local_time(value)) if value is not None else ""


def shown_date(value: datetime | None) -> str:
    return format_date(local_time(value)) if value is not None else ""
