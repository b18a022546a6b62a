"""Synthetic but realistic data for every record type, for demonstrations, tests and
benchmarks. Deterministic for a given seed and reference date; names and ID numbers are
generated, never taken from real people.

Rows go in with Core ``executemany`` (not ORM ``add_all``): a commune-scale set is tens of
thousands of rows.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from db.base import CITY_CODE, SyncedRecord, utc_now
from db.enums import (
    CheckerKind,
    CheckResult,
    CommuneKind,
    ContributionForm,
    DepositKind,
    DonorType,
    GroupGrade,
    GroupStatus,
    HamletKind,
    HouseholdCategory,
    PartyType,
    PeriodKind,
    Sex,
    SourceLevel,
    TaskStatus,
)
from db.models import (
    SYNCED_MODELS,
    Borrower,
    CapitalTotal,
    Deposit,
    EntrustedTransfer,
    FundContribution,
    FundOpeningBalance,
    FundSpending,
    GroupAssessment,
    Hamlet,
    Loan,
    LoanBalance,
    LoanCheck,
    OfficeTask,
    Organisation,
    OrganisationGrade,
    PlanTask,
    SavingsGroup,
    TaskDocument,
    TaskProgress,
)
from desktop.core import names
from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.office import CommuneInfo, list_communes, require_office
from desktop.core.periods import Period
from desktop.core.plan_reference import plan_section
from desktop.core.progress import NO_PROGRESS, Progress
from desktop.core.records import next_change_seq

M_NOT_EMPTY = QT_TRANSLATE_NOOP(
    "Demo",
    "This database already holds records. Demo data goes into a new, empty data folder only.",
)
M_BAD_SCALE = QT_TRANSLATE_NOOP("Demo", "Unknown scale {scale}: use small, commune or city.")


@dataclass(frozen=True)
class DemoScale:
    """How much to generate for each commune."""

    borrowers: int
    groups: int
    hamlets: int
    contributions_per_year: int
    years: int = 2

    @property
    def loans(self) -> int:
        return self.borrowers * 2


SCALES = {
    "small": DemoScale(borrowers=60, groups=6, hamlets=5, contributions_per_year=25),
    "commune": DemoScale(borrowers=5_000, groups=80, hamlets=12, contributions_per_year=300),
    "city": DemoScale(borrowers=150, groups=8, hamlets=6, contributions_per_year=30),
}

#: Programme mix of a typical commune: (code, weight, smallest and largest loan in triệu đ,
#: term in months).
PROGRAMME_MIX = (
    ("HN", 14, 20, 100, 60),
    ("HCN", 18, 20, 100, 60),
    ("HMTN", 10, 20, 100, 60),
    ("HSSV", 9, 10, 80, 96),
    ("GQVL", 26, 30, 100, 60),
    ("NSVSMT", 18, 10, 25, 60),
    ("SXKD", 5, 30, 100, 60),
)


#: Sub-tasks offices add under a plan task (parent code, title).
COMMUNE_SUB_TASKS = (
    ("II.5.a", "Kiện toàn Tổ TK&VV, củng cố hoạt động tại các ấp, khu vực"),
    ("II.4.b", "Vận động doanh nghiệp trên địa bàn ủng hộ Quỹ “Vì người nghèo”"),
)
CITY_SUB_TASKS = (("III.3", "Tổng hợp báo cáo của 103 xã, phường trước ngày 15/10"),)


@dataclass
class DemoReport:
    """Rows written per record type."""

    counts: dict[str, int] = field(default_factory=dict)

    def add(self, record_type: str, count: int) -> None:
        self.counts[record_type] = self.counts.get(record_type, 0) + count

    @property
    def total(self) -> int:
        return sum(self.counts.values())


class _Writer:
    """Collects rows per table and writes them with executemany, stamping the travelling
    columns (id, owner, version, times, change numbers) the way the record store would.

    Record ids come from their own generator per owner, seeded with the seed, the office
    that generates and the record's owner: the same seed gives the same ids in the same
    office, but two communes (or a commune and a city that made demo data for it) never
    make the same id, so a training city can import the demo files of many communes."""

    def __init__(self, session: Session, rng: random.Random, seed: int, office: str) -> None:
        self.session = session
        self.rng = rng
        self.rows: dict[type[SyncedRecord], list[dict[str, Any]]] = {m: [] for m in SYNCED_MODELS}
        self.now = utc_now()
        self.id_prefix = f"tdcs-demo-ids:{seed}:{office}"
        self._ids: dict[str, random.Random] = {}

    def new_id(self, owner: str) -> str:
        """A version-4 UUID drawn from the owner's seeded generator."""
        ids = self._ids.get(owner)
        if ids is None:
            ids = self._ids[owner] = random.Random(f"{self.id_prefix}:{owner}")
        return str(uuid.UUID(int=ids.getrandbits(128), version=4))

    def add(self, model: type[SyncedRecord], commune_code: str, **values: Any) -> str:
        record_id = values.pop("id", None) or self.new_id(commune_code)
        self.rows[model].append(
            {
                **values,
                "id": record_id,
                "commune_code": commune_code,
                "version": 1,
                "created_at": self.now,
                "updated_at": self.now,
                "deleted_at": None,
            }
        )
        return record_id

    def flush(self, report: DemoReport) -> None:
        total = sum(len(rows) for rows in self.rows.values())
        if not total:
            return
        seq = next_change_seq(self.session, total)
        for model in SYNCED_MODELS:
            rows = self.rows[model]
            if not rows:
                continue
            for row in rows:
                row["change_seq"] = seq
                seq += 1
            self.session.execute(insert(model), rows)
            report.add(model.record_type, len(rows))
            self.rows[model] = []


class DemoGenerator:
    """Makes one commune's records (or the city office's own) into a :class:`_Writer`."""

    def __init__(self, writer: _Writer, today: date, scale: DemoScale) -> None:
        self.w = writer
        self.rng = writer.rng
        self.today = today
        self.scale = scale
        # In a stated order: the same demo on every engine (SQLite read them in these orders).
        self.organisations = list(
            writer.session.scalars(select(Organisation.code).order_by(Organisation.code))
        )
        tasks = writer.session.execute(
            select(PlanTask.code, PlanTask.applies_commune, PlanTask.applies_city)
            .where(PlanTask.is_heading.is_(False))
            .order_by(PlanTask.sort_order)
        ).all()
        self.commune_tasks = [code for code, commune, _ in tasks if commune]
        self.city_tasks = [code for code, _, city in tasks if city]

    # -- people -------------------------------------------------------------------------
    def person(self, sex: Sex | None = None) -> tuple[str, Sex]:
        sex = sex or self.rng.choice((Sex.MALE, Sex.FEMALE))
        if sex is Sex.MALE:
            middle, given = names.MIDDLE_NAMES_MALE, names.GIVEN_NAMES_MALE
        else:
            middle, given = names.MIDDLE_NAMES_FEMALE, names.GIVEN_NAMES_FEMALE
        family = self.rng.choice(names.FAMILY_NAMES)
        return f"{family} {self.rng.choice(middle)} {self.rng.choice(given)}", sex

    def citizen_id(self, birth_year: int, sex: Sex) -> str:
        province = self.rng.choice(("092", "092", "092", "093", "094", "089", "086", "079"))
        century = (birth_year // 100 - 19) * 2 + (0 if sex is Sex.MALE else 1)
        return f"{province}{century}{birth_year % 100:02d}{self.rng.randrange(10**6):06d}"

    def phone(self) -> str:
        return self.rng.choice(("09", "03", "07", "08")) + f"{self.rng.randrange(10**8):08d}"

    def day_between(self, start: date, end: date) -> date:
        span = max((end - start).days, 0)
        return start + timedelta(days=self.rng.randint(0, span))

    def enterprise(self) -> str:
        prefix = self.rng.choice(names.ENTERPRISE_PREFIXES)
        return f"{prefix} {self.rng.choice(names.ENTERPRISE_WORDS)}"

    # -- one commune ----------------------------------------------------------------------
    def commune(self, commune: CommuneInfo) -> None:
        code = commune.code
        hamlets = self.hamlets(commune)
        groups = self.groups(code, hamlets)
        self.borrowers_and_loans(code, hamlets, groups)
        self.task_progress(code, self.commune_tasks, self.office_tasks(code, COMMUNE_SUB_TASKS))
        self.fund(code, hamlets)
        self.deposits(code)
        self.entrusted(code, SourceLevel.XA, base=self.rng.randint(200, 1_500) * 1_000_000)
        self.organisation_grades(code)

    def hamlets(self, commune: CommuneInfo) -> list[str]:
        """The hamlets entered at set-up, or generated ones when there are none."""
        existing = list(
            self.w.session.scalars(
                select(Hamlet.id)
                .where(Hamlet.commune_code == commune.code, Hamlet.deleted_at.is_(None))
                .order_by(Hamlet.sort_order, Hamlet.name)
            )
        )
        if existing:
            return existing
        ids = []
        for i in range(self.scale.hamlets):
            if commune.kind is CommuneKind.PHUONG:
                name, kind = f"Khu vực {i + 1}", HamletKind.KHU_VUC
            else:
                base = names.HAMLET_NAMES[i % len(names.HAMLET_NAMES)]
                round_no = i // len(names.HAMLET_NAMES)
                name, kind = f"Ấp {base}{f' {round_no + 1}' if round_no else ''}", HamletKind.AP
            ids.append(
                self.w.add(Hamlet, commune.code, name=name, kind=kind, sort_order=i, active=True)
            )
        return ids

    def groups(self, code: str, hamlets: list[str]) -> list[tuple[str, str, str]]:
        groups = []
        for i in range(self.scale.groups):
            org = self.organisations[i % len(self.organisations)]
            hamlet = hamlets[i % len(hamlets)]
            leader, _ = self.person()
            founded = self.day_between(date(2005, 1, 1), date(self.today.year - 1, 12, 31))
            status = GroupStatus.ACTIVE if self.rng.random() > 0.05 else GroupStatus.MERGED
            group_id = self.w.add(
                SavingsGroup,
                code,
                code=f"{code}-{org}-{i + 1:03d}",
                name=f"Tổ TK&VV số {i + 1}",
                hamlet_id=hamlet,
                organisation_code=org,
                leader_name=leader,
                leader_phone=self.phone(),
                founding_decision_no=f"{self.rng.randint(10, 999)}/QĐ-UBND",
                founding_decision_date=founded,
                status=status,
                notes="",
            )
            for year in range(self.today.year - self.scale.years, self.today.year):
                self.w.add(
                    GroupAssessment,
                    code,
                    group_id=group_id,
                    year=year,
                    grade=self.rng.choices(list(GroupGrade), weights=(55, 30, 12, 3))[0],
                    members_count=self.rng.randint(15, 55),
                    members_savings=self.rng.randint(5, 120) * 1_000_000,
                    notes="",
                )
            groups.append((group_id, hamlet, org))
        return groups

    def borrowers_and_loans(
        self, code: str, hamlets: list[str], groups: list[tuple[str, str, str]]
    ) -> None:
        weights = [p[1] for p in PROGRAMME_MIX]
        quarter = Period.containing(self.today, PeriodKind.QUARTER)
        last_quarter_end = quarter.start - timedelta(days=1)
        previous_end = Period.containing(last_quarter_end, PeriodKind.QUARTER).start - timedelta(
            days=1
        )
        contract_no = 0
        for _ in range(self.scale.borrowers):
            group_id, hamlet, org = self.rng.choice(groups)
            name, sex = self.person()
            birth_year = self.rng.randint(1955, 2005)
            category = self.rng.choices(list(HouseholdCategory), weights=(20, 30, 15, 35))[0]
            borrower_id = self.w.add(
                Borrower,
                code,
                full_name=name,
                citizen_id=self.citizen_id(birth_year, sex),
                birth_year=birth_year,
                sex=sex,
                hamlet_id=hamlet,
                household_category=category,
                phone=self.phone() if self.rng.random() < 0.8 else "",
                group_id=group_id,
                notes="",
            )
            for _ in range(1 if self.rng.random() < 0.35 else 2 if self.rng.random() < 0.9 else 3):
                contract_no += 1
                programme, _w, low, high, term = self.rng.choices(PROGRAMME_MIX, weights=weights)[0]
                amount = self.rng.randint(low, high) * 1_000_000
                disbursed = self.day_between(
                    self.today - timedelta(days=5 * 365), self.today - timedelta(days=30)
                )
                maturity = disbursed + timedelta(days=term * 30)
                loan_id = self.w.add(
                    Loan,
                    code,
                    borrower_id=borrower_id,
                    programme_code=programme,
                    organisation_code=org,
                    group_id=group_id,
                    contract_no=f"{code}{contract_no:07d}",
                    amount_disbursed=amount,
                    disbursed_on=disbursed,
                    maturity_on=maturity,
                    purpose=self.rng.choice(
                        (
                            "Chăn nuôi heo",
                            "Nuôi cá",
                            "Trồng lúa",
                            "Buôn bán nhỏ",
                            "Sửa nhà",
                            "Xây nhà vệ sinh",
                            "Học phí",
                            "Trồng cây ăn trái",
                            "Mua máy nông nghiệp",
                        )
                    ),
                    rate_bp=None,
                    notes="",
                )
                if disbursed > previous_end:
                    # Disbursed after the older quarter-end snapshot: the disbursement itself
                    # is the loan's first balance (as core.loans.create_loan records it).
                    self.w.add(
                        LoanBalance,
                        code,
                        loan_id=loan_id,
                        as_of=disbursed,
                        current_amount=amount,
                        overdue_amount=0,
                        frozen_amount=0,
                        pending_amount=0,
                        extended_amount=0,
                        rescheduled_amount=0,
                        written_off_amount=0,
                        overdue_since=None,
                        notes="",
                    )
                for as_of, paid in ((previous_end, 0.0), (last_quarter_end, 0.05)):
                    if disbursed > as_of:
                        continue
                    self.balance(code, loan_id, amount, disbursed, maturity, as_of, paid)
                if self.rng.random() < 0.55:
                    self.check(code, loan_id, disbursed)

    def balance(
        self,
        code: str,
        loan_id: str,
        amount: int,
        disbursed: date,
        maturity: date,
        as_of: date,
        extra_paid: float,
    ) -> None:
        elapsed = (as_of - disbursed).days / max((maturity - disbursed).days, 1)
        remaining = max(
            0, round(amount * max(0.0, 1 - 0.8 * elapsed - extra_paid) / 100_000) * 100_000
        )
        overdue = frozen = pending = 0
        overdue_since = None
        roll = self.rng.random()
        if remaining and (roll < 0.025 or (maturity < as_of and roll < 0.3)):
            overdue = min(remaining, self.rng.randint(1, 10) * 5_000_000)
            overdue_since = self.day_between(max(disbursed, as_of - timedelta(days=900)), as_of)
        elif remaining and roll < 0.032:
            frozen = remaining
        elif remaining and roll < 0.035:
            pending = remaining
        self.w.add(
            LoanBalance,
            code,
            loan_id=loan_id,
            as_of=as_of,
            current_amount=remaining - overdue - frozen - pending,
            overdue_amount=overdue,
            frozen_amount=frozen,
            pending_amount=pending,
            extended_amount=0,
            rescheduled_amount=0,
            written_off_amount=0,
            overdue_since=overdue_since,
            notes="",
        )

    def check(self, code: str, loan_id: str, disbursed: date) -> None:
        checked = self.day_between(max(disbursed, self.today - timedelta(days=500)), self.today)
        result = self.rng.choices(list(CheckResult), weights=(88, 6, 2, 4))[0]
        self.w.add(
            LoanCheck,
            code,
            loan_id=loan_id,
            checked_on=checked,
            checker_kind=self.rng.choice(list(CheckerKind)),
            checker_name="",
            stated_use="Theo phương án vay vốn",
            actual_use="Đúng phương án"
            if result is CheckResult.DUNG_MUC_DICH
            else "Khác phương án",
            result=result,
            action_required="" if result is CheckResult.DUNG_MUC_DICH else "Nhắc nhở, kiểm tra lại",
            follow_up_on=None
            if result is CheckResult.DUNG_MUC_DICH
            else checked + timedelta(days=60),
            notes="",
        )

    def office_tasks(
        self, code: str, sub_tasks: tuple[tuple[str, str], ...]
    ) -> list[tuple[str, str]]:
        """The office's own sub-tasks: ``(parent code, id)`` of each."""
        return [
            (
                parent,
                self.w.add(
                    OfficeTask, code, parent_code=parent, title=title, sort_order=n, notes=""
                ),
            )
            for n, (parent, title) in enumerate(sub_tasks)
        ]

    def task_progress(
        self, code: str, tasks: list[str], sub_tasks: list[tuple[str, str]] | None = None
    ) -> None:
        """Quarterly records for the quarters already over, and a yearly record for every
        full year before this one."""
        periods = []
        first_year = self.today.year - self.scale.years + 1
        for year in range(first_year, self.today.year + 1):
            for q in range(1, 5):
                period = Period.quarter(year, q)
                if period.end < self.today:
                    periods.append(period)
            if year < self.today.year:
                periods.append(Period.whole_year(year))
        lines: list[tuple[str, str | None]] = [(task, None) for task in tasks]
        lines += [(parent, sub_id) for parent, sub_id in sub_tasks or []]
        for index, period in enumerate(periods):
            for task, sub_id in lines:
                if self.rng.random() < 0.12:
                    continue
                done = index / max(len(periods) - 1, 1)
                status = self.rng.choices(
                    list(TaskStatus), weights=(max(1, 20 - 20 * done), 40, 10 + 30 * done, 25)
                )[0]
                progress_id = self.w.add(
                    TaskProgress,
                    code,
                    plan_task_code=task,
                    office_task_id=sub_id,
                    period_kind=period.kind,
                    year=period.year,
                    period_no=period.number,
                    status=status,
                    percent=None
                    if status is TaskStatus.THUONG_XUYEN
                    else {
                        TaskStatus.CHUA_TRIEN_KHAI: 0,
                        TaskStatus.DANG_TRIEN_KHAI: self.rng.randint(2, 9) * 10,
                        TaskStatus.HOAN_THANH: 100,
                    }[status],
                    achievements=(
                        f"Đã triển khai nội dung mục {plan_section(task)} của Kế hoạch trong "
                        f"{period.label_vi()}."
                    ),
                    figures="",
                    difficulties="" if self.rng.random() < 0.7 else "Nguồn vốn còn hạn chế.",
                    proposals=""
                    if self.rng.random() < 0.8
                    else "Đề nghị bổ sung nguồn vốn ủy thác.",
                    reported_on=period.end + timedelta(days=self.rng.randint(1, 15)),
                )
                for n in range(self.rng.choice((0, 0, 1, 2))):
                    self.w.add(
                        TaskDocument,
                        code,
                        progress_id=progress_id,
                        number=str(self.rng.randint(1, 300)),
                        symbol=self.rng.choice(("KH-UBND", "QĐ-UBND", "CV-UBND", "BC-UBND")),
                        issued_on=self.day_between(period.start, period.end),
                        summary=(
                            f"Văn bản triển khai mục {plan_section(task)} của Kế hoạch "
                            f"(lần {n + 1})"
                        ),
                    )

    def fund(self, code: str, hamlets: list[str]) -> None:
        first_year = self.today.year - self.scale.years + 1
        balance = self.rng.randint(20, 300) * 1_000_000
        self.w.add(
            FundOpeningBalance,
            code,
            year=first_year,
            amount=balance,
            notes="Số dư chuyển sang",
        )
        for year in range(first_year, self.today.year + 1):
            for _ in range(self.scale.contributions_per_year):
                donor_type = self.rng.choices(list(DonorType), weights=(45, 30, 15, 10))[0]
                if donor_type in (DonorType.CA_NHAN, DonorType.HO_GIA_DINH):
                    donor = self.person()[0]
                    if donor_type is DonorType.HO_GIA_DINH:
                        donor = f"Hộ {donor}"
                elif donor_type is DonorType.DOANH_NGHIEP:
                    donor = self.enterprise()
                else:
                    donor = self.rng.choice(names.ORGANISATION_NAMES)
                if self.rng.random() < 0.6:
                    received = self.day_between(date(year, 10, 17), date(year, 11, 18))
                else:
                    received = self.day_between(date(year, 1, 2), date(year, 12, 28))
                if received > self.today:
                    continue
                form = self.rng.choices(list(ContributionForm), weights=(60, 30, 8, 2))[0]
                gift = (
                    self.rng.choice((1, 2, 3, 5, 10, 20, 50))
                    * 100_000
                    * (10 if donor_type is DonorType.DOANH_NGHIEP else 1)
                )
                if form in (ContributionForm.TIEN_MAT, ContributionForm.CHUYEN_KHOAN):
                    balance += gift
                self.w.add(
                    FundContribution,
                    code,
                    donor_name=donor,
                    donor_type=donor_type,
                    form=form,
                    amount=gift,
                    in_kind_description="Gạo, nhu yếu phẩm"
                    if form is ContributionForm.HIEN_VAT
                    else "",
                    received_on=received,
                    receipt_no=f"{year % 100:02d}/{self.rng.randint(1, 9999):04d}",
                    campaign_year=year,
                    notes="",
                )
            for _ in range(max(2, self.scale.contributions_per_year // 6)):
                spent = self.day_between(date(year, 1, 15), date(year, 12, 20))
                grant = self.rng.choice((1, 2, 3, 5, 10, 40, 60)) * 1_000_000
                if spent > self.today or grant > balance:
                    continue  # a fund pays grants only from what it holds
                balance -= grant
                self.w.add(
                    FundSpending,
                    code,
                    recipient_name=f"Hộ {self.person()[0]}",
                    hamlet_id=self.rng.choice(hamlets) if hamlets else None,
                    purpose=self.rng.choice(
                        (
                            "Hỗ trợ xây nhà Đại đoàn kết",
                            "Hỗ trợ sửa chữa nhà",
                            "Hỗ trợ khám chữa bệnh",
                            "Hỗ trợ học sinh nghèo",
                            "Tặng quà Tết",
                        )
                    ),
                    amount=grant,
                    spent_on=spent,
                    decision_no=f"{self.rng.randint(1, 200)}/QĐ-MTTQ",
                    decision_date=spent - timedelta(days=self.rng.randint(0, 10)),
                    notes="",
                )

    def organisation_grades(self, code: str) -> None:
        """The grades of the entrusted organisations' work in the years before this one; a
        few are left out (a commune that has not recorded them yet). Drawn from a generator
        of their own, so that adding them changed no other demo record."""
        rng = random.Random(f"{self.w.id_prefix}:grades:{code}")
        for year in range(self.today.year - self.scale.years, self.today.year):
            for organisation in self.organisations:
                if rng.random() < 0.1:
                    continue
                self.w.add(
                    OrganisationGrade,
                    code,
                    organisation_code=organisation,
                    year=year,
                    grade=rng.choices(list(GroupGrade), weights=(50, 35, 12, 3))[0],
                    notes="",
                )

    def deposits(self, code: str) -> None:
        for _ in range(max(2, self.scale.groups // 4)):
            kind = self.rng.choice(list(DepositKind))
            party_type = self.rng.choice(list(PartyType))
            party = self.person()[0] if party_type is PartyType.CA_NHAN else self.enterprise()
            self.w.add(
                Deposit,
                code,
                kind=kind,
                party_name=party,
                party_type=party_type,
                amount=self.rng.randint(5, 500) * 1_000_000,
                transacted_on=self.day_between(self.today - timedelta(days=700), self.today),
                term_months=self.rng.choice((6, 12, 24)) if kind is DepositKind.TIEN_GUI else None,
                notes="",
            )

    def entrusted(self, code: str, level: SourceLevel, *, base: int) -> None:
        amount = base
        total = base * self.rng.randint(25, 60)
        balance = base * self.rng.randint(3, 8)
        for year in range(self.today.year - 3, self.today.year + 1):
            growth = self.rng.uniform(1.05, 1.35)
            amount = round(amount * growth / 1_000_000) * 1_000_000
            decided = date(year, self.rng.randint(2, 6), self.rng.randint(1, 28))
            self.w.add(
                EntrustedTransfer,
                code,
                year=year,
                source_level=level,
                amount=amount,
                decision_no=f"{self.rng.randint(100, 3000)}/QĐ-UBND",
                decision_date=decided,
                transferred_on=decided + timedelta(days=self.rng.randint(5, 40)),
                programme_code=self.rng.choice(("GQVL", "HN", "NSVSMT")),
                notes="",
            )
            balance += amount
            total = round(total * self.rng.uniform(1.04, 1.10) / 1_000_000) * 1_000_000
            if year < self.today.year:
                self.w.add(
                    CapitalTotal,
                    code,
                    year=year,
                    total_capital=total,
                    entrusted_balance=balance,
                    as_of=date(year, 12, 31),
                    source_note="Số liệu Phòng giao dịch NHCSXH",
                    notes="",
                )

    # -- the city office's own records ------------------------------------------------------
    def city_office(self) -> None:
        self.task_progress(CITY_CODE, self.city_tasks, self.office_tasks(CITY_CODE, CITY_SUB_TASKS))
        self.fund(CITY_CODE, [])
        figures = {2024: (16_300, 2_250), 2025: (17_590, 2_675)}
        for year, (total, entrusted) in figures.items():
            self.w.add(
                CapitalTotal,
                CITY_CODE,
                year=year,
                total_capital=total * 1_000_000_000,
                entrusted_balance=entrusted * 1_000_000_000,
                as_of=date(year, 12, 31),
                source_note="Chi nhánh NHCSXH thành phố Cần Thơ",
                notes="",
            )
        for year, billions in ((2024, 310), (2025, 372), (2026, 430)):
            if year > self.today.year:
                continue
            self.w.add(
                EntrustedTransfer,
                CITY_CODE,
                year=year,
                source_level=SourceLevel.THANH_PHO,
                amount=billions * 1_000_000_000,
                decision_no=f"{self.rng.randint(100, 3000)}/QĐ-UBND",
                decision_date=date(year, 3, 15),
                transferred_on=date(year, 4, 1),
                programme_code="GQVL",
                notes="",
            )


def database_is_empty(session: Session) -> bool:
    """No records yet, apart from the hamlets entered at set-up."""
    return all(
        session.scalar(select(func.count()).select_from(model)) == 0
        for model in SYNCED_MODELS
        if model is not Hamlet
    )


def generate(
    session: Session,
    *,
    scale: str | DemoScale = "small",
    seed: int = 39,
    today: date | None = None,
    communes: Iterable[CommuneInfo] | None = None,
    progress: Progress = NO_PROGRESS,
    on_commune: Callable[[CommuneInfo], None] | None = None,
) -> DemoReport:
    """Fill an empty database with demo data for this office.

    A commune office gets its own commune's records; the city office gets records for all
    103 communes (as if their files had been imported) plus its own.
    """
    if isinstance(scale, str):
        if scale not in SCALES:
            raise UserError(M_BAD_SCALE, scale=scale)
        sizes = SCALES[scale]
    else:
        sizes = scale
    office = require_office(session)
    if not database_is_empty(session):
        raise UserError(M_NOT_EMPTY)
    rng = random.Random(seed)
    writer = _Writer(session, rng, seed, office.unit_code)
    generator = DemoGenerator(writer, today or date.today(), sizes)
    report = DemoReport()
    all_communes = list_communes(session)
    if communes is not None:
        targets = list(communes)
    elif office.is_city:
        targets = all_communes
    else:
        targets = [c for c in all_communes if c.code == office.unit_code]
    for done, commune in enumerate(targets):
        progress.report(done, len(targets), commune.label)
        generator.commune(commune)
        writer.flush(report)
        if on_commune:
            on_commune(commune)
    if office.is_city:
        generator.city_office()
        writer.flush(report)
    progress.report(len(targets), len(targets))
    return report
