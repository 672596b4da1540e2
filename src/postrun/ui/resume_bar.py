"""The offer to resume an interrupted workout, shown on the picker and on the preview
(a circuit opened with `postrun run NAME` must not hide it)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from postrun.ui.theme import font


class ResumeBar(QWidget):
    resume_chosen = Signal()
    discard_chosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setFont(font(18))
        self.resume_button = QPushButton("Resume  (Ctrl+R)", self)
        self.discard_button = QPushButton("Keep as unfinished  (Ctrl+K)", self)
        self.resume_button.clicked.connect(self.resume_chosen)
        self.discard_button.clicked.connect(self.discard_chosen)
        for button in (self.resume_button, self.discard_button):
            button.setFont(font(18))
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.resume_button)
        row.addWidget(self.discard_button)
        # the window's key while the offer shows (a hidden bar's shortcut does not fire)
        for keys, signal in (("Ctrl+R", self.resume_chosen), ("Ctrl+K", self.discard_chosen)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(signal)
        self.hide()

    def offer(self, text: str | None) -> None:
        self.setVisible(text is not None)
        self.text.setText(text or "")
