"""The Đồng bộ page, driven like a clerk would: at a commune (export, mark sent, receipt,
city key) and at the city (drop files, dry run, import, board, conflicts, views, ledger)."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.enums import ExportState, OfficeMode
from db.models import Hamlet
from desktop.core import demo
from desktop.core.office import set_up_office
from desktop.sync.importer import Status
from desktop.sync.receipts import receipt_bytes
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.sync import sync_page
from desktop.ui.sync.city_page import CitySyncPage
from desktop.ui.sync.commune_page import CommuneSyncPage
from desktop.ui.sync.widgets import DropZone
from tests.clerk import answering, click, ok, save_as
from tests.sync_support import World, clone_database, make_world, template_db, write


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    yield from make_world(tmp_path)


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes do not block: their text is collected instead; questions say yes."""
    shown: list[str] = []

    def collect(_parent: Any, text: Any, title: str = "") -> None:
        shown.append(text.text() if hasattr(text, "text") else str(text))

    def yes(_parent: Any, text: str, title: str = "") -> bool:
        shown.append(text)
        return True

    for module in ("commune_page", "import_tab", "board_tab", "city_page", "ledger_tab"):
        for name, function in (("show_info", collect), ("show_error", collect), ("confirm", yes)):
            target = f"desktop.ui.sync.{module}.{name}"
            with contextlib.suppress(AttributeError):
                monkeypatch.setattr(target, function)
    monkeypatch.setattr("desktop.ui.sync.conflicts_tab.show_error", collect)
    monkeypatch.setattr("desktop.ui.sync.records_tab.show_error", collect)
    return shown


def context_of(database: Any) -> AppContext:
    office = database.office()
    assert office is not None
    return AppContext(database, office)


def test_the_commune_page(
    qtbot: QtBot, vi_app: QApplication, world: World, messages: list[str], qtmodeltester: Any
) -> None:
    commune = world.commune(hamlets=("Khu vực 1", "Khu vực 2"))
    page = sync_page(context_of(commune))
    assert isinstance(page, CommuneSyncPage)
    qtbot.addWidget(page)
    fingerprint = page.own_fingerprint.text()
    assert len(fingerprint) == 29 and fingerprint.replace(" ", "").isdigit()
    assert "Mã nhận dạng" in page.city_key.text()
    assert "2 bản ghi cần gửi" in page.pending.text()
    page.export_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert "Tệp số 1 đã sẵn sàng" in messages[-1]
    row = page.model.row_at(0)
    assert row.state is ExportState.CREATED and row.total == 2
    qtmodeltester.check(page.model)
    page.view.selectRow(0)
    page.mark_selected_sent()
    assert page.model.row_at(0).state is ExportState.SENT
    report = world.import_file(commune.paths.exports / row.file_name)
    assert report.status is Status.APPLIED and report.import_id is not None
    with world.city.transaction() as session:
        name, data = receipt_bytes(session, report.import_id)
    page.import_receipt(write(world.root / name, data))
    assert page.model.row_at(0).state is ExportState.ACKNOWLEDGED
    assert "Thành phố đã nhận tệp số 1" in messages[-1]
    page.full_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10_000)
    page.export_button.click()
    qtbot.waitUntil(lambda: "Không có thay đổi nào" in messages[-1], timeout=10_000)
    page.view.selectRow(0)
    target = world.root / "usb"
    target.mkdir()
    page.copy_selected(target)
    assert (target / page.model.row_at(0).file_name).is_file()
    commune.close()


def test_a_commune_without_the_city_key(
    qtbot: QtBot, vi_app: QApplication, world: World, messages: list[str], tmp_path: Path
) -> None:
    commune = clone_database(template_db(), tmp_path / "fresh")
    with commune.transaction() as session:
        set_up_office(session, OfficeMode.COMMUNE, commune_code="31217", hamlets=["Ấp 1"])
    page = CommuneSyncPage(context_of(commune))
    qtbot.addWidget(page)
    assert not page.export_button.isEnabled()
    assert "Chưa nhập" in page.city_key.text()
    page.import_city_key(write(tmp_path / "sai.tdcskey", b"{}"))
    assert "không phải tệp khóa" in messages[-1]
    page.import_city_key(write(tmp_path / "city.tdcskey", world.city_key_file))
    assert page.export_button.isEnabled()
    assert "Mã nhận dạng khóa thành phố" in messages[-1]
    commune.close()


def test_the_city_page(
    qtbot: QtBot,
    vi_app: QApplication,
    world: World,
    messages: list[str],
    qtmodeltester: Any,
) -> None:
    cai_khe = world.commune("31120", hamlets=("Khu vực 1",))
    with cai_khe.transaction() as session:
        demo.generate(session, scale="small")
    thoi_an = world.commune("31217", hamlets=("Ấp Thới An",))
    first = world.export(cai_khe).path
    second = world.export(thoi_an).path
    conn = sqlite3.connect(thoi_an.paths.database)
    with conn:
        conn.execute("UPDATE hamlets SET name = 'Ấp Thới An Đông'")
    conn.close()
    conflicting = world.export(thoi_an, full=True).path
    broken = write(world.root / "31150_AnBinh_0001.tdcs", b"TDCSSYNC\x01\x01" + b"\0" * 10)

    window = MainWindow(context_of(world.city))
    qtbot.addWidget(window)
    window.show()
    page = window.open_page("sync")
    assert isinstance(page, CitySyncPage)
    assert len(page.fingerprint.text()) == 29
    tab = page.import_tab
    asked: list[list[Any]] = []
    tab.confirm_new_keys = lambda rows: asked.append(rows) or True
    tab.add_files([first, second, broken])
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3, timeout=20_000)
    qtmodeltester.check(tab.model)
    statuses = {r.path.name: r.report.status for r in tab.rows()}
    assert statuses == {
        first.name: Status.READY,
        second.name: Status.READY,
        broken.name: Status.REFUSED,
    }
    assert "2 sẵn sàng nhập" in tab.summary.text()
    tab.view.selectRow(tab.model.find_row(lambda r: r.path == broken))
    assert "không đầy đủ" in tab.details.toPlainText()
    tab.view.selectRow(tab.model.find_row(lambda r: r.path == first))
    assert "Mã nhận dạng khóa cần xác nhận" in tab.details.toPlainText()
    tab.import_button.click()
    qtbot.waitUntil(
        lambda: sum(r.report.status is Status.APPLIED for r in tab.rows()) == 2, timeout=20_000
    )
    assert len(asked) == 1 and len(asked[0]) == 2
    applied = [r for r in tab.rows() if r.report.status is Status.APPLIED]
    assert all(r.receipt is not None and r.receipt.is_file() for r in applied)
    assert "2 tệp đã được nhập" in messages[-1]

    board = page.board_tab
    qtmodeltester.check(board.model)
    statuses_by_code = {s.code: s for s in board.model.all_rows()}
    assert statuses_by_code["31120"].files == 1 and statuses_by_code["31217"].files == 1
    board.attention.setChecked(True)
    assert board.model.rowCount() == 101
    board.search.setText("cai khe")
    assert board.model.rowCount() == 0

    tab.add_files([conflicting])
    qtbot.waitUntil(lambda: tab.model.rowCount() == 4, timeout=20_000)
    tab.import_button.click()
    qtbot.waitUntil(
        lambda: sum(r.report.status is Status.APPLIED for r in tab.rows()) == 3, timeout=20_000
    )
    conflicts = page.conflicts_tab
    assert conflicts.model.rowCount() == 1
    assert page.tabs.tabText(2).endswith("(1)")
    qtmodeltester.check(conflicts.model)
    conflicts.view.selectRow(0)
    assert conflicts.differences.rowCount() == 1
    assert conflicts.differences.row_at(0).file_value == "Ấp Thới An Đông"
    conflicts.take_button.click()
    assert conflicts.model.rowCount() == 0
    with world.city.reading() as session:
        assert {h.name for h in session.query(Hamlet).filter_by(commune_code="31217")} == {
            "Ấp Thới An Đông"
        }

    records = page.records_tab
    page.tabs.setCurrentWidget(records)
    records.kind.setCurrentIndex(records.kind.findData("borrower"))
    records.commune.setCurrentIndex(records.commune.findData("31120"))
    records.reload(wait=True)
    qtmodeltester.check(records.model)
    assert records.model.rowCount() == 60
    assert "Hiển thị 60/60 bản ghi" in records.status.text()
    headers = [
        records.model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(records.model.columnCount())
    ]
    assert "Họ và tên" in headers and "Số CCCD" not in headers
    with answering(qtbot, save_as(world.root / "nguoi-vay.xlsx"), ok()):
        click(records.export_button)
    assert load_workbook(world.root / "nguoi-vay.xlsx").active.max_row == 63

    ledger = page.ledger_tab
    qtmodeltester.check(ledger.model)
    assert ledger.model.rowCount() == 3
    ledger.view.selectRow(0)
    ledger.write_receipt_again()
    assert "BienNhan_" in messages[-1]
    cai_khe.close()
    thoi_an.close()


def test_dropping_files_and_folders(qtbot: QtBot, vi_app: QApplication, tmp_path: Path) -> None:
    zone = DropZone("Thả tệp vào đây", "Chọn tệp…")
    qtbot.addWidget(zone)
    folder = tmp_path / "inbox"
    folder.mkdir()
    write(folder / "a.tdcs", b"x")
    write(folder / "b.TDCS", b"x")
    write(folder / "ghi-chu.txt", b"x")
    single = write(tmp_path / "c.tdcs", b"x")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder)), QUrl.fromLocalFile(str(single))])
    event = QDropEvent(
        QPointF(QPoint(5, 5)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(zone.files_dropped) as blocker:
        zone.dropEvent(event)
    assert [p.name for p in blocker.args[0]] == ["a.tdcs", "b.TDCS", "c.tdcs"]
