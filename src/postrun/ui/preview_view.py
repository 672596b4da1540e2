"""Check a circuit before starting: exercises in order with their tips, swap any exercise
for its substitute, change the rounds and get-ready time; the total follows."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from postrun.core.circuit import MAX_ROUNDS, Circuit
from postrun.core.durations import format_duration
from postrun.core.segment_words import amount_text
from postrun.core.timeline import build_timeline, max_rounds_for
from postrun.store.library import LibraryEntry
from postrun.store.settings import StartChoices
from postrun.ui.resume_bar import ResumeBar
from postrun.ui.theme import font


class PreviewView(QWidget):
    start_requested = Signal()
    back_requested = Signal()
    choices_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry: LibraryEntry | None = None
        self.swap_boxes: dict[int, QComboBox] = {}
        self.resume_bar = ResumeBar(self)
        self.notice = QLabel(self)        # a damaged log or settings, said here too: `postrun run` skips the picker
        self.notice.setWordWrap(True)
        self.notice.setFont(font(16))
        self.notice.hide()

        self.title = QLabel(self)
        self.title.setFont(font(34, bold=True))
        self.title.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setFont(font(18))
        self.facts = QLabel(self)
        self.facts.setFont(font(18))
        self.facts.setWordWrap(True)

        self.rounds = QSpinBox(self)
        self.rounds.setRange(1, MAX_ROUNDS)
        self.rounds.setFont(font(22))
        self.rounds.valueChanged.connect(self._changed)
        self.prepare = QSpinBox(self)
        self.prepare.setRange(0, 120)
        self.prepare.setSuffix(" s")
        self.prepare.setFont(font(22))
        self.prepare.valueChanged.connect(self._changed)
        self.fullscreen = QCheckBox("Full screen on start", self)
        self.fullscreen.setFont(font(18))
        self.volume = QSpinBox(self)
        self.volume.setRange(0, 100)
        self.volume.setSingleStep(10)
        self.volume.setSuffix(" %")
        self.volume.setFont(font(18))
        self.voice = QCheckBox("Spoken next-up", self)
        self.voice.setFont(font(18))
        self.lead_in = QCheckBox("Lead-in for Bluetooth speakers", self)
        self.lead_in.setFont(font(18))
        self.lead_in.setToolTip("Each cue starts a moment early with silence in front, so a speaker that sleeps "
                                "between sounds wakes in time; the sound itself still lands on the second")
        self.voice_note = QLabel(self)
        self.voice_note.setFont(font(14))
        self.voice_note.setWordWrap(True)
        self.total = QLabel(self)
        self.total.setFont(font(28, bold=True))

        self.exercises = QWidget(self)
        self.exercise_grid = QGridLayout(self.exercises)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.exercises)

        self.start_button = QPushButton("Start  (Space)", self)
        self.start_button.setFont(font(30, bold=True))
        self.start_button.setMinimumHeight(80)
        self.start_button.clicked.connect(self.start_requested)
        back = QPushButton("◀ Circuits  (Esc)", self)
        back.setFont(font(18))
        back.clicked.connect(self.back_requested)

        settings_row = QHBoxLayout()
        for label_text, widget in [("Rounds", self.rounds), ("Get ready", self.prepare)]:
            label = QLabel(label_text, self)
            label.setFont(font(22))
            settings_row.addWidget(label)
            settings_row.addWidget(widget)
            settings_row.addSpacing(24)
        settings_row.addWidget(self.fullscreen)
        settings_row.addStretch(1)
        settings_row.addWidget(self.total)

        sound_row = QHBoxLayout()
        volume_label = QLabel("Volume", self)
        volume_label.setFont(font(18))
        sound_row.addWidget(volume_label)
        sound_row.addWidget(self.volume)
        sound_row.addSpacing(16)
        sound_row.addWidget(self.voice)
        sound_row.addSpacing(16)
        sound_row.addWidget(self.lead_in)
        sound_row.addWidget(self.voice_note, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.resume_bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.facts)
        layout.addLayout(settings_row)
        layout.addLayout(sound_row)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.start_button)

    # -- filling ---------------------------------------------------------------------

    def show_notice(self, text: str | None) -> None:
        self.notice.setVisible(bool(text))
        self.notice.setText(text or "")

    def show_sound(self, volume: int, voice: bool, lead_in: bool, voice_problem: str | None) -> None:
        self.volume.setValue(volume)
        self.lead_in.setChecked(lead_in)
        self.show_voice(voice, voice_problem)

    def show_voice(self, voice: bool, voice_problem: str | None) -> None:
        self.voice.setChecked(voice and voice_problem is None)
        self.voice.setEnabled(voice_problem is None)
        checking = voice_problem is not None and voice_problem.startswith("still checking")
        self.voice_note.setText("Voice: checking the speech engine…" if checking
                                else f"Voice unavailable: {voice_problem}" if voice_problem else "")

    def show_entry(self, entry: LibraryEntry, swaps: dict[int, int], rounds: int | None,
                   prepare: int | None, fullscreen: bool) -> None:
        assert entry.circuit is not None
        self.entry = entry
        circuit = entry.circuit
        self.title.setText(circuit.name)
        self.summary.setText(circuit.summary)
        self.summary.setVisible(bool(circuit.summary))
        for widget in (self.rounds, self.prepare):
            widget.blockSignals(True)
        # never more rounds than fit in the 4-hour limit, whatever was remembered
        self.rounds.setMaximum(max_rounds_for(circuit))
        self.rounds.setValue(rounds if rounds is not None and rounds <= self.rounds.maximum() else circuit.rounds)
        self.prepare.setValue(prepare if prepare is not None else circuit.prepare)
        for widget in (self.rounds, self.prepare):
            widget.blockSignals(False)
        self.fullscreen.setChecked(fullscreen)
        self._fill_exercises(circuit, swaps)
        self._changed()
        self.start_button.setFocus()

    def _fill_exercises(self, circuit: Circuit, swaps: dict[int, int]) -> None:
        while self.exercise_grid.count():
            item = self.exercise_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.swap_boxes = {}
        for index, exercise in enumerate(circuit.exercises):
            name = QLabel(f"{index + 1}. {exercise.name}", self.exercises)
            name.setFont(font(24, bold=True))
            amount = QLabel(amount_text(exercise), self.exercises)
            amount.setFont(font(20))
            tips = QLabel("\n".join(f"• {tip}" for tip in exercise.tips), self.exercises)
            tips.setFont(font(16))
            tips.setWordWrap(True)
            row = index * 2
            self.exercise_grid.addWidget(name, row, 0)
            self.exercise_grid.addWidget(amount, row, 1)
            if exercise.alternatives:
                box = QComboBox(self.exercises)
                box.setFont(font(18))
                box.addItem(f"{exercise.name} ({', '.join(exercise.equipment) or 'no equipment'})")
                for alternative in exercise.alternatives:
                    box.addItem(f"Swap: {alternative.name} ({', '.join(alternative.equipment) or 'no equipment'})")
                chosen = swaps.get(index, -1)
                box.setCurrentIndex(chosen + 1 if chosen < len(exercise.alternatives) else 0)
                box.currentIndexChanged.connect(self._changed)
                self.swap_boxes[index] = box
                self.exercise_grid.addWidget(box, row, 2)
            self.exercise_grid.addWidget(tips, row + 1, 0, 1, 3)
        self.exercise_grid.setRowStretch(len(circuit.exercises) * 2, 1)

    # -- reading the choices ---------------------------------------------------------

    def swaps(self) -> dict[int, int]:
        return {index: box.currentIndex() - 1 for index, box in self.swap_boxes.items() if box.currentIndex() > 0}

    def choices(self) -> StartChoices:
        return StartChoices(swaps=self.swaps(), rounds=self.rounds.value(), prepare=self.prepare.value(),
                            fullscreen=self.fullscreen.isChecked(), volume=self.volume.value(),
                            lead_in=self.lead_in.isChecked(),
                            voice=self.voice.isChecked() if self.voice.isEnabled() else None)

    def chosen_circuit(self) -> Circuit:
        assert self.entry is not None
        assert self.entry.circuit is not None
        return self.choices().applied_to(self.entry.circuit)

    def _changed(self) -> None:
        if self.entry is None or self.entry.circuit is None:
            return
        circuit = self.chosen_circuit()
        timeline = build_timeline(circuit)
        reps = " + reps" if timeline.rep_segments else ""
        self.total.setText(f"Total {format_duration(timeline.total_seconds)}{reps}")
        focus = ", ".join(circuit.focus) or "—"
        equipment = ", ".join(circuit.equipment) or "no equipment"
        self.facts.setText(f"Focus: {focus}    Equipment: {equipment}")
        self.choices_changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.start_requested.emit()
        elif event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Backspace):
            self.back_requested.emit()
        else:
            super().keyPressEvent(event)
