"""Record types and their fields in words people read, with stored values shown as the
interface shows them (1.234.567 đ, 05/02/2026, labels rather than codes).

One vocabulary for the change history, the city's consolidated views, conflict details and
the messages about rejected records.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Date, Enum

from db.base import UtcDateTime
from db.fields import FieldKind, facts_of
from db.models import CITY_ISSUED_MODELS, MODELS_BY_RECORD_TYPE
from db.serialize import JsonValue
from desktop.core.formatting import format_date, format_datetime, format_money, format_rate_bp
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg, tr
from desktop.core.labels import label

RECORD_TYPE_LABELS: dict[str, Msg] = {
    "hamlet": QT_TRANSLATE_NOOP("RecordTypes", "Hamlets"),
    "savings_group": QT_TRANSLATE_NOOP("RecordTypes", "Savings-and-loan groups"),
    "group_assessment": QT_TRANSLATE_NOOP("RecordTypes", "Group grades"),
    "borrower": QT_TRANSLATE_NOOP("RecordTypes", "Borrowers"),
    "loan": QT_TRANSLATE_NOOP("RecordTypes", "Loans"),
    "loan_balance": QT_TRANSLATE_NOOP("RecordTypes", "Loan balances"),
    "loan_check": QT_TRANSLATE_NOOP("RecordTypes", "Loan-use checks"),
    "organisation_grade": QT_TRANSLATE_NOOP("RecordTypes", "Organisation grades"),
    "office_task": QT_TRANSLATE_NOOP("RecordTypes", "Office sub-tasks"),
    "task_progress": QT_TRANSLATE_NOOP("RecordTypes", "Task progress"),
    "task_document": QT_TRANSLATE_NOOP("RecordTypes", "Task documents"),
    "fund_contribution": QT_TRANSLATE_NOOP("RecordTypes", "Fund contributions"),
    "fund_spending": QT_TRANSLATE_NOOP("RecordTypes", "Fund spending"),
    "fund_opening_balance": QT_TRANSLATE_NOOP("RecordTypes", "Fund opening balances"),
    "deposit": QT_TRANSLATE_NOOP("RecordTypes", "Deposits and sponsorship"),
    "entrusted_transfer": QT_TRANSLATE_NOOP("RecordTypes", "Entrusted capital transfers"),
    "capital_total": QT_TRANSLATE_NOOP("RecordTypes", "Total capital"),
    "yearly_review": QT_TRANSLATE_NOOP("RecordTypes", "Assessments of the year"),
    "sync_file": QT_TRANSLATE_NOOP("RecordTypes", "Sync files received"),
    "programme_rate": QT_TRANSLATE_NOOP("RecordTypes", "Programme rates"),
    "late_correction": QT_TRANSLATE_NOOP("RecordTypes", "Corrections after closing"),
    "commune_target": QT_TRANSLATE_NOOP("RecordTypes", "Targets assigned by the city"),
    "notice": QT_TRANSLATE_NOOP("RecordTypes", "Notices from the city"),
    "closed_period": QT_TRANSLATE_NOOP("RecordTypes", "Closed periods"),
    "credit_programme": QT_TRANSLATE_NOOP("RecordTypes", "Credit programmes"),
    "organisation": QT_TRANSLATE_NOOP("RecordTypes", "Entrusted organisations"),
    "plan_task": QT_TRANSLATE_NOOP("RecordTypes", "Plan tasks"),
}


#: Column titles for the city's consolidated views, conflict details and problem lists,
#: by field name; a field added later without a title here shows its name.
FIELD_TITLES: dict[str, Msg] = {
    "id": QT_TRANSLATE_NOOP("Fields", "Record ID"),
    "commune_code": QT_TRANSLATE_NOOP("Fields", "Commune"),
    "name": QT_TRANSLATE_NOOP("Fields", "Name"),
    "kind": QT_TRANSLATE_NOOP("Fields", "Kind"),
    "active": QT_TRANSLATE_NOOP("Fields", "In use"),
    "version": QT_TRANSLATE_NOOP("Fields", "Version"),
    "updated_at": QT_TRANSLATE_NOOP("Fields", "Last changed"),
    "deleted_at": QT_TRANSLATE_NOOP("Fields", "Deleted"),
    "code": QT_TRANSLATE_NOOP("Fields", "Code"),
    "hamlet_id": QT_TRANSLATE_NOOP("Fields", "Hamlet"),
    "organisation_code": QT_TRANSLATE_NOOP("Fields", "Organisation"),
    "leader_name": QT_TRANSLATE_NOOP("Fields", "Group leader"),
    "founding_decision_no": QT_TRANSLATE_NOOP("Fields", "Founding decision"),
    "founding_decision_date": QT_TRANSLATE_NOOP("Fields", "Decision date"),
    "status": QT_TRANSLATE_NOOP("Fields", "Status"),
    "notes": QT_TRANSLATE_NOOP("Fields", "Notes"),
    "group_id": QT_TRANSLATE_NOOP("Fields", "Savings group"),
    "year": QT_TRANSLATE_NOOP("Fields", "Year"),
    "grade": QT_TRANSLATE_NOOP("Fields", "Grade"),
    "members_count": QT_TRANSLATE_NOOP("Fields", "Members"),
    "members_savings": QT_TRANSLATE_NOOP("Fields", "Members' savings"),
    "full_name": QT_TRANSLATE_NOOP("Fields", "Full name"),
    "sex": QT_TRANSLATE_NOOP("Fields", "Sex"),
    "household_category": QT_TRANSLATE_NOOP("Fields", "Household"),
    "borrower_id": QT_TRANSLATE_NOOP("Fields", "Borrower"),
    "programme_code": QT_TRANSLATE_NOOP("Fields", "Programme"),
    "contract_no": QT_TRANSLATE_NOOP("Fields", "Contract no."),
    "amount_disbursed": QT_TRANSLATE_NOOP("Fields", "Amount disbursed"),
    "disbursed_on": QT_TRANSLATE_NOOP("Fields", "Disbursed on"),
    "maturity_on": QT_TRANSLATE_NOOP("Fields", "Maturity"),
    "purpose": QT_TRANSLATE_NOOP("Fields", "Purpose"),
    "rate_bp": QT_TRANSLATE_NOOP("Fields", "Rate (hundredths of %)"),
    "loan_id": QT_TRANSLATE_NOOP("Fields", "Loan (contract)"),
    "as_of": QT_TRANSLATE_NOOP("Fields", "As of"),
    "current_amount": QT_TRANSLATE_NOOP("Fields", "Current"),
    "overdue_amount": QT_TRANSLATE_NOOP("Fields", "Overdue"),
    "frozen_amount": QT_TRANSLATE_NOOP("Fields", "Frozen"),
    "pending_amount": QT_TRANSLATE_NOOP("Fields", "Awaiting decision"),
    "extended_amount": QT_TRANSLATE_NOOP("Fields", "Extended"),
    "rescheduled_amount": QT_TRANSLATE_NOOP("Fields", "Rescheduled"),
    "written_off_amount": QT_TRANSLATE_NOOP("Fields", "Written off"),
    "overdue_since": QT_TRANSLATE_NOOP("Fields", "Overdue since"),
    "checked_on": QT_TRANSLATE_NOOP("Fields", "Checked on"),
    "checker_kind": QT_TRANSLATE_NOOP("Fields", "Checked by"),
    "checker_name": QT_TRANSLATE_NOOP("Fields", "Checker"),
    "stated_use": QT_TRANSLATE_NOOP("Fields", "Stated use"),
    "actual_use": QT_TRANSLATE_NOOP("Fields", "Actual use"),
    "result": QT_TRANSLATE_NOOP("Fields", "Result"),
    "action_required": QT_TRANSLATE_NOOP("Fields", "Action required"),
    "follow_up_on": QT_TRANSLATE_NOOP("Fields", "Follow up on"),
    "parent_code": QT_TRANSLATE_NOOP("Fields", "Plan task"),
    "title": QT_TRANSLATE_NOOP("Fields", "Title"),
    "plan_task_code": QT_TRANSLATE_NOOP("Fields", "Plan task"),
    "office_task_id": QT_TRANSLATE_NOOP("Fields", "Sub-task"),
    "period_kind": QT_TRANSLATE_NOOP("Fields", "Period"),
    "period_no": QT_TRANSLATE_NOOP("Fields", "Period no."),
    "percent": QT_TRANSLATE_NOOP("Fields", "Done (%)"),
    "achievements": QT_TRANSLATE_NOOP("Fields", "What was done"),
    "figures": QT_TRANSLATE_NOOP("Fields", "Figures"),
    "difficulties": QT_TRANSLATE_NOOP("Fields", "Difficulties"),
    "proposals": QT_TRANSLATE_NOOP("Fields", "Proposals"),
    "reported_on": QT_TRANSLATE_NOOP("Fields", "Reported on"),
    "progress_id": QT_TRANSLATE_NOOP("Fields", "Progress record"),
    "number": QT_TRANSLATE_NOOP("Fields", "Number"),
    "symbol": QT_TRANSLATE_NOOP("Fields", "Symbol"),
    "issued_on": QT_TRANSLATE_NOOP("Fields", "Issued on"),
    "summary": QT_TRANSLATE_NOOP("Fields", "Summary"),
    "donor_name": QT_TRANSLATE_NOOP("Fields", "Donor"),
    "donor_type": QT_TRANSLATE_NOOP("Fields", "Donor type"),
    "form": QT_TRANSLATE_NOOP("Fields", "Form"),
    "amount": QT_TRANSLATE_NOOP("Fields", "Amount"),
    "in_kind_description": QT_TRANSLATE_NOOP("Fields", "In kind"),
    "received_on": QT_TRANSLATE_NOOP("Fields", "Received on"),
    "receipt_no": QT_TRANSLATE_NOOP("Fields", "Receipt no."),
    "campaign_year": QT_TRANSLATE_NOOP("Fields", "Campaign year"),
    "spent_on": QT_TRANSLATE_NOOP("Fields", "Spent on"),
    "recipient_name": QT_TRANSLATE_NOOP("Fields", "Recipient"),
    "decision_no": QT_TRANSLATE_NOOP("Fields", "Decision no."),
    "decision_date": QT_TRANSLATE_NOOP("Fields", "Decision date"),
    "party_name": QT_TRANSLATE_NOOP("Fields", "Depositor / sponsor"),
    "party_type": QT_TRANSLATE_NOOP("Fields", "Party type"),
    "transacted_on": QT_TRANSLATE_NOOP("Fields", "Date"),
    "term_months": QT_TRANSLATE_NOOP("Fields", "Term (months)"),
    "source_level": QT_TRANSLATE_NOOP("Fields", "Budget level"),
    "transferred_on": QT_TRANSLATE_NOOP("Fields", "Transferred on"),
    "total_capital": QT_TRANSLATE_NOOP("Fields", "Total capital"),
    "entrusted_balance": QT_TRANSLATE_NOOP("Fields", "Entrusted balance"),
    "source_note": QT_TRANSLATE_NOOP("Fields", "Source"),
    "sessions_held": QT_TRANSLATE_NOOP("Fields", "Sessions held"),
    "participants": QT_TRANSLATE_NOOP("Fields", "People reached"),
    "central_amount": QT_TRANSLATE_NOOP("Fields", "Central capital"),
    "mobilised_amount": QT_TRANSLATE_NOOP("Fields", "Mobilised capital"),
    "strengths": QT_TRANSLATE_NOOP("Fields", "Strengths"),
    "shortcomings": QT_TRANSLATE_NOOP("Fields", "Shortcomings"),
    "causes": QT_TRANSLATE_NOOP("Fields", "Causes"),
    "lessons": QT_TRANSLATE_NOOP("Fields", "Lessons learnt"),
    "directions": QT_TRANSLATE_NOOP("Fields", "Directions and tasks for the next year"),
    "dissemination_by_rule": QT_TRANSLATE_NOOP("Fields", "Dissemination estimated by the rule"),
    "sessions_estimate": QT_TRANSLATE_NOOP("Fields", "Sessions, whole year (estimate)"),
    "participants_estimate": QT_TRANSLATE_NOOP("Fields", "People reached, whole year (estimate)"),
    "resources_by_rule": QT_TRANSLATE_NOOP("Fields", "Resources estimated by the rule"),
    "transferred_estimate_amount": QT_TRANSLATE_NOOP(
        "Fields", "Local budget entrusted, whole year (estimate)"
    ),
    "deposits_estimate_amount": QT_TRANSLATE_NOOP(
        "Fields", "Deposits and sponsorship, whole year (estimate)"
    ),
    "fund_estimate_amount": QT_TRANSLATE_NOOP("Fields", "Fund receipts, whole year (estimate)"),
    "lending_by_rule": QT_TRANSLATE_NOOP("Fields", "Lending estimated by the rule"),
    "disbursed_estimate_amount": QT_TRANSLATE_NOOP("Fields", "Amount lent, whole year (estimate)"),
    "households_estimate": QT_TRANSLATE_NOOP("Fields", "Households lent to, whole year (estimate)"),
    "repaid_estimate_amount": QT_TRANSLATE_NOOP("Fields", "Amount repaid, whole year (estimate)"),
    "record_kind": QT_TRANSLATE_NOOP("Fields", "Kind of record"),
    "record_ref": QT_TRANSLATE_NOOP("Fields", "Record"),
    "action": QT_TRANSLATE_NOOP("Fields", "Change"),
    "record_version": QT_TRANSLATE_NOOP("Fields", "Version of the record"),
    "closed_on": QT_TRANSLATE_NOOP("Fields", "Closed on"),
    "target_code": QT_TRANSLATE_NOOP("Fields", "Commune"),
    "value": QT_TRANSLATE_NOOP("Fields", "Target"),
    "addressee": QT_TRANSLATE_NOOP("Fields", "To"),
    "text": QT_TRANSLATE_NOOP("Fields", "Text"),
    "act_by": QT_TRANSLATE_NOOP("Fields", "Act by"),
    "acknowledged_at": QT_TRANSLATE_NOOP("Fields", "Read on"),
    "acknowledged_by": QT_TRANSLATE_NOOP("Fields", "Read by"),
}


def field_title(name: str) -> Msg:
    """The translatable title of a field (its own name when it has none)."""
    return FIELD_TITLES.get(name) or Msg("Fields", name)


def record_type_label(record_type: str) -> str:
    """The translated name of a record type; the code itself for a type added later
    without a label."""
    message = RECORD_TYPE_LABELS.get(record_type)
    return tr(message) if message is not None else record_type


M_YES = QT_TRANSLATE_NOOP("Fields", "yes")
M_NO = QT_TRANSLATE_NOOP("Fields", "no")


#: Every record type whose values the history shows: those that travel, and the city's.
_MODELS = MODELS_BY_RECORD_TYPE | {m.record_type: m for m in CITY_ISSUED_MODELS}


def _column(record_type: str, field: str) -> Any:
    model = _MODELS.get(record_type)
    return None if model is None else model.__table__.columns.get(field)


def show_value(
    record_type: str, field: str, value: JsonValue, names: Mapping[str, str] | None = None
) -> str:
    """A stored (plain JSON) value as the interface shows it; the column's type decides:
    labels for coded values, Vietnamese dates and amounts, and for a reference the name of
    the record it points at (from ``names``, id → name) or else the start of its id."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return tr(M_YES if value else M_NO)
    column = _column(record_type, field)
    kind = None if column is None else column.type
    facts = None if column is None else facts_of(column)
    try:
        if isinstance(kind, Enum) and kind.enum_class is not None and isinstance(value, str):
            member = kind.enum_class(value)
            return label(member) if isinstance(member, StrEnum) else str(value)
        if isinstance(kind, Date) and isinstance(value, str):
            return format_date(date.fromisoformat(value))
        if isinstance(kind, UtcDateTime) and isinstance(value, str):
            return format_datetime(datetime.fromisoformat(value))
    except ValueError:
        return str(value)
    if isinstance(value, int) and facts is not None and facts.kind is FieldKind.MONEY:
        return format_money(value)
    if isinstance(value, int) and facts is not None and facts.kind is FieldKind.RATE:
        return format_rate_bp(value)
    if field.endswith("_id") and isinstance(value, str):
        return (names or {}).get(value) or value[:8]
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "…"


def describe_changes(
    record_type: str,
    changes: dict[str, tuple[JsonValue, JsonValue]],
    names: Mapping[str, str] | None = None,
) -> str:
    """``Số tiền: 1.000.000 đ → 2.000.000 đ; Ghi chú: – → Nhập lại`` for each changed field;
    references named from ``names`` (id → name). A change that reads the same on both sides
    (nothing → an empty text) is left out."""
    parts = []
    for field, (old, new) in changes.items():
        before = show_value(record_type, field, old, names)
        after = show_value(record_type, field, new, names)
        if before != after:
            parts.append(f"{tr(field_title(field))}: {before} → {after}")
    return "; ".join(parts)
