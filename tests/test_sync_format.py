"""The format as documented in docs/sync-format.md: another program following the document
reads TDCS's files; the document lists every travelling column; personal data stays home;
names, fingerprints and the manifest behave as described; the commands are there."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import sqlite3
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from db.models import SYNCED_MODELS
from desktop.cli import main
from desktop.sync import crypto, keys, manifest, receipts
from desktop.sync.errors import SyncRefused
from desktop.sync.files import ascii_name, export_file_name
from desktop.sync.privacy import travelling_columns, withheld
from desktop.sync.receipts import accept_receipt, receipt_bytes
from desktop.sync.rules import rules_for
from tests.sync_support import World, own_private_key

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "sync-format.md"
PERSONAL = re.compile(r"phone|citizen|cccd|cmnd|birth|identity|id_number|passport")


def documented_row(model: type) -> str:
    rules = rules_for(model).columns  # type: ignore[arg-type]

    def describe(name: str) -> str:
        rule = rules[name]
        text = rule.kind.value
        if text == "choice":
            text = "choice: " + "/".join(sorted(rule.choices))
        if rule.reference:
            text += " → " + rule.reference[0]
        if rule.nullable:
            text += ", null"
        return f"{name} ({text})"

    own = [c for c in travelling_columns(model) if c not in model.SYSTEM_COLUMNS]  # type: ignore[arg-type,attr-defined]
    hidden = ", ".join(sorted(withheld(model))) or "—"  # type: ignore[arg-type]
    return (
        f"| `{model.record_type}` | {model.__tablename__} | "  # type: ignore[attr-defined]
        + ", ".join(describe(c) for c in own)
        + f" | {hidden} |"
    )


def test_the_document_lists_every_record_type_and_column() -> None:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("<!-- record-types")[1].split("<!-- /record-types -->")[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    assert rows == [documented_row(m) for m in SYNCED_MODELS]


def test_personal_fields_are_withheld() -> None:
    for model in SYNCED_MODELS:
        for column in travelling_columns(model):
            assert not PERSONAL.search(column), f"{model.record_type}.{column} would travel"
    assert {"citizen_id", "phone", "birth_year", "notes"} <= withheld(SYNCED_MODELS[3])


def test_fingerprint_as_documented() -> None:
    key = bytes(range(32))
    digest = hashlib.sha256(b"TDCS fingerprint v1\n" + key).digest()
    digits = f"{int.from_bytes(digest[:16], 'big') % 10**24:024d}"
    expected = " ".join(digits[i : i + 4] for i in range(0, 24, 4))
    assert crypto.fingerprint(key) == expected
    assert re.fullmatch(r"(\d{4} ){5}\d{4}", expected)
    assert crypto.fingerprint(key, key) != expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Cái Khế", "CaiKhe"),
        ("Thới An Đông", "ThoiAnDong"),
        ("Ô Môn", "OMon"),
        ("Long Phú 1", "LongPhu1"),
        ("", "X"),
    ],
)
def test_file_names_without_accents(name: str, expected: str) -> None:
    assert ascii_name(name) == expected


def test_file_name_shape() -> None:
    from datetime import date

    assert (
        export_file_name("31120", "Cái Khế", 7, date(2026, 10, 5), full=False)
        == "31120_CaiKhe_0007_2026-10-05.tdcs"
    )
    assert export_file_name("31120", "Cái Khế", 8, date(2026, 10, 5), full=True).endswith(
        "_DayDu.tdcs"
    )


def test_another_program_can_read_a_file_by_the_document(world: World) -> None:
    """Decrypt, unzip, verify and hash exactly as section 8 says, without desktop.sync."""
    commune = world.commune(hamlets=("Khu vực 1",))
    path = world.export(commune).path
    data = path.read_bytes()
    city_private = X25519PrivateKey.from_private_bytes(
        own_private_key(world.city, keys.CITY_ENCRYPTION)
    )
    assert data[:8] == b"TDCSSYNC" and data[8] == 1 and data[9] == 1
    header, eph, nonce = data[:86], data[42:74], data[74:86]
    city_public = city_private.public_key().public_bytes_raw()
    assert data[10:42] == hashlib.sha256(city_public).digest()
    shared = city_private.exchange(X25519PublicKey.from_public_bytes(eph))
    key = HKDF(hashes.SHA256(), 32, eph + city_public, b"TDCS sync v1 file key").derive(shared)
    bundle = AESGCM(key).decrypt(nonce, data[86:], header)
    with zipfile.ZipFile(io.BytesIO(bundle)) as archive:
        assert archive.namelist() == ["manifest.json", "manifest.sig", "payload.json"]
        manifest_bytes, signature, payload_bytes = (
            archive.read(n) for n in ("manifest.json", "manifest.sig", "payload.json")
        )
    body = json.loads(manifest_bytes)
    signer = base64.b64decode(body["signing_key"])
    Ed25519PublicKey.from_public_bytes(signer).verify(
        signature, b"TDCS sync manifest v1\n" + manifest_bytes
    )
    assert hashlib.sha256(payload_bytes).hexdigest() == body["payload"]["sha256"]
    assert body["recipient_key_id"] == data[10:42].hex()
    assert body["export"]["seq"] == 1 and body["export"]["previous_id"] is None
    tables = json.loads(payload_bytes)["tables"]
    assert [t["type"] for t in tables] == ["hamlet"]
    row = dict(zip(tables[0]["columns"], tables[0]["rows"][0], strict=True))
    assert row["name"] == "Khu vực 1" and row["active"] is True and row["commune_code"] == "31120"
    assert manifest.parse(manifest_bytes).to_json() == manifest_bytes
    commune.close()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out + err


@pytest.mark.parametrize(
    "command",
    [
        ["export"],
        ["exports"],
        ["mark-sent"],
        ["receipt"],
        ["import"],
        ["board"],
        ["keys"],
        ["keys", "show"],
        ["keys", "import-city"],
        ["keys", "init-city"],
        ["keys", "export-city"],
        ["keys", "forget-commune"],
    ],
)
def test_sync_commands_have_vietnamese_help(
    capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    code, output = run(capsys, *command, "--help")
    assert code == 0 and "Cách dùng:" in output and "--data-dir" in output


def test_the_commands_from_set_up_to_receipt(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    city, commune, usb = tmp_path / "city", tmp_path / "commune", tmp_path / "usb"
    code, out = run(capsys, "init", "--data-dir", str(city), "--mode", "city")
    assert code == 0 and "Mã nhận dạng khóa:" in out
    code, out = run(capsys, "keys", "init-city", "--data-dir", str(city))
    assert code == 0 and "Mã nhận dạng khóa thành phố:" in out
    key_file = tmp_path / "khoa"
    code, out = run(capsys, "keys", "export-city", "--data-dir", str(city), "--out", str(key_file))
    assert code == 0 and (tmp_path / "khoa.tdcskey").is_file()
    code, out = run(
        capsys,
        "init",
        "--data-dir",
        str(commune),
        "--mode",
        "commune",
        "--commune",
        "31120",
        "--hamlet",
        "Khu vực 1",
    )
    assert code == 0
    conn = sqlite3.connect(commune / "tdcs.sqlite3")
    assert conn.execute("SELECT purpose FROM own_keys").fetchall() == [("commune_signing",)]
    conn.close()
    code, out = run(capsys, "export", "--data-dir", str(commune))
    assert code == 1 and "chưa có khóa của thành phố" in out
    code, out = run(
        capsys, "keys", "import-city", "--data-dir", str(commune), str(tmp_path / "khoa.tdcskey")
    )
    assert code == 0 and "Đã nhập khóa thành phố" in out
    code, out = run(capsys, "export", "--data-dir", str(commune), "--out", str(usb))
    assert code == 0 and "Đã tạo tệp số 1" in out
    (sent,) = usb.iterdir()
    assert sent.name.startswith("31120_CaiKhe_0001_")
    code, out = run(capsys, "export", "--data-dir", str(commune))
    assert code == 1 and "Không có thay đổi nào kể từ tệp số 1" in out
    code, out = run(capsys, "mark-sent", "--data-dir", str(commune), "1")
    assert code == 0 and "Đã gửi" in out
    code, out = run(capsys, "import", "--data-dir", str(city), "--dry-run", str(sent))
    assert code == 1 and "CHỜ XÁC NHẬN KHÓA" in out and "tdcs keys confirm 31120" in out
    code, out = run(capsys, "import", "--data-dir", str(city), str(sent))
    assert code == 1 and "CHỜ XÁC NHẬN KHÓA" in out, "a first file counts for nothing yet"
    code, out = run(capsys, "board", "--data-dir", str(city))
    assert "chờ xác nhận khóa" in out
    code, out = run(capsys, "keys", "show", "--data-dir", str(commune))
    spoken = out.split(": ")[1].split("\n")[0]
    assert len(spoken) == 29
    code, out = run(capsys, "keys", "show", "--data-dir", str(city))
    assert code == 0 and spoken in out and "chờ xác nhận" in out
    code, out = run(capsys, "keys", "confirm", "--data-dir", str(city), "31120", "1234")
    assert code == 1 and "24 chữ số" in out
    code, out = run(capsys, "keys", "confirm", "--data-dir", str(city), "31217", *spoken.split())
    assert code == 1 and "Không có tệp nào của Trung Nhứt (31217)" in out
    code, out = run(capsys, "keys", "confirm", "--data-dir", str(city), "31120", *spoken.split())
    assert code == 0 and "Đã xác nhận khóa của 31120" in out
    code, out = run(capsys, "import", "--data-dir", str(city), "--dry-run", str(sent))
    assert code == 0 and "Đã kiểm tra" in out
    code, out = run(capsys, "import", "--data-dir", str(city), str(sent))
    assert code == 0 and "Đã nhập." in out and "Mới 1" in out
    receipt = city / "exports" / "BienNhan_31120_CaiKhe_0001.tdcsr"
    assert receipt.is_file()
    code, out = run(capsys, "board", "--data-dir", str(city))
    assert code == 0 and "31120  Phường Cái Khế" in out and "tệp số 1" in out
    code, out = run(capsys, "receipt", "--data-dir", str(commune), str(sent))
    assert code == 1 and "Đây là tệp đồng bộ, không phải biên nhận" in out
    code, out = run(capsys, "receipt", "--data-dir", str(commune), str(receipt))
    assert code == 0 and "Đã ghi nhận tệp số 1" in out
    code, out = run(capsys, "exports", "--data-dir", str(commune))
    assert code == 0 and "Thành phố đã nhận" in out
    code, out = run(capsys, "keys", "show", "--data-dir", str(city))
    assert code == 0 and "31120" in out
    code, out = run(capsys, "keys", "forget-commune", "--data-dir", str(city), "31120")
    assert code == 0 and "Đã bỏ khóa của 31120" in out
    code, out = run(capsys, "keys", "show", "--data-dir", str(commune))
    assert code == 0 and "Mã nhận dạng khóa của đơn vị" in out


def test_receipts_that_are_not_the_citys_are_refused(world: World, tmp_path: Path) -> None:
    commune = world.commune(hamlets=("Khu vực 1",))
    report = world.import_file(world.export(commune).path)
    assert report.import_id is not None
    with world.city.transaction() as session:
        _name, genuine = receipt_bytes(session, report.import_id)
    other = World.make(tmp_path / "other", world.template)
    body = genuine[13:-64]
    other_signature = crypto.sign(
        own_private_key(other.city, keys.CITY_SIGNING), receipts.SIGNATURE_LABEL, body
    )
    other.close()
    flipped = bytearray(genuine)
    flipped[30] ^= 1
    cases = {
        "other city": (genuine[:-64] + other_signature, receipts.M_RECEIPT_SIGNATURE),
        "flipped": (bytes(flipped), receipts.M_RECEIPT_SIGNATURE),
        "truncated": (genuine[:-1], receipts.M_NOT_RECEIPT),
        "newer": (b"TDCSRCPT\x02" + genuine[9:], receipts.M_RECEIPT_NEWER),
        "rubbish": (b"rubbish", receipts.M_NOT_RECEIPT),
    }
    with commune.transaction() as session:
        for name, (data, message) in cases.items():
            with pytest.raises(SyncRefused) as error:
                accept_receipt(session, data)
            assert error.value.message == message, name
        assert accept_receipt(session, genuine).seq == 1
    commune.close()
