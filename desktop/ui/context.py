"""What every page needs: the open database, this office, the notification of changed data,
and the app-level actions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.core.database import Database
from desktop.core.office import OfficeInfo
from desktop.paths import AppPaths
from desktop.ui.data_changes import DataChanges


@dataclass
class AppContext:
    database: Database
    office: OfficeInfo
    #: Switches the interface language and rebuilds the window (set by the application).
    change_language: Callable[[str], None] = field(default=lambda _lang: None)
    #: Opens the database again and rebuilds the window at the given page, after its file
    #: was replaced by a restore (set by the application).
    restart: Callable[[str], None] = field(default=lambda _page: None)
    #: Re-reads the office profile after Cài đặt changed it (set by the main window).
    office_changed: Callable[[], None] = field(default=lambda: None)
    #: Committed changes to the data, on the GUI thread: pages watch it to stay current.
    changes: DataChanges = field(init=False)

    def __post_init__(self) -> None:
        self.changes = DataChanges(self.database)

    @property
    def paths(self) -> AppPaths:
        return self.database.paths
