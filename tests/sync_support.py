"""Offices for sync tests: a city and communes in their own data folders, made quickly from
the one migrated template (``tests/db_support.py``), plus tools to craft files the way an
attacker (or a broken program) would. The city's database is SQLite or, on the PostgreSQL
test server, the city of a server (``World.make(…, engine=POSTGRESQL, server=…)``); what the
tests read of it goes through SQLAlchemy, the same on both."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import shutil
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import Date, column, inspect, select, table, text

from db.enums import OfficeMode
from db.models import SYNCED_MODELS, Hamlet
from desktop.core.backups import SERVER_DAILY_SETTING
from desktop.core.database import Database
from desktop.core.office import record_store, set_up_office
from desktop.paths import AppPaths
from desktop.sync import container, crypto, keys, manifest
from desktop.sync.exporter import ExportResult, make_export
from desktop.sync.importer import CityImporter, FileReport
from desktop.sync.manifest import SIGNATURE_LABEL
from desktop.sync.privacy import travelling_columns
from tests.db_support import POSTGRESQL, SQLITE, new_server_database
from tests.db_support import clone_database as clone_database
from tests.db_support import template_db as template_db

if TYPE_CHECKING:
    from tests.pg_server import PgServer

#: Tables whose rows a refused file may add (the import ledger records every file).
LEDGER_TABLES = frozenset({"imports"})


@dataclass
class World:
    """A city and any number of communes, each with its own database."""

    root: Path
    template: Path
    city: Database
    city_key_file: bytes

    @classmethod
    def make(
        cls, root: Path, template: Path, engine: str = SQLITE, server: PgServer | None = None
    ) -> World:
        """The city's database is a copy of ``template`` (SQLite), or a new database on the
        PostgreSQL test ``server`` (``engine``); the communes' are always SQLite."""
        if engine == POSTGRESQL:
            assert server is not None, "a city on PostgreSQL needs the test server"
            city = new_server_database(server, AppPaths(root / "city"))
        else:
            city = clone_database(template, root / "city")
        with city.transaction() as session:
            set_up_office(session, OfficeMode.CITY)
            keys.ensure_office_keys(session)
            key_file = keys.city_key_file_bytes(session)
        return cls(root, template, city, key_file)

    def commune(
        self, code: str = "31120", hamlets: tuple[str, ...] = (), *, enrol: bool = True
    ) -> Database:
        """A commune office with its keys and the city key; with ``enrol`` (the phone call
        made) the city counts its files under its key."""
        database = clone_database(self.template, self.root / f"commune-{code}")
        with database.transaction() as session:
            set_up_office(session, OfficeMode.COMMUNE, commune_code=code, hamlets=hamlets)
            keys.ensure_office_keys(session)
            keys.import_city_key(session, self.city_key_file)
            public = keys.ensure_commune_key(session).public
        if enrol:
            with self.city.transaction() as session:
                keys.enrol_commune_key(session, code, public)
        return database

    def export(self, commune: Database, *, full: bool = False) -> ExportResult:
        with commune.transaction() as session:
            return make_export(session, commune.paths.exports, full=full)

    def city_args(self) -> list[str]:
        """``--data-dir`` (and ``--database`` on a server) of the city, for ``tdcs``."""
        paths = self.city.paths
        server = ["--database", paths.database_url] if paths.database_url else []
        return ["--data-dir", str(paths.data_dir), *server]

    def city_rows(self, sql: str, **params: Any) -> list[tuple[Any, ...]]:
        """The rows of ``sql`` (``:name`` parameters) read from the city's database."""
        with self.city.engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(sql), params)]

    def import_file(self, path: Path, *, dry_run: bool = False) -> FileReport:
        with CityImporter(self.city) as importer:
            return importer.check(path) if dry_run else importer.import_file(path)

    def close(self) -> None:
        self.city.close()


def make_world(
    tmp_path: Path, engine: str = SQLITE, server: PgServer | None = None
) -> Iterator[World]:
    """For a test module's ``world`` fixture: the city on ``engine``."""
    made = World.make(tmp_path, template_db(), engine, server)
    yield made
    made.close()


def add_hamlet(database: Database, name: str) -> str:
    with database.transaction() as session:
        return record_store(session).create(
            Hamlet, {"name": name, "kind": "khu_vuc", "sort_order": 0, "active": True}
        )


#: Written by the first start of the day on a server database (any ``tdcs`` command): when,
#: where and on which PC the day's ``pg_dump`` was taken — bookkeeping of the start, not of
#: the file a test imports (on SQLite the day's copy is a file beside the database).
_DAILY_BACKUP_NOTE = SERVER_DAILY_SETTING


def content(database: Database, *, skip: frozenset[str] = LEDGER_TABLES) -> dict[str, list[Any]]:
    """Every row of every table (but ``skip``, and the note of the day's server backup), to
    compare a database before and after (rows in a stable order, values as the driver gives
    them)."""
    with database.engine.connect() as conn:
        tables = inspect(conn).get_table_names()
        return {
            t: sorted(
                (
                    tuple(row)
                    for row in conn.execute(text(f"SELECT * FROM {t}"))
                    if not (t == "settings" and row[0] == _DAILY_BACKUP_NOTE)
                ),
                key=repr,
            )
            for t in sorted(tables)
            if t not in skip
        }


def travelling_state(database: Database, commune_code: str) -> dict[str, set[tuple[Any, ...]]]:
    """This commune's records as a sync file carries them (withheld fields left out; dates
    as ISO text, booleans as 0 and 1, on either engine)."""
    from db.dialects import iso_date

    state = {}
    with database.engine.connect() as conn:
        for model in SYNCED_MODELS:
            columns = [c for c in travelling_columns(model) if c != "change_seq"]
            types = {c.key: c.type for c in inspect(model).columns}
            plain = table(model.__tablename__, *(column(c) for c in columns))
            selected = [
                iso_date(plain.c[c]) if isinstance(types[c], Date) else plain.c[c] for c in columns
            ]
            rows = conn.execute(select(*selected).where(column("commune_code") == commune_code))
            state[model.record_type] = {
                tuple(int(v) if isinstance(v, bool) else v for v in row) for row in rows
            }
    return state


def enrol_signers(city: Database, paths: Iterable[Path]) -> None:
    """Enrol, for its commune, the key that signed each file — what a person at the city
    does after the phone call (for tests and benchmarks that start from files)."""
    private = own_private_key(city, keys.CITY_ENCRYPTION)
    public = X25519PrivateKey.from_private_bytes(private).public_key().public_bytes_raw()
    with city.transaction() as session:
        for path in paths:
            sealed = container.open_file(path.read_bytes(), private, public)
            parsed = manifest.parse(container.unpack_bundle(sealed).manifest)
            keys.enrol_commune_key(session, parsed.commune_code, parsed.signing_key)


# -- crafting files ------------------------------------------------------------------------------


@dataclass
class Opened:
    """A genuine file taken apart, to be changed and put back together."""

    manifest: dict[str, Any]
    payload: dict[str, Any]
    signature: bytes


def own_private_key(database: Database, purpose: str) -> bytes:
    with database.engine.connect() as conn:
        found = conn.execute(
            text("SELECT private_key FROM own_keys WHERE purpose = :purpose"),
            {"purpose": purpose},
        ).scalar_one()
        return bytes(found)


def open_genuine(city: Database, path: Path) -> Opened:
    private = own_private_key(city, keys.CITY_ENCRYPTION)
    public_bytes = X25519PrivateKey.from_private_bytes(private).public_key().public_bytes_raw()
    bundle = container.unpack_bundle(container.open_file(path.read_bytes(), private, public_bytes))
    return Opened(json.loads(bundle.manifest), json.loads(bundle.payload), bundle.signature)


def city_public_key(world: World) -> bytes:
    return keys.read_city_key_file(world.city_key_file).encryption_public


def seal(
    world: World,
    manifest: dict[str, Any],
    payload: bytes,
    signing_private: bytes | None,
    *,
    fix_hash: bool = True,
    members: dict[str, bytes] | None = None,
    recipient: bytes | None = None,
) -> bytes:
    """Sign ``manifest`` (re-computing the payload hash unless told not to) and seal it to
    the world's city (or ``recipient``) the way a commune would."""
    manifest = json.loads(json.dumps(manifest))
    if fix_hash:
        manifest["payload"] = {"sha256": hashlib.sha256(payload).hexdigest(), "size": len(payload)}
    if signing_private is not None:
        key = Ed25519PrivateKey.from_private_bytes(signing_private)
        manifest["signing_key"] = base64.b64encode(key.public_key().public_bytes_raw()).decode()
    manifest_bytes = json.dumps(manifest, ensure_ascii=False).encode()
    signature = (
        crypto.sign(signing_private, SIGNATURE_LABEL, manifest_bytes)
        if signing_private is not None
        else b"\0" * 64
    )
    if members is None:
        archive = container.pack_bundle(container.Bundle(manifest_bytes, signature, payload))
    else:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, data in members.items():
                zf.writestr(name, data)
        archive = out.getvalue()
    return container.seal_bundle(archive, recipient or city_public_key(world))


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def copy(src: Path, dst: Path) -> Path:
    shutil.copyfile(src, dst)
    return dst
