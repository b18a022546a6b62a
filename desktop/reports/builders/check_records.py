"""``check-records``: the record of each loan-use check (biên bản kiểm tra sử dụng vốn vay),
one per check of the period (of one group when asked), each from a new page of one file.

A record is what the parties sign at the borrower's home: the unit (the commune's People's
Committee), the date and place, who checked (the commune, the entrusted organisation, the
group's leader, the bank when it took part), the borrower, the loan (programme, contract,
amount — "chưa rõ" when nobody recorded it —, date, purpose, balance on the day), what was
found (used as intended, partly, not, not yet; what the money became), what must be done,
the borrower's remarks (left blank to be written in) and a signature block for each party.

The Khoản vay page prints one check's record (:func:`record_of_check`) the same way.
"""

from __future__ import annotations

from dataclasses import replace

from db.enums import CheckerKind, CheckResult, CommuneKind, OfficeMode, PeriodKind, Sex
from desktop.core.database import Database
from desktop.core.errors import UserError
from desktop.core.formatting import format_date, group_thousands
from desktop.core.i18n import QT_TRANSLATE_NOOP, tr
from desktop.core.loans.check_records import (
    CheckRecord,
    check_record,
    checks_of_period,
    find_group,
)
from desktop.core.office import CommuneInfo, OfficeInfo, require_office
from desktop.reports.builders.common import commune_info, data_day
from desktop.reports.builders.vocabulary import Numbering
from desktop.reports.model import Letterhead, Paragraph, Report, Section, Signature, Signatures
from desktop.reports.registry import Coverage, ReportContext, ReportSpec, register

NAME = "check-records"
#: Room to write a name by hand, and a line of remarks (as wide as the text).
DOTS = "…" * 10
LINE = "…" * 31
#: A result ticked, and one not; the results as the boxes name them (short, on one line).
TICKED, UNTICKED = "■", "□"
TICK_LABELS = {
    CheckResult.DUNG_MUC_DICH: "Đúng mục đích",
    CheckResult.MOT_PHAN: "Đúng một phần",
    CheckResult.SAI_MUC_DICH: "Sai mục đích",
    CheckResult.CHUA_SU_DUNG: "Chưa sử dụng",
}

M_NO_CHECKS = QT_TRANSLATE_NOOP(
    "ReportBuilders",
    "No loan-use check is recorded from {start} to {end}{group}, so there is no record to print.",
)
M_OF_GROUP = QT_TRANSLATE_NOOP("ReportBuilders", " for the group {group}")


def unit_words(commune: CommuneInfo) -> str:
    """ "phường Cái Khế" / "xã Thạnh An": the commune as the text names it."""
    return f"{'phường' if commune.kind is CommuneKind.PHUONG else 'xã'} {commune.name}"


def letterhead_of(office: OfficeInfo, commune: CommuneInfo, record: CheckRecord) -> Letterhead:
    """The commune's People's Committee heads the record, dated the day of the check; the
    parties sign it (no single signer, no recipients)."""
    own = not office.is_city and office.unit_code == commune.code
    body = office.office_name if own else f"Ủy ban nhân dân {unit_words(commune)}"
    return Letterhead(
        parent_body="",
        issuing_body=body,
        number="",
        place=commune.name,
        issued_on=record.checked_on,
        signer_title=(),
        signer_name="",
    )


def _honorific(sex: Sex | None) -> str:
    """ "Ông" or "Bà" before the borrower's name; both when the sex is not recorded."""
    if sex is None:
        return "Ông/Bà"
    return "Ông" if sex is Sex.MALE else "Bà"


def _named(name: str) -> str:
    return name or DOTS


def _parties(record: CheckRecord, unit: str) -> tuple[list[Paragraph], list[Signature]]:
    """Who took part, as the opening lists them, and their signature blocks."""
    kind, checker = record.checker_kind, record.checker_name
    organisation = record.organisation_name or "tổ chức nhận ủy thác"
    leader = record.group_leader or (checker if kind is CheckerKind.GROUP else "")
    group = f" {record.group_name}" if record.group_name else " Tổ TK&VV"
    commune_name = checker if kind is CheckerKind.COMMUNE else ""
    organisation_name = checker if kind is CheckerKind.ORGANISATION else ""
    lines = [
        f"Đại diện Ủy ban nhân dân {unit}: {_named(commune_name)}",
        f"Đại diện {organisation} {unit}: {_named(organisation_name)}",
        f"Tổ trưởng{group}: {_named(leader)}",
    ]
    signatures = [
        Signature("Người vay", record.borrower_name),
        Signature("Tổ trưởng Tổ TK&VV", leader),
        Signature(f"Đại diện {organisation}", organisation_name),
        Signature(f"Đại diện UBND {unit.split()[0]}", commune_name),
    ]
    if kind is CheckerKind.BANK:
        lines.append(f"Đại diện Ngân hàng Chính sách xã hội: {_named(checker)}")
        signatures.append(Signature("Đại diện Ngân hàng CSXH", checker))
    where = f", {record.hamlet_name}" if record.hamlet_name else ""
    lines.append(f"Người vay: {_honorific(record.borrower_sex)} {record.borrower_name}{where}")
    return [Paragraph(f"{n}. {line}") for n, line in enumerate(lines, start=1)], signatures


def _amount(value: int | None, unknown: str) -> str:
    return unknown if value is None else f"{group_thousands(value)} đồng"


def record_document(office: OfficeInfo, commune: CommuneInfo, record: CheckRecord) -> Report:
    """The record of one check, as its parties sign it."""
    unit = unit_words(commune)
    numbering = Numbering()
    day = record.checked_on
    place = f"{record.hamlet_name}, {unit}" if record.hamlet_name else unit
    attendees, signatures = _parties(record, unit)
    purpose = record.stated_use or record.purpose
    maturity = (
        f"; hạn trả nợ cuối cùng: {format_date(record.maturity_on)}" if record.maturity_on else ""
    )
    loan = [
        Paragraph(
            f"- Chương trình cho vay: {record.programme_name}; số khế ước: "
            f"{record.contract_no or DOTS}."
        ),
        Paragraph(
            f"- Số tiền vay: {_amount(record.amount_disbursed, 'chưa rõ')}; ngày giải ngân: "
            f"{format_date(record.disbursed_on)}{maturity}; dư nợ đến ngày kiểm tra: "
            f"{_amount(record.outstanding, 'chưa có số liệu')}."
        ),
        Paragraph(f"- Mục đích sử dụng vốn theo hồ sơ vay: {purpose or DOTS}."),
    ]
    ticks = "  ".join(
        f"{TICKED if result is record.result else UNTICKED} {TICK_LABELS[result]}"
        for result in CheckResult
    )
    notes = f" Ghi chú: {record.notes.rstrip('.')}." if record.notes else ""
    found = [
        Paragraph(f"Kết quả: {ticks}."),
        Paragraph(
            "Vốn vay đã dùng vào (tài sản, kết quả thấy được): "
            f"{(record.actual_use or DOTS).rstrip('.')}.{notes}"
        ),
    ]
    follow_up = (
        f" Thời hạn kiểm tra lại: {format_date(record.follow_up_on)}."
        if record.follow_up_on is not None
        else ""
    )
    action = (record.action_required or "Không có").rstrip(".")
    found.append(Paragraph(f"Kiến nghị, biện pháp xử lý: {action}.{follow_up}"))
    sections = [
        Section(numbering.section("Khoản vay được kiểm tra"), loan),
        Section(numbering.section("Kết quả kiểm tra"), found),
        Section(
            "",
            [Paragraph(f"Ý kiến của người vay: {LINE[: len(LINE) * 2 // 3]}"), Paragraph(LINE)],
        ),
        Section(
            "",
            [
                Signatures(
                    signatures,
                    lead="Biên bản đã đọc lại cho các bên cùng nghe, thống nhất và cùng ký tên.",
                )
            ],
        ),
    ]
    return Report(
        kind="Biên bản",
        title="Kiểm tra sử dụng vốn vay",
        letterhead=letterhead_of(office, commune, record),
        preamble=[
            Paragraph(
                f"Hôm nay, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}, tại nơi cư "
                f"trú của hộ vay ({place}), chúng tôi gồm:"
            ),
            *attendees,
        ],
        sections=sections,
        name=NAME,
    )


def build(ctx: ReportContext) -> Report:
    code = ctx.owner.unit_code  # Coverage.ONE
    session = ctx.session
    period = ctx.request.period
    end = data_day(ctx)
    group_id, group_text = None, ""
    if ctx.request.group:
        group_id, group_text = find_group(session, code, ctx.request.group)
    ids = checks_of_period(session, code, period.start, end, group_id)
    if not ids:
        raise UserError(
            M_NO_CHECKS,
            start=format_date(period.start),
            end=format_date(end),
            group=tr(M_OF_GROUP, group=group_text) if group_text else "",
        )
    commune = commune_info(session, code)
    documents = []
    for step, check_id in enumerate(ids):
        ctx.progress.report(step, len(ids), "Biên bản kiểm tra")
        documents.append(record_document(ctx.office, commune, check_record(session, check_id)))
    return replace(documents[0], followers=documents[1:])


def record_of_check(database: Database, check_id: str) -> Report:
    """The record of one check (the Khoản vay page's "In biên bản")."""
    with database.reading() as session:
        office = require_office(session)
        record = check_record(session, check_id)
        return record_document(office, commune_info(session, record.commune_code), record)


SPEC = register(
    ReportSpec(
        NAME,
        QT_TRANSLATE_NOOP("ReportBuilders", "Records of the loan-use checks"),
        QT_TRANSLATE_NOOP(
            "ReportBuilders",
            "The record (biên bản) of each loan-use check of the period, one per check, to be "
            "signed by the borrower, the group's leader, the entrusted organisation and the "
            "commune: the loan, its amount and balance, what was found and what must be done.",
        ),
        frozenset({OfficeMode.COMMUNE, OfficeMode.CITY}),
        (PeriodKind.QUARTER, PeriodKind.HALF, PeriodKind.YEAR),
        build,
        Coverage.ONE,
        file_stem="Bien-ban-kiem-tra-su-dung-von",
        takes_group=True,
    )
)
