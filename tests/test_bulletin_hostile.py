"""Hostile and broken bulletins at a commune: each gets a clear Vietnamese message, a
non-zero exit from ``tdcs bulletin import``, and leaves the commune's data exactly as it was
— the same standard as the city's sync files (``tests/test_sync_hostile.py``)."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from db.enums import TargetKind
from desktop.cli import main
from desktop.core.database import Database
from desktop.core.targets import TargetInput, create_target
from desktop.sync import bulletin, crypto
from desktop.sync.receipts import receipt_bytes
from tests.bulletin_support import (
    CODE,
    apply,
    city_signing_key,
    decide,
    make,
    open_bulletin,
    public_of,
    reseal,
)
from tests.sync_support import World, content, make_world, write


@dataclass
class Scene:
    """Cái Khế applied bulletin 1; bulletin 2 (a changed target) is made, not applied; a
    bulletin to Ninh Kiều exists too."""

    world: World
    commune: Database
    first: Path
    second: Path
    other_commune: Path
    out: Path

    def craft(
        self,
        name: str,
        *,
        manifest: Callable[[dict[str, Any]], None] = lambda m: None,
        payload: Callable[[dict[str, Any]], None] | None = None,
        raw_payload: bytes | None = None,
        key: bytes | None = None,
        fix_counts: bool = True,
        fix_hash: bool = True,
    ) -> Path:
        """Bulletin 2 changed by ``manifest``/``payload`` and signed again by the city's key
        (unless told otherwise): only the change is wrong."""
        opened = open_bulletin(self.second)
        if payload is not None:
            payload(opened.payload)
        if raw_payload is not None:
            data = raw_payload
        elif payload is not None:
            data = json.dumps(opened.payload).encode()
        else:
            data = bulletin.split(self.second.read_bytes()).payload
        manifest(opened.manifest)
        signing = key or city_signing_key(self.world)
        if key is not None:
            opened.manifest["signing_key"] = public_of(key)
        sealed = reseal(opened.manifest, data, signing, fix_counts=fix_counts, fix_hash=fix_hash)
        return write(self.out / name, sealed)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    yield from make_world(tmp_path)


@pytest.fixture
def scene(world: World, tmp_path: Path) -> Iterator[Scene]:
    commune = world.commune(CODE)
    world.commune("31135").close()
    decide(world.city)
    first = make(world.city, tmp_path / "1", [CODE]).files[0].path
    assert apply(commune, first).ok
    with world.city.transaction() as session:
        create_target(session, TargetInput(CODE, 2026, TargetKind.GROUPS_GRADED_GOOD, 9))
    second = make(world.city, tmp_path / "2", [CODE]).files[0].path
    other = make(world.city, tmp_path / "3", ["31135"]).files[0].path
    out = tmp_path / "hostile"
    out.mkdir()
    yield Scene(world, commune, first, second, other, out)
    commune.close()


def run_import(
    capsys: pytest.CaptureFixture[str], commune: Database, path: Path, *extra: str
) -> tuple[int, str]:
    try:
        code = main(
            ["bulletin", "import", "--data-dir", str(commune.paths.data_dir), *extra, str(path)]
        )
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out + err


def assert_refused(
    capsys: pytest.CaptureFixture[str], scene: Scene, path: Path, fragment: str
) -> str:
    """``tdcs bulletin import`` refuses ``path`` (exit 1) saying ``fragment`` and leaves the
    commune's data exactly as it was."""
    before = content(scene.commune, skip=frozenset())
    code, output = run_import(capsys, scene.commune, path)
    assert code == 1, output
    assert "BỊ TỪ CHỐI" in output and fragment in output, output
    assert "lỗi không lường trước" not in output, output
    assert content(scene.commune, skip=frozenset()) == before, "a refused bulletin changed data"
    return output


def test_the_genuine_bulletin_applies_and_twice_says_when(
    capsys: pytest.CaptureFixture[str], scene: Scene
) -> None:
    code, output = run_import(capsys, scene.commune, scene.second, "--dry-run")
    assert code == 0 and "có thể áp dụng" in output, output
    code, output = run_import(capsys, scene.commune, scene.second)
    assert code == 0 and "Đã áp dụng." in output and "Tổ TK&VV xếp loại tốt" in output, output
    before = content(scene.commune, skip=frozenset())
    code, output = run_import(capsys, scene.commune, scene.second)
    assert code == 0 and "đã được áp dụng lúc" in output and "Không có gì thay đổi" in output
    assert content(scene.commune, skip=frozenset()) == before


def test_empty(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    assert_refused(capsys, scene, write(scene.out / "rong.tdcsb", b""), "Tệp rỗng")


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
        b"PK\x03\x04" + os.urandom(300),
        os.urandom(4096),
        "Kính gửi UBND các xã, phường".encode(),
    ],
    ids=["pdf", "zip", "random", "text"],
)
def test_not_a_bulletin(capsys: pytest.CaptureFixture[str], scene: Scene, data: bytes) -> None:
    assert_refused(
        capsys, scene, write(scene.out / "khac.tdcsb", data), "không phải thông báo của thành phố"
    )


def test_a_sync_file_and_a_receipt_are_not_bulletins(
    capsys: pytest.CaptureFixture[str], scene: Scene
) -> None:
    exported = scene.world.export(scene.commune, full=True).path
    assert_refused(capsys, scene, exported, "tệp đồng bộ")
    assert scene.world.import_file(exported).ok
    with scene.world.city.transaction() as session:
        _name, data = receipt_bytes(session, 1)
    assert_refused(capsys, scene, write(scene.out / "BienNhan.tdcsr", data), "biên nhận")


def test_too_large(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    path = scene.out / "lon.tdcsb"
    with path.open("wb") as fh:
        fh.write(bulletin.MAGIC + b"\x01")
        fh.truncate(bulletin.MAX_FILE + 1)
    assert_refused(capsys, scene, path, "quá lớn")


@pytest.mark.parametrize("keep", [3, 9, 12, 13, 40, 200, 2000, -65, -1])
def test_truncated(capsys: pytest.CaptureFixture[str], scene: Scene, keep: int) -> None:
    data = scene.second.read_bytes()
    cut = data[: keep if keep >= 0 else len(data) + keep]
    output = assert_refused(capsys, scene, write(scene.out / "cut.tdcsb", cut), "")
    assert "không đầy đủ" in output or "không phải thông báo" in output, output


def _positions(size: int) -> list[int]:
    return sorted({*range(0, 20), *(size * k // 29 for k in range(29)), size - 1})


@pytest.mark.parametrize("index", range(len(_positions(20_000))))
def test_one_flipped_byte_anywhere(
    capsys: pytest.CaptureFixture[str], scene: Scene, index: int
) -> None:
    data = bytearray(scene.second.read_bytes())
    positions = _positions(len(data))
    position = positions[min(index, len(positions) - 1)]
    data[position] ^= 0x01
    assert_refused(capsys, scene, write(scene.out / "flipped.tdcsb", bytes(data)), "")


@pytest.mark.parametrize("where", ["container", "manifest"])
def test_future_format(capsys: pytest.CaptureFixture[str], scene: Scene, where: str) -> None:
    if where == "container":
        data = bytearray(scene.second.read_bytes())
        data[len(bulletin.MAGIC)] = 2
        path = write(scene.out / "future.tdcsb", bytes(data))
    else:
        path = scene.craft(
            "future.tdcsb", manifest=lambda m: m.update(format_version=2, future_field=1)
        )
    assert_refused(capsys, scene, path, "phiên bản TDCS mới hơn")


def test_from_another_city(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    other = World.make(scene.out / "other-city", scene.world.template)
    try:
        decide(other.city)
        path = make(other.city, scene.out / "other", [CODE]).files[0].path
    finally:
        other.close()
    assert_refused(capsys, scene, path, "thành phố khác")


def test_signed_by_a_stranger(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    stranger = crypto.new_signing_key().private
    assert_refused(capsys, scene, scene.craft("la.tdcsb", key=stranger), "thành phố khác")


def test_unsigned(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    data = scene.second.read_bytes()
    unsigned = data[: -crypto.SIGNATURE_SIZE] + b"\0" * crypto.SIGNATURE_SIZE
    assert_refused(capsys, scene, write(scene.out / "unsigned.tdcsb", unsigned), "Chữ ký")


def test_manifest_changed_after_signing(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    parts = bulletin.split(scene.second.read_bytes())
    forged = parts.manifest.replace(b'"seq": 2', b'"seq": 9')
    assert forged != parts.manifest
    data = (
        bulletin.MAGIC
        + bytes([bulletin.VERSION])
        + len(forged).to_bytes(4, "big")
        + forged
        + len(parts.payload).to_bytes(4, "big")
        + parts.payload
        + parts.signature
    )
    assert_refused(capsys, scene, write(scene.out / "forged.tdcsb", data), "Chữ ký")


def test_payload_swapped_after_signing(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    parts = bulletin.split(scene.second.read_bytes())
    body = json.loads(parts.payload)
    body["targets"][0]["value"] = 1
    payload = json.dumps(body).encode()
    data = (
        bulletin.MAGIC
        + bytes([bulletin.VERSION])
        + len(parts.manifest).to_bytes(4, "big")
        + parts.manifest
        + len(payload).to_bytes(4, "big")
        + payload
        + parts.signature
    )
    assert_refused(capsys, scene, write(scene.out / "swapped.tdcsb", data), "bị can thiệp")


def test_for_another_commune(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    output = assert_refused(capsys, scene, scene.other_commune, "gửi cho Ninh Kiều (31135)")
    assert "không phải cho văn phòng này" in output


def test_addressee_changed_in_a_resigned_copy(
    capsys: pytest.CaptureFixture[str], scene: Scene
) -> None:
    """A bulletin to Cái Khế passed off as one to every commune: its targets give it away."""
    path = scene.craft("all.tdcsb", manifest=lambda m: m.update(addressee=None))
    assert_refused(capsys, scene, path, "không đúng dạng quy định (targets)")


def test_an_older_bulletin_after_a_newer(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    """Bulletins 2 and 4 arrive in the wrong order: 4 applies, 2 is refused."""
    fourth = make(scene.world.city, scene.out / "4", [CODE]).files[0].path
    assert apply(scene.commune, fourth).ok
    output = assert_refused(capsys, scene, scene.second, "thông báo số 4, mới hơn")
    assert "Đây là thông báo số 2" in output


def test_another_copy_of_a_number_applied(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    """Bulletin 1 again under another identity (a replay dressed up)."""

    def renumber(manifest: dict[str, Any]) -> None:
        manifest["bulletin"].update(id=str(uuid.uuid4()), seq=1)

    assert_refused(capsys, scene, scene.craft("replay.tdcsb", manifest=renumber), "bản khác")


def test_bulletins_skipped_lose_nothing(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    """Bulletin 4 after 1: each carries the city's whole word, so nothing is missing."""
    with scene.world.city.transaction() as session:
        create_target(session, TargetInput(CODE, 2027, TargetKind.LOANS_CHECKED, 55))
    fourth = make(scene.world.city, scene.out / "4", [CODE]).files[0].path
    code, output = run_import(capsys, scene.commune, fourth)
    assert code == 0, output
    assert "Tổ TK&VV xếp loại tốt" in output and "55 khoản vay" in output


def test_counts_that_lie(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    def lie(manifest: dict[str, Any]) -> None:
        manifest["counts"]["targets"] = 7

    path = scene.craft("lie.tdcsb", manifest=lie, fix_counts=False)
    assert_refused(capsys, scene, path, "ghi có 7 mục targets nhưng thực tế có 3")


def test_a_payload_of_empty_objects(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    raw = b'{"targets":[' + b"{}," * 300_000 + b'{}],"notices":[]}'
    path = scene.craft("bomb.tdcsb", raw_payload=raw, fix_counts=False)
    assert_refused(capsys, scene, path, "nhiều thành phần")


def _set(section: str, key: str, value: Any, index: int = 0) -> Callable[[dict[str, Any]], None]:
    def change(payload: dict[str, Any]) -> None:
        items = payload[section] if section in payload else payload["catalogue"][section]
        items[index][key] = value

    return change


@pytest.mark.parametrize(
    ("change", "detail"),
    [
        (_set("targets", "value", 10**30), "value"),
        (_set("targets", "value", -5), "value"),
        (_set("targets", "value", 12.5), "value"),
        (_set("targets", "value", "500"), "value"),
        (_set("targets", "year", 9999), "year"),
        (_set("targets", "kind", "everything"), "kind"),
        (_set("targets", "unit", "loan"), "unit"),
        (_set("targets", "version", 0), "version"),
        (_set("targets", "id", "../../etc/passwd"), "id"),
        (_set("targets", "updated_at", "9999-12-31 23:59:59"), "updated_at"),
        (_set("targets", "updated_at", "2026-02-30 10:00:00"), "updated_at"),
        (_set("notices", "act_by", "0001-01-01"), "act_by"),
        (_set("notices", "title", ""), "title"),
        (_set("notices", "title", "Thông báo\u202e khẩn"), "title"),
        (_set("notices", "text", "x" * 20_001), "text"),
        (_set("notices", "addressee", "31135"), "addressee"),
        (_set("closed_periods", "period_no", 5), "period_no"),
        (_set("closed_periods", "closed_on", "2026-13-01"), "closed_on"),
        (_set("rates", "rate_bp", 99_999), "rate_bp"),
        (_set("rates", "programme_code", "ZZ"), "programme_code"),
        (_set("programmes", "name", "A\x00B"), "name"),
        (_set("plan_tasks", "code", "II.9.zz.1"), "code"),
        (_set("plan_tasks", "parent_code", "IV.1"), "parent_code"),
        (lambda p: p.update(extra=1), "extra"),
        (lambda p: p["targets"][0].update(extra=1), "extra"),
        (lambda p: p["targets"].append(dict(p["targets"][0])), "twice"),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_absurd_values(
    capsys: pytest.CaptureFixture[str],
    scene: Scene,
    change: Callable[[dict[str, Any]], None],
    detail: str,
) -> None:
    output = assert_refused(capsys, scene, scene.craft("absurd.tdcsb", payload=change), "")
    assert "không đúng dạng quy định" in output and detail in output, output


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (lambda m: m["bulletin"].update(seq=0), "bulletin.seq"),
        (lambda m: m["bulletin"].update(seq=10**9), "bulletin.seq"),
        (lambda m: m["bulletin"].update(issued_at="2026-02-30 10:00:00"), "issued_at"),
        (lambda m: m["bulletin"].update(issued_at="9999-12-31 23:59:59"), "31/12/9999"),
        (lambda m: m["bulletin"].update(issued_at="2023-12-31 23:59:59"), "31/12/2023"),
        (lambda m: m["city"].update(code="94"), "city.code"),
        (lambda m: m["counts"].update(targets=-1), "counts.targets"),
        (lambda m: m["payload"].update(size=2**40), "payload.size"),
        (lambda m: m.pop("addressee"), "addressee"),
        (lambda m: m.update(format="tdcs-sync"), "format"),
    ],
)
def test_absurd_manifests(
    capsys: pytest.CaptureFixture[str],
    scene: Scene,
    change: Callable[[dict[str, Any]], None],
    fragment: str,
) -> None:
    path = scene.craft("manifest.tdcsb", manifest=change, fix_counts=False, fix_hash=False)
    assert_refused(capsys, scene, path, fragment)


def test_duplicate_keys_are_refused(capsys: pytest.CaptureFixture[str], scene: Scene) -> None:
    opened = open_bulletin(scene.second)
    raw = json.dumps(opened.payload).replace('"notices":', '"notices": [], "notices":', 1)
    path = scene.craft("twice.tdcsb", raw_payload=raw.encode(), fix_counts=False)
    assert_refused(capsys, scene, path, "payload JSON")


def test_a_refused_bulletin_leaves_later_ones_applicable(
    capsys: pytest.CaptureFixture[str], scene: Scene
) -> None:
    bad = write(scene.out / "bad.tdcsb", scene.second.read_bytes()[:-1])
    assert_refused(capsys, scene, bad, "")
    assert apply(scene.commune, scene.second).ok
    with scene.commune.reading() as session:
        from desktop.core.targets import list_targets

        assert {t.kind for t in list_targets(session)} >= {TargetKind.GROUPS_GRADED_GOOD}
    assert date.today()  # the commune's clock plays no part in accepting it
