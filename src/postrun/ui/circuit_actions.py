"""What the picker's New, Duplicate, Edit, Delete, Import and Export do: open the editor,
write the file, and say what happened. Built-in circuits are read-only: editing one
offers a copy.

It knows the window only as a Navigator (show a view, say something there) and asks its
questions through the one Dialogs object. It is made when the first action comes, so the
circuit files' writers (tomlkit) and the editor's model load then, not before the
circuit list's first paint."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QWidget

from postrun.core.circuit import Circuit
from postrun.store.circuit_exchange import (
    delete_user_circuit,
    export_circuit,
    free_name,
    import_circuit,
    save_edit,
    save_new,
)
from postrun.store.library import LibraryEntry, Source
from postrun.store.user_data import UserData
from postrun.ui.dialogs import Dialogs
from postrun.ui.editor_state import CircuitForm, form_of


class Navigator(Protocol):
    """The window, as the circuit actions see it."""

    def show_editor(self, form: CircuitForm, title: str) -> None: ...
    def show_picker(self, notice: str | None = None) -> None: ...
    def say_on_picker(self, text: str) -> None: ...
    def say_in_editor(self, text: str) -> None: ...
    def editor_saved(self) -> None: ...


class CircuitActions:
    def __init__(self, navigator: Navigator, data: UserData, dialogs: Dialogs, parent: QWidget) -> None:
        self.navigator = navigator
        self.data = data
        self.dialogs = dialogs
        self.parent = parent                         # what the dialogs open over
        self.target: LibraryEntry | None = None      # the user circuit being edited; None for a new one

    def handle(self, name: str, entry: LibraryEntry | None) -> None:
        if name == "new":
            self.new()
        elif name == "import":
            self.import_files(self.dialogs.open_circuits(self.parent))
        elif entry is None:
            self.say("Pick a circuit in the list first.")
        elif name == "duplicate":
            self.duplicate(entry)
        elif name == "edit":
            self.edit(entry)
        elif name == "delete":
            self.delete(entry)
        elif name == "export":
            self.export(entry)

    def say(self, text: str) -> None:
        self.navigator.say_on_picker(text)

    # -- the editor ------------------------------------------------------------------

    def new(self) -> None:
        self.target = None
        self.navigator.show_editor(CircuitForm(), "New circuit")

    def duplicate(self, entry: LibraryEntry) -> None:
        if entry.circuit is None:
            self.say(f"{entry.path.name} cannot be copied: {entry.error.first if entry.error else 'it is broken'}")
            return
        taken = {e.circuit.name.casefold() for e in self.data.library() if e.circuit is not None}
        form = form_of(entry.circuit)
        form.name = free_name(entry.circuit.name, taken)
        self.target = None
        self.navigator.show_editor(form, f"New circuit, a copy of “{entry.circuit.name}”")

    def edit(self, entry: LibraryEntry) -> None:
        if entry.source is Source.BUILTIN:
            if self.dialogs.confirm(self.parent, f"“{entry.title}” is built in and cannot be changed. "
                                                 "Make a copy of your own to edit?"):
                self.duplicate(entry)
            return
        if entry.circuit is None:
            self.say(f"{entry.path.name} cannot be opened in the editor until its mistake is fixed in a text "
                     f"editor: {entry.error.first if entry.error else ''}")
            return
        self.target = entry
        self.navigator.show_editor(form_of(entry.circuit), f"Editing “{entry.circuit.name}” ({entry.path.name})")

    def save(self, circuit: Circuit) -> None:
        try:
            path = save_new(circuit, self.data.library()) if self.target is None else save_edit(self.target, circuit)
        except OSError as exc:
            self.navigator.say_in_editor(f"Not saved: {exc.strerror or exc} ({getattr(exc, 'filename', '')}).")
            return
        self.navigator.editor_saved()
        self.data.settings.last_circuit = path.stem
        self.navigator.show_picker(notice=f"Saved “{circuit.name}” as {path}.")

    # -- files -----------------------------------------------------------------------

    def delete(self, entry: LibraryEntry) -> None:
        if entry.source is Source.BUILTIN:
            self.say(f"“{entry.title}” is built in and cannot be deleted.")
            return
        if not self.dialogs.confirm(self.parent, f"Delete “{entry.title}”? Its file {entry.path.name} is "
                                                 "removed from your circuits folder."):
            return
        try:
            delete_user_circuit(entry)
        except OSError as exc:
            self.say(f"“{entry.title}” was not deleted: {exc.strerror or exc}.")
            return
        self.navigator.show_picker(notice=f"Deleted “{entry.title}”.")

    def import_files(self, paths: list[Path]) -> None:
        if not paths:
            return
        lines = []
        for path in paths:
            result = import_circuit(path, self.data.library())
            if result.clash:
                # the window's own words: no command-line flags, and no "Replace" for a built-in
                question = f"{path.name}: “{result.name}” is already the name of {result.taken_by}."
                choice = self.dialogs.choose_clash(self.parent, question, result.replaceable)
                if choice is None:
                    lines.append(f"{path.name}: not imported.")
                    continue
                result = import_circuit(path, self.data.library(), choice)
            lines.append(result.message)
        self.navigator.show_picker(notice="\n".join(lines))

    def export(self, entry: LibraryEntry) -> None:
        path = self.dialogs.save_circuit(self.parent, f"{entry.key}.toml")
        if path is None:
            return
        try:
            written = export_circuit(entry, path, overwrite=True)      # the dialog asked about overwriting
        except (OSError, ValueError) as exc:
            self.say(f"Not exported: {getattr(exc, 'strerror', None) or exc}.")
            return
        self.say(f"Wrote “{entry.title}” to {written}. Share the file; `postrun import` or a drop on the "
                 "circuit list adds it.")
