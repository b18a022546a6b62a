"""All tables of TDCS. Importing this package registers every model on ``Base.metadata``."""

from db.base import Base, SyncedRecord
from db.models.audit import AuditEntry
from db.models.catalogue import Commune, CreditProgramme, Organisation, PlanTask, ProgrammeRate
from db.models.funds import (
    CapitalTotal,
    Deposit,
    EntrustedTransfer,
    FundContribution,
    FundOpeningBalance,
    FundSpending,
)
from db.models.loans import (
    Borrower,
    GroupAssessment,
    Loan,
    LoanBalance,
    LoanCheck,
    OrganisationGrade,
    SavingsGroup,
)
from db.models.office import Counter, Hamlet, OfficeProfile, Setting
from db.models.reviews import YearlyReview
from db.models.sync import (
    ExportRecord,
    ImportRecord,
    OwnKey,
    RecordHistory,
    SyncConflict,
    TrustedKey,
)
from db.models.tasks import OfficeTask, TaskDocument, TaskProgress

#: Every travelling record type, parents before children (the order sync applies them in).
SYNCED_MODELS: tuple[type[SyncedRecord], ...] = (
    Hamlet,
    SavingsGroup,
    GroupAssessment,
    Borrower,
    Loan,
    LoanBalance,
    LoanCheck,
    OrganisationGrade,
    OfficeTask,
    TaskProgress,
    TaskDocument,
    FundContribution,
    FundSpending,
    FundOpeningBalance,
    Deposit,
    EntrustedTransfer,
    CapitalTotal,
)

MODELS_BY_RECORD_TYPE: dict[str, type[SyncedRecord]] = {m.record_type: m for m in SYNCED_MODELS}

__all__ = [
    "MODELS_BY_RECORD_TYPE",
    "SYNCED_MODELS",
    "AuditEntry",
    "Base",
    "Borrower",
    "CapitalTotal",
    "Commune",
    "Counter",
    "CreditProgramme",
    "Deposit",
    "EntrustedTransfer",
    "ExportRecord",
    "FundContribution",
    "FundOpeningBalance",
    "FundSpending",
    "GroupAssessment",
    "Hamlet",
    "ImportRecord",
    "Loan",
    "LoanBalance",
    "LoanCheck",
    "OfficeProfile",
    "OfficeTask",
    "Organisation",
    "OrganisationGrade",
    "OwnKey",
    "PlanTask",
    "ProgrammeRate",
    "RecordHistory",
    "SavingsGroup",
    "Setting",
    "SyncConflict",
    "SyncedRecord",
    "TaskDocument",
    "TaskProgress",
    "TrustedKey",
    "YearlyReview",
]
