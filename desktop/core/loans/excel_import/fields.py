"""What a column of the bank's loan lists can hold, and how to recognise it by its heading.

Transaction offices of the bank hand communes lists in many shapes; the headings differ
("Số HĐ", "Số khế ước", "Họ và tên khách hàng", "Dư nợ / Quá hạn"…). Each field carries
the headings it is known by, compared without accents, case, punctuation or a trailing
unit ("(đồng)"). A heading under a merged group heading is read as "group / heading".
"""

from __future__ import annotations

import re
from enum import StrEnum

from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg
from desktop.core.text import search_key


class ImportField(StrEnum):
    CONTRACT_NO = "contract_no"
    FULL_NAME = "full_name"
    CITIZEN_ID = "citizen_id"
    BIRTH_YEAR = "birth_year"
    BIRTH_YEAR_MALE = "birth_year_male"
    BIRTH_YEAR_FEMALE = "birth_year_female"
    SEX = "sex"
    HAMLET = "hamlet"
    HOUSEHOLD = "household_category"
    PHONE = "phone"
    GROUP_CODE = "group_code"
    GROUP_NAME = "group_name"
    ORGANISATION = "organisation"
    PROGRAMME = "programme"
    AMOUNT = "amount_disbursed"
    DISBURSED_ON = "disbursed_on"
    MATURITY_ON = "maturity_on"
    PURPOSE = "purpose"
    RATE = "rate"
    AS_OF = "as_of"
    OUTSTANDING = "outstanding"
    CURRENT = "current_amount"
    OVERDUE = "overdue_amount"
    FROZEN = "frozen_amount"
    PENDING = "pending_amount"
    EXTENDED = "extended_amount"
    RESCHEDULED = "rescheduled_amount"
    WRITTEN_OFF = "written_off_amount"
    OVERDUE_SINCE = "overdue_since"
    NOTES = "notes"


FIELD_LABELS: dict[ImportField, Msg] = {
    ImportField.CONTRACT_NO: QT_TRANSLATE_NOOP("ImportFields", "Contract number"),
    ImportField.FULL_NAME: QT_TRANSLATE_NOOP("ImportFields", "Borrower's full name"),
    ImportField.CITIZEN_ID: QT_TRANSLATE_NOOP("ImportFields", "Citizen ID"),
    ImportField.BIRTH_YEAR: QT_TRANSLATE_NOOP("ImportFields", "Year (or date) of birth"),
    ImportField.BIRTH_YEAR_MALE: QT_TRANSLATE_NOOP("ImportFields", "Year of birth — men"),
    ImportField.BIRTH_YEAR_FEMALE: QT_TRANSLATE_NOOP("ImportFields", "Year of birth — women"),
    ImportField.SEX: QT_TRANSLATE_NOOP("ImportFields", "Sex"),
    ImportField.HAMLET: QT_TRANSLATE_NOOP("ImportFields", "Hamlet (ấp / khu vực)"),
    ImportField.HOUSEHOLD: QT_TRANSLATE_NOOP("ImportFields", "Household category"),
    ImportField.PHONE: QT_TRANSLATE_NOOP("ImportFields", "Phone"),
    ImportField.GROUP_CODE: QT_TRANSLATE_NOOP("ImportFields", "Group code"),
    ImportField.GROUP_NAME: QT_TRANSLATE_NOOP("ImportFields", "Savings-and-loan group"),
    ImportField.ORGANISATION: QT_TRANSLATE_NOOP("ImportFields", "Entrusted organisation"),
    ImportField.PROGRAMME: QT_TRANSLATE_NOOP("ImportFields", "Programme"),
    ImportField.AMOUNT: QT_TRANSLATE_NOOP("ImportFields", "Amount disbursed"),
    ImportField.DISBURSED_ON: QT_TRANSLATE_NOOP("ImportFields", "Disbursement date"),
    ImportField.MATURITY_ON: QT_TRANSLATE_NOOP("ImportFields", "Maturity date"),
    ImportField.PURPOSE: QT_TRANSLATE_NOOP("ImportFields", "Purpose"),
    ImportField.RATE: QT_TRANSLATE_NOOP("ImportFields", "Interest rate"),
    ImportField.AS_OF: QT_TRANSLATE_NOOP("ImportFields", "Balance date"),
    ImportField.OUTSTANDING: QT_TRANSLATE_NOOP("ImportFields", "Outstanding balance (total)"),
    ImportField.CURRENT: QT_TRANSLATE_NOOP("ImportFields", "Current (trong hạn)"),
    ImportField.OVERDUE: QT_TRANSLATE_NOOP("ImportFields", "Overdue (quá hạn)"),
    ImportField.FROZEN: QT_TRANSLATE_NOOP("ImportFields", "Frozen (khoanh)"),
    ImportField.PENDING: QT_TRANSLATE_NOOP("ImportFields", "Awaiting decision (chờ xử lý)"),
    ImportField.EXTENDED: QT_TRANSLATE_NOOP("ImportFields", "Extended (gia hạn)"),
    ImportField.RESCHEDULED: QT_TRANSLATE_NOOP("ImportFields", "Rescheduled (điều chỉnh kỳ hạn)"),
    ImportField.WRITTEN_OFF: QT_TRANSLATE_NOOP("ImportFields", "Written off (xóa nợ)"),
    ImportField.OVERDUE_SINCE: QT_TRANSLATE_NOOP("ImportFields", "Overdue since"),
    ImportField.NOTES: QT_TRANSLATE_NOOP("ImportFields", "Notes"),
}

#: Amount columns (scaled by the sheet's unit: đồng, thousand or million đồng).
MONEY_FIELDS = frozenset(
    {
        ImportField.AMOUNT,
        ImportField.OUTSTANDING,
        ImportField.CURRENT,
        ImportField.OVERDUE,
        ImportField.FROZEN,
        ImportField.PENDING,
        ImportField.EXTENDED,
        ImportField.RESCHEDULED,
        ImportField.WRITTEN_OFF,
    }
)
BALANCE_FIELDS = MONEY_FIELDS - {ImportField.AMOUNT}

#: Either of these recognises a loan when a list comes again.
IDENTITY_FIELDS = (ImportField.CONTRACT_NO, ImportField.CITIZEN_ID)
#: What recording a new loan needs, besides one of :data:`IDENTITY_FIELDS`. The disbursed
#: amount is not among them: the bank's lists of loans still owing (danh sách dư nợ) do not
#: carry it, and a loan's amount may stay unknown.
NEW_LOAN_FIELDS = (ImportField.FULL_NAME, ImportField.PROGRAMME, ImportField.DISBURSED_ON)
#: A balance is known from the outstanding total, or from its current part (trong hạn) and
#: the other categories; overdue or frozen amounts alone do not say how much is owed.
BALANCE_BASE_FIELDS = (ImportField.OUTSTANDING, ImportField.CURRENT)

_SYNONYMS: dict[ImportField, tuple[str, ...]] = {
    ImportField.CONTRACT_NO: (
        "so hop dong",
        "so hd",
        "so hdtd",
        "hop dong",
        "so khe uoc",
        "so ku",
        "khe uoc",
        "ma khe uoc",
        "ma hd",
        "so hop dong tin dung",
    ),
    ImportField.FULL_NAME: (
        "ho va ten",
        "ho ten",
        "ten khach hang",
        "ho ten khach hang",
        "ho va ten khach hang",
        "khach hang",
        "ten nguoi vay",
        "ho ten nguoi vay",
        "nguoi vay",
        "ten kh",
        "chu ho",
        "ho ten chu ho",
        "ten ho vay",
    ),
    ImportField.CITIZEN_ID: (
        "so cccd",
        "cccd",
        "can cuoc",
        "so can cuoc",
        "can cuoc cong dan",
        "so dinh danh",
        "so dinh danh ca nhan",
        "ma dinh danh",
        "cmnd",
        "so cmnd",
        "cmnd cccd",
        "so cmnd cccd",
        "cccd cmnd",
        "so cccd cmnd",
    ),
    ImportField.BIRTH_YEAR: ("nam sinh", "ngay sinh", "ngay thang nam sinh"),
    ImportField.SEX: ("gioi tinh", "gioi", "nam nu"),
    ImportField.HAMLET: (
        "ap",
        "khu vuc",
        "ap khu vuc",
        "ap kv",
        "kv",
        "to ap",
        "thon",
        "thon ap",
        "dia chi",
        "noi cu tru",
        "dia ban",
    ),
    ImportField.HOUSEHOLD: (
        "doi tuong",
        "loai ho",
        "phan loai ho",
        "thanh phan ho",
        "doi tuong vay",
        "doi tuong thu huong",
    ),
    ImportField.PHONE: ("dien thoai", "so dien thoai", "sdt", "dt"),
    ImportField.GROUP_CODE: ("ma to", "ma to tk&vv", "ma to tkvv", "ma to tk vv"),
    ImportField.GROUP_NAME: (
        "to tk&vv",
        "to tkvv",
        "to tk vv",
        "ten to",
        "ten to tk&vv",
        "to tiet kiem va vay von",
        "to",
        "to vay von",
    ),
    ImportField.ORGANISATION: (
        "hoi doan the",
        "hoi doan the quan ly",
        "doan the",
        "hoi",
        "to chuc hoi",
        "to chuc nhan uy thac",
        "hoi nhan uy thac",
        "hoi quan ly",
        "to chuc ct xh",
        "uy thac qua",
    ),
    ImportField.PROGRAMME: (
        "chuong trinh",
        "chuong trinh cho vay",
        "chuong trinh vay",
        "ten chuong trinh",
        "ma chuong trinh",
        "ma ct",
        "chuong trinh tin dung",
    ),
    ImportField.AMOUNT: (
        "so tien giai ngan",
        "so tien vay",
        "so tien cho vay",
        "so tien duoc vay",
        "so tien vay ban dau",
        "giai ngan",
        "so tien",
        "so tien phat vay",
        "muc vay",
    ),
    ImportField.DISBURSED_ON: (
        "ngay giai ngan",
        "ngay vay",
        "ngay cho vay",
        "ngay phat tien vay",
        "ngay phat vay",
    ),
    ImportField.MATURITY_ON: (
        "ngay den han",
        "han tra",
        "han tra cuoi cung",
        "ngay dao han",
        "ngay het han",
        "han cuoi",
        "ngay den han cuoi cung",
        "thoi han tra no",
    ),
    ImportField.PURPOSE: (
        "muc dich",
        "muc dich vay",
        "muc dich su dung",
        "muc dich su dung von",
        "muc dich su dung von vay",
    ),
    ImportField.RATE: ("lai suat", "lai suat nam", "lai suat thang"),
    ImportField.AS_OF: ("ngay so lieu", "ngay bao cao", "den ngay", "thoi diem"),
    ImportField.OUTSTANDING: (
        "du no",
        "tong du no",
        "du no hien tai",
        "du no cuoi ky",
        "so du no",
        "du no den ngay",
        "tong du no hien tai",
    ),
    ImportField.CURRENT: ("trong han", "du no trong han", "no trong han"),
    ImportField.OVERDUE: ("qua han", "no qua han", "du no qua han"),
    ImportField.FROZEN: ("khoanh", "no khoanh", "du no khoanh"),
    ImportField.PENDING: ("cho xu ly", "no cho xu ly", "du no cho xu ly"),
    ImportField.EXTENDED: ("gia han", "no gia han", "du no gia han"),
    ImportField.RESCHEDULED: ("dieu chinh ky han", "dckh", "no dieu chinh ky han"),
    ImportField.WRITTEN_OFF: ("xoa no", "da xoa no", "no da xoa"),
    ImportField.OVERDUE_SINCE: (
        "ngay qua han",
        "qua han tu ngay",
        "ngay chuyen qua han",
        "ngay chuyen no qua han",
        "ngay phat sinh qua han",
    ),
    ImportField.NOTES: ("ghi chu",),
}

#: Words that make a sub-heading mean "the group heading itself" ("Dư nợ / Tổng số").
_TOTAL_WORDS = {"tong", "tong so", "cong", "tong cong", "so tien"}
_UNIT_TAIL = re.compile(
    r"\s*\((?:[^)]*)\)\s*$|\s+(?:vnd|dong|d|trieu dong|nghin dong|ngan dong|1\.000d|1000d)$"
)
_PUNCTUATION = re.compile(r"[^\w&/ ]+")
_LEADING_NUMBER = re.compile(r"^\(?\d{1,2}\)?[.)]?\s+")


def heading_key(text: str) -> str:
    """A heading compared the way people read it: no accents, case, units in brackets,
    punctuation or leading numbering (``"Số tiền vay (đồng)"`` → ``"so tien vay"``)."""
    key = search_key(text)
    key = _LEADING_NUMBER.sub("", key)
    previous = None
    while previous != key:
        previous = key
        key = _UNIT_TAIL.sub("", key).strip()
    key = _PUNCTUATION.sub(" ", key.replace("/", " "))
    return " ".join(key.split())


_EXACT: dict[str, ImportField] = {}
for _field, _names in _SYNONYMS.items():
    for _name in _names:
        _EXACT.setdefault(heading_key(_name), _field)


def field_for_heading(parts: list[str]) -> ImportField | None:
    """The field a column heading names, from its parts (group heading first).

    The sub-heading decides ("Dư nợ / Quá hạn" is the overdue part), unless it only says
    "total" ("Dư nợ / Tổng số" is the outstanding). "Năm sinh / Nam" and "Năm sinh / Nữ"
    are the two birth-year columns of lists that put the year under the person's sex.
    """
    keys = [heading_key(p) for p in parts if heading_key(p)]
    if not keys:
        return None
    return _birth_year_by_sex(keys) or _named(keys) or _longest_synonym_in(keys[-1])


_SEXED_BIRTH_YEARS = {"nam": ImportField.BIRTH_YEAR_MALE, "nu": ImportField.BIRTH_YEAR_FEMALE}


def _birth_year_by_sex(keys: list[str]) -> ImportField | None:
    """ "Năm sinh / Nam", "Năm sinh / Nữ"."""
    if len(keys) < 2 or _EXACT.get(keys[-2]) is not ImportField.BIRTH_YEAR:
        return None
    return _SEXED_BIRTH_YEARS.get(keys[-1])


def _named(keys: list[str]) -> ImportField | None:
    """The field a heading names exactly: by its sub-heading (its group heading when the
    sub-heading says "total"), its whole text, or its group heading."""
    last = keys[-1]
    parent = keys[-2] if len(keys) > 1 else ""
    if parent and last in _TOTAL_WORDS and parent in _EXACT:
        return _EXACT[parent]
    return next((_EXACT[key] for key in (last, " ".join(keys), parent) if key in _EXACT), None)


def _longest_synonym_in(text: str) -> ImportField | None:
    """The field of the longest synonym (four letters at least) the text holds as words."""
    words = f" {text} "
    found = [
        (len(synonym), field)
        for synonym, field in _EXACT.items()
        if len(synonym) >= 4 and f" {synonym} " in words
    ]
    return max(found, key=lambda pair: pair[0])[1] if found else None


def detect_columns(headings: list[list[str]]) -> dict[ImportField, int]:
    """Field → column index (0-based) for every heading recognised; the first column that
    names a field takes it."""
    found: dict[ImportField, int] = {}
    for index, parts in enumerate(headings):
        field = field_for_heading(parts)
        if field is not None and field not in found:
            found[field] = index
    return found


def heading_score(cells: list[str]) -> int:
    """How many different fields a row's texts name: the header row scores highest."""
    return len({f for f in (field_for_heading([c]) for c in cells if c) if f is not None})
