"""a loan's disbursed amount may be unknown

Revision ID: 0003_loan_amount_optional
Revises: 0002_loan_position_index
Create Date: 2026-12-06 09:00:00

The bank's list of loans still owing (danh sách dư nợ) has balances but often no disbursed
amount; a loan imported from it has none until someone enters it. ``loans.amount_disbursed``
loses its NOT NULL.

SQLite cannot drop a NOT NULL in place, and the usual rebuild of the table (copy, drop,
rename) fails here: the balances and checks refer to ``loans`` and foreign keys stay on
inside the migration's transaction. Dropping a NOT NULL changes nothing stored on disk, so
SQLite's documented procedure for it applies instead (https://sqlite.org/lang_altertable.html,
"removing CHECK or FOREIGN KEY or NOT NULL constraints"): rewrite the table's definition in
``sqlite_schema``, bump ``schema_version``, check integrity — in the same transaction.
"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_loan_amount_optional"
down_revision: str | None = "0002_loan_position_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMN = re.compile(r'("?amount_disbursed"?\s+INTEGER)(\s+NOT\s+NULL)?', re.IGNORECASE)


def _sqlite_set_not_null(connection: sa.Connection, not_null: bool) -> None:
    sql = connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'loans'"
    ).scalar_one()
    changed, count = _COLUMN.subn(
        lambda m: m[1] + (" NOT NULL" if not_null else ""), sql, count=1
    )
    if count != 1:
        raise RuntimeError("loans.amount_disbursed not found in the table's definition")
    version = connection.exec_driver_sql("PRAGMA schema_version").scalar_one()
    connection.exec_driver_sql("PRAGMA writable_schema = ON")
    try:
        connection.exec_driver_sql(
            "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'loans'",
            (changed,),
        )
        connection.exec_driver_sql(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        connection.exec_driver_sql("PRAGMA writable_schema = OFF")
    problems = connection.exec_driver_sql("PRAGMA integrity_check").fetchall()
    if problems != [("ok",)]:
        raise RuntimeError(f"integrity check after changing loans: {problems}")


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        _sqlite_set_not_null(connection, False)
    else:
        op.alter_column("loans", "amount_disbursed", existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    connection = op.get_bind()
    unknown = connection.exec_driver_sql(
        "SELECT count(*) FROM loans WHERE amount_disbursed IS NULL"
    ).scalar_one()
    if unknown:
        raise RuntimeError(
            f"{unknown} loans have no disbursed amount; enter it before going back to 0002"
        )
    if connection.dialect.name == "sqlite":
        _sqlite_set_not_null(connection, True)
    else:
        op.alter_column("loans", "amount_disbursed", existing_type=sa.Integer(), nullable=False)
