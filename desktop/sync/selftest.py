"""The sync layer's part of the self-test: a commune writes a sync file, a city reads it
back, and the city's receipt marks it acknowledged, all through the real services and real
files."""

from __future__ import annotations

from sqlalchemy.orm import Session

from db.enums import ExportState, OfficeMode
from desktop.core.database import Database
from desktop.core.office import require_office, set_up_office
from desktop.core.selftest import SelfTestFailure, expect
from desktop.paths import AppPaths
from desktop.sync import keys
from desktop.sync.exporter import list_exports, make_export
from desktop.sync.importer import CityImporter, Status
from desktop.sync.receipts import accept_receipt, receipt_bytes


def session_code_and_key(session: Session) -> tuple[str, bytes]:
    """This commune's code and public signing key (what the city enrols after the call)."""
    return require_office(session).unit_code, keys.ensure_commune_key(session).public


def step_sync(commune: Database) -> str:
    """Export from ``commune`` (set up, with records) to a throwaway city beside it."""
    city = Database.open(AppPaths(commune.paths.data_dir / "city-self-test"))
    try:
        with city.transaction() as session:
            set_up_office(session, OfficeMode.CITY)
            key_file = keys.city_key_file_bytes(session)
        with commune.transaction() as session:
            keys.import_city_key(session, key_file)
            result = make_export(session, commune.paths.exports, full=True)
            code, signing = session_code_and_key(session)
        with city.transaction() as session:
            keys.enrol_commune_key(session, code, signing)
        with CityImporter(city) as importer:
            report = importer.import_file(result.path)
        if report.status is not Status.APPLIED or report.import_id is None:
            raise SelfTestFailure(f"sync file not imported: {report.message}")
        summary = report.summary
        expect(
            summary is not None and summary.total("new") == result.total,
            "the city did not get every record of the file",
        )
        with city.transaction() as session:
            _name, receipt = receipt_bytes(session, report.import_id)
        with commune.transaction() as session:
            accept_receipt(session, receipt)
            expect(
                list_exports(session)[0].state is ExportState.ACKNOWLEDGED,
                "the receipt did not acknowledge the file",
            )
    finally:
        city.close()
    return f"{result.path.name}: {result.total} records written, read back and acknowledged"
