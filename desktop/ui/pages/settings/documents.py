"""Documents and reports: which body issues each report (the form of the document follows
it), who signs for each body, and the number and date of the city's plan that reports cite."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.core.errors import ErrorCollector, FormErrors, ValidationError
from desktop.core.issuers import (
    COMMUNE_BODIES,
    POSITIONS,
    Body,
    bodies_for,
    body_name,
    document_settings,
    position_text,
    save_document_settings,
)
from desktop.core.office import current_office
from desktop.ui.context import AppContext
from desktop.ui.inputs import ChoiceCombo, DateEdit
from desktop.ui.views import message_label


class DocumentsBox(QGroupBox):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Documents and reports"))
        self.context = context
        #: What the box showed when last read or saved.
        self._saved: tuple[object, ...] | None = None
        form = QFormLayout(self)
        office = self.context.office
        self.office_body: ChoiceCombo | None = None
        self.fund_body: ChoiceCombo | None = None
        if office.is_city:
            note = self.tr(
                "The yearly report (before 30/10) is the Standing Committee of the City Party "
                "Committee's, in the Party's form (“Số …-BC/TU”, “T/M BAN THƯỜNG VỤ”); the "
                "fund's reports are the city Fatherland Front Committee's; the others the city "
                "People's Committee's. A commune's report made here keeps the commune as its "
                "issuer and says it is a copy made from the commune's data."
            )
        else:
            self.office_body = ChoiceCombo([])
            self.fund_body = ChoiceCombo([])
            form.addRow(self.tr("Plan and loan reports issued by"), self.office_body)
            form.addRow(self.tr("Fund reports issued by"), self.fund_body)
            note = self.tr(
                "The document's form follows the body that issues it: a People's Committee's "
                "follows Decree 30/2020 (the national motto, “Số: …/BC-UBND”); a Party "
                "Committee's the Party's form (“ĐẢNG CỘNG SẢN VIỆT NAM”, “Số …-BC/ĐU”, “T/M "
                "ĐẢNG ỦY”); the Fatherland Front's its own (“Số: …/BC-MTTQ”, “TM. BAN THƯỜNG "
                "TRỰC”)."
            )
        about = QLabel(note)
        about.setWordWrap(True)
        form.addRow("", about)

        signers = QWidget()
        grid = QGridLayout(signers)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, heading in enumerate(
            (self.tr("Signs for"), self.tr("Position"), self.tr("Full name"))
        ):
            grid.addWidget(QLabel(f"<b>{heading}</b>"), 0, column)
        self.body_labels: dict[Body, QLabel] = {}
        self.signer_titles: dict[Body, QComboBox] = {}
        self.signer_names: dict[Body, QLineEdit] = {}
        for row, body in enumerate(bodies_for(office), start=1):
            name = QLabel()
            name.setWordWrap(True)
            title = QComboBox()
            title.setEditable(True)
            title.addItems(list(POSITIONS[body]))
            title.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            line = title.lineEdit()
            assert line is not None  # editable, set above
            line.setPlaceholderText(POSITIONS[body][0])
            person = QLineEdit()
            person.setPlaceholderText(self.tr("as printed under the signature"))
            grid.addWidget(name, row, 0)
            grid.addWidget(title, row, 1)
            grid.addWidget(person, row, 2)
            self.body_labels[body] = name
            self.signer_titles[body] = title
            self.signer_names[body] = person
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 3)
        form.addRow(self.tr("Signers"), signers)

        self.plan_number = QLineEdit()
        self.plan_number.setPlaceholderText("…-KH/TU")
        self.plan_number.setMaxLength(30)
        self.plan_date = DateEdit()
        plan = QHBoxLayout()
        plan.addWidget(QLabel(self.tr("Number")))
        plan.addWidget(self.plan_number)
        plan.addWidget(QLabel(self.tr("dated")))
        plan.addWidget(self.plan_date)
        plan.addStretch(1)
        form.addRow(self.tr("City plan for Directive 39"), plan)
        plan_note = QLabel(
            self.tr(
                "The plan of the Standing Committee of the City Party Committee that replaced "
                "Kế hoạch số 386-KH/TU of 12/03/2025; reports cite it by this number and date."
            )
        )
        plan_note.setWordWrap(True)
        form.addRow("", plan_note)
        self.documents_error = message_label()
        form.addRow("", self.documents_error)
        self.save_documents = QPushButton(self.tr("Save"))
        self.save_documents.clicked.connect(self._save_documents)
        form.addRow("", self.save_documents)

    def has_unsaved_changes(self) -> bool:
        return self._saved is not None and self._values() != self._saved

    def show_stored(self) -> None:
        """Show what is stored, unless the box holds edits not saved yet."""
        if self._saved is None or not self.has_unsaved_changes():
            self.load()

    def _values(self) -> tuple[object, ...]:
        return (
            self.office_body.value() if self.office_body is not None else None,
            self.fund_body.value() if self.fund_body is not None else None,
            tuple(
                (title.currentText(), self.signer_names[body].text())
                for body, title in self.signer_titles.items()
            ),
            self.plan_number.text(),
            self.plan_date.text(),
        )

    def load(self) -> None:
        with self.context.database.reading() as session:
            office = current_office(session) or self.context.office
            documents = document_settings(session, office)
        self.show_body_names()
        if self.office_body is not None and self.fund_body is not None:
            self.office_body.set_value(documents.office_body.value)
            self.fund_body.set_value(documents.fund_body.value)
        for body, signer in documents.signers.items():
            self.signer_titles[body].setCurrentText(position_text(signer.title))
            self.signer_names[body].setText(signer.name)
        self.plan_number.setText(documents.plan.number)
        self.plan_date.set_value(documents.plan.issued_on)
        self._saved = self._values()

    def show_body_names(self) -> None:
        """The bodies named as documents name them (the People's Committee by the office's
        name)."""
        office = self.context.database.office() or self.context.office
        choices = [(body.value, body_name(office, body)) for body in COMMUNE_BODIES]
        for combo in (self.office_body, self.fund_body):
            if combo is not None:
                chosen = combo.value()
                combo.set_choices(choices)
                combo.set_value(chosen)
        for body, label in self.body_labels.items():
            label.setText(body_name(office, body))

    def _save_documents(self) -> None:
        self.documents_error.clear()
        self.save_documents.setEnabled(False)
        office = self.context.database.office() or self.context.office
        unread = ErrorCollector()
        plan_date = unread.check(self.plan_date.value, "plan_date", required=False)
        errors = ErrorCollector()
        try:
            with self.context.database.transaction() as session:
                errors.check(
                    save_document_settings,
                    session,
                    office,
                    office_body=self._body(self.office_body),
                    fund_body=self._body(self.fund_body),
                    signers=[
                        (
                            body,
                            self.signer_titles[body].currentText(),
                            self.signer_names[body].text(),
                        )
                        for body in self.signer_titles
                    ],
                    plan=(self.plan_number.text(), plan_date),
                )
                errors.errors.extend(unread.errors)  # a date that cannot be read, last
                errors.raise_if_any()
        except (ValidationError, FormErrors) as error:
            self.documents_error.setText(error.text())
            return
        finally:
            self.save_documents.setEnabled(True)
        self.context.office_changed()
        self.load()
        self.documents_error.setText(self.tr("Saved."))

    @staticmethod
    def _body(combo: ChoiceCombo | None) -> Body | None:
        value = combo.value() if combo is not None else None
        return Body(value) if value else None
