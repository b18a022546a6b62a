"""what the city's yearly report needs: dissemination figures, capital by source, the
city's own assessment of the year

Revision ID: 0005_city_yearly
Revises: 0004_organisation_grades
Create Date: 2026-12-06 04:45:32

Issue 16, the Ban Thường vụ Thành ủy's yearly report (``city-yearly``):

- ``task_progress`` gains ``sessions_held`` and ``participants``: what a dissemination task
  of the plan (II.1.*) reached in the period, recorded with its progress (travels);
- ``capital_totals`` gains ``central_amount`` and ``mobilised_amount``: the branch's total
  capital split by source beside the entrusted balance (travels);
- ``yearly_reviews``, a new table of the city office's own: per year, the general
  assessment, the directions for the next year, the proposals, and how each group of
  figures is estimated for the whole year. It does not travel.

Every new column is nullable or has a default: files from a commune whose TDCS predates
this revision still import (the city fills the missing columns with nothing).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_city_yearly"
down_revision: str | None = "0004_organisation_grades"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXTS = ("strengths", "shortcomings", "causes", "lessons", "directions", "proposals")
_ESTIMATES = (
    ("dissemination_by_rule", ("sessions_estimate", "participants_estimate")),
    (
        "resources_by_rule",
        ("transferred_estimate_amount", "deposits_estimate_amount", "fund_estimate_amount"),
    ),
    (
        "lending_by_rule",
        ("disbursed_estimate_amount", "households_estimate", "repaid_estimate_amount"),
    ),
)


def upgrade() -> None:
    estimates: list[sa.Column[object]] = []
    for by_rule, values in _ESTIMATES:
        estimates.append(sa.Column(by_rule, sa.Boolean(), nullable=False))
        estimates += [sa.Column(name, sa.Integer(), nullable=True) for name in values]
    op.create_table(
        "yearly_reviews",
        sa.Column("year", sa.Integer(), nullable=False),
        *(sa.Column(name, sa.Text(), nullable=False) for name in _TEXTS),
        *estimates,
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("commune_code", sa.String(length=5), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(length=19), nullable=False),
        sa.Column("updated_at", sa.String(length=19), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
        sa.Column("deleted_at", sa.String(length=19), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_yearly_reviews")),
    )
    with op.batch_alter_table("yearly_reviews", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_yearly_reviews_change_seq"), ["change_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_yearly_reviews_commune_code"), ["commune_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_yearly_reviews_year"), ["year"], unique=False)
    # Plain ALTER TABLE … ADD COLUMN: SQLite adds a nullable column in place, without
    # copying the table (which other tables refer to).
    for table, columns in (
        ("capital_totals", ("central_amount", "mobilised_amount")),
        ("task_progress", ("sessions_held", "participants")),
    ):
        for name in columns:
            op.add_column(table, sa.Column(name, sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("task_progress", schema=None) as batch_op:
        batch_op.drop_column("participants")
        batch_op.drop_column("sessions_held")
    with op.batch_alter_table("capital_totals", schema=None) as batch_op:
        batch_op.drop_column("mobilised_amount")
        batch_op.drop_column("central_amount")
    with op.batch_alter_table("yearly_reviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_yearly_reviews_year"))
        batch_op.drop_index(batch_op.f("ix_yearly_reviews_commune_code"))
        batch_op.drop_index(batch_op.f("ix_yearly_reviews_change_seq"))
    op.drop_table("yearly_reviews")
