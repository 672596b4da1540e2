"""The one writer of every file Postrun writes but the log (circuits, settings, exports,
workout records): a crash leaves the old content or the new, never half, and the user's
file stays what it was.

- A regular file is replaced atomically (temp file in the same folder, flush, fsync,
  os.replace) and keeps its mode; a new file gets 0666 less the umask, as any editor's.
- A symlink is followed: its target is replaced in the target's own folder, and the link
  stays a link (a dotfiles or sync folder keeps working).
- A FIFO, socket, device or folder is refused with NotARegularFile and left as it was.
- Its own temp files left by a killed write (older than a minute) are swept the next
  time it writes in that folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

TEMP_SUFFIX = ".postrun-tmp"     # what marks a temp file as this writer's own, for the sweep
STALE_AFTER = 60.0               # seconds: a write takes far less; an older temp file is a killed one


class NotARegularFile(OSError):
    """The path names something that is not a file to replace (a pipe, device or folder)."""


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` as described above; raises OSError (NotARegularFile included)."""
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    mode = _mode_for(target, path)
    folder = target.parent
    folder.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=folder)
    # the new temp file's time is "now" on the file system's own clock
    sweep_stale(folder, os.fstat(handle).st_mtime)
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fchmod(temp.fileno(), mode)
            os.fsync(temp.fileno())
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    _sync_folder(folder)


def _mode_for(target: Path, named: Path) -> int:
    """The mode the written file gets: the one it has, or a new file's."""
    try:
        found = os.stat(target)
    except FileNotFoundError:
        return 0o666 & ~current_umask()
    if not stat.S_ISREG(found.st_mode):
        kind = "a folder" if stat.S_ISDIR(found.st_mode) else "a pipe, socket or device"
        raise NotARegularFile(errno.EINVAL, f"not a regular file ({kind}); it was left as it is", str(named))
    return stat.S_IMODE(found.st_mode)


def current_umask() -> int:
    """The process's umask, read without changing it where the system says it (Linux)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def sweep_stale(folder: Path, now: float) -> list[Path]:
    """Remove this writer's temp files in `folder` last written more than STALE_AFTER
    before `now` (file-system time); returns them. Only regular files of this user that
    carry the writer's suffix are touched."""
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        if not (name.startswith(".") and name.endswith(TEMP_SUFFIX)):
            continue
        path = folder / name
        try:
            found = os.lstat(path)
            if (stat.S_ISREG(found.st_mode) and found.st_uid == os.geteuid()
                    and now - found.st_mtime > STALE_AFTER):
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed


def _sync_folder(folder: Path) -> None:
    """The rename itself survives a power cut (where the system can sync a folder)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
