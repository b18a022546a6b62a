"""The Đồng bộ page, driven like a clerk would: every button clicked with the mouse, every
dialog (file choosers, questions, messages) answered while it is open. At a commune: export,
mark sent, copy, receipt, city key. At the city: receive files (a gap marked, a file taken
out), import, the receipts still to send, the board, a reinstalled commune's key, the
conflicts (named, asked, undone), the consolidated records and the ledger."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDropEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.enums import ExportState, ImportOutcome, OfficeMode
from db.models import Borrower, FundContribution, Loan, RecordHistory
from desktop.core import demo
from desktop.core.database import Database
from desktop.core.office import set_up_office
from desktop.sync import keys
from desktop.sync.importer import Status
from desktop.sync.receipts import write_receipt
from desktop.ui.main_window import MainWindow
from desktop.ui.sync import sync_page
from desktop.ui.sync.city_page import CitySyncPage
from desktop.ui.sync.commune_page import CommuneSyncPage
from desktop.ui.sync.widgets import DropZone
from tests.clerk import (
    answering,
    cancel,
    choose_folder,
    click,
    context_of,
    fill,
    no,
    ok,
    open_file,
    save_as,
    save_button,
    type_text,
    yes,
)
from tests.sync_support import (
    World,
    add_hamlet,
    clone_database,
    copy,
    template_db,
    write,
)

TINY = demo.DemoScale(borrowers=4, groups=1, hamlets=2, contributions_per_year=3)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Folders shown in the file manager: the operating system is the one seam faked."""
    shown: list[Path] = []

    def open_url(url: QUrl) -> bool:
        shown.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return shown


def shown_text(model: Any, row: int, title: str) -> str:
    """What the table shows in column ``title`` of ``row``."""
    for column in range(model.columnCount()):
        if model.headerData(column, Qt.Orientation.Horizontal) == title:
            return str(model.data(model.index(row, column)))
    raise AssertionError(f"no column {title!r}")


def select_where(view: Any, model: Any, predicate: Any) -> None:
    """Click the row the predicate picks (a person clicks a row to select it)."""
    row = model.find_row(predicate)
    assert row >= 0, "no such row"
    view.selectRow(row)


# -- the commune --------------------------------------------------------------------------------


def test_the_commune_page(
    qtbot: QtBot, vi_app: QApplication, world: World, opened: list[Path], qtmodeltester: Any
) -> None:
    commune = world.commune(hamlets=("Khu vực 1", "Khu vực 2"))
    page = sync_page(context_of(commune))
    assert isinstance(page, CommuneSyncPage)
    qtbot.addWidget(page)
    page.show()
    fingerprint = page.own_fingerprint.text()
    assert len(fingerprint) == 29 and fingerprint.replace(" ", "").isdigit()
    assert "Mã nhận dạng" in page.city_key.text()
    assert "2 bản ghi cần gửi" in page.pending.text()
    assert not page.sent_button.isEnabled() and not page.copy_button.isEnabled()

    with answering(qtbot, ok("Tệp số 1 đã sẵn sàng")):
        click(page.export_button)
    first = page.selected()
    assert first is not None, "the new file is selected, ready to be marked as sent"
    assert first.seq == 1 and first.state is ExportState.CREATED and first.total == 2
    qtmodeltester.check(page.model)
    click(page.sent_button)
    assert page.model.row_at(0).state is ExportState.SENT
    assert not page.sent_button.isEnabled(), "a file sent is not sent twice"

    made = commune.paths.exports / first.file_name
    report = world.import_file(made)
    assert report.status is Status.APPLIED and report.import_id is not None
    with world.city.transaction() as session:
        receipt = write_receipt(session, report.import_id, world.root)
    with answering(qtbot, cancel()):
        click(page.receipt_button)
    assert page.model.row_at(0).state is ExportState.SENT, "a cancelled dialog changes nothing"
    with answering(qtbot, open_file(made), ok("không phải biên nhận")):
        click(page.receipt_button)
    assert page.model.row_at(0).state is ExportState.SENT
    with answering(qtbot, open_file(receipt), ok("Thành phố đã nhận tệp số 1")):
        click(page.receipt_button)
    assert page.model.row_at(0).state is ExportState.ACKNOWLEDGED
    with answering(qtbot, open_file(receipt), ok("đã được ghi nhận")):
        click(page.receipt_button)
    assert page.model.row_at(0).state is ExportState.ACKNOWLEDGED

    with answering(qtbot, ok("Tệp số 2 đã sẵn sàng")):
        click(page.full_button)
    assert page.model.rowCount() == 2
    with answering(qtbot, ok("Không có thay đổi nào kể từ tệp số 2")):
        click(page.export_button)
    assert page.model.rowCount() == 2

    select_where(page.view, page.model, lambda r: r.seq == 1)
    usb = world.root / "usb"
    usb.mkdir()
    with answering(qtbot, choose_folder(usb), ok("Đã chép vào")):
        click(page.copy_button)
    assert (usb / first.file_name).read_bytes() == made.read_bytes()
    pulled_out = world.root / "pulled-out"
    pulled_out.write_text("the stick's folder is gone; a file has its name")
    with answering(qtbot, ok("Không ghi được tệp")):  # no folder dialog returns a file
        page.copy_selected(pulled_out)
    click(page.folder_button)
    assert opened == [commune.paths.exports]
    commune.close()


def test_a_commune_imports_the_city_key(
    qtbot: QtBot, vi_app: QApplication, world: World, tmp_path: Path
) -> None:
    commune = clone_database(template_db(), tmp_path / "fresh")
    with commune.transaction() as session:
        set_up_office(session, OfficeMode.COMMUNE, commune_code="31217", hamlets=["Ấp 1"])
    page = CommuneSyncPage(context_of(commune))
    qtbot.addWidget(page)
    page.show()
    assert not page.export_button.isEnabled()
    assert "Chưa nhập" in page.city_key.text()
    with answering(qtbot, open_file(write(tmp_path / "sai.tdcskey", b"{}")), ok("không phải tệp")):
        click(page.city_key_button)
    good = write(tmp_path / "city.tdcskey", world.city_key_file)
    fingerprint = keys.read_city_key_file(world.city_key_file).fingerprint
    with answering(qtbot, open_file(good), no(fingerprint)):
        click(page.city_key_button)
    assert not page.export_button.isEnabled(), "a key not confirmed by phone is not trusted"
    with answering(qtbot, open_file(good), yes(fingerprint)):
        click(page.city_key_button)
    assert page.export_button.isEnabled()
    assert fingerprint in page.city_key.text()
    commune.close()


# -- the city -----------------------------------------------------------------------------------


@dataclass
class Inbox:
    """Files received by the city: Cái Khế's 1, 2 and 3, Trung Nhứt's first, a broken one."""

    cai_khe: Database
    trung_nhut: Database
    cai_khe_files: list[Path]
    trung_nhut_first: Path
    broken: Path
    #: What Trung Nhứt reads out by phone (its key is not enrolled yet).
    trung_nhut_key: str

    def close(self) -> None:
        self.cai_khe.close()
        self.trung_nhut.close()


def make_inbox(world: World) -> Inbox:
    cai_khe = world.commune("31120", hamlets=("Khu vực 1",))
    with cai_khe.transaction() as session:
        demo.generate(session, scale=TINY)
    files = [world.export(cai_khe).path]
    for name in ("Khu vực 2", "Khu vực 3"):
        add_hamlet(cai_khe, name)
        files.append(world.export(cai_khe).path)
    trung_nhut = world.commune("31217", hamlets=("Khu vực 1",), enrol=False)
    with trung_nhut.reading() as session:
        spoken = keys.commune_fingerprint(session)
    first = world.export(trung_nhut).path
    received = world.root / "hop-thu"  # the attachments saved from the e-mails
    received.mkdir()
    files = [copy(f, received / f.name) for f in files]
    first = copy(first, received / first.name)
    broken = write(
        world.root / "31150_AnBinh_0001_2026-10-05.tdcs", b"TDCSSYNC\x01\x01" + b"\0" * 10
    )
    return Inbox(cai_khe, trung_nhut, files, first, broken, spoken)


def read_out(fingerprint: str, commune: str) -> Any:
    """Type, in the key dialog, the fingerprint a commune reads out by phone."""

    def answer(dialog: Any) -> None:
        assert isinstance(dialog, QInputDialog), dialog
        assert commune in dialog.labelText() and "24 chữ số" in dialog.labelText()
        line = dialog.findChild(QLineEdit)
        assert line is not None
        type_text(line, fingerprint)
        click(save_button(dialog))

    return fill(answer)


def city_window(qtbot: QtBot, world: World) -> tuple[MainWindow, CitySyncPage]:
    window = MainWindow(context_of(world.city))
    qtbot.addWidget(window)
    window.show()
    page = window.open_page("sync")
    assert isinstance(page, CitySyncPage)
    return window, page


def row_of(path: Path) -> Any:
    return lambda r: r.path == path


@pytest.mark.usefixtures("engine")  # the city on SQLite, then on PostgreSQL
def test_receiving_files_at_the_city(
    qtbot: QtBot,
    vi_app: QApplication,
    world: World,
    opened: list[Path],
    qtmodeltester: Any,
) -> None:
    inbox = make_inbox(world)
    one, two, three = inbox.cai_khe_files
    _window, page = city_window(qtbot, world)
    assert len(page.fingerprint.text()) == 29
    tab = page.import_tab
    with answering(qtbot, open_file(one)):
        click(tab.drop.button)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=20_000)
    drop(tab.drop, [three, inbox.trung_nhut_first, inbox.broken])
    qtbot.waitUntil(lambda: tab.model.rowCount() == 4, timeout=20_000)
    qtmodeltester.check(tab.model)
    statuses = {r.path: r.report.status for r in tab.rows()}
    assert statuses == {
        one: Status.READY,
        three: Status.READY,
        inbox.trung_nhut_first: Status.WAITING,
        inbox.broken: Status.REFUSED,
    }
    assert "1 tệp đang chờ xác nhận khóa" in tab.summary.text()
    # Trung Nhứt's first file waits for its key: the clerk calls, types what is read out.
    assert not tab.key_button.isEnabled()
    select_where(tab.view, tab.model, row_of(inbox.trung_nhut_first))
    assert inbox.trung_nhut_key in tab.details.toPlainText()
    wrong = "1111 2222 3333 4444 5555 6666"
    with answering(qtbot, read_out(wrong, "Trung Nhứt"), ok("Không có tệp nào của Trung Nhứt")):
        click(tab.key_button)
    assert tab.model.row_at(tab.model.find_row(row_of(inbox.trung_nhut_first))).report.status is (
        Status.WAITING
    )
    with answering(qtbot, read_out(inbox.trung_nhut_key, "Trung Nhứt"), ok("Đã ghi nhận khóa của")):
        click(tab.key_button)
    qtbot.waitUntil(
        lambda: (
            next(r for r in tab.rows() if r.path == inbox.trung_nhut_first).report.status
            is Status.READY
        ),
        timeout=20_000,
    )
    # File 3 follows file 2, which has not arrived: the list says so, not only the details.
    third = tab.model.find_row(row_of(three))
    assert shown_text(tab.model, third, "Thiếu tệp trước") == "2"
    assert shown_text(tab.model, tab.model.find_row(row_of(one)), "Thiếu tệp trước") == ""
    assert "1 tệp đứng sau tệp chưa nhận được" in tab.summary.text()
    tab.view.selectRow(third)
    assert "Chưa nhận được tệp số 2" in tab.details.toPlainText()

    # The refused file is in the ledger (Sổ nhận tệp) with its reason, before any import
    # (and the line of Trung Nhứt's file while it waited for its key).
    ledger = page.ledger_tab
    assert ledger.model.rowCount() == 2
    refused = ledger.model.row_at(ledger.model.find_row(lambda r: r.commune_code != "31217"))
    assert refused.outcome is ImportOutcome.REJECTED and refused.file_name == inbox.broken.name
    assert "không đầy đủ" in refused.message

    # File 2 arrives (dropped): file 3 no longer waits for it.
    drop(tab.drop, [two])
    qtbot.waitUntil(lambda: tab.model.rowCount() == 5, timeout=20_000)
    assert shown_text(tab.model, tab.model.find_row(row_of(three)), "Thiếu tệp trước") == ""
    # …but the clerk takes it out of this batch: file 3 is marked again.
    assert not tab.remove_button.isEnabled()
    select_where(tab.view, tab.model, row_of(two))
    click(tab.remove_button)
    assert tab.model.rowCount() == 4 and tab.model.find_row(row_of(two)) == -1
    assert shown_text(tab.model, tab.model.find_row(row_of(three)), "Thiếu tệp trước") == "2"
    assert two.is_file(), "taking a file out of the list leaves the file alone"

    with answering(qtbot, ok("Đã nhập 3 tệp")):
        click(tab.import_button)
    statuses = {r.path: r.report.status for r in tab.rows()}
    assert statuses[one] is statuses[three] is statuses[inbox.trung_nhut_first] is Status.APPLIED
    assert statuses[inbox.broken] is Status.REFUSED
    assert all(r.receipt is not None and r.receipt.is_file() for r in tab.rows() if r.receipt)
    assert ledger.model.rowCount() == 5, "the refused file is recorded once"

    # The receipts still to be e-mailed.
    receipts = page.receipts_tab
    page.tabs.setCurrentWidget(receipts)
    assert page.tabs.tabText(page.tabs.indexOf(receipts)) == "Biên nhận chưa gửi (3)"
    qtmodeltester.check(receipts.model)
    assert {(r.commune_code, r.seq) for r in receipts.model.all_rows()} == {
        ("31120", 1),
        ("31120", 3),
        ("31217", 1),
    }
    assert all(r.receipt.is_file() for r in receipts.model.all_rows())
    first_row = receipts.model.find_row(lambda r: r.commune_code == "31217")
    assert shown_text(receipts.model, first_row, "Xã, phường").endswith("(31217)")
    assert not receipts.sent_button.isEnabled()
    receipts.view.selectRow(first_row)
    click(receipts.folder_button)
    assert opened[-1] == world.city.paths.exports
    click(receipts.sent_button)
    assert receipts.model.rowCount() == 2
    assert page.tabs.tabText(page.tabs.indexOf(receipts)) == "Biên nhận chưa gửi (2)"

    # The board: gaps, communes that never sent a file, named.
    board = page.board_tab
    page.tabs.setCurrentWidget(board)
    qtmodeltester.check(board.model)
    cai_khe = board.model.find_row(lambda s: s.code == "31120")
    assert shown_text(board.model, cai_khe, "Tình trạng tệp") == "Tệp số 2 của Cái Khế chưa đến."
    silent = board.model.find_row(lambda s: s.code == "31135")
    assert shown_text(board.model, silent, "Tình trạng tệp") == "Chưa gửi tệp nào"
    assert "101 đơn vị chưa gửi tệp nào" in board.summary.text()
    click(board.attention)
    assert board.model.rowCount() == 102, "all but Trung Nhứt, whose only file arrived"
    click(board.attention)
    assert board.model.rowCount() == 103

    # The ledger writes a receipt again: it is to be sent again.
    page.tabs.setCurrentWidget(ledger)
    qtmodeltester.check(ledger.model)
    select_where(ledger.view, ledger.model, lambda r: r.commune_code == "31217")
    with answering(qtbot, ok("BienNhan_31217")):
        click(ledger.receipt_button)
    assert receipts.model.rowCount() == 3
    select_where(ledger.view, ledger.model, lambda r: r.outcome is ImportOutcome.REJECTED)
    assert not ledger.receipt_button.isEnabled(), "a refused file has no receipt"

    page.tabs.setCurrentWidget(tab)
    click(tab.receipts_button)
    assert opened[-1] == world.city.paths.exports
    click(tab.clear_button)
    assert tab.model.rowCount() == 0 and not tab.clear_button.isEnabled()
    inbox.close()


def drop(zone: DropZone, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(QPoint(5, 5)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    zone.dropEvent(event)


@pytest.mark.usefixtures("engine")  # the city on SQLite, then on PostgreSQL
def test_a_commune_that_reinstalled_without_a_backup(
    qtbot: QtBot, vi_app: QApplication, world: World, tmp_path: Path
) -> None:
    """Trung Nhứt's first file is in; it reinstalls TDCS and sends a full copy signed by a new
    key. The file is refused and counted on the board under Trung Nhứt; after the phone call
    the city forgets the old key, the file waits until the new key's fingerprint is typed
    on the board, and then goes in. The city key is handed out again."""
    trung_nhut = world.commune("31217", hamlets=("Khu vực 1",))
    assert world.import_file(world.export(trung_nhut).path).status is Status.APPLIED
    reinstalled = clone_database(template_db(), tmp_path / "trung-nhut-again")
    with reinstalled.transaction() as session:
        set_up_office(session, OfficeMode.COMMUNE, commune_code="31217", hamlets=["Khu vực 1"])
        keys.ensure_office_keys(session)
        keys.import_city_key(session, world.city_key_file)
        new_fingerprint = keys.commune_fingerprint(session)
    again = world.export(reinstalled, full=True).path
    _window, page = city_window(qtbot, world)
    tab = page.import_tab
    with answering(qtbot, open_file(again)):
        click(tab.drop.button)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=20_000)
    assert tab.rows()[0].report.status is Status.REFUSED
    assert not tab.import_button.isEnabled()
    board = page.board_tab
    row = board.model.find_row(lambda s: s.code == "31217")
    assert shown_text(board.model, row, "Tệp bị từ chối") == "1"
    assert page.ledger_tab.model.row_at(0).commune_code == "31217"

    page.tabs.setCurrentWidget(board)
    board.view.selectRow(row)
    with answering(qtbot, no("Bỏ khóa của Phường Trung Nhứt")):
        click(board.forget_button)
    with world.city.reading() as session:
        assert keys.pinned_commune_key(session, "31217") is not None
    with answering(qtbot, yes("Bỏ khóa của Phường Trung Nhứt")):
        click(board.forget_button)
    with world.city.reading() as session:
        assert keys.pinned_commune_key(session, "31217") is None

    page.tabs.setCurrentWidget(tab)
    click(tab.clear_button)
    drop(tab.drop, [again])
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=20_000)
    assert tab.rows()[0].report.status is Status.WAITING, "a new key counts only once confirmed"
    assert not tab.import_button.isEnabled()

    # The board names the commune whose files wait; its key is confirmed there.
    page.tabs.setCurrentWidget(board)
    row = board.model.find_row(lambda s: s.code == "31217")
    assert new_fingerprint in shown_text(board.model, row, "Tình trạng tệp")
    assert "1 xã, phường đang chờ xác nhận khóa" in board.summary.text()
    board.view.selectRow(row)
    with answering(qtbot, read_out(new_fingerprint, "Trung Nhứt"), ok("Đã ghi nhận khóa")):
        click(board.key_button)
    assert not board.key_button.isEnabled()
    qtbot.waitUntil(lambda: tab.rows()[0].report.status is Status.READY, timeout=20_000)
    page.tabs.setCurrentWidget(tab)
    with answering(qtbot, ok("Đã nhập 1 tệp")):
        click(tab.import_button)
    assert tab.rows()[0].report.status is Status.APPLIED

    key_file = tmp_path / "KhoaThanhPho.tdcskey"
    with answering(qtbot, save_as(key_file), ok("Đã ghi tệp khóa thành phố")):
        click(page.key_button)
    assert keys.read_city_key_file(key_file.read_bytes()).fingerprint == page.fingerprint.text()
    trung_nhut.close()
    reinstalled.close()


def _same_version(database: Database, sql: str, *params: Any) -> None:
    """What a commune that restored an old backup and edited again would send: other
    content under the same version."""
    conn = sqlite3.connect(database.paths.database)
    with conn:
        conn.execute(sql, params)
    conn.close()


@pytest.mark.usefixtures("engine")  # the city on SQLite, then on PostgreSQL
def test_conflicts_are_named_asked_and_undoable(
    qtbot: QtBot, vi_app: QApplication, world: World, qtmodeltester: Any
) -> None:
    cai_khe = world.commune("31120", hamlets=("Khu vực 1",))
    with cai_khe.transaction() as session:
        demo.generate(session, scale=TINY)
        loan = session.scalars(select(Loan).order_by(Loan.contract_no)).first()
        assert loan is not None
        person = session.get(Borrower, loan.borrower_id)
        assert person is not None
        loan_id, contract, borrower = loan.id, loan.contract_no, person.full_name
        gift = session.scalars(select(FundContribution).order_by(FundContribution.id)).first()
        assert gift is not None
        gift_id, donor = gift.id, gift.donor_name
        gift_day = gift.received_on.strftime("%d/%m/%Y")
    _same_version(cai_khe, "UPDATE loans SET amount_disbursed = 20000000 WHERE id = ?", loan_id)
    _same_version(cai_khe, "UPDATE fund_contributions SET amount = 500000 WHERE id = ?", gift_id)
    assert world.import_file(world.export(cai_khe).path).status is Status.APPLIED
    _same_version(cai_khe, "UPDATE loans SET amount_disbursed = 25000000 WHERE id = ?", loan_id)
    _same_version(cai_khe, "UPDATE fund_contributions SET amount = 700000 WHERE id = ?", gift_id)
    report = world.import_file(world.export(cai_khe, full=True).path)
    assert report.summary is not None and report.summary.total("conflicts") == 2

    def amount_at_city() -> int:
        with world.city.reading() as session:
            found = session.get(Loan, loan_id)
            assert found is not None
            return found.amount_disbursed

    _window, page = city_window(qtbot, world)
    tab = page.conflicts_tab
    page.tabs.setCurrentWidget(tab)
    index = page.tabs.indexOf(tab)
    assert page.tabs.tabText(index) == "Xung đột (2)"
    qtmodeltester.check(tab.model)
    loan_row = tab.model.find_row(lambda c: c.record_type == "loan")
    gift_row = tab.model.find_row(lambda c: c.record_type == "fund_contribution")
    # What a person recognises, not an internal code.
    assert shown_text(tab.model, loan_row, "Bản ghi") == f"Hợp đồng {contract} — {borrower}"
    assert shown_text(tab.model, gift_row, "Bản ghi") == f"{donor}, 500.000 đ, ngày {gift_day}"
    assert shown_text(tab.model, loan_row, "Xã, phường") == "Cái Khế (31120)"
    assert shown_text(tab.model, loan_row, "Các trường khác nhau") == "Số tiền giải ngân"
    assert loan_id[:8] not in " ".join(
        shown_text(tab.model, loan_row, t) for t in ("Bản ghi", "Các trường khác nhau")
    )
    tab.view.selectRow(loan_row)
    assert tab.differences.rowCount() == 1
    assert tuple(tab.differences.data(tab.differences.index(0, c)) for c in range(3)) == (
        "Số tiền giải ngân",
        "20.000.000 đ",
        "25.000.000 đ",
    )
    assert f"Hợp đồng {contract}" in tab.record.text()

    with answering(qtbot, no("20.000.000 đ → 25.000.000 đ")):
        click(tab.take_button)
    assert amount_at_city() == 20_000_000, "No changes nothing"
    assert tab.model.rowCount() == 2
    with answering(qtbot, yes(f"Lấy bản trong tệp cho Hợp đồng {contract}")):
        click(tab.take_button)
    assert amount_at_city() == 25_000_000
    assert tab.model.rowCount() == 1 and page.tabs.tabText(index) == "Xung đột (1)"

    # Undo: the decided conflicts are shown, the decision undone, the city's copy back.
    click(tab.decided)
    loan_row = tab.model.find_row(lambda c: c.record_type == "loan")
    assert shown_text(tab.model, loan_row, "Quyết định").startswith("Đã lấy bản trong tệp")
    tab.view.selectRow(loan_row)
    assert not tab.take_button.isEnabled() and tab.reopen_button.isEnabled()
    with answering(qtbot, yes("Hoàn tác quyết định về Hợp đồng")):
        click(tab.reopen_button)
    assert amount_at_city() == 20_000_000
    assert page.tabs.tabText(index) == "Xung đột (2)"
    with world.city.reading() as session:
        kept = session.scalars(
            select(RecordHistory.payload_json).where(RecordHistory.record_id == loan_id)
        ).all()
    assert len(kept) == 2 and '"amount_disbursed":25000000' in kept[1], "both copies kept"

    tab.view.selectRow(tab.model.find_row(lambda c: c.record_type == "loan"))
    with answering(qtbot, yes("Giữ bản của thành phố cho Hợp đồng")):
        click(tab.keep_button)
    assert amount_at_city() == 20_000_000
    loan_row = tab.model.find_row(lambda c: c.record_type == "loan")
    assert shown_text(tab.model, loan_row, "Quyết định").startswith("Đã giữ bản của thành phố")
    tab.view.selectRow(loan_row)
    with answering(qtbot, yes("Hoàn tác")):
        click(tab.reopen_button)
    assert shown_text(tab.model, loan_row, "Quyết định") == "Đang chờ quyết định"
    click(tab.decided)
    assert tab.model.rowCount() == 2
    cai_khe.close()


@pytest.mark.usefixtures("engine")  # the city on SQLite, then on PostgreSQL
def test_the_consolidated_records(
    qtbot: QtBot, vi_app: QApplication, world: World, qtmodeltester: Any
) -> None:
    cai_khe = world.commune("31120", hamlets=("Khu vực 1", "Khu vực 2"))
    with cai_khe.transaction() as session:
        demo.generate(session, scale=TINY)
    conn = sqlite3.connect(cai_khe.paths.database)
    with conn:  # one hamlet deleted at the commune (a tombstone travels)
        conn.execute(
            "UPDATE hamlets SET deleted_at = updated_at, version = version + 1 "
            "WHERE name = 'Khu vực 2'"
        )
    conn.close()
    assert world.import_file(world.export(cai_khe).path).status is Status.APPLIED
    _window, page = city_window(qtbot, world)
    records = page.records_tab
    page.tabs.setCurrentWidget(records)
    records.kind.setCurrentIndex(records.kind.findData("borrower"))
    records.commune.setCurrentIndex(records.commune.findData("31120"))
    records.reload(wait=True)
    qtmodeltester.check(records.model)
    assert records.model.rowCount() == TINY.borrowers
    headers = [
        records.model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(records.model.columnCount())
    ]
    assert "Họ và tên" in headers and "Số CCCD" not in headers
    target = world.root / "nguoi-vay.xlsx"
    with answering(qtbot, save_as(target), ok()):
        click(records.export_button)
    assert load_workbook(target).active.max_row == TINY.borrowers + 3

    records.kind.setCurrentIndex(records.kind.findData("hamlet"))
    qtbot.waitUntil(
        lambda: records.view_data is not None and records.view_data.record_type == "hamlet"
    )
    assert records.model.rowCount() == 1
    click(records.deleted)
    qtbot.waitUntil(lambda: records.model.rowCount() == 2)
    cai_khe.close()


def test_dropping_files_and_folders(qtbot: QtBot, vi_app: QApplication, tmp_path: Path) -> None:
    zone = DropZone("Thả tệp vào đây", "Chọn tệp…")
    qtbot.addWidget(zone)
    folder = tmp_path / "inbox"
    folder.mkdir()
    write(folder / "a.tdcs", b"x")
    write(folder / "b.TDCS", b"x")
    write(folder / "ghi-chu.txt", b"x")
    single = write(tmp_path / "c.tdcs", b"x")
    with qtbot.waitSignal(zone.files_dropped) as blocker:
        drop(zone, [folder, single])
    assert [p.name for p in blocker.args[0]] == ["a.tdcs", "b.TDCS", "c.tdcs"]
