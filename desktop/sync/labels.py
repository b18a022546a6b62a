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


#: Column titles for the city's consolidated views, conflict details and problem lists,
#: by field name; a field added later without a title here shows its name.
FIELD_TITLES: dict[str, Msg] = {
    "id": QT_TRANSLATE_NOOP("SyncFields", "Record ID"),
    "commune_code": QT_TRANSLATE_NOOP("SyncFields", "Commune"),
    "name": QT_TRANSLATE_NOOP("SyncFields", "Name"),
    "kind": QT_TRANSLATE_NOOP("SyncFields", "Kind"),
    "active": QT_TRANSLATE_NOOP("SyncFields", "In use"),
    "version": QT_TRANSLATE_NOOP("SyncFields", "Version"),
    "updated_at": QT_TRANSLATE_NOOP("SyncFields", "Last changed"),
    "deleted_at": QT_TRANSLATE_NOOP("SyncFields", "Deleted"),
    "code": QT_TRANSLATE_NOOP("SyncFields", "Code"),
    "hamlet_id": QT_TRANSLATE_NOOP("SyncFields", "Hamlet"),
    "organisation_code": QT_TRANSLATE_NOOP("SyncFields", "Organisation"),
    "leader_name": QT_TRANSLATE_NOOP("SyncFields", "Group leader"),
    "founding_decision_no": QT_TRANSLATE_NOOP("SyncFields", "Founding decision"),
    "founding_decision_date": QT_TRANSLATE_NOOP("SyncFields", "Decision date"),
    "status": QT_TRANSLATE_NOOP("SyncFields", "Status"),
    "notes": QT_TRANSLATE_NOOP("SyncFields", "Notes"),
    "group_id": QT_TRANSLATE_NOOP("SyncFields", "Savings group"),
    "year": QT_TRANSLATE_NOOP("SyncFields", "Year"),
    "grade": QT_TRANSLATE_NOOP("SyncFields", "Grade"),
    "members_count": QT_TRANSLATE_NOOP("SyncFields", "Members"),
    "members_savings": QT_TRANSLATE_NOOP("SyncFields", "Members' savings"),
    "full_name": QT_TRANSLATE_NOOP("SyncFields", "Full name"),
    "sex": QT_TRANSLATE_NOOP("SyncFields", "Sex"),
    "household_category": QT_TRANSLATE_NOOP("SyncFields", "Household"),
    "borrower_id": QT_TRANSLATE_NOOP("SyncFields", "Borrower"),
    "programme_code": QT_TRANSLATE_NOOP("SyncFields", "Programme"),
    "contract_no": QT_TRANSLATE_NOOP("SyncFields", "Contract no."),
    "amount_disbursed": QT_TRANSLATE_NOOP("SyncFields", "Amount disbursed"),
    "disbursed_on": QT_TRANSLATE_NOOP("SyncFields", "Disbursed on"),
    "maturity_on": QT_TRANSLATE_NOOP("SyncFields", "Maturity"),
    "purpose": QT_TRANSLATE_NOOP("SyncFields", "Purpose"),
    "rate_bp": QT_TRANSLATE_NOOP("SyncFields", "Rate (hundredths of %)"),
    "loan_id": QT_TRANSLATE_NOOP("SyncFields", "Loan (contract)"),
    "as_of": QT_TRANSLATE_NOOP("SyncFields", "As of"),
    "current_amount": QT_TRANSLATE_NOOP("SyncFields", "Current"),
    "overdue_amount": QT_TRANSLATE_NOOP("SyncFields", "Overdue"),
    "frozen_amount": QT_TRANSLATE_NOOP("SyncFields", "Frozen"),
    "pending_amount": QT_TRANSLATE_NOOP("SyncFields", "Awaiting decision"),
    "extended_amount": QT_TRANSLATE_NOOP("SyncFields", "Extended"),
    "rescheduled_amount": QT_TRANSLATE_NOOP("SyncFields", "Rescheduled"),
    "written_off_amount": QT_TRANSLATE_NOOP("SyncFields", "Written off"),
    "overdue_since": QT_TRANSLATE_NOOP("SyncFields", "Overdue since"),
    "checked_on": QT_TRANSLATE_NOOP("SyncFields", "Checked on"),
    "checker_kind": QT_TRANSLATE_NOOP("SyncFields", "Checked by"),
    "checker_name": QT_TRANSLATE_NOOP("SyncFields", "Checker"),
    "stated_use": QT_TRANSLATE_NOOP("SyncFields", "Stated use"),
    "actual_use": QT_TRANSLATE_NOOP("SyncFields", "Actual use"),
    "result": QT_TRANSLATE_NOOP("SyncFields", "Result"),
    "action_required": QT_TRANSLATE_NOOP("SyncFields", "Action required"),
    "follow_up_on": QT_TRANSLATE_NOOP("SyncFields", "Follow up on"),
    "parent_code": QT_TRANSLATE_NOOP("SyncFields", "Plan task"),
    "title": QT_TRANSLATE_NOOP("SyncFields", "Title"),
    "plan_task_code": QT_TRANSLATE_NOOP("SyncFields", "Plan task"),
    "office_task_id": QT_TRANSLATE_NOOP("SyncFields", "Sub-task"),
    "period_kind": QT_TRANSLATE_NOOP("SyncFields", "Period"),
    "period_no": QT_TRANSLATE_NOOP("SyncFields", "Period no."),
    "percent": QT_TRANSLATE_NOOP("SyncFields", "Done (%)"),
    "achievements": QT_TRANSLATE_NOOP("SyncFields", "What was done"),
    "figures": QT_TRANSLATE_NOOP("SyncFields", "Figures"),
    "difficulties": QT_TRANSLATE_NOOP("SyncFields", "Difficulties"),
    "proposals": QT_TRANSLATE_NOOP("SyncFields", "Proposals"),
    "reported_on": QT_TRANSLATE_NOOP("SyncFields", "Reported on"),
    "progress_id": QT_TRANSLATE_NOOP("SyncFields", "Progress record"),
    "number": QT_TRANSLATE_NOOP("SyncFields", "Number"),
    "symbol": QT_TRANSLATE_NOOP("SyncFields", "Symbol"),
    "issued_on": QT_TRANSLATE_NOOP("SyncFields", "Issued on"),
    "summary": QT_TRANSLATE_NOOP("SyncFields", "Summary"),
    "donor_name": QT_TRANSLATE_NOOP("SyncFields", "Donor"),
    "donor_type": QT_TRANSLATE_NOOP("SyncFields", "Donor type"),
    "form": QT_TRANSLATE_NOOP("SyncFields", "Form"),
    "amount": QT_TRANSLATE_NOOP("SyncFields", "Amount"),
    "in_kind_description": QT_TRANSLATE_NOOP("SyncFields", "In kind"),
    "received_on": QT_TRANSLATE_NOOP("SyncFields", "Received on"),
    "receipt_no": QT_TRANSLATE_NOOP("SyncFields", "Receipt no."),
    "campaign_year": QT_TRANSLATE_NOOP("SyncFields", "Campaign year"),
    "spent_on": QT_TRANSLATE_NOOP("SyncFields", "Spent on"),
    "recipient_name": QT_TRANSLATE_NOOP("SyncFields", "Recipient"),
    "decision_no": QT_TRANSLATE_NOOP("SyncFields", "Decision no."),
    "decision_date": QT_TRANSLATE_NOOP("SyncFields", "Decision date"),
    "party_name": QT_TRANSLATE_NOOP("SyncFields", "Depositor / sponsor"),
    "party_type": QT_TRANSLATE_NOOP("SyncFields", "Party type"),
    "transacted_on": QT_TRANSLATE_NOOP("SyncFields", "Date"),
    "term_months": QT_TRANSLATE_NOOP("SyncFields", "Term (months)"),
    "source_level": QT_TRANSLATE_NOOP("SyncFields", "Budget level"),
    "transferred_on": QT_TRANSLATE_NOOP("SyncFields", "Transferred on"),
    "total_capital": QT_TRANSLATE_NOOP("SyncFields", "Total capital"),
    "entrusted_balance": QT_TRANSLATE_NOOP("SyncFields", "Entrusted balance"),
    "source_note": QT_TRANSLATE_NOOP("SyncFields", "Source"),
}


def field_title(name: str) -> Msg:
    """The translatable title of a field (its own name when it has none)."""
    return FIELD_TITLES.get(name) or Msg("SyncFields", name)


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
