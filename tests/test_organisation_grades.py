"""The yearly grades of the entrusted organisations' work: recorded at the commune through the
record store (version, audit, tombstone), one per organisation and year, every bad input
refused with a Vietnamese message and nothing changed; read only at the city."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from db.enums import AuditAction, GroupGrade
from db.models import AuditEntry, OrganisationGrade
from desktop.core.database import Database
from desktop.core.errors import FormErrors, UserError
from desktop.core.i18n import tr
from desktop.core.loans.organisation_grades import (
    OrganisationGradeInput,
    create_organisation_grade,
    delete_organisation_grade,
    grades_of_year,
    list_organisation_grades,
    restore_organisation_grade,
    update_organisation_grade,
)
from desktop.core.owners import ALL_COMMUNES, Scope
from desktop.core.records import RecordStore

TODAY = date(2026, 3, 10)


@pytest.fixture(autouse=True)
def _vietnamese(vi_app: object) -> None:
    """Messages are read in Vietnamese, as the clerk reads them."""


def grade(
    org: str | None, year: int | None, value: GroupGrade | None, notes: str = ""
) -> OrganisationGradeInput:
    return OrganisationGradeInput(org, year, value, notes)


def add(db: Database, data: OrganisationGradeInput) -> str:
    with db.transaction() as s:
        return create_organisation_grade(s, data, today=TODAY)


def rows(db: Database) -> list[tuple[int, str, GroupGrade, str]]:
    with db.reading() as s:
        return [
            (r.year, r.organisation_name, r.grade, r.notes)
            for r in list_organisation_grades(s, Scope.commune("31120"))
        ]


def count(db: Database) -> int:
    with db.reading() as s:
        return int(s.scalar(select(func.count()).select_from(OrganisationGrade)) or 0)


def test_grades_are_listed_newest_year_first_in_the_catalogue_order(commune_db: Database) -> None:
    add(commune_db, grade("HPN", 2024, GroupGrade.KHA))
    add(commune_db, grade("CCB", 2025, GroupGrade.TRUNG_BINH, "Chấm 78 điểm"))
    add(commune_db, grade("HND", 2025, GroupGrade.TOT))
    assert rows(commune_db) == [
        (2025, "Hội Nông dân", GroupGrade.TOT, ""),
        (2025, "Hội Cựu chiến binh", GroupGrade.TRUNG_BINH, "Chấm 78 điểm"),
        (2024, "Hội Phụ nữ", GroupGrade.KHA, ""),
    ]
    with commune_db.reading() as s:
        assert grades_of_year(s, 2025, Scope.commune("31120")) == {
            "31120": {"HND": GroupGrade.TOT, "CCB": GroupGrade.TRUNG_BINH}
        }
        assert grades_of_year(s, 2023, ALL_COMMUNES) == {}


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (grade(None, 2025, GroupGrade.TOT), "organisation_code", "Không được để trống."),
        (
            grade("XYZ", 2025, GroupGrade.TOT),
            "organisation_code",
            "chọn một giá trị trong danh sách.",
        ),
        (grade("HND", None, GroupGrade.TOT), "year", "Không được để trống."),
        (grade("HND", 1999, GroupGrade.TOT), "year", "Năm phải từ 2000 đến 2100."),
        (
            grade("HND", 2027, GroupGrade.TOT),
            "year",
            "Năm 2027 chưa bắt đầu: chỉ xếp loại cho năm đã bắt đầu.",
        ),
        (grade("HND", 2025, None), "grade", "Không được để trống."),
        (grade("HND", 2025, GroupGrade.TOT, "x" * 2001), "notes", "Quá dài"),
    ],
)
def test_bad_input_is_refused_in_vietnamese_and_changes_nothing(
    commune_db: Database, data: OrganisationGradeInput, field: str, message: str
) -> None:
    with pytest.raises(FormErrors) as caught:
        add(commune_db, data)
    errors = caught.value.by_field()
    assert message in errors[field], errors
    assert count(commune_db) == 0


def test_one_grade_per_organisation_and_year(commune_db: Database) -> None:
    first = add(commune_db, grade("HND", 2025, GroupGrade.TOT))
    with pytest.raises(FormErrors) as caught:
        add(commune_db, grade("HND", 2025, GroupGrade.KHA))
    assert caught.value.by_field() == {
        "year": "Hội Nông dân đã có xếp loại năm 2025; hãy sửa xếp loại đó."
    }
    add(commune_db, grade("HND", 2024, GroupGrade.KHA))
    add(commune_db, grade("HPN", 2025, GroupGrade.KHA))
    assert count(commune_db) == 3
    # Moving another grade onto the same organisation and year is refused too.
    with commune_db.reading() as s:
        other = next(
            r for r in list_organisation_grades(s, Scope.commune("31120")) if r.year == 2024
        )
    with pytest.raises(FormErrors), commune_db.transaction() as s:
        update_organisation_grade(
            s, other.id, grade("HND", 2025, GroupGrade.KHA), expected_version=1, today=TODAY
        )
    # A deleted grade makes room for a new one; bringing it back is then refused.
    with commune_db.transaction() as s:
        delete_organisation_grade(s, first, expected_version=1)
    replacement = add(commune_db, grade("HND", 2025, GroupGrade.KHA))
    with pytest.raises(UserError) as again, commune_db.transaction() as s:
        restore_organisation_grade(s, first, expected_version=2)
    assert tr(again.value.message, **again.value.params) == (
        "Hội Nông dân đã có xếp loại năm 2025; hãy sửa xếp loại đó."
    )
    with commune_db.transaction() as s:
        delete_organisation_grade(s, replacement, expected_version=1)
        restore_organisation_grade(s, first, expected_version=2)
    assert [r[:3] for r in rows(commune_db)] == [
        (2025, "Hội Nông dân", GroupGrade.TOT),
        (2025, "Hội Phụ nữ", GroupGrade.KHA),
        (2024, "Hội Nông dân", GroupGrade.KHA),
    ]


def test_every_change_is_versioned_and_audited(commune_db: Database) -> None:
    record = add(commune_db, grade("DTN", 2025, GroupGrade.YEU))
    with commune_db.transaction() as s:
        version = update_organisation_grade(
            s,
            record,
            grade("DTN", 2025, GroupGrade.TRUNG_BINH, "Phúc khảo"),
            expected_version=1,
            today=TODAY,
        )
    assert version == 2
    with pytest.raises(UserError) as stale, commune_db.transaction() as s:
        update_organisation_grade(
            s, record, grade("DTN", 2025, GroupGrade.KHA), expected_version=1, today=TODAY
        )
    assert "đã được người khác sửa" in stale.value.text()
    with commune_db.transaction() as s:
        delete_organisation_grade(s, record, expected_version=2)
    assert rows(commune_db) == []
    with commune_db.transaction() as s:
        restore_organisation_grade(s, record, expected_version=3)
    assert rows(commune_db) == [(2025, "Đoàn Thanh niên", GroupGrade.TRUNG_BINH, "Phúc khảo")]
    with commune_db.reading() as s:
        actions = s.scalars(
            select(AuditEntry.action).where(AuditEntry.record_id == record).order_by(AuditEntry.id)
        ).all()
    assert actions == [
        AuditAction.CREATE,
        AuditAction.UPDATE,
        AuditAction.DELETE,
        AuditAction.RESTORE,
    ]


def test_the_city_cannot_change_a_communes_grade(commune_db: Database) -> None:
    record = add(commune_db, grade("HND", 2025, GroupGrade.TOT))
    with pytest.raises(UserError) as caught, commune_db.transaction() as s:
        RecordStore(s, owner_code="92", actor="tp").update(
            OrganisationGrade, record, {"grade": GroupGrade.KHA}, expected_version=1
        )
    assert "31120" in caught.value.text()
