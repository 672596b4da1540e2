"""The single keys that correct a logged set, in the rest after it (run view) and on the
finish screen's list: digits type its reps, Backspace takes one back, "," and "." make
its load one step lighter or heavier."""

from __future__ import annotations

from PySide6.QtCore import Qt

CORRECTION_KEYS = {**{getattr(Qt.Key, f"Key_{d}"): d for d in "0123456789"}, Qt.Key.Key_Backspace: "backspace",
                   Qt.Key.Key_Comma: "lighter", Qt.Key.Key_Less: "lighter", Qt.Key.Key_Period: "heavier",
                   Qt.Key.Key_Greater: "heavier"}
