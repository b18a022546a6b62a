"""Files a person names (a backup, a key file, a receipt, a sync file, an Excel list), opened
the one safe way, every file TDCS writes written the one safe way, and the operating
system's complaints said in the user's language.

Only regular files are opened: a named pipe, a device (``/dev/zero``, ``CON``), a socket or a
folder given as "the file" is refused before anything waits on it or reads it without end.
The file is opened without blocking and checked again on the open handle, so what was
checked is what is read. :func:`os_reason` turns an :class:`OSError` into a phrase for a
message ("đĩa đã đầy") instead of the English ``strerror``.

Every file TDCS writes (sync files, receipts, key files, reports as PDF, Excel or Word,
exported tables) goes through :func:`write_atomically`: a crash, a full disk or a cancel
leaves the old file or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from db.private_files import PRIVATE_MODE
from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP, Msg, tr

M_NOT_FOUND = QT_TRANSLATE_NOOP("Files", "The file {path} does not exist.")
M_NOT_REGULAR = QT_TRANSLATE_NOOP(
    "Files",
    "{path} is not an ordinary file (it is a folder, a device or a pipe). Choose a file.",
)
M_CANNOT_READ = QT_TRANSLATE_NOOP("Files", "Cannot read the file {path}: {reason}.")
M_TOO_LARGE = QT_TRANSLATE_NOOP(
    "Files", "The file {path} is too large ({size}; at most {limit}). It was not read."
)
M_CANNOT_WRITE = QT_TRANSLATE_NOOP("Files", "Cannot write the file {path}: {reason}.")

R_NOT_FOUND = QT_TRANSLATE_NOOP("Files", "the file or folder does not exist")
R_DENIED = QT_TRANSLATE_NOOP(
    "Files",
    "access is denied (the file may be read-only, open in another program, or in a "
    "folder this user may not use)",
)
R_IN_USE = QT_TRANSLATE_NOOP(
    "Files", "the file is open in another program; close it there and try again"
)
R_DISK_FULL = QT_TRANSLATE_NOOP("Files", "the disk is full; free some space and try again")
R_READ_ONLY = QT_TRANSLATE_NOOP("Files", "the disk or USB stick is read-only")
R_IS_FOLDER = QT_TRANSLATE_NOOP("Files", "it is a folder, not a file")
R_NOT_FOLDER = QT_TRANSLATE_NOOP("Files", "a part of the path is a file, not a folder")
R_NAME_TOO_LONG = QT_TRANSLATE_NOOP("Files", "the name or the path is too long")
R_BAD_NAME = QT_TRANSLATE_NOOP("Files", "the name is not valid")
R_IO = QT_TRANSLATE_NOOP(
    "Files", "the disk could not be read or written (a damaged disk, or a USB stick removed?)"
)
R_EXISTS = QT_TRANSLATE_NOOP("Files", "a file of that name already exists")
R_TOO_BIG = QT_TRANSLATE_NOOP("Files", "the file is too large for this disk")
R_TOO_MANY = QT_TRANSLATE_NOOP("Files", "too many files are open; close some programs")
R_LINKS = QT_TRANSLATE_NOOP("Files", "the path has too many links")
R_OTHER = QT_TRANSLATE_NOOP("Files", "system error {number}")

_BY_ERRNO: dict[int, Msg] = {
    errno.ENOENT: R_NOT_FOUND,
    errno.EACCES: R_DENIED,
    errno.EPERM: R_DENIED,
    errno.EBUSY: R_IN_USE,
    errno.ENOSPC: R_DISK_FULL,
    errno.EROFS: R_READ_ONLY,
    errno.EISDIR: R_IS_FOLDER,
    errno.ENOTDIR: R_NOT_FOLDER,
    errno.ENAMETOOLONG: R_NAME_TOO_LONG,
    errno.EINVAL: R_BAD_NAME,
    errno.EIO: R_IO,
    errno.EEXIST: R_EXISTS,
    errno.EFBIG: R_TOO_BIG,
    errno.EMFILE: R_TOO_MANY,
    errno.ENFILE: R_TOO_MANY,
    errno.ELOOP: R_LINKS,
}
if hasattr(errno, "EDQUOT"):
    _BY_ERRNO[errno.EDQUOT] = R_DISK_FULL

#: Windows' own codes that say more than the errno they map to: a sharing or lock
#: violation (the file is open in Excel) and a full disk.
_BY_WINERROR: dict[int, Msg] = {32: R_IN_USE, 33: R_IN_USE, 39: R_DISK_FULL, 112: R_DISK_FULL}


def os_reason(error: OSError) -> str:
    """Why ``error`` happened, as a phrase in the user's language (no English system text).
    The one place that turns an operating-system error into words for a message."""
    winerror = getattr(error, "winerror", None)
    if isinstance(winerror, int) and winerror in _BY_WINERROR:
        return tr(_BY_WINERROR[winerror])
    known = _BY_ERRNO.get(error.errno or -1)
    if known is not None:
        return tr(known)
    return tr(R_OTHER, number=error.errno if error.errno is not None else (winerror or "?"))


def _refuse_unless_regular(mode: int, path: Path, error: type[UserError]) -> None:
    if not stat.S_ISREG(mode):
        raise error(M_NOT_REGULAR, path=str(path))


def _size_text(size: int) -> str:
    """``64 KB``, ``50 MB``: a size as a file manager would show it."""
    if size < 1024 * 1024:
        return f"{-(-size // 1024)} KB"
    return f"{size // (1024 * 1024)} MB"


def require_regular_file(path: Path, *, error: type[UserError] = UserError) -> int:
    """Check, without opening it, that ``path`` names an existing regular file, and return
    its size. Raise ``error`` (a :class:`UserError` or a subclass such as ``SyncRefused``)
    with a message the user can act on otherwise. For code that hands the path to a
    library (SQLite); code that reads the bytes itself uses :func:`open_regular_file`."""
    try:
        info = path.stat()
    except FileNotFoundError as problem:
        raise error(M_NOT_FOUND, path=str(path)) from problem
    except OSError as problem:
        raise error(M_CANNOT_READ, path=str(path), reason=os_reason(problem)) from problem
    _refuse_unless_regular(info.st_mode, path, error)
    return info.st_size


def open_regular_file(path: Path, *, error: type[UserError] = UserError) -> BinaryIO:
    """Open the user-given file ``path`` for reading in binary mode, only if it is a regular
    file; the caller closes it (``with open_regular_file(p) as fh``).

    The path is checked before opening (a Windows pipe or device is never opened), opened
    without blocking (a FIFO that appeared meanwhile cannot make it wait for a writer) and
    checked again on the handle. Failures raise ``error`` with a translated reason."""
    require_regular_file(path, error=error)
    flags = (
        os.O_RDONLY
        | getattr(os, "O_BINARY", 0)
        | getattr(os, "O_NONBLOCK", 0)
        | getattr(os, "O_NOCTTY", 0)
    )
    try:
        fd = os.open(path, flags)
    except FileNotFoundError as problem:
        raise error(M_NOT_FOUND, path=str(path)) from problem
    except OSError as problem:
        raise error(M_CANNOT_READ, path=str(path), reason=os_reason(problem)) from problem
    try:
        _refuse_unless_regular(os.fstat(fd).st_mode, path, error)
        if os.name == "posix":
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular_file(path: Path, limit: int, *, error: type[UserError] = UserError) -> bytes:
    """The bytes of the user-given regular file ``path``, refusing one larger than ``limit``
    bytes before reading it (and one that grows past it while being read)."""
    data = b""
    with open_regular_file(path, error=error) as handle:
        try:
            size = os.fstat(handle.fileno()).st_size
            if size <= limit:
                data = handle.read(limit + 1)
                size = len(data)
        except OSError as problem:
            raise error(M_CANNOT_READ, path=str(path), reason=os_reason(problem)) from problem
    if size > limit:
        raise error(M_TOO_LARGE, path=path.name, size=_size_text(size), limit=_size_text(limit))
    return data


#: Writes the content of a file into the open binary handle it is given.
Writer = Callable[[BinaryIO], object]

#: A new file's permissions (less the umask) when it is not private.
SHARED_MODE = 0o666


def cannot_write(path: Path, error: OSError) -> UserError:
    """The message for a file that could not be written, with the reason in words."""
    return UserError(M_CANNOT_WRITE, path=str(path), reason=os_reason(error))


def write_atomically(path: Path, content: bytes | Writer, *, private: bool = False) -> Path:
    """Write ``content`` (bytes, or a function that writes into the handle it gets) to
    ``path`` so that a crash, a full disk or an error of the writer leaves either the old
    file or the new one, never half of one; return ``path``.

    The content goes to a temporary file in the same folder (a rename across disks is not
    atomic), is flushed to the disk (``fsync``) and renamed over ``path`` with
    :func:`os.replace`. A ``private`` file (sync files, receipts, key files: signed or
    holding keys) is created readable by its owner only, like the database and its
    backups; others get the usual permissions. The folder is created if missing. An
    :class:`OSError` becomes a :class:`UserError` saying why in the user's language; any
    other error of the writer (a cancel) is raised as it is. Either way the temporary file
    is removed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = _create_temporary(path, PRIVATE_MODE if private else SHARED_MODE)
        try:
            with os.fdopen(fd, "wb") as handle:
                if isinstance(content, bytes):
                    handle.write(content)
                else:
                    content(handle)
                handle.flush()
                os.fsync(handle.fileno())
            temp.replace(path)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        _sync_folder(path.parent)
    except OSError as error:
        raise cannot_write(path, error) from error
    return path


def _create_temporary(path: Path, mode: int) -> tuple[int, Path]:
    """A new file beside ``path`` (``.bao-cao.pdf.1a2b3c4d.part``), opened for writing with
    ``mode`` (less the umask); never one that exists already."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temp = path.with_name(f".{path.name[:120]}.{secrets.token_hex(4)}.part")
        try:
            return os.open(temp, flags, mode), temp
        except FileExistsError:
            continue


def _sync_folder(folder: Path) -> None:
    """Flush the folder's entry for the renamed file too (POSIX; Windows cannot open a
    folder, and NTFS journals the rename itself)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
