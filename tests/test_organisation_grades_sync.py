"""The organisations' grades travel: recorded at a commune, carried by its signed file,
applied at the city (a change and a delete too), and the city's reports show them — by
commune, with how many communes reported."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import pytest

from db.enums import GroupGrade
from db.models import OrganisationGrade
from desktop.cli import main
from desktop.core.database import Database
from desktop.core.loans.organisation_grades import (
    OrganisationGradeInput,
    create_organisation_grade,
    delete_organisation_grade,
    list_organisation_grades,
    update_organisation_grade,
)
from desktop.core.owners import ALL_COMMUNES, Scope
from desktop.core.periods import Period
from desktop.reports.registry import ReportRequest
from desktop.sync import keys
from desktop.sync.importer import Status
from desktop.sync.privacy import travelling_columns
from tests.report_support import flat, make, sheet_rows
from tests.sync_support import (
    World,
    content,
    open_genuine,
    own_private_key,
    seal,
    travelling_state,
    write,
)

ISSUED = date(2026, 3, 10)
YEAR = Period.whole_year(2025)


def grade(db: Database, organisation: str, value: GroupGrade, notes: str = "") -> str:
    with db.transaction() as s:
        return create_organisation_grade(
            s, OrganisationGradeInput(organisation, 2025, value, notes), today=ISSUED
        )


def test_grades_travel_to_the_city_and_its_reports_show_them(world: World, tmp_path: Path) -> None:
    commune = world.commune("31120", hamlets=("Khu vực 1",))
    hnd = grade(commune, "HND", GroupGrade.TOT, "Chấm 92 điểm")
    grade(commune, "HPN", GroupGrade.KHA)
    ccb = grade(commune, "CCB", GroupGrade.YEU)
    first = world.export(commune)
    assert first.total >= 3
    assert world.import_file(first.path).status is Status.APPLIED
    assert (
        travelling_state(world.city, "31120")["organisation_grade"]
        == travelling_state(commune, "31120")["organisation_grade"]
    )
    assert {"organisation_code", "year", "grade", "notes"} <= set(
        travelling_columns(OrganisationGrade)
    )

    # A change and a delete at the commune reach the city with the next file.
    with commune.transaction() as s:
        update_organisation_grade(
            s,
            ccb,
            OrganisationGradeInput("CCB", 2025, GroupGrade.TRUNG_BINH, "Phúc khảo"),
            expected_version=1,
            today=ISSUED,
        )
    other = grade(commune, "DTN", GroupGrade.KHA)
    with commune.transaction() as s:
        delete_organisation_grade(s, other, expected_version=1)
    second = world.export(commune)
    report = world.import_file(second.path)
    assert report.status is Status.APPLIED, report.message
    with world.city.reading() as s:
        at_city = {
            (g.organisation_code, g.grade, g.notes)
            for g in list_organisation_grades(s, ALL_COMMUNES)
        }
    assert at_city == {
        ("HND", GroupGrade.TOT, "Chấm 92 điểm"),
        ("HPN", GroupGrade.KHA, ""),
        ("CCB", GroupGrade.TRUNG_BINH, "Phúc khảo"),
    }
    assert hnd in {g.id for g in list_organisation_grades_at(world.city)}

    # The city's reports: every commune, with how many reported; one commune alone.
    everyone = make(
        world.city, "organisation-grades", ReportRequest(YEAR, None, ISSUED), tmp_path / "all"
    )
    text = flat(everyone.text)
    assert "Có 1/103 xã, phường đã báo cáo kết quả xếp loại hoạt động nhận ủy thác năm 2025" in text
    counts = sheet_rows(everyone.xlsx, "Xếp loại theo tổ chức")
    assert counts["Hội Nông dân"][1:6] == (1, 1, 0, 0, 0)
    assert counts["Hội Cựu chiến binh"][1:6] == (1, 0, 0, 1, 0)
    assert counts["Đoàn Thanh niên Cộng sản Hồ Chí Minh"][1] == 0
    by_commune = sheet_rows(everyone.xlsx, "Xếp loại theo xã", key=1)
    assert by_commune["Phường Cái Khế"][2:] == ("Tốt", "Khá", "Trung bình", "Chưa xếp loại")
    assert set(by_commune["Phường An Bình"][2:]) == {"Chưa báo cáo"}
    assert "Nguyễn" not in text  # grades name organisations, never people

    one = make(
        world.city,
        "organisation-grades",
        ReportRequest(YEAR, "31120", ISSUED),
        tmp_path / "one",
    )
    assert "Hội Nông dân xếp loại tốt; Hội Liên hiệp Phụ nữ xếp loại khá" in flat(one.text)
    assert "Chấm 92 điểm" in one.text

    yearly = make(world.city, "city-yearly", ReportRequest(YEAR, None, ISSUED), tmp_path / "y")
    # Part I.2 (the plan's II.2: the political-social organisations) carries the grades.
    assert "Kết quả xếp loại hoạt động nhận ủy thác năm 2025 theo tổ chức" in flat(yearly.text)
    assert "Có 1/103 xã, phường đã báo cáo kết quả xếp loại" in flat(yearly.text)
    assert sheet_rows(yearly.xlsx, "Xếp loại theo tổ chức")["Tổng cộng"][1] == 3
    commune.close()


def list_organisation_grades_at(db: Database) -> list:  # type: ignore[type-arg]
    with db.reading() as s:
        return list_organisation_grades(s, Scope.commune("31120"))


# -- a file that lies about a grade -------------------------------------------------------------


def _import(capsys: pytest.CaptureFixture[str], world: World, path: Path) -> tuple[int, str]:
    try:
        code = main(["import", "--data-dir", str(world.city.paths.data_dir), str(path)])
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out + err


@pytest.mark.parametrize(
    ("column", "value", "fragment"),
    [
        ("grade", "xuat_sac", "“xuat_sac” không phải là giá trị được phép"),
        ("organisation_code", "HTX", "“HTX” không có trong danh mục"),
        ("year", 1999, "Năm phải từ 2000 đến 2100"),
        ("organisation_code", None, "Không được để trống"),
    ],
    ids=["grade", "organisation", "year", "no-organisation"],
)
def test_a_file_with_a_bad_grade_is_refused_and_changes_nothing(
    world: World,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    vi_app: object,
    column: str,
    value: object,
    fragment: str,
) -> None:
    commune = world.commune("31120", hamlets=("Khu vực 1",))
    grade(commune, "HND", GroupGrade.TOT)
    genuine = world.export(commune).path
    opened = open_genuine(world.city, genuine)
    body = copy.deepcopy(opened.payload)
    table = next(t for t in body["tables"] if t["type"] == "organisation_grade")
    table["rows"][0][table["columns"].index(column)] = value
    manifest = copy.deepcopy(opened.manifest)
    signing = own_private_key(commune, keys.COMMUNE_SIGNING)
    path = write(
        tmp_path / "xep-loai-sai.tdcs",
        seal(world, manifest, json.dumps(body).encode(), signing),
    )
    before = content(world.city)
    code, output = _import(capsys, world, path)
    assert code == 1 and "BỊ TỪ CHỐI" in output and fragment in output, output
    assert "Xếp loại tổ chức nhận ủy thác" in output  # the record type named in Vietnamese
    assert content(world.city) == before
    assert world.import_file(genuine).status is Status.APPLIED  # the genuine file still is
    commune.close()
