"""One run file from disk, whatever it is: FIT, FIT compressed (.fit.gz), GPX or TCX (each
also gzipped, as Strava's export has them). Only a regular file is opened (a pipe, a
device or a link that loops gets its words, never a read that hangs); a file over the size
limit or that expands beyond it is refused before it is read whole."""

from __future__ import annotations

import errno
import gzip
import os
import stat
import zlib
from dataclasses import dataclass
from pathlib import Path

from postrun.core.run import ImplausibleRun, Run, checked
from postrun.store.fit_run import FitError, NotARun, fit_run
from postrun.store.xml_runs import XmlRunError, gpx_run, tcx_run

MAX_FILE_BYTES = 64 * 1024 * 1024       # a day-long FIT with a record a second is 5 MB
RUN_SUFFIXES = (".fit", ".fit.gz", ".gpx", ".gpx.gz", ".tcx", ".tcx.gz")


@dataclass(frozen=True)
class FileResult:
    """What became of one file: a run to store, an activity of another sport (skipped), or
    a refusal in words."""

    name: str
    run: Run | None = None
    skipped: str | None = None
    refused: str | None = None

    @property
    def line(self) -> str:
        if self.run is not None:
            return f"{self.name}: a run"
        if self.skipped is not None:
            return f"{self.name}: skipped, {self.skipped}"
        return f"{self.name}: not imported, {self.refused}"


def is_run_file(name: str) -> bool:
    return name.lower().endswith(RUN_SUFFIXES)


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, or OSError with words: only a regular file, at most `limit`."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise OSError("a link that points round in a loop") from None
        raise OSError(exc.strerror or str(exc)) from None
    if not stat.S_ISREG(mode):
        what = "a folder" if stat.S_ISDIR(mode) else "a named pipe" if stat.S_ISFIFO(mode) else \
            "a socket" if stat.S_ISSOCK(mode) else "a device"
        raise OSError(f"{what}, not a file: not read")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        if os.fstat(fd).st_size > limit:
            raise OSError(f"larger than {limit // (1024 * 1024)} MB: not a run file")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OSError(f"larger than {limit // (1024 * 1024)} MB: not a run file")
    return data


def gunzipped(data: bytes, limit: int | None = None) -> bytes:
    """A gzip member expanded, refused when it would expand beyond `limit` (the size limit
    of a run file) or when it is cut short."""
    limit = MAX_FILE_BYTES if limit is None else limit
    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as exc:
        raise ValueError(f"not gzip, or damaged ({exc})") from None
    if len(out) > limit or inflater.unconsumed_tail:
        raise ValueError(f"expands to more than {limit // (1024 * 1024)} MB: refused")
    if not inflater.eof:
        raise ValueError("not gzip, or cut short")
    return out


def run_from_bytes(name: str, data: bytes, source: str | None = None) -> FileResult:
    """The run in a file's bytes, named by `name` (its suffix says what it is)."""
    lower = name.lower()
    try:
        if lower.endswith(".gz"):
            data = gunzipped(data)
            lower = lower[:-3]
        where = source or Path(name).name
        if lower.endswith(".fit"):
            run = fit_run(data, where)
        elif lower.endswith(".gpx"):
            run = gpx_run(data, where)
        elif lower.endswith(".tcx"):
            run = tcx_run(data, where)
        else:
            return FileResult(name, refused="not a run file (.fit, .fit.gz, .gpx or .tcx)")
        return FileResult(name, run=checked(run))
    except NotARun as other:
        return FileResult(name, skipped=f"a {other.sport} activity, not a run")
    except (FitError, XmlRunError, ImplausibleRun, ValueError) as exc:
        return FileResult(name, refused=str(exc))
    except (RecursionError, MemoryError):
        return FileResult(name, refused="nested too deeply or too large to be a run file")
    except gzip.BadGzipFile as exc:
        return FileResult(name, refused=f"not gzip ({exc})")


def run_from_file(path: Path) -> FileResult:
    name = path.name
    if not is_run_file(name):
        return FileResult(name, refused="not a run file (.fit, .fit.gz, .gpx or .tcx)")
    try:
        data = read_bytes(path)
    except OSError as exc:
        return FileResult(name, refused=str(exc))
    return run_from_bytes(name, data)
