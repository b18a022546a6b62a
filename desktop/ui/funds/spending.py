"""Grants paid from Quỹ "Vì người nghèo": the list and the form.

A grant larger than the fund's balance on the day it is paid is not refused (the money may
have come in without being recorded yet) but asked about first, with the balance; the list
shows the fund's balance after each grant, and says so when a grant took the fund below zero.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from desktop.core.errors import ErrorCollector, ValidationError
from desktop.core.formatting import format_date, format_money
from desktop.core.funds.fund import (
    SpendingInput,
    SpendingRow,
    create_spending,
    delete_spending,
    fund_balance_on,
    list_spending,
    restore_spending,
    update_spending,
    validate_spending,
)
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.office import list_hamlets
from desktop.reports.xlsx_table import CellKind
from desktop.ui.context import AppContext
from desktop.ui.dialogs import confirm
from desktop.ui.forms import RecordForm
from desktop.ui.inputs import ChoiceCombo, DateEdit, MoneyEdit
from desktop.ui.period_filter import PeriodValue
from desktop.ui.recording.forms import TextArea
from desktop.ui.recording.lists import RecordListPage
from desktop.ui.table_model import Column

# Purposes offered in the form (any other can be typed).
COMMON_PURPOSES = (
    "Hỗ trợ xây nhà Đại đoàn kết",
    "Hỗ trợ sửa chữa nhà",
    "Hỗ trợ khám chữa bệnh",
    "Hỗ trợ học sinh nghèo",
    "Hỗ trợ sinh kế",
    "Tặng quà Tết",
)

M_OVER_BALANCE = QT_TRANSLATE_NOOP(
    "SpendingForm",
    "The fund's balance on {day} is {balance}. This grant of {amount} is larger: it would "
    "take the fund {shortfall} below zero.",
)
M_NO_OPENING = QT_TRANSLATE_NOOP(
    "SpendingForm",
    "No opening balance of the fund is recorded for {year} or before: if the fund held money "
    "before it was recorded in TDCS, enter it in the Opening balance tab.",
)
M_SAVE_ANYWAY = QT_TRANSLATE_NOOP("SpendingForm", "Save this grant anyway?")
M_NOT_SAVED = QT_TRANSLATE_NOOP(
    "SpendingForm", "Not saved: larger than the fund's balance on {day} ({balance})."
)
M_BELOW_ZERO = QT_TRANSLATE_NOOP(
    "FundsPage",
    "The fund was below zero after {count} grant(s), at its lowest {balance} on {day} (in red "
    "in the column “Fund balance after the day”). Check the grants, the contributions and the "
    "opening balance.",
)


class SpendingForm(RecordForm[SpendingInput]):
    def __init__(
        self, context: AppContext, row: SpendingRow | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("New grant") if row is None else self.tr("Grant"),
            parent,
            editing=row,
            create=create_spending,
            update=update_spending,
        )
        self.context, self.row, self.database = context, row, context.database
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

    def read(self, reader: ErrorCollector) -> SpendingInput:
        data = SpendingInput(
            recipient_name=self.recipient.text(),
            purpose=self.purpose.currentText(),
            amount=reader.check(self.amount.value, "amount"),
            spent_on=reader.check(self.spent_on.value, "spent_on"),
            hamlet_id=self.hamlet.value(),
            decision_no=self.decision_no.text(),
            decision_date=reader.check(self.decision_date.value, "decision_date", required=False),
            notes=self.notes.value(),
        )
        reader.check(validate_spending, data)
        return data

    def before_save(self, data: SpendingInput) -> None:
        """Ask before a grant takes the fund below zero on the day it is paid; a No keeps the
        form open, everything typed in place. A grant changed without paying more or moving
        its date is not asked about again."""
        assert data.amount is not None and data.spent_on is not None
        row = self.row
        if row is not None and data.spent_on == row.spent_on and data.amount <= row.amount:
            return
        with self.context.database.reading() as session:
            balance = fund_balance_on(
                session,
                self.context.office.unit_code,
                data.spent_on,
                excluding=row.id if row is not None else None,
            )
        if data.amount <= balance.amount:
            return
        day, money = format_date(balance.day), format_money(balance.amount)
        parts = [
            tr(
                M_OVER_BALANCE,
                day=day,
                balance=money,
                amount=format_money(data.amount),
                shortfall=format_money(data.amount - balance.amount),
            )
        ]
        if balance.declared_year is None:
            parts.append(tr(M_NO_OPENING, year=data.spent_on.year))
        parts.append(tr(M_SAVE_ANYWAY))
        if not confirm(self, "\n\n".join(parts)):
            raise ValidationError("amount", M_NOT_SAVED, day=day, balance=money)


def _balance_after(row: SpendingRow) -> int:
    return row.balance_after


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
            QT_TRANSLATE_NOOP("FundsPage", "Fund balance after the day"),
            _balance_after,
            CellKind.MONEY,
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

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        # Says so, under the list, when a grant took the fund below zero.
        self.below_zero = QLabel()
        self.below_zero.setStyleSheet("color: #b00020")
        self.below_zero.setWordWrap(True)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.status), self.below_zero)
        self.model.loaded.connect(self._show_below_zero)
        self._show_below_zero()

    def _show_below_zero(self) -> None:
        below = [r for r in self.model.all_rows() if r.balance_after < 0]
        if below:
            lowest = min(below, key=lambda r: (r.balance_after, r.spent_on))
            self.below_zero.setText(
                tr(
                    M_BELOW_ZERO,
                    count=len(below),
                    balance=format_money(lowest.balance_after),
                    day=format_date(lowest.spent_on),
                )
            )
        self.below_zero.setVisible(bool(below))

    def load_rows(self, session: Session) -> list[SpendingRow]:
        return list_spending(session, self.owner)

    def delete_row(self, session: Session, row: SpendingRow) -> int:
        return delete_spending(session, row.id, expected_version=row.version)

    def restore_row(self, session: Session, record_id: str, version: int) -> None:
        restore_spending(session, record_id, expected_version=version)

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
