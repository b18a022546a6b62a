"""Running an import: each row of the plan skipped, rejected or decided (:mod:`.parse`,
:mod:`.rules`), what the accepted rows decided written at the end (:mod:`.write`), and the
list's totals and the loans it leaves out set beside them (:mod:`.totals`), all in one
savepoint that a preview rolls back."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg, tr
from desktop.core.loans.excel_import import rules
from desktop.core.loans.excel_import.fields import ImportField
from desktop.core.loans.excel_import.known import Known, LoanState, load_known
from desktop.core.loans.excel_import.mappings import save_mapping
from desktop.core.loans.excel_import.parse import (
    M_TOTAL_ROW,
    ParsedRow,
    RowRejected,
    Sheet,
    is_grand_total,
    listed_ids,
    parse_row,
    skip_reason,
)
from desktop.core.loans.excel_import.plan import ImportPlan, check_plan
from desktop.core.loans.excel_import.results import ImportResult, RowOutcome, RowResult
from desktop.core.loans.excel_import.totals import (
    Named,
    absent_loans,
    balances_day,
    listed,
    taken,
)
from desktop.core.loans.excel_import.write import (
    BALANCE,
    BORROWER,
    LOAN,
    settle,
    write_decisions,
)
from desktop.core.office import require_office
from desktop.core.progress import NO_PROGRESS, Progress
from desktop.core.records import RecordStore
from desktop.core.settings import actor_name

M_CITY = QT_TRANSLATE_NOOP(
    "ExcelImport",
    "Bank lists are imported by the commune or ward that supervises the loans; the city "
    "receives them in the communes' sync files.",
)
M_CHANGED = QT_TRANSLATE_NOOP("ExcelImport", "Changed: {fields}.")
M_PREPARING = QT_TRANSLATE_NOOP("ExcelImport", "Checking the rows…")
M_WRITING = QT_TRANSLATE_NOOP("ExcelImport", "Saving…")
CHANGE_WORDS: dict[str, Msg] = {
    BORROWER: QT_TRANSLATE_NOOP("ExcelImport", "borrower"),
    LOAN: QT_TRANSLATE_NOOP("ExcelImport", "loan"),
    BALANCE: QT_TRANSLATE_NOOP("ExcelImport", "balance"),
}
#: Progress is reported every so many rows.
_PROGRESS_STEP = 500


@dataclass
class _Memory:
    """What the rows read so far said: the totals rows, the loans they named, and what
    the accepted ones introduce (groups) or say of their borrowers."""

    total_rows: list[tuple[Any, ...]] = field(default_factory=list)
    grand_total: tuple[Any, ...] | None = None
    named: Named = field(default_factory=Named)
    seen: rules.Seen = field(default_factory=lambda: rules.Seen({}, {}))
    new_groups: dict[str, dict[str, Any]] = field(default_factory=dict)
    borrower_changes: dict[str, dict[str, Any]] = field(default_factory=dict)
    accepted: list[rules.Decision] = field(default_factory=list)
    results: dict[int, RowResult] = field(default_factory=dict)


def _row_result(decision: rules.Decision, changes: list[str]) -> RowResult:
    """A written row's outcome: created, updated (saying what changed) or unchanged."""
    p = decision.row
    outcome, reason = RowOutcome.UNCHANGED, ""
    if decision.loan.id is None:
        outcome = RowOutcome.CREATED
    elif changes:
        words = ", ".join(tr(CHANGE_WORDS[word]) for word in dict.fromkeys(changes))
        outcome, reason = RowOutcome.UPDATED, tr(M_CHANGED, fields=words)
    warning = " ".join(decision.warnings)
    return RowResult(p.row, outcome, reason, p.contract_no, p.full_name, warning)


class _Import:
    """One run over a plan's rows, in the caller's savepoint."""

    def __init__(
        self,
        session: Session,
        store: RecordStore,
        plan: ImportPlan,
        today: date,
        progress: Progress,
    ) -> None:
        self.session = session
        self.store = store
        self.plan = plan
        self.sheet = Sheet.of(plan)
        self.today = today
        self.progress = progress
        self.known: Known = load_known(session, store.owner_code)
        self.memory = _Memory()

    # -- one row -----------------------------------------------------------------------------
    def _decide(self, p: ParsedRow) -> rules.Decision:
        """The rules in order; a recorded loan the row names counts as named by the list
        even when a later rule rejects the row."""
        known = self.known
        choices = rules.catalogue_choices(p, known)
        rules.require_identity(p)
        loan_key = rules.find_loan(p, known, choices.programme)
        existing = known.loans.get(loan_key) if loan_key else None
        if existing is not None and existing.id is not None:
            self.memory.named.loan_ids.add(existing.id)
        p, programme = rules.completed(p, choices.programme, existing, self.sheet)
        p = rules.checked(p, programme, self.today)
        self.memory.seen.note(p, programme)
        p, warnings = rules.from_citizen_id(p)
        amount = rules.known_amount(p, existing)
        balance = rules.balance_for(p, amount, self.sheet, self.today)
        borrower = rules.borrower_for(p, existing, choices.hamlet_id, known)
        group = rules.group_for(
            p, choices.hamlet_id, choices.organisation, known, self.memory.new_groups
        )
        warnings += rules.organisation_warnings(
            p, choices.organisation, group.organisation, known.organisation_names
        )
        values = rules.loan_values(
            p,
            existing,
            programme=programme,
            organisation=rules.organisation_for(choices.organisation, group.organisation, existing),
            group_id=group.key,
            rate=rules.rate_for(p, programme, existing, known.rates),
        )
        return rules.Decision(
            row=p,
            loan_key=loan_key or f"new:{p.row}",
            loan=LoanState(existing.id if existing else None, values, borrower.key),
            balance=balance,
            borrower=borrower,
            borrower_changes=rules.borrower_changes(p, choices.hamlet_id, group.key),
            group=group,
            warnings=tuple(warnings),
        )

    def _accept(self, decision: rules.Decision) -> None:
        """Keep what an accepted row introduces, so that later rows find it."""
        p, memory = decision.row, self.memory
        if decision.borrower.new is not None:
            self.known.add_borrower(decision.borrower.key, decision.borrower.new)
        if decision.group.new is not None and decision.group.key is not None:
            memory.new_groups[decision.group.key] = dict(decision.group.new)
        programme = decision.loan.values["programme_code"]
        identity = None
        if p.citizen_id and p.disbursed_on is not None:
            identity = (p.citizen_id, programme, p.disbursed_on)
        self.known.add_loan(decision.loan_key, p.contract_no, identity)
        changes = memory.borrower_changes.setdefault(decision.borrower.key, {})
        changes.update(decision.borrower_changes)
        memory.accepted.append(decision)

    def _skip(self, number: int, cells: tuple[Any, ...], reason: Msg) -> None:
        memory = self.memory
        if reason is M_TOTAL_ROW:
            memory.total_rows.append(cells)
            if is_grand_total(cells):
                memory.grand_total = cells
        memory.results[number] = RowResult(number, RowOutcome.SKIPPED, tr(reason))

    def _row(self, number: int, cells: tuple[Any, ...]) -> None:
        memory = self.memory
        skip = skip_reason(cells, self.sheet, below_totals=memory.grand_total is not None)
        if skip is not None:
            self._skip(number, cells, skip)
            return
        contract, cid = listed_ids(cells, self.sheet)
        memory.named.note(contract, cid)
        try:
            decision = self._decide(parse_row(number, cells, self.sheet))
        except RowRejected as rejected:
            name = self.sheet.text(cells, ImportField.FULL_NAME)
            memory.results[number] = RowResult(
                number, RowOutcome.REJECTED, rejected.reason, contract, name
            )
            return
        self._accept(decision)

    # -- the whole list ----------------------------------------------------------------------
    def run(self, settle_absent: bool) -> ImportResult:
        rows = self.plan.table.rows
        total = len(rows) * 2
        for done, (number, cells) in enumerate(rows):
            if done % _PROGRESS_STEP == 0:
                self.progress.report(done, total, tr(M_PREPARING))
            self._row(number, cells)
        self.progress.report(len(rows), total, tr(M_WRITING))
        result = self._finish(settle_absent)
        self.progress.report(total, total, tr(M_WRITING))
        return result

    def _finish(self, settle_absent: bool) -> ImportResult:
        memory = self.memory
        balances = [d.balance for d in memory.accepted if d.balance is not None]
        day = balances_day(balances)
        absent = absent_loans(self.session, self.store.owner_code, day, self.known, memory.named)
        written = write_decisions(
            self.session,
            self.store,
            self.known,
            memory.accepted,
            memory.new_groups,
            memory.borrower_changes,
        )
        for decision in memory.accepted:
            row = decision.row.row
            memory.results[row] = _row_result(decision, written.changes.get(row, []))
        if settle_absent and absent:
            assert day is not None  # absent loans are looked for on the balances' date
            file = self.plan.table.path.name
            written.balances_written += settle(self.session, self.store, absent, day, file)
        return ImportResult(
            sheet=self.plan.table.sheet,
            as_of=day or self.plan.as_of,
            dry_run=False,
            rows=tuple(memory.results[n] for n in sorted(memory.results)),
            taken=taken(balances),
            listed=listed(memory.total_rows, memory.grand_total, self.sheet),
            absent=tuple(absent),
            settled=settle_absent and bool(absent),
            **written.counts(),
        )


def run_import(
    session: Session,
    plan: ImportPlan,
    *,
    dry_run: bool = False,
    save_as: str | None = None,
    settle_absent: bool = False,
    progress: Progress = NO_PROGRESS,
    today: date | None = None,
) -> ImportResult:
    """Import the plan's rows for this commune; with ``dry_run`` nothing is kept (the
    preview). ``save_as`` remembers the mapping under that name after a real import.
    ``settle_absent`` records the loans a list of balances leaves out as paid off on its
    date (the clerk's answer to the preview's question)."""
    office = require_office(session)
    if office.is_city:
        raise UserError(M_CITY)
    check_plan(plan)
    store = RecordStore(session, owner_code=office.unit_code, actor=actor_name(session))
    savepoint = session.begin_nested()
    try:
        result = _Import(session, store, plan, today or date.today(), progress).run(settle_absent)
    except BaseException:
        savepoint.rollback()
        raise
    if dry_run:
        savepoint.rollback()
        return replace(result, dry_run=True)
    savepoint.commit()
    if save_as:
        save_mapping(session, save_as, plan.table, plan.columns, plan.unit)
    return result
