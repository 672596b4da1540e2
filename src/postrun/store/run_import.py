"""Runs brought in from files, folders and Strava exports, each stored once: a file read
twice, or an export that overlaps the watch's files, adds nothing the second time. What
became of every file is said in one line (imported, already there, skipped and why)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from postrun.store.run_file import FileResult, is_run_file, run_from_file
from postrun.store.strava_export import Progress, StravaExportError, is_export_folder, is_export_zip, read_export
from postrun.store.workout_log import WorkoutLog

MAX_FOLDER_FILES = 20_000        # a watch's Activity folder holds a few thousand
DEPTH = 2                        # GARMIN/Activity/…, a phone's export folder and a year below it


@dataclass(frozen=True)
class Outcome:
    result: FileResult
    state: str                   # "imported", "already there", "skipped", "not imported"

    @property
    def line(self) -> str:
        result = self.result
        if self.state == "imported":
            return f"{result.name}: imported"
        if self.state == "already there":
            return f"{result.name}: already there"
        return result.line


def run_files_in(folder: Path, depth: int = DEPTH) -> list[Path]:
    """The run files in a folder and the folders below it (to `depth`), oldest name first;
    OSError when there are more than any watch holds, or the folder cannot be listed."""
    found: list[Path] = []

    def walk(here: Path, level: int) -> None:
        with os.scandir(here) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False) and level < depth:
                    walk(Path(entry.path), level + 1)
                elif is_run_file(entry.name):
                    found.append(Path(entry.path))
                    if len(found) > MAX_FOLDER_FILES:
                        raise OSError(f"more than {MAX_FOLDER_FILES:,} run files: choose the folder of one watch")

    walk(folder, 0)
    return sorted(found)


def results_of(path: Path, progress: Progress | None = None) -> Iterator[FileResult]:
    """What each file under `path` holds (a file, a folder, or a Strava export)."""
    if path.is_dir() and is_export_folder(path) or path.is_file() and is_export_zip(path):
        yield from read_export(path, progress)
        return
    if path.is_dir():
        try:
            files = run_files_in(path)
        except OSError as exc:
            yield FileResult(path.name or str(path), refused=f"cannot be read: {exc.strerror or exc}")
            return
        for number, file in enumerate(files, 1):
            if progress is not None:
                progress(number, len(files))
            yield run_from_file(file)
        return
    yield run_from_file(path)


def import_runs(log: WorkoutLog, paths: Iterable[Path], progress: Progress | None = None,
                on_path: Callable[[Path], None] | None = None) -> list[Outcome]:
    """Every run under `paths` stored once, all in one transaction at the end (a cancel
    raised from `progress` or `on_path` stores nothing); a Strava export refused whole
    stores none of its runs (the refusal is one outcome naming the export)."""
    read: list[FileResult] = []
    for path in paths:
        if on_path is not None:
            on_path(path)
        try:
            whole = list(results_of(path, progress))     # an export refused part-way adds none
        except StravaExportError as exc:
            whole = [FileResult(path.name, refused=str(exc))]
        read.extend(whole)
    runs = {}
    for result in read:
        if result.run is not None and result.run.id not in runs:
            runs[result.run.id] = result.run
    added, _ = log.add_runs(runs.values())
    new = {run.id for run in added}
    outcomes: list[Outcome] = []
    for result in read:
        if result.run is None:
            outcomes.append(Outcome(result, "skipped" if result.skipped else "not imported"))
        elif result.run.id in new:
            new.discard(result.run.id)
            outcomes.append(Outcome(result, "imported"))
        else:
            outcomes.append(Outcome(result, "already there"))
    return outcomes


def tally(outcomes: Iterable[Outcome]) -> str:
    """'3 imported, 1 already there, 2 skipped, 1 not imported'."""
    counts: dict[str, int] = {}
    for outcome in outcomes:
        counts[outcome.state] = counts.get(outcome.state, 0) + 1
    return ", ".join(f"{counts[s]} {s}" for s in ("imported", "already there", "skipped", "not imported")
                     if counts.get(s)) or "no run files"



