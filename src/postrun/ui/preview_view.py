"""Check a circuit before starting: exercises in order with their tips and the cool-down,
swap any exercise for its substitute, change the rounds and get-ready time and the sound
as it will be (muted, volume, voice, lead-in); the total follows, and is always what will
run. Space starts from anywhere on the page, whichever field has the focus."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
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
    QVBoxLayout,
    QWidget,
)

from postrun.core.balance import works_text
from postrun.core.circuit import MAX_ROUNDS, Circuit, Exercise, Sides
from postrun.core.durations import format_duration
from postrun.core.equipment import Equipment
from postrun.core.progression import Suggestion
from postrun.core.segment_words import amount_text
from postrun.core.timeline import build_timeline, max_rounds_for
from postrun.store.library import LibraryEntry
from postrun.store.muscle_groups import group_table
from postrun.store.settings import StartChoices
from postrun.ui.load_plan import LoadPlan
from postrun.ui.number_box import NumberBox
from postrun.ui.resume_bar import ResumeBar
from postrun.ui.theme import font

MAX_PREPARE = 120
START_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class PreviewView(QWidget):
    start_requested = Signal()
    back_requested = Signal()
    choices_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry: LibraryEntry | None = None
        self.swap_boxes: dict[int, QComboBox] = {}
        # today's load of each exercise that has one or a rule to follow, from the window
        self.suggest_for: Callable[[Exercise], Suggestion | None] = lambda exercise: None
        self.equipment: Callable[[], Equipment] = lambda: Equipment()
        self.plans: dict[int, LoadPlan] = {}
        self.amounts: dict[int, QLabel] = {}       # each exercise's length as it will run today
        self._planned: dict[int, Exercise] = {}
        self._voice_problem: str | None = None
        self._run_rounds: int | None = None      # the rounds today's run suggests (A applies them)
        self._run_applied = False
        self._offer_sentence = ""
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
        self.run_offer = QLabel(self)     # what today's run suggests, and the key that takes it
        self.run_offer.setFont(font(18))
        self.run_offer.setWordWrap(True)
        self.run_offer.setStyleSheet("QLabel { background: #eef5ee; border-radius: 6px; padding: 6px; }")
        self.run_offer.hide()

        self.rounds = NumberBox(self, 1, MAX_ROUNDS, "Rounds")
        self.rounds.setFont(font(22))
        self.prepare = NumberBox(self, 0, MAX_PREPARE, "Get ready", " s")
        self.prepare.setFont(font(22))
        self.fullscreen = QCheckBox("&Full screen on start", self)
        self.fullscreen.setFont(font(18))
        self.muted = QCheckBox("&Mute (M)", self)
        self.muted.setFont(font(18))
        self.muted.setToolTip("No cues and no voice; M changes it here and during the workout")
        self.volume = NumberBox(self, 0, 100, "Volume", " %")
        self.volume.setSingleStep(10)
        self.volume.setFont(font(18))
        self.voice = QCheckBox("Spoken &next-up", self)
        self.voice.setFont(font(18))
        self.lead_in = QCheckBox("&Lead-in for Bluetooth speakers", self)
        self.lead_in.setFont(font(18))
        self.lead_in.setToolTip("Each cue starts a moment early with silence in front, so a speaker that sleeps "
                                "between sounds wakes in time; the sound itself still lands on the second")
        self.voice_note = QLabel(self)
        self.voice_note.setFont(font(14))
        self.voice_note.setWordWrap(True)
        self.total = QLabel(self)
        self.total.setFont(font(28, bold=True))
        self.problems = QLabel(self)        # a field's limit, said beside the fields
        self.problems.setFont(font(16, bold=True))
        self.problems.setStyleSheet("color: #b00020")
        self.problems.setWordWrap(True)
        self.problems.hide()
        for box in (self.rounds, self.prepare, self.volume):
            box.edited.connect(self._changed)
        self.muted.toggled.connect(self._sound_changed)

        self.exercises = QWidget(self)
        self.exercise_grid = QGridLayout(self.exercises)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.exercises)

        self.start_button = QPushButton("Start  (Space)", self)
        self.start_button.setFont(font(30, bold=True))
        self.start_button.setMinimumHeight(80)
        self.start_button.clicked.connect(self.request_start)
        back = QPushButton("◀ Circuits  (Esc)", self)
        back.setFont(font(18))
        back.clicked.connect(self.back_requested)

        settings_row = QHBoxLayout()
        for label_text, widget in [("&Rounds", self.rounds), ("&Get ready", self.prepare)]:
            label = QLabel(label_text, self)
            label.setFont(font(22))
            label.setBuddy(widget)
            settings_row.addWidget(label)
            settings_row.addWidget(widget)
            settings_row.addSpacing(24)
        settings_row.addWidget(self.fullscreen)
        settings_row.addStretch(1)
        settings_row.addWidget(self.total)

        sound_row = QHBoxLayout()
        sound_row.addWidget(self.muted)
        sound_row.addSpacing(16)
        volume_label = QLabel("&Volume", self)
        volume_label.setFont(font(18))
        volume_label.setBuddy(self.volume)
        sound_row.addWidget(volume_label)
        sound_row.addWidget(self.volume)
        sound_row.addSpacing(16)
        sound_row.addWidget(self.voice)
        sound_row.addSpacing(16)
        sound_row.addWidget(self.lead_in)
        sound_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.resume_bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.facts)
        layout.addWidget(self.run_offer)
        layout.addLayout(settings_row)
        layout.addLayout(sound_row)
        layout.addWidget(self.voice_note)      # its own line: a long reason must not squeeze the row
        layout.addWidget(self.problems)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.start_button)
        # Space (and Enter, M) mean the same wherever the focus is on this page; the resume
        # offer's own buttons keep theirs
        for child in self.findChildren(QWidget):
            if child.focusPolicy() != Qt.FocusPolicy.NoFocus and not self.resume_bar.isAncestorOf(child):
                child.installEventFilter(self)

    # -- filling ---------------------------------------------------------------------

    def show_notice(self, text: str | None) -> None:
        self.notice.setVisible(bool(text))
        self.notice.setText(text or "")

    def show_sound(self, muted: bool, volume: int, voice: bool, lead_in: bool, voice_problem: str | None) -> None:
        self.muted.setChecked(muted)
        self.volume.setValue(volume)
        self.lead_in.setChecked(lead_in)
        self.show_voice(voice, voice_problem)
        self._sound_changed()

    def _sound_changed(self) -> None:
        """Muted: the volume, voice and lead-in stay as chosen, and are shown as not in use."""
        muted = self.muted.isChecked()
        for widget in (self.volume, self.lead_in):
            widget.setEnabled(not muted)
        self.voice.setEnabled(not muted and self._voice_problem is None)

    def show_voice(self, voice: bool, voice_problem: str | None) -> None:
        self._voice_problem = voice_problem
        self.voice.setChecked(voice and voice_problem is None)
        self.voice.setEnabled(voice_problem is None and not self.muted.isChecked())
        checking = voice_problem is not None and voice_problem.startswith("still checking")
        self.voice_note.setText("Voice: checking the speech engine…" if checking
                                else f"Voice unavailable: {voice_problem}" if voice_problem else "")
        self.voice_note.setVisible(bool(voice_problem))

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
        limit = max_rounds_for(circuit)
        self.rounds.set_limit(limit, "the 4-hour limit" if limit < MAX_ROUNDS else "")
        self.rounds.setValue(rounds if rounds is not None and rounds <= limit else circuit.rounds)
        self.prepare.setValue(prepare if prepare is not None and prepare <= MAX_PREPARE else circuit.prepare)
        for widget in (self.rounds, self.prepare):
            widget.blockSignals(False)
        self.fullscreen.setChecked(fullscreen)
        self.offer_run_rounds(None, None)
        self._fill_exercises(circuit, swaps)
        self._changed()
        self.start_button.setFocus()

    def offer_run_rounds(self, sentence: str | None, rounds: int | None) -> None:
        """Today's run says `sentence`; with `rounds` (other than now), A takes them for today
        only. Nothing changes until the key is pressed."""
        self._offer_sentence = sentence or ""
        self._run_rounds = rounds if rounds is not None and rounds != self.rounds.value() else None
        self._run_applied = False
        self._show_run_offer()

    def _show_run_offer(self) -> None:
        text = self._offer_sentence
        if self._run_applied:
            text += "  Taken for today; the rounds kept for next time are unchanged."
        elif self._run_rounds is not None:
            rounds = self._run_rounds
            text += f"  Press A for {rounds} round{'s' if rounds != 1 else ''} today."
        self.run_offer.setText(text)
        self.run_offer.setVisible(bool(text))

    def apply_run_rounds(self) -> bool:
        """A: the rounds today's run suggests, for today (the remembered rounds stay)."""
        if self._run_rounds is None or self._run_applied:
            return False
        self.rounds.setValue(self._run_rounds)
        self._run_applied = True
        self._show_run_offer()
        self._changed()
        return True

    def _fill_exercises(self, circuit: Circuit, swaps: dict[int, int]) -> None:
        while self.exercise_grid.count():
            item = self.exercise_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.swap_boxes = {}
        self.plans, self._planned, self.amounts = {}, {}, {}
        for index, exercise in enumerate(circuit.exercises):
            name = QLabel(f"{index + 1}. {exercise.name}", self.exercises)
            name.setFont(font(24, bold=True))
            amount = QLabel(amount_text(exercise), self.exercises)
            self.amounts[index] = amount
            amount.setFont(font(20))
            tips = QLabel("\n".join(f"• {tip}" for tip in exercise.tips), self.exercises)
            tips.setFont(font(16))
            tips.setWordWrap(True)
            row = index * 3
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
                box.installEventFilter(self)
                self.swap_boxes[index] = box
                self.exercise_grid.addWidget(box, row, 2)
            plan = LoadPlan(self.exercises)
            plan.hide()
            plan.changed.connect(self._changed)
            plan.box.installEventFilter(self)
            self.plans[index] = plan
            self.exercise_grid.addWidget(plan, row + 1, 0, 1, 3)
            self.exercise_grid.addWidget(tips, row + 2, 0, 1, 3)
        row = len(circuit.exercises) * 3
        if circuit.cooldown:
            heading = QLabel("Cool-down", self.exercises)
            heading.setFont(font(22, bold=True))
            self.exercise_grid.addWidget(heading, row, 0, 1, 3)
            row += 1
            for stretch in circuit.cooldown:
                name = QLabel(stretch.name, self.exercises)
                name.setFont(font(20))
                each = " each side" if stretch.sides is Sides.EACH else ""
                hold = QLabel(f"{stretch.hold} s{each}", self.exercises)
                hold.setFont(font(20))
                self.exercise_grid.addWidget(name, row, 0)
                self.exercise_grid.addWidget(hold, row, 1)
                row += 1
        self.exercise_grid.setRowStretch(row, 1)

    # -- reading the choices ---------------------------------------------------------

    def swaps(self) -> dict[int, int]:
        return {index: box.currentIndex() - 1 for index, box in self.swap_boxes.items() if box.currentIndex() > 0}

    def problem(self) -> str | None:
        """Why the fields cannot start as they are (a number past its limit, an empty box)."""
        found = [p for p in (box.problem() for box in (self.rounds, self.prepare, self.volume)) if p]
        return "; ".join(found) or None

    def choices(self) -> StartChoices:
        loads, works, aims = {}, {}, {}
        for index, plan in self.plans.items():
            tip, exercise = plan.tip, self._planned.get(index)
            if tip is None or exercise is None or plan.isHidden():
                continue
            load = plan.chosen_load()
            if load is not None:
                loads[index] = load
            if tip.work is not None and exercise.work is not None and tip.work != exercise.work:
                works[index] = tip.work
            if tip.reps is not None and exercise.reps_top is not None:
                aims[index] = tip.reps
        return StartChoices(swaps=self.swaps(), rounds=self.rounds.value(), prepare=self.prepare.value(),
                            fullscreen=self.fullscreen.isChecked(), volume=self.volume.value(),
                            lead_in=self.lead_in.isChecked(),
                            voice=self.voice.isChecked() if self._voice_problem is None else None,
                            muted=self.muted.isChecked(), loads=loads, works=works, aims=aims,
                            rounds_for_today=self._run_applied and self.rounds.value() == self._run_rounds)

    def _show_plans(self) -> None:
        """Each exercise as chosen (a swap has its own load): what to lift today and why."""
        if self.entry is None or self.entry.circuit is None:
            return
        swapped = self.entry.circuit.with_choices(swaps=self.swaps()).exercises
        for index, plan in self.plans.items():
            exercise = swapped[index]
            if self._planned.get(index) == exercise:
                continue
            self._planned[index] = exercise
            tip = self.suggest_for(exercise)
            plan.setVisible(tip is not None)
            if tip is not None:
                plan.blockSignals(True)
                plan.show_plan(tip, self.equipment())
                plan.blockSignals(False)

    def request_start(self) -> None:
        """Start, unless a field is not a number it can run with: then say so, and go to it."""
        for box in (self.rounds, self.prepare, self.volume):
            if box.problem():
                self._changed()
                box.setFocus()
                box.selectAll()
                return
        self.start_requested.emit()

    def chosen_circuit(self) -> Circuit:
        assert self.entry is not None
        assert self.entry.circuit is not None
        return self.choices().applied_to(self.entry.circuit)

    def _changed(self) -> None:
        if self.entry is None or self.entry.circuit is None:
            return
        self._show_plans()
        problem = self.problem()
        self.problems.setText(f"{problem}." if problem else "")
        self.problems.setVisible(bool(problem))
        self.start_button.setEnabled(problem is None)
        circuit = self.chosen_circuit()
        self.facts.setText(facts_text(circuit))
        for index, label in self.amounts.items():
            label.setText(amount_text(circuit.exercises[index]))
        if problem is not None:
            self.total.setText("Total —")            # nothing can run as the fields are
        else:
            timeline = build_timeline(circuit)
            reps = " + reps" if timeline.rep_segments else ""
            self.total.setText(f"Total {format_duration(timeline.total_seconds)}{reps}")
        self.choices_changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and self._page_key(event):
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self._page_key(event):
            return
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Backspace):
            self.back_requested.emit()
        else:
            super().keyPressEvent(event)

    def _page_key(self, event: QKeyEvent) -> bool:
        """Space or Enter start, M mutes, A takes the rounds today's run suggests, from any
        field (a modifier leaves the key to the field)."""
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if event.key() in START_KEYS:
            self.request_start()
            return True
        if event.key() == Qt.Key.Key_M:
            self.muted.toggle()
            return True
        if event.key() == Qt.Key.Key_A:
            return self.apply_run_rounds()
        return False


def facts_text(circuit: Circuit) -> str:
    """'Focus: glutes, hamstrings · Works: posterior chain 70 %, core 30 % · Equipment: kettlebell'."""
    parts = []
    if circuit.focus:
        parts.append(f"Focus: {', '.join(circuit.focus)}")
    works = works_text(circuit, group_table())
    if works:
        parts.append(f"Works: {works}")
    parts.append(f"Equipment: {', '.join(circuit.equipment) or 'none'}")
    return " · ".join(parts)
