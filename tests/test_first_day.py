"""A commune clerk's first working day, in one go, through the real window.

Phường Cái Khế installs TDCS: the set-up wizard, progress on a task for the quarter just
ended, a gift to the "Vì người nghèo" fund and a grant from it, a savings group, a borrower,
a loan and a check of how it was used; then the bank's list of loans still owing — a shape no
other test uses (no disbursed amount, a totals row, IDs that Excel turned into numbers) —,
the quarter's report, whose outstanding and overdue totals must be the list's own, and the
sync file for the city, which the city opens, trusts once the key is confirmed, and whose
figures it holds. Every step is a click, a keystroke or an answer to a real dialog; every
figure checked was worked out by hand.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget, QWizard
from pytestqt.qtbot import QtBot

from db.enums import OfficeMode, Sex
from desktop.core.database import Database
from desktop.core.loans.indicators import Dimension, indicator_table
from desktop.core.office import set_up_office
from desktop.core.owners import Scope
from desktop.paths import AppPaths
from desktop.sync import keys
from desktop.sync.importer import CityImporter, Status
from desktop.ui.app import Application
from tests.clerk import (
    answering,
    choose,
    click,
    click_row,
    click_tab,
    commit_text,
    fill,
    go_to,
    loaded,
    ok,
    open_file,
    press_key,
    retype,
    save_as,
    save_button,
    type_text,
    yes,
)
from tests.loans_data import person_cid
from tests.report_support import flat, pdftotext

M = 1_000_000
CODE = "31120"
#: The bank's list: the clerk's own loan (recorded by hand in the morning) and four more.
#: By hand: outstanding 42 + 30 + 18 + 60 + 25 = 175 million đồng; overdue 6 (of the 18) +
#: 4,5 (of the 60) = 10,5 million đồng; 10,5 / 175 = 6,00 %.
BANK_LIST = [
    # name, citizen ID, group, programme, contract, lent on, due on, outstanding, overdue
    ("Lâm Thị Hồng", person_cid(1988, Sex.FEMALE, 7), "Tổ Hội Phụ nữ Khu vực 1 - HPN",
     "Hộ nghèo", "HĐ 01/2025", "05/02/2025", "05/02/2028", 42 * M, 0),
    ("Tô Văn Bảy", person_cid(1971, Sex.MALE, 21), "Tổ TK&VV Khu vực 2 - HND",
     "Hộ cận nghèo", "LD2311-0021", "14/11/2023", "14/11/2028", 30 * M, 0),
    ("Quách Thị Tuyết", person_cid(1983, Sex.FEMALE, 22), "Tổ TK&VV Khu vực 2 - HND",
     "Nước sạch và VSMT", "LD2205-0022", "09/05/2022", "09/05/2025", 18 * M, 6 * M),
    ("Mai Văn Dũng", person_cid(1966, Sex.MALE, 23), "Tổ Cựu chiến binh Khu vực 1 - CCB",
     "Giải quyết việc làm", "LD2108-0023", "16/08/2021", "16/08/2026", 60 * M, 4_500_000),
    ("Hứa Thị Lài", person_cid(2002, Sex.FEMALE, 24), "Tổ Hội Phụ nữ Khu vực 1 - HPN",
     "Học sinh sinh viên", "LD2309-0024", "11/09/2023", "11/09/2033", 25 * M, 0),
]  # fmt: skip
OUTSTANDING, OVERDUE = 175 * M, 10_500_000


def bank_list(path: Path) -> Path:
    """The transaction office's list as it comes: a title naming the date, one heading row in
    its own words, the IDs as numbers (their leading 0 gone), a totals row, a signature."""
    book = Workbook()
    sheet = book.active
    sheet.append(["NGÂN HÀNG CHÍNH SÁCH XÃ HỘI - PGD NINH KIỀU"])
    sheet.append(["DANH SÁCH KHÁCH HÀNG CÒN DƯ NỢ ĐẾN NGÀY 30/09/2026"])
    sheet.append(["Đơn vị: phường Cái Khế"])
    sheet.append([])
    sheet.append(
        [
            "STT",
            "Họ tên khách hàng",
            "Số CCCD",
            "Tên Tổ TK&VV",
            "Chương trình cho vay",
            "Số khế ước",
            "Ngày vay",
            "Hạn trả cuối",
            "Dư nợ",
            "Nợ quá hạn",
        ]
    )
    for number, (name, cid, group, programme, contract, lent, due, owed, late) in enumerate(
        BANK_LIST, start=1
    ):
        sheet.append(
            [number, name, int(cid), group, programme, contract, lent, due, owed, late or None]
        )
    sheet.append(["", "Cộng", "", "", "", "", "", "", OUTSTANDING, OVERDUE])
    sheet.append([])
    sheet.append(["", "Người lập biểu", "", "", "", "", "", "Giám đốc"])
    book.save(path)
    return path


@pytest.fixture
def city(tmp_path: Path) -> Iterator[Database]:
    """The city office, whose key file the commune receives by e-mail."""
    database = Database.open(AppPaths(tmp_path / "city").ensure())
    with database.transaction() as session:
        set_up_office(session, OfficeMode.CITY)
        keys.ensure_office_keys(session)
    yield database
    database.close()


@pytest.fixture
def started(vi_app: QApplication) -> Iterator[list[Application]]:
    """TDCS as started on the clerk's PC; closed, with its daily backup done, at the end."""
    running: list[Application] = []
    yield running
    for application in running:
        window = application.window
        if window is not None and window.isVisible():
            window.ask_before_closing = False
            window.close()
        if application.backup is not None:
            application.backup.wait()
        if application.database is not None:
            application.database.close()


def test_a_clerks_first_day(
    qtbot: QtBot,
    vi_app: QApplication,
    tmp_path: Path,
    city: Database,
    started: list[Application],
) -> None:
    # -- 1. The set-up wizard: a commune office, Cái Khế found without accents, two hamlets.
    paths = AppPaths(tmp_path / "TDCS").ensure()
    application = Application(vi_app, paths)
    started.append(application)

    def set_up(wizard: Any) -> None:
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        assert wizard.mode_page.commune.isChecked()
        click(next_button)
        type_text(wizard.commune_page.search, "cai khe")
        assert wizard.commune_page.chosen is not None
        assert wizard.commune_page.office_name.text() == "Ủy ban nhân dân phường Cái Khế"
        click(next_button)
        type_text(wizard.hamlets_page.text, "Khu vực 1\nKhu vực 2")
        click(wizard.button(QWizard.WizardButton.FinishButton))

    with answering(qtbot, fill(set_up)):
        assert application.start()
    window = application.window
    assert window is not None and window.isVisible()
    assert "Cái Khế" in window.windowTitle()
    database = application.database
    assert database is not None

    # -- 2. Progress on task II.1.a for the third quarter, just ended.
    tasks: Any = go_to(window, "Nhiệm vụ")
    board = tasks.board
    row = board.model.find_row(lambda line: line.plan_task_code == "II.1.a")
    assert row >= 0
    click_row(board.view, row)

    def progress(form: Any) -> None:
        choose(form.period_kind, "Quý")
        retype(form.year, "2026")
        choose(form.period_no, "Quý III")
        choose(form.status, "Đang triển khai")
        retype(form.percent, "60")
        type_text(
            form.achievements,
            "Tổ chức 2 hội nghị quán triệt Chỉ thị 39 cho cán bộ các khu vực.",
        )
        click(save_button(form))

    with answering(qtbot, fill(progress)):
        click(board.new_button)
    records = click_tab(tasks.tabs, "Báo cáo tiến độ")
    qtbot.waitUntil(lambda: records.model.rowCount() == 1, timeout=10_000)
    (saved,) = records.model.all_rows()
    assert (saved.plan_task_code, saved.period.label(), saved.percent) == (
        "II.1.a",
        "Quý III/2026",
        60,
    )

    # -- 3. A gift to the fund, then a grant from it (less than the fund holds: no question).
    funds: Any = go_to(window, "Đóng góp & nguồn vốn")

    def gift(form: Any) -> None:
        type_text(form.donor_name, "Công ty TNHH Gạo Sạch Tây Đô")
        choose(form.donor_type, "Doanh nghiệp")
        type_text(form.amount, "5.000.000")
        retype(form.received_on, "15/09/2026")
        type_text(form.receipt_no, "26/0015")
        click(save_button(form))

    with answering(qtbot, fill(gift)):
        click(funds.contributions.add_button)
    qtbot.waitUntil(lambda: funds.contributions.model.rowCount() == 1, timeout=10_000)
    spending = click_tab(funds.fund_tabs, "Chi hỗ trợ")

    def grant(form: Any) -> None:
        type_text(form.recipient, "Hộ bà Trương Thị Nga")
        choose(form.purpose, "Hỗ trợ khám chữa bệnh")
        type_text(form.amount, "2.000.000")
        retype(form.spent_on, "20/09/2026")
        click(save_button(form))

    with answering(qtbot, fill(grant)):
        click(spending.add_button)
    qtbot.waitUntil(lambda: spending.model.rowCount() == 1, timeout=10_000)

    # -- 4. A savings group, a borrower in it, her loan, a check of how it was used.
    loans_page: Any = go_to(window, "Khoản vay")
    groups = click_tab(loans_page.tabs, "Tổ TK&VV")
    loaded(qtbot, groups)

    def new_group(form: Any) -> None:
        type_text(form.code, "PN-01")
        type_text(form.name, "Tổ Hội Phụ nữ Khu vực 1")
        choose(form.hamlet, "Khu vực 1")
        choose(form.organisation, "Hội Phụ nữ")
        type_text(form.leader, "Đoàn Thị Lệ")
        click(save_button(form))

    with answering(qtbot, fill(new_group)):
        click(groups.add_button)
    qtbot.waitUntil(lambda: groups.model.rowCount() == 1, timeout=10_000)

    borrowers = click_tab(loans_page.tabs, "Người vay")
    loaded(qtbot, borrowers)

    def new_borrower(form: Any) -> None:
        commit_text(form.full_name, "Lâm Thị Hồng")  # as Unikey enters it: one commit
        type_text(form.citizen_id, person_cid(1988, Sex.FEMALE, 7))
        choose(form.hamlet, "Khu vực 1")
        choose(form.household, "Hộ nghèo")
        choose(form.group, "Tổ Hội Phụ nữ Khu vực 1 (PN-01)")
        click(save_button(form))

    with answering(qtbot, fill(new_borrower)):
        click(borrowers.add_button)
    qtbot.waitUntil(lambda: borrowers.model.rowCount() == 1, timeout=10_000)

    loans = click_tab(loans_page.tabs, "Khoản vay")
    loaded(qtbot, loans)

    def new_loan(form: Any) -> None:
        click(form.borrower.button)  # the borrower picker, answered below
        assert form.organisation.currentText() == "Hội Phụ nữ", "taken from her group"
        choose(form.programme, "Hộ nghèo")
        type_text(form.contract_no, "HĐ 01/2025")
        type_text(form.amount, "50.000.000")
        type_text(form.disbursed_on, "05/02/2025")
        type_text(form.maturity_on, "05/02/2028")
        type_text(form.purpose, "Nuôi vịt")
        click(save_button(form))

    with answering(qtbot, fill(new_loan), pick_borrower("lam thi hong", "Lâm Thị Hồng")):
        click(loans.add_button)
    qtbot.waitUntil(lambda: loans.model.rowCount() == 1, timeout=10_000)
    loaded(qtbot, loans)
    click_row(loans.view, 0)

    def check(form: Any) -> None:
        retype(form.checked_on, "20/06/2026")
        choose(form.checker_kind, "Tổ chức nhận ủy thác")
        type_text(form.checker_name, "Đoàn Thị Lệ")
        type_text(form.actual_use, "Mua 200 con vịt giống")
        choose(form.outcome, "Đúng mục đích")
        click(save_button(form))

    with answering(qtbot, fill(check)):
        click(loans.check_button)
    loaded(qtbot, loans)

    # -- 5. The bank's list of loans still owing on 30/09/2026, through the import wizard.
    workbook = bank_list(tmp_path / "Danh sach du no PGD 30-9-2026.xlsx")
    seen: dict[str, str] = {}

    def import_list(wizard: Any) -> None:
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        click(wizard.file_page.browse)  # the open dialog: answered below
        qtbot.waitUntil(wizard.file_page.isComplete, timeout=10_000)
        seen["as of"] = wizard.file_page.as_of.text()
        click(next_button)
        click(next_button)
        qtbot.waitUntil(lambda: wizard.preview_page.done, timeout=15_000)
        seen["preview"] = wizard.preview_page.results.summary.text()
        click(wizard.button(QWizard.WizardButton.CommitButton))
        qtbot.waitUntil(lambda: wizard.result_page.done, timeout=15_000)
        seen["result"] = wizard.result_page.results.summary.text()
        click(wizard.button(QWizard.WizardButton.FinishButton))

    with answering(qtbot, fill(import_list), open_file(workbook)):
        click(loans.import_button)
    assert seen["as of"] == "30/09/2026", "the date the list's title states"
    assert "1 cập nhật" in seen["preview"] and "0 từ chối" in seen["preview"], seen["preview"]
    assert "Khớp với dòng tổng cộng của danh sách" in seen["preview"]
    qtbot.waitUntil(lambda: not loans.loading and loans.model.rowCount() == 5, timeout=10_000)
    # The lists the clerk looks at next are current without a restart.
    borrowers = click_tab(loans_page.tabs, "Người vay")
    qtbot.waitUntil(lambda: not borrowers.loading and borrowers.model.rowCount() == 5)
    type_text(borrowers.search, "quach")
    assert [r.full_name for r in borrowers.model.visible_rows()] == ["Quách Thị Tuyết"]

    # -- 6. The quarter's report: its totals are the list's, in the PDF and the workbook.
    reports: Any = go_to(window, "Báo cáo")
    reports.report_combo.setCurrentIndex(reports.report_combo.findData("commune-plan"))
    retype(reports.year, "2026")
    choose(reports.kind_combo, "Quý")
    choose(reports.number_combo, "Quý III")
    retype(reports.issued_on, "05/10/2026")
    click(reports.preview_button)
    qtbot.waitUntil(lambda: reports.made is not None, timeout=60_000)
    pdf, xlsx = tmp_path / "bao-cao-quy-3.pdf", tmp_path / "bao-cao-quy-3.xlsx"
    with answering(qtbot, save_as(pdf), ok("Đã lưu báo cáo")):
        click(reports.pdf_button)
    with answering(qtbot, save_as(xlsx), ok("Đã lưu báo cáo")):
        click(reports.xlsx_button)
    text = flat(pdftotext(pdf))
    assert "175.000.000" in text and "10.500.000" in text and "6,00 %" in text
    assert "5.000.000" in text, "the fund's receipts of the quarter"
    assert "Quý III/2026" in text or "quý III năm 2026" in text
    totals = loan_totals(xlsx)
    assert totals[:3] == (5, OUTSTANDING, OVERDUE)

    # -- 7. The file for the city: the city's key first (read out by phone), then the file.
    sync: Any = go_to(window, "Đồng bộ")
    key_file = tmp_path / "KhoaThanhPho.tdcskey"
    with city.reading() as session:
        key_file.write_bytes(keys.city_key_file_bytes(session))
        city_print = keys.own_city_key(session).fingerprint
    with answering(qtbot, open_file(key_file), yes(city_print)):
        click(sync.city_key_button)
    with answering(qtbot, ok("Tệp số 1")):
        click(sync.export_button)
    (sent,) = sorted(paths.exports.glob("*.tdcs"))
    assert sent.name.startswith(f"{CODE}_")

    # -- The city opens it: it waits until the key's fingerprint read out by phone is typed,
    #    then the city holds the commune's figures — the list's totals again.
    with database.reading() as session:
        commune_print = keys.commune_fingerprint(session)
    with CityImporter(city) as importer:
        assert importer.import_file(sent).status is Status.WAITING
        with city.transaction() as session:
            keys.confirm_commune_key(session, CODE, commune_print)
        assert importer.import_file(sent).status is Status.APPLIED
    with city.reading() as session:
        table = indicator_table(
            session, Dimension.PROGRAMME, owner=Scope.commune(CODE), as_of=date(2026, 9, 30)
        )
    assert (table.total.outstanding, table.total.overdue) == (OUTSTANDING, OVERDUE)


def pick_borrower(search: str, expect: str) -> Any:
    """In the borrower picker: type ``search``, check the highlighted row, press Enter."""

    def answer(dialog: QWidget) -> None:
        type_text(dialog.search, search)  # type: ignore[attr-defined]
        chosen = dialog.chosen()  # type: ignore[attr-defined]
        assert chosen is not None and expect in str(chosen), (search, chosen)
        press_key(dialog.search, Qt.Key.Key_Return)  # type: ignore[attr-defined]

    return answer


def loan_totals(path: Path) -> tuple[Any, ...]:
    """The totals row of the report's loan table by programme: loans, outstanding, overdue."""
    book = load_workbook(path, read_only=True)
    try:
        for sheet in book.worksheets:
            rows = list(sheet.iter_rows(values_only=True))
            header = next((r for r in rows if r and "Chương trình" in r), None)
            if header is None:
                continue
            for row in rows:
                if row and row[0] == "Tổng cộng":
                    return tuple(row[1:])
        raise AssertionError(f"no loan table by programme in {book.sheetnames}")
    finally:
        book.close()
