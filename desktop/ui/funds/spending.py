"""Grants paid from Quỹ "Vì người nghèo": the list and the form."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget
from sqlalchemy.orm import Session

from desktop.core.formatting import format_date, format_money
from desktop.core.funds.fund import (
    SpendingInput,
    SpendingRow,
    delete_spending,
    list_spending,
    restore_spending,
    save_spending,
    validate_spending,
)
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.office import list_hamlets
from desktop.reports.xlsx_table import CellKind
from desktop.ui.context import AppContext
from desktop.ui.forms import FieldReader, RecordForm
from desktop.ui.inputs import ChoiceCombo, DateEdit, MoneyEdit
from desktop.ui.period_filter import PeriodValue
from desktop.ui.recording.forms import TextArea, check_form
from desktop.ui.recording.lists import RecordListPage
from desktop.ui.table_model import Column

#: Purposes offered in the form (any other can be typed).
COMMON_PURPOSES = (
    "Hỗ trợ xây nhà Đại đoàn kết",
    "Hỗ trợ sửa chữa nhà",
    "Hỗ trợ khám chữa bệnh",
    "Hỗ trợ học sinh nghèo",
    "Hỗ trợ sinh kế",
    "Tặng quà Tết",
)


class SpendingForm(RecordForm):
    def __init__(
        self, context: AppContext, row: SpendingRow | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("New grant") if row is None else self.tr("Grant"), parent)
        self.context, self.row = context, row
        self.recipient = self.add_field(
            "recipient_name", self.tr("Recipient"), QLineEdit(row.recipient_name if row else "")
        )
        hamlets: list[tuple[str, str]] = []
        if not context.office.is_city:
            with context.database.reading() as session:
                hamlets = [(h.id, h.name) for h in list_hamlets(session)]
            if row is not None and row.hamlet_id and row.hamlet_id not in dict(hamlets):
                hamlets.append((row.hamlet_id, row.hamlet_name))
        self.hamlet = self.add_field(
            "hamlet", self.tr("Hamlet"), ChoiceCombo(hamlets, optional=True)
        )
        self.hamlet.setVisible(bool(hamlets))
        self.purpose = QComboBox()
        self.purpose.setEditable(True)
        self.purpose.addItems(COMMON_PURPOSES)
        self.purpose.setCurrentText(row.purpose if row else "")
        self.add_field("purpose", self.tr("Purpose"), self.purpose)
        self.amount = self.add_field("amount", self.tr("Amount"), MoneyEdit())
        self.spent_on = self.add_field("spent_on", self.tr("Date paid"), DateEdit())
        self.decision_no = self.add_field(
            "decision_no", self.tr("Decision number"), QLineEdit(row.decision_no if row else "")
        )
        self.decision_date = self.add_field("decision_date", self.tr("Decision date"), DateEdit())
        self.notes = self.add_field("notes", self.tr("Notes"), TextArea(row.notes if row else ""))
        if row is not None:
            self.hamlet.set_value(row.hamlet_id)
            self.amount.set_value(row.amount)
            self.spent_on.set_value(row.spent_on)
            self.decision_date.set_value(row.decision_date)
        else:
            self.spent_on.set_value(date.today())

    def read(self, reader: FieldReader) -> SpendingInput:
        return SpendingInput(
            recipient_name=self.recipient.text(),
            purpose=self.purpose.currentText(),
            amount=reader.read(self.amount.value, "amount"),
            spent_on=reader.read(self.spent_on.value, "spent_on"),
            hamlet_id=self.hamlet.value(),
            decision_no=self.decision_no.text(),
            decision_date=reader.read(self.decision_date.value, "decision_date", required=False),
            notes=self.notes.value(),
        )

    def submit(self) -> None:
        reader = FieldReader()
        data = self.read(reader)
        check_form(reader, lambda: validate_spending(data))
        with self.context.database.transaction() as session:
            save_spending(
                session,
                data,
                record_id=self.row.id if self.row else None,
                expected_version=self.row.version if self.row else None,
            )


class SpendingListPage(RecordListPage[SpendingRow]):
    title = QT_TRANSLATE_NOOP("FundsPage", "Grants from the fund")
    record_types = ("fund_spending",)
    form_class = SpendingForm
    columns = (
        Column[SpendingRow](
            QT_TRANSLATE_NOOP("FundsPage", "Date paid"), lambda r: r.spent_on, CellKind.DATE
        ),
        Column[SpendingRow](
            QT_TRANSLATE_NOOP("FundsPage", "Recipient"), lambda r: r.recipient_name
        ),
        Column[SpendingRow](QT_TRANSLATE_NOOP("FundsPage", "Hamlet"), lambda r: r.hamlet_name),
        Column[SpendingRow](QT_TRANSLATE_NOOP("FundsPage", "Purpose"), lambda r: r.purpose),
        Column[SpendingRow](
            QT_TRANSLATE_NOOP("FundsPage", "Amount"), lambda r: r.amount, CellKind.MONEY
        ),
        Column[SpendingRow](
            QT_TRANSLATE_NOOP("FundsPage", "Decision number"), lambda r: r.decision_no
        ),
        Column[SpendingRow](
            QT_TRANSLATE_NOOP("FundsPage", "Decision date"),
            lambda r: r.decision_date,
            CellKind.DATE,
        ),
        Column[SpendingRow](QT_TRANSLATE_NOOP("FundsPage", "Notes"), lambda r: r.notes),
    )

    def load_rows(self, session: Session) -> list[SpendingRow]:
        return list_spending(session, self.owner)

    def delete_row(self, session: Session, row: SpendingRow) -> None:
        delete_spending(session, row.id, expected_version=row.version)

    def restore_row(self, session: Session, record_id: str) -> None:
        restore_spending(session, record_id)

    def describe(self, row: SpendingRow) -> str:
        return tr(
            QT_TRANSLATE_NOOP("FundsPage", "the grant to {recipient} ({amount}, {day})")
        ).format(
            recipient=row.recipient_name,
            amount=format_money(row.amount),
            day=format_date(row.spent_on),
        )

    def period_of(self, row: SpendingRow) -> PeriodValue:
        return row.spent_on

    def amount_of(self, row: SpendingRow) -> int | None:
        return row.amount
