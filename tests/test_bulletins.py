"""The city's bulletin to the communes (issue 18): the city assigns targets and changes a
rate, the commune checks the bulletin, applies it once (the same bulletin twice changes
nothing), holds the city's decisions read-only, applies the rate from its date without
rewriting loans already recorded, and its next sync file tells the city which bulletin it
applied; corrections to a closed period are marked and travel to the city's board."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from db.base import CITY_CODE
from db.enums import ContributionForm, DonorType, PeriodKind, TargetKind
from db.models import CommuneTarget, FundContribution, LateCorrection, Loan, Notice
from desktop.cli import main
from desktop.core import closing
from desktop.core.closed_periods import (
    ClosedPeriodInput,
    create_closed_period,
    list_closed_periods,
    list_late_corrections,
)
from desktop.core.dashboard.overview import load_overview
from desktop.core.database import Database
from desktop.core.errors import FormErrors, UserError
from desktop.core.funds.fund import ContributionInput, create_contribution
from desktop.core.loans.borrowers import BorrowerInput, create_borrower
from desktop.core.loans.loans import LoanInput, create_loan
from desktop.core.notices import (
    NoticeInput,
    acknowledge_notice,
    list_notices,
    notice_reminders,
    update_notice,
)
from desktop.core.office import record_store
from desktop.core.owners import ALL_COMMUNES, Scope
from desktop.core.periods import Period
from desktop.core.programmes import rate_on
from desktop.core.records import RecordStore
from desktop.core.targets import (
    TargetInput,
    create_target,
    delete_target,
    list_targets,
    target_progress,
    update_target,
)
from desktop.reports.registry import ReportRequest
from desktop.sync.board import CommuneStatus, board
from desktop.sync.bulletin_apply import Change, Status, list_applied
from desktop.sync.bulletin_issue import latest_for_communes, list_issued, pending
from desktop.sync.importer import Status as ImportStatus
from tests.bulletin_support import CODE, RATE_FROM, TODAY, YEAR, apply, decide, make
from tests.report_support import make as make_made
from tests.report_support import row_values
from tests.sync_support import World, content, make_world

pytestmark = pytest.mark.usefixtures("english", "engine")


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    yield from make_world(tmp_path)


def status_of(world: World, code: str = CODE) -> CommuneStatus:
    with world.city.reading() as session:
        return next(s for s in board(session) if s.code == code)


def loan(db: Database, disbursed: date, contract: str) -> str:
    with db.transaction() as session:
        borrower = create_borrower(session, BorrowerInput(full_name=f"Người vay {contract}"))
        return create_loan(
            session,
            LoanInput(
                borrower_id=borrower,
                programme_code="HN",
                amount_disbursed=30_000_000,
                disbursed_on=disbursed,
                contract_no=contract,
            ),
        )


def rate_of(db: Database, loan_id: str) -> int | None:
    with db.reading() as session:
        found = session.get(Loan, loan_id)
        assert found is not None
        return found.rate_bp


def test_round_trip_targets_and_a_rate_change(world: World, tmp_path: Path) -> None:
    commune = world.commune(CODE)
    before = loan(commune, date(2026, 8, 3), "HN-01")  # recorded under the old rate
    decide(world.city)
    issued = make(world.city, tmp_path / "out", [CODE])
    assert issued.seq == 1 and len(issued.files) == 1
    path = issued.files[0].path
    assert path.name.startswith("ThongBao_0001_31120_CaiKhe_")

    # The dry run says what would change, and changes nothing.
    unchanged = content(commune)
    report = apply(commune, path, dry_run=True)
    assert report.status is Status.READY, report.message
    assert content(commune) == unchanged
    lines = {(line.section, line.change) for line in report.lines}
    assert ("targets", Change.NEW) in lines and ("rates", Change.NEW) in lines
    assert ("notices", Change.NEW) in lines and ("closed_periods", Change.NEW) in lines
    assert report.counts(Change.NEW) == 5  # two targets, a notice, a closing, a rate

    report = apply(commune, path)
    assert report.status is Status.APPLIED, report.message
    again = apply(commune, path)
    assert again.status is Status.ALREADY and "already applied on" in again.message
    assert again.ok

    with commune.reading() as session:
        targets = list_targets(session, CODE)
        assert [(t.kind, t.value) for t in targets] == [
            (TargetKind.FUND_MOBILISATION, 500_000_000),
            (TargetKind.LOANS_CHECKED, 40),
        ]
        # The rate applies from its date on; the day before keeps the old one.
        assert rate_on(session, "HN", RATE_FROM).rate_bp == 690
        assert rate_on(session, "HN", date(2026, 6, 30)).rate_bp == 660
        assert [n.title for n in list_notices(session)] == ["Nộp báo cáo năm trước ngày 15/10"]
        assert [p.label for p in list_closed_periods(session)] == ["Year 2025"]
        assert [row.seq for row in list_applied(session)] == [1]
    # A loan recorded under the old rate keeps it; new loans take the rate of their day.
    assert rate_of(commune, before) == 660
    assert rate_of(commune, loan(commune, date(2026, 8, 4), "HN-02")) == 690
    assert rate_of(commune, loan(commune, date(2026, 6, 30), "HN-03")) == 660

    # The commune's next file tells the city which bulletin it applied.
    assert status_of(world).bulletin_text() == "None yet (no. 1 made)"
    result = world.import_file(world.export(commune).path)
    assert result.status is ImportStatus.APPLIED, result.message
    assert result.manifest is not None and result.manifest.bulletin is not None
    assert result.manifest.bulletin.seq == 1
    status = status_of(world)
    assert status.bulletin_seq == 1 and not status.bulletin_behind
    assert status.bulletin_text().startswith("No. 1 (applied ")


def test_the_commune_holds_the_citys_decisions_read_only(world: World, tmp_path: Path) -> None:
    commune = world.commune(CODE)
    decide(world.city)
    assert apply(commune, make(world.city, tmp_path, [CODE]).files[0].path).ok
    with commune.transaction() as session:
        target = session.scalars(select(CommuneTarget)).first()
        assert target is not None and target.commune_code == CITY_CODE
        with pytest.raises(UserError, match="belongs to unit 92"):
            record_store(session).update(
                CommuneTarget, target.id, {"value": 1}, expected_version=target.version
            )
        with pytest.raises(UserError, match="Only the city office assigns targets"):
            create_target(session, TargetInput(CODE, YEAR, TargetKind.LOANS_CHECKED, 1))


def test_changes_and_withdrawals_reach_the_commune(world: World, tmp_path: Path) -> None:
    commune = world.commune(CODE)
    decide(world.city)
    assert apply(commune, make(world.city, tmp_path / "1", [CODE]).files[0].path).ok
    with commune.transaction() as session:
        notice = list_notices(session)[0]
        acknowledge_notice(session, notice.id)
        assert list_notices(session, open_only=True) == []
    with world.city.transaction() as session:
        rows = {t.kind: t for t in list_targets(session, CODE)}
        fund = rows[TargetKind.FUND_MOBILISATION]
        update_target(
            session,
            fund.id,
            TargetInput(CODE, YEAR, TargetKind.FUND_MOBILISATION, 650_000_000),
            expected_version=fund.version,
        )
        checks = rows[TargetKind.LOANS_CHECKED]
        delete_target(session, checks.id, expected_version=checks.version)
        update_notice(
            session,
            notice.id,
            NoticeInput(None, notice.title, notice.text, date(2026, 10, 10)),
            expected_version=notice.version,
            today=TODAY,
        )
        assert pending(session).targets == 2 and pending(session).notices == 1
    second = make(world.city, tmp_path / "2", [CODE]).files[0].path
    report = apply(commune, second)
    assert report.status is Status.APPLIED, report.message
    changes = {(line.section, line.change) for line in report.lines}
    assert changes == {
        ("targets", Change.CHANGED),
        ("targets", Change.REMOVED),
        ("notices", Change.CHANGED),
    }
    with commune.reading() as session:
        assert [(t.kind, t.value) for t in list_targets(session, CODE)] == [
            (TargetKind.FUND_MOBILISATION, 650_000_000)
        ]
        # The city changed the notice: it is to be read again.
        assert [n.act_by for n in list_notices(session, open_only=True)] == [date(2026, 10, 10)]


def test_a_bulletin_to_every_commune_carries_no_targets(world: World, tmp_path: Path) -> None:
    cai_khe, ninh_kieu = world.commune(CODE), world.commune("31135")
    decide(world.city)
    issued = make(world.city, tmp_path)
    assert [f.addressee for f in issued.files] == [None]
    assert issued.files[0].counts["targets"] == 0
    assert issued.files[0].path.name.startswith("ThongBao_0001_TatCa_")
    for commune in (cai_khe, ninh_kieu):
        report = apply(commune, issued.files[0].path)
        assert report.status is Status.APPLIED, report.message
        with commune.reading() as session:
            assert list_targets(session) == []
            assert rate_on(session, "HN", RATE_FROM).rate_bp == 690
    with world.city.reading() as session:
        assert latest_for_communes(session)[CODE] == 1
        assert [row.addressee for row in list_issued(session)] == [None]


def test_per_commune_files_carry_only_their_own_targets(world: World, tmp_path: Path) -> None:
    decide(world.city)
    with world.city.transaction() as session:
        create_target(session, TargetInput("31135", YEAR, TargetKind.GROUPS_GRADED_GOOD, 7))
    issued = make(world.city, tmp_path, [CODE, "31135"])
    assert issued.seq == 1 and [f.addressee for f in issued.files] == [CODE, "31135"]
    assert [f.counts["targets"] for f in issued.files] == [2, 1]
    ninh_kieu = world.commune("31135")
    assert apply(ninh_kieu, issued.files[1].path).ok
    with ninh_kieu.reading() as session:
        assert [(t.target_code, t.kind, t.value) for t in list_targets(session)] == [
            ("31135", TargetKind.GROUPS_GRADED_GOOD, 7)
        ]


def test_targets_are_validated_at_the_city(world: World) -> None:
    with world.city.transaction() as session:
        with pytest.raises(FormErrors) as caught:
            create_target(session, TargetInput("99999", 1999, TargetKind.LOANS_CHECKED, 0))
        assert set(caught.value.by_field()) == {"target_code", "year", "value"}
        create_target(session, TargetInput(CODE, YEAR, TargetKind.LOANS_CHECKED, 40))
        with pytest.raises(FormErrors) as caught:
            create_target(session, TargetInput(CODE, YEAR, TargetKind.LOANS_CHECKED, 30))
        assert "already has this target for 2026" in caught.value.text()


def test_how_far_the_commune_is_from_each_target(world: World, tmp_path: Path) -> None:
    """Worked out by hand: 120 + 80 million received in 2026 (the 2025 gift does not count)
    of 500 million assigned → 300 million to go; one loan checked twice counts once."""
    commune = world.commune(CODE)
    decide(world.city)
    assert apply(commune, make(world.city, tmp_path, [CODE]).files[0].path).ok
    with commune.transaction() as session:
        for amount, day in (
            (120_000_000, date(2026, 3, 5)),
            (80_000_000, date(2026, 10, 20)),
            (99_000_000, date(2025, 12, 31)),
        ):
            create_contribution(
                session,
                ContributionInput(
                    "Công ty TNHH Minh Phát",
                    DonorType.DOANH_NGHIEP,
                    ContributionForm.CHUYEN_KHOAN,
                    amount,
                    day,
                    day.year,
                ),
                today=date(2026, 12, 1),
            )
    with commune.reading() as session:
        found = {p.kind: p for p in target_progress(session, CODE, YEAR, until=date(2026, 12, 1))}
        early = {p.kind: p for p in target_progress(session, CODE, YEAR, until=date(2026, 6, 30))}
    fund = found[TargetKind.FUND_MOBILISATION]
    assert (fund.value, fund.achieved, fund.remaining) == (500_000_000, 200_000_000, 300_000_000)
    assert early[TargetKind.FUND_MOBILISATION].achieved == 120_000_000
    assert found[TargetKind.LOANS_CHECKED].achieved == 0
    assert not fund.reached

    # Tổng quan holds them (for the commune, not for every commune together at the city),
    # with the city's notice whose day comes near.
    with commune.reading() as session:
        overview = load_overview(session, YEAR, Scope.commune(CODE), today=date(2026, 10, 1))
    assert [(t.kind, t.achieved) for t in overview.targets] == [
        (TargetKind.FUND_MOBILISATION, 120_000_000),
        (TargetKind.LOANS_CHECKED, 0),
    ]
    assert [(n.title, n.days_left) for n in overview.notices] == [
        ("Nộp báo cáo năm trước ngày 15/10", 14)
    ]
    with world.city.reading() as session:
        assert load_overview(session, YEAR, ALL_COMMUNES, today=date(2026, 10, 1)).targets == ()
        at_city = load_overview(session, YEAR, Scope.commune(CODE), today=date(2026, 10, 1))
        assert [t.value for t in at_city.targets] == [500_000_000, 40]
        assert at_city.notices == ()

    # The commune's report on the year shows each target and what remains.
    request = ReportRequest(Period.whole_year(YEAR), None, date(2026, 12, 1))
    made = make_made(commune, "commune-plan", request, tmp_path / "reports")
    text = made.flat
    assert "Thực hiện các chỉ tiêu Thành phố giao năm 2026" in text
    assert "đã đạt 0 chỉ tiêu" in text
    row = row_values(made.text, "Vận động Quỹ")
    assert row[:4] == [500_000_000, 200_000_000, Decimal("40.00"), 300_000_000], row
    assert "Món vay được kiểm tra sử dụng" in text  # the PDF wraps the rest


def test_a_correction_to_a_closed_period_is_marked_and_travels(
    world: World, tmp_path: Path
) -> None:
    commune = world.commune(CODE)
    with commune.transaction() as session:
        gift = create_contribution(
            session,
            ContributionInput(
                "Bà Lê Thị Hoa",
                DonorType.CA_NHAN,
                ContributionForm.TIEN_MAT,
                2_000_000,
                date(2025, 11, 2),
                2025,
            ),
            today=TODAY,
        )
    decide(world.city)
    assert apply(commune, make(world.city, tmp_path, [CODE]).files[0].path).ok
    # Asked first (the window): nothing is written, the question says which period.
    before = content(commune)
    with (
        pytest.raises(closing.AfterClosing) as asked,
        closing.asking_first(),
        commune.transaction() as session,
    ):
        record_store(session).update(
            FundContribution, gift, {"amount": 2_500_000}, expected_version=1
        )
    assert "Year 2025 was closed by the city on 20/02/2026" in asked.value.text()
    assert content(commune) == before
    # Confirmed: the change is saved and marked in the same transaction.
    with commune.transaction() as session:
        record_store(session).update(
            FundContribution, gift, {"amount": 2_500_000}, expected_version=1
        )
        # A 2026 record is not in the closed year.
        create_contribution(
            session,
            ContributionInput(
                "Bà Lê Thị Hoa",
                DonorType.CA_NHAN,
                ContributionForm.TIEN_MAT,
                1_000_000,
                date(2026, 1, 2),
                2026,
            ),
            today=TODAY,
        )
    with commune.reading() as session:
        marks = list_late_corrections(session, Scope.commune(CODE))
        assert [(m.record_kind, m.record_ref, m.period.label()) for m in marks] == [
            ("fund_contribution", gift, "Year 2025")
        ]
        assert marks[0].record_name == "Bà Lê Thị Hoa, 02/11/2025"
    result = world.import_file(world.export(commune).path)
    assert result.status is ImportStatus.APPLIED, result.message
    assert status_of(world).late_corrections == 1
    with world.city.reading() as session:
        rows = list_late_corrections(session, ALL_COMMUNES)
        assert [(r.commune_name, r.record_name) for r in rows] == [
            ("Cái Khế", "Bà Lê Thị Hoa, 02/11/2025")
        ]


def test_moving_a_record_out_of_a_closed_period_is_marked_too(world: World, tmp_path: Path) -> None:
    commune = world.commune(CODE)
    decide(world.city)
    assert apply(commune, make(world.city, tmp_path, [CODE]).files[0].path).ok
    with commune.transaction() as session:
        store = RecordStore(session, owner_code=CODE, actor="Cán bộ thử")
        gift = store.create(
            FundContribution,
            {
                "donor_name": "Ông Trần Văn Bảy",
                "donor_type": DonorType.CA_NHAN,
                "form": ContributionForm.TIEN_MAT,
                "amount": 1_000_000,
                "received_on": date(2025, 12, 30),
                "campaign_year": 2025,
            },
        )
        version = store.update(
            FundContribution, gift, {"received_on": date(2026, 1, 3)}, expected_version=1
        )
        version = store.update(  # now in 2026: not marked
            FundContribution, gift, {"amount": 1_200_000}, expected_version=version
        )
        store.delete(FundContribution, gift, expected_version=version)
    with commune.reading() as session:
        actions = [
            r.action.value
            for r in session.scalars(select(LateCorrection).order_by(LateCorrection.change_seq))
        ]
    assert actions == ["create", "update"]


def test_closed_periods_are_validated_at_the_city(world: World) -> None:
    with world.city.transaction() as session:
        with pytest.raises(FormErrors, match="can be closed once it has ended"):
            create_closed_period(
                session,
                ClosedPeriodInput(PeriodKind.QUARTER, 2026, 1, date(2026, 3, 1)),
                today=TODAY,
            )
        with pytest.raises(FormErrors, match="cannot be after today"):
            create_closed_period(
                session,
                ClosedPeriodInput(PeriodKind.YEAR, 2025, 1, date(2026, 3, 3)),
                today=TODAY,
            )
        create_closed_period(
            session, ClosedPeriodInput(PeriodKind.HALF, 2025, 2, date(2026, 1, 15)), today=TODAY
        )
        with pytest.raises(FormErrors, match="already closed"):
            create_closed_period(
                session,
                ClosedPeriodInput(PeriodKind.HALF, 2025, 2, date(2026, 1, 16)),
                today=TODAY,
            )


def test_notices_remind_as_their_day_comes_near(world: World, tmp_path: Path) -> None:
    commune = world.commune(CODE)
    decide(world.city)
    assert apply(commune, make(world.city, tmp_path, [CODE]).files[0].path).ok
    with commune.transaction() as session:
        assert notice_reminders(session, date(2026, 9, 14)) == []
        soon = notice_reminders(session, date(2026, 9, 20))
        assert [(r.title, r.days_left) for r in soon] == [("Nộp báo cáo năm trước ngày 15/10", 25)]
        assert notice_reminders(session, date(2026, 10, 20))[0].days_left == -5
        acknowledge_notice(session, list_notices(session)[0].id)
        assert notice_reminders(session, date(2026, 9, 20)) == []
    with world.city.reading() as session:
        assert notice_reminders(session, date(2026, 9, 20)) == []  # the city's own


def test_the_city_is_refused_a_bulletin_and_a_commune_cannot_make_one(
    world: World, tmp_path: Path
) -> None:
    commune = world.commune(CODE)
    decide(world.city)
    path = make(world.city, tmp_path, [CODE]).files[0].path
    report = apply(world.city, path)
    assert report.status is Status.REFUSED and "applied at commune offices" in report.message
    with commune.transaction() as session, pytest.raises(UserError, match="Only the city"):
        from desktop.sync.bulletin_issue import make_bulletins

        make_bulletins(session, tmp_path)
    with world.city.transaction() as session:
        assert session.scalars(select(Notice)).first() is not None


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out + err


def test_make_import_and_list_on_the_command_line(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``tdcs bulletin make / import / list``, which speak Vietnamese."""
    commune = world.commune(CODE)
    city_dir, commune_dir = str(world.city.paths.data_dir), str(commune.paths.data_dir)
    decide(world.city)
    code, output = run_cli(capsys, "bulletin", "list", "--data-dir", city_dir)
    assert code == 0 and "Chưa tạo thông báo nào." in output
    # One file for every commune carries no targets, and says how to send them.
    code, output = run_cli(
        capsys, "bulletin", "make", "--data-dir", city_dir, "--out", str(tmp_path / "all")
    )
    assert code == 0 and "Thông báo số 1: đã ghi 1 tệp." in output, output
    assert "chỉ tiêu chỉ được gửi trong tệp riêng" in output
    code, output = run_cli(
        capsys, "bulletin", "make", "--data-dir", city_dir, "--commune", "99999", "--out", "x"
    )
    assert code != 0 and "99999 không phải mã của một trong 103 xã" in output, output
    code, output = run_cli(
        capsys,
        "bulletin",
        "make",
        "--data-dir",
        city_dir,
        "--commune",
        CODE,
        "--out",
        str(tmp_path / "ours"),
    )
    assert code == 0 and "Thông báo số 2: đã ghi 1 tệp." in output, output
    ours = next((tmp_path / "ours").glob("ThongBao_0002_31120_CaiKhe_*.tdcsb"))
    code, output = run_cli(capsys, "bulletin", "list", "--data-dir", city_dir)
    assert code == 0 and "tất cả xã, phường" in output and "Cái Khế" in output, output

    before = content(commune)
    code, output = run_cli(
        capsys, "bulletin", "import", "--data-dir", commune_dir, "--dry-run", str(ours)
    )
    assert code == 0 and "thông báo có thể áp dụng (chưa thay đổi gì)" in output, output
    assert content(commune) == before
    code, output = run_cli(capsys, "bulletin", "import", "--data-dir", commune_dir, str(ours))
    assert code == 0 and "Đã áp dụng." in output and "5 mới" in output, output
    older = next((tmp_path / "all").glob("ThongBao_0001_TatCa_*.tdcsb"))
    code, output = run_cli(capsys, "bulletin", "import", "--data-dir", commune_dir, str(older))
    assert code == 1 and "BỊ TỪ CHỐI" in output and "thông báo số 2, mới hơn" in output, output
    code, output = run_cli(capsys, "bulletin", "list", "--data-dir", commune_dir)
    assert code == 0 and "ThongBao_0002_31120_CaiKhe_" in output, output
