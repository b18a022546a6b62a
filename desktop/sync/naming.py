"""A record as a city reviewer recognises it: the hamlet's name, the loan's contract number
and borrower, the donor, the task and its period — never its internal id.

Used where the city shows records one by one (the conflict queue): each record type is
named from its own values (as stored, plain JSON), and a reference to another travelling
record is named from that record, looked up in the city's database.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.enums import PeriodKind
from db.models import MODELS_BY_RECORD_TYPE
from db.serialize import JsonValue, plain_value
from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.periods import Period
from desktop.core.record_labels import record_type_label, show_value
from desktop.sync.rules import rules_for

M_LOAN = QT_TRANSLATE_NOOP("Naming", "Contract {contract} — {borrower}")
M_LOAN_NO_BORROWER = QT_TRANSLATE_NOOP("Naming", "Contract {contract}")
M_BALANCE = QT_TRANSLATE_NOOP("Naming", "{loan}, balance on {date}")
M_CHECK = QT_TRANSLATE_NOOP("Naming", "{loan}, checked on {date}")
M_GRADE = QT_TRANSLATE_NOOP("Naming", "{group}, grade for {year}")
M_ORGANISATION_GRADE = QT_TRANSLATE_NOOP("Naming", "{organisation}, grade for {year}")
M_DOCUMENT = QT_TRANSLATE_NOOP("Naming", "Document {number}")
M_MONEY_ON = QT_TRANSLATE_NOOP("Naming", "{who}, {amount}, {date}")
M_OPENING = QT_TRANSLATE_NOOP("Naming", "Fund opening balance {year}")
M_TRANSFER = QT_TRANSLATE_NOOP("Naming", "Entrusted capital {year}, decision {decision}, {amount}")
M_CAPITAL = QT_TRANSLATE_NOOP("Naming", "Total capital {year}")
M_UNKNOWN = QT_TRANSLATE_NOOP("Naming", "(not received yet)")

Values = dict[str, JsonValue]

#: How deep references are followed (a task document → its progress record → its task).
_DEPTH = 2


class RecordNamer:
    """Names records of any commune from their values; looks referenced records up once."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._rows: dict[tuple[str, str], Values | None] = {}

    # -- values --------------------------------------------------------------------------
    def values(self, record_type: str, record_id: str) -> Values | None:
        """The stored values of one record, or ``None`` when the city does not hold it."""
        key = (record_type, record_id)
        if key not in self._rows:
            model = MODELS_BY_RECORD_TYPE[record_type]
            table = model.__table__
            row = (
                self.session.execute(select(table).where(table.c.id == record_id))
                .mappings()
                .first()
            )
            self._rows[key] = (
                {k: plain_value(v) for k, v in row.items()} if row is not None else None
            )
        return self._rows[key]

    def referenced(self, record_type: str, field: str, value: JsonValue, depth: int) -> str:
        """A reference to another travelling record named by that record."""
        target = _target_type(record_type, field)
        if target is None or not isinstance(value, str):
            return show_value(record_type, field, value)
        values = self.values(target, value)
        if values is None:
            return tr(M_UNKNOWN)
        return self.name(target, values, depth + 1)

    # -- names ---------------------------------------------------------------------------
    def name(self, record_type: str, values: Values, depth: int = 0) -> str:
        """``"Contract 3112000012 — Nguyễn Thị Lan"``, ``"Ấp Thới An"``, ``"II.2.d, Quý
        III/2026"``: how a person finds the record in the commune's own lists."""
        naming = _NAMES.get(record_type)
        if naming is None:
            return record_type_label(record_type)
        try:
            text = naming(self, values, depth)
        except (KeyError, TypeError, ValueError, UserError):
            text = ""
        return text or record_type_label(record_type)

    def show(self, record_type: str, field: str, value: JsonValue) -> str:
        """One field's value as the interface shows it; references named, not by id."""
        if _target_type(record_type, field) is not None and value is not None:
            return self.referenced(record_type, field, value, 0)
        return show_value(record_type, field, value)

    def ref(self, record_type: str, values: Values, field: str, depth: int) -> str:
        value = values.get(field)
        if value is None:
            return ""
        if depth >= _DEPTH:
            return show_value(record_type, field, value)
        return self.referenced(record_type, field, value, depth)


def _target_type(record_type: str, field: str) -> str | None:
    """The record type a field refers to, when it refers to a travelling record."""
    model = MODELS_BY_RECORD_TYPE.get(record_type)
    if model is None:
        return None
    rule = rules_for(model).columns.get(field)
    if rule is None or not rule.references_record or rule.reference is None:
        return None
    table = rule.reference[0]
    return next(
        (t for t, m in MODELS_BY_RECORD_TYPE.items() if m.__tablename__ == table),
        None,
    )


def _text(values: Values, field: str) -> str:
    value = values.get(field)
    return "" if value is None else str(value)


def _loan(namer: RecordNamer, values: Values, depth: int) -> str:
    contract = _text(values, "contract_no")
    borrower = namer.ref("loan", values, "borrower_id", depth)
    if borrower and borrower != tr(M_UNKNOWN):
        return tr(M_LOAN, contract=contract, borrower=borrower)
    return tr(M_LOAN_NO_BORROWER, contract=contract)


def _dated(field: str, message: Any) -> Callable[[RecordNamer, Values, int], str]:
    record_type = {"as_of": "loan_balance", "checked_on": "loan_check"}[field]

    def name(namer: RecordNamer, values: Values, depth: int) -> str:
        loan = namer.ref(record_type, values, "loan_id", depth)
        return tr(message, loan=loan, date=show_value(record_type, field, values.get(field)))

    return name


def _money(
    record_type: str, who: str, amount: str, day: str
) -> Callable[[RecordNamer, Values, int], str]:
    def name(_namer: RecordNamer, values: Values, _depth: int) -> str:
        return tr(
            M_MONEY_ON,
            who=_text(values, who),
            amount=show_value(record_type, amount, values.get(amount)),
            date=show_value(record_type, day, values.get(day)),
        )

    return name


def _progress(_namer: RecordNamer, values: Values, _depth: int) -> str:
    kind = PeriodKind(_text(values, "period_kind"))
    period = Period(int(_text(values, "year")), kind, int(_text(values, "period_no")))
    return f"{_text(values, 'plan_task_code')}, {period.label()}"


def _document(namer: RecordNamer, values: Values, depth: int) -> str:
    number = "/".join(p for p in (_text(values, "number"), _text(values, "symbol")) if p)
    text = tr(M_DOCUMENT, number=number) if number else _text(values, "summary")[:60]
    progress = namer.ref("task_document", values, "progress_id", depth)
    return f"{text} ({progress})" if progress else text


def _group(_namer: RecordNamer, values: Values, _depth: int) -> str:
    name, code = _text(values, "name"), _text(values, "code")
    return f"{name} ({code})" if code else name


_NAMES: dict[str, Callable[[RecordNamer, Values, int], str]] = {
    "hamlet": lambda _n, v, _d: _text(v, "name"),
    "savings_group": _group,
    "group_assessment": lambda n, v, d: tr(
        M_GRADE, group=n.ref("group_assessment", v, "group_id", d), year=_text(v, "year")
    ),
    "organisation_grade": lambda _n, v, _d: tr(
        M_ORGANISATION_GRADE,
        organisation=show_value(
            "organisation_grade", "organisation_code", v.get("organisation_code")
        ),
        year=_text(v, "year"),
    ),
    "borrower": lambda _n, v, _d: _text(v, "full_name"),
    "loan": _loan,
    "loan_balance": _dated("as_of", M_BALANCE),
    "loan_check": _dated("checked_on", M_CHECK),
    "office_task": lambda _n, v, _d: f"{_text(v, 'parent_code')} — {_text(v, 'title')}",
    "task_progress": _progress,
    "task_document": _document,
    "fund_contribution": _money("fund_contribution", "donor_name", "amount", "received_on"),
    "fund_spending": _money("fund_spending", "purpose", "amount", "spent_on"),
    "fund_opening_balance": lambda _n, v, _d: tr(M_OPENING, year=_text(v, "year")),
    "deposit": _money("deposit", "party_name", "amount", "transacted_on"),
    "entrusted_transfer": lambda _n, v, _d: tr(
        M_TRANSFER,
        year=_text(v, "year"),
        decision=_text(v, "decision_no") or "–",
        amount=show_value("entrusted_transfer", "amount", v.get("amount")),
    ),
    "capital_total": lambda _n, v, _d: tr(M_CAPITAL, year=_text(v, "year")),
}
