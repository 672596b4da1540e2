"""What the desktop's media player widget shows of a workout (MPRIS, where a session bus
exists): the segment as the title, the round and time left, and the segment's progress.
It is told only when the segment or the paused state changes: players compute the time
from the position themselves."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from postrun.core.durations import format_duration
from postrun.core.segment_words import title as segment_title

if TYPE_CHECKING:
    from postrun.core.engine import Snapshot


class MediaShow(Protocol):
    def show(self, status: str, title: str, detail: str, length_s: float | None,
             position: Callable[[], float], volume: float) -> None: ...


class MediaPresenter:
    def __init__(self, media: MediaShow) -> None:
        self.media = media
        self._step: tuple[int, str] | None = None

    def show_step(self, snap: Snapshot, circuit_name: str, position: Callable[[], float], volume: int) -> None:
        status = "Paused" if snap.state.value == "paused" else "Playing"
        if (snap.index, status) == self._step:
            return
        self._step = (snap.index, status)
        left = format_duration(math.ceil(snap.workout_remaining - 1e-9))
        round_text = f"Round {snap.segment.round} of {snap.rounds} · " if snap.segment.round else ""
        self.media.show(status, segment_title(snap.segment), f"{round_text}{left} left in {circuit_name}",
                        snap.duration, position, volume / 100)

    def show_finished(self, completed: bool, circuit_name: str) -> None:
        self._step = None
        self.media.show("Stopped", "Workout complete" if completed else "Workout stopped", circuit_name,
                        None, lambda: 0.0, 1.0)
