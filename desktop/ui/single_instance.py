"""One running TDCS per data folder: a second start brings the first window forward.

The lock is a named local socket keyed by the user and the data folder, so two data folders
(a commune and a test copy, say) can be open side by side.
"""

from __future__ import annotations

import getpass
import hashlib

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop.paths import AppPaths

ACTIVATE = b"activate"


def server_name(paths: AppPaths) -> str:
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = "?"
    digest = hashlib.sha256(f"{user}|{paths.data_dir}".encode()).hexdigest()[:20]
    return f"tdcs-{digest}"


class SingleInstance(QObject):
    activated = Signal()

    def __init__(self, paths: AppPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(paths)
        self.server: QLocalServer | None = None

    def another_is_running(self) -> bool:
        """True if another TDCS holds this data folder (it has been asked to come forward)."""
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

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
