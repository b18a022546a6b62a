"""What the city office writes itself for the Ban Thường vụ Thành ủy's yearly report on
Directive 39 (``city-yearly``, plan III.3)."""

from __future__ import annotations

from sqlalchemy.orm import Mapped, mapped_column

from db.base import SyncedRecord


class YearlyReview(SyncedRecord):
    """The city's own parts of one year's report: the general assessment (strengths,
    shortcomings, their causes, lessons), the directions and tasks for the next year, the
    proposals to the centre; and, for a report made before the year ends, how each group of
    figures is estimated for the whole year ("ước thực hiện cả năm").

    One per year. Each group of figures (dissemination, resources, lending) is estimated
    either by the stated rule (``…_by_rule``; the report then computes it from the figures
    of its date) or by the values entered here (a blank one: no estimate for that figure).

    The city office's own record, kept with versions, audit and history through the record
    store; it never travels (it is not one of ``SYNCED_MODELS``).
    """

    __tablename__ = "yearly_reviews"
    record_type = "yearly_review"

    year: Mapped[int] = mapped_column(index=True)
    strengths: Mapped[str] = mapped_column(default="")
    shortcomings: Mapped[str] = mapped_column(default="")
    causes: Mapped[str] = mapped_column(default="")
    lessons: Mapped[str] = mapped_column(default="")
    directions: Mapped[str] = mapped_column(default="")
    proposals: Mapped[str] = mapped_column(default="")
    dissemination_by_rule: Mapped[bool] = mapped_column(default=False)
    sessions_estimate: Mapped[int | None]
    participants_estimate: Mapped[int | None]
    resources_by_rule: Mapped[bool] = mapped_column(default=False)
    transferred_estimate_amount: Mapped[int | None]
    deposits_estimate_amount: Mapped[int | None]
    fund_estimate_amount: Mapped[int | None]
    lending_by_rule: Mapped[bool] = mapped_column(default=False)
    disbursed_estimate_amount: Mapped[int | None]
    households_estimate: Mapped[int | None]
    repaid_estimate_amount: Mapped[int | None]
