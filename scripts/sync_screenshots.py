"""Screenshots of the Đồng bộ page at a commune and at the city, to look at what users see.

    python scripts/sync_screenshots.py OUT_DIR

Builds, in a temporary folder, a city and three communes with demonstration data; the
communes make files (one is lost, one conflicts), the city imports them; then grabs the
commune page and each tab of the city page.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from db.enums import OfficeMode
from db.models import Hamlet
from desktop.core import demo
from desktop.core.database import Database
from desktop.core.office import record_store, set_up_office
from desktop.paths import AppPaths
from desktop.sync import keys
from desktop.sync.exporter import make_export, mark_sent
from desktop.sync.importer import CityImporter
from desktop.sync.receipts import accept_receipt, receipt_bytes
from desktop.ui.context import AppContext
from desktop.ui.fonts import register_fonts
from desktop.ui.main_window import MainWindow
from desktop.ui.sync.city_page import CitySyncPage
from desktop.ui.translations import install_language


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def grab(widget: QWidget, path: Path) -> None:
    settle()
    widget.grab().save(str(path))
    print(path)


def office(root: Path, mode: OfficeMode, code: str | None = None) -> Database:
    database = Database.open(AppPaths(root))
    with database.transaction() as session:
        set_up_office(session, mode, commune_code=code)
        keys.ensure_office_keys(session)
    return database


def export(database: Database, full: bool = False) -> Path:
    with database.transaction() as session:
        return make_export(session, database.paths.exports, full=full).path


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    register_fonts(app)  # type: ignore[arg-type]
    install_language(os.environ.get("TDCS_LANG", "vi"))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        city = office(root / "city", OfficeMode.CITY)
        with city.transaction() as session:
            key_file = keys.city_key_file_bytes(session)
        communes = {}
        for seed, code in enumerate(("31120", "31135", "31217")):
            commune = office(root / code, OfficeMode.COMMUNE, code)
            with commune.transaction() as session:
                keys.import_city_key(session, key_file)
                demo.generate(session, scale="small", seed=seed)
                public = keys.ensure_commune_key(session).public
            with city.transaction() as session:  # the phone call that confirms the key
                keys.enrol_commune_key(session, code, public)
            communes[code] = commune
        cai_khe = communes["31120"]
        files = {code: [export(db)] for code, db in communes.items()}
        with cai_khe.reading() as session:
            hamlets = [h.id for h in session.query(Hamlet).limit(3)]
        for n, hamlet in enumerate(hamlets):
            with cai_khe.transaction() as session:
                store = record_store(session)
                version = store.get(Hamlet, hamlet).version
                store.update(
                    Hamlet, hamlet, {"name": f"Khu vực {n + 1} mới"}, expected_version=version
                )
            files["31120"].append(export(cai_khe))
        conn = sqlite3.connect(communes["31217"].paths.database)
        with conn:
            conn.execute("UPDATE hamlets SET name = name || ' (sửa)' WHERE rowid = 1")
        conn.close()
        files["31217"].append(export(communes["31217"], full=True))
        with cai_khe.transaction() as session:
            mark_sent(session, 1)
            mark_sent(session, 2)
        with CityImporter(city) as importer:
            for code, paths in files.items():
                for path in paths:
                    if code == "31120" and path == files["31120"][2]:
                        continue  # lost in the post: the board shows the gap
                    report = importer.import_file(path)
                    if code == "31120" and path == files["31120"][0] and report.import_id:
                        with city.transaction() as session:
                            _name, receipt = receipt_bytes(session, report.import_id)
                        with cai_khe.transaction() as session:
                            accept_receipt(session, receipt)

        commune_office = cai_khe.office()
        assert commune_office is not None
        window = MainWindow(AppContext(cai_khe, commune_office))
        window.show()
        window.open_page("sync")
        grab(window, out / "sync-commune.png")
        window.close()

        city_office = city.office()
        assert city_office is not None
        window = MainWindow(AppContext(city, city_office))
        window.show()
        page = window.open_page("sync")
        assert isinstance(page, CitySyncPage)
        extra = root / "incoming"
        extra.mkdir()
        page.import_tab.add_files([files["31120"][2], files["31135"][0], _broken(extra)])
        settle(1500)
        grab(window, out / "sync-city-receive.png")
        for index, name in enumerate(("board", "conflicts", "records", "ledger"), start=1):
            page.tabs.setCurrentIndex(index)
            settle(800)
            grab(window, out / f"sync-city-{name}.png")
        window.close()
        for database in (city, *communes.values()):
            database.close()
    QCoreApplication.processEvents()


def _broken(folder: Path) -> Path:
    path = folder / "31150_AnBinh_0003_2026-10-05.tdcs"
    path.write_bytes(b"TDCSSYNC\x01\x01" + b"\x00" * 40)
    return path


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
