"""All tables of TDCS. Importing this package registers every model on ``Base.metadata``."""

from db.base import Base, SyncedRecord
from db.models.audit import AuditEntry
from db.models.bulletins import (
    AppliedBulletin,
    ClosedPeriod,
    CommuneTarget,
    IssuedBulletin,
    LateCorrection,
    Notice,
)
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
    LateCorrection,
)

MODELS_BY_RECORD_TYPE: dict[str, type[SyncedRecord]] = {m.record_type: m for m in SYNCED_MODELS}

#: Records the city office issues (owner ``92``) and sends down in its bulletins; a commune
#: holds read-only copies of those addressed to it. They never travel up.
CITY_ISSUED_MODELS: tuple[type[SyncedRecord], ...] = (CommuneTarget, Notice, ClosedPeriod)

__all__ = [
    "CITY_ISSUED_MODELS",
    "MODELS_BY_RECORD_TYPE",
    "SYNCED_MODELS",
    "AppliedBulletin",
    "AuditEntry",
    "Base",
    "Borrower",
    "CapitalTotal",
    "ClosedPeriod",
    "Commune",
    "CommuneTarget",
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
    "IssuedBulletin",
    "LateCorrection",
    "Loan",
    "LoanBalance",
    "LoanCheck",
    "Notice",
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
