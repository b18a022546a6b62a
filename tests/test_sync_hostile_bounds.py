"""The hostile corpus, round two (issue 14): no forged commune, no crash, nothing unbounded.

Every crafted file below is correctly signed and sealed, and wrong in one way: a commune's
data under a key nobody confirmed, numbers and times no real file has, text no form could
have stored, structures made to exhaust memory. Each is refused (or, for an unknown key,
left waiting) with a Vietnamese message and a ledger line, changing nothing — and the batch
rule holds: the good files before and after it land.
"""

from __future__ import annotations

import base64
import json
import logging
import shutil
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from desktop.sync import crypto, keys, manifest, receipts
from desktop.sync.errors import SyncRefused
from desktop.sync.importer import CityImporter, Status
from tests.hostile_support import (
    CODE,
    Scene,
    assert_refused,
    ledger,
    make_scene,
    run_import,
)
from tests.sync_support import World, content, own_private_key, write

#: The city on SQLite and on PostgreSQL (issue 17): the same refusals, nothing changed.
pytestmark = pytest.mark.usefixtures("engine")

NINH_KIEU = "31135"


@pytest.fixture
def scene(world: World, tmp_path: Path) -> Iterator[Scene]:
    yield from make_scene(world, tmp_path)


# -- crafting -------------------------------------------------------------------------------------


def as_commune(code: str, name: str) -> Callable[[dict[str, Any]], None]:
    def change(manifest: dict[str, Any]) -> None:
        manifest["commune"] = {"code": code, "name": name}
        manifest["export"].update(seq=1, previous_id=None)

    return change


def owned_by(code: str) -> Callable[[dict[str, Any]], None]:
    def change(payload: dict[str, Any]) -> None:
        for table in payload["tables"]:
            at = table["columns"].index("commune_code")
            for row in table["rows"]:
                row[at] = code
            at = table["columns"].index("id")
            for row in table["rows"]:
                row[at] = str(uuid.uuid4())

    return change


def cell(column: str, value: Any, row: int = 0) -> Callable[[dict[str, Any]], None]:
    def change(payload: dict[str, Any]) -> None:
        table = payload["tables"][0]
        table["rows"][row][table["columns"].index(column)] = value

    return change


def without(column: str) -> Callable[[dict[str, Any]], None]:
    def change(payload: dict[str, Any]) -> None:
        table = payload["tables"][0]
        at = table["columns"].index(column)
        del table["columns"][at]
        for row in table["rows"]:
            del row[at]

    return change


def made_on(moment: str) -> Callable[[dict[str, Any]], None]:
    def change(manifest: dict[str, Any]) -> None:
        manifest["export"]["created_at"] = moment
        manifest["changes"].update(to=moment, **{"from": None})

    return change


def flood(scene: Scene) -> bytes:
    """A payload of 200 000 empty rows declaring two records: parsing it would allocate a
    list for each (the attack that made a 0,5 MB file cost the city gigabytes)."""
    columns = scene.opened().payload["tables"][0]["columns"]
    rows = ",".join(["[]"] * 200_000)
    table = f'{{"type":"fund_contribution","columns":{json.dumps(columns)},"rows":[{rows}]}}'
    return f'{{"tables":[{table}]}}'.encode()


def packed_text(payload: dict[str, Any]) -> None:
    """A thousand gifts whose donor names are long runs of one letter: 20 MB that pack into
    about a hundred kilobytes (a "zip bomb" made of valid-looking records)."""
    table = payload["tables"][0]
    template = table["rows"][0]
    at_id, at_name = table["columns"].index("id"), table["columns"].index("donor_name")
    table["rows"] = []
    for _ in range(1000):
        row = list(template)
        row[at_id] = str(uuid.uuid4())
        row[at_name] = "x" * 19_999
        table["rows"].append(row)


Craft = Callable[[Scene], Path]

#: name → (how to make the bad file, what the refusal says, the word for the outcome)
BAD: dict[str, tuple[Craft, str, str]] = {
    # 1. A forged commune
    "unknown-key": (
        lambda s: s.craft(
            "b.tdcs",
            manifest=as_commune(NINH_KIEU, "Ninh Kiều"),
            payload=owned_by(NINH_KIEU),
            key=crypto.new_signing_key().private,
            fresh=True,
        ),
        "chưa được ghi nhận cho Ninh Kiều (31135)",
        "CHỜ XÁC NHẬN KHÓA",
    ),
    "key-of-another-commune": (
        lambda s: s.craft(
            "b.tdcs",
            manifest=as_commune(NINH_KIEU, "Ninh Kiều"),
            payload=owned_by(NINH_KIEU),
            fresh=True,
        ),
        "Mỗi khóa chỉ thuộc về một đơn vị",
        "BỊ TỪ CHỐI",
    ),
    # 2. Numbers in the manifest
    "seq-a-billion": (
        lambda s: s.craft("b.tdcs", manifest=lambda m: m["export"].update(seq=10**9), fresh=True),
        "Phần mô tả trong tệp (manifest)",
        "BỊ TỪ CHỐI",
    ),
    "count-ten-billion": (
        lambda s: s.craft(
            "b.tdcs", manifest=lambda m: m["counts"].update(hamlet=10**10), fresh=True
        ),
        "Phần mô tả trong tệp (manifest)",
        "BỊ TỪ CHỐI",
    ),
    "count-of-unknown-type": (
        lambda s: s.craft("b.tdcs", manifest=lambda m: m["counts"].update(rocket=0), fresh=True),
        "không biết (rocket)",
        "BỊ TỪ CHỐI",
    ),
    "changes-backwards": (
        lambda s: s.craft(
            "b.tdcs",
            manifest=lambda m: m["changes"].update(after=m["changes"]["through"] + 1),
            fresh=True,
        ),
        "Phần mô tả trong tệp (manifest)",
        "BỊ TỪ CHỐI",
    ),
    # 3. Times
    "made-in-9999": (
        lambda s: s.craft("b.tdcs", manifest=made_on("9999-12-31 23:59:59"), fresh=True),
        "được tạo ngày 31/12/9999, điều này không thể đúng",
        "BỊ TỪ CHỐI",
    ),
    "made-in-0001": (
        lambda s: s.craft("b.tdcs", manifest=made_on("0001-01-01 00:00:00"), fresh=True),
        "được tạo ngày 01/01/0001, điều này không thể đúng",
        "BỊ TỪ CHỐI",
    ),
    "made-in-2099": (
        lambda s: s.craft("b.tdcs", manifest=made_on("2099-06-01 00:00:00"), fresh=True),
        "Có lẽ đồng hồ máy tính của Cái Khế bị sai",
        "BỊ TỪ CHỐI",
    ),
    # 4. What used to crash the batch
    "lone-surrogate-as-name": (
        lambda s: s.craft("b.tdcs", payload=cell("donor_name", "\ud800"), fresh=True),
        "Đang để trống",
        "BỊ TỪ CHỐI",
    ),
    "surrogate-as-column": (
        lambda s: s.craft(
            "b.tdcs",
            payload=lambda p: p["tables"][0]["columns"].__setitem__(-1, "\ud800"),
            fresh=True,
        ),
        "không biết (fund_contribution: ?)",
        "BỊ TỪ CHỐI",
    ),
    "no-version-column": (
        lambda s: s.craft("b.tdcs", payload=without("version"), fresh=True),
        "thiếu trường bắt buộc version",
        "BỊ TỪ CHỐI",
    ),
    "no-deleted_at-column": (
        lambda s: s.craft("b.tdcs", payload=without("deleted_at"), fresh=True),
        "thiếu trường bắt buộc deleted_at",
        "BỊ TỪ CHỐI",
    ),
    # 5. What no commune's screen could have stored
    "blank-donor": (
        lambda s: s.craft("b.tdcs", payload=cell("donor_name", " \t "), fresh=True),
        "Đang để trống",
        "BỊ TỪ CHỐI",
    ),
    "id-of-hex-and-dashes": (
        lambda s: s.craft(
            "b.tdcs", payload=cell("id", "0123456789abcdef0123456789abcdef----"), fresh=True
        ),
        "Không phải mã định danh bản ghi",
        "BỊ TỪ CHỐI",
    ),
    "change-outside-the-file": (
        lambda s: s.craft(
            "b.tdcs",
            manifest=lambda m: m["changes"].update(after=m["changes"]["through"]),
            fresh=True,
        ),
        "không thuộc phạm vi thay đổi",
        "BỊ TỪ CHỐI",
    ),
    "deleted-before-created": (
        lambda s: s.craft("b.tdcs", payload=cell("deleted_at", "2001-01-01 00:00:00"), fresh=True),
        "trước thời điểm được tạo",
        "BỊ TỪ CHỐI",
    ),
    # 6. Memory
    "empty-row-flood": (
        lambda s: s.craft("b.tdcs", raw_payload=flood(s), fresh=True),
        "không đúng cấu trúc quy định",
        "BỊ TỪ CHỐI",
    ),
    "packed-text": (
        lambda s: s.craft("b.tdcs", payload=packed_text, fresh=True),
        "bom nén",
        "BỊ TỪ CHỐI",
    ),
}


@pytest.mark.parametrize("name", list(BAD))
def test_a_bad_file_between_two_good_ones(
    capsys: pytest.CaptureFixture[str], scene: Scene, name: str
) -> None:
    make, fragment, label = BAD[name]
    bad = make(scene)
    before = content(scene.world.city)
    output = assert_refused(capsys, scene, bad, fragment, label=label)
    assert content(scene.world.city) == before
    batch = [
        shutil.copyfile(scene.second, scene.out / "a_tep_so_2.tdcs"),
        shutil.copyfile(bad, scene.out / "b_tep_xau.tdcs"),
        shutil.copyfile(scene.third, scene.out / "c_tep_so_3.tdcs"),
    ]
    code, output = run_import(capsys, scene.world, *map(Path, batch))
    assert code == 1 and "1 tệp bị từ chối" in output, output
    assert output.count("Đã nhập.") == 2 and fragment in output, output
    assert [o for _n, o in ledger(scene.world)][-3:] == ["applied", "rejected", "applied"]
    (gifts,) = scene.world.city_rows("SELECT count(*), sum(amount) FROM fund_contributions")
    assert gifts == (3, 10_000_000), "the good files landed, nothing of the bad one"


# -- 1. a forged commune ------------------------------------------------------------------------


def test_a_first_file_waits_until_the_commune_reads_its_fingerprint_out(
    capsys: pytest.CaptureFixture[str], scene: Scene
) -> None:
    """Anyone holding the city key file can seal a "first file" for Ninh Kiều; it waits,
    counting for nothing, until the city types the fingerprint Ninh Kiều reads out — which
    an impostor's key does not have."""
    impostor = crypto.new_signing_key()
    forged = scene.craft(
        "forged.tdcs",
        manifest=as_commune(NINH_KIEU, "Ninh Kiều"),
        payload=owned_by(NINH_KIEU),
        key=impostor.private,
    )
    genuine_commune = scene.world.commune(NINH_KIEU, hamlets=("Khu vực 1",), enrol=False)
    with genuine_commune.reading() as session:
        spoken = keys.commune_fingerprint(session)
    genuine = scene.world.export(genuine_commune).path
    for path in (forged, genuine):
        assert_refused(capsys, scene, path, "CHỜ XÁC NHẬN KHÓA", label="CHỜ XÁC NHẬN KHÓA")
    code, output = run_cli(capsys, "board", scene)
    assert "2 tệp chờ xác nhận khóa" in output and spoken in output
    assert crypto.fingerprint(impostor.public) in output
    code, output = run_cli(capsys, "keys", scene, "confirm", NINH_KIEU, *spoken.split())
    assert code == 0, output
    code, output = run_import(capsys, scene.world, forged, genuine)
    assert code == 1 and "Đã nhập." in output and "được ký bằng một khóa khác" in output
    (amounts,) = scene.world.city_rows(
        "SELECT count(*) FROM fund_contributions WHERE commune_code = :code", code=NINH_KIEU
    )
    assert amounts == (0,), "nothing forged counts"
    genuine_commune.close()


def test_one_key_belongs_to_one_commune(scene: Scene) -> None:
    with scene.commune.reading() as session:
        cai_khe_key = keys.ensure_commune_key(session).public
    with scene.world.city.transaction() as session:
        with pytest.raises(SyncRefused) as taken:
            keys.enrol_commune_key(session, NINH_KIEU, cai_khe_key)
        assert "đã được ghi nhận cho Cái Khế (31120)" in taken.value.text()
        with pytest.raises(SyncRefused) as twice:
            keys.enrol_commune_key(session, CODE, crypto.new_signing_key().public)
        assert "bỏ khóa đó trước" in twice.value.text()
        city_signing = keys.own_city_key(session).signing_public
        with pytest.raises(SyncRefused):
            keys.enrol_commune_key(session, NINH_KIEU, city_signing)
        with pytest.raises(SyncRefused) as city:
            keys.enrol_commune_key(session, "92", crypto.new_signing_key().public)
        assert "không phải là mã của một trong 103 xã, phường" in city.value.text()


# -- 2. numbers -----------------------------------------------------------------------------------


def test_a_file_numbered_a_million_costs_one_range(
    capsys: pytest.CaptureFixture[str], scene: Scene
) -> None:
    """File 10⁶ after file 1: the gap is one range, said as such, in no time."""
    far = scene.craft("far.tdcs", manifest=lambda m: m["export"].update(seq=10**6), fresh=True)
    code, output = run_import(capsys, scene.world, far)
    assert code == 0 and "Các tệp số 2–999.999 của Cái Khế chưa đến." in output, output
    code, output = run_cli(capsys, "board", scene)
    assert "Các tệp số 2–999.999 của Cái Khế chưa đến." in output
    assert len(output.splitlines()) == 103


def test_every_manifest_number_is_bounded() -> None:
    """Numbers no real file has are refused by the manifest reader itself."""
    base = {
        "format": "tdcs-sync",
        "format_version": 1,
        "schema_version": "0003_loan_amount_optional",
        "app_version": "0.1.0",
        "commune": {"code": CODE, "name": "Cái Khế"},
        "export": {
            "id": str(uuid.uuid4()),
            "seq": 1,
            "previous_id": None,
            "full_snapshot": False,
            "created_at": "2026-10-05 01:30:00",
        },
        "changes": {"after": 0, "through": 10, "from": None, "to": "2026-10-05 01:30:00"},
        "counts": {"hamlet": 1},
        "withheld": {},
        "payload": {"sha256": "0" * 64, "size": 100},
        "recipient_key_id": "0" * 64,
        "signing_key": base64.b64encode(b"\1" * 32).decode(),
    }
    assert manifest.parse(json.dumps(base).encode()).seq == 1
    for path, value in (
        (("export", "seq"), 10**6 + 1),
        (("changes", "through"), 2**63),
        (("counts", "hamlet"), 10**7 + 1),
        (("payload", "size"), 2**40),
        (("export", "created_at"), "2026-02-30 00:00:00"),
        (("changes", "from"), "2027-01-01 00:00:00"),
        (("export", "full_snapshot"), True),  # with changes.after 5: not every record
        (("withheld",), {"borrower": ["x"] * 65}),
        (("commune", "name"), "Cái Khế\u202e"),
        (("app_version",), "0.1.0\n"),
    ):
        changed = json.loads(json.dumps(base))
        if path == ("export", "full_snapshot"):
            changed["changes"]["after"] = 5
        target = changed
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        with pytest.raises(SyncRefused):
            manifest.parse(json.dumps(changed).encode())


# -- 3. times -------------------------------------------------------------------------------------


def test_a_receipt_dated_9999_is_refused_at_the_commune(
    capsys: pytest.CaptureFixture[str], scene: Scene
) -> None:
    """Signed by the city, yet dated 9999: refused with a message, not a crash."""
    code, _output = run_import(capsys, scene.world, scene.second)
    assert code == 0
    with scene.world.city.transaction() as session:
        _name, genuine = receipts.receipt_bytes(session, 2)
    body = json.loads(genuine[13:-64])
    body["imported_at"] = "9999-12-31 23:59:59"
    raw = json.dumps(body, ensure_ascii=False, sort_keys=True).encode()
    signature = crypto.sign(
        own_private_key(scene.world.city, keys.CITY_SIGNING), receipts.SIGNATURE_LABEL, raw
    )
    forged = write(
        scene.out / "BienNhan.tdcsr",
        receipts.RECEIPT_MAGIC + b"\x01" + len(raw).to_bytes(4, "big") + raw + signature,
    )
    folder = scene.world.root / "commune-31120"
    code, output = run_main(capsys, "receipt", "--data-dir", str(folder), str(forged))
    assert code == 1 and "ngày 31/12/9999, điều này không thể đúng" in output, output
    good = write(scene.out / "BienNhan_that.tdcsr", genuine)
    code, output = run_main(capsys, "receipt", "--data-dir", str(folder), str(good))
    assert code == 0, output


# -- 4. any error is one file's refusal -----------------------------------------------------------


def test_an_unexpected_error_refuses_that_file_and_the_batch_goes_on(
    capsys: pytest.CaptureFixture[str],
    scene: Scene,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Whatever a file triggers — here a bug planted in the apply step for file 2 — it is
    that file's refusal with a ledger line and a traceback in the log; file 3 still lands."""
    from desktop.sync import importer

    real = importer.write_plans
    broken_for = {scene.second.name}

    def write_plans(conn: Any, plans: Any, import_id: int, code: str, progress: Any) -> None:
        if any(p.table.record_type == "fund_contribution" for p in plans) and broken_for:
            broken_for.clear()
            raise RuntimeError("a bug nobody foresaw")
        real(conn, plans, import_id, code, progress)

    monkeypatch.setattr(importer, "write_plans", write_plans)
    before = content(scene.world.city)
    with caplog.at_level(logging.ERROR, logger="desktop.sync.importer"):
        code, output = run_import(capsys, scene.world, scene.second, scene.third)
    assert code == 1 and "lỗi không mong đợi (RuntimeError)" in output, output
    assert "Đã nhập." in output
    assert [o for _n, o in ledger(scene.world)][-2:] == ["rejected", "applied"]
    assert any(r.exc_info and "a bug nobody foresaw" in str(r.exc_info[1]) for r in caplog.records)
    assert content(scene.world.city) != before
    assert scene.world.city_rows("SELECT count(*) FROM fund_contributions") == [(1,)]


# -- 5. the city holds what a commune's form could have stored ----------------------------------


def test_text_is_stored_as_a_form_stores_it(
    capsys: pytest.CaptureFixture[str], scene: Scene, tmp_path: Path
) -> None:
    """Decomposed accents, spaces around, a bell, a right-to-left override, a lone surrogate
    inside a name: the city stores what the commune's form would have (NFC, trimmed, none
    of those characters), and the fund's workbook and the city's yearly report still work."""
    decomposed = unicodedata.normalize("NFD", "  Công ty TNHH Hòa Bình \x07")

    def names(payload: dict[str, Any]) -> None:
        cell("donor_name", decomposed)(payload)
        cell("donor_name", "Nguyễn\u202e Văn\ud800 Ân", row=1)(payload)
        cell("notes", "Dòng 1  \r\nDòng 2\x0b")(payload)

    odd = scene.craft("odd.tdcs", payload=names, fresh=True)
    code, output = run_import(capsys, scene.world, odd)
    assert code == 0, output
    stored = dict(scene.world.city_rows("SELECT donor_name, notes FROM fund_contributions"))
    assert stored == {"Công ty TNHH Hòa Bình": "Dòng 1\nDòng 2", "Nguyễn Văn Ân": ""}
    assert all(unicodedata.is_normalized("NFC", n) for n in stored)
    city = scene.world.city_args()
    for name, out in (
        ("fund", tmp_path / "quy.xlsx"),
        ("city-yearly", tmp_path / "nam.xlsx"),
        ("city-yearly", tmp_path / "nam.pdf"),
    ):
        code, output = run_main(
            capsys, "report", name, *city, "--period", "2025", "--out", str(out)
        )
        assert code == 0 and out.is_file(), output


# -- 6. memory bounded by the file's size ---------------------------------------------------------


def test_a_structure_flood_is_refused_before_it_is_parsed(scene: Scene) -> None:
    """The flood of empty rows is refused from a count of its brackets, in well under a
    second, without building the lists."""
    import time
    import tracemalloc

    bad = scene.craft("flood.tdcs", raw_payload=flood(scene), fresh=True)
    tracemalloc.start()
    start = time.perf_counter()
    with CityImporter(scene.world.city) as importer:
        report = importer.import_file(bad)
    seconds = time.perf_counter() - start
    _now, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert report.status is Status.REFUSED and report.import_id is not None
    assert peak < 20 * len(flood(scene)), f"{peak / 1e6:.0f} MB"
    assert seconds < 5


# -- helpers --------------------------------------------------------------------------------------


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out + err


def run_cli(
    capsys: pytest.CaptureFixture[str], command: str, scene: Scene, *args: str
) -> tuple[int, str]:
    """``tdcs COMMAND [ARGS] --data-dir CITY`` (sub-commands of ``keys`` go in ``args``)."""
    city = scene.world.city_args()
    if args:
        return run_main(capsys, command, args[0], *city, *args[1:])
    return run_main(capsys, command, *city)
