"""``tdcs import-excel``: per-row results and a summary, Vietnamese errors, a non-zero exit
when the file is unusable."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.enums import Sex
from desktop.cli import main
from tests.excel_lists import merged_row, write_merged
from tests.loans_data import person_cid

M = 1_000_000


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    data = tmp_path / "data"
    code, _, err = run(
        capsys,
        "init",
        "--data-dir",
        str(data),
        "--mode",
        "commune",
        "--commune",
        "31120",
        "--hamlet",
        "Khu vực 1",
        "--hamlet",
        "Khu vực 2",
    )
    assert code == 0, err
    return data


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    return write_merged(
        tmp_path / "ds.xlsx",
        [
            merged_row(
                1,
                "HD001",
                "Nguyễn Văn An",
                int(person_cid(1985, Sex.MALE, 12345)),
                1985,
                None,
                "Khu vực 1",
                "Hộ nghèo",
                "Hội Nông dân",
                "50.000.000",
                "05/02/2025",
                40 * M,
            ),
            merged_row(
                2,
                "HD002",
                "Lê Văn Cường",
                "12345",
                1970,
                None,
                "Khu vực 1",
                "Nước sạch",
                "CCB",
                20 * M,
                "01/03/2024",
                10 * M,
            ),
        ],
    )


def test_import_dry_run_then_for_real(
    capsys: pytest.CaptureFixture[str], folder: Path, workbook: Path
) -> None:
    code, out, err = run(
        capsys, "import-excel", str(workbook), "--data-dir", str(folder), "--dry-run"
    )
    assert code == 0, err
    assert "Trang tính: DS vay (tiêu đề cột ở dòng 5–6); 3 dòng." in out
    assert "B  Số HĐ  →  Số hợp đồng" in out
    assert "Dư nợ đến ngày: 31/12/2025" in out
    assert "Dòng 8: nhập mới — HD001 Nguyễn Văn An" in out
    assert "Dòng 9: từ chối — HD002 Lê Văn Cường: Số CCCD: Số CCCD gồm đúng 12 chữ số" in out
    assert "Dòng 10: bỏ qua: Dòng tổng cộng." in out
    assert "Tổng 3 dòng: nhập mới 1, cập nhật 0, không đổi 0, từ chối 1, bỏ qua 1." in out
    assert "Chạy thử (--dry-run): chưa ghi gì vào dữ liệu." in out
    code, out, _ = run(
        capsys,
        "import-excel",
        str(workbook),
        "--data-dir",
        str(folder),
        "--mapping",
        "PGD Ninh Kiều",
    )
    assert code == 0 and "nhập mới 1" in out and "Chạy thử" not in out
    assert "chưa có cách ghép cột tên PGD Ninh Kiều" in out
    code, out, _ = run(capsys, "import-excel", str(workbook), "--data-dir", str(folder))
    assert code == 0 and "Cách ghép cột: PGD Ninh Kiều" in out
    assert "Dòng 8: không đổi — HD001 Nguyễn Văn An" in out


def test_unusable_files_exit_non_zero(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path, workbook: Path
) -> None:
    code, _, err = run(
        capsys, "import-excel", str(tmp_path / "khong-co.xlsx"), "--data-dir", str(folder)
    )
    assert code == 1 and err.startswith("Lỗi: Không có tệp")
    text = tmp_path / "ds.csv"
    text.write_text("Họ tên;Số tiền\n", encoding="utf-8")
    code, _, err = run(capsys, "import-excel", str(text), "--data-dir", str(folder))
    assert code == 1 and "không phải sổ tính Excel" in err
    code, _, err = run(
        capsys, "import-excel", str(workbook), "--data-dir", str(folder), "--sheet", "Tháng 1"
    )
    assert code == 1 and "Các trang tính có trong tệp: DS vay." in err
    code, _, err = run(
        capsys, "import-excel", str(workbook), "--data-dir", str(folder), "--as-of", "31/13/2025"
    )
    assert code == 1 and "Không có tháng 13: tháng là số từ 1 đến 12." in err


def test_all_rows_rejected_is_a_failure(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    path = write_merged(
        tmp_path / "bad.xlsx",
        [
            merged_row(
                1,
                "HD1",
                "Lê Văn Cường",
                "12345",
                1970,
                None,
                "Khu vực 1",
                "HN",
                "CCB",
                20 * M,
                "01/03/2024",
                10 * M,
            )
        ],
    )
    code, out, err = run(capsys, "import-excel", str(path), "--data-dir", str(folder))
    assert code == 1
    assert "từ chối 1" in out and "Lỗi: không nhập được dòng nào của danh sách." in err


def test_city_refuses(capsys: pytest.CaptureFixture[str], tmp_path: Path, workbook: Path) -> None:
    data = tmp_path / "city"
    assert run(capsys, "init", "--data-dir", str(data), "--mode", "city")[0] == 0
    code, _, err = run(capsys, "import-excel", str(workbook), "--data-dir", str(data))
    assert code == 1 and "tệp đồng bộ" in err


def test_help_is_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "import-excel", "--help")
    assert code == 0 and "Cách dùng:" in out and "--dry-run" in out and "--mapping TÊN" in out
