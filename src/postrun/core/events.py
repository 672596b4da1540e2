"""Plain event objects the engine publishes; views, sounds and the log subscribe on their own.

`at` is the instant (engine clock) the event was due, which may be slightly before the
look that noticed it; listeners use it to measure lateness, never to decide. Events that
change the record carry the record's facts as of `at` (active time, skipped sets), so a
listener never reads back from the engine and a deferred write still writes that instant.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from postrun.core.timeline import Segment

log = logging.getLogger(__name__)


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
    active_seconds: float = 0.0             # active time of the workout at `at`
    skipped: tuple[int, ...] = ()           # segments skipped and not redone, as of `at`


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
    skipped: tuple[int, ...] = ()


@dataclass(frozen=True)
class Paused(Event):
    reason: PauseReason


@dataclass(frozen=True)
class Resumed(Event):
    pass


@dataclass(frozen=True)
class Finished(Event):
    active_seconds: float
    index: int = 0                          # the last segment
    segment: Segment | None = None
    skipped: tuple[int, ...] = ()


@dataclass(frozen=True)
class Abandoned(Event):
    index: int
    active_seconds: float
    segment: Segment | None = None          # where it was stopped
    skipped: tuple[int, ...] = ()


Listener = Callable[[Event], None]
# (the listener's name, the event it failed on, what it raised)
ListenerFailure = Callable[[str, Event, Exception], None]


class EventBus:
    """Fan-out to listeners in subscription order.

    Listeners are isolated: one that raises is reported through `on_failure` with its
    name, and the others (and the engine's clock) carry on, so a broken sound device or a
    failing disk never stops the countdown.
    """

    def __init__(self, on_failure: ListenerFailure | None = None) -> None:
        self._listeners: list[tuple[str, Listener]] = []
        self.on_failure = on_failure

    def subscribe(self, listener: Listener, name: str = "") -> Callable[[], None]:
        entry = (name or getattr(listener, "__qualname__", type(listener).__name__), listener)
        self._listeners.append(entry)

        def unsubscribe() -> None:
            if entry in self._listeners:
                self._listeners.remove(entry)

        return unsubscribe

    def publish(self, events: list[Event]) -> None:
        for event in events:
            for name, listener in list(self._listeners):
                try:
                    listener(event)
                except Exception as exc:  # isolation is the point: report, never propagate
                    log.warning("listener %s failed on %s: %r", name, type(event).__name__, exc)
                    if self.on_failure is not None:
                        try:
                            self.on_failure(name, event, exc)
                        except Exception:
                            log.exception("reporting a listener failure failed")
