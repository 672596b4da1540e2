"""Sharing circuits as files: import a file into the user's circuits folder, export one.

An import reads and validates the file first and changes nothing unless it is a usable
circuit; the file is copied as written (its comments kept) under a safe, unique name
derived from the circuit's name. A circuit whose name is already taken is refused unless
the user asks to replace theirs or to keep both under a new name.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path

from postrun.core.circuit import MAX_NAME, Circuit
from postrun.core.circuit_toml import MAX_FILE_BYTES
from postrun.core.errors import CircuitError
from postrun.store.circuit_reading import read_circuit_file
from postrun.store.circuit_writer import circuit_toml, safe_stem, unique_path, updated_toml, write_circuit
from postrun.store.library import LibraryEntry, Source
from postrun.store.paths import user_circuits_dir


class Clash(StrEnum):
    REFUSE = "refuse"
    REPLACE = "replace"
    RENAME = "rename"


@dataclass(frozen=True)
class Imported:
    source: Path
    saved: Path | None          # where it was written; None when nothing changed
    message: str                # for the command line, in words: one line per mistake
    clash: bool = False         # refused only because the name is taken: ask, then import again
    taken_by: str = ""          # what has the name: "a built-in circuit" or "your circuit NAME.toml"
    replaceable: bool = False   # the name is one of the user's own circuits (a built-in is never replaced)
    name: str = ""              # the circuit's name

    @property
    def ok(self) -> bool:
        return self.saved is not None


def _read_text(path: Path) -> str:
    """The file's text, for copying it as written (it was validated just before)."""
    with open(path, "rb") as handle:
        return handle.read(MAX_FILE_BYTES + 1).decode("utf-8")


def free_name(name: str, taken: set[str]) -> str:
    """'Quad day (2)', '(3)'… the first not in `taken` (case-insensitively), within MAX_NAME."""
    number = 2
    while True:
        suffix = f" ({number})"
        candidate = name[:MAX_NAME - len(suffix)] + suffix
        if candidate.casefold() not in taken:
            return candidate
        number += 1


def import_circuit(source: Path, library: list[LibraryEntry], clash: Clash = Clash.REFUSE,
                   folder: Path | None = None) -> Imported:
    folder = folder or user_circuits_dir()
    try:
        circuit = read_circuit_file(source)
        text = _read_text(source)
    except CircuitError as error:
        return Imported(source, None, "\n".join(str(p) for p in error.problems))
    except (OSError, UnicodeDecodeError) as exc:
        return Imported(source, None, f"{source}: cannot read the file ({getattr(exc, 'strerror', None) or exc})")
    same = [e for e in library if e.circuit is not None and e.circuit.name.casefold() == circuit.name.casefold()]
    target: Path | None = None
    if same and clash is Clash.REFUSE:
        if same[0].source is Source.BUILTIN:
            where, how = "a built-in circuit", "Import it with --rename to keep both."
        else:
            where = f"your circuit {same[0].path.name}"
            how = "Import it with --replace to overwrite yours, or --rename to keep both."
        return Imported(source, None, f"{source}: “{circuit.name}” is already the name of {where}; "
                                      f"nothing was imported. {how}", clash=True, taken_by=where,
                        replaceable=same[0].source is Source.USER, name=circuit.name)
    if same and clash is Clash.REPLACE:
        users = [e for e in same if e.source is Source.USER]
        if len(users) != len(same):
            return Imported(source, None, f"{source}: “{circuit.name}” is the name of a built-in circuit, which "
                                          "cannot be replaced; nothing was imported. Use --rename to keep both.")
        target = users[0].path
    if same and clash is Clash.RENAME:
        taken = {e.circuit.name.casefold() for e in library if e.circuit is not None}
        renamed = replace(circuit, name=free_name(circuit.name, taken))
        try:
            text = updated_toml(text, circuit, renamed)
        except Exception:  # noqa: BLE001 - tomlkit could not edit it in place: write it fresh
            text = circuit_toml(renamed)
        circuit = renamed
    if target is None:
        target = _new_path(circuit, library, folder)
    try:
        write_circuit(target, text)
    except OSError as exc:
        return Imported(source, None, f"{source}: could not be saved as {target} ({exc.strerror or exc}); "
                                      "nothing was imported.")
    return Imported(source, target, f"Imported “{circuit.name}” as {target}.")


def export_circuit(entry: LibraryEntry, destination: Path, overwrite: bool = False) -> Path:
    """Write the circuit to `destination` (a file, or a folder to put KEY.toml in), as its
    file is written (comments kept). Raises OSError / FileExistsError, or ValueError for
    a circuit that cannot be used."""
    if entry.circuit is None:
        raise ValueError(f"{entry.path.name} cannot be exported: {entry.error.first if entry.error else 'broken'}")
    if destination.is_dir():
        destination = destination / f"{entry.key}.toml"
    if destination.exists() and not overwrite:
        raise FileExistsError(f"{destination} already exists")
    try:
        text = _read_text(entry.path)
        if read_circuit_file(entry.path) != entry.circuit:
            text = circuit_toml(entry.circuit)      # changed on disk since it was listed: write what was shown
    except (OSError, UnicodeDecodeError, CircuitError):
        text = circuit_toml(entry.circuit)
    write_circuit(destination, text)
    return destination


def _new_path(circuit: Circuit, library: list[LibraryEntry], folder: Path) -> Path:
    """A file for a circuit not yet saved: named after it, unique among the user's."""
    return unique_path(folder, safe_stem(circuit.name), {e.key for e in library if e.source is Source.USER})


def save_new(circuit: Circuit, library: list[LibraryEntry], folder: Path | None = None) -> Path:
    """A circuit made in the editor, as a new file in the user's folder."""
    target = _new_path(circuit, library, folder or user_circuits_dir())
    write_circuit(target, circuit_toml(circuit))
    return target


def save_edit(entry: LibraryEntry, circuit: Circuit) -> Path:
    """A user circuit changed in the editor, written over its own file; a file a person
    wrote keeps its comments and layout (only the changed values are replaced)."""
    assert entry.source is Source.USER
    try:
        original = _read_text(entry.path)
        old = read_circuit_file(entry.path)
        text = updated_toml(original, old, circuit)
    except (OSError, UnicodeDecodeError, CircuitError):
        text = circuit_toml(circuit)            # unreadable now: write the editor's version whole
    except Exception:  # noqa: BLE001 - a layout tomlkit cannot edit: never lose the user's change
        text = circuit_toml(circuit)
    write_circuit(entry.path, text)
    return entry.path


def delete_user_circuit(entry: LibraryEntry) -> None:
    if entry.source is not Source.USER:
        raise ValueError("built-in circuits cannot be deleted")
    os.remove(entry.path)
