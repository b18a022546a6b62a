"""Files a person hands to TDCS: a city key whose key cannot be used is refused on import,
and a named pipe given as a backup, a key file or a receipt is refused at once instead of
waiting for ever."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from db.enums import OfficeMode
from desktop.cli import main
from desktop.core.office import set_up_office
from desktop.sync import crypto, keys
from desktop.sync.errors import SyncRefused
from desktop.sync.key_checks import usable_encryption_key, usable_signing_key
from desktop.ui.context import AppContext
from desktop.ui.sync.commune_page import CommuneSyncPage
from tests.clerk import answering, click, ok, open_file
from tests.sync_support import clone_database, template_db

ROOT = Path(__file__).resolve().parent.parent
posix_only = pytest.mark.skipif(os.name != "posix", reason="named pipes are POSIX files")

#: Points of small order: X25519 u = 0, 1 and p − 1; Ed25519 the encodings of zero, the
#: neutral point, −1 and a point of order 8.
LOW_X25519 = [bytes(32), b"\x01" + bytes(31), bytes.fromhex("ec" + "ff" * 30 + "7f")]
SMALL_ED25519 = [
    bytes(32),
    b"\x01" + bytes(31),
    bytes.fromhex("ec" + "ff" * 30 + "7f"),
    bytes.fromhex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
]


def _raw(key: X25519PrivateKey | Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_file(encryption: bytes, signing: bytes) -> bytes:
    """A city key file, consistent with itself (its fingerprint matches its keys)."""
    body = {
        "format": keys.KEY_FILE_FORMAT,
        "format_version": keys.KEY_FILE_VERSION,
        "unit_code": "92",
        "unit_name": "Thành phố Cần Thơ",
        "encryption_key": base64.b64encode(encryption).decode(),
        "signing_key": base64.b64encode(signing).decode(),
        "fingerprint": crypto.fingerprint(encryption, signing),
    }
    return json.dumps(body).encode()


def test_genuine_keys_are_usable() -> None:
    for _ in range(20):
        assert usable_encryption_key(_raw(X25519PrivateKey.generate()))
        assert usable_signing_key(_raw(Ed25519PrivateKey.generate()))
    good = key_file(_raw(X25519PrivateKey.generate()), _raw(Ed25519PrivateKey.generate()))
    assert keys.read_city_key_file(good).fingerprint


@pytest.mark.parametrize("bad", LOW_X25519, ids=["zeros", "one", "p-1"])
def test_an_encryption_key_of_low_order_is_refused(bad: bytes, vi_app: QApplication) -> None:
    with pytest.raises(ValueError):
        usable_encryption_key(bad)
    with pytest.raises(SyncRefused) as caught:
        keys.read_city_key_file(key_file(bad, _raw(Ed25519PrivateKey.generate())))
    assert "không dùng được" in caught.value.text()


@pytest.mark.parametrize("bad", SMALL_ED25519, ids=["zeros", "neutral", "minus-one", "order-8"])
def test_a_signing_key_of_small_order_is_refused(bad: bytes) -> None:
    with pytest.raises(ValueError):
        usable_signing_key(bad)
    with pytest.raises(SyncRefused):
        keys.read_city_key_file(key_file(_raw(X25519PrivateKey.generate()), bad))


def test_a_signing_key_off_the_curve_is_refused() -> None:
    off = next(
        candidate for n in range(2, 200) if not _decodes(candidate := n.to_bytes(32, "little"))
    )
    with pytest.raises(ValueError):
        usable_signing_key(off)


def _decodes(raw: bytes) -> bool:
    try:
        usable_signing_key(raw)
    except ValueError as error:
        return "small order" in str(error)
    return True


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    return code, capsys.readouterr().err


def test_the_command_line_refuses_a_zero_key_and_export_stays_clear(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = str(tmp_path / "cai-khe")
    assert (
        _run(capsys, "init", "--data-dir", data, "--mode", "commune", "--commune", "31120")[0] == 0
    )
    zero = tmp_path / "khoa-thanh-pho.tdcskey"
    zero.write_bytes(key_file(bytes(32), _raw(Ed25519PrivateKey.generate())))
    code, err = _run(capsys, "keys", "import-city", "--data-dir", data, str(zero))
    assert code == 1 and "không dùng được" in err
    code, err = _run(capsys, "export", "--data-dir", data)
    assert code == 1, err
    assert "Lỗi không mong đợi" not in err


def _fifo(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    os.mkfifo(path)
    return path


@posix_only
@pytest.mark.parametrize(
    ("command", "name"),
    [
        (["restore"], "sao-luu.sqlite3"),
        (["keys", "import-city"], "khoa.tdcskey"),
        (["receipt"], "BienNhan_31120_CaiKhe_0001.tdcsr"),
    ],
)
def test_a_named_pipe_is_refused_at_once(tmp_path: Path, command: list[str], name: str) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "TDCS_DATA_DIR": str(data), "PYTHONPATH": str(ROOT)}
    tdcs = [sys.executable, "-m", "desktop"]
    subprocess.run(
        [*tdcs, "init", "--mode", "commune", "--commune", "31120"],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    fifo = _fifo(tmp_path, name)
    done = subprocess.run(
        [*tdcs, *command, str(fifo)], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1, done.stderr
    assert "không phải là một tệp thông thường" in done.stderr


@posix_only
def test_the_window_refuses_a_named_pipe_as_the_city_key(
    qtbot: QtBot, vi_app: QApplication, tmp_path: Path
) -> None:
    commune = clone_database(template_db(), tmp_path / "commune")
    try:
        with commune.transaction() as session:
            set_up_office(session, OfficeMode.COMMUNE, commune_code="31120")
        office = commune.office()
        assert office is not None
        page = CommuneSyncPage(AppContext(commune, office))
        qtbot.addWidget(page)
        page.show()
        fifo = _fifo(tmp_path, "khoa.tdcskey")
        with answering(qtbot, open_file(fifo), ok("không phải là một tệp thông thường")):
            click(page.city_key_button)
        with answering(qtbot, open_file(fifo), ok("không phải là một tệp thông thường")):
            click(page.receipt_button)
    finally:
        commune.close()
