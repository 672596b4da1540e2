"""What the picker's New, Duplicate, Edit, Delete, Import and Export do: open the editor,
write the file, and say what happened on the picker. Built-in circuits are read-only:
editing one offers a copy."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from postrun.store.library import LibraryEntry, Source

if TYPE_CHECKING:
    from postrun.core.circuit import Circuit
    from postrun.ui.editor_view import EditorView
    from postrun.ui.main_window import MainWindow

# the circuit files' writers (tomlkit) and the editor's model load on first use, not
# before the circuit list's first paint


class CircuitActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.target: LibraryEntry | None = None      # the user circuit being edited; None for a new one

    @property
    def editor(self) -> EditorView:
        return self.window.editor

    def handle(self, name: str, entry: LibraryEntry | None) -> None:
        if name == "new":
            self.new()
        elif name == "import":
            self.import_files(self.window.dialogs.open_circuits(self.window))
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
        self.window.picker.show_notice(text)

    # -- the editor ------------------------------------------------------------------

    def new(self) -> None:
        from postrun.ui.editor_state import CircuitForm

        self.target = None
        self.window.show_editor(CircuitForm(), "New circuit")

    def duplicate(self, entry: LibraryEntry) -> None:
        from postrun.store.circuit_exchange import free_name
        from postrun.ui.editor_state import form_of

        if entry.circuit is None:
            self.say(f"{entry.path.name} cannot be copied: {entry.error.first if entry.error else 'it is broken'}")
            return
        taken = {e.circuit.name.casefold() for e in self.window.data.library() if e.circuit is not None}
        form = form_of(entry.circuit)
        form.name = free_name(entry.circuit.name, taken)
        self.target = None
        self.window.show_editor(form, f"New circuit, a copy of “{entry.circuit.name}”")

    def edit(self, entry: LibraryEntry) -> None:
        if entry.source is Source.BUILTIN:
            if self.window.dialogs.confirm(self.window, f"“{entry.title}” is built in and cannot be changed. "
                                                        "Make a copy of your own to edit?"):
                self.duplicate(entry)
            return
        if entry.circuit is None:
            self.say(f"{entry.path.name} cannot be opened in the editor until its mistake is fixed in a text "
                     f"editor: {entry.error.first if entry.error else ''}")
            return
        from postrun.ui.editor_state import form_of

        self.target = entry
        self.window.show_editor(form_of(entry.circuit), f"Editing “{entry.circuit.name}” ({entry.path.name})")

    def save(self, circuit: Circuit) -> None:
        from postrun.store.circuit_exchange import save_edit, save_new

        try:
            if self.target is None:
                path = save_new(circuit, self.window.data.library())
            else:
                path = save_edit(self.target, circuit)
        except OSError as exc:
            self.editor.show_save_problem(f"Not saved: {exc.strerror or exc} ({getattr(exc, 'filename', '')}).")
            return
        self.editor.mark_saved()
        self.window.data.settings.last_circuit = path.stem
        self.window.show_picker(notice=f"Saved “{circuit.name}” as {path}.")

    # -- files -----------------------------------------------------------------------

    def delete(self, entry: LibraryEntry) -> None:
        if entry.source is Source.BUILTIN:
            self.say(f"“{entry.title}” is built in and cannot be deleted.")
            return
        if not self.window.dialogs.confirm(self.window, f"Delete “{entry.title}”? Its file {entry.path.name} is "
                                                        "removed from your circuits folder."):
            return
        from postrun.store.circuit_exchange import delete_user_circuit

        try:
            delete_user_circuit(entry)
        except OSError as exc:
            self.say(f"“{entry.title}” was not deleted: {exc.strerror or exc}.")
            return
        self.window.show_picker(notice=f"Deleted “{entry.title}”.")

    def import_files(self, paths: list[Path]) -> None:
        if not paths:
            return
        from postrun.store.circuit_exchange import import_circuit

        lines = []
        for path in paths:
            result = import_circuit(path, self.window.data.library())
            if result.clash:
                choice = self.window.dialogs.choose_clash(self.window, result.message.split(": ", 1)[-1])
                result = import_circuit(path, self.window.data.library(), choice) if choice else result
                if choice is None:
                    lines.append(f"{path.name}: not imported.")
                    continue
            lines.append(result.message)
        self.window.show_picker(notice="\n".join(lines))

    def export(self, entry: LibraryEntry) -> None:
        path = self.window.dialogs.save_circuit(self.window, f"{entry.key}.toml")
        if path is None:
            return
        from postrun.store.circuit_exchange import export_circuit

        try:
            written = export_circuit(entry, path, overwrite=True)      # the dialog asked about overwriting
        except (OSError, ValueError) as exc:
            self.say(f"Not exported: {getattr(exc, 'strerror', None) or exc}.")
            return
        self.say(f"Wrote “{entry.title}” to {written}. Share the file; `postrun import` or a drop on the "
                 "circuit list adds it.")


__all__ = ["CircuitActions"]
