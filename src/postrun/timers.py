"""Every timer the window and the running workout own comes from one `Timers` object,
so tests can hand in fake timers driven by a fake clock (tests/helpers.py: FakeTimers)
and check the flash, the voice's delay, notices and keep-awake without waiting.

QtTimers is the real thing: a QTimer per timer, and `soon` for work that must wait
until the current event has been handled (a log write after the tick has drawn).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer


class Timer(Protocol):
    def start(self, ms: int) -> None: ...
    def stop(self) -> None: ...
    def is_active(self) -> bool: ...
    def remaining_ms(self) -> int | None: ...


class Timers(Protocol):
    def timer(self, callback: Callable[[], object], *, precise: bool = False,
              parent: QObject | None = None) -> Timer:
        """A single-shot timer calling `callback`; start() arms it again."""
        ...

    def soon(self, callback: Callable[[], object]) -> None:
        """Call once the current event has been handled, before anything timed; in order."""
        ...


class QtTimer:
    def __init__(self, callback: Callable[[], object], precise: bool, parent: QObject | None) -> None:
        self._timer = QTimer(parent)
        self._timer.setSingleShot(True)
        if precise:
            self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(callback)

    def start(self, ms: int) -> None:
        self._timer.start(max(0, ms))

    def stop(self) -> None:
        self._timer.stop()

    def is_active(self) -> bool:
        return self._timer.isActive()

    def remaining_ms(self) -> int | None:
        return self._timer.remainingTime() if self._timer.isActive() else None


class QtTimers:
    # glib wakes a precise timer about a millisecond after the millisecond it was armed
    # for: the run driver arms this much sooner and sleeps the rest (fake timers: 0)
    wake_lead_ms = 1

    @staticmethod
    def sleep(seconds: float) -> None:
        time.sleep(seconds)

    def timer(self, callback: Callable[[], object], *, precise: bool = False,
              parent: QObject | None = None) -> Timer:
        return QtTimer(callback, precise, parent)

    def soon(self, callback: Callable[[], object]) -> None:
        QTimer.singleShot(0, callback)
