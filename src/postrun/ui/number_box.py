"""A whole-number field that keeps what is typed and says its limit in words.

Qt's spin box refuses a keystroke that would pass its maximum, so typing 999 in a box
that stops at 50 leaves 9, and 60 leaves 6, without a word. This one accepts any number
up to TYPED_MAX, and `problem()` says what is wrong with it beside the field, as every
other field of the editor and the preview does."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QSpinBox, QWidget

TYPED_MAX = 99_999


class NumberBox(QSpinBox):
    edited = Signal()            # the value or the text changed (an empty box included)

    def __init__(self, parent: QWidget | None, low: int, limit: int, what: str, suffix: str = "",
                 empty_is_low: bool = False) -> None:
        super().__init__(parent)
        self.empty_is_low = empty_is_low      # an emptied effort is "not rated", not a mistake
        self.what = what              # 'rounds', 'get ready', 'volume': the start of the sentence
        self.low = low
        self.limit = limit
        self.why = ""                 # what sets the limit, when it is not the field's own
        self.setRange(low, TYPED_MAX)
        if suffix:
            self.setSuffix(suffix)
        self.valueChanged.connect(lambda _value: self.edited.emit())
        self.lineEdit().textEdited.connect(lambda _text: self.edited.emit())

    def set_limit(self, limit: int, why: str = "") -> None:
        self.limit, self.why = limit, why
        self.edited.emit()

    def typed(self) -> int | None:
        """The number as the box shows it now; None when it is empty."""
        if self.specialValueText() and self.text() == self.specialValueText():
            return self.low
        text = self.cleanText().strip()
        if text.isdigit():
            return int(text)
        return self.low if self.empty_is_low and not text else None

    def problem(self) -> str | None:
        typed = self.typed()
        if typed is None:
            return f"{self.what}: type a number from {self.low} to {self.limit}"
        if typed > self.limit:
            why = f" ({self.why})" if self.why else ""
            return f"{self.what}: at most {self.limit}{self.suffix()}{why}, not {typed}{self.suffix()}"
        if typed < self.low:
            return f"{self.what}: at least {self.low}{self.suffix()}"
        return None
