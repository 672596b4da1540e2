"""Plain event objects the engine publishes; views, sounds and the log subscribe on their own.

`at` is the instant (engine clock) the event was due, which may be slightly before the
look that noticed it; listeners use it to measure lateness, never to decide.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from postrun.core.timeline import Segment


class PauseReason(StrEnum):
    USER = "user"
    SLEEP = "sleep"


@dataclass(frozen=True)
class Event:
    at: float


@dataclass(frozen=True)
class SegmentStarted(Event):
    index: int
    segment: Segment


@dataclass(frozen=True)
class Countdown(Event):
    """3, 2, 1 seconds left in a timed segment."""

    index: int
    number: int


@dataclass(frozen=True)
class Halfway(Event):
    index: int


@dataclass(frozen=True)
class SwitchSides(Event):
    index: int
    segment: Segment


@dataclass(frozen=True)
class RoundComplete(Event):
    round: int
    rounds: int


@dataclass(frozen=True)
class SegmentSkipped(Event):
    index: int
    segment: Segment


@dataclass(frozen=True)
class Paused(Event):
    reason: PauseReason


@dataclass(frozen=True)
class Resumed(Event):
    pass


@dataclass(frozen=True)
class Finished(Event):
    active_seconds: float


@dataclass(frozen=True)
class Abandoned(Event):
    index: int
    active_seconds: float


Listener = Callable[[Event], None]


class EventBus:
    """Fan-out to listeners in subscription order; each listener handles its own errors."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def publish(self, events: list[Event]) -> None:
        for event in events:
            for listener in list(self._listeners):
                listener(event)
