"""The reports themselves; importing this package registers each of them (imported by name,
so that PyInstaller's analysis finds every report module). The import order is the order
of the list in the window and in ``tdcs report --list``, hence no sorting here."""
# isort: skip_file

from desktop.reports.builders import commune_plan
from desktop.reports.builders import city_yearly
from desktop.reports.builders import fund
from desktop.reports.builders import loan_quality
from desktop.reports.builders import unchecked_loans
from desktop.reports.builders import overdue_loans
from desktop.reports.builders import checks_due
from desktop.reports.builders import check_records
from desktop.reports.builders import organisation_grades

__all__ = [
    "check_records",
    "checks_due",
    "city_yearly",
    "commune_plan",
    "fund",
    "loan_quality",
    "organisation_grades",
    "overdue_loans",
    "unchecked_loans",
]
