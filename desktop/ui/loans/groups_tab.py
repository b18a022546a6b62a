"""Tổ TK&VV: the list, the form, and each group's yearly grades."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QLineEdit,
    QPushButton,
    QWidget,
)
from sqlalchemy.orm import Session

from db.enums import GroupGrade, GroupStatus
from desktop.core.database import Database
from desktop.core.errors import ErrorCollector
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.labels import label
from desktop.core.loans.common import organisations
from desktop.core.loans.groups import (
    AssessmentInput,
    AssessmentRow,
    GroupInput,
    GroupRow,
    add_assessment,
    create_group,
    delete_assessment,
    delete_group,
    list_assessments,
    list_groups,
    restore_assessment,
    restore_group,
    update_assessment,
    update_group,
)
from desktop.core.office import list_hamlets
from desktop.reports.xlsx_table import CellKind
from desktop.ui.context import AppContext
from desktop.ui.forms import RecordForm
from desktop.ui.inputs import ChoiceCombo, DateEdit, EnumCombo, MoneyEdit
from desktop.ui.list_page import CommuneRecordsPage, ListDialog, ListPage
from desktop.ui.loans.common import int_value
from desktop.ui.table_model import Column


def grade_text(row: GroupRow) -> str:
    """``Tốt (2025)``: the latest grade and its year."""
    if row.grade is None:
        return ""
    return f"{label(row.grade)} ({row.grade_year})"


class GroupForm(RecordForm[GroupInput]):
    def __init__(self, database: Database, row: GroupRow | None, parent: QWidget | None = None):
        super().__init__(
            tr(QT_TRANSLATE_NOOP("GroupsTab", "Savings-and-loan group"))
            if row is None
            else row.label,
            parent,
            editing=row,
            create=create_group,
            update=update_group,
        )
        self.database, self.row = database, row
        with database.reading() as session:
            hamlets = [(h.id, h.name) for h in list_hamlets(session)]
            orgs = [(o.code, o.short_name) for o in organisations(session)]
        self.code = self.add_field(
            "code", tr(QT_TRANSLATE_NOOP("GroupsTab", "Group code")), QLineEdit()
        )
        self.name = self.add_field("name", tr(QT_TRANSLATE_NOOP("GroupsTab", "Name")), QLineEdit())
        self.hamlet = self.add_field(
            "hamlet_id",
            tr(QT_TRANSLATE_NOOP("GroupsTab", "Hamlet")),
            ChoiceCombo(hamlets, optional=True),
        )
        self.organisation = self.add_field(
            "organisation_code",
            tr(QT_TRANSLATE_NOOP("GroupsTab", "Organisation")),
            ChoiceCombo(orgs, optional=True),
        )
        self.leader = self.add_field(
            "leader_name", tr(QT_TRANSLATE_NOOP("GroupsTab", "Group leader")), QLineEdit()
        )
        self.phone = self.add_field(
            "leader_phone", tr(QT_TRANSLATE_NOOP("GroupsTab", "Leader's phone")), QLineEdit()
        )
        self.decision_no = self.add_field(
            "founding_decision_no",
            tr(QT_TRANSLATE_NOOP("GroupsTab", "Founding decision no.")),
            QLineEdit(),
            hint=tr(QT_TRANSLATE_NOOP("GroupsTab", "e.g. 125/QĐ-UBND")),
        )
        self.decision_date = self.add_field(
            "founding_decision_date",
            tr(QT_TRANSLATE_NOOP("GroupsTab", "Decision date")),
            DateEdit(),
        )
        self.status: EnumCombo[GroupStatus] = self.add_field(
            "status", tr(QT_TRANSLATE_NOOP("GroupsTab", "Status")), EnumCombo(GroupStatus)
        )
        self.notes = self.add_field(
            "notes", tr(QT_TRANSLATE_NOOP("GroupsTab", "Notes")), QLineEdit()
        )
        if row is not None:
            self.code.setText(row.code)
            self.name.setText(row.name)
            self.hamlet.set_value(row.hamlet_id)
            self.organisation.set_value(row.organisation_code)
            self.leader.setText(row.leader_name)
            self.phone.setText(row.leader_phone)
            self.decision_no.setText(row.founding_decision_no)
            self.decision_date.set_value(row.founding_decision_date)
            self.status.set_value(row.status)
            self.notes.setText(row.notes)

    def read(self, reader: ErrorCollector) -> GroupInput:
        decided = reader.check(self.decision_date.value, "founding_decision_date", required=False)
        reader.raise_if_any()
        data = GroupInput(
            code=self.code.text(),
            name=self.name.text(),
            hamlet_id=self.hamlet.value(),
            organisation_code=self.organisation.value(),
            leader_name=self.leader.text(),
            leader_phone=self.phone.text(),
            founding_decision_no=self.decision_no.text(),
            founding_decision_date=decided,
            status=self.status.value() or GroupStatus.ACTIVE,
            notes=self.notes.text(),
        )
        return data


class AssessmentForm(RecordForm[AssessmentInput]):
    def __init__(
        self,
        database: Database,
        group_id: str,
        row: AssessmentRow | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            tr(QT_TRANSLATE_NOOP("GroupsTab", "Yearly grade")),
            parent,
            editing=row,
            update=update_assessment,
        )
        self.database, self.group_id, self.row = database, group_id, row
        self.year = self.add_field("year", tr(QT_TRANSLATE_NOOP("GroupsTab", "Year")), QLineEdit())
        self.grade: EnumCombo[GroupGrade] = self.add_field(
            "grade",
            tr(QT_TRANSLATE_NOOP("GroupsTab", "Grade")),
            EnumCombo(GroupGrade, optional=True),
        )
        self.members = self.add_field(
            "members_count", tr(QT_TRANSLATE_NOOP("GroupsTab", "Members")), QLineEdit()
        )
        self.savings: MoneyEdit = self.add_field(
            "members_savings", tr(QT_TRANSLATE_NOOP("GroupsTab", "Members' savings")), MoneyEdit()
        )
        self.notes = self.add_field(
            "notes", tr(QT_TRANSLATE_NOOP("GroupsTab", "Notes")), QLineEdit()
        )
        self.year.setText(str(row.year if row else date.today().year - 1))
        if row is not None:
            self.grade.set_value(row.grade)
            self.members.setText("" if row.members_count is None else str(row.members_count))
            self.savings.set_value(row.members_savings)
            self.notes.setText(row.notes)
        self.resize(520, 360)

    def read(self, reader: ErrorCollector) -> AssessmentInput:
        year = reader.check(int_value, self.year, "year", required=True)
        members = reader.check(int_value, self.members, "members_count")
        savings = reader.check(self.savings.value, "members_savings", required=False)
        reader.raise_if_any()
        data = AssessmentInput(year, self.grade.value(), members, savings, self.notes.text())
        return data

    def create_record(self, session: Session, data: AssessmentInput) -> str:
        return add_assessment(session, self.group_id, data)


ASSESSMENT_COLUMNS = [
    Column[AssessmentRow](QT_TRANSLATE_NOOP("GroupsTab", "Year"), lambda a: a.year, CellKind.TEXT),
    Column[AssessmentRow](QT_TRANSLATE_NOOP("GroupsTab", "Grade"), lambda a: a.grade),
    Column[AssessmentRow](
        QT_TRANSLATE_NOOP("GroupsTab", "Members"), lambda a: a.members_count, CellKind.NUMBER
    ),
    Column[AssessmentRow](
        QT_TRANSLATE_NOOP("GroupsTab", "Members' savings"),
        lambda a: a.members_savings,
        CellKind.MONEY,
    ),
    Column[AssessmentRow](QT_TRANSLATE_NOOP("GroupsTab", "Notes"), lambda a: a.notes),
]


class GroupGrades(ListPage[AssessmentRow]):
    """A group's grades year by year."""

    title = QT_TRANSLATE_NOOP("GroupsTab", "Grades")
    columns = ASSESSMENT_COLUMNS
    record_types = ("group_assessment",)
    show_title = False

    def __init__(self, context: AppContext, group: GroupRow, parent: QWidget | None = None):
        self.group = group
        super().__init__(context, parent)

    @property
    def editable(self) -> bool:  # type: ignore[override]
        return not self.context.office.is_city

    def load_rows(self, session: Session) -> list[AssessmentRow]:
        return list_assessments(session, self.group.id)

    def open_form(self, row: AssessmentRow | None) -> bool:
        form = AssessmentForm(self.context.database, self.group.id, row, self)
        return form.exec() == QDialog.DialogCode.Accepted

    def delete_row(self, session: Session, row: AssessmentRow) -> int:
        return delete_assessment(session, row.id, expected_version=row.version)

    def restore_row(self, session: Session, record_id: str, version: int) -> None:
        restore_assessment(session, record_id, expected_version=version)

    def row_id(self, row: AssessmentRow) -> str:
        return row.id

    def describe(self, row: AssessmentRow) -> str:
        return tr(QT_TRANSLATE_NOOP("GroupsTab", "the grade of {year}")).format(year=row.year)


def grades_dialog(
    context: AppContext, group: GroupRow, parent: QWidget | None = None
) -> ListDialog:
    title = tr(QT_TRANSLATE_NOOP("GroupsTab", "Grades of {group}")).format(group=group.label)
    return ListDialog(GroupGrades(context, group), title, parent, size=(760, 420))


class GroupsTab(CommuneRecordsPage[GroupRow]):
    title = QT_TRANSLATE_NOOP("GroupsTab", "Savings-and-loan groups")
    record_types = ("savings_group", "group_assessment")

    @property
    def columns(self) -> list[Column[GroupRow]]:  # type: ignore[override]
        return [
            *self.commune_column(lambda g: g.commune_code),
            Column[GroupRow](QT_TRANSLATE_NOOP("GroupsTab", "Code"), lambda g: g.code),
            Column[GroupRow](QT_TRANSLATE_NOOP("GroupsTab", "Name"), lambda g: g.name),
            Column[GroupRow](QT_TRANSLATE_NOOP("GroupsTab", "Hamlet"), lambda g: g.hamlet_name),
            Column[GroupRow](
                QT_TRANSLATE_NOOP("GroupsTab", "Organisation"), lambda g: g.organisation_name
            ),
            Column[GroupRow](QT_TRANSLATE_NOOP("GroupsTab", "Leader"), lambda g: g.leader_name),
            Column[GroupRow](QT_TRANSLATE_NOOP("GroupsTab", "Phone"), lambda g: g.leader_phone),
            Column[GroupRow](QT_TRANSLATE_NOOP("GroupsTab", "Status"), lambda g: g.status),
            Column[GroupRow](QT_TRANSLATE_NOOP("GroupsTab", "Latest grade"), grade_text),
            Column[GroupRow](
                QT_TRANSLATE_NOOP("GroupsTab", "Members"),
                lambda g: g.members,
                CellKind.NUMBER,
                False,
            ),
            Column[GroupRow](
                QT_TRANSLATE_NOOP("GroupsTab", "Borrowers with balance"),
                lambda g: g.borrowers_with_balance,
                CellKind.NUMBER,
                False,
            ),
            Column[GroupRow](
                QT_TRANSLATE_NOOP("GroupsTab", "Outstanding"),
                lambda g: g.outstanding,
                CellKind.MONEY,
                False,
            ),
            Column[GroupRow](
                QT_TRANSLATE_NOOP("GroupsTab", "Overdue"),
                lambda g: g.overdue,
                CellKind.MONEY,
                False,
            ),
        ]

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.grades_button = QPushButton(tr(QT_TRANSLATE_NOOP("GroupsTab", "Grades…")))
        self.insert_button(self.grades_button)
        self.grades_button.clicked.connect(self.show_grades)
        self.add_note(
            tr(
                QT_TRANSLATE_NOOP(
                    "GroupsTab",
                    "Members are the borrowers with a loan in the group; borrowers with "
                    "balance, outstanding and overdue are as of today.",
                )
            )
        )

    def load_rows(self, session: Session) -> list[GroupRow]:
        return list_groups(session, self.owner)

    def open_form(self, row: GroupRow | None) -> bool:
        form = GroupForm(self.context.database, row, self)
        accepted = form.exec() == QDialog.DialogCode.Accepted
        if accepted and form.saved_id:
            self._pending_select = form.saved_id
        return accepted

    def delete_row(self, session: Session, row: GroupRow) -> int:
        return delete_group(session, row.id, expected_version=row.version)

    def restore_row(self, session: Session, record_id: str, version: int) -> None:
        restore_group(session, record_id, expected_version=version)

    def describe(self, row: GroupRow) -> str:
        return row.label

    def show_grades(self) -> None:
        row = self.selected()
        if row is None:
            return
        grades_dialog(self.context, row, self).exec()
        self.reload()
