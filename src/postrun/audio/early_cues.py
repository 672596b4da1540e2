"""Starts a cue ahead of its instant (CuePlayer.ahead: the Bluetooth lead-in, or a few
milliseconds so that the stream is open before the digits change), with silence in front,
so that its sound begins on the instant. Cues that follow one another closely (3, 2, 1,
go) start together as one run, one buffer: a stream start costs about 2 ms of CPU.

The session hands over what the engine foresees after every change (`plan`); one precise
timer is armed for the next run's first instant less that lead. If the plan changes before
the instant (a pause, a skip, +10 s), a run already started is stopped (while it is still
silent, if it has not begun), and the real events play their cues at once.
"""

from __future__ import annotations

import math

from postrun.audio.cue_runs import Foreseen, first_run
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
        self.target: tuple[Foreseen, ...] = ()      # the next run to start

    def plan(self, foreseen: list[Event]) -> None:
        player = self._player
        cues = player.foresee(foreseen) if not player.muted else []
        if not player.ahead_started.agrees_with(cues):
            player.cancel_early()          # what was started ahead will not come so
        target = first_run(cues[len(player.ahead_started.cues):])
        if target == self.target:
            return
        self.target = target
        if not target:
            self._timer.stop()
            return
        delay = target[0][0] - player.ahead - self._clock()
        self._timer.start(max(0, math.ceil(delay * 1000 - 1e-6)))

    def stop(self) -> None:
        self._timer.stop()
        self.target = ()
        self._player.cancel_early()

    def _start(self) -> None:
        run, self.target = self.target, ()
        # too late for the first cue (a busy moment): its event plays it, and the plan made
        # then starts the rest of the run
        if run and run[0][0] - self._clock() >= TOO_LATE:
            self._player.start_early(run)
