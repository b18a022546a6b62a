"""Hostile and broken files are the normal case at the city: each gets a clear Vietnamese
message, a non-zero exit from ``tdcs import``, an entry in the import ledger, and leaves
the city's data exactly as it was."""

from __future__ import annotations

import base64
import io
import json
import os
import warnings
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from desktop.sync import container, crypto, keys
from desktop.sync.manifest import FORMAT_VERSION
from desktop.sync.receipts import receipt_bytes
from tests.hostile_support import (
    CODE,
    Scene,
    assert_refused,
    ledger,
    make_scene,
    run_import,
)
from tests.sync_support import World, content, own_private_key, seal, write

#: The city on SQLite and on PostgreSQL (issue 17): the same refusals, nothing changed.
pytestmark = pytest.mark.usefixtures("engine")


@pytest.fixture
def scene(world: World, tmp_path: Path) -> Iterator[Scene]:
    yield from make_scene(world, tmp_path)


def test_the_genuine_file_is_accepted_and_the_same_file_twice_says_when(
    capsys: pytest.CaptureFixture[str], scene: Scene
) -> None:
    code, output = run_import(capsys, scene.world, scene.second)
    assert code == 0 and "Đã nhập." in output and "Biên nhận cần gửi lại" in output
    before, lines = content(scene.world.city), ledger(scene.world)
    code, output = run_import(capsys, scene.world, scene.second)
    assert code == 0
    assert "Tệp này đã được nhập lúc" in output and "Không có gì thay đổi" in output
    # Nothing changed and the file is not counted twice; only its receipt is written again
    # (with the time it was: the commune sent the file again, perhaps for a lost receipt).
    assert content(scene.world.city) == before
    assert ledger(scene.world) == lines


def test_empty_file(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    assert_refused(capsys, scene, write(scene.out / "rong.tdcs", b""), "Tệp rỗng")


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
        b"PK\x03\x04" + os.urandom(300),
        os.urandom(4096),
        "Kính gửi UBND thành phố".encode(),
    ],
    ids=["pdf", "zip", "random", "text"],
)
def test_not_a_sync_file(capsys: pytest.CaptureFixture[str], scene: Scene, data: bytes) -> None:
    path = write(scene.out / "khac.tdcs", data)
    assert_refused(capsys, scene, path, "không phải tệp đồng bộ TDCS")


def test_key_file_and_receipt_are_not_sync_files(
    capsys: pytest.CaptureFixture[str], scene: Scene
) -> None:
    key_file = write(scene.out / "khoa.tdcskey", scene.world.city_key_file)
    assert_refused(capsys, scene, key_file, "không phải tệp đồng bộ TDCS")
    with scene.world.city.transaction() as session:
        _name, data = receipt_bytes(session, 1)
    receipt = write(scene.out / "BienNhan.tdcsr", data)
    assert_refused(capsys, scene, receipt, "Đây là biên nhận")


@pytest.mark.parametrize("keep", [5, 9, 40, 86, 101, 300, -1])
def test_truncated(capsys: pytest.CaptureFixture[str], scene: Scene, keep: int) -> None:
    data = scene.second.read_bytes()
    cut = data[: keep if keep >= 0 else len(data) - 1]
    path = write(scene.out / "cut.tdcs", cut)
    output = assert_refused(capsys, scene, path, "")
    assert "không đầy đủ" in output or "bị hỏng" in output or "không phải tệp đồng bộ" in output


def _positions(size: int) -> list[int]:
    header = list(range(0, container.HEADER_SIZE, 3))
    body = [container.HEADER_SIZE + (size - container.HEADER_SIZE) * k // 23 for k in range(23)]
    return sorted({*header, *body, size - 1})


@pytest.mark.parametrize("index", range(len(_positions(2000))))
def test_one_flipped_byte_anywhere(
    capsys: pytest.CaptureFixture[str], scene: Scene, index: int
) -> None:
    data = bytearray(scene.second.read_bytes())
    position = _positions(len(data))[index]
    data[position] ^= 0x01
    path = write(scene.out / "flipped.tdcs", bytes(data))
    assert_refused(capsys, scene, path, "")


def test_encrypted_to_another_citys_key(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    other = World.make(scene.out / "other-city", scene.world.template)
    opened = scene.opened()
    sealed = seal(
        scene.world,
        opened.manifest,
        json.dumps(opened.payload).encode(),
        scene.signing_key,
        recipient=keys.read_city_key_file(other.city_key_file).encryption_public,
    )
    other.close()
    path = write(scene.out / "other.tdcs", sealed)
    assert_refused(capsys, scene, path, "mã hóa cho một khóa khác")


def test_commune_not_one_of_the_103(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    stranger = crypto.new_signing_key().private

    def elsewhere(manifest: dict[str, Any]) -> None:
        manifest["commune"] = {"code": "99999", "name": "Không Có"}

    def owned(payload: dict[str, Any]) -> None:
        for table in payload["tables"]:
            at = table["columns"].index("commune_code")
            for row in table["rows"]:
                row[at] = "99999"

    path = scene.craft("99999.tdcs", manifest=elsewhere, payload=owned, key=stranger)
    assert_refused(capsys, scene, path, "không thuộc 103 xã, phường")


def test_known_commune_with_another_key(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    path = scene.craft("impostor.tdcs", key=crypto.new_signing_key().private)
    output = assert_refused(capsys, scene, path, "được ký bằng một khóa khác")
    assert "tdcs keys forget-commune 31120" in output


def test_valid_signature_over_a_swapped_payload(
    capsys: pytest.CaptureFixture[str], scene: Scene
) -> None:
    private = own_private_key(scene.world.city, keys.CITY_ENCRYPTION)
    public = keys.read_city_key_file(scene.world.city_key_file).encryption_public
    bundle = container.unpack_bundle(
        container.open_file(scene.second.read_bytes(), private, public)
    )
    body = json.loads(bundle.payload)
    body["tables"][0]["rows"][0][body["tables"][0]["columns"].index("amount")] = 999_000_000
    swapped = container.Bundle(bundle.manifest, bundle.signature, json.dumps(body).encode())
    sealed = container.seal_bundle(container.pack_bundle(swapped), public)
    path = write(scene.out / "swapped.tdcs", sealed)
    assert_refused(capsys, scene, path, "đã bị can thiệp")


def test_manifest_changed_after_signing(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    private = own_private_key(scene.world.city, keys.CITY_ENCRYPTION)
    public = keys.read_city_key_file(scene.world.city_key_file).encryption_public
    bundle = container.unpack_bundle(
        container.open_file(scene.second.read_bytes(), private, public)
    )
    forged = bundle.manifest.replace(b'"seq": 2', b'"seq": 3')
    assert forged != bundle.manifest
    sealed = container.seal_bundle(
        container.pack_bundle(container.Bundle(forged, bundle.signature, bundle.payload)), public
    )
    path = write(scene.out / "forged.tdcs", sealed)
    assert_refused(capsys, scene, path, "Chữ ký số của tệp không khớp")


def test_replay_of_an_older_file(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    private = own_private_key(scene.world.city, keys.CITY_ENCRYPTION)
    public = keys.read_city_key_file(scene.world.city_key_file).encryption_public
    archive = container.open_file(scene.first.read_bytes(), private, public)
    replay = write(scene.out / "replay.tdcs", container.seal_bundle(archive, public))
    assert replay.read_bytes() != scene.first.read_bytes()
    assert_refused(capsys, scene, replay, "gửi lặp lại")


def test_a_number_already_used(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    def renumber(manifest: dict[str, Any]) -> None:
        manifest["export"]["id"] = "0b5c6a3e-1d2f-4a5b-8c9d-0e1f2a3b4c5d"
        manifest["export"]["seq"] = 1
        manifest["export"]["previous_id"] = None

    path = scene.craft("seq1.tdcs", manifest=renumber)
    assert_refused(capsys, scene, path, "Một tệp khác mang số 1")


@pytest.mark.parametrize("where", ["container", "manifest"])
def test_future_format_version(
    capsys: pytest.CaptureFixture[str], scene: Scene, where: str
) -> None:
    if where == "container":
        data = bytearray(scene.second.read_bytes())
        data[8] = 2
        path = write(scene.out / "future.tdcs", bytes(data))
    else:
        path = scene.craft(
            "future.tdcs",
            manifest=lambda m: m.update(format_version=FORMAT_VERSION + 1, future_field=1),
        )
    assert_refused(capsys, scene, path, "phiên bản TDCS mới hơn")


def test_newer_database_version(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    path = scene.craft("schema.tdcs", manifest=lambda m: m.update(schema_version="0099_future"))
    assert_refused(capsys, scene, path, "cập nhật TDCS tại thành phố")


def test_manifest_whose_counts_lie(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    def lie(manifest: dict[str, Any]) -> None:
        manifest["counts"]["fund_contribution"] = 1

    path = scene.craft("lie.tdcs", manifest=lie)
    assert_refused(
        capsys, scene, path, "ghi có 1 bản ghi loại fund_contribution nhưng thực tế có 2"
    )


def test_duplicate_records(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    def twice(payload: dict[str, Any]) -> None:
        rows = payload["tables"][0]["rows"]
        rows.append(list(rows[0]))

    path = scene.craft("dup.tdcs", payload=twice)
    assert_refused(capsys, scene, path, "xuất hiện nhiều lần")


def test_records_owned_by_another_commune(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    def other_owner(payload: dict[str, Any]) -> None:
        table = payload["tables"][0]
        table["rows"][1][table["columns"].index("commune_code")] = "31135"

    path = scene.craft("owner.tdcs", payload=other_owner)
    assert_refused(capsys, scene, path, "thuộc đơn vị 31135")


def test_record_taking_over_another_communes_record(
    capsys: pytest.CaptureFixture[str], scene: Scene
) -> None:
    """A hamlet id that belongs to Cái Khế, sent by another commune's (new) key."""
    ((hamlet_id, version),) = scene.world.city_rows("SELECT id, version FROM hamlets LIMIT 1")
    stranger = crypto.new_signing_key().private

    def from_ninh_kieu(manifest: dict[str, Any]) -> None:
        manifest["commune"] = {"code": "31135", "name": "Ninh Kiều"}
        manifest["export"].update(seq=1, previous_id=None)

    def takeover(payload: dict[str, Any]) -> None:
        table = payload["tables"][0]
        row = dict(zip(table["columns"], table["rows"][0], strict=True))
        row.update(commune_code="31135")
        payload["tables"] = [
            {
                "type": "hamlet",
                "columns": [
                    "id",
                    "commune_code",
                    "version",
                    "created_at",
                    "updated_at",
                    "change_seq",
                    "deleted_at",
                    "name",
                    "kind",
                    "sort_order",
                    "active",
                ],
                "rows": [
                    [
                        hamlet_id,
                        "31135",
                        version + 5,
                        row["created_at"],
                        row["updated_at"],
                        99,
                        None,
                        "Khu vực chiếm",
                        "khu_vuc",
                        0,
                        True,
                    ]
                ],
            },
            {**table, "rows": [[*table["rows"][0]]]},
        ]
        payload["tables"][1]["rows"][0][table["columns"].index("commune_code")] = "31135"

    path = scene.craft("takeover.tdcs", manifest=from_ninh_kieu, payload=takeover, key=stranger)
    assert_refused(capsys, scene, path, "Bản ghi thuộc đơn vị 31120")


def test_reference_to_another_communes_record(
    capsys: pytest.CaptureFixture[str], scene: Scene
) -> None:
    """Ninh Kiều's first file, whose grant points at a hamlet of Cái Khế."""
    ((hamlet_id,),) = scene.world.city_rows("SELECT id FROM hamlets LIMIT 1")

    def from_ninh_kieu(manifest: dict[str, Any]) -> None:
        manifest["commune"] = {"code": "31135", "name": "Ninh Kiều"}
        manifest["export"].update(seq=1, previous_id=None)

    def grant(payload: dict[str, Any]) -> None:
        payload["tables"] = [
            {
                "type": "fund_spending",
                "columns": [
                    "id",
                    "commune_code",
                    "version",
                    "created_at",
                    "updated_at",
                    "change_seq",
                    "deleted_at",
                    "hamlet_id",
                    "purpose",
                    "amount",
                    "spent_on",
                    "decision_no",
                    "decision_date",
                    "notes",
                ],
                "rows": [
                    [
                        "3f9a1c2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b",
                        "31135",
                        1,
                        "2025-05-01 00:00:00",
                        "2025-05-01 00:00:00",
                        1,
                        None,
                        hamlet_id,
                        "Hỗ trợ sửa nhà",
                        5_000_000,
                        "2025-05-01",
                        "",
                        None,
                        "",
                    ]
                ],
            }
        ]

    path = scene.craft(
        "reference.tdcs",
        manifest=from_ninh_kieu,
        payload=grant,
        key=crypto.new_signing_key().private,
    )
    assert_refused(capsys, scene, path, "Liên kết tới bản ghi của đơn vị khác (31120)")


def test_import_at_a_commune_is_refused(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    commune_dir = scene.world.root / "commune-31120"
    code, output = run_import_at(capsys, commune_dir, scene.second)
    assert code == 1 and "Chỉ thành phố mới nhập tệp đồng bộ" in output


def run_import_at(
    capsys: pytest.CaptureFixture[str], folder: Path, *files: Path
) -> tuple[int, str]:
    try:
        code = main(["import", "--data-dir", str(folder), *map(str, files)])
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out + err


def _set(column: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(payload: dict[str, Any]) -> None:
        table = payload["tables"][0]
        table["rows"][0][table["columns"].index(column)] = value

    return change


@pytest.mark.parametrize(
    ("column", "value", "fragment"),
    [
        ("amount", -5_000_000, "Số tiền không được âm"),
        ("amount", 10**20, "Số tiền quá lớn"),
        ("amount", 10**400, "Số tiền quá lớn"),
        ("amount", 1.5, "Phải là số nguyên"),
        ("amount", "5000000", "Phải là số nguyên"),
        ("amount", True, "Phải là số nguyên"),
        ("received_on", "1800-01-01", "Ngày phải nằm trong khoảng"),
        ("received_on", "2200-01-01", "Ngày phải nằm trong khoảng"),
        ("received_on", "05/10/2025", "Phải là ngày viết dạng"),
        ("received_on", "2025-02-30", "Phải là ngày viết dạng"),
        ("updated_at", "1800-01-01 00:00:00", "Thời điểm phải nằm trong khoảng"),
        ("donor_name", "x" * 201, "Quá dài: tối đa 200 ký tự"),
        ("donor_name", None, "Không được để trống"),
        ("donor_name", ["a"], "Phải là chữ"),
        ("form", "bang_vang", "không phải là giá trị được phép"),
        ("campaign_year", 1800, "Năm phải từ 2000 đến 2100"),
        ("version", 0, "Số phải nằm trong khoảng"),
        ("id", "../../../etc/passwd", "Không phải mã định danh bản ghi"),
        ("id", {"$ne": None}, "Mã bản ghi: Phải là chữ"),
    ],
    ids=lambda v: str(v)[:20],
)
def test_absurd_values(
    capsys: pytest.CaptureFixture[str], scene: Scene, column: str, value: Any, fragment: str
) -> None:
    path = scene.craft("absurd.tdcs", payload=_set(column, value))
    output = assert_refused(capsys, scene, path, fragment)
    assert "không nhập bản ghi nào" in output or "không đúng cấu trúc" in output


def test_unknown_catalogue_code(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    def programme(payload: dict[str, Any]) -> None:
        payload["tables"].append(
            {
                "type": "entrusted_transfer",
                "columns": [
                    "id",
                    "commune_code",
                    "version",
                    "created_at",
                    "updated_at",
                    "change_seq",
                    "deleted_at",
                    "year",
                    "source_level",
                    "amount",
                    "decision_no",
                    "decision_date",
                    "transferred_on",
                    "programme_code",
                    "notes",
                ],
                "rows": [
                    [
                        "5b0f7c1e-9a3d-4d6e-8f21-7c4b2a1d0e9f",
                        CODE,
                        1,
                        "2025-03-01 00:00:00",
                        "2025-03-01 00:00:00",
                        50,
                        None,
                        2025,
                        "xa",
                        500_000_000,
                        "",
                        None,
                        None,
                        "VAYNONG",
                        "",
                    ]
                ],
            }
        )

    path = scene.craft("catalogue.tdcs", payload=programme)
    assert_refused(capsys, scene, path, "“VAYNONG” không có trong danh mục")


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (lambda p: p["tables"].append({"type": "rocket", "columns": [], "rows": []}), "không biết"),
        (lambda p: p["tables"][0]["columns"].__setitem__(-1, "secret"), "không biết"),
        (lambda p: p["tables"][0]["columns"].remove("amount"), "thiếu trường bắt buộc amount"),
        (lambda p: p.update(extra=1), "không đúng cấu trúc"),
        (lambda p: p["tables"].append(dict(p["tables"][0])), "hai lần"),
    ],
    ids=["unknown-type", "unknown-field", "missing-field", "extra", "twice"],
)
def test_payload_shape(
    capsys: pytest.CaptureFixture[str],
    scene: Scene,
    change: Callable[[dict[str, Any]], None],
    fragment: str,
) -> None:
    def apply(payload: dict[str, Any]) -> None:
        change(payload)
        for table in payload["tables"]:
            width = len(table["columns"])
            table["rows"] = [(row + ["0"] * width)[:width] for row in table["rows"]]

    path = scene.craft("shape.tdcs", payload=apply)
    assert_refused(capsys, scene, path, fragment)


def test_personal_data_that_must_stay_at_the_commune(
    capsys: pytest.CaptureFixture[str], scene: Scene
) -> None:
    def with_citizen_id(payload: dict[str, Any]) -> None:
        payload["tables"].insert(
            0,
            {
                "type": "borrower",
                "columns": [
                    "id",
                    "commune_code",
                    "version",
                    "created_at",
                    "updated_at",
                    "change_seq",
                    "deleted_at",
                    "full_name",
                    "sex",
                    "hamlet_id",
                    "household_category",
                    "group_id",
                    "citizen_id",
                ],
                "rows": [
                    [
                        "7d2c8a4b-1e3f-4a5b-9c6d-2e8f0a1b3c5d",
                        CODE,
                        1,
                        "2025-03-01 00:00:00",
                        "2025-03-01 00:00:00",
                        60,
                        None,
                        "Trần Thị Mộng",
                        "nu",
                        None,
                        "ngheo",
                        None,
                        "092185000123",
                    ]
                ],
            },
        )

    path = scene.craft("cccd.tdcs", payload=with_citizen_id)
    output = assert_refused(capsys, scene, path, "dữ liệu cá nhân")
    assert "borrower: citizen_id" in output


@pytest.mark.parametrize(
    "raw",
    [b'{"tables": [NaN]}', b"[" * 100_000, b'{"tables": [], "tables": []}', b"\xff\xfe"],
    ids=["nan", "deep", "duplicate-key", "not-utf8"],
)
def test_malformed_payload_json(
    capsys: pytest.CaptureFixture[str], scene: Scene, raw: bytes
) -> None:
    path = scene.craft("json.tdcs", raw_payload=raw, manifest=lambda m: m.update(counts={}))
    assert_refused(capsys, scene, path, "không đúng cấu trúc quy định")


def test_malformed_manifest(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    for change in (
        lambda m: m.pop("recipient_key_id"),
        lambda m: m["export"].update(seq=-1),
        lambda m: m["export"].update(created_at="hôm qua"),
        lambda m: m.update(commune="31120"),
        lambda m: m["counts"].update({"../x": 1}),
    ):
        path = scene.craft("manifest.tdcs", manifest=change)
        assert_refused(capsys, scene, path, "Phần mô tả trong tệp (manifest)")


def test_zip_bomb(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    opened = scene.opened()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("manifest.json", json.dumps(opened.manifest))
        zf.writestr("manifest.sig", opened.signature)
        with zf.open("payload.json", "w", force_zip64=True) as member:
            zeros = b"\0" * (1 << 20)
            for _ in range(600):
                member.write(zeros)
    archive = out.getvalue()
    assert len(archive) < 2 * 1024 * 1024
    public = keys.read_city_key_file(scene.world.city_key_file).encryption_public
    path = write(scene.out / "bomb.tdcs", container.seal_bundle(archive, public))
    assert_refused(capsys, scene, path, "bom nén")


def test_zip_bomb_that_lies_about_its_size(
    capsys: pytest.CaptureFixture[str], scene: Scene
) -> None:
    opened = scene.opened()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps(opened.manifest))
        zf.writestr("manifest.sig", opened.signature)
        zf.writestr("payload.json", b"\0" * (8 << 20))
    archive = bytearray(out.getvalue())
    declared = (8 << 20).to_bytes(4, "little")
    for at in [i for i in range(len(archive) - 4) if archive[i : i + 4] == declared]:
        archive[at : at + 4] = (1000).to_bytes(4, "little")
    public = keys.read_city_key_file(scene.world.city_key_file).encryption_public
    path = write(scene.out / "liar.tdcs", container.seal_bundle(bytes(archive), public))
    assert_refused(capsys, scene, path, "không đúng cấu trúc quy định")


@pytest.mark.parametrize(
    "names",
    [
        ["../../evil.json", "manifest.json", "manifest.sig", "payload.json"],
        ["/etc/passwd", "manifest.sig", "payload.json"],
        ["..\\..\\manifest.json", "manifest.sig", "payload.json"],
        ["manifest.json", "manifest.sig", "payload.json", "payload.json"],
        ["manifest.json", "manifest.sig"],
    ],
    ids=["traversal", "absolute", "windows", "duplicate", "missing"],
)
def test_path_tricks_inside_the_container(
    capsys: pytest.CaptureFixture[str], scene: Scene, names: list[str]
) -> None:
    opened = scene.opened()
    members = {
        "manifest.json": json.dumps(opened.manifest).encode(),
        "manifest.sig": opened.signature,
        "payload.json": json.dumps(opened.payload).encode(),
    }
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w") as zf:
        warnings.simplefilter("ignore", UserWarning)  # "Duplicate name" is the point
        for name in names:
            base = name.replace("\\", "/").rsplit("/", 1)[-1]
            zf.writestr(name, members.get(base, b"{}"))
    public = keys.read_city_key_file(scene.world.city_key_file).encryption_public
    path = write(scene.out / "tricks.tdcs", container.seal_bundle(out.getvalue(), public))
    assert_refused(capsys, scene, path, "Tệp chứa các mục không hợp lệ")
    assert not (scene.out.parent / "evil.json").exists()


def test_signature_missing(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    opened = scene.opened()
    manifest = dict(opened.manifest)
    body = json.dumps(opened.payload).encode()
    manifest["signing_key"] = base64.b64encode(b"\1" * 32).decode()
    path = write(scene.out / "unsigned.tdcs", seal(scene.world, manifest, body, None))
    assert_refused(capsys, scene, path, "được ký bằng một khóa khác")


def test_several_files_one_bad(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    bad = write(scene.out / "0000_rong.tdcs", b"")
    code, output = run_import(capsys, scene.world, bad, scene.second)
    assert code == 1
    assert "Đã nhập." in output and "1 tệp bị từ chối" in output
    assert [o for _n, o in ledger(scene.world)][-2:] == ["rejected", "applied"]
