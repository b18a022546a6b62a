"""The one table model: Qt's model tester, search, Vietnamese sort, filters, .xlsx export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from db.enums import HouseholdCategory
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.reports.xlsx_table import CellKind
from desktop.ui.table_model import Column, RowTableModel


@dataclass(frozen=True)
class Row:
    name: str
    amount: int
    day: date | None
    category: HouseholdCategory


COLUMNS = [
    Column[Row](QT_TRANSLATE_NOOP("Test", "Name"), lambda r: r.name),
    Column[Row](QT_TRANSLATE_NOOP("Test", "Amount"), lambda r: r.amount, CellKind.MONEY),
    Column[Row](QT_TRANSLATE_NOOP("Test", "Date"), lambda r: r.day, CellKind.DATE),
    Column[Row](QT_TRANSLATE_NOOP("Test", "Category"), lambda r: r.category),
]
ROWS = [
    Row("Trần Văn Bình", 50_000_000, date(2026, 3, 1), HouseholdCategory.NGHEO),
    Row("Nguyễn Thị Ánh", 1_234_567, None, HouseholdCategory.CAN_NGHEO),
    Row("Đỗ Văn Dũng", 0, date(2025, 12, 31), HouseholdCategory.KHAC),
    Row("Lê Thị An", 7_000_000, date(2026, 1, 5), HouseholdCategory.NGHEO),
]


def test_model_passes_qt_model_tester(qtmodeltester: ModelTester) -> None:
    model = RowTableModel(COLUMNS, ROWS)
    qtmodeltester.check(model, force_py=True)
    model.set_query("van")
    model.sort(0)
    qtmodeltester.check(model, force_py=True)


def test_display_formats(vi_app: object) -> None:
    model = RowTableModel(COLUMNS, ROWS)
    assert model.data(model.index(0, 1)) == "50.000.000 đ"
    assert model.data(model.index(0, 2)) == "01/03/2026"
    assert model.data(model.index(1, 2)) == ""
    assert model.data(model.index(0, 3)) == "Hộ nghèo"
    assert (
        model.data(model.index(0, 1), Qt.ItemDataRole.TextAlignmentRole)
        & Qt.AlignmentFlag.AlignRight
    )


def test_search_ignores_accents_and_searches_labels(vi_app: object) -> None:
    model = RowTableModel(COLUMNS, ROWS)
    model.set_query("nguyen thi")
    assert [r.name for r in model.visible_rows()] == ["Nguyễn Thị Ánh"]
    model.set_query("do dung")
    assert [r.name for r in model.visible_rows()] == ["Đỗ Văn Dũng"]
    model.set_query("ho can ngheo")
    assert [r.name for r in model.visible_rows()] == ["Nguyễn Thị Ánh"]
    model.set_query("")
    assert model.rowCount() == 4


def test_vietnamese_sort_and_filters() -> None:
    model = RowTableModel(COLUMNS, ROWS)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert [r.name[:2] for r in model.visible_rows()] == ["Đỗ", "Lê", "Ng", "Tr"]
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert [r.amount for r in model.visible_rows()] == [50_000_000, 7_000_000, 1_234_567, 0]
    model.sort(2, Qt.SortOrder.AscendingOrder)
    assert model.visible_rows()[0].day is None
    model.set_filter("year", lambda r: r.day is not None and r.day.year == 2026)
    assert {r.name for r in model.visible_rows()} == {"Trần Văn Bình", "Lê Thị An"}
    assert [r.day for r in model.visible_rows()] == [date(2026, 1, 5), date(2026, 3, 1)]
    model.set_filter("year", None)
    assert model.rowCount() == 4


def test_export_keeps_numbers_and_dates(tmp_path: Path, vi_app: object) -> None:
    model = RowTableModel(COLUMNS, ROWS)
    model.set_query("thi")
    path = model.export_xlsx(tmp_path / "list.xlsx", "Danh sách", heading="Danh sách người vay")
    sheet = load_workbook(path).active
    assert sheet is not None
    assert sheet["A1"].value == "Danh sách người vay"
    assert [c.value for c in sheet[3]] == ["Name", "Amount", "Date", "Category"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    assert (
        rows[0][0] == "Nguyễn Thị Ánh" and rows[0][1] == 1_234_567 and rows[0][3] == "Hộ cận nghèo"
    )
    assert rows[1][2].date() == date(2026, 1, 5)
    assert sheet["B4"].number_format == "#,##0"
    assert not (tmp_path / "list.xlsx.partial").exists()


def test_large_models_load_and_filter(qtmodeltester: ModelTester) -> None:
    rows = [Row(f"Nguyễn Văn {i}", i, None, HouseholdCategory.KHAC) for i in range(20_000)]
    model = RowTableModel(COLUMNS, rows)
    model.set_query("van 1999")
    assert {r.amount for r in model.visible_rows()} == {
        i for i in range(20_000) if "1999" in str(i)
    }
