"""Starts a cue ahead of its instant (CuePlayer.ahead: the Bluetooth lead-in, or a few
milliseconds so that the stream is open before the digits change), with silence in front,
so that its sound begins on the instant.

The session hands over what the engine foresees after every change (`plan`); one precise
timer is armed for the foreseen cue's instant less that lead. If the plan changes before
the instant (a pause, a skip, +10 s), a cue already started is stopped while it is still
silent, and the real event plays its cue at once.
"""

from __future__ import annotations

import math

from postrun.audio.player import CuePlayer
from postrun.core.clock import Clock
from postrun.core.events import Event
from postrun.timers import Timers

TOO_LATE = 0.01      # less than this before the instant: let the event play it plainly


class EarlyCues:
    def __init__(self, player: CuePlayer, timers: Timers, clock: Clock) -> None:
        self._player = player
        self._clock = clock
        self._timer = timers.timer(self._start, precise=True)
        self.target: tuple[float, str] | None = None

    def plan(self, foreseen: list[Event]) -> None:
        player = self._player
        target = player.foresee(foreseen) if not player.muted else None
        if target == self.target:
            return
        if player.early is not None and player.early != target:
            player.cancel_early()
        self.target = target
        if target is None:
            self._timer.stop()
            return
        delay = target[0] - player.ahead - self._clock()
        self._timer.start(max(0, math.ceil(delay * 1000 - 1e-6)))

    def stop(self) -> None:
        self._timer.stop()
        self.target = None
        self._player.cancel_early()

    def _start(self) -> None:
        if self.target is None:
            return
        at, name = self.target
        ahead = at - self._clock()
        if ahead >= TOO_LATE:
            self._player.start_early(at, name)
