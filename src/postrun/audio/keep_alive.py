"""Keeps the sound output busy while a workout runs, so neither the desktop's sound server
(which suspends an idle output after a few seconds) nor a Bluetooth speaker (which sleeps
and clips the start of the next sound) is asleep when a cue is due.

A few seconds of near-silence (one least-significant bit of dither, -90 dB: inaudible, but
not digital zero that some speakers treat as nothing) is played beside the cues and queued
again before it ends: one small buffer handed to simpleaudio every few seconds, nothing
on the GUI thread in between.
"""

from __future__ import annotations

from array import array

from postrun.audio.cues import RATE
from postrun.audio.player import CuePlayer
from postrun.timers import Timers

CHUNK_SECONDS = 4.0
OVERLAP_SECONDS = 0.5       # the next chunk starts before this one ends: no gap


def _near_silence(seconds: float) -> bytes:
    return array("h", [1, -1] * int(seconds * RATE / 2)).tobytes()


class KeepAlive:
    def __init__(self, player: CuePlayer, timers: Timers) -> None:
        self._player = player
        self._timer = timers.timer(self._queue)
        self._chunk = _near_silence(CHUNK_SECONDS)
        self.active = False
        self.queued = 0

    def start(self) -> None:
        if not self.active:
            self.active = True
            self._queue()

    def stop(self) -> None:
        self.active = False
        self._timer.stop()
        self._player.stop_quietly()

    def _queue(self) -> None:
        if not self.active:
            return
        self._player.play_quietly(self._chunk)
        self.queued += 1
        self._timer.start(round((CHUNK_SECONDS - OVERLAP_SECONDS) * 1000))


