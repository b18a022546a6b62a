"""the yearly grade of each entrusted organisation's work at the commune

Revision ID: 0004_organisation_grades
Revises: 0003_loan_amount_optional
Create Date: 2026-12-06 03:08:56

A new travelling record type, ``organisation_grade`` (issue 16): each year's grade (tốt,
khá, trung bình, yếu) of the work Hội Nông dân, Hội LHPN, Hội CCB and Đoàn TN do for the
bank at the commune. One grade per organisation and year is a rule of the service, not a
unique index: a deleted grade stays as a tombstone beside the one that replaced it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0004_organisation_grades"
down_revision: str | None = "0003_loan_amount_optional"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "organisation_grades",
        sa.Column("organisation_code", sa.String(length=8), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column(
            "grade",
            sa.Enum(
                "tot",
                "kha",
                "trung_binh",
                "yeu",
                name="groupgrade",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("commune_code", sa.String(length=5), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=19), nullable=False),
        sa.Column("updated_at", sa.String(length=19), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.String(length=19), nullable=True),
        sa.ForeignKeyConstraint(
            ["organisation_code"],
            ["organisations.code"],
            name=op.f("fk_organisation_grades_organisation_code_organisations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation_grades")),
    )
    with op.batch_alter_table("organisation_grades", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_organisation_grades_change_seq"), ["change_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_organisation_grades_commune_code"), ["commune_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_organisation_grades_organisation_code"),
            ["organisation_code"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("organisation_grades", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisation_grades_organisation_code"))
        batch_op.drop_index(batch_op.f("ix_organisation_grades_commune_code"))
        batch_op.drop_index(batch_op.f("ix_organisation_grades_change_seq"))

    op.drop_table("organisation_grades")
