"""The folder of run files chosen once (a watch mounted as USB storage, GARMIN/Activity; a
phone's automatic export; a synced folder): the files not read before are read when the
circuit list shows, and each run is stored once. Which files were read is kept beside the
log (their size and time), so a folder of thousands of old files costs a listing, not a
read of each."""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from postrun.store.atomic import write_atomically
from postrun.store.paths import data_dir
from postrun.store.run_file import FileResult
from postrun.store.run_import import Outcome, import_runs, run_files_in
from postrun.store.strava_export import Progress
from postrun.store.workout_log import WorkoutLog

MAX_SEEN = 200_000


def seen_path() -> Path:
    return data_dir() / "run-folder-read.json"


def read_seen(folder: Path) -> dict[str, list[int]]:
    """The files of `folder` read before: name -> [size, mtime in ns]. A damaged record is
    no record: the files are read again, and each run is still stored once."""
    try:
        raw = json.loads(seen_path().read_bytes())
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(raw, dict) or raw.get("folder") != str(folder) or not isinstance(raw.get("files"), dict):
        return {}
    return {k: v for k, v in list(raw["files"].items())[:MAX_SEEN]
            if isinstance(k, str) and isinstance(v, list) and len(v) == 2 and all(isinstance(n, int) for n in v)}


def _mark(path: Path) -> list[int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


def unread_files(folder: Path, seen: dict[str, list[int]]) -> dict[Path, list[int] | None]:
    """The run files of `folder` new or changed since they were read, with their marks as
    they are now (OSError when the folder cannot be listed: unplugged)."""
    marks = {path: _mark(path) for path in run_files_in(folder)}
    return {path: mark for path, mark in marks.items() if seen.get(str(path.relative_to(folder))) != mark}


def read_run_folder(log: WorkoutLog, folder: Path, progress: Progress | None = None) -> list[Outcome]:
    """Import the folder's unread run files (`progress` is told of each); the files read
    are remembered (a refused one too: it is read again only when it changes, as a file
    still being copied does)."""
    seen = read_seen(folder)
    try:
        unread = unread_files(folder, seen)     # marked before the read: a file still growing is read again
    except OSError as exc:
        return [Outcome(FileResult(folder.name or str(folder),
                                   refused=f"cannot be read ({exc.strerror or exc}): is the watch plugged in?"),
                        "not imported")]
    files = list(unread)
    count = iter(range(1, len(files) + 1))

    def told(_path: Path) -> None:
        if progress is not None:
            progress(next(count), len(files))

    outcomes = import_runs(log, files, on_path=told) if files else []
    if files and not folder.is_dir():
        # unplugged part-way: what was read is stored; the rest is read when it is back
        read = [o for o in outcomes if o.state != "not imported"]
        gone = FileResult(folder.name or str(folder), refused="went away while it was read (the watch unplugged?): "
                                                             "the rest is read when it is back")
        return [*read, Outcome(gone, "not imported")]
    # a file that could not be read because it is gone is not remembered as read
    seen.update({str(path.relative_to(folder)): mark for path, mark in unread.items()
                 if mark is not None and _mark(path)})
    if files:
        # not remembered (a full disk): they are read again next time, and stored once still
        with contextlib.suppress(OSError):
            write_atomically(seen_path(), json.dumps({"folder": str(folder), "files": seen}).encode())
    return outcomes
