"""One running TDCS per user and database: a second start brings the first window forward.

The lock is a named local socket keyed by the user and the database: the data folder's own
file, or the server database (its URL without password, in one spelling:
:func:`db.engine.server_identity`). Two windows of one person on the city's server database,
from two data folders even, are one; a commune's file and the server database (or a test
copy) can be open side by side.
"""

from __future__ import annotations

import getpass
import hashlib

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from db.engine import server_identity
from desktop.paths import AppPaths

ACTIVATE = b"activate"


def database_key(paths: AppPaths) -> str:
    """Which database ``paths`` opens, the same however it was spelled."""
    if paths.database_url is not None:
        return server_identity(paths.database_url)
    return str(paths.database)


def server_name(paths: AppPaths) -> str:
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = "?"
    digest = hashlib.sha256(f"{user}|{database_key(paths)}".encode()).hexdigest()[:20]
    return f"tdcs-{digest}"


class SingleInstance(QObject):
    activated = Signal()

    def __init__(self, paths: AppPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(paths)
        self.server: QLocalServer | None = None

    def another_is_running(self) -> bool:
        """True if another TDCS holds this database (it has been asked to come forward)."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if socket.waitForConnected(300):
            socket.write(ACTIVATE)
            socket.waitForBytesWritten(300)
            socket.disconnectFromServer()
            return True
        return False

    def listen(self) -> bool:
        QLocalServer.removeServer(self.name)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)
        return self.server.listen(self.name)

    def _on_connection(self) -> None:
        """Read the short message of each waiting second start (it arrives at once)."""
        assert self.server is not None
        while (socket := self.server.nextPendingConnection()) is not None:
            arrived = socket.bytesAvailable() or socket.waitForReadyRead(500)
            if arrived and bytes(socket.readAll().data()).startswith(ACTIVATE):
                self.activated.emit()
            socket.disconnectFromServer()
            socket.deleteLater()

    def move_to(self, paths: AppPaths) -> bool:
        """Hold the lock of the database of ``paths`` instead (the wizard chose a server)."""
        self.close()
        self.name = server_name(paths)
        return self.listen()

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
