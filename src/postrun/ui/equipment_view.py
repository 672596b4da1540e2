"""Your equipment, set once: the unit, the kettlebells, dumbbells and plates you own, the
bar, a machine's stack, your bands and (if you like) your bodyweight. Every suggestion
snaps to a weight these make. Reached from the circuit list (Ctrl+G); Ctrl+S saves, Esc
goes back (asking when something is not saved)."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from postrun.core.equipment import Equipment, default_equipment
from postrun.core.load import BAND_COLOURS, Unit, number_text
from postrun.store.equipment_file import EquipmentError, equipment_of
from postrun.ui.editor_boxes import problem_label, say
from postrun.ui.theme import font

LISTS = (("&Kettlebells", "kettlebells", "each bell you own: 8, 12, 16, 16, 24 (two of a weight make a pair)"),
         ("&Dumbbells", "dumbbells", "each pair on the rack"),
         ("&Plates", "plates", "each pair of plates, one per side of a bar"))
SINGLES = (("Ba&r", "bar", "the empty bar"), ("Machine stack ste&p", "stack_step", "a cable or assisted machine"),
           ("Machine stack &top", "stack_top", "its heaviest setting"),
           ("Body&weight", "bodyweight", "optional: counts in the volume of bodyweight sets"))


def parse_numbers(text: str, decimal_point: str) -> list[float | str]:
    """'8, 12, 16' or '12,5; 16' (a comma locale) as numbers; what is not a number stays
    text, for the check to name."""
    separators = r"[;\s]+" if decimal_point == "," else r"[,;\s]+"
    found: list[float | str] = []
    for part in re.split(separators, text.strip()):
        if not part:
            continue
        try:
            found.append(float(part.replace(decimal_point, ".")))
        except ValueError:
            found.append(part)
    return found


class EquipmentView(QWidget):
    closed = Signal(str)          # what to say on the circuit list ("" for nothing)

    def __init__(self, decimal_point: str = ".", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.decimal_point = decimal_point
        self.saved_equipment = Equipment()
        # the window's: saves, and returns why not in words, or None
        self.save_with: Callable[[Equipment], str | None] = lambda equipment: None
        heading = QLabel("Your equipment", self)
        heading.setFont(font(34, bold=True))
        intro = QLabel("Every suggested load is one these make: never a 37 kg barbell or an 11 kg dumbbell.", self)
        intro.setFont(font(16))
        intro.setWordWrap(True)
        self.unit = QComboBox(self)
        self.unit.addItems([u.value for u in Unit])
        self.unit.setFont(font(17))
        self.fields: dict[str, QLineEdit] = {}
        self.problems: dict[str, QLabel] = {}
        form = QFormLayout()
        unit_label = QLabel("&Unit", self)
        unit_label.setBuddy(self.unit)
        form.addRow(unit_label, self.unit)
        for caption, key, hint in (*LISTS, *SINGLES):
            edit = QLineEdit(self)
            edit.setFont(font(17))
            edit.setPlaceholderText(hint)
            label = QLabel(caption, self)
            label.setFont(font(16))
            label.setBuddy(edit)
            holder = QWidget(self)
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(edit)
            self.problems[key] = problem_label(holder)
            column.addWidget(self.problems[key])
            form.addRow(label, holder)
            self.fields[key] = edit
            edit.textEdited.connect(lambda _text: self.check())
        self.bands = {colour: QCheckBox(colour, self) for colour in BAND_COLOURS}
        band_row = QHBoxLayout()
        for box in self.bands.values():
            box.setFont(font(16))
            box.toggled.connect(lambda _on: self.check())
            band_row.addWidget(box)
        band_row.addStretch(1)
        band_label = QLabel("Bands", self)
        band_label.setFont(font(16))
        form.addRow(band_label, band_row)
        self.status = QLabel(self)
        self.status.setFont(font(16))
        self.status.setWordWrap(True)
        self.save_button = QPushButton("Save  (Ctrl+S)", self)
        self.back_button = QPushButton("Back  (Esc)", self)
        self.defaults_button = QPushButton("Defaults for the unit", self)
        for button in (self.save_button, self.back_button, self.defaults_button):
            button.setFont(font(18, bold=button is self.save_button))
        self.save_button.clicked.connect(self.save)
        self.back_button.clicked.connect(self.leave)
        self.defaults_button.clicked.connect(lambda: self.show_equipment(default_equipment(self.chosen_unit()),
                                                                         keep_saved=True))
        self.unit.activated.connect(lambda _: self.check())
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.defaults_button)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addLayout(buttons)
        save_key = QShortcut(QKeySequence("Ctrl+S"), self)
        save_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_key.activated.connect(self.save)

    def chosen_unit(self) -> Unit:
        return Unit(self.unit.currentText())

    def show_equipment(self, equipment: Equipment, keep_saved: bool = False) -> None:
        if not keep_saved:
            self.saved_equipment = equipment
        self.unit.setCurrentText(equipment.unit.value)
        point = self.decimal_point
        separator = "; " if point == "," else ", "
        for key in ("kettlebells", "dumbbells", "plates"):
            self.fields[key].setText(separator.join(number_text(w, point) for w in getattr(equipment, key)))
        for key in ("bar", "stack_step", "stack_top", "bodyweight"):
            value = getattr(equipment, key)
            self.fields[key].setText("" if value is None else number_text(value, point))
        for colour, box in self.bands.items():
            box.setChecked(colour in equipment.bands)
        self.status.setText("")
        self.check()
        self.fields["kettlebells"].setFocus()

    def document(self) -> dict[str, object]:
        data: dict[str, object] = {"unit": self.unit.currentText(),
                                   "bands": [c for c, box in self.bands.items() if box.isChecked()]}
        for key in ("kettlebells", "dumbbells", "plates"):
            data[key] = parse_numbers(self.fields[key].text(), self.decimal_point)
        for key in ("bar", "stack_step", "stack_top", "bodyweight"):
            numbers = parse_numbers(self.fields[key].text(), self.decimal_point)
            if numbers or key != "bodyweight":
                data[key] = numbers[0] if len(numbers) == 1 else self.fields[key].text()
        return data

    def check(self) -> Equipment | None:
        """The equipment as typed, or None with the problem beside its field."""
        for shown in self.problems.values():
            say(shown, [])
        try:
            equipment = equipment_of(self.document())
        except EquipmentError as exc:
            label = self.problems.get(exc.field)
            if label is not None:
                say(label, [str(exc)])
            else:
                self.status.setText(str(exc))
            self.save_button.setEnabled(False)
            return None
        self.save_button.setEnabled(True)
        return equipment

    @property
    def changed(self) -> bool:
        equipment = self.check()
        return equipment is None or equipment != self.saved_equipment

    def save(self) -> None:
        equipment = self.check()
        if equipment is None:
            return
        problem = self.save_with(equipment)
        if problem is not None:
            self.status.setText(f"Not saved: {problem}.")
            return
        self.saved_equipment = equipment
        self.closed.emit("Your equipment is saved: suggestions use it from now on.")

    def leave(self) -> None:
        self.closed.emit("" if not self.changed else "Your equipment was not changed (it was not saved).")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.leave()
        else:
            super().keyPressEvent(event)
