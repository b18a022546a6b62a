"""Each issuing body's document form, read back from real reports with ``pdftotext`` and from
their workbooks: the People's Committee's (Decree 30: the motto, "Số: 125/BC-UBND", "TM. ỦY
BAN NHÂN DÂN"), the Party committee's (Hướng dẫn 36-HD/VPTW: "ĐẢNG BỘ THÀNH PHỐ CẦN THƠ /
ĐẢNG ỦY PHƯỜNG CÁI KHẾ / *", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 125-BC/ĐU" without colon, "T/M
ĐẢNG ỦY", no motto), the Front's ("Số: …/BC-MTTQ", "TM. BAN THƯỜNG TRỰC"), the city's yearly
report as the Ban Thường vụ Thành ủy's ("Số 210-BC/TU", "T/M BAN THƯỜNG VỤ"), a commune's report
made at the city as a copy from its data; the plan cited by its number and date; recipients
per report, remembered."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.core.database import Database
from desktop.core.errors import FormErrors, UserError
from desktop.core.issuers import (
    Body,
    IssuerRole,
    document_settings,
    position_text,
    resolve_issuer,
    save_document_settings,
    set_issuing_bodies,
    set_signer,
    signer_warnings,
)
from desktop.core.office import update_office
from desktop.core.periods import Period
from desktop.core.plan_reference import (
    plan_numbering,
    plan_reference,
    plan_warnings,
    sections_cited,
    set_plan_reference,
)
from desktop.reports.letterhead import signature_lines
from desktop.reports.recipients import default_recipients, remember_recipients
from desktop.reports.registry import ReportRequest
from desktop.reports.workbook import COVER_SHEET
from tests.report_support import MOTTO, MOTTO_SUB, PARTY, Made, flat, make

ISSUED = date(2026, 10, 5)
QUARTER = Period.quarter(2026, 3)


def cover(made: Made) -> list[str]:
    workbook = load_workbook(made.xlsx, read_only=True)
    try:
        return [str(row[0]) for row in workbook[COVER_SHEET].iter_rows(values_only=True) if row[0]]
    finally:
        workbook.close()


def head(made: Made, lines: int) -> list[list[str]]:
    """The first printed lines, each split into its columns (left block, right block)."""
    out = []
    for line in made.text.splitlines()[:lines]:
        out.append([part.strip() for part in line.split("   ") if part.strip()])
    return out


def party_office(database: Database) -> None:
    with database.transaction() as session:
        office = database.office()
        assert office is not None
        set_issuing_bodies(session, office, office_body=Body.DANG_UY)
        set_signer(session, office, Body.DANG_UY, title="Phó Bí thư", name="Huỳnh Thị Thu Ba")


def test_a_party_committee_reports_in_the_party_form(commune_db: Database, tmp_path: Path) -> None:
    party_office(commune_db)
    made = make(commune_db, "commune-plan", ReportRequest(QUARTER, None, ISSUED, "125"), tmp_path)
    assert head(made, 4) == [
        ["ĐẢNG BỘ THÀNH PHỐ CẦN THƠ", PARTY],
        ["ĐẢNG ỦY PHƯỜNG CÁI KHẾ"],
        ["*", "Cái Khế, ngày 05 tháng 10 năm 2026"],
        ["Số 125-BC/ĐU"],
    ], made.text[:400]
    assert MOTTO not in made.text and MOTTO_SUB not in made.text
    assert "Số:" not in made.text and "BC-UBND" not in made.text
    assert "TM. ỦY BAN NHÂN DÂN" not in made.text
    ending = made.text[made.text.index("Nơi nhận:") :]
    for expected in ("T/M ĐẢNG ỦY", "PHÓ BÍ THƯ", "Huỳnh Thị Thu Ba", "- Lưu Văn phòng Đảng ủy."):
        assert expected in ending, expected
    assert "KT." not in ending, "a vice-secretary signs for the committee directly"
    assert "- Ban Thường vụ Thành ủy (để báo cáo)," in ending
    assert "Đảng ủy phường Cái Khế báo cáo kết quả thực hiện quý III năm 2026" in made.flat
    lines = cover(made)
    assert lines[:4] == [
        "ĐẢNG BỘ THÀNH PHỐ CẦN THƠ",
        "ĐẢNG ỦY PHƯỜNG CÁI KHẾ",
        "*",
        PARTY,
    ]
    assert "Số 125-BC/ĐU" in lines and MOTTO not in lines
    assert lines[-3:] == ["T/M ĐẢNG ỦY", "PHÓ BÍ THƯ", "Huỳnh Thị Thu Ba"]


def test_a_peoples_committee_reports_in_the_state_form(
    commune_db: Database, tmp_path: Path
) -> None:
    with commune_db.transaction() as session:
        update_office(
            session,
            office_name="Ủy ban nhân dân phường Cái Khế",
            signer_title="Phó Chủ tịch",
            signer_name="Trần Văn Mẫu",
        )
    made = make(commune_db, "loan-quality", ReportRequest(QUARTER, None, ISSUED, "125"), tmp_path)
    assert head(made, 4) == [
        ["ỦY BAN NHÂN DÂN", MOTTO],
        ["PHƯỜNG CÁI KHẾ", MOTTO_SUB],
        [],
        ["Số: 125/BC-UBND", "Cái Khế, ngày 05 tháng 10 năm 2026"],
    ], made.text[:400]
    assert PARTY not in made.text
    ending = made.text[made.text.index("Nơi nhận:") :]
    for expected in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Mẫu"):
        assert expected in ending, expected
    for organisation in ("Hội Nông dân", "Hội Liên hiệp Phụ nữ", "Hội Cựu chiến binh"):
        assert f"- {organisation} phường;" in ending
    assert "- Đoàn Thanh niên Cộng sản Hồ Chí Minh phường;" in ending
    lines = cover(made)
    assert lines[:5] == ["ỦY BAN NHÂN DÂN", "PHƯỜNG CÁI KHẾ", MOTTO, MOTTO_SUB, "Số: 125/BC-UBND"]


def test_the_fund_is_the_fronts_campaign(commune_db: Database, tmp_path: Path) -> None:
    with commune_db.transaction() as session:
        office = commune_db.office()
        assert office is not None
        set_signer(session, office, Body.MTTQ, title="Chủ tịch", name="Lê Thị Hoa")
    made = make(commune_db, "fund", ReportRequest(QUARTER, None, ISSUED), tmp_path)
    assert head(made, 5) == [
        ["ỦY BAN MẶT TRẬN TỔ QUỐC", MOTTO],
        ["VIỆT NAM", MOTTO_SUB],
        ["PHƯỜNG CÁI KHẾ"],
        [],
        ["Số:", "/BC-MTTQ", "Cái Khế, ngày 05 tháng 10 năm 2026"],
    ], made.text[:500]
    ending = made.text[made.text.index("Nơi nhận:") :]
    assert "TM. BAN THƯỜNG TRỰC" in ending and "CHỦ TỊCH" in ending and "Lê Thị Hoa" in ending
    assert "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam phường Cái Khế báo cáo" in made.flat
    assert cover(made)[:5] == [
        "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM",
        "PHƯỜNG CÁI KHẾ",
        MOTTO,
        MOTTO_SUB,
        "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-MTTQ",
    ]
    # The commune may have its fund reported by another body.
    with commune_db.transaction() as session:
        office = commune_db.office()
        assert office is not None
        set_issuing_bodies(session, office, fund_body=Body.UBND)
    made = make(commune_db, "fund", ReportRequest(QUARTER, None, ISSUED), tmp_path)
    assert "/BC-UBND" in made.text and "MẶT TRẬN" not in made.text.splitlines()[0]


def test_the_city_yearly_report_is_the_standing_committees(
    city_db: Database, tmp_path: Path
) -> None:
    with city_db.transaction() as session:
        office = city_db.office()
        assert office is not None
        set_signer(session, office, Body.THANH_UY, title="Phó Bí thư", name="Đồng Văn Thanh")
        set_plan_reference(session, "215", date(2025, 8, 15), today=ISSUED)
    request = ReportRequest(Period.whole_year(2026), None, date(2026, 10, 20), "210")
    made = make(city_db, "city-yearly", request, tmp_path)
    assert head(made, 4) == [
        ["THÀNH ỦY CẦN THƠ", PARTY],
        ["*"],
        ["Cần Thơ, ngày 20 tháng 10 năm 2026"],
        ["Số 210-BC/TU"],
    ], made.text[:400]
    assert MOTTO not in made.text and "Số:" not in made.text
    ending = made.text[made.text.index("Nơi nhận:") :]
    assert "T/M BAN THƯỜNG VỤ" in ending and "PHÓ BÍ THƯ" in ending
    assert "Đồng Văn Thanh" in ending
    assert flat(ending).startswith("Nơi nhận:")
    assert made.report.letterhead.recipients[0] == (
        "Ban Chính sách, chiến lược Trung ương (để báo cáo)"
    )
    assert (
        "Ban Thường vụ Thành ủy đã ban hành Kế hoạch số 215-KH/TU ngày 15/8/2025 thực hiện "
        "Chỉ thị (thay thế Kế hoạch số 386-KH/TU ngày 12/3/2025)"
    ) in made.flat
    # The city's other reports are the People's Committee's and stay in the city.
    other = make(city_db, "loan-quality", ReportRequest(QUARTER, None, ISSUED), tmp_path)
    assert head(other, 2)[0] == ["ỦY BAN NHÂN DÂN", MOTTO]
    assert not any("Trung ương" in r for r in other.report.letterhead.recipients)
    assert "Thực hiện Kế hoạch số 215-KH/TU ngày 15/8/2025 của Ban Thường vụ Thành ủy" in (
        other.flat
    )


def test_a_communes_report_made_at_the_city_is_a_copy(city_db: Database, tmp_path: Path) -> None:
    with city_db.transaction() as session:
        office = city_db.office()
        assert office is not None
        update_office(
            session,
            office_name="Ủy ban nhân dân thành phố Cần Thơ",
            signer_title="Chủ tịch",
            signer_name="Trần Văn Mẫu",
        )
    made = make(city_db, "commune-plan", ReportRequest(QUARTER, "31120", ISSUED), tmp_path)
    lines = made.text.splitlines()
    assert "Bản do Ủy ban nhân dân thành phố Cần Thơ lập từ số liệu phường Cái Khế" in made.flat
    assert "không phải văn bản do phường Cái Khế ban hành" in made.flat
    first = next(i for i, line in enumerate(lines) if "ỦY BAN NHÂN DÂN" in line)
    assert "Bản do" in "".join(lines[:first]), "the note stands above the head"
    assert "PHƯỜNG CÁI KHẾ" in lines[first + 1], lines[:5]
    assert "Cái Khế, ngày 05 tháng 10 năm 2026" in made.text
    assert "Ủy ban nhân dân phường Cái Khế báo cáo" in made.flat
    assert "Trần Văn Mẫu" not in made.text, "the city's signer does not sign for the commune"
    assert "bản do" in " ".join(cover(made)).lower()
    fund = make(city_db, "fund", ReportRequest(QUARTER, "31120", ISSUED), tmp_path)
    assert "/BC-MTTQ" in fund.text and "Bản do" in fund.text
    with city_db.reading() as session:
        office = city_db.office()
        assert office is not None
        copy = resolve_issuer(session, office, IssuerRole.OFFICE, "31120")
    assert copy.signer is None and signer_warnings(copy) == []


def test_signature_lines_follow_the_position() -> None:
    assert signature_lines(Body.UBND, "Chủ tịch") == ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    assert signature_lines(Body.UBND, "Phó Chủ tịch") == (
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
    )
    assert signature_lines(Body.MTTQ, "") == ("TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH")
    assert signature_lines(Body.DANG_UY, "phó bí thư") == ("T/M ĐẢNG ỦY", "PHÓ BÍ THƯ")
    assert signature_lines(Body.THANH_UY, "Bí thư") == ("T/M BAN THƯỜNG VỤ", "BÍ THƯ")
    # An older title typed whole is printed as typed; one without its first line gets it.
    typed = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    assert signature_lines(Body.UBND, typed) == tuple(typed.splitlines())
    assert signature_lines(Body.UBND, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")[0] == "TM. ỦY BAN NHÂN DÂN"
    assert position_text(typed) == "Phó Chủ tịch"
    assert position_text("TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG") == "TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG"
    assert signature_lines(Body.UBND, "TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG") == (
        "TL. CHỦ TỊCH",
        "CHÁNH VĂN PHÒNG",
    )


def test_the_plan_is_cited_by_its_number_date_and_sections(
    vi_app: object, commune_db: Database
) -> None:
    with commune_db.reading() as session:
        unset = plan_reference(session)
    assert plan_warnings(unset) == [
        "Chưa ghi số và ngày của Kế hoạch thực hiện Chỉ thị 39 của Thành phố: văn bản sẽ ghi "
        "“Kế hoạch số …-KH/TU ngày …”. Ghi ở trang Cài đặt, mục “Văn bản, báo cáo”."
    ]
    assert plan_warnings(unset, command_line=True)[0].endswith(
        "Ghi bằng lệnh: tdcs office --plan-number … --plan-date dd/mm/yyyy (hoặc ở trang Cài "
        "đặt, mục “Văn bản, báo cáo”)."
    )
    with commune_db.transaction() as session:
        reference = set_plan_reference(session, "Số 215-kh/tu", date(2025, 5, 4), today=ISSUED)
    assert reference.number == "215-KH/TU" and plan_warnings(reference) == []
    assert plan_numbering("II.2.d") == "II.2 (ý 4)"
    assert plan_numbering("II.6") == "II.6" and plan_numbering("III.3") == "III.3"
    assert sections_cited(["II.4.a", "II.4.b", "II.2.d"]) == "mục II.4, II.2 của Kế hoạch"


@pytest.mark.parametrize(
    ("number", "day", "message"),
    [
        ("KH-215", date(2025, 5, 4), "Ghi số của Kế hoạch như khi đăng ký, ví dụ 215-KH/TU."),
        ("215", date(2025, 3, 12), "thay thế Kế hoạch số 386-KH/TU ngày 12/03/2025"),
        ("215", date(2026, 10, 6), "không thể sau ngày hôm nay (05/10/2026)"),
        ("215", None, "Ghi cả số và ngày của Kế hoạch, hoặc để trống cả hai."),
        ("", date(2025, 5, 4), "Ghi cả số và ngày của Kế hoạch, hoặc để trống cả hai."),
    ],
)
def test_a_bad_plan_reference_changes_nothing(
    vi_app: object, commune_db: Database, number: str, day: date | None, message: str
) -> None:
    with commune_db.transaction() as session:
        set_plan_reference(session, "100", date(2025, 4, 1), today=ISSUED)
    with pytest.raises(FormErrors) as caught, commune_db.transaction() as session:
        set_plan_reference(session, number, day, today=ISSUED)
    assert message in caught.value.text()
    with commune_db.reading() as session:
        assert plan_reference(session).number == "100-KH/TU"


def test_signer_warnings_say_what_is_missing_and_where_to_set_it(
    vi_app: object, commune_db: Database
) -> None:
    with commune_db.reading() as session:
        office = commune_db.office()
        assert office is not None
        issuer = resolve_issuer(session, office, IssuerRole.OFFICE, None)
    assert signer_warnings(issuer) == [
        "Chưa có người ký cho Ủy ban nhân dân phường Cái Khế: văn bản in “CHỦ TỊCH” và để trống "
        "chỗ ghi họ tên. Ghi ở trang Cài đặt, mục “Văn bản, báo cáo”."
    ]
    assert signer_warnings(issuer, command_line=True)[0].endswith(
        "Ghi bằng lệnh: tdcs office --signer-for ubnd --signer-name “…” --signer-title “…” "
        "(hoặc ở trang Cài đặt, mục “Văn bản, báo cáo”)."
    )
    with commune_db.transaction() as session:
        set_signer(session, office, Body.UBND, title="Chủ tịch", name="")
    with commune_db.reading() as session:
        office = commune_db.office()
        assert office is not None
        issuer = resolve_issuer(session, office, IssuerRole.OFFICE, None)
    assert signer_warnings(issuer)[0].startswith(
        "Chưa ghi họ tên người ký của Ủy ban nhân dân phường Cái Khế: văn bản để trống"
    )


def test_bad_signers_change_nothing(vi_app: object, commune_db: Database) -> None:
    office = commune_db.office()
    assert office is not None
    with pytest.raises(FormErrors) as caught, commune_db.transaction() as session:
        save_document_settings(
            session,
            office,
            office_body=Body.DANG_UY,
            fund_body=Body.MTTQ,
            signers=[
                (Body.UBND, "Chủ tịch", "Nguyễn Văn A"),
                (Body.DANG_UY, "A\nB\nC\nD\nE", "x" * 101),
            ],
        )
    assert caught.value.by_field() == {
        "signer_title:dang-uy": "Chức vụ ghi tối đa 4 dòng.",
        "signer_name:dang-uy": "Quá dài: tối đa 100 ký tự.",
    }
    with commune_db.reading() as session:
        settings = document_settings(session, office)
    assert settings.office_body is Body.UBND and settings.signers[Body.UBND].name == ""
    with pytest.raises(UserError) as refused, commune_db.transaction() as session:
        set_signer(session, office, Body.THANH_UY, title="Bí thư", name="X")
    assert "không phải là cơ quan" in refused.value.text()


def test_recipients_are_remembered_per_report_and_issuer(
    vi_app: object, commune_db: Database, tmp_path: Path
) -> None:
    office = commune_db.office()
    assert office is not None
    with commune_db.transaction() as session:
        issuer = resolve_issuer(session, office, IssuerRole.OFFICE, None)
        remember_recipients(
            session, "loan-quality", issuer, ["- Phòng giao dịch NHCSXH;", "", "Lưu: VT."]
        )
    made = make(commune_db, "loan-quality", ReportRequest(QUARTER, None, ISSUED), tmp_path)
    assert made.report.letterhead.recipients == ("Phòng giao dịch NHCSXH", "Lưu: VT")
    assert "- Phòng giao dịch NHCSXH;" in made.text and "- Lưu: VT." in made.text
    other = make(commune_db, "unchecked-loans", ReportRequest(QUARTER, None, ISSUED), tmp_path)
    assert other.report.letterhead.recipients == default_recipients("unchecked-loans", issuer)
    assert default_recipients("commune-plan", issuer)[0] == "Ủy ban nhân dân thành phố"
    given = ReportRequest(QUARTER, None, ISSUED, recipients=("Thường trực Đảng ủy phường",))
    once = make(commune_db, "loan-quality", given, tmp_path)
    assert once.report.letterhead.recipients == ("Thường trực Đảng ủy phường",)
    with pytest.raises(UserError) as caught, commune_db.transaction() as session:
        remember_recipients(session, "loan-quality", issuer, ["x" * 201])
    assert "tối đa 200 ký tự" in caught.value.text()
