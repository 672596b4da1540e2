"""A Strava bulk export, as its zip or unpacked: `activities.csv` lists every activity with
its type and, for most, a file under `activities/` (FIT, GPX or TCX, often gzipped). Runs
are read from their file (their device's own summary), or from the CSV when there is
none (a manual entry); a GPX run (a phone's) from the CSV's summary with its start and
device from the file's first bytes; other sports are listed as skipped with their type.

A zip is never unpacked to disk: each member is read into memory, refused when its name
climbs out of the export, when it expands beyond the size limit, or when the zip holds more
members than any export does; any of these refuses the whole export, importing nothing."""

from __future__ import annotations

import csv
import io
import os
import stat
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from postrun.core.run import ImplausibleRun, Run, checked
from postrun.store.run_file import MAX_FILE_BYTES, FileResult, gunzipped, read_bytes, run_from_bytes
from postrun.store.xml_runs import gpx_head

MAX_MEMBERS = 50_000              # an export of ten years of daily activities, with photos, is far less
MAX_CSV_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 8 * 1024 * 1024 * 1024
RUN_TYPES = {"run", "trail run", "virtual run", "treadmill run"}
Progress = Callable[[int, int], None]


class StravaExportError(ValueError):
    """The whole export is refused: words saying why."""


@dataclass(frozen=True)
class Activity:
    number: str
    started_at: datetime | None
    kind: str
    elapsed: float | None
    moving: float | None
    distance_m: float | None
    average_heart_rate: int | None
    max_heart_rate: int | None
    filename: str


def is_export_folder(path: Path) -> bool:
    return (path / "activities.csv").is_file()


def is_export_zip(path: Path) -> bool:
    """A zip is read as a Strava export: one that is not says so (no activities.csv)."""
    return path.suffix.lower() == ".zip"


def _date(text: str) -> datetime | None:
    text = text.strip()
    for pattern in ("%b %d, %Y, %I:%M:%S %p", "%Y-%m-%d %H:%M:%S", "%d %b %Y, %H:%M:%S"):
        try:
            return datetime.strptime(text, pattern).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None


def _number(text: str | None) -> float | None:
    try:
        value = float((text or "").replace(",", ""))
    except ValueError:
        return None
    return value if value == value else None


def activities(text: str) -> list[Activity]:
    """The rows of activities.csv. Its columns repeat names ("Distance" in km first, then in
    metres; "Elapsed Time" twice): the first of each is taken, metres where they are given."""
    rows = csv.reader(io.StringIO(text))
    header = next(rows, None)
    if header is None or "Activity Type" not in header or "Activity Date" not in header:
        raise StravaExportError("activities.csv has no “Activity Date” and “Activity Type” columns")
    where: dict[str, list[int]] = {}
    for index, name in enumerate(header):
        where.setdefault(name.strip(), []).append(index)

    def cell(row: list[str], name: str, which: int = 0) -> str:
        places = where.get(name, [])
        if len(places) <= which or places[which] >= len(row):
            return ""
        return row[places[which]]

    found = []
    for row in rows:
        if not row:
            continue
        kilometres = _number(cell(row, "Distance"))
        metres = _number(cell(row, "Distance", 1))
        rate = _number(cell(row, "Average Heart Rate"))
        top = _number(cell(row, "Max Heart Rate"))
        found.append(Activity(
            number=cell(row, "Activity ID"), started_at=_date(cell(row, "Activity Date")),
            kind=cell(row, "Activity Type").strip(), elapsed=_number(cell(row, "Elapsed Time")),
            moving=_number(cell(row, "Moving Time")),
            distance_m=metres if metres is not None else (kilometres * 1000 if kilometres is not None else None),
            average_heart_rate=round(rate) if rate else None, max_heart_rate=round(top) if top else None,
            filename=cell(row, "Filename").strip()))
    return found


def _from_row(activity: Activity, name: str | None = None, device: str = "Strava",
              start: datetime | None = None) -> FileResult:
    name = name or f"activity {activity.number}"
    started = start or activity.started_at
    if started is None or not activity.elapsed:
        return FileResult(name, refused="no start or time in activities.csv and no file")
    try:
        run = checked(Run(started, activity.elapsed, activity.distance_m, activity.moving,
                          average_heart_rate=activity.average_heart_rate, max_heart_rate=activity.max_heart_rate,
                          device=device, source="Strava export"))
    except ImplausibleRun as exc:
        return FileResult(name, refused=str(exc))
    return FileResult(name, run=run)


def _gpx_from_row(activity: Activity, data: bytes) -> FileResult:
    """A GPX run of the export: its summary from activities.csv (Strava's own), its start
    and device from the file's first bytes, so that it is the same run as its GPX read on
    its own. Reading each track whole costs 38 ms (over a minute for 2,000 phone runs)."""
    name = activity.filename
    try:
        creator, first = gpx_head(gunzipped(data) if name.lower().endswith(".gz") else data)
    except (ValueError, OSError) as exc:          # not GPX, a DTD; gunzip: not gzip, cut short, too large
        return FileResult(name, refused=str(exc))
    return _from_row(activity, name, device=creator, start=first)


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name.replace("\\", "/"))
    return not path.is_absolute() and ".." not in path.parts and ":" not in name


def read_export(path: Path, progress: Progress | None = None) -> Iterator[FileResult]:
    """What became of each activity of the export at `path` (its zip or its folder)."""
    if path.is_dir():
        yield from _read_folder(path, progress)
    else:
        yield from _read_zip(path, progress)


def _walk(listed: list[Activity], read: Callable[[str], bytes | None], progress: Progress | None
          ) -> Iterator[FileResult]:
    total = len(listed)
    for number, activity in enumerate(listed, 1):
        if progress is not None:
            progress(number, total)
        name = activity.filename or f"activity {activity.number}"
        if activity.kind.lower() not in RUN_TYPES:
            yield FileResult(name, skipped=f"a {activity.kind.lower() or 'untyped'} activity, not a run")
            continue
        if not activity.filename:
            yield _from_row(activity)
            continue
        data = read(activity.filename)
        if data is None:
            yield _from_row(activity)      # listed, but its file is not in the export
            continue
        if activity.filename.lower().endswith((".gpx", ".gpx.gz")) and activity.started_at and activity.elapsed:
            yield _gpx_from_row(activity, data)
            continue
        yield run_from_bytes(activity.filename, data, source="Strava export")


def _read_folder(folder: Path, progress: Progress | None) -> Iterator[FileResult]:
    try:
        text = read_bytes(folder / "activities.csv", MAX_CSV_BYTES).decode("utf-8-sig", errors="replace")
    except OSError as exc:
        raise StravaExportError(f"activities.csv cannot be read: {exc}") from None
    listed = activities(text)
    root = folder.resolve()

    def read(name: str) -> bytes | None:
        if not _safe_name(name):
            raise StravaExportError(f"“{name}” in activities.csv points out of the export folder")
        target = folder / name
        try:
            if not target.resolve().is_relative_to(root):
                raise StravaExportError(f"“{name}” is a link out of the export folder")
            return read_bytes(target)
        except FileNotFoundError:
            return None
        except OSError as exc:
            if not folder.is_dir():
                raise StravaExportError(f"the folder went away while it was read ({exc})") from None
            raise StravaExportError(f"{name}: {exc}") from None

    yield from _walk(listed, read, progress)


def _read_zip(path: Path, progress: Progress | None) -> Iterator[FileResult]:
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise StravaExportError("not a file (a pipe, a device or a folder): not read")
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile) as exc:
        raise StravaExportError(f"not a zip that can be read ({exc})") from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise StravaExportError(f"holds {len(members):,} files, more than the {MAX_MEMBERS:,} of any export: "
                                    "refused unread")
        for member in members:
            if not _safe_name(member.filename):
                raise StravaExportError(f"“{member.filename}” would land outside the export: refused, nothing "
                                        "imported")
        if sum(m.file_size for m in members) > MAX_TOTAL_BYTES:
            raise StravaExportError("expands to more than 8 GB: refused unread")
        # the export's own folder inside the zip, if it has one ("export_123/activities.csv")
        csv_member = min((m for m in members if PurePosixPath(m.filename).name == "activities.csv"),
                         key=lambda m: m.filename.count("/"), default=None)
        if csv_member is None:
            raise StravaExportError("no activities.csv in it: not a Strava export")
        prefix = csv_member.filename[: -len("activities.csv")]
        by_name = {m.filename: m for m in members}

        def member_bytes(member: zipfile.ZipInfo, limit: int) -> bytes:
            if member.file_size > limit:
                raise StravaExportError(f"“{member.filename}” expands to more than {limit // (1024 * 1024)} MB: "
                                        "refused, nothing imported")
            try:
                with archive.open(member) as handle:
                    data = handle.read(limit + 1)
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
                raise StravaExportError(f"“{member.filename}” cannot be read ({exc})") from None
            if len(data) > limit:       # its header lied about its size
                raise StravaExportError(f"“{member.filename}” expands beyond its stated size: refused, nothing "
                                        "imported")
            return data

        text = member_bytes(csv_member, MAX_CSV_BYTES).decode("utf-8-sig", errors="replace")
        listed = activities(text)

        def read(name: str) -> bytes | None:
            member = by_name.get(prefix + name) or by_name.get(name)
            return member_bytes(member, MAX_FILE_BYTES) if member is not None else None

        yield from _walk(listed, read, progress)
