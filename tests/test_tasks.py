"""Progress on the plan's tasks: the rules of a record, one record per task and period, the
documents saved with it, sub-tasks, and the status and completion figures of a period."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from fractions import Fraction
from typing import Any

import pytest
from sqlalchemy import func, select

from db.base import CITY_CODE
from db.enums import AuditAction, PeriodKind, TaskStatus
from db.models import AuditEntry, TaskDocument, TaskProgress
from desktop.core.database import Database
from desktop.core.errors import FormErrors, UserError
from desktop.core.owners import ALL_COMMUNES, CITY_OFFICE, Scope
from desktop.core.periods import Period
from desktop.core.records import RecordStore
from desktop.core.tasks.catalogue import period_within, plan_tasks
from desktop.core.tasks.office_tasks import (
    OfficeTaskInput,
    create_office_task,
    delete_office_task,
    list_office_tasks,
    restore_office_task,
    update_office_task,
)
from desktop.core.tasks.progress import (
    DocumentInput,
    ProgressInput,
    create_progress,
    delete_progress,
    get_progress,
    list_progress,
    merge_into,
    move_progress,
    proposed_period,
    recorded_periods,
    restore_progress,
    row_input,
    update_progress,
    validate_progress,
)
from desktop.core.tasks.status import (
    missing_for_period,
    task_completion,
    task_completion_by_commune,
    task_states,
)

TODAY = date(2026, 11, 29)


pytestmark = pytest.mark.usefixtures("english")


def progress(**changes: Any) -> ProgressInput:
    values: dict[str, Any] = {
        "plan_task_code": "II.1.a",
        "period_kind": PeriodKind.QUARTER,
        "year": 2026,
        "period_no": 3,
        "status": TaskStatus.DANG_TRIEN_KHAI,
        "percent": 60,
        "achievements": "Tổ chức 3 hội nghị quán triệt Chỉ thị 39 tại các khu vực.",
    }
    values.update(changes)
    return ProgressInput(**values)


def save(
    db: Database, data: ProgressInput, *, record_id: str | None = None, expected_version: int = 0
) -> str:
    """Create the record, or (``record_id`` given) update it from ``expected_version``."""
    with db.transaction() as s:
        if record_id is None:
            return create_progress(s, data, today=TODAY)
        update_progress(s, record_id, data, expected_version=expected_version, today=TODAY)
        return record_id


def fields(error: FormErrors) -> set[str]:
    return {e.field for e in error.errors}


def test_commune_and_city_report_on_their_own_tasks(commune_db: Database) -> None:
    with commune_db.reading() as s:
        commune = [t.code for t in plan_tasks(s, Scope.commune("31120"))]
        city = [t.code for t in plan_tasks(s, CITY_OFFICE)]
    assert commune[:3] == ["II.1.a", "II.1.b", "II.2.a"]
    assert "II.5.b" not in commune and "III.3" not in commune
    assert "II.5.b" in city and "III.3" in city
    assert "II" not in commune and "II.2" not in city  # headings get no progress


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"plan_task_code": None}, "task"),
        ({"year": None}, "period"),
        ({"year": 1999}, "period"),
        ({"period_no": 5}, "period"),
        ({"period_kind": PeriodKind.HALF, "period_no": 3}, "period"),
        ({"period_kind": None}, "period"),
        ({"period_kind": PeriodKind.QUARTER, "year": 2027, "period_no": 1}, "period"),
        ({"status": None}, "status"),
        ({"percent": 100}, "percent"),
        ({"percent": -1}, "percent"),
        ({"status": TaskStatus.HOAN_THANH, "percent": 80}, "percent"),
        ({"status": TaskStatus.CHUA_TRIEN_KHAI, "percent": 10}, "percent"),
        ({"status": TaskStatus.THUONG_XUYEN, "percent": 50}, "percent"),
        ({"achievements": "   "}, "achievements"),
        ({"achievements": "x" * 20_001}, "achievements"),
        ({"reported_on": date(2026, 6, 30)}, "reported_on"),
        ({"reported_on": date(2026, 12, 1)}, "reported_on"),
        ({"documents": (DocumentInput(),)}, "documents"),
        ({"documents": (DocumentInput(number="12", issued_on=date(2027, 1, 1)),)}, "documents"),
        ({"documents": (DocumentInput(number="1" * 31),)}, "documents"),
    ],
)
def test_progress_refuses(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(FormErrors) as caught:
        validate_progress(progress(**changes), today=TODAY)
    assert field in fields(caught.value)


def test_percent_follows_the_status() -> None:
    def stored(status: TaskStatus, percent: int | None) -> object:
        return validate_progress(progress(status=status, percent=percent), today=TODAY)["percent"]

    assert stored(TaskStatus.HOAN_THANH, None) == 100
    assert stored(TaskStatus.HOAN_THANH, 100) == 100
    assert stored(TaskStatus.CHUA_TRIEN_KHAI, None) == 0
    assert stored(TaskStatus.THUONG_XUYEN, None) is None
    assert stored(TaskStatus.DANG_TRIEN_KHAI, None) is None
    assert stored(TaskStatus.DANG_TRIEN_KHAI, 0) == 0
    # A task not started needs no description of what was done.
    assert (
        validate_progress(
            progress(status=TaskStatus.CHUA_TRIEN_KHAI, percent=None, achievements=""), today=TODAY
        )["achievements"]
        == ""
    )


def test_documents_say_which_line_is_wrong() -> None:
    with pytest.raises(FormErrors) as caught:
        validate_progress(
            progress(
                documents=(
                    DocumentInput(number="12", symbol="KH-UBND", summary="Kế hoạch"),
                    DocumentInput(),
                )
            ),
            today=TODAY,
        )
    assert caught.value.text() == "Document 2: enter its number and symbol, or its summary."


def test_one_record_per_task_and_period(commune_db: Database) -> None:
    first = save(commune_db, progress())
    with pytest.raises(UserError) as caught:
        save(commune_db, progress(status=TaskStatus.HOAN_THANH, percent=None))
    assert "II.1.a already has a progress record for Quarter III/2026" in str(caught.value)
    # Another period, another task, or the same record edited: all fine.
    save(commune_db, progress(period_no=2))
    save(commune_db, progress(plan_task_code="II.1.b"))
    save(commune_db, progress(period_kind=PeriodKind.HALF, period_no=2))
    save(commune_db, progress(percent=70), record_id=first, expected_version=1)
    # A task the commune does not report on is refused.
    with pytest.raises(FormErrors) as wrong:
        save(commune_db, progress(plan_task_code="III.3"))
    assert fields(wrong.value) == {"task"}


def test_record_is_saved_with_its_documents(commune_db: Database) -> None:
    record_id = save(
        commune_db,
        progress(
            documents=(
                DocumentInput("12", "KH-UBND", date(2026, 7, 5), "Kế hoạch triển khai Chỉ thị 39"),
                DocumentInput("45", "CV-UBND", None, "Công văn đôn đốc"),
            )
        ),
    )
    with commune_db.reading() as s:
        row = get_progress(s, record_id)
    assert row is not None
    assert [d.reference for d in row.documents] == ["45/CV-UBND", "12/KH-UBND"]
    kept = next(d for d in row.documents if d.number == "12")
    save(
        commune_db,
        progress(
            documents=(
                DocumentInput(
                    "12", "KH-UBND", date(2026, 7, 6), "Kế hoạch (sửa)", kept.id, kept.version
                ),
                DocumentInput("7", "BC-UBND", date(2026, 9, 30), "Báo cáo quý III"),
            )
        ),
        record_id=record_id,
        expected_version=1,
    )
    with commune_db.reading() as s:
        row = get_progress(s, record_id)
        removed = s.scalar(
            select(func.count()).where(
                TaskDocument.progress_id == record_id, TaskDocument.deleted_at.is_not(None)
            )
        )
    assert row is not None
    assert sorted(d.reference for d in row.documents) == ["12/KH-UBND", "7/BC-UBND"]
    edited = next(d for d in row.documents if d.id == kept.id)
    assert edited.summary == "Kế hoạch (sửa)" and edited.version == 2
    assert removed == 1  # the công văn is a tombstone, not gone


def test_delete_takes_the_documents_and_undo_brings_back_only_those(commune_db: Database) -> None:
    record_id = save(
        commune_db,
        progress(documents=(DocumentInput("1", "KH-UBND"), DocumentInput("2", "QĐ-UBND"))),
    )
    with commune_db.reading() as s:
        row = get_progress(s, record_id)
    assert row is not None
    one = next(d for d in row.documents if d.number == "1")
    save(
        commune_db,
        progress(documents=(DocumentInput("1", "KH-UBND", id=one.id, version=one.version),)),
        record_id=record_id,
        expected_version=1,
    )  # document 2 removed earlier, on its own; the record itself is unchanged
    with commune_db.transaction() as s:
        delete_progress(s, record_id, expected_version=1)
    with commune_db.reading() as s:
        assert list_progress(s, Scope.commune("31120")) == []
        live = s.scalar(
            select(func.count()).where(
                TaskDocument.progress_id == record_id, TaskDocument.deleted_at.is_(None)
            )
        )
    assert live == 0
    with commune_db.transaction() as s:
        restore_progress(s, record_id, expected_version=2)
    with commune_db.reading() as s:
        row = get_progress(s, record_id)
        actions = list(
            s.scalars(
                select(AuditEntry.action)
                .where(AuditEntry.record_id == record_id)
                .order_by(AuditEntry.id)
            )
        )
    assert row is not None and [d.number for d in row.documents] == ["1"]
    assert actions == [AuditAction.CREATE, AuditAction.DELETE, AuditAction.RESTORE]


def test_undo_refused_when_another_record_took_the_place(commune_db: Database) -> None:
    first = save(commune_db, progress())
    with commune_db.transaction() as s:
        delete_progress(s, first, expected_version=1)
    save(commune_db, progress(percent=90))
    with pytest.raises(UserError) as caught, commune_db.transaction() as s:
        restore_progress(s, first, expected_version=2)
    assert "already has a progress record" in str(caught.value)


def test_sub_tasks_get_their_own_records(commune_db: Database) -> None:
    with commune_db.transaction() as s:
        sub = create_office_task(
            s, OfficeTaskInput(parent_code="II.5.a", title="Kiện toàn Tổ TK&VV khu vực 2")
        )
    with commune_db.transaction() as s, pytest.raises(FormErrors) as duplicate:
        create_office_task(
            s, OfficeTaskInput(parent_code="II.5.a", title="kiện toàn tổ tk&vv khu vực 2")
        )
    assert fields(duplicate.value) == {"title"}
    with commune_db.transaction() as s, pytest.raises(FormErrors) as city_task:
        create_office_task(s, OfficeTaskInput(parent_code="II.5.b", title="Đào tạo cán bộ"))
    assert fields(city_task.value) == {"parent"}
    save(commune_db, progress(plan_task_code="II.5.a"))
    sub_record = save(commune_db, progress(plan_task_code="II.5.a", office_task_id=sub))
    with pytest.raises(UserError):
        save(commune_db, progress(plan_task_code="II.5.a", office_task_id=sub))
    with pytest.raises(FormErrors):  # a sub-task under the wrong plan task
        save(commune_db, progress(plan_task_code="II.1.a", office_task_id=sub, period_no=1))
    with commune_db.reading() as s:
        (row,) = list_office_tasks(s, Scope.commune("31120"))
        titles = [r.title for r in list_progress(s, Scope.commune("31120"))]
    assert row.progress_count == 1 and "Kiện toàn Tổ TK&VV khu vực 2" in titles
    with commune_db.transaction() as s:
        delete_office_task(s, sub, expected_version=1)
    with commune_db.reading() as s:
        assert list_office_tasks(s, Scope.commune("31120")) == []
        assert get_progress(s, sub_record) is None
    with commune_db.transaction() as s:
        restore_office_task(s, sub, expected_version=2)
    with commune_db.reading() as s:
        assert get_progress(s, sub_record) is not None
        assert len(list_office_tasks(s, Scope.commune("31120"))) == 1


def test_moving_a_sub_task_moves_its_records(commune_db: Database) -> None:
    with commune_db.transaction() as s:
        sub = create_office_task(s, OfficeTaskInput(parent_code="II.5.a", title="Điểm giao dịch"))
    record_id = save(commune_db, progress(plan_task_code="II.5.a", office_task_id=sub))
    with commune_db.transaction() as s:
        update_office_task(
            s,
            sub,
            OfficeTaskInput(parent_code="II.4.a", title="Điểm giao dịch"),
            expected_version=1,
        )
    with commune_db.reading() as s:
        row = get_progress(s, record_id)
    assert row is not None and row.plan_task_code == "II.4.a"


def test_periods_within_periods() -> None:
    q3 = Period.quarter(2026, 3)
    assert period_within(q3, Period.half(2026, 2)) and period_within(q3, Period.whole_year(2026))
    assert not period_within(q3, Period.half(2026, 1))
    assert not period_within(Period.whole_year(2026), Period.half(2026, 2))


def test_status_missing_and_completion_of_a_period(commune_db: Database) -> None:
    save(commune_db, progress(period_no=1, status=TaskStatus.CHUA_TRIEN_KHAI, percent=None))
    save(commune_db, progress(period_no=2, percent=40))
    save(
        commune_db,
        progress(plan_task_code="II.1.b", period_no=1, status=TaskStatus.HOAN_THANH, percent=None),
    )
    save(
        commune_db,
        progress(
            plan_task_code="II.2.a",
            period_kind=PeriodKind.YEAR,
            period_no=1,
            year=2025,
            status=TaskStatus.THUONG_XUYEN,
            percent=None,
        ),
    )
    with commune_db.reading() as s:
        states = {st.plan_task_code: st for st in task_states(s, "31120")}
        h1 = task_completion(s, Period.half(2026, 1), Scope.commune("31120"))
        q1_missing = [
            line.plan_task_code for line in missing_for_period(s, Period.quarter(2026, 1), "31120")
        ]
        year_2025 = task_completion(s, Period.whole_year(2025), Scope.commune("31120"))
    assert states["II.1.a"].period == Period.quarter(2026, 2)
    assert states["II.1.a"].status is TaskStatus.DANG_TRIEN_KHAI and states["II.1.a"].records == 2
    assert states["II.2.b"].status is None and states["II.2.b"].records == 0
    # First half of 2026: II.1.a in progress (its Q2 record), II.1.b completed, 12 missing.
    assert (h1.expected, h1.in_progress, h1.completed, h1.missing) == (14, 1, 1, 12)
    assert h1.done == 1 and h1.done_share == Fraction(1, 14)
    assert h1.reported_share == Fraction(1, 7)
    assert "II.1.a" not in q1_missing and "II.2.a" in q1_missing and len(q1_missing) == 12
    assert (year_2025.ongoing, year_2025.done, year_2025.missing) == (1, 1, 13)


def test_a_yearly_record_sums_up_its_quarters(commune_db: Database) -> None:
    save(commune_db, progress(period_no=4, percent=90))
    save(
        commune_db,
        progress(
            period_kind=PeriodKind.YEAR, period_no=1, status=TaskStatus.HOAN_THANH, percent=None
        ),
    )
    save(commune_db, progress(period_kind=PeriodKind.HALF, period_no=2, percent=80))
    with commune_db.reading() as s:
        (state,) = [st for st in task_states(s, "31120") if st.plan_task_code == "II.1.a"]
        q4 = task_completion(s, Period.quarter(2026, 4), Scope.commune("31120"))
    assert state.status is TaskStatus.HOAN_THANH and state.period == Period.whole_year(2026)
    assert q4.in_progress == 1 and q4.completed == 0  # the year does not lie in Q4


def test_completion_of_all_communes_counts_silent_communes_as_missing(city_db: Database) -> None:
    with city_db.transaction() as s:
        for owner, status in (
            ("31120", TaskStatus.HOAN_THANH),
            ("31150", TaskStatus.DANG_TRIEN_KHAI),
        ):
            values = validate_progress(
                progress(status=status, percent=None if status is TaskStatus.HOAN_THANH else 50),
                today=TODAY,
            )
            values.pop("documents")
            RecordStore(s, owner_code=owner, actor="sync").create(TaskProgress, values)
        own = validate_progress(progress(plan_task_code="III.3"), today=TODAY)
        own.pop("documents")
        RecordStore(s, owner_code=CITY_CODE, actor="clerk").create(TaskProgress, own)
    year = Period.whole_year(2026)
    with city_db.reading() as s:
        everyone = task_completion(s, year, ALL_COMMUNES)
        by_commune = task_completion_by_commune(s, year)
        city = task_completion(s, year, CITY_OFFICE)
    assert everyone.expected == 14 * 103
    assert (everyone.completed, everyone.in_progress) == (1, 1)
    assert everyone.missing == 14 * 103 - 2
    assert len(by_commune) == 103
    assert by_commune["31120"].completed == 1 and by_commune["31150"].in_progress == 1
    assert by_commune["31810"].missing == 14
    assert city.expected == 19 and city.in_progress == 1


# -- a period's progress makes that period's record ------------------------------------------


def test_a_change_keeps_the_task_and_the_period(commune_db: Database) -> None:
    """The user's report: saving the Q3 record with Quý IV chosen turned it into Q4's."""
    record_id = save(commune_db, progress(documents=(DocumentInput("12", "KH-UBND"),)))
    with pytest.raises(FormErrors) as period:
        save(commune_db, progress(period_no=4), record_id=record_id, expected_version=1)
    assert fields(period.value) == {"period"}
    assert "keeps its period (Quarter III/2026)" in period.value.text()
    with pytest.raises(FormErrors) as task:
        save(commune_db, progress(plan_task_code="II.1.b"), record_id=record_id, expected_version=1)
    assert fields(task.value) == {"task"}
    with pytest.raises(FormErrors):
        save(
            commune_db,
            progress(period_kind=PeriodKind.HALF, period_no=2),
            record_id=record_id,
            expected_version=1,
        )
    with commune_db.reading() as s:
        (row,) = list_progress(s, Scope.commune("31120"))
    assert (row.id, row.period, row.version) == (record_id, Period.quarter(2026, 3), 1)
    assert [d.reference for d in row.documents] == ["12/KH-UBND"]


def test_moving_a_record_is_its_own_action(commune_db: Database) -> None:
    record_id = save(commune_db, progress(period_no=4, documents=(DocumentInput("7", "BC-UBND"),)))
    save(commune_db, progress(period_no=2, percent=30))
    # Onto a period that has its own record: refused, nothing changes.
    with pytest.raises(UserError) as taken, commune_db.transaction() as s:
        move_progress(s, record_id, progress(period_no=2), expected_version=1, today=TODAY)
    assert "already has a progress record for Quarter II/2026" in str(taken.value)
    # Onto a period that has not started: refused like any record.
    with pytest.raises(FormErrors) as future, commune_db.transaction() as s:
        move_progress(
            s, record_id, progress(year=2027, period_no=1), expected_version=1, today=TODAY
        )
    assert fields(future.value) == {"period"}
    with commune_db.transaction() as s:
        saved = get_progress(s, record_id)
        assert saved is not None
        moved = move_progress(
            s, record_id, replace(row_input(saved), period_no=3), expected_version=1, today=TODAY
        )
    assert moved == record_id
    with commune_db.reading() as s:
        row = get_progress(s, record_id)
        change = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.record_id == record_id)
            .order_by(AuditEntry.id.desc())
            .limit(1)
        ).one()
    assert row is not None and row.period == Period.quarter(2026, 3) and row.version == 2
    assert [d.reference for d in row.documents] == ["7/BC-UBND"]  # the documents move with it
    assert change.action is AuditAction.UPDATE
    assert json.loads(str(change.before_json))["period_no"] == 4


@pytest.mark.parametrize(
    ("recorded", "kind", "today", "expected"),
    [
        # The user's report: on 06/12/2026 the quarter to write up is III/2026 …
        ((), PeriodKind.QUARTER, date(2026, 12, 6), Period.quarter(2026, 3)),
        # … unless it has a record: then the latest ended quarter without one.
        (
            (Period.quarter(2026, 3),),
            PeriodKind.QUARTER,
            date(2026, 12, 6),
            Period.quarter(2026, 2),
        ),
        (
            (Period.quarter(2026, 1), Period.quarter(2026, 2), Period.quarter(2026, 3)),
            PeriodKind.QUARTER,
            date(2026, 12, 6),
            Period.quarter(2025, 4),
        ),
        # Every ended quarter of this year and the last has one: the quarter under way.
        (
            tuple(Period.quarter(2025, n) for n in (1, 2, 3, 4))
            + tuple(Period.quarter(2026, n) for n in (1, 2, 3)),
            PeriodKind.QUARTER,
            date(2026, 12, 6),
            Period.quarter(2026, 4),
        ),
        # A quarter has ended the day after its last day.
        ((), PeriodKind.QUARTER, date(2026, 9, 30), Period.quarter(2026, 2)),
        ((), PeriodKind.QUARTER, date(2026, 10, 1), Period.quarter(2026, 3)),
        ((), PeriodKind.QUARTER, date(2027, 1, 15), Period.quarter(2026, 4)),
        ((), PeriodKind.HALF, date(2026, 12, 6), Period.half(2026, 1)),
        ((Period.half(2026, 1),), PeriodKind.HALF, date(2026, 12, 6), Period.half(2025, 2)),
        ((), PeriodKind.YEAR, date(2026, 12, 6), Period.whole_year(2025)),
        ((Period.whole_year(2025),), PeriodKind.YEAR, date(2026, 12, 6), Period.whole_year(2026)),
        # Records of another kind do not count: a quarter's record is no half's.
        ((Period.quarter(2026, 2),), PeriodKind.HALF, date(2026, 12, 6), Period.half(2026, 1)),
    ],
)
def test_a_new_record_is_proposed_for_the_latest_ended_period_without_one(
    recorded: tuple[Period, ...], kind: PeriodKind, today: date, expected: Period
) -> None:
    assert proposed_period(recorded, kind, today) == expected


def test_recorded_periods_of_each_task(commune_db: Database) -> None:
    first = save(commune_db, progress())
    save(commune_db, progress(period_kind=PeriodKind.YEAR, period_no=1, year=2025))
    gone = save(commune_db, progress(plan_task_code="II.1.b"))
    with commune_db.transaction() as s:
        delete_progress(s, gone, expected_version=1)
        found = recorded_periods(s, "31120")
    assert set(found) == {("II.1.a", None)}
    assert sorted(found[("II.1.a", None)], key=lambda p: p.kind) == [
        Period.quarter(2026, 3),
        Period.whole_year(2025),
    ]
    assert found[("II.1.a", None)][Period.quarter(2026, 3)].id == first


def test_what_was_typed_is_added_to_the_saved_record(commune_db: Database) -> None:
    record_id = save(
        commune_db,
        progress(
            status=TaskStatus.HOAN_THANH,
            percent=None,
            achievements="Đã quán triệt tại 5 khu vực.",
            figures="",
            reported_on=date(2026, 10, 2),
            documents=(DocumentInput("12", "KH-UBND"),),
        ),
    )
    with commune_db.reading() as s:
        saved = get_progress(s, record_id)
    assert saved is not None
    # A new form: in progress at 0 % by default; the clerk wrote two texts and a document.
    initial = progress(percent=0, achievements="", figures="", reported_on=date(2026, 12, 6))
    typed = replace(
        initial,
        achievements="Tổ chức thêm 2 hội nghị.",
        figures="150 lượt người tham dự",
        documents=(DocumentInput("12", "KH-UBND"), DocumentInput("3", "BC-UBND")),
    )
    merged = merge_into(saved, typed, initial)
    assert (merged.period_no, merged.status, merged.percent) == (3, TaskStatus.HOAN_THANH, 100)
    assert merged.achievements == "Đã quán triệt tại 5 khu vực.\nTổ chức thêm 2 hội nghị."
    assert merged.figures == "150 lượt người tham dự"
    assert merged.reported_on == date(2026, 10, 2)  # the form's date was not touched
    assert [(d.number, d.id is not None) for d in merged.documents] == [("12", True), ("3", False)]
    # A status the clerk chose wins, with its percentage; an untouched text adds nothing.
    chosen = replace(initial, status=TaskStatus.DANG_TRIEN_KHAI, percent=80)
    again = merge_into(saved, chosen, initial)
    assert (again.status, again.percent) == (TaskStatus.DANG_TRIEN_KHAI, 80)
    assert again.achievements == "Đã quán triệt tại 5 khu vực."
    # Saving the merged record changes that record, and makes no second one.
    save(commune_db, merged, record_id=record_id, expected_version=saved.version)
    with commune_db.reading() as s:
        (row,) = list_progress(s, Scope.commune("31120"))
    assert row.id == record_id and len(row.documents) == 2 and row.version == 2
