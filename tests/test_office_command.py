"""The command line for the documents' settings: ``tdcs init`` and ``tdcs office`` choose the
issuing body, the signers and the plan's number; ``tdcs report`` says what a document lacks
and where to set it, and takes its recipients for one run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.report_support import MOTTO, PARTY, flat, pdftotext
from tests.test_reports_framework import run_cli

CommandResult = tuple[int, str, str]


@pytest.fixture
def data(tmp_path: Path) -> str:
    return str(tmp_path / "data")


def report(
    capsys: pytest.CaptureFixture[str], data: str, name: str, out: Path, *extra: str
) -> CommandResult:
    return run_cli(
        capsys,
        "report",
        name,
        "--data-dir",
        data,
        "--period",
        "2026",
        "--quarter",
        "3",
        "--date",
        "05/10/2026",
        "--out",
        str(out),
        *extra,
    )


def test_init_sets_the_issuing_body_the_signer_and_the_plan(
    capsys: pytest.CaptureFixture[str], data: str, tmp_path: Path
) -> None:
    code, out, err = run_cli(
        capsys,
        "init",
        "--data-dir",
        data,
        "--mode",
        "commune",
        "--commune",
        "31120",
        "--issuing-body",
        "dang-uy",
        "--signer-name",
        "Huỳnh Thị Thu Ba",
        "--signer-title",
        "Phó Bí thư",
        "--plan-number",
        "215",
        "--plan-date",
        "15/08/2025",
    )
    assert code == 0, err
    assert "Báo cáo kế hoạch và khoản vay: do Đảng ủy phường Cái Khế ban hành (dang-uy)" in out
    assert "Đảng ủy (dang-uy): Phó Bí thư — Huỳnh Thị Thu Ba" in out
    assert "Kế hoạch số 215-KH/TU ngày 15/8/2025 của Ban Thường vụ Thành ủy" in out

    pdf = tmp_path / "bc.pdf"
    code, out, err = report(capsys, data, "commune-plan", pdf, "--number", "125")
    assert code == 0 and err == "", err
    text = pdftotext(pdf)
    assert "Số 125-BC/ĐU" in text and PARTY in text and MOTTO not in text
    assert "T/M ĐẢNG ỦY" in text and "PHÓ BÍ THƯ" in text and "Huỳnh Thị Thu Ba" in text

    # The fund is the Front's, whose signer is not set yet: the command says so and where.
    fund = tmp_path / "quy.xlsx"
    code, out, err = report(capsys, data, "fund", fund)
    assert code == 0 and str(fund) in out
    assert err.startswith(
        "Lưu ý: Chưa có người ký cho Ủy ban Mặt trận Tổ quốc Việt Nam phường Cái Khế: văn "
        "bản in “CHỦ TỊCH” và để trống chỗ ghi họ tên."
    ), err
    assert "tdcs office --signer-for mttq --signer-name" in err
    code, out, err = run_cli(
        capsys,
        "office",
        "--data-dir",
        data,
        "--signer-for",
        "mttq",
        "--signer-name",
        "Lê Thị Hoa",
        "--signer-title",
        "Chủ tịch",
    )
    assert code == 0 and out.startswith("Đã lưu.") and "Lê Thị Hoa" in out, err
    code, out, err = report(capsys, data, "fund", fund)
    assert code == 0 and err == "", err


def test_a_report_without_signer_or_plan_says_so(
    capsys: pytest.CaptureFixture[str], data: str, tmp_path: Path
) -> None:
    run_cli(capsys, "init", "--data-dir", data, "--mode", "commune", "--commune", "31120")
    pdf = tmp_path / "bc.pdf"
    code, out, err = report(
        capsys, data, "loan-quality", pdf, "--recipient", "Ủy ban nhân dân thành phố"
    )
    assert code == 0, err
    notes = err.splitlines()
    assert notes[0].startswith("Lưu ý: Chưa có người ký cho Ủy ban nhân dân phường Cái Khế")
    assert notes[1].startswith("Lưu ý: Chưa ghi số và ngày của Kế hoạch")
    text = pdftotext(pdf)
    assert "Thực hiện Kế hoạch số …-KH/TU ngày … của Ban Thường vụ Thành ủy" in flat(text)
    assert "- Ủy ban nhân dân thành phố." in text, "the one recipient given"
    code, out, err = run_cli(
        capsys,
        "office",
        "--data-dir",
        data,
        "--signer-name",
        "Trần Văn Mẫu",
        "--signer-title",
        "Phó Chủ tịch",
    )
    assert code == 0, err
    assert "Ủy ban nhân dân (ubnd): Phó Chủ tịch — Trần Văn Mẫu" in out
    code, out, err = report(capsys, data, "loan-quality", pdf)
    assert code == 0 and "người ký" not in err and "Kế hoạch" in err
    assert "KT. CHỦ TỊCH" in pdftotext(pdf)
    pdf.unlink()
    code, out, err = report(capsys, data, "loan-quality", pdf, "--recipient", "x" * 201)
    assert code == 1 and "Mỗi nơi nhận ghi tối đa 200 ký tự" in err and not pdf.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--signer-title", "A\nB\nC\nD\nE"], "Chức vụ ghi tối đa 4 dòng."),
        (["--plan-number", "215", "--plan-date", "01/03/2025"], "386-KH/TU ngày 12/03/2025"),
        (["--plan-number", "KH215", "--plan-date", "01/05/2025"], "ví dụ 215-KH/TU"),
        (["--plan-number", "215"], "Ghi cả số và ngày của Kế hoạch"),
        (["--plan-date", "31/02/2026"], "ngày"),
        (["--signer-for", "thanh-uy", "--signer-name", "X"], "không phải là cơ quan"),
    ],
)
def test_bad_settings_are_refused_and_nothing_is_set_up(
    capsys: pytest.CaptureFixture[str], data: str, args: list[str], message: str
) -> None:
    code, _, err = run_cli(
        capsys, "init", "--data-dir", data, "--mode", "commune", "--commune", "31120", *args
    )
    assert code == 1 and err.startswith("Lỗi: ") and message in err, err
    code, _, err = run_cli(capsys, "office", "--data-dir", data)
    assert code == 1 and "chưa được thiết lập" in err, "init changed nothing"
    run_cli(capsys, "init", "--data-dir", data, "--mode", "commune", "--commune", "31120")
    code, _, err = run_cli(capsys, "office", "--data-dir", data, *args)
    assert code == 1 and message in err
    code, out, _ = run_cli(capsys, "office", "--data-dir", data)
    assert "(chưa ghi họ tên)" in out and "Kế hoạch số …-KH/TU ngày …" in out


def test_the_city_bodies_are_fixed(capsys: pytest.CaptureFixture[str], data: str) -> None:
    run_cli(capsys, "init", "--data-dir", data, "--mode", "city")
    code, _, err = run_cli(capsys, "office", "--data-dir", data, "--issuing-body", "dang-uy")
    assert code == 1 and "Cơ quan ban hành báo cáo của Thành phố đã cố định" in err
    code, out, err = run_cli(
        capsys,
        "office",
        "--data-dir",
        data,
        "--signer-for",
        "thanh-uy",
        "--signer-name",
        "Đồng Văn Thanh",
        "--signer-title",
        "Phó Bí thư",
    )
    assert code == 0, err
    assert "Báo cáo hằng năm (trước 30/10): do Thành ủy Cần Thơ ban hành (thanh-uy)" in out
    assert "Ban Thường vụ Thành ủy (thanh-uy): Phó Bí thư — Đồng Văn Thanh" in out
