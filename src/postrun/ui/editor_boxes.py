"""The editor's two forms as named widgets: the circuit's own fields, and the fields of
the exercise selected in the list. Each field has an Alt+letter caption and a problem
line beneath it, keyed by the field's name in the circuit file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from postrun.core.circuit import MAX_ROUNDS
from postrun.core.load import BAND_COLOURS, WITH_WEIGHT, LoadType, Unit
from postrun.ui.number_box import NumberBox
from postrun.ui.theme import font


def line_edit(parent: QWidget, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setFont(font(17))
    edit.setPlaceholderText(placeholder)
    return edit


LOAD_WORDS = {
    LoadType.KETTLEBELL: "kettlebell", LoadType.DUMBBELL: "dumbbell", LoadType.BARBELL: "barbell",
    LoadType.CABLE: "cable / machine", LoadType.BODYWEIGHT: "bodyweight", LoadType.WEIGHTED: "bodyweight + added",
    LoadType.ASSISTED: "assisted (weight off)", LoadType.BAND: "band", LoadType.NONE: "none",
}
PROGRESSION_WORDS = {"": "default: double for a rep range, time for timed", "double": "double: reps, then load",
                     "time": "time: longer, then load", "none": "none: the same each time"}

# a multi-line box shows that it has the focus, as a line edit does (Fusion draws no frame)
TEXT_BOX_STYLE = ("QPlainTextEdit { border: 1px solid palette(mid); border-radius: 2px; }"
                  "QPlainTextEdit:focus { border: 2px solid palette(highlight); }")


def text_box(parent: QWidget, placeholder: str, height: int) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setFont(font(15))
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    box.setStyleSheet(TEXT_BOX_STYLE)
    return box


def problem_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setFont(font(14))
    label.setStyleSheet("color: #a00000;")
    label.setWordWrap(True)
    label.hide()
    return label


def note_label(parent: QWidget) -> QLabel:
    """A line that tells, not warns (what a change did): the text's own colour."""
    label = QLabel(parent)
    label.setFont(font(14))
    label.setWordWrap(True)
    label.hide()
    return label


def say(label: QLabel, messages: list[str]) -> None:
    label.setVisible(bool(messages))
    label.setText("\n".join(messages))


class _FieldsBox(QGroupBox):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(title, parent)
        self.setFont(font(17, bold=True))
        self.form = QFormLayout(self)
        self.problems: dict[str, QLabel] = {}

    def add_row(self, label: str, widget: QWidget, key: str, buddy: QWidget | None = None) -> None:
        caption = QLabel(label, self)
        caption.setFont(font(16))
        caption.setBuddy(buddy or widget)     # Alt+letter jumps to the field
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(widget)
        self.problems[key] = problem_label(self)
        column.addWidget(self.problems[key])
        self.form.addRow(caption, holder)

    def show_problems(self, by_key: dict[str, list[str]]) -> None:
        for key, label in self.problems.items():
            say(label, by_key.get(key, []))


class CircuitBox(_FieldsBox):
    """Name, summary, focus, rounds and the circuit's rests."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Circuit", parent)
        self.name = line_edit(self, "e.g. Hamstrings after a 5k")
        self.summary = line_edit(self, "optional: one sentence on what it is for")
        self.focus = line_edit(self, "muscle groups, comma-separated: glutes, hamstrings")
        # keeps what is typed (999 stays 999): the reader's "must be from 1 to 50" shows beneath
        self.rounds = NumberBox(self, 1, MAX_ROUNDS, "Rounds")
        self.rounds.setFont(font(17))
        self.prepare = line_edit(self, "10s")
        self.rest = line_edit(self, "20s, or 0 for none")
        self.round_rest = line_edit(self, "60s")
        self.switch = line_edit(self, "5s")
        self.skip_last_rest = QCheckBox("No rest after the last exercise", self)
        self.skip_last_rest.setFont(font(16))
        for label, widget, key in (("&Name", self.name, "name"), ("Su&mmary", self.summary, "summary"),
                                   ("&Focus", self.focus, "focus"), ("&Rounds", self.rounds, "rounds"),
                                   ("&Get ready", self.prepare, "prepare"), ("R&est", self.rest, "rest"),
                                   ("Round res&t", self.round_rest, "round_rest"),
                                   ("S&witch sides", self.switch, "switch")):
            self.add_row(label, widget, key)
        self.form.addRow("", self.skip_last_rest)

    def text_fields(self) -> tuple[tuple[QLineEdit, str], ...]:
        """The typed fields and the form's attribute each one edits."""
        return ((self.name, "name"), (self.summary, "summary"), (self.focus, "focus"),
                (self.prepare, "prepare"), (self.rest, "rest"), (self.round_rest, "round_rest"),
                (self.switch, "switch"))


class ExerciseBox(_FieldsBox):
    """The selected exercise: name (with the catalogue's names offered), length, equipment,
    muscles, tips, demo link and alternatives."""

    def __init__(self, catalogue_names: list[str], parent: QWidget | None = None) -> None:
        super().__init__("Exercise", parent)
        self.name = line_edit(self, "type, or pick from the catalogue")
        self.completer = QCompleter(catalogue_names, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name.setCompleter(self.completer)
        self.kind = QComboBox(self)
        self.kind.addItems(["timed", "reps"])
        self.kind.setFont(font(16))
        self.amount = line_edit(self, "40s, 1:30 — or 12 for reps")
        self.each_side = QCheckBox("Each side (left, switch, right)", self)
        self.each_side.setFont(font(16))
        self.equipment = line_edit(self, "comma-separated: kettlebell, mat")
        self.muscles = line_edit(self, "comma-separated: glutes, hamstrings")
        self.tips = text_box(self, "one form tip per line, under 120 characters each", 100)
        self.demo = line_edit(self, "optional link to a demonstration")
        self.alternatives = text_box(self, "swaps offered before starting, one name per line", 64)
        self.length_note = note_label(self)     # what switching timed/reps did to the amount
        # the load: its type, a weight (each one's for a pair), the unit, or a band's colour
        self.load_type = QComboBox(self)
        self.load_type.addItem("no load given", "")
        for kind in LoadType:
            self.load_type.addItem(LOAD_WORDS[kind], kind.value)
        self.load_weight = line_edit(self, "16, 12.5")
        self.load_unit = QComboBox(self)
        self.load_unit.addItems([u.value for u in Unit])
        self.load_pair = QCheckBox("a pair", self)
        self.load_pair.setFont(font(16))
        self.load_both = QCheckBox("weight of both", self)
        self.load_both.setFont(font(16))
        self.load_both.setToolTip("Ticked: the number is the pair together (32 kg for two 16 kg bells)")
        self.load_band = QComboBox(self)
        self.load_band.addItems(list(BAND_COLOURS))
        for box in (self.load_type, self.load_unit, self.load_band):
            box.setFont(font(16))
        load = QWidget(self)
        load_row = QHBoxLayout(load)
        load_row.setContentsMargins(0, 0, 0, 0)
        for part, stretch in ((self.load_type, 0), (self.load_weight, 1), (self.load_unit, 0), (self.load_pair, 0),
                              (self.load_both, 0), (self.load_band, 0)):
            load_row.addWidget(part, stretch)
        self.progression = QComboBox(self)
        self.progression.setFont(font(16))
        for value, words in PROGRESSION_WORDS.items():
            self.progression.addItem(words, value)
        length = QWidget(self)
        lines = QVBoxLayout(length)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(2)
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.amount, 1)
        lines.addLayout(row)
        lines.addWidget(self.length_note)
        for label, widget, key in (("N&ame", self.name, "name"), ("&Length", length, "length"),
                                   ("L&oad", load, "load"), ("Progre&ssion", self.progression, "progression"),
                                   ("E&quipment", self.equipment, "equipment"), ("M&uscles", self.muscles, "muscles"),
                                   ("T&ips", self.tips, "tips"), ("&Demo link", self.demo, "demo"),
                                   ("Alternati&ves", self.alternatives, "alternative")):
            # Alt+L lands on the timed/reps choice; Tab goes on to the number
            buddy = {"length": self.kind, "load": self.load_type}.get(key)
            self.add_row(label, widget, key, buddy=buddy)
            if key == "length":
                self.form.addRow("", self.each_side)

    def inputs(self) -> tuple[QWidget, ...]:
        return (self.name, self.kind, self.amount, self.each_side, self.equipment, self.muscles, self.tips,
                self.demo, self.alternatives, self.load_type, self.load_weight, self.load_unit, self.load_pair,
                self.load_both, self.load_band, self.progression)

    def show_load_fields(self, load_type: str, pair: bool = False) -> None:
        """Only the fields the load's type uses: a weight for weights, a colour for a band,
        and for a pair whether the weight is each one's or both together."""
        weighted = load_type in {t.value for t in WITH_WEIGHT}
        for widget in (self.load_weight, self.load_unit):
            widget.setVisible(weighted)
        pairs = load_type in (LoadType.KETTLEBELL.value, LoadType.DUMBBELL.value)
        self.load_pair.setVisible(pairs)
        self.load_both.setVisible(pairs and pair)
        self.load_band.setVisible(load_type == LoadType.BAND.value)

    def text_fields(self) -> tuple[tuple[QLineEdit, str], ...]:
        return ((self.name, "name"), (self.amount, "amount"), (self.equipment, "equipment"),
                (self.muscles, "muscles"), (self.demo, "demo"), (self.load_weight, "load_weight"))
