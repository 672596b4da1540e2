"""Plays cues with simpleaudio off the engine's events.

play_buffer starts playback on simpleaudio's own thread and returns at once, so the GUI
thread never waits (no wait_done here). One cue at a time: a new cue stops the old one.
A missing or failing device never stops the workout: the first failure is logged and
reported through `on_problem` (the window shows it), later cues retry quietly, and a
cue that plays again clears the problem.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from postrun.audio.alsa_quiet import silence_alsa_errors
from postrun.audio.cue_choice import CueChooser
from postrun.audio.cues import RATE, CueSet
from postrun.core.events import Event

log = logging.getLogger(__name__)
NO_DEVICE = "No sound device — cues are visual only"
WARM_SECONDS = 0.05

PlayBuffer = Callable[[bytes, int, int, int], Any]


def _simpleaudio_play(data: bytes, channels: int, width: int, rate: int) -> Any:
    import simpleaudio

    silence_alsa_errors()
    return simpleaudio.play_buffer(data, channels, width, rate)


class CuePlayer:
    def __init__(self, cues: CueSet | None = None, play_buffer: PlayBuffer = _simpleaudio_play,
                 on_problem: Callable[[str | None], None] | None = None) -> None:
        self._cues = cues              # synthesized on first use: not before the first paint
        self._volume, self._lead_in = (cues.volume, cues.lead_in) if cues else (1.0, 0.0)
        self._play_buffer = play_buffer
        self.on_problem = on_problem
        self._chooser = CueChooser()
        self._current: Any = None
        self._warm: Any = None
        self.muted = False
        self.problem: str | None = None
        self.detail = ""
        self.played: list[str] = []          # names, in order: for the window's tests and `cues --play`

    @property
    def cues(self) -> CueSet:
        if self._cues is None:
            self._cues = CueSet(self._volume, self._lead_in)
        return self._cues

    def set_volume(self, volume: float, lead_in: float | None = None) -> None:
        lead = self._lead_in if lead_in is None else lead_in
        if volume != self._volume or lead != self._lead_in:
            self._volume, self._lead_in = volume, lead
            self._cues = None

    def reset(self) -> None:
        """A new workout: forget which cue came last."""
        self._chooser = CueChooser()

    def __call__(self, event: Event) -> None:
        name = self._chooser.choose(event)
        if name is not None and not self.muted:
            self.play(name)

    def play(self, name: str) -> bool:
        self.stop()
        try:
            self._current = self._play_buffer(self.cues[name], 1, 2, RATE)
        except Exception as exc:  # simpleaudio raises its own error type, or OSError
            log.debug("playing %s failed: %s", name, exc)
            self._report(NO_DEVICE, detail=str(exc))
            return False
        self.played.append(name)
        if self.problem is not None:
            self._report(None)
        return True

    def warm(self) -> bool:
        """Open the output path now with a moment of silence, so the first cue of a workout
        does not pay for it. play_buffer returns at once: the open happens on
        simpleaudio's own thread, off the GUI thread's path."""
        try:
            self._warm = self._play_buffer(bytes(2 * int(RATE * WARM_SECONDS)), 1, 2, RATE)
        except Exception as exc:
            log.debug("warming the output failed: %s", exc)
            self._report(NO_DEVICE, detail=str(exc))
            return False
        return True

    def stop(self) -> None:
        current, self._current = self._current, None
        if current is not None:
            try:
                if current.is_playing():
                    current.stop()
            except Exception as exc:
                log.debug("stopping a cue failed: %s", exc)

    def wait(self) -> None:
        """Blocks until the cue ends. For the command line and tests, never the GUI thread."""
        if self._current is not None:
            self._current.wait_done()

    def _report(self, problem: str | None, detail: str = "") -> None:
        first = problem is not None and self.problem is None
        self.problem = problem
        self.detail = detail
        if first:
            log.warning("%s (%s)", problem, detail)
        if (first or problem is None) and self.on_problem is not None:
            self.on_problem(problem)
