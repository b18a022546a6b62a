"""Borrowers: the list and the form."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLineEdit, QWidget
from sqlalchemy.orm import Session

from db.enums import HouseholdCategory, Sex
from db.models import Borrower
from desktop.core.database import Database
from desktop.core.errors import ErrorCollector
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.loans.borrowers import (
    BorrowerInput,
    BorrowerRow,
    create_borrower,
    delete_borrower,
    list_borrowers,
    restore_borrower,
    update_borrower,
)
from desktop.core.loans.groups import group_choices
from desktop.core.office import list_hamlets, require_office
from desktop.reports.xlsx_table import CellKind
from desktop.ui.field_limits import limited_edit
from desktop.ui.forms import RecordForm
from desktop.ui.inputs import ChoiceCombo, EnumCombo
from desktop.ui.list_page import CommuneRecordsPage
from desktop.ui.loans.common import int_value, plain
from desktop.ui.table_model import Column


class BorrowerForm(RecordForm[BorrowerInput]):
    def __init__(
        self, database: Database, row: BorrowerRow | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            tr(QT_TRANSLATE_NOOP("BorrowersTab", "Borrower")) if row is None else row.full_name,
            parent,
            editing=row,
            create=create_borrower,
            update=update_borrower,
        )
        self.database, self.row = database, row
        with database.reading() as session:
            hamlets = [(h.id, h.name) for h in list_hamlets(session)]
            groups = group_choices(session, require_office(session).own_records)
        self.full_name = self.add_field(
            "full_name",
            tr(QT_TRANSLATE_NOOP("BorrowersTab", "Full name")),
            limited_edit(Borrower.full_name),
        )
        self.citizen_id = self.add_field(
            "citizen_id",
            tr(QT_TRANSLATE_NOOP("BorrowersTab", "Citizen ID")),
            QLineEdit(),
            hint=tr(QT_TRANSLATE_NOOP("BorrowersTab", "12 digits; may be left empty")),
        )
        self.birth_year = self.add_field(
            "birth_year", tr(QT_TRANSLATE_NOOP("BorrowersTab", "Year of birth")), QLineEdit()
        )
        self.sex: EnumCombo[Sex] = self.add_field(
            "sex", tr(QT_TRANSLATE_NOOP("BorrowersTab", "Sex")), EnumCombo(Sex, optional=True)
        )
        self.hamlet = self.add_field(
            "hamlet_id",
            tr(QT_TRANSLATE_NOOP("BorrowersTab", "Hamlet")),
            ChoiceCombo(hamlets, optional=True),
        )
        self.household: EnumCombo[HouseholdCategory] = self.add_field(
            "household_category",
            tr(QT_TRANSLATE_NOOP("BorrowersTab", "Household")),
            EnumCombo(HouseholdCategory),
        )
        self.phone = self.add_field(
            "phone", tr(QT_TRANSLATE_NOOP("BorrowersTab", "Phone")), QLineEdit()
        )
        self.group = self.add_field(
            "group_id",
            plain(tr(QT_TRANSLATE_NOOP("BorrowersTab", "Savings-and-loan group"))),
            ChoiceCombo(groups, optional=True),
        )
        self.notes = self.add_field(
            "notes", tr(QT_TRANSLATE_NOOP("BorrowersTab", "Notes")), QLineEdit()
        )
        self.household.set_value(HouseholdCategory.KHAC)
        if row is not None:
            self.full_name.setText(row.full_name)
            self.citizen_id.setText(row.citizen_id)
            self.birth_year.setText("" if row.birth_year is None else str(row.birth_year))
            self.sex.set_value(row.sex)
            self.hamlet.set_value(row.hamlet_id)
            self.household.set_value(row.household_category)
            self.phone.setText(row.phone)
            self.group.set_value(row.group_id)
            self.notes.setText(row.notes)
        self.resize(600, 520)

    def read(self, reader: ErrorCollector) -> BorrowerInput:
        birth_year = reader.check(int_value, self.birth_year, "birth_year")
        reader.raise_if_any()
        data = BorrowerInput(
            full_name=self.full_name.text(),
            citizen_id=self.citizen_id.text(),
            birth_year=birth_year,
            sex=self.sex.value(),
            hamlet_id=self.hamlet.value(),
            household_category=self.household.value() or HouseholdCategory.KHAC,
            phone=self.phone.text(),
            group_id=self.group.value(),
            notes=self.notes.text(),
        )
        return data


class BorrowersTab(CommuneRecordsPage[BorrowerRow]):
    title = QT_TRANSLATE_NOOP("BorrowersTab", "Borrowers")
    record_types = ("borrower",)

    @property
    def columns(self) -> list[Column[BorrowerRow]]:  # type: ignore[override]
        return [
            *self.commune_column(lambda b: b.commune_code),
            Column[BorrowerRow](
                QT_TRANSLATE_NOOP("BorrowersTab", "Full name"), lambda b: b.full_name
            ),
            Column[BorrowerRow](
                QT_TRANSLATE_NOOP("BorrowersTab", "Citizen ID"), lambda b: b.citizen_id
            ),
            Column[BorrowerRow](
                QT_TRANSLATE_NOOP("BorrowersTab", "Year of birth"),
                lambda b: b.birth_year,
                CellKind.TEXT,
                display=lambda v: "" if v is None else str(v),
            ),
            Column[BorrowerRow](QT_TRANSLATE_NOOP("BorrowersTab", "Sex"), lambda b: b.sex),
            Column[BorrowerRow](
                QT_TRANSLATE_NOOP("BorrowersTab", "Hamlet"), lambda b: b.hamlet_name
            ),
            Column[BorrowerRow](
                QT_TRANSLATE_NOOP("BorrowersTab", "Household"), lambda b: b.household_category
            ),
            Column[BorrowerRow](QT_TRANSLATE_NOOP("BorrowersTab", "Phone"), lambda b: b.phone),
            Column[BorrowerRow](QT_TRANSLATE_NOOP("BorrowersTab", "Group"), lambda b: b.group_name),
            Column[BorrowerRow](
                QT_TRANSLATE_NOOP("BorrowersTab", "Loans"),
                lambda b: b.loans,
                CellKind.NUMBER,
                False,
            ),
            Column[BorrowerRow](
                QT_TRANSLATE_NOOP("BorrowersTab", "Outstanding"),
                lambda b: b.outstanding,
                CellKind.MONEY,
                False,
            ),
        ]

    def load_rows(self, session: Session) -> list[BorrowerRow]:
        return list_borrowers(session, self.owner)

    def open_form(self, row: BorrowerRow | None) -> bool:
        form = BorrowerForm(self.context.database, row, self)
        accepted = form.exec() == QDialog.DialogCode.Accepted
        if accepted and form.saved_id:
            self._pending_select = form.saved_id
        return accepted

    def delete_row(self, session: Session, row: BorrowerRow) -> int:
        return delete_borrower(session, row.id, expected_version=row.version)

    def restore_row(self, session: Session, record_id: str, version: int) -> None:
        restore_borrower(session, record_id, expected_version=version)

    def describe(self, row: BorrowerRow) -> str:
        return row.full_name
