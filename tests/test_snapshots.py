"""A report made while an import runs sees either all of a file or none of it (issue 17):
the city's reports, its board and its overview read one snapshot of the data however many
statements they run (``Database.snapshot``) — on SQLite and on PostgreSQL.

A change committed by another connection between two of the reader's statements (as an
import commits while a report is being made) stays unseen until the snapshot ends."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event, func, select, update
from sqlalchemy.exc import DBAPIError

from db.enums import ContributionForm, DonorType
from db.models import Commune, FundContribution
from desktop.core.dashboard.overview import read_overview
from desktop.core.database import Database
from desktop.core.demo import DemoScale, generate
from desktop.core.office import list_communes
from desktop.core.owners import ALL_COMMUNES
from desktop.core.periods import Period
from desktop.reports.registry import ReportRequest, get_report
from desktop.reports.service import make_report
from desktop.sync.board import Board, read_board
from tests.db_support import POSTGRESQL
from tests.sync_support import World

pytestmark = pytest.mark.usefixtures("engine", "english")

TODAY = date(2026, 10, 25)
SCALE = DemoScale(borrowers=6, groups=1, hamlets=1, contributions_per_year=3, years=1)


def contributions(database: Database) -> int:
    with database.reading() as session:
        return int(session.scalar(select(func.sum(FundContribution.amount))) or 0)


def double_every_contribution(database: Database) -> None:
    with database.transaction() as session:
        session.execute(update(FundContribution).values(amount=FundContribution.amount * 2))


def test_a_snapshot_does_not_see_a_change_committed_meanwhile(city_db: Database) -> None:
    with city_db.transaction() as session:
        communes = session.scalar(select(func.count()).select_from(Commune))
    with city_db.snapshot() as session:
        assert session.scalar(select(func.count()).select_from(Commune)) == communes
        with city_db.transaction() as other:
            other.execute(update(Commune).values(name=Commune.name + " *"))
            other.execute(
                Commune.__table__.delete().where(Commune.code == "31120")  # no record refers
            )
        # The other connection committed; the snapshot still reads what it read first.
        assert session.scalar(select(func.count()).select_from(Commune)) == communes
        assert not session.scalar(select(func.count()).where(Commune.name.like("% *")))
    with city_db.snapshot() as session:
        assert session.scalar(select(func.count()).select_from(Commune)) == communes - 1
    with city_db.reading() as session:
        assert session.scalar(select(func.count()).where(Commune.name.like("% *"))) == (
            communes - 1
        )


def test_a_snapshot_writes_nothing(city_db: Database, engine: str) -> None:
    """PostgreSQL refuses the write (a read-only transaction); SQLite never commits it."""
    with city_db.snapshot() as session:
        if engine == POSTGRESQL:
            with pytest.raises(DBAPIError, match="read-only"):
                session.execute(update(Commune).values(name="x"))
        else:
            session.execute(update(Commune).values(name="x"))
    with city_db.reading() as session:
        assert not session.scalar(select(func.count()).where(Commune.name == "x"))


def test_a_snapshot_leaves_the_next_transaction_as_it_was(city_db: Database, engine: str) -> None:
    """The snapshot's isolation does not stay on the pooled connection: a write after it
    works, and a plain read sees each commit."""
    for _ in range(3):
        with city_db.snapshot() as session:
            session.scalar(select(func.count()).select_from(Commune))
    with city_db.transaction() as session:
        session.execute(update(Commune).values(name=Commune.name + " *"))
    with city_db.reading() as session:
        before = session.scalar(select(func.count()).where(Commune.name.like("% *")))
        with city_db.transaction() as other:
            other.execute(update(Commune).values(name=Commune.name + "*"))
        after = session.scalar(select(func.count()).where(Commune.name.like("% **")))
    # A plain read on PostgreSQL is READ COMMITTED again (SQLite's keeps its snapshot).
    assert before and after == (before if engine == POSTGRESQL else 0)


@contextmanager
def committed_midway(database: Database, change: Callable[[Database], None]) -> Iterator[None]:
    """Run ``change`` (committed on its own connection) right after the second SELECT
    any other connection runs within the block: between a reader's statements."""
    selects = 0
    busy = False

    def after(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        nonlocal selects, busy
        if busy or not statement.lstrip().upper().startswith("SELECT"):
            return
        selects += 1
        if selects == 2:
            busy = True
            change(database)

    event.listen(database.engine, "after_cursor_execute", after)
    try:
        yield
    finally:
        event.remove(database.engine, "after_cursor_execute", after)
    assert busy, "the reader ran fewer than two statements"


@pytest.fixture
def demo_city(city_db: Database) -> Database:
    with city_db.reading() as session:
        chosen = [c for c in list_communes(session) if c.code in ("31120", "31231")]
    with city_db.transaction() as session:
        generate(session, scale=SCALE, today=TODAY, seed=5, communes=chosen)
    return city_db


def test_the_overview_reads_one_snapshot(demo_city: Database) -> None:
    def overview() -> Any:
        return read_overview(demo_city, ALL_COMMUNES, TODAY.year, today=TODAY)

    before = overview()
    with committed_midway(demo_city, double_every_contribution):
        during = overview()
    after = overview()
    assert during == before
    assert after != before


def test_a_city_report_reads_one_snapshot(demo_city: Database) -> None:
    spec = get_report("fund")
    request = ReportRequest(Period.whole_year(TODAY.year), None, TODAY)
    total = contributions(demo_city)
    before = make_report(demo_city, spec, request)
    with committed_midway(demo_city, double_every_contribution):
        during = make_report(demo_city, spec, request)
    assert contributions(demo_city) == 2 * total
    assert during == before
    assert make_report(demo_city, spec, request) != before


def test_the_board_reads_one_snapshot(demo_city: Database) -> None:
    def rename_the_communes(database: Database) -> None:
        with database.transaction() as session:
            session.execute(update(Commune).values(name=Commune.name + " *"))

    def names(board: Board) -> set[str]:
        return {status.commune.name for status in board.communes}

    before = read_board(demo_city)
    with committed_midway(demo_city, rename_the_communes):
        during = read_board(demo_city)
    assert during == before
    assert names(read_board(demo_city)) == {f"{name} *" for name in names(before)}


def test_a_report_made_while_a_file_is_imported_sees_all_of_it_or_none(world: World) -> None:
    """The issue's own words: Cái Khế's second file (three gifts) is imported between two
    statements of the city's fund report; the report is the one from before the file."""
    from desktop.core.funds.fund import ContributionInput, create_contribution
    from desktop.sync.importer import Status

    commune = world.commune("31120", hamlets=("Khu vực 1",))
    gift = ContributionInput(
        "Nguyễn Văn An", DonorType.CA_NHAN, ContributionForm.TIEN_MAT, 0, None, 2026
    )
    with commune.transaction() as session:
        create_contribution(
            session, replace(gift, amount=1_000_000, received_on=date(2026, 3, 2)), today=TODAY
        )
    assert world.import_file(world.export(commune).path).status is Status.APPLIED
    with commune.transaction() as session:
        for day in (5, 6, 7):
            create_contribution(
                session,
                replace(gift, amount=day * 1_000_000, received_on=date(2026, 4, day)),
                today=TODAY,
            )
    second = world.export(commune).path
    commune.close()
    spec = get_report("fund")
    request = ReportRequest(Period.whole_year(TODAY.year), None, TODAY)
    before = make_report(world.city, spec, request)

    def import_the_second_file(_database: Database) -> None:
        assert world.import_file(second).status is Status.APPLIED

    with committed_midway(world.city, import_the_second_file):
        during = make_report(world.city, spec, request)
    assert contributions(world.city) == 19_000_000
    assert during == before
    assert make_report(world.city, spec, request) != before
