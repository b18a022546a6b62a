"""the city's bulletins to the communes, and corrections made after a period was closed

Revision ID: 0006_bulletins
Revises: 0005_city_yearly
Create Date: 2026-12-06 04:46:19

Issue 18. Three record types the city office issues and sends down in signed bulletins —
``commune_target`` (a commune's target for a year), ``notice`` and ``closed_period`` — held
at a commune as read-only copies; one commune record type that travels up,
``late_correction`` (a change to a record dated in a closed period); and the ledgers of the
bulletin files made (``issued_bulletins``, city) and applied (``applied_bulletins``,
commune).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0006_bulletins"
down_revision: str | None = "0005_city_yearly"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "applied_bulletins",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("addressee", sa.String(length=5), nullable=True),
        sa.Column("issued_at", sa.String(length=19), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("applied_at", sa.String(length=19), nullable=False),
        sa.Column("summary_json", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_applied_bulletins")),
        sa.UniqueConstraint("file_sha256", name=op.f("uq_applied_bulletins_file_sha256")),
    )
    with op.batch_alter_table("applied_bulletins", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_applied_bulletins_seq"), ["seq"], unique=False)

    op.create_table(
        "closed_periods",
        sa.Column(
            "period_kind",
            sa.Enum(
                "quarter",
                "half",
                "year",
                name="periodkind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period_no", sa.Integer(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("commune_code", sa.String(length=5), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=19), nullable=False),
        sa.Column("updated_at", sa.String(length=19), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.String(length=19), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_closed_periods")),
    )
    with op.batch_alter_table("closed_periods", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_closed_periods_change_seq"), ["change_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_closed_periods_commune_code"), ["commune_code"], unique=False
        )

    op.create_table(
        "issued_bulletins",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("addressee", sa.String(length=5), nullable=True),
        sa.Column("issued_at", sa.String(length=19), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("counts_json", sa.Text(), nullable=False),
        sa.Column("catalogue_sha256", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_bulletins")),
    )
    with op.batch_alter_table("issued_bulletins", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_issued_bulletins_seq"), ["seq"], unique=False)

    op.create_table(
        "late_corrections",
        sa.Column("record_kind", sa.String(length=32), nullable=False),
        sa.Column("record_ref", sa.String(length=36), nullable=False),
        sa.Column(
            "action",
            sa.Enum(
                "create",
                "update",
                "delete",
                "restore",
                "import",
                name="auditaction",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("record_version", sa.Integer(), nullable=False),
        sa.Column(
            "period_kind",
            sa.Enum(
                "quarter",
                "half",
                "year",
                name="periodkind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period_no", sa.Integer(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("commune_code", sa.String(length=5), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=19), nullable=False),
        sa.Column("updated_at", sa.String(length=19), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.String(length=19), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_late_corrections")),
    )
    with op.batch_alter_table("late_corrections", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_late_corrections_change_seq"), ["change_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_late_corrections_commune_code"), ["commune_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_late_corrections_record_ref"), ["record_ref"], unique=False
        )

    op.create_table(
        "commune_targets",
        sa.Column("target_code", sa.String(length=5), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "fund_mobilisation",
                "entrusted_transfer",
                "groups_graded_good",
                "loans_checked",
                name="targetkind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("commune_code", sa.String(length=5), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=19), nullable=False),
        sa.Column("updated_at", sa.String(length=19), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.String(length=19), nullable=True),
        sa.ForeignKeyConstraint(
            ["target_code"], ["communes.code"], name=op.f("fk_commune_targets_target_code_communes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commune_targets")),
    )
    with op.batch_alter_table("commune_targets", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_commune_targets_change_seq"), ["change_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_commune_targets_commune_code"), ["commune_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_commune_targets_target_code"), ["target_code"], unique=False
        )

    op.create_table(
        "notices",
        sa.Column("addressee", sa.String(length=5), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("act_by", sa.Date(), nullable=True),
        sa.Column("acknowledged_at", sa.String(length=19), nullable=True),
        sa.Column("acknowledged_by", sa.String(length=120), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("commune_code", sa.String(length=5), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=19), nullable=False),
        sa.Column("updated_at", sa.String(length=19), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.String(length=19), nullable=True),
        sa.ForeignKeyConstraint(
            ["addressee"], ["communes.code"], name=op.f("fk_notices_addressee_communes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notices")),
    )
    with op.batch_alter_table("notices", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notices_addressee"), ["addressee"], unique=False)
        batch_op.create_index(batch_op.f("ix_notices_change_seq"), ["change_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_notices_commune_code"), ["commune_code"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("notices", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notices_commune_code"))
        batch_op.drop_index(batch_op.f("ix_notices_change_seq"))
        batch_op.drop_index(batch_op.f("ix_notices_addressee"))

    op.drop_table("notices")
    with op.batch_alter_table("commune_targets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_commune_targets_target_code"))
        batch_op.drop_index(batch_op.f("ix_commune_targets_commune_code"))
        batch_op.drop_index(batch_op.f("ix_commune_targets_change_seq"))

    op.drop_table("commune_targets")
    with op.batch_alter_table("late_corrections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_late_corrections_record_ref"))
        batch_op.drop_index(batch_op.f("ix_late_corrections_commune_code"))
        batch_op.drop_index(batch_op.f("ix_late_corrections_change_seq"))

    op.drop_table("late_corrections")
    with op.batch_alter_table("issued_bulletins", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_issued_bulletins_seq"))

    op.drop_table("issued_bulletins")
    with op.batch_alter_table("closed_periods", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_closed_periods_commune_code"))
        batch_op.drop_index(batch_op.f("ix_closed_periods_change_seq"))

    op.drop_table("closed_periods")
    with op.batch_alter_table("applied_bulletins", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_applied_bulletins_seq"))

    op.drop_table("applied_bulletins")
