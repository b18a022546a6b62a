"""Xếp loại ủy thác: each year's grade of each entrusted organisation's work at the commune
(Hội Nông dân, Hội Phụ nữ, Hội Cựu chiến binh, Đoàn Thanh niên), beside the savings-and-loan
groups on the Khoản vay page. At the city the list is every commune's, read only, with the
commune filter."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QLineEdit, QWidget
from sqlalchemy.orm import Session

from db.enums import GroupGrade
from desktop.core.database import Database
from desktop.core.errors import ErrorCollector
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.loans.common import organisations
from desktop.core.loans.organisation_grades import (
    OrganisationGradeInput,
    OrganisationGradeRow,
    create_organisation_grade,
    delete_organisation_grade,
    list_organisation_grades,
    restore_organisation_grade,
    update_organisation_grade,
)
from desktop.reports.xlsx_table import CellKind
from desktop.ui.context import AppContext
from desktop.ui.forms import RecordForm
from desktop.ui.inputs import ChoiceCombo, EnumCombo
from desktop.ui.list_page import CommuneRecordsPage
from desktop.ui.loans.common import int_value
from desktop.ui.period_filter import PeriodValue
from desktop.ui.table_model import Column


class OrganisationGradeForm(RecordForm[OrganisationGradeInput]):
    def __init__(
        self, database: Database, row: OrganisationGradeRow | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            tr(QT_TRANSLATE_NOOP("OrganisationGradesTab", "Grade of an organisation's work")),
            parent,
            editing=row,
            create=create_organisation_grade,
            update=update_organisation_grade,
        )
        self.database, self.row = database, row
        with database.reading() as session:
            choices = [(o.code, o.name) for o in organisations(session)]
        self.year = self.add_field(
            "year", tr(QT_TRANSLATE_NOOP("OrganisationGradesTab", "Year")), QLineEdit()
        )
        self.organisation: ChoiceCombo = self.add_field(
            "organisation_code",
            tr(QT_TRANSLATE_NOOP("OrganisationGradesTab", "Organisation")),
            ChoiceCombo(choices, optional=True),
        )
        self.grade: EnumCombo[GroupGrade] = self.add_field(
            "grade",
            tr(QT_TRANSLATE_NOOP("OrganisationGradesTab", "Grade")),
            EnumCombo(GroupGrade, optional=True),
        )
        self.notes = self.add_field(
            "notes",
            tr(QT_TRANSLATE_NOOP("OrganisationGradesTab", "Remarks")),
            QLineEdit(),
            hint=tr(
                QT_TRANSLATE_NOOP(
                    "OrganisationGradesTab",
                    "e.g. the score, or the notice of the bank's transaction office that gave "
                    "the grade",
                )
            ),
        )
        self.year.setText(str(row.year if row else date.today().year - 1))
        if row is not None:
            self.organisation.set_value(row.organisation_code)
            self.grade.set_value(row.grade)
            self.notes.setText(row.notes)
        self.resize(560, 320)

    def read(self, reader: ErrorCollector) -> OrganisationGradeInput:
        # An empty year is the service's to report, with every other missing field.
        year = reader.check(int_value, self.year, "year")
        reader.raise_if_any()
        return OrganisationGradeInput(
            self.organisation.value(), year, self.grade.value(), self.notes.text()
        )


class OrganisationGradesTab(CommuneRecordsPage[OrganisationGradeRow]):
    title = QT_TRANSLATE_NOOP("OrganisationGradesTab", "Grades of the entrusted organisations")
    record_types = ("organisation_grade",)
    period_parts = False

    @property
    def columns(self) -> list[Column[OrganisationGradeRow]]:  # type: ignore[override]
        return [
            *self.commune_column(lambda r: r.commune_code),
            Column[OrganisationGradeRow](
                QT_TRANSLATE_NOOP("OrganisationGradesTab", "Year"), lambda r: r.year, CellKind.TEXT
            ),
            Column[OrganisationGradeRow](
                QT_TRANSLATE_NOOP("OrganisationGradesTab", "Organisation"),
                lambda r: r.organisation_name,
            ),
            Column[OrganisationGradeRow](
                QT_TRANSLATE_NOOP("OrganisationGradesTab", "Grade"), lambda r: r.grade
            ),
            Column[OrganisationGradeRow](
                QT_TRANSLATE_NOOP("OrganisationGradesTab", "Remarks"), lambda r: r.notes
            ),
        ]

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.add_note(
            tr(
                QT_TRANSLATE_NOOP(
                    "OrganisationGradesTab",
                    "One grade per organisation and year: tốt, khá, trung bình or yếu, as the "
                    "yearly review of the entrusted work gave it. The grades travel to the city "
                    "with the sync file.",
                )
            )
        )

    def load_rows(self, session: Session) -> list[OrganisationGradeRow]:
        return list_organisation_grades(session, self.owner)

    def period_of(self, row: OrganisationGradeRow) -> PeriodValue:
        return row.year

    def open_form(self, row: OrganisationGradeRow | None) -> bool:
        form = OrganisationGradeForm(self.context.database, row, self)
        accepted = form.exec() == QDialog.DialogCode.Accepted
        if accepted and form.saved_id:
            self._pending_select = form.saved_id
        return accepted

    def delete_row(self, session: Session, row: OrganisationGradeRow) -> int:
        return delete_organisation_grade(session, row.id, expected_version=row.version)

    def restore_row(self, session: Session, record_id: str, version: int) -> None:
        restore_organisation_grade(session, record_id, expected_version=version)

    def describe(self, row: OrganisationGradeRow) -> str:
        return tr(
            QT_TRANSLATE_NOOP("OrganisationGradesTab", "the {year} grade of {organisation}")
        ).format(year=row.year, organisation=row.organisation_name)
