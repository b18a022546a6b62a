"""The self-test step of the recording part: record a gift, a grant, a transfer, a total
and a progress record through the services, and check the statement and the targets."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from db.enums import ContributionForm, DonorType, PeriodKind, SourceLevel, TaskStatus
from desktop.core.database import Database
from desktop.core.funds.capital import CapitalInput, TransferInput, create_capital, create_transfer
from desktop.core.funds.fund import (
    ContributionInput,
    OpeningInput,
    SpendingInput,
    create_contribution,
    create_opening,
    create_spending,
)
from desktop.core.funds.indicators import TargetStatus, entrusted_indicators
from desktop.core.funds.statement import fund_statement
from desktop.core.owners import ALL_COMMUNES
from desktop.core.periods import Period
from desktop.core.selftest import expect
from desktop.core.tasks.progress import ProgressInput, create_progress
from desktop.core.tasks.status import task_completion


def step_recording(db: Database) -> str:
    """Needs the office set up by the earlier steps (a commune)."""
    day = date(2025, 10, 20)
    with db.transaction() as s:
        owner = create_opening(s, OpeningInput(year=2025, amount=10_000_000))
        create_contribution(
            s,
            ContributionInput(
                donor_name="Nguyễn Văn An",
                donor_type=DonorType.CA_NHAN,
                form=ContributionForm.TIEN_MAT,
                amount=2_000_000,
                received_on=day,
                campaign_year=2025,
            ),
        )
        create_spending(
            s,
            SpendingInput(
                recipient_name="Hộ Trần Thị Bé",
                purpose="Hỗ trợ sửa nhà",
                amount=5_000_000,
                spent_on=day,
            ),
        )
        create_transfer(s, TransferInput(year=2024, source_level=SourceLevel.XA, amount=100))
        create_transfer(s, TransferInput(year=2025, source_level=SourceLevel.XA, amount=120))
        create_capital(s, CapitalInput(year=2025, total_capital=17_590, entrusted_balance=2_675))
        create_progress(
            s,
            ProgressInput(
                plan_task_code="II.1.a",
                period_kind=PeriodKind.YEAR,
                year=2025,
                period_no=1,
                status=TaskStatus.HOAN_THANH,
                achievements="Đã quán triệt Chỉ thị 39.",
            ),
        )
    with db.reading() as s:
        unit = fund_statement(s, 2025, ALL_COMMUNES)
        targets = entrusted_indicators(s, 2025, ALL_COMMUNES)
        tasks = task_completion(s, Period.whole_year(2025), ALL_COMMUNES)
    checks = (
        (unit.closing == 7_000_000, "fund statement"),
        (targets.growth.status is TargetStatus.ON_TRACK, "growth target"),
        (targets.share.share == Fraction(2_675, 17_590), "share of total capital"),
        (targets.share.still_needed == 1_054, "amount still needed"),  # ⌈(3 518 − 2 675) ÷ 0,8⌉
        (tasks.completed == 1, "task completion"),
        (bool(owner), "opening balance"),
    )
    failed = [name for ok, name in checks if not ok]
    expect(not failed, ", ".join(failed))
    return "fund statement, entrusted capital targets, task completion"
