"""The workout state machine: deadlines on an injected clock, controls, events.

Nothing here counts ticks. The running segment has an origin on the monotonic clock
(the instant it would have started had it never been paused) and everything shown is
computed from `now - origin`. Pause freezes the exact elapsed time; resume sets a new
origin from it, so no part-second is lost. A segment that ends naturally hands its
deadline to the next one as that one's origin, so a long workout does not drift.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Literal

from postrun.core.clock import Clock, default_clock
from postrun.core.errors import ControlError
from postrun.core.events import (
    Abandoned,
    Countdown,
    Event,
    EventBus,
    Finished,
    Halfway,
    Listener,
    ListenerFailure,
    Paused,
    PauseReason,
    Resumed,
    RoundComplete,
    SegmentSkipped,
    SegmentStarted,
    SwitchSides,
)
from postrun.core.segment_words import counts_as_a_set
from postrun.core.timeline import Kind, Segment, Side, Timeline

COUNTDOWN = (3, 2, 1)
HALFWAY_MIN_SECONDS = 20
BACK_RESTARTS_AFTER = 3.0
DEFAULT_SLEEP_GAP = 5.0


class State(StrEnum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    ABANDONED = "abandoned"


@dataclass(frozen=True)
class FiredCue:
    """A cue of the current segment already emitted (or passed over): a countdown number,
    or the halfway point."""

    kind: Literal["countdown", "halfway"]
    number: int = 0


HALFWAY = FiredCue("halfway")
COUNTDOWN_CUES = {number: FiredCue("countdown", number) for number in COUNTDOWN}   # made once: polled every tick


@dataclass
class Progress:
    """Where the workout is: everything that changes as it runs, in one place, so a
    look ahead (`upcoming`) copies it whole. Its collections are immutable: a copy never
    shares anything that changes."""

    state: State = State.READY
    index: int = 0
    origin: float = 0.0             # running: now - origin = elapsed in segment
    frozen: float = 0.0             # paused/ready: elapsed in segment
    duration: float | None = None   # this segment's length with added/removed time; None for reps
    fired: frozenset[FiredCue] = frozenset()
    active_before: float = 0.0      # active seconds before run_since
    run_since: float = 0.0
    last_look: float | None = None
    skipped: tuple[int, ...] = ()   # skipped and not redone, in the order skipped


@dataclass(frozen=True)
class Snapshot:
    """Everything a view needs at one instant, already computed."""

    state: State
    index: int
    segment: Segment
    next_segment: Segment | None
    duration: float | None          # this segment's length with added/removed time; None for reps
    remaining: float | None         # None for rep segments
    elapsed: float                  # in this segment, pauses excluded
    workout_elapsed: float          # active time in the whole workout
    workout_remaining: float        # known time left (rep segments not included)
    reps_ahead: int                 # rep segments left, the current one included
    rounds: int

    @property
    def shown_seconds(self) -> int:
        """The number on screen: a countdown rounded up, or a rep count-up rounded down."""
        if self.remaining is None:
            return int(self.elapsed)
        return math.ceil(self.remaining - 1e-9)


class Engine:
    def __init__(self, timeline: Timeline, clock: Clock = default_clock, sleep_gap: float | None = DEFAULT_SLEEP_GAP,
                 on_listener_failure: ListenerFailure | None = None) -> None:
        if not timeline.segments:
            raise ValueError("a timeline needs at least one segment")
        self.timeline = timeline
        self._clock = clock
        self._sleep_gap = sleep_gap
        self._bus = EventBus(on_listener_failure)
        first = timeline[0].seconds
        self._p = Progress(duration=None if first is None else float(first))

    # -- reading ---------------------------------------------------------------------

    @property
    def state(self) -> State:
        return self._p.state

    @property
    def index(self) -> int:
        return self._p.index

    @property
    def skipped(self) -> tuple[int, ...]:
        """Sets skipped (exercise sets and stretches) and not done since: going back to one
        and doing it takes it off."""
        return self._p.skipped

    def subscribe(self, listener: Listener, name: str = "") -> Callable[[], None]:
        return self._bus.subscribe(listener, name)

    def snapshot(self, now: float | None = None) -> Snapshot:
        now = self._clock() if now is None else now
        elapsed = self._elapsed(now)
        segment = self.timeline[self._p.index]
        remaining = None if self._p.duration is None else max(0.0, self._p.duration - elapsed)
        following = self._p.index + 1
        if self._p.state is State.FINISHED:
            remaining = 0.0 if remaining is not None else None
        after = self.timeline.seconds_after(self._p.index) if self._p.state is not State.FINISHED else 0
        return Snapshot(
            state=self._p.state,
            index=self._p.index,
            segment=segment,
            next_segment=self.timeline[following] if following < len(self.timeline) else None,
            duration=self._p.duration,
            remaining=remaining,
            elapsed=elapsed,
            workout_elapsed=self._active(now),
            workout_remaining=(remaining or 0.0) + after,
            reps_ahead=(0 if segment.timed else 1) + self.timeline.rep_segments_after(self._p.index)
            if self._p.state is not State.FINISHED else 0,
            rounds=self.timeline.circuit.rounds,
        )

    def next_change(self, now: float | None = None) -> float | None:
        """The next instant anything shown or heard changes; None when nothing will by itself."""
        if self._p.state is not State.RUNNING:
            return None
        now = self._clock() if now is None else now
        elapsed = self._elapsed(now)
        if self._p.duration is None:
            return self._p.origin + math.floor(elapsed + 1e-9) + 1
        deadline = self._p.origin + self._p.duration
        remaining = self._p.duration - elapsed
        # the digits change where the remaining time crosses a whole number
        candidates = [deadline - (math.ceil(remaining - 1e-9) - 1)]
        halfway = self._halfway_at()
        if halfway is not None and HALFWAY not in self._p.fired and halfway > now:
            candidates.append(halfway)
        return max(now, min(candidates))

    def upcoming(self, until: float) -> list[Event]:
        """The events due up to `until` if no control is touched, nothing published: what a
        listener that must act early (a cue with a lead-in) prepares for."""
        if self._p.state is not State.RUNNING:
            return []
        twin = copy.copy(self)
        twin._p = replace(self._p)
        twin._bus = EventBus()
        return twin._advance(until)

    # -- controls --------------------------------------------------------------------

    def poll(self) -> list[Event]:
        """Look at the clock: emit whatever became due since the last look."""
        now = self._clock()
        events: list[Event] = []
        if self._p.state is State.RUNNING:
            last = self._p.last_look
            if self._sleep_gap is not None and last is not None and now - last > self._sleep_gap:
                # the machine slept (or froze): stop time where the gap began
                events += self._advance(last)
                if self._p.state is State.RUNNING:
                    events += self._pause_at(last, PauseReason.SLEEP)
            else:
                events += self._advance(now)
        self._p.last_look = now
        return self._publish(events)

    def start(self, index: int = 0, active_seconds: float = 0.0, skipped: tuple[int, ...] = ()) -> list[Event]:
        """Begin at the first segment, or at `index` with the active time and skipped sets
        recorded so far when resuming an interrupted workout."""
        if self._p.state is not State.READY:
            raise ControlError(f"the workout has already been started (it is {self._p.state.value})")
        if not 0 <= index < len(self.timeline):
            raise ControlError(f"cannot start at segment {index}: the workout has {len(self.timeline)}")
        now = self._clock()
        self._p.state = State.RUNNING
        self._p.run_since = now
        self._p.last_look = now
        self._p.active_before = max(0.0, active_seconds)
        self._p.skipped = tuple(i for i in dict.fromkeys(skipped)
                                if 0 <= i < index and counts_as_a_set(self.timeline[i]))
        return self._publish(self._enter(index, now))

    def pause(self) -> list[Event]:
        events = self.poll()
        if self._p.state is not State.RUNNING:
            raise ControlError(f"cannot pause: the workout is {self._p.state.value}")
        return events + self._publish(self._pause_at(self._clock(), PauseReason.USER))

    def resume(self) -> list[Event]:
        events = self.poll()
        if self._p.state is not State.PAUSED:
            raise ControlError(f"cannot resume: the workout is {self._p.state.value}")
        now = self._clock()
        self._p.state = State.RUNNING
        self._p.origin = now - self._p.frozen
        self._p.run_since = now
        self._p.last_look = now
        resumed: list[Event] = [Resumed(now)]
        return events + self._publish(resumed + self._advance(now))

    def toggle(self) -> list[Event]:
        """Space: pause when running, resume when paused, start when ready."""
        if self._p.state is State.READY:
            return self.start()
        self.poll()
        return self.pause() if self._p.state is State.RUNNING else self.resume()

    def skip(self) -> list[Event]:
        events = self._poll_active("skip")
        now = self._clock()
        segment = self.timeline[self._p.index]
        # one rule everywhere (finish screen, history, command line, CSV): what counts as
        # skipped is an exercise set or a stretch; a rest or get-ready moved past is not
        if counts_as_a_set(segment) and self._p.index not in self._p.skipped:
            self._p.skipped = (*self._p.skipped, self._p.index)
        out: list[Event] = [SegmentSkipped(now, self._p.index, segment, self.skipped)]
        out += self._leave(now)
        return events + self._publish(out)

    def done(self) -> list[Event]:
        """Enter on a rep segment: the reps are done, move on."""
        events = self._poll_active("mark done")
        if self.timeline[self._p.index].timed:
            raise ControlError("'done' is for rep-based exercises; this segment is timed (skip moves on)")
        return events + self._publish(self._leave(self._clock()))

    def back(self) -> list[Event]:
        """Restart this segment if well into it, else go to the previous one."""
        events = self._poll_active("go back")
        now = self._clock()
        elapsed = self._elapsed(now)
        target = self._p.index if elapsed > BACK_RESTARTS_AFTER or self._p.index == 0 else self._p.index - 1
        return events + self._publish(self._enter(target, now))

    def add_time(self, seconds: float) -> list[Event]:
        """+10 s / -10 s on a timed segment. Removing more than is left ends the segment now."""
        events = self._poll_active("change the time")
        if self._p.duration is None:
            raise ControlError("a rep-based exercise has no time to change; press done when the reps are done")
        now = self._clock()
        elapsed = self._elapsed(now)
        self._p.duration = max(elapsed, self._p.duration + seconds)
        remaining = self._p.duration - elapsed
        self._p.fired = (self._p.fired & {HALFWAY}) | {COUNTDOWN_CUES[n] for n in COUNTDOWN if n > remaining}
        halfway = self._halfway_at()
        if halfway is not None and halfway < now:
            self._p.fired |= {HALFWAY}
        out = self._advance(now) if self._p.state is State.RUNNING else []
        return events + self._publish(out)

    def stop(self) -> list[Event]:
        """Abandon the workout part-way."""
        events = self._poll_active("stop")
        now = self._clock()
        active = self._active(now)
        if self._p.state is State.RUNNING:
            self._p.frozen = self._elapsed(now)
        self._p.active_before = active
        self._p.state = State.ABANDONED
        return events + self._publish([Abandoned(now, self._p.index, active, self.timeline[self._p.index],
                                                 self.skipped)])

    # -- internals -------------------------------------------------------------------

    def _poll_active(self, action: str) -> list[Event]:
        events = self.poll()
        if self._p.state not in (State.RUNNING, State.PAUSED):
            raise ControlError(f"cannot {action}: the workout is {self._p.state.value}")
        return events

    def _publish(self, events: list[Event]) -> list[Event]:
        self._bus.publish(events)
        return events

    def _elapsed(self, now: float) -> float:
        if self._p.state is State.RUNNING:
            return max(0.0, now - self._p.origin)
        return self._p.frozen

    def _active(self, now: float) -> float:
        if self._p.state is State.RUNNING:
            return self._p.active_before + max(0.0, now - self._p.run_since)
        return self._p.active_before

    def _halfway_at(self) -> float | None:
        segment = self.timeline[self._p.index]
        if segment.kind is not Kind.WORK or segment.seconds is None or segment.seconds < HALFWAY_MIN_SECONDS:
            return None
        assert self._p.duration is not None
        return self._p.origin + self._p.duration / 2

    def _pause_at(self, at: float, reason: PauseReason) -> list[Event]:
        self._p.frozen = max(0.0, at - self._p.origin)
        self._p.active_before += max(0.0, at - self._p.run_since)
        self._p.state = State.PAUSED
        return [Paused(at, reason)]

    def _advance(self, now: float) -> list[Event]:
        """Emit cues and segment ends due up to `now`, each at its own instant."""
        events: list[Event] = []
        while self._p.state is State.RUNNING and self._p.duration is not None:
            deadline = self._p.origin + self._p.duration
            cues: list[Event] = []
            for number in COUNTDOWN:
                at = deadline - number
                if COUNTDOWN_CUES[number] not in self._p.fired and at <= now:
                    self._p.fired |= {COUNTDOWN_CUES[number]}
                    cues.append(Countdown(at, self._p.index, number))
            halfway = self._halfway_at()
            if halfway is not None and HALFWAY not in self._p.fired and halfway <= now:
                self._p.fired |= {HALFWAY}
                cues.append(Halfway(halfway, self._p.index))
            events += sorted(cues, key=lambda e: e.at)
            if deadline > now:
                break
            events += self._leave(deadline)
        return events

    def _leave(self, at: float) -> list[Event]:
        """The current segment is over at `at` (ended, done or skipped): go on or finish."""
        segment = self.timeline[self._p.index]
        events: list[Event] = []
        if segment.ends_round and segment.round is not None:
            events.append(RoundComplete(at, segment.round, self.timeline.circuit.rounds))
        if self._p.index + 1 >= len(self.timeline):
            if self._p.state is State.RUNNING:
                self._p.frozen = self._elapsed(at)
                self._p.active_before += max(0.0, at - self._p.run_since)
            self._p.state = State.FINISHED
            events.append(Finished(at, self._p.active_before, self._p.index, segment, self.skipped))
            return events
        return events + self._enter(self._p.index + 1, at)

    def _enter(self, index: int, at: float) -> list[Event]:
        """Start segment `index` from its beginning at `at`. A change of side is announced
        first, so a listener hears "switch sides" rather than the segment's own start."""
        previous = self.timeline[self._p.index] if index != self._p.index else None
        self._p.index = index
        if index in self._p.skipped:         # back to a skipped set: it is being done now
            self._p.skipped = tuple(i for i in self._p.skipped if i != index)
        segment = self.timeline[index]
        self._p.duration = None if segment.seconds is None else float(segment.seconds)
        self._p.origin = at
        self._p.frozen = 0.0
        self._p.fired = frozenset(COUNTDOWN_CUES[n] for n in COUNTDOWN
                                  if segment.seconds is not None and n >= segment.seconds)
        side_change = (segment.kind is Kind.SWITCH or (
            segment.side is Side.RIGHT and previous is not None and previous.side is Side.LEFT
            and previous.kind is segment.kind))
        events: list[Event] = [SwitchSides(at, index, segment)] if side_change else []
        return events + [SegmentStarted(at, index, segment, self._active(at), self.skipped)]
