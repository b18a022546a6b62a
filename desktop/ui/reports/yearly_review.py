"""Đánh giá năm… (on Báo cáo): where the city's clerk writes the parts II–IV of the
Standing Committee's yearly report (``city-yearly``) — strengths, shortcomings, causes,
lessons, the next year's directions and the proposals — and, for a report made before the
year ends, chooses how each group of figures is estimated for the whole year: by the stated
rule (figure × days in the year ÷ days elapsed), by values typed in (the rule's values are
the starting point), or not at all.

Beside the texts: the difficulties and proposals the city office and the communes wrote in
their progress records of the year, by office, to draw on. One assessment a year, saved
through the service (:mod:`desktop.core.yearly.review`); its versions are in its history.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from db.base import CITY_CODE
from desktop.core.dashboard.history import change_history
from desktop.core.errors import ErrorCollector
from desktop.core.formatting import format_date, format_money, group_thousands
from desktop.core.i18n import tr
from desktop.core.office import list_communes
from desktop.core.tasks.remarks import Remark, remarks_of_year
from desktop.core.yearly.figures import (
    BY_RULE_COLUMNS,
    GROUP_TITLES,
    Figure,
    Group,
    YearFigures,
    days_elapsed,
    days_in_year,
    figures_of,
    needs_estimate,
    year_figures,
)
from desktop.core.yearly.review import (
    TEXTS,
    ReviewInput,
    ReviewRow,
    create_review,
    review_of_year,
    update_review,
    validate_review,
)
from desktop.ui.context import AppContext
from desktop.ui.forms import RecordForm
from desktop.ui.history import HistoryDialog
from desktop.ui.inputs import CountEdit, MoneyEdit
from desktop.ui.recording.forms import TextArea


def review_day(year: int, issued_on: date | None) -> date:
    """The day the year's figures stop at: the document's date while the year runs, the
    year's last day once it has ended (as the report counts them)."""
    end = date(year, 12, 31)
    return end if issued_on is None or issued_on > end else issued_on


class YearlyReviewForm(RecordForm[object]):
    def __init__(
        self, context: AppContext, year: int, day: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Assessment and directions of {year}").format(year=year), parent)
        self.context, self.year, self.day = context, year, day
        # Each label above its field: the texts get the width.
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.estimating = needs_estimate(year, day)
        with context.database.reading() as session:
            self.row: ReviewRow | None = review_of_year(session, year)
            self.figures: YearFigures | None = (
                year_figures(session, year, day) if self.estimating else None
            )
            remarks = remarks_of_year(session, year, day)
            names = {c.code: c.label for c in list_communes(session)}
        labels = {
            "strengths": self.tr("Strengths"),
            "shortcomings": self.tr("Shortcomings"),
            "causes": self.tr("Causes"),
            "lessons": self.tr("Lessons learned"),
            "directions": self.tr("Directions and tasks for {year}").format(year=year + 1),
            "proposals": self.tr("Proposals and recommendations"),
        }
        self.add_section(self.tr("II. General assessment — III. Directions — IV. Proposals"))
        self.texts: dict[str, TextArea] = {}
        for name in TEXTS:
            area = TextArea(getattr(self.row, name) if self.row else "", lines=5)
            self.texts[name] = area
            self.add_field(name, labels[name], area)

        self.rules: dict[Group, QCheckBox] = {}
        self.estimates: dict[str, CountEdit | MoneyEdit] = {}
        if self.figures is not None:
            self.add_section(
                self.tr(
                    "Estimate for the whole year (the figures run to {day}; the rule: figure × "
                    "{days} ÷ {elapsed} days elapsed)"
                ).format(
                    day=format_date(day),
                    days=days_in_year(year),
                    elapsed=days_elapsed(day),
                )
            )
            for group in Group:
                self._add_group(group, self.figures)

        self.history_button = QPushButton(self.tr("History…"))
        self.history_button.setEnabled(self.row is not None)
        self.history_button.clicked.connect(self.show_history)
        self.buttons.addButton(self.history_button, self.buttons.ButtonRole.ResetRole)

        # The offices' own words beside the fields, to draw on while writing.
        self.remarks = QPlainTextEdit(self._remarks_text(remarks, names))
        self.remarks.setReadOnly(True)
        self.remarks.setObjectName("officesRemarks")
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(
            QLabel(
                self.tr("Difficulties and proposals the offices wrote in {year}").format(year=year)
            )
        )
        side_layout.addWidget(self.remarks, 1)
        outer = self.layout()
        assert isinstance(outer, QVBoxLayout)
        scroll = self.findChild(QScrollArea)
        assert scroll is not None  # the form's fields
        outer.removeWidget(scroll)
        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        outer.insertWidget(0, splitter, 1)
        self.resize(1000, 640)  # within a 1024×768 screen

    # -- the estimates ----------------------------------------------------------------------
    def _add_group(self, group: Group, figures: YearFigures) -> None:
        rule = QCheckBox(self.tr("Estimate by the rule"))
        # As wide as its words: a click beside them does not tick it.
        rule.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.rules[group] = rule
        self.add_field(BY_RULE_COLUMNS[group], tr(GROUP_TITLES[group]), rule)
        for figure in figures_of(group):
            edit: CountEdit | MoneyEdit = MoneyEdit() if figure.money else CountEdit()
            self.estimates[figure.key] = edit
            entered = self.row.entered(figure.key) if self.row else None
            edit.set_value(entered)
            self.add_field(
                figure.column,
                tr(figure.title),
                edit,
                hint=self.tr("To {day}: {value}; by the rule: {rule}").format(
                    day=format_date(self.day),
                    value=self._shown(figure, figures[figure.key]),
                    rule=self._shown(figure, figures.estimate_by_rule(figure.key)),
                ),
            )
        rule.toggled.connect(lambda on, g=group: self._rule_toggled(g, on))
        rule.setChecked(bool(self.row and self.row.by_rule(group)))

    def _shown(self, figure: Figure, value: int | None) -> str:
        if value is None:
            return self.tr("not known")
        return format_money(value) if figure.money else group_thousands(value)

    def _rule_toggled(self, group: Group, on: bool) -> None:
        """By the rule: the rule's values, fixed; unticked, they stay there to be changed."""
        assert self.figures is not None
        for figure in figures_of(group):
            edit = self.estimates[figure.key]
            if on:
                edit.set_value(self.figures.estimate_by_rule(figure.key))
            edit.setEnabled(not on)

    # -- the offices' remarks ---------------------------------------------------------------
    def _remarks_text(self, remarks: dict[str, list[Remark]], names: dict[str, str]) -> str:
        if not remarks:
            return self.tr("No office wrote difficulties or proposals in {year}.").format(
                year=self.year
            )
        order = [CITY_CODE, *names]
        blocks = []
        for owner in sorted(remarks, key=lambda o: order.index(o) if o in order else len(order)):
            name = self.tr("City office") if owner == CITY_CODE else names.get(owner, owner)
            lines = [name]
            for remark in remarks[owner]:
                where = f"{remark.task}, {remark.period.label()}"
                if remark.difficulties:
                    lines.append(
                        self.tr("- Difficulty ({where}): {text}").format(
                            where=where, text=remark.difficulties
                        )
                    )
                if remark.proposals:
                    lines.append(
                        self.tr("- Proposal ({where}): {text}").format(
                            where=where, text=remark.proposals
                        )
                    )
            blocks.append("\n".join(lines))
        return "\n\n".join(blocks)

    # -- saving -----------------------------------------------------------------------------
    def data(self, reader: ErrorCollector) -> ReviewInput:
        values: dict[str, object] = {name: area.value() for name, area in self.texts.items()}
        if self.figures is None and self.row is not None:
            # The year has ended: the estimates written before it ended are kept as they are.
            for group in Group:
                values[BY_RULE_COLUMNS[group]] = self.row.by_rule(group)
                for figure in figures_of(group):
                    values[figure.column] = self.row.entered(figure.key)
        for group, box in self.rules.items():
            values[BY_RULE_COLUMNS[group]] = box.isChecked()
            for figure in figures_of(group):
                edit = self.estimates[figure.key]
                if box.isChecked():
                    values[figure.column] = None
                elif isinstance(edit, MoneyEdit):
                    values[figure.column] = reader.check(edit.value, figure.column, required=False)
                else:
                    values[figure.column] = reader.check(edit.value, figure.column)
        return ReviewInput(year=self.year, **values)  # type: ignore[arg-type]

    def submit(self) -> None:
        reader = ErrorCollector()
        data = self.data(reader)
        reader.check(validate_review, data)
        reader.raise_if_any()
        with self.context.database.transaction() as session:
            if self.row is None:
                create_review(session, data)
            else:
                update_review(session, self.row.id, data, expected_version=self.row.version)

    def show_history(self) -> None:
        if self.row is None:
            return
        with self.context.database.reading() as session:
            rows = change_history(session, record_id=self.row.id)
        HistoryDialog(rows, self.context.paths.reports, self).exec()
