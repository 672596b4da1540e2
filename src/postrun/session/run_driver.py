"""Drives the engine from Qt: one single-shot precise timer armed for the next instant
anything visible or audible changes; no polling loop, the process sleeps in between."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from postrun.core.clock import Clock
from postrun.core.controls import Control
from postrun.core.engine import Engine
from postrun.core.errors import ControlError
from postrun.timers import Timers

MAX_EARLY = 0.003     # a wake this close before the instant waits for it (at most 3 ms)
SPIN = 0.0003         # after that sleep, at most this long looking at the clock (a sleep may end a hair early)

CONTROLS: dict[Control, Callable[[Engine], object]] = {
    Control.TOGGLE: Engine.toggle,
    Control.SKIP: Engine.skip,
    Control.BACK: Engine.back,
    Control.DONE: Engine.done,
    Control.MORE: lambda engine: engine.add_time(10),
    Control.LESS: lambda engine: engine.add_time(-10),
    Control.STOP: Engine.stop,
}


class RunDriver(QObject):
    refreshed = Signal()          # the engine may have changed: views re-read the snapshot
    refused = Signal(str)         # a control that does not apply now, in words

    def __init__(self, engine: Engine, clock: Clock, timers: Timers, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self._clock = clock
        self._timer = timers.timer(self.tick, precise=True, parent=self)
        self._lead_ms = int(getattr(timers, "wake_lead_ms", 0))
        self._sleep: Callable[[float], None] | None = getattr(timers, "sleep", None)
        self._due: float | None = None
        self.ticks = 0

    def start(self, index: int = 0, active_seconds: float = 0.0, skipped: tuple[int, ...] = ()) -> None:
        self.engine.start(index, active_seconds, skipped)
        self._after_change()

    def tick(self) -> None:
        """The timer fired (or a test says it did): look at the clock, publish, re-arm."""
        self.ticks += 1
        due = self._due
        if due is not None:
            # armed a little sooner than the instant (the timer wakes late), the rest is slept
            # precisely here; a hair early is waited out: nothing is shown before its instant
            early = due - self._clock()
            if 0 < early < MAX_EARLY:
                if self._sleep is not None:
                    self._sleep(early)
                until = time.perf_counter() + min(early, SPIN)
                while self._clock() < due and time.perf_counter() < until:
                    pass
        self.engine.poll()
        self._after_change()

    def control(self, name: Control) -> None:
        try:
            CONTROLS[name](self.engine)
        except ControlError as exc:
            self.refused.emit(str(exc))
        self._after_change()

    def stop_timer(self) -> None:
        self._timer.stop()

    @property
    def armed_ms(self) -> int | None:
        return self._timer.remaining_ms()

    def _after_change(self) -> None:
        self.refreshed.emit()
        due = self.engine.next_change()
        self._due = due
        if due is None:
            self._timer.stop()
            return
        ahead_ms = (due - self._clock()) * 1000
        # at least 1 ms while the instant is ahead, so a clock that only moves when a timer
        # fires (the tests' fake one) always gets there; a real timer is armed a little sooner
        ms = math.floor(ahead_ms)
        if ms > 2 * self._lead_ms:
            ms -= self._lead_ms
        self._timer.start(max(1 if ahead_ms > 0 else 0, ms))
