"""The vocabularies stored in the database.

Values are short ASCII codes that never change once written: they travel in sync files and
are read by other programs. Labels shown to people live in ``desktop.core.labels``.
"""

from enum import StrEnum


class OfficeMode(StrEnum):
    COMMUNE = "commune"
    CITY = "city"


class CommuneKind(StrEnum):
    PHUONG = "phuong"
    XA = "xa"


class HamletKind(StrEnum):
    AP = "ap"
    KHU_VUC = "khu_vuc"


class GroupStatus(StrEnum):
    ACTIVE = "active"
    MERGED = "merged"
    DISSOLVED = "dissolved"


class GroupGrade(StrEnum):
    TOT = "tot"
    KHA = "kha"
    TRUNG_BINH = "trung_binh"
    YEU = "yeu"


class Sex(StrEnum):
    MALE = "nam"
    FEMALE = "nu"


class HouseholdCategory(StrEnum):
    NGHEO = "ngheo"
    CAN_NGHEO = "can_ngheo"
    MOI_THOAT_NGHEO = "moi_thoat_ngheo"
    KHAC = "khac"


class CheckerKind(StrEnum):
    ORGANISATION = "organisation"
    GROUP = "group"
    BANK = "bank"
    COMMUNE = "commune"


class CheckResult(StrEnum):
    DUNG_MUC_DICH = "dung_muc_dich"
    MOT_PHAN = "mot_phan"
    SAI_MUC_DICH = "sai_muc_dich"
    CHUA_SU_DUNG = "chua_su_dung"


class PeriodKind(StrEnum):
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"


class TaskStatus(StrEnum):
    CHUA_TRIEN_KHAI = "chua_trien_khai"
    DANG_TRIEN_KHAI = "dang_trien_khai"
    HOAN_THANH = "hoan_thanh"
    THUONG_XUYEN = "thuong_xuyen"


class DonorType(StrEnum):
    CA_NHAN = "ca_nhan"
    HO_GIA_DINH = "ho_gia_dinh"
    TO_CHUC = "to_chuc"
    DOANH_NGHIEP = "doanh_nghiep"


class ContributionForm(StrEnum):
    TIEN_MAT = "tien_mat"
    CHUYEN_KHOAN = "chuyen_khoan"
    HIEN_VAT = "hien_vat"
    CONG_TRINH = "cong_trinh"


class DepositKind(StrEnum):
    TIEN_GUI = "tien_gui"
    TAI_TRO = "tai_tro"


class PartyType(StrEnum):
    TO_CHUC = "to_chuc"
    CA_NHAN = "ca_nhan"


class SourceLevel(StrEnum):
    THANH_PHO = "thanh_pho"
    XA = "xa"


class ExportState(StrEnum):
    CREATED = "created"
    SENT = "sent"
    ACKNOWLEDGED = "acknowledged"


class ImportOutcome(StrEnum):
    APPLIED = "applied"
    REJECTED = "rejected"


class ConflictResolution(StrEnum):
    KEEP_EXISTING = "keep_existing"
    TAKE_INCOMING = "take_incoming"


class AuditAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    RESTORE = "restore"
    IMPORT = "import"


class TargetKind(StrEnum):
    """What the city assigns a commune for a year (issue 18): each kind has its unit."""

    FUND_MOBILISATION = "fund_mobilisation"
    ENTRUSTED_TRANSFER = "entrusted_transfer"
    GROUPS_GRADED_GOOD = "groups_graded_good"
    LOANS_CHECKED = "loans_checked"
