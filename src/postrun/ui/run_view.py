"""The gym-floor view: readable from 3 m. Every size is a share of the window height."""

from __future__ import annotations

import math

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from postrun.core.controls import Control
from postrun.core.durations import format_duration
from postrun.core.engine import Snapshot, State
from postrun.core.segment_words import load_part, next_text, reps_line, seconds_text, title
from postrun.core.timeline import Kind, Segment
from postrun.timers import QtTimers, Timers
from postrun.ui.big_digits import BigDigits
from postrun.ui.correction_keys import CORRECTION_KEYS
from postrun.ui.flash_overlay import FlashOverlay
from postrun.ui.live_text import LiveText
from postrun.ui.phase_button import PhaseButton
from postrun.ui.progress_line import ProgressLine
from postrun.ui.theme import PAUSED, PHASES, Phase

TIP_SECONDS = 8          # a tip stays this long before the next one
NOTICE_SHARE = 0.024     # notice text height, as a share of the window's
MAX_NOTICE_LINES = 4
FLASH_MS = 300
WIDEST_DIGITS = str.maketrans("0123456789", "8888888888")   # sized for its widest value of that length
# Work that can wait (drawing the next number ahead) waits this long, so the change now due
# is painted first: a zero-delay call would run before Qt's paint, which it posts last.
AFTER_PAINT_MS = 15

# key -> control; no modifiers anywhere, and presenter clickers send PageUp/PageDown
KEYS: dict[int, Control] = {
    Qt.Key.Key_Space: Control.TOGGLE,
    Qt.Key.Key_MediaPlay: Control.TOGGLE,
    Qt.Key.Key_MediaPause: Control.TOGGLE,
    Qt.Key.Key_MediaTogglePlayPause: Control.TOGGLE,
    Qt.Key.Key_Right: Control.SKIP,
    Qt.Key.Key_PageDown: Control.SKIP,
    Qt.Key.Key_N: Control.SKIP,
    Qt.Key.Key_MediaNext: Control.SKIP,
    Qt.Key.Key_Left: Control.BACK,
    Qt.Key.Key_PageUp: Control.BACK,
    Qt.Key.Key_B: Control.BACK,
    Qt.Key.Key_MediaPrevious: Control.BACK,
    Qt.Key.Key_Return: Control.DONE,
    Qt.Key.Key_Enter: Control.DONE,
    Qt.Key.Key_Plus: Control.MORE,
    Qt.Key.Key_Equal: Control.MORE,
    Qt.Key.Key_Minus: Control.LESS,
    Qt.Key.Key_Underscore: Control.LESS,
    Qt.Key.Key_F: Control.FULLSCREEN,
    Qt.Key.Key_F11: Control.FULLSCREEN,
    Qt.Key.Key_M: Control.MUTE,
    Qt.Key.Key_Up: Control.LOUDER,
    Qt.Key.Key_Down: Control.QUIETER,
    Qt.Key.Key_V: Control.VOICE,
    Qt.Key.Key_Escape: Control.ESCAPE,
    Qt.Key.Key_Question: Control.HELP,
    Qt.Key.Key_Slash: Control.HELP,
    Qt.Key.Key_H: Control.HELP,
}

SHORTCUTS = [
    ("Space", "pause / resume"),
    ("→  PageDown  N", "skip to the next step"),
    ("←  PageUp  B", "back: restart this step, or the previous one"),
    ("Enter", "done (rep exercises)"),
    ("+  −", "add / remove 10 seconds"),
    ("F  F11", "full screen"),
    ("M", "mute"),
    ("↑  ↓", "volume up / down"),
    ("V", "voice on / off"),
    ("0–9  Backspace", "in the rest after a set: the reps you did"),
    (",  .", "in the rest after a set: its load one step lighter / heavier"),
    ("Esc", "leave full screen, or stop the workout (asks first)"),
    ("D", "when asked to stop before any set is done: discard the start"),
    ("?", "this sheet"),
]


def _label(parent: QWidget, bold: bool = False, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter) -> QLabel:
    label = QLabel(parent)
    font = QFont()
    font.setBold(bold)
    label.setFont(font)
    label.setAlignment(align)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    return label


def _live(parent: QWidget, bold: bool = False, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter) -> LiveText:
    text = LiveText(parent, align=align, bold=bold)
    text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    return text


class RunView(QWidget):
    control = Signal(object)          # a Control
    correction = Signal(str)          # a digit, "backspace", "lighter" or "heavier" for the set just done

    def __init__(self, parent: QWidget | None = None, timers: Timers | None = None) -> None:
        super().__init__(parent)
        # opaque: it paints its own phase colour, so a label or the digits changing never
        # makes Qt repaint the window behind them
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self._background = QColor(PHASES[Kind.PREPARE].background)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.phase: Phase = PHASES[Kind.PREPARE]
        self.flashing = False
        self._segment_key: tuple[int, Segment] | None = None
        self._timers = timers or QtTimers()
        self._flash_timer = self._timers.timer(self._end_flash, parent=self)
        self._next_digits: list[tuple[str, str | None]] = []     # (number, its text colour; None: now's)
        self._draw_ahead = self._timers.timer(self._prepare_digits, parent=self)
        self._steady: object = None

        # what changes during a workout is painted text: a QLabel's new text relayouts the window
        self.word = _live(self, bold=True, align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.round_label = _live(self, align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.exercise = _live(self, bold=True)
        self.digits = BigDigits(self)
        self._flash_overlay = FlashOverlay(self.digits)
        self.reps = _label(self, bold=True)
        self.tip = _live(self)
        self.next_up = _live(self)
        self.notice = _label(self, align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.notice.setWordWrap(False)
        self.confirm = _label(self, bold=True)
        self.aims: dict[int, int] = {}     # exercise index -> the reps aimed for today (a range's aim)
        self.confirm.setWordWrap(True)        # the discard offer is two lines on a 1024 px screen
        self.logged = _live(self)              # the set just done, as logged, while its rest runs (no relayout)
        self.logged.hide()
        self.progress = ProgressLine(self)
        self.time_left = LiveText(self, elide=False)    # sized to fit its widest value below
        self.sound = _label(self, align=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.sound.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.help_sheet = _label(self, align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.help_sheet.setText("<br>".join(f"<b>{k}</b> &nbsp; {v}" for k, v in SHORTCUTS))
        self.help_sheet.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.help_sheet.hide()
        self.confirm.hide()

        self.buttons: dict[Control, PhaseButton] = {}
        button_row = QHBoxLayout()
        for name, text in [(Control.BACK, "◀ Back"), (Control.TOGGLE, "Pause"), (Control.SKIP, "Skip ▶"),
                           (Control.LESS, "−10 s"), (Control.MORE, "+10 s"), (Control.DONE, "Done ✓"),
                           (Control.MUTE, "Mute"), (Control.QUIETER, "Vol −"), (Control.LOUDER, "Vol +"),
                           (Control.VOICE, "Voice"), (Control.FULLSCREEN, "Full screen"), (Control.HELP, "?")]:
            button = PhaseButton(text, self)
            button.clicked.connect(lambda _=False, n=name: self.control.emit(n))
            self.buttons[name] = button
            button_row.addWidget(button)

        top = QHBoxLayout()
        top.addWidget(self.word, 3)
        top.addWidget(self.round_label, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.time_left, 1)
        bottom.addLayout(button_row, 5)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.exercise)
        layout.addWidget(self.digits, 1)
        layout.addWidget(self.help_sheet, 1)
        layout.addWidget(self.reps)
        layout.addWidget(self.tip)
        layout.addWidget(self.next_up)
        layout.addWidget(self.confirm)
        layout.addWidget(self.logged)
        status = QHBoxLayout()
        status.addWidget(self.notice, 1)
        status.addWidget(self.sound)
        layout.addLayout(status)
        layout.addWidget(self.progress)
        layout.addLayout(bottom)
        self._apply_phase(self.phase, first=True)

    # -- showing ---------------------------------------------------------------------

    def show_snapshot(self, snap: Snapshot, total_seconds: int) -> None:
        segment = snap.segment
        key = (snap.index, segment)
        phase = PAUSED if snap.state is State.PAUSED else PHASES[segment.kind]
        self._apply_phase(phase)
        # the time left and the progress line only mark their boxes to paint (no layout), so
        # the digits' immediate paint below takes them along: one paint and one flush a second
        left = snap.workout_remaining
        reps = " + reps" if snap.reps_ahead else ""
        text = f"{format_duration(math.ceil(left - 1e-9))}{reps} left"   # rounded up, like the digits
        if len(text) != len(self.time_left.text()):      # measured when it may have grown, not each second
            needed = self.time_left.fontMetrics().horizontalAdvance(text.translate(WIDEST_DIGITS)) + 8
            if needed > self.time_left.minimumWidth():   # never cut: the buttons give way
                self.time_left.setMinimumWidth(needed)
                self._fit_buttons()
        self.time_left.setText(text)
        if total_seconds > 0:
            self.progress.set_fraction(1 - left / total_seconds)
        if (key, snap.state) != self._steady:
            # what stays the same for a whole segment is set once, not every second; before
            # the digits' paint, which takes the new colours along with the new words
            self._steady = (key, snap.state)
            self._show_segment(snap)
        self.tip.setText(self._tip_text(snap))
        starting = self._segment_key is not None and key != self._segment_key
        self._segment_key = key
        if starting:
            self.flash()       # in the new phase's text colour, in the same paint as the number
        # the number painted at once, with everything set above: it is what the person across
        # the room watches, and it must not wait for Qt's next paint pass
        self.digits.set_text(seconds_text(snap.shown_seconds),
                             now=self.isVisible() and (starting or not self.flashing))
        # draw ahead: the next number is rendered once this change is on screen, so its own
        # instant costs one blit (a count-up goes up, a countdown down); and the next
        # segment's first number in its own colour, for the change at this segment's end
        following: list[tuple[str, str | None]] = [
            (seconds_text(max(0, snap.shown_seconds + (1 if snap.remaining is None else -1))), None)]
        if snap.next_segment is not None:
            following.append((seconds_text(snap.next_segment.seconds or 0), PHASES[snap.next_segment.kind].text))
        if following != self._next_digits:
            self._next_digits = following
            if not all(self.digits.ready(text, ink=ink) for text, ink in following):
                self._draw_ahead.start(AFTER_PAINT_MS)      # a character not yet drawn in this size and colour

    def _prepare_digits(self) -> None:
        for text, ink in self._next_digits:
            self.digits.prepare(text, ink=ink)

    def _show_segment(self, snap: Snapshot) -> None:
        segment = snap.segment
        paused = snap.state is State.PAUSED
        self.word.setText(f"PAUSED · {PHASES[segment.kind].word}" if paused else PHASES[segment.kind].word)
        self.round_label.setText(self._round_text(snap))
        self.exercise.setText(f"{title(segment)}{load_part(segment)}")     # the load, readable from 3 m
        aim = self.aims.get(segment.exercise_index) if segment.exercise_index is not None else None
        self.reps.setText("" if segment.timed else reps_line(segment, aim))
        self.reps.setVisible(not segment.timed)
        self.next_up.setText(next_text(snap.next_segment))
        self.buttons[Control.TOGGLE].setText("Resume" if paused else "Pause")
        self.buttons[Control.DONE].setEnabled(not segment.timed)
        self.buttons[Control.LESS].setEnabled(segment.timed)
        self.buttons[Control.MORE].setEnabled(segment.timed)

    def _round_text(self, snap: Snapshot) -> str:
        segment = snap.segment
        if segment.kind is Kind.COOLDOWN or (segment.round is None and segment.kind is not Kind.PREPARE):
            return "Cool-down"
        number = segment.round or 1
        return f"Round {number} of {snap.rounds}"

    def _tip_text(self, snap: Snapshot) -> str:
        segment = snap.segment
        if segment.kind is Kind.SWITCH:
            return f"Switch to the {segment.side.value} side" if segment.side else "Switch sides"
        source = segment
        if segment.kind in (Kind.PREPARE, Kind.REST, Kind.ROUND_REST) and snap.next_segment is not None:
            source = snap.next_segment
        tips = source.tips
        if not tips:
            return ""
        # derived from the segment's own clock: no timer of its own, changes on a whole second
        return tips[int(snap.elapsed // TIP_SECONDS) % len(tips)]

    def set_notice(self, text: str) -> None:
        """One notice a line (the session joins them with newlines), each line shown whole."""
        self.notice.setText(text)
        self._size_notice()

    def _size_notice(self) -> None:
        lines = max(1, min(MAX_NOTICE_LINES, self.notice.text().count("\n") + 1))
        self.notice.setFixedHeight(int(max(1, self.height()) * NOTICE_SHARE * 1.35 * lines))

    def set_confirm(self, text: str) -> None:
        self.confirm.setText(text)
        self.confirm.setVisible(bool(text))
        self._fit_confirm()

    def _fit_confirm(self) -> None:
        """The stop question said whole in its room: its text smaller where a tall, narrow
        window would wrap it onto a third line."""
        label = self.confirm
        if not label.text():
            return
        pixels = max(8, int(max(1, self.height()) * 0.04))
        width = max(1, label.width() or self.width() - 48)
        while True:
            font = label.font()
            font.setPixelSize(pixels)
            label.setFont(font)
            needed = label.fontMetrics().boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap,
                                                      label.text()).height()
            if needed <= label.height() or pixels <= 8:
                return
            pixels -= 1

    def set_sound(self, muted: bool, volume: int, voice: str) -> None:
        """voice: 'on', 'off' or 'unavailable'."""
        self.buttons[Control.MUTE].setText("Unmute" if muted else "Mute")
        self.buttons[Control.VOICE].setText({"on": "Voice on", "off": "Voice off"}.get(voice, "No voice"))
        self.buttons[Control.VOICE].setEnabled(voice != "unavailable")
        self.sound.setText("Muted" if muted else f"Volume {volume}%")

    def toggle_help(self) -> None:
        showing = not self.help_sheet.isVisible()
        self.help_sheet.setVisible(showing)
        self.digits.setVisible(not showing)

    def reset(self) -> None:
        self._segment_key = None
        self._steady = None
        self.set_confirm("")
        self.help_sheet.hide()
        self.digits.show()

    # -- flash: a glance catches every segment change ---------------------------------

    def flash(self) -> None:
        """Wash the countdown's box (half the view, where every glance goes) in the new text
        colour: not the whole view, which would paint every label and button twice more."""
        self.flashing = True
        self._flash_overlay.set_colour(self.phase.text)
        self._flash_overlay.cover()
        self._flash_timer.start(FLASH_MS)

    def _end_flash(self) -> None:
        self.flashing = False
        self._flash_overlay.uncover()

    def _apply_phase(self, phase: Phase, first: bool = False) -> None:
        if phase == self.phase and not first:
            return          # every second but a segment's first: nothing to do, and fast
        self.phase = phase
        background, text = phase.background, phase.text
        for painted in (self.digits, self.progress, self.word, self.round_label, self.exercise, self.tip,
                        self.next_up, self.time_left, self.logged):
            painted.set_colour(text, background)
        for button in self.buttons.values():
            button.set_colour(text)
        if QColor(background) != self._background:
            self._background = QColor(background)
            self.update()
        palette = self.palette()
        if palette.color(QPalette.ColorRole.WindowText) != QColor(text):
            # the labels (reps, notices, volume, the key sheet) take the view's text colour;
            # a palette, not a style sheet, which would re-polish every child at each change
            for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
                palette.setColor(group, QPalette.ColorRole.WindowText, QColor(text))
            self.setPalette(palette)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(event.rect(), self._background)
        painter.end()

    # -- input and sizing ------------------------------------------------------------

    def keep_logged_line(self, shown: bool) -> None:
        """A workout with sets to log keeps the "Logged" line's room all through (empty
        while a set runs): the digits never change size between a set and its rest."""
        self.logged.setVisible(shown)

    def show_logged(self, text: str) -> None:
        self.logged.setText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        modified = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if not modified and self.logged.text() and not self.confirm.text() and event.key() in CORRECTION_KEYS:
            self.correction.emit(CORRECTION_KEYS[event.key()])
            return
        name = KEYS.get(event.key())
        if self.confirm.text() and event.key() == Qt.Key.Key_D:
            name = Control.DISCARD          # the session discards only when it offered to
        if name is None or event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            super().keyPressEvent(event)
            return
        if self.confirm.text() and name not in (Control.ESCAPE, Control.DISCARD):
            self.control.emit(Control.CANCEL_STOP)     # any other key keeps the workout going
            return
        self.control.emit(name)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        height = max(1, self.height())
        for label, share in [(self.word, 0.07), (self.round_label, 0.05), (self.exercise, 0.065),
                             (self.reps, 0.045), (self.tip, 0.042), (self.next_up, 0.038),
                             (self.confirm, 0.04), (self.notice, NOTICE_SHARE), (self.sound, 0.026),
                             (self.logged, 0.034),
                             (self.time_left, 0.04),
                             (self.help_sheet, 0.04)]:
            font = label.font()
            font.setPixelSize(max(8, int(height * share)))
            label.setFont(font)
            if label is self.confirm:
                label.setFixedHeight(int(height * share * 2.7))
            elif label not in (self.help_sheet, self.notice):
                label.setFixedHeight(int(height * share * 1.3))
        self._size_notice()
        self._fit_confirm()
        for button in self.buttons.values():
            button.setFixedHeight(int(height * 0.06))
        self._fit_buttons()
        self.progress.setFixedHeight(max(6, int(height * 0.018)))

    def _fit_buttons(self) -> None:
        """The buttons' text at its size for the height, smaller where the row would not fit
        the width beside the time left ("2:58 + reps left" on a 1024 px screen): the window
        never grows past the screen."""
        layout = self.layout()
        sides = 0 if layout is None else layout.contentsMargins().left() + layout.contentsMargins().right()
        spare = self.width() - sides - self.time_left.minimumWidth()
        spacing = 6 * (len(self.buttons) + 1)
        pixels = max(8, int(self.height() * 0.024))
        while True:
            for button in self.buttons.values():
                font = button.font()
                font.setPixelSize(pixels)
                button.setFont(font)
            if pixels <= 8 or sum(b.sizeHint().width() for b in self.buttons.values()) + spacing <= spare:
                return
            pixels -= 1

