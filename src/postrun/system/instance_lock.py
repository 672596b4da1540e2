"""One window at a time, per user and data folder: the lock half.

The first `postrun` takes a lock file; a second one finds it held and sends its request
over a local socket instead (single_instance.py, loaded only then, or after the first
window's first paint to answer). QLockFile knows a lock left by a crashed program (its pid
is gone) and takes it over, so a crash never blocks the next start.

The lock and the socket live in a folder only this user can enter (private_folder.py).
"""

from __future__ import annotations

import getpass
import logging
import os
import zlib
from pathlib import Path

from PySide6.QtCore import QDir, QLockFile

from postrun.system.private_folder import private_folder

log = logging.getLogger(__name__)


def instance_name(data_dir: Path) -> str:
    """Short (socket paths are limited to about 100 bytes) and unique per user and folder.
    Two checksums, not a cryptographic hash: the name only tells one user's folders apart
    inside that user's private folder, and hashlib would load OpenSSL before the first paint."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name known to the system: the uid still tells users apart
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    key = f"{user}\0{data_dir.resolve()}".encode()
    return f"postrun-{zlib.crc32(key):08x}{zlib.adler32(key):08x}"


class InstanceLock:
    def __init__(self, name: str) -> None:
        folder = private_folder()
        # a full path for the socket inside the private folder; a bare name (Windows: a
        # named pipe, per user already) where there is none
        self.name = str(folder / name) if folder is not None else name
        self._lock = QLockFile(os.path.join(str(folder) if folder is not None else QDir.tempPath(), f"{name}.lock"))
        self._lock.setStaleLockTime(0)         # stale only when its process is gone

    def claim(self) -> bool:
        """True: this is the first instance. False: another one runs. Needs no event loop, so
        a second `postrun` can ask before it builds any application object."""
        if not self._lock.tryLock(0):
            if self._lock.error() == QLockFile.LockError.LockFailedError:
                return False
            log.warning("no single-instance lock (%s); running without one", self._lock.error())
        return True

    def release(self) -> None:
        self._lock.unlock()
