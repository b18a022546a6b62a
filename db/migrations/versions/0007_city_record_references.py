"""on PostgreSQL, the city's synced records refer to each other without foreign keys

Revision ID: 0007_city_record_references
Revises: 0006_bulletins
Create Date: 2026-12-06 08:30:00

Issue 17. A PostgreSQL database only ever holds a city, and the city receives each commune's
records in files that arrive in any order: file 7 may bring a loan whose borrower comes in
file 6, not yet received. SQLite's importer switches foreign keys off on its own connection
(``PRAGMA foreign_keys=OFF``); PostgreSQL cannot do that without superuser rights (disabling
the triggers behind them). So, on PostgreSQL only, the foreign keys from a synced record's
column to another synced record (``desktop.sync.rules``: ``references_record``) are dropped:
the importer's own checks do their work (a reference must not point at another commune's
record; one not yet received is counted as waiting), and every reference resolves once all
files have arrived, because each commune's own database enforces them. References to the
catalogues (programmes, organisations, plan tasks) keep their foreign keys. On SQLite (every
commune, a one-PC city) nothing changes.

Downgrade puts the foreign keys back ``NOT VALID`` (rows already there are not checked).
The list is written out here, as the schema was at 0006, so that this file stands alone.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007_city_record_references"
down_revision: str | None = "0006_bulletins"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: (table, column, referred table): each foreign key between two synced record types.
RECORD_REFERENCES = (
    ("savings_groups", "hamlet_id", "hamlets"),
    ("group_assessments", "group_id", "savings_groups"),
    ("borrowers", "hamlet_id", "hamlets"),
    ("borrowers", "group_id", "savings_groups"),
    ("loans", "group_id", "savings_groups"),
    ("loans", "borrower_id", "borrowers"),
    ("loan_balances", "loan_id", "loans"),
    ("loan_checks", "loan_id", "loans"),
    ("task_progress", "office_task_id", "office_tasks"),
    ("task_documents", "progress_id", "task_progress"),
    ("fund_spendings", "hamlet_id", "hamlets"),
)


def _name(table: str, column: str, referred: str) -> str:
    return f"fk_{table}_{column}_{referred}"


def _on_postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if not _on_postgresql():
        return
    for table, column, referred in RECORD_REFERENCES:
        op.execute(
            f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {_name(table, column, referred)}"
        )


def downgrade() -> None:
    if not _on_postgresql():
        return
    for table, column, referred in RECORD_REFERENCES:
        op.execute(
            f"ALTER TABLE {table} ADD CONSTRAINT {_name(table, column, referred)} "
            f"FOREIGN KEY ({column}) REFERENCES {referred} (id) NOT VALID"
        )
