"""Opening the workout log, and what to do when it cannot be opened as it should.

Opening never fails. A damaged file (or one written by a newer Postrun) is kept aside
under a timestamped name and a fresh log started. A log that cannot be written (a full
disk, a read-only file or mount, an unwritable folder) is still read: it is opened
read-only, so the history, the picker and every export show the real workouts, and only
new ones cannot be saved. Only where there is nothing that can be read (a folder or pipe
where the file belongs, no file at all in an unwritable place) is the log kept in memory.
`Opened.notice` says which, once, in words.
"""

from __future__ import annotations

import contextlib
import enum
import os
import sqlite3
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from postrun.store.log_schema import SCHEMA_VERSION, NewerLogError, migrate


class LogState(enum.Enum):
    WRITABLE = "writable"           # a write that returned is on disk
    READ_ONLY = "read-only"         # the file's workouts are read; writes are refused
    MEMORY = "memory"               # nothing on disk could be used: kept in memory only


@dataclass(frozen=True)
class Opened:
    connection: sqlite3.Connection
    state: LogState
    wanted: Path                    # where the log belongs
    notice: str | None = None       # what to tell the user about opening it, in a sentence
    problem: str | None = None      # why it cannot be written, in a few words
    complete: bool = True           # False: a log file exists but none of it could be read


def open_log(path: Path, when: datetime) -> Opened:
    """The log at `path`, as well as it can be had; `when` names a file kept aside."""
    problem = file_problem(path)
    if problem is not None:
        return in_memory(path, problem, complete=False)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return Opened(connect(path), LogState.WRITABLE, path)
    except NewerLogError:
        what = "was written by a newer Postrun"
        kind = "newer"
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            return read_only_or_memory(path, explain(exc, path))
        what = "was damaged"
        kind = "corrupt"
    except OSError as exc:
        return read_only_or_memory(path, f"cannot create the folder {path.parent} ({exc.strerror or exc})")
    try:
        aside = keep_aside(path, kind, when)
    except OSError as exc:
        return in_memory(path, f"the workout log {path} {what} and could not be moved aside "
                               f"({exc.strerror or exc}); it was left as it is", complete=False)
    notice = f"The workout log {what}. It was kept as {aside.name} in {path.parent} and a fresh log started."
    try:
        return Opened(connect(path), LogState.WRITABLE, path, notice)
    except (sqlite3.Error, OSError) as exc:
        return in_memory(path, f"a fresh log could not be created either ({explain(exc, path)})", before=notice)


def read_only_or_memory(path: Path, problem: str) -> Opened:
    """A log that cannot be written: read as it is where the file can be read."""
    connection = connect_read_only(path) if path.is_file() else None
    if connection is None:
        return in_memory(path, problem, complete=not path.exists() or path.stat().st_size == 0)
    if connection.execute("SELECT count(*) FROM workouts").fetchone()[0] == 0:
        # nothing to show (a first start on a full disk): a log in memory runs the workout
        connection.close()
        return in_memory(path, problem)
    notice = (f"The workout log cannot be written: {problem}. Your workouts are shown as they are; "
              f"new ones cannot be saved to it until that is fixed. {NOT_KEPT}")
    return Opened(connection, LogState.READ_ONLY, path, notice, problem)


def in_memory(path: Path, problem: str, before: str = "", complete: bool = True) -> Opened:
    connection = sqlite3.connect(":memory:")
    migrate(connection)
    notice = f"{before} Workouts cannot be saved: {problem}. {NOT_KEPT}".strip()
    return Opened(connection, LogState.MEMORY, path, notice, problem, complete)


def connect_read_only(path: Path) -> sqlite3.Connection | None:
    """The file opened for reading only, or None. Read-only mode still needs the WAL's
    shared-memory file; where that cannot be made (a full disk, a read-only folder) the
    file is read as immutable. An older schema is read into memory and migrated there.
    Writes through the connection fail as on a read-only file (query_only)."""
    for query in ("mode=ro", "immutable=1"):
        try:
            connection = sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True, timeout=5)
        except (sqlite3.Error, ValueError):
            continue
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                connection.close()
                return None
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if version < SCHEMA_VERSION:
                memory = sqlite3.connect(":memory:")
                connection.backup(memory)
                connection.close()
                migrate(memory)
                connection = memory
            connection.execute("PRAGMA query_only = ON")
            return connection
        except sqlite3.Error:
            connection.close()
    return None


def connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, timeout=5)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")   # a commit survives power loss, not just a crash
        stamp = _file_stamp(path)
        if stamp is None or stamp != _checked_stamp(path):
            check = connection.execute("PRAGMA quick_check").fetchone()
            if check is None or check[0] != "ok":
                raise sqlite3.DatabaseError(f"quick_check: {check}")
        migrate(connection)
        remember_checked(path)
    except BaseException:
        connection.close()
        raise
    return connection


# The integrity check reads the whole file (9 ms for ten years of workouts). A file whose
# size, modification time and inode are those it had when it last passed (or when this
# program closed it) is not checked again.
def _check_record(path: Path) -> Path:
    return path.with_name(f".{path.name}.checked")


def _file_stamp(path: Path) -> str | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return f"{found.st_size} {found.st_mtime_ns} {found.st_ino}"


def _checked_stamp(path: Path) -> str | None:
    try:
        return _check_record(path).read_text(encoding="ascii").strip() or None
    except (OSError, ValueError):
        return None


def remember_checked(path: Path) -> None:
    stamp = _file_stamp(path)
    if stamp is not None and stamp != _checked_stamp(path):
        with contextlib.suppress(OSError):     # a folder that will not take it: the next start checks again
            _check_record(path).write_text(stamp + "\n", encoding="ascii")


NOT_KEPT = "This workout will run; at the end you can save its record to a file."


def file_problem(path: Path) -> str | None:
    """Something other than a log file where the log belongs, in words; None when usable."""
    try:
        mode = os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None                  # no log yet (or no folder for one): opening says what stops it
    except OSError as exc:
        return f"the log {path} cannot be looked at ({exc.strerror or exc})"
    if stat.S_ISDIR(mode):
        return f"there is a folder named {path.name} in {path.parent} where the log file belongs; move it away"
    if not stat.S_ISREG(mode):
        return f"{path} is not a regular file (a pipe, socket or device); move it away"
    return None


def _nearly_full(folder: Path) -> bool:
    """SQLite reports a disk with a few KB left as an I/O error (its shared memory cannot
    grow); the free space says what the user must do."""
    try:
        found = os.statvfs(folder)
    except (OSError, AttributeError):
        return False
    return found.f_bavail * found.f_frsize < 512 * 1024


def is_damage(exc: sqlite3.DatabaseError) -> bool:
    name = getattr(exc, "sqlite_errorname", "")
    return name in ("SQLITE_NOTADB", "SQLITE_CORRUPT") or "quick_check" in str(exc) or (
        not name and not isinstance(exc, sqlite3.OperationalError))


def explain(exc: BaseException, path: Path) -> str:
    """Why the log at `path` cannot be written, in words a person can act on."""
    if isinstance(exc, OSError) and not isinstance(exc, sqlite3.Error):
        return f"{exc.strerror or exc}"
    name = getattr(exc, "sqlite_errorname", "")
    text = str(exc).lower()
    if name == "SQLITE_FULL" or "disk is full" in text or _nearly_full(path.parent):
        return f"the disk holding {path.parent} is full; free some space"
    if path.exists() and not os.access(path, os.W_OK):
        return f"the log file {path} is read-only"
    if path.parent.exists() and not os.access(path.parent, os.W_OK):
        return f"the folder {path.parent} is not writable"
    if name.startswith("SQLITE_READONLY") or "readonly" in text:
        return f"the log file {path} is read-only"
    if name.startswith("SQLITE_IOERR"):
        return f"the disk holding {path.parent} failed to write ({exc})"
    return f"{exc}"


def keep_aside(path: Path, why: str, when: datetime) -> Path:
    stamp = when.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.{why}-{stamp}{path.suffix}")
    os.replace(path, aside)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, aside.with_name(aside.name + suffix))
    return aside
