"""Names people read for the stored codes of ``db.enums``, in the interface language."""

from __future__ import annotations

from enum import StrEnum

from db import enums as e
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg, tr

LABELS: dict[StrEnum, Msg] = {
    e.OfficeMode.COMMUNE: QT_TRANSLATE_NOOP("Labels", "Commune / ward office"),
    e.OfficeMode.CITY: QT_TRANSLATE_NOOP("Labels", "City office"),
    e.CommuneKind.PHUONG: QT_TRANSLATE_NOOP("Labels", "Ward"),
    e.CommuneKind.XA: QT_TRANSLATE_NOOP("Labels", "Commune"),
    e.HamletKind.AP: QT_TRANSLATE_NOOP("Labels", "Hamlet (ấp)"),
    e.HamletKind.KHU_VUC: QT_TRANSLATE_NOOP("Labels", "Quarter (khu vực)"),
    e.GroupStatus.ACTIVE: QT_TRANSLATE_NOOP("Labels", "Active"),
    e.GroupStatus.MERGED: QT_TRANSLATE_NOOP("Labels", "Merged"),
    e.GroupStatus.DISSOLVED: QT_TRANSLATE_NOOP("Labels", "Dissolved"),
    e.GroupGrade.TOT: QT_TRANSLATE_NOOP("Labels", "Good"),
    e.GroupGrade.KHA: QT_TRANSLATE_NOOP("Labels", "Fairly good"),
    e.GroupGrade.TRUNG_BINH: QT_TRANSLATE_NOOP("Labels", "Average"),
    e.GroupGrade.YEU: QT_TRANSLATE_NOOP("Labels", "Weak"),
    e.Sex.MALE: QT_TRANSLATE_NOOP("Labels", "Male"),
    e.Sex.FEMALE: QT_TRANSLATE_NOOP("Labels", "Female"),
    e.HouseholdCategory.NGHEO: QT_TRANSLATE_NOOP("Labels", "Poor"),
    e.HouseholdCategory.CAN_NGHEO: QT_TRANSLATE_NOOP("Labels", "Near-poor"),
    e.HouseholdCategory.MOI_THOAT_NGHEO: QT_TRANSLATE_NOOP("Labels", "Recently out of poverty"),
    e.HouseholdCategory.KHAC: QT_TRANSLATE_NOOP("Labels", "Other"),
    e.CheckerKind.ORGANISATION: QT_TRANSLATE_NOOP("Labels", "Entrusted organisation"),
    e.CheckerKind.GROUP: QT_TRANSLATE_NOOP("Labels", "Savings-and-loan group"),
    e.CheckerKind.BANK: QT_TRANSLATE_NOOP("Labels", "Bank (VBSP)"),
    e.CheckerKind.COMMUNE: QT_TRANSLATE_NOOP("Labels", "Commune office"),
    e.CheckResult.DUNG_MUC_DICH: QT_TRANSLATE_NOOP("Labels", "Used as intended"),
    e.CheckResult.MOT_PHAN: QT_TRANSLATE_NOOP("Labels", "Partly as intended"),
    e.CheckResult.SAI_MUC_DICH: QT_TRANSLATE_NOOP("Labels", "Not as intended"),
    e.CheckResult.CHUA_SU_DUNG: QT_TRANSLATE_NOOP("Labels", "Not used yet"),
    e.PeriodKind.QUARTER: QT_TRANSLATE_NOOP("Labels", "Quarter"),
    e.PeriodKind.HALF: QT_TRANSLATE_NOOP("Labels", "Half-year"),
    e.PeriodKind.YEAR: QT_TRANSLATE_NOOP("Labels", "Year"),
    e.TaskStatus.CHUA_TRIEN_KHAI: QT_TRANSLATE_NOOP("Labels", "Not started"),
    e.TaskStatus.DANG_TRIEN_KHAI: QT_TRANSLATE_NOOP("Labels", "In progress"),
    e.TaskStatus.HOAN_THANH: QT_TRANSLATE_NOOP("Labels", "Completed"),
    e.TaskStatus.THUONG_XUYEN: QT_TRANSLATE_NOOP("Labels", "Ongoing (carried out regularly)"),
    e.DonorType.CA_NHAN: QT_TRANSLATE_NOOP("Labels", "Person"),
    e.DonorType.HO_GIA_DINH: QT_TRANSLATE_NOOP("Labels", "Household"),
    e.DonorType.TO_CHUC: QT_TRANSLATE_NOOP("Labels", "Organisation"),
    e.DonorType.DOANH_NGHIEP: QT_TRANSLATE_NOOP("Labels", "Enterprise"),
    e.ContributionForm.TIEN_MAT: QT_TRANSLATE_NOOP("Labels", "Cash"),
    e.ContributionForm.CHUYEN_KHOAN: QT_TRANSLATE_NOOP("Labels", "Bank transfer"),
    e.ContributionForm.HIEN_VAT: QT_TRANSLATE_NOOP("Labels", "In kind"),
    e.ContributionForm.CONG_TRINH: QT_TRANSLATE_NOOP("Labels", "Pledged works"),
    e.DepositKind.TIEN_GUI: QT_TRANSLATE_NOOP("Labels", "Deposit"),
    e.DepositKind.TAI_TRO: QT_TRANSLATE_NOOP("Labels", "Sponsorship"),
    e.PartyType.TO_CHUC: QT_TRANSLATE_NOOP("Labels", "Organisation"),
    e.PartyType.CA_NHAN: QT_TRANSLATE_NOOP("Labels", "Individual"),
    e.SourceLevel.THANH_PHO: QT_TRANSLATE_NOOP("Labels", "City budget"),
    e.SourceLevel.XA: QT_TRANSLATE_NOOP("Labels", "Commune budget"),
    e.ExportState.CREATED: QT_TRANSLATE_NOOP("Labels", "Created"),
    e.ExportState.SENT: QT_TRANSLATE_NOOP("Labels", "Sent"),
    e.ExportState.ACKNOWLEDGED: QT_TRANSLATE_NOOP("Labels", "Acknowledged"),
    e.ImportOutcome.APPLIED: QT_TRANSLATE_NOOP("Labels", "Imported"),
    e.ImportOutcome.REJECTED: QT_TRANSLATE_NOOP("Labels", "Refused"),
    e.ConflictResolution.KEEP_EXISTING: QT_TRANSLATE_NOOP("Labels", "Keep the city's copy"),
    e.ConflictResolution.TAKE_INCOMING: QT_TRANSLATE_NOOP("Labels", "Take the file's copy"),
    e.AuditAction.CREATE: QT_TRANSLATE_NOOP("Labels", "Created"),
    e.AuditAction.UPDATE: QT_TRANSLATE_NOOP("Labels", "Changed"),
    e.AuditAction.DELETE: QT_TRANSLATE_NOOP("Labels", "Deleted"),
    e.AuditAction.RESTORE: QT_TRANSLATE_NOOP("Labels", "Restored"),
    e.AuditAction.IMPORT: QT_TRANSLATE_NOOP("Labels", "Imported"),
    e.TargetKind.FUND_MOBILISATION: QT_TRANSLATE_NOOP(
        "Labels", 'Mobilisation for the "Vì người nghèo" fund'
    ),
    e.TargetKind.ENTRUSTED_TRANSFER: QT_TRANSLATE_NOOP(
        "Labels", "Local budget capital to entrust to VBSP"
    ),
    e.TargetKind.GROUPS_GRADED_GOOD: QT_TRANSLATE_NOOP(
        "Labels", "Savings-and-loan groups graded good"
    ),
    e.TargetKind.LOANS_CHECKED: QT_TRANSLATE_NOOP("Labels", "Loans checked for their use"),
}


def label(value: StrEnum | None) -> str:
    """The translated name of a stored code (empty for ``None``)."""
    if value is None:
        return ""
    return tr(LABELS[value])


def choices(enum: type[StrEnum]) -> list[tuple[StrEnum, str]]:
    """``(value, label)`` pairs for a combo box, in declaration order."""
    return [(member, label(member)) for member in enum]
