"""Reading cells and headings of bank lists: numbers stored as text, dots as thousands
separators, dates as text and as Excel serials, citizen IDs that lost their leading zero,
units, balance dates in titles, headings under merged group headings."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from db.enums import HouseholdCategory, Sex
from desktop.core.errors import ValidationError
from desktop.core.loans.excel_import import detect_as_of, detect_unit
from desktop.core.loans.excel_import.fields import ImportField, field_for_heading, heading_key
from desktop.core.loans.excel_import.match import (
    ORGANISATION_WORDS,
    PROGRAMME_WORDS,
    WordMatcher,
    hamlet_key,
)
from desktop.core.loans.excel_import.values import (
    birth_year_value,
    citizen_id_value,
    date_value,
    household_value,
    money_value,
    rate_value,
    sex_value,
)


@pytest.mark.parametrize(
    ("cell", "unit", "expected"),
    [
        (1_500_000, 1, 1_500_000),
        (1_500_000.0, 1, 1_500_000),
        ("1.500.000", 1, 1_500_000),
        ("1,500,000", 1, 1_500_000),
        ("1 500 000", 1, 1_500_000),
        ("1.500.000 đ", 1, 1_500_000),
        ("1500000", 1, 1_500_000),
        ("1.500.000,00", 1, 1_500_000),
        ("-", 1, 0),
        ("  ", 1, None),
        (None, 1, None),
        (1_500, 1_000, 1_500_000),
        ("1.500", 1_000, 1_500_000),
        ("25,5", 1_000_000, 25_500_000),
        ("25.5", 1_000_000, 25_500_000),
        ("1.234,5", 1_000, 1_234_500),
        (0.1 + 0.2, 1_000_000, 300_000),
    ],
)
def test_money(cell: object, unit: int, expected: int | None) -> None:
    assert money_value(cell, "amount", unit=unit) == expected


@pytest.mark.parametrize("cell", ["abc", "1,5", "12.5", -5, "(1.000)", True, "1.500.0000"])
def test_money_refused(cell: object) -> None:
    with pytest.raises(ValidationError):
        money_value(cell, "amount")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (datetime(2025, 2, 5, 0, 0), date(2025, 2, 5)),
        (date(2025, 2, 5), date(2025, 2, 5)),
        ("05/02/2025", date(2025, 2, 5)),
        ("5/2/2025", date(2025, 2, 5)),
        ("05-02-2025", date(2025, 2, 5)),
        ("05.02.2025", date(2025, 2, 5)),
        ("2025-02-05", date(2025, 2, 5)),
        ("05/02/2025 00:00:00", date(2025, 2, 5)),
        (45_693, date(2025, 2, 5)),
        (45_693.0, date(2025, 2, 5)),
        ("", None),
    ],
)
def test_dates(cell: object, expected: date | None) -> None:
    assert date_value(cell, "d") == expected


@pytest.mark.parametrize("cell", ["31/02/2025", "hôm qua", 12, 2025, "2025"])
def test_dates_refused(cell: object) -> None:
    with pytest.raises(ValidationError):
        date_value(cell, "d")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (92085012345, "092085012345"),
        (92085012345.0, "092085012345"),
        ("092085012345", "092085012345"),
        ("092 085 012 345", "092085012345"),
        ("'092085012345", "092085012345"),
        ("92085012345", "092085012345"),
        ("12345", "12345"),  # left for the validator to refuse, with its message
        (None, None),
    ],
)
def test_citizen_id_gets_its_leading_zero_back(cell: object, expected: str | None) -> None:
    assert citizen_id_value(cell) == expected


def test_other_cells() -> None:
    assert birth_year_value(1975) == 1975
    assert birth_year_value("1975") == 1975
    assert birth_year_value(datetime(1975, 3, 4)) == 1975
    assert birth_year_value("04/03/1975") == 1975
    with pytest.raises(ValidationError):
        birth_year_value("ba mươi")
    assert sex_value("Nữ") is Sex.FEMALE and sex_value("NAM") is Sex.MALE
    with pytest.raises(ValidationError):
        sex_value("x")
    assert household_value("Hộ nghèo") is HouseholdCategory.NGHEO
    assert household_value("Hộ cận nghèo") is HouseholdCategory.CAN_NGHEO
    assert household_value("Mới thoát nghèo") is HouseholdCategory.MOI_THOAT_NGHEO
    assert household_value("Hộ SXKD") is HouseholdCategory.KHAC
    assert rate_value("6,6", "r", monthly=False) == 660
    assert rate_value(0.066, "r", monthly=False) == 660
    assert rate_value("0,55", "r", monthly=True) == 660
    assert rate_value(7.92, "r", monthly=False) == 792
    with pytest.raises(ValidationError):
        rate_value("66", "r", monthly=False)


@pytest.mark.parametrize(
    ("parts", "field"),
    [
        (["Số HĐ"], ImportField.CONTRACT_NO),
        (["Số khế ước"], ImportField.CONTRACT_NO),
        (["Họ và tên khách hàng"], ImportField.FULL_NAME),
        (["Số CMND/CCCD"], ImportField.CITIZEN_ID),
        (["Số tiền vay (đồng)"], ImportField.AMOUNT),
        (["3. Ngày giải ngân"], ImportField.DISBURSED_ON),
        (["Dư nợ", "Trong hạn"], ImportField.CURRENT),
        (["Dư nợ", "Quá hạn"], ImportField.OVERDUE),
        (["Dư nợ", "Tổng số"], ImportField.OUTSTANDING),
        (["Dư nợ đến ngày 31/12/2025"], ImportField.OUTSTANDING),
        (["Trong đó", "Nợ khoanh"], ImportField.FROZEN),
        (["Năm sinh", "Nam"], ImportField.BIRTH_YEAR_MALE),
        (["Năm sinh", "Nữ"], ImportField.BIRTH_YEAR_FEMALE),
        (["Tổ TK&VV"], ImportField.GROUP_NAME),
        (["Ấp/KV"], ImportField.HAMLET),
        (["STT"], None),
        (["Ký nhận"], None),
    ],
)
def test_headings(parts: list[str], field: ImportField | None) -> None:
    assert field_for_heading(parts) is field


def test_heading_key() -> None:
    assert heading_key("  Số tiền vay (1.000 đ) ") == "so tien vay"
    assert heading_key("1. Họ và tên") == "ho va ten"


def test_programmes_organisations_hamlets() -> None:
    programmes = WordMatcher()
    for code, words in PROGRAMME_WORDS.items():
        programmes.add(code, (code, *words))
    assert programmes.match("Hộ nghèo") == "HN"
    assert programmes.match("Hộ cận nghèo") == "HCN"
    assert programmes.match("CHO VAY HỘ MỚI THOÁT NGHÈO") == "HMTN"
    assert programmes.match("NS&VSMT") == "NSVSMT"
    assert programmes.match("Cho vay nước sạch") == "NSVSMT"
    assert programmes.match("Giải quyết việc làm (NQ 11)") == "GQVL"
    assert programmes.match("Trâu bò") is None
    organisations = WordMatcher()
    for code, words in ORGANISATION_WORDS.items():
        organisations.add(code, words)
    assert organisations.match("Hội ND") == "HND"
    assert organisations.match("Hội LHPN") == organisations.match("HLHPN") == "HPN"
    assert organisations.match("ĐTN") == "DTN"
    assert hamlet_key("KV1") == hamlet_key("Khu vực 1") == "1"
    assert hamlet_key("Ấp Thới Hòa") == hamlet_key("thoi hoa")


@pytest.mark.parametrize(
    ("title", "unit"),
    [
        ("ĐVT: đồng", 1),
        ("Đơn vị tính: 1.000 đồng", 1_000),
        ("ĐVT: nghìn đồng", 1_000),
        ("Đơn vị: triệu đồng", 1_000_000),
        ("", 1),
    ],
)
def test_unit_from_title(title: str, unit: int) -> None:
    assert detect_unit(title) == unit


@pytest.mark.parametrize(
    ("title", "day"),
    [
        ("DANH SÁCH KHÁCH HÀNG VAY VỐN ĐẾN NGÀY 31/12/2025", date(2025, 12, 31)),
        ("Số liệu đến ngày 31 tháng 12 năm 2025", date(2025, 12, 31)),
        ("Từ ngày 01/01/2025 đến ngày 30/06/2025", date(2025, 6, 30)),
        ("Tại ngày: 05.02.2026", date(2026, 2, 5)),
        ("DANH SÁCH KHÁCH HÀNG", None),
        ("đến ngày 31/02/2025", None),
    ],
)
def test_balance_date_from_title(title: str, day: date | None) -> None:
    assert detect_as_of(title) == day
