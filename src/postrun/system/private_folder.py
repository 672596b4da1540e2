"""A folder only this user can enter, for the single-instance lock and socket.

A shared folder such as /tmp is nobody's: another account can create, first, the lock or
the socket under a name it can compute, keep this user's Postrun from opening, and read
what it asks for. So both live in a folder that is this user's alone: $XDG_RUNTIME_DIR
where the session has one, else a folder of our own in the temp folder, else one in the
user's cache. Each is checked before use (a real folder, not a link; owned by this user;
no access for group or others) and one that fails the check is passed over, never used
and never changed.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

import platformdirs


def is_private(folder: Path) -> bool:
    """A real folder (not a link to one), owned by this user, closed to everyone else."""
    try:
        found = os.lstat(folder)
    except OSError:
        return False
    return (stat.S_ISDIR(found.st_mode) and found.st_uid == os.geteuid()
            and stat.S_IMODE(found.st_mode) & 0o077 == 0)


def made_private(folder: Path) -> Path | None:
    """`folder`, made with mode 0700 if it is not there; None if what is there is not private."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=0o700)
    except FileExistsError:
        pass
    except OSError:
        return None
    return folder if is_private(folder) else None


def candidates(environ: Mapping[str, str]) -> list[tuple[Path, bool]]:
    """Where to look, in order, and whether the folder may be made (XDG's is the session's)."""
    found: list[tuple[Path, bool]] = []
    runtime = environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isabs(runtime):
        found.append((Path(runtime), False))
    found.append((Path(tempfile.gettempdir()) / f"postrun-{os.geteuid()}", True))
    found.append((Path(platformdirs.user_cache_dir("postrun", appauthor=False)) / "instance", True))
    return found


def private_folder(environ: Mapping[str, str] | None = None) -> Path | None:
    """The first usable private folder, or None (the program then runs without one).
    Windows has no such folders: its named pipes are per user already (None there)."""
    if not hasattr(os, "geteuid"):
        return None
    for folder, may_make in candidates(os.environ if environ is None else environ):
        usable = made_private(folder) if may_make else (folder if is_private(folder) else None)
        if usable is not None:
            return usable
    return None
