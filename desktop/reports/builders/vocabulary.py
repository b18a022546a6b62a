"""The words official documents use for stored codes, and the numbering of sections.

A report is a Vietnamese administrative document whatever language the interface runs in
(an English interface still prints "Hoàn thành"), so its vocabulary lives here rather than
in the translation catalogues that :func:`desktop.core.labels.label` reads.
"""

from __future__ import annotations

from db.enums import CheckResult, ContributionForm, DonorType, TaskStatus
from desktop.core.funds.indicators import TargetStatus

TASK_STATUS = {
    TaskStatus.CHUA_TRIEN_KHAI: "Chưa triển khai",
    TaskStatus.DANG_TRIEN_KHAI: "Đang triển khai",
    TaskStatus.HOAN_THANH: "Hoàn thành",
    TaskStatus.THUONG_XUYEN: "Thực hiện thường xuyên",
}
NOT_REPORTED = "Chưa báo cáo"

TARGET_STATUS = {
    TargetStatus.ON_TRACK: "Đạt",
    TargetStatus.BEHIND: "Chưa đạt",
    TargetStatus.NO_DATA: "Chưa đủ số liệu",
}

DONOR_TYPE = {
    DonorType.CA_NHAN: "Cá nhân",
    DonorType.HO_GIA_DINH: "Hộ gia đình",
    DonorType.TO_CHUC: "Tổ chức",
    DonorType.DOANH_NGHIEP: "Doanh nghiệp",
}

CONTRIBUTION_FORM = {
    ContributionForm.TIEN_MAT: "Tiền mặt",
    ContributionForm.CHUYEN_KHOAN: "Chuyển khoản",
    ContributionForm.HIEN_VAT: "Hiện vật",
    ContributionForm.CONG_TRINH: "Công trình",
}

CHECK_RESULT = {
    CheckResult.DUNG_MUC_DICH: "Đúng mục đích",
    CheckResult.MOT_PHAN: "Đúng mục đích một phần",
    CheckResult.SAI_MUC_DICH: "Sai mục đích",
    CheckResult.CHUA_SU_DUNG: "Chưa sử dụng",
}

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
UNIT_DONG = "Đơn vị tính: đồng"
TOTAL = "Tổng cộng"
NOT_RECORDED = "(chưa ghi)"


class Numbering:
    """Numbers the sections of one document ("III. …") in the order they are made, which
    is the order they are printed; tables are numbered afterwards, in reading order
    (:func:`desktop.reports.builders.common.number_tables`)."""

    def __init__(self) -> None:
        self._sections = 0

    def section(self, title: str) -> str:
        self._sections += 1
        return f"{ROMAN[self._sections - 1]}. {title.upper()}"
