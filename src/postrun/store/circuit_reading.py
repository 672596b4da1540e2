"""Reading a circuit file from disk: only regular files, at most 1 MB, every failure in words."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from postrun.core.circuit import Circuit
from postrun.core.circuit_toml import MAX_FILE_BYTES, parse_circuit
from postrun.core.errors import CircuitError, Problem

_NOT_REGULAR = [
    (stat.S_ISDIR, "is a folder, not a circuit file"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a circuit file; it was not opened"),
    (stat.S_ISSOCK, "is a socket, not a circuit file; it was not opened"),
    (stat.S_ISCHR, "is a device, not a circuit file; it was not opened"),
    (stat.S_ISBLK, "is a device, not a circuit file; it was not opened"),
]


def _not_regular(mode: int) -> str | None:
    for test, words in _NOT_REGULAR:
        if test(mode):
            return words
    return None if stat.S_ISREG(mode) else "is not a regular file; it was not opened"


def os_problem(exc: OSError, path: Path | None) -> Problem:
    """An OSError about a circuit file, in words (a path too long, missing, not allowed…)."""
    if exc.errno == errno.ENAMETOOLONG:
        shown = str(path)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        return Problem("the path or file name is too long for this system (at most 255 bytes a name)",
                       path=Path(shown))
    if exc.errno == errno.ENOENT:
        return Problem("cannot read the file: no such file", path=path)
    return Problem(f"cannot read the file: {exc.strerror or exc}", path=path)


def read_circuit_file(path: Path) -> Circuit:
    """Load and validate one circuit file; raise CircuitError for anything wrong, OSError never.

    Only regular files are read: a FIFO named *.toml would block for ever and a device may
    act on being opened, so the kind is checked before opening, and again on the open
    descriptor (opened non-blocking) in case the file was swapped in between.
    """
    try:
        words = _not_regular(os.stat(path).st_mode)
        if words is not None:
            raise CircuitError([Problem(words, path=path)])
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(descriptor, "rb") as handle:
            words = _not_regular(os.fstat(handle.fileno()).st_mode)
            if words is not None:
                raise CircuitError([Problem(words, path=path)])
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise CircuitError([os_problem(exc, path)]) from None
    except ValueError as exc:       # a path with a NUL byte in it
        raise CircuitError([Problem(f"not a usable file name ({exc})", path=path)]) from None
    return parse_circuit(data, path)
