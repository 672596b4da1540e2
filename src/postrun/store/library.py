"""The circuit library: built-in circuits beside the user's own, broken files included.

A broken user file is listed with its error rather than hidden, so the person who
edited it by hand sees what to fix.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from postrun.core.circuit import MAX_NAME, Circuit
from postrun.core.errors import CircuitError
from postrun.store.circuit_reading import read_circuit_file
from postrun.store.paths import builtin_circuits_dir, user_circuits_dir


class Source(StrEnum):
    BUILTIN = "built-in"
    USER = "user"


@dataclass(frozen=True)
class LibraryEntry:
    """One circuit file: `circuit` when it reads, else `error`."""

    key: str                    # the file name without .toml: what `postrun show KEY` takes
    source: Source
    path: Path
    circuit: Circuit | None
    error: CircuitError | None

    @property
    def title(self) -> str:
        return self.circuit.name if self.circuit else self.path.name


def _exists(path: Path) -> bool:
    """Path.exists, with a name too long (or otherwise unusable) counting as absent."""
    try:
        path.stat()
    except (OSError, ValueError):
        return False
    return True


def _entries(folder: Path, source: Source) -> list[LibraryEntry]:
    try:
        if not folder.is_dir():
            return []
        paths = sorted(folder.glob("*.toml"))
    except OSError:
        return []
    entries = []
    for path in paths:
        try:
            entries.append(LibraryEntry(path.stem, source, path, read_circuit_file(path), None))
        except CircuitError as error:
            entries.append(LibraryEntry(path.stem, source, path, None, error))
    return entries


def load_library() -> list[LibraryEntry]:
    """Built-ins first, then the user's circuits; each list sorted by file name."""
    return _entries(builtin_circuits_dir(), Source.BUILTIN) + _entries(user_circuits_dir(), Source.USER)


class NotFound(LookupError):
    pass


def find_entry(name_or_path: str, entries: list[LibraryEntry] | None = None) -> LibraryEntry:
    """A circuit by file path, file key or circuit name (case-insensitive); the user's win ties."""
    shown = name_or_path if len(name_or_path) <= 60 else name_or_path[:57] + "..."
    if "\x00" in name_or_path:
        raise NotFound(f"not a usable name or path: {shown!r}")
    path = Path(name_or_path).expanduser()
    if path.suffix == ".toml" or os.sep in name_or_path or _exists(path):
        if len(os.fsencode(path.name)) > 255:
            raise NotFound(f"the file name is too long for this system (at most 255 bytes): {shown}")
        if not _exists(path):
            raise NotFound(f"no such file: {shown}")
        try:
            return LibraryEntry(path.stem, Source.USER, path, read_circuit_file(path), None)
        except CircuitError as error:
            return LibraryEntry(path.stem, Source.USER, path, None, error)
    wanted = name_or_path.strip().casefold()
    entries = load_library() if entries is None else entries
    ordered = [e for e in entries if e.source is Source.USER] + [e for e in entries if e.source is Source.BUILTIN]
    for entry in ordered:
        if entry.key.casefold() == wanted:
            return entry
    for entry in ordered:
        if entry.title.casefold() == wanted:
            return entry
    known = ", ".join(sorted({e.key for e in entries}))
    if len(name_or_path) > MAX_NAME:
        raise NotFound(f"no circuit called '{shown}' (names are at most {MAX_NAME} characters); "
                       f"known circuits: {known}")
    raise NotFound(f"no circuit called '{shown}'; known circuits: {known}")
