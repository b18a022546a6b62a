"""The use cases (desktop/app): each is one function the window and the command line both
call, runs in transactions of its own, reports progress and stops when cancelled."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.enums import ExportState, OfficeMode
from db.models import Hamlet, OwnKey
from desktop.app.backups import back_up, restore
from desktop.app.selftest import STEPS, run_self_test, step_name
from desktop.app.setup import SetupAnswers, set_up
from desktop.app.sync import (
    ReceivedFile,
    accept_receipt_file,
    check_sync_files,
    export_changes,
    import_sync_files,
)
from desktop.core.database import Database
from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.office import OfficeInfo, add_hamlet
from desktop.core.progress import Cancelled
from desktop.sync.exporter import list_exports
from desktop.sync.importer import Status
from tests.sync_support import World, make_world

ROOT = Path(__file__).resolve().parent.parent


class CancelAt:
    """A progress that records what it is told and cancels at report number ``at``."""

    def __init__(self, at: int | None = None) -> None:
        self.at = at
        self.texts: list[str] = []

    def report(self, done: int, total: int, text: str = "") -> None:
        if self.at is not None and len(self.texts) == self.at:
            raise Cancelled()
        self.texts.append(text)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    yield from make_world(tmp_path / "world")


def count(database: Database, model: type) -> int:
    with database.reading() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_set_up_makes_the_office_and_its_keys(database: Database) -> None:
    made = set_up(database, SetupAnswers(OfficeMode.COMMUNE, "31120", hamlets=["Khu vực 1"]))
    assert made.office.unit_code == "31120" and len(made.fingerprint.replace(" ", "")) == 24
    assert count(database, Hamlet) == 1 and count(database, OwnKey) > 0


def test_what_the_front_end_adds_to_the_set_up_fails_with_it(database: Database) -> None:
    """``tdcs init --mode city --issuing-body ubnd``: the option is refused, and the data
    folder is not half set up."""

    def refuse(_session: Session, _office: OfficeInfo) -> None:
        raise UserError(QT_TRANSLATE_NOOP("SetupCommands", "refused"))

    with pytest.raises(UserError):
        set_up(database, SetupAnswers(OfficeMode.CITY), also=refuse)
    assert database.office() is None and count(database, OwnKey) == 0
    set_up(database, SetupAnswers(OfficeMode.CITY))
    assert database.office() is not None


def test_the_self_test_says_each_step_and_stops_when_cancelled(tmp_path: Path) -> None:
    progress = CancelAt(at=2)
    with pytest.raises(Cancelled):
        run_self_test(folder=tmp_path / "self-test", progress=progress)
    assert progress.texts == [step_name(step) for step in STEPS[:2]] == ["database", "catalogues"]


def test_a_restore_cancelled_before_it_starts_changes_nothing(database: Database) -> None:
    set_up(database, SetupAnswers(OfficeMode.COMMUNE, "31120"))
    backup = back_up(database.paths)
    with database.transaction() as session:
        add_hamlet(session, "Ấp mới")
    database.close()
    with pytest.raises(Cancelled):
        restore(database.paths, backup, progress=CancelAt(at=0))
    reopened = Database.open(database.paths)
    try:
        assert count(reopened, Hamlet) == 1
    finally:
        reopened.close()


def test_a_file_goes_to_the_city_and_its_receipt_comes_back(world: World, tmp_path: Path) -> None:
    commune = world.commune("31120")
    try:
        made = export_changes(commune, full=True)
        checked = check_sync_files(world.city, [made.path])
        assert [f.report.status for f in checked] == [Status.READY]
        assert checked[0].receipt is None
        seen: list[ReceivedFile] = []
        receipts = tmp_path / "receipts"
        first = import_sync_files(world.city, [made.path], receipts=receipts, each=seen.append)
        again = import_sync_files(world.city, [made.path], receipts=receipts, each=seen.append)
        assert seen == [*first, *again]
        assert [f.report.status for f in seen] == [Status.APPLIED, Status.ALREADY]
        receipt = first[0].receipt
        assert receipt is not None and receipt.parent == receipts
        acknowledged = accept_receipt_file(commune, receipt)
        assert acknowledged.seq == made.seq and not acknowledged.already
        with commune.reading() as session:
            assert list_exports(session)[0].state is ExportState.ACKNOWLEDGED
    finally:
        commune.close()


def test_a_cancelled_batch_stops_before_the_next_file(world: World) -> None:
    commune = world.commune("31120")
    try:
        first = export_changes(commune, full=True)
        second = export_changes(commune, full=True)
    finally:
        commune.close()
    with pytest.raises(Cancelled):
        import_sync_files(world.city, [first.path, second.path], progress=CancelAt(at=1))
    done = check_sync_files(world.city, [first.path, second.path])
    assert [f.report.status for f in done] == [Status.ALREADY, Status.READY]


#: What a use case composes; a front-end calls the use case instead of these.
COMPOSED = {
    "set_up_office": "desktop.app.setup.set_up",
    "ensure_office_keys": "desktop.app.setup.set_up",
    "make_backup": "desktop.app.backups.back_up",
    "restore_backup": "desktop.app.backups.restore",
    "run_import": "desktop.app.loan_lists.import_loan_list",
    "make_export": "desktop.app.sync.export_changes",
    "accept_receipt": "desktop.app.sync.accept_receipt_file",
    "import_file": "desktop.app.sync.import_sync_files",
    "STEPS": "desktop.app.selftest.run_self_test",
}


def test_the_front_ends_call_the_use_cases_instead_of_composing_them() -> None:
    found = []
    for path in sorted(
        [*(ROOT / "desktop/ui").rglob("*.py"), *(ROOT / "desktop/cli").rglob("*.py")]
    ):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.ImportFrom)
                else [node.attr]
                if isinstance(node, ast.Attribute)
                else []
            )
            found.extend(
                f"{path.relative_to(ROOT)}:{node.lineno} uses {name}: call {COMPOSED[name]}"
                for name in names
                if name in COMPOSED
            )
    assert found == []
