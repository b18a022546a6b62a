"""Field rules: citizen IDs, amounts, dates, phones; and the Vietnamese formats both ways."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication

from db.enums import Sex
from desktop.core import validation as v
from desktop.core.errors import ValidationError
from desktop.core.formatting import (
    format_date,
    format_money,
    format_percent,
    official_date,
    parse_date,
    parse_money,
)


@pytest.mark.parametrize(
    ("cid", "birth_year", "sex"),
    [
        ("092085001234", 1985, Sex.MALE),
        ("092185001234", 1985, Sex.FEMALE),
        ("094203012345", 2003, Sex.MALE),
        ("093305012345", 2005, Sex.FEMALE),
        ("001090000001", 1990, None),
        ("079 185 001 234", None, Sex.FEMALE),
        ("092.185.001.234", 1985, None),
    ],
)
def test_good_citizen_ids(cid: str, birth_year: int | None, sex: Sex | None) -> None:
    assert v.citizen_id(cid, birth_year=birth_year, sex=sex) == cid.replace(" ", "").replace(
        ".", ""
    )


@pytest.mark.parametrize(
    ("cid", "birth_year", "sex", "fragment"),
    [
        ("", None, None, "required"),
        ("09208500123", None, None, "12 digits"),
        ("0920850012345", None, None, "12 digits"),
        ("09208500123A", None, None, "digits only"),
        ("０９２０８５００１２３４", None, None, "digits only"),
        ("000085001234", None, None, "province"),
        ("092085001234", 1986, None, "born in 1985"),
        ("092285001234", 1985, None, "born in 2085"),
        ("092085001234", 1985, Sex.FEMALE, "belongs to"),
        ("092185001234", 1985, Sex.MALE, "belongs to"),
    ],
)
def test_bad_citizen_ids(cid: str, birth_year: int | None, sex: Sex | None, fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        v.citizen_id(cid, birth_year=birth_year, sex=sex)
    assert caught.value.field == "citizen_id"
    assert fragment in str(caught.value)


@given(
    province=st.integers(1, 999),
    birth_year=st.integers(1900, 2099),
    female=st.booleans(),
    tail=st.integers(0, 999_999),
)
def test_any_consistent_citizen_id_is_accepted(
    province: int, birth_year: int, female: bool, tail: int
) -> None:
    digit = (birth_year // 100 - 19) * 2 + int(female)
    cid = f"{province:03d}{digit}{birth_year % 100:02d}{tail:06d}"
    sex = Sex.FEMALE if female else Sex.MALE
    assert v.citizen_id(cid, birth_year=birth_year, sex=sex) == cid
    with pytest.raises(ValidationError):
        v.citizen_id(cid, birth_year=birth_year + 1, sex=sex)
    with pytest.raises(ValidationError):
        v.citizen_id(cid, sex=Sex.MALE if female else Sex.FEMALE)


@pytest.mark.parametrize("value", [None, -1, 0, 10_000_000_001, True, 1.5, "100"])
def test_bad_amounts(value: object) -> None:
    with pytest.raises(ValidationError):
        v.amount(value)  # type: ignore[arg-type]


def test_amount_bounds() -> None:
    assert v.amount(1) == 1
    assert v.amount(0, allow_zero=True) == 0
    assert v.amount(v.MAX_SINGLE_AMOUNT) == v.MAX_SINGLE_AMOUNT
    assert v.amount(17_590_000_000_000, maximum=v.MAX_AMOUNT) == 17_590_000_000_000


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.234.567", 1_234_567),
        ("1234567", 1_234_567),
        ("1 234 567 đ", 1_234_567),
        ("1,234,567", 1_234_567),
        ("1.234.567 đồng", 1_234_567),
        ("1.234.567 VND", 1_234_567),
        ("1,5 triệu", 1_500_000),
        ("1,5 trieu", 1_500_000),
        ("2 tỷ", 2_000_000_000),
        ("2,675 tỷ", 2_675_000_000),
        ("2.675 tỷ", 2_675_000_000_000),
        ("17.590 tỷ đồng", 17_590_000_000_000),
        ("500 nghìn", 500_000),
        ("50k", 50_000),
        ("  0 ", 0),
        ("-1.000", -1000),
    ],
)
def test_money_can_be_typed_with_or_without_separators(text: str, value: int) -> None:
    assert parse_money(text) == value


@pytest.mark.parametrize(
    "text",
    ["", "abc", "1.2.3", "1,5", "12.5", "1.234,5", "1,2345678 triệu", "1.23.456", "đ", "1e6"],
)
def test_money_that_is_not_whole_dong_is_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_money(text)


@given(st.integers(0, 10**15))
def test_money_round_trips(value: int) -> None:
    assert parse_money(format_money(value)) == value


def test_formats() -> None:
    assert format_money(1_234_567) == "1.234.567 đ"
    assert format_money(0) == "0 đ"
    assert format_percent(Fraction(2675, 17590)) == "15,21 %"
    assert format_percent(0.0268) == "2,68 %"
    assert format_percent(None) == "–"
    assert format_date(date(2026, 2, 5)) == "05/02/2026"
    assert official_date(date(2026, 2, 5)) == "Cần Thơ, ngày 05 tháng 02 năm 2026"
    assert official_date(date(2026, 10, 30)) == "Cần Thơ, ngày 30 tháng 10 năm 2026"
    assert official_date(date(2026, 3, 15)) == "Cần Thơ, ngày 15 tháng 3 năm 2026"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("05/02/2026", date(2026, 2, 5)),
        ("5/2/2026", date(2026, 2, 5)),
        ("05-02-2026", date(2026, 2, 5)),
        ("05.02.2026", date(2026, 2, 5)),
        (" 05 / 02 / 2026 ", date(2026, 2, 5)),
        ("5 2 2026", date(2026, 2, 5)),
        ("2026-02-05", date(2026, 2, 5)),
        ("2026/02/05", date(2026, 2, 5)),  # a four-digit year first is never a day
        ("29/02/2024", date(2024, 2, 29)),  # a leap year
        ("31/12/2026", date(2026, 12, 31)),
        ("０５/０２/２０２６", date(2026, 2, 5)),  # digits typed full-width
    ],
)
def test_dates_parse(text: str, value: date) -> None:
    assert parse_date(text) == value


THIS_YEAR = date.today().year


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # A day the month does not have is not a question of format.
        ("31/02/2026", "Ngày 31/02/2026 không có: tháng 2 năm 2026 có 28 ngày."),
        ("29/02/2025", "Ngày 29/02/2025 không có: tháng 2 năm 2025 có 28 ngày."),
        ("30/02/2024", "Ngày 30/02/2024 không có: tháng 2 năm 2024 có 29 ngày."),
        ("31/04/2026", "Ngày 31/04/2026 không có: tháng 4 năm 2026 có 30 ngày."),
        ("32/01/2026", "Ngày 32/01/2026 không có: tháng 1 năm 2026 có 31 ngày."),
        ("0/3/2026", "Ngày 00/03/2026 không có: tháng 3 năm 2026 có 31 ngày."),
        ("2026-09-31", "Ngày 31/09/2026 không có: tháng 9 năm 2026 có 30 ngày."),
        # Month and day swapped, as some software writes them.
        (
            "05/13/2026",
            "Không có tháng 13: ghi ngày trước, rồi đến tháng. Có phải là ngày 13/05/2026?",
        ),
        (
            "12/31/2026",
            "Không có tháng 31: ghi ngày trước, rồi đến tháng. Có phải là ngày 31/12/2026?",
        ),
        ("31/13/2026", "Không có tháng 13: tháng là số từ 1 đến 12."),
        ("05/00/2026", "Không có tháng 0: tháng là số từ 1 đến 12."),
        # The year cut short, forgotten, or digits run together.
        ("5/2/26", "Ghi năm đủ bốn chữ số, ví dụ 05/02/2026."),
        ("31/2/26", "Ngày 31/02/2026 không có: tháng 2 năm 2026 có 28 ngày."),
        ("5/2", f"Thiếu năm: ghi theo dạng ngày/tháng/năm, ví dụ 05/02/{THIS_YEAR}."),
        ("05022026", "Ngăn cách ngày, tháng và năm bằng dấu /, ví dụ 05/02/2026."),
        ("20260205", "Ngăn cách ngày, tháng và năm bằng dấu /, ví dụ 05/02/2026."),
        # Not a date at all.
        ("", "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/02/2026."),
        ("5 Feb 2026", "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/02/2026."),
        ("hôm qua", "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/02/2026."),
        ("05/02/20266", "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/02/2026."),
        ("5/2/202", "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/02/2026."),
        ("01/01/0000", "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/02/2026."),
        ("-5/2/2026", "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/02/2026."),
        ("99999999", "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/02/2026."),
        ("05/02/2026; DROP TABLE", "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/02/2026."),
        ("9" * 5000, "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/02/2026."),
    ],
)
def test_a_bad_date_says_what_is_wrong(vi_app: QApplication, text: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_date(text, field="received_on")
    assert caught.value.field == "received_on"
    assert caught.value.text() == message


def test_date_ranges() -> None:
    assert v.date_in_range(date(2026, 1, 1)) == date(2026, 1, 1)
    assert v.date_in_range(None, required=False) is None
    for bad in (date(1800, 1, 1), date(2200, 1, 1)):
        with pytest.raises(ValidationError):
            v.date_in_range(bad)
    with pytest.raises(ValidationError):
        v.not_before(date(2026, 1, 1), date(2026, 6, 1), "maturity_on")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0912 345 678", "0912345678"),
        ("+84912345678", "0912345678"),
        ("02923 820 123", "02923820123"),
        ("", ""),
    ],
)
def test_phones(text: str, value: str) -> None:
    assert v.phone(text) == value


@pytest.mark.parametrize("text", ["12345", "0912-345-67", "091234567890", "abc0912345678"])
def test_bad_phones(text: str) -> None:
    with pytest.raises(ValidationError):
        v.phone(text)


def test_text_is_cleaned_to_nfc() -> None:
    decomposed = "Nguye\u0302\u0303n Va\u0306n  A"
    assert v.required_text(decomposed, "name") == "Nguyễn Văn A"
    with pytest.raises(ValidationError):
        v.required_text("   ", "name")
    with pytest.raises(ValidationError):
        v.required_text("x" * 2001, "name")


def test_years_and_percent() -> None:
    assert v.birth_year(1985, today=date(2026, 1, 1)) == 1985
    with pytest.raises(ValidationError):
        v.birth_year(2030, today=date(2026, 1, 1))
    assert v.percent(None) is None and v.percent(100) == 100
    with pytest.raises(ValidationError):
        v.percent(101)


@given(day=st.integers(0, 99), month=st.integers(0, 99), year=st.integers(0, 9999))
def test_any_day_month_year_is_the_date_or_a_message(day: int, month: int, year: int) -> None:
    try:
        expected: date | None = date(year, month, day)
    except ValueError:
        expected = None
    if expected is None:
        with pytest.raises(ValidationError):
            parse_date(f"{day}/{month}/{year:04d}")
    else:
        assert parse_date(f"{day}/{month}/{year:04d}") == expected
        assert parse_date(f"{year:04d}-{month}-{day}") == expected


@given(st.text(max_size=30))
def test_whatever_is_typed_is_a_date_or_a_message(text: str) -> None:
    """Nothing typed makes the parser fail otherwise than with a message (no ValueError,
    no OverflowError)."""
    try:
        assert isinstance(parse_date(text), date)
    except ValidationError as error:
        assert error.text()
