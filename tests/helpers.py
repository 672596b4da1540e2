"""Test doubles shared by the suites: a clock the test moves by hand, timers that fire on
that clock, tiny circuits."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from postrun.core.circuit import Circuit
from postrun.core.circuit_toml import parse_circuit


class FakeClock:
    """A monotonic clock that only moves when told; engine tests never sleep."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


# The moment in-process tests live in: a Thursday evening an hour east of UTC. No test
# compares with the real today; a test about another day hands in its own moment.
PINNED = datetime(2026, 11, 26, 19, 0, tzinfo=timezone(timedelta(hours=1)))


class FakeWallClock:
    """The wall clock pinned to a moment, moving with a FakeClock (if given) so that a
    workout's start and finish are as far apart as the fake seconds that passed."""

    def __init__(self, clock: FakeClock | None = None, start: datetime = PINNED) -> None:
        self.clock = clock
        self.start = start
        self._from = clock.now if clock is not None else 0.0

    def __call__(self) -> datetime:
        moved = (self.clock.now - self._from) if self.clock is not None else 0.0
        return self.start + timedelta(seconds=moved)

    def set(self, moment: datetime) -> None:
        """Jump to another moment (another day, another zone)."""
        self.start = moment
        self._from = self.clock.now if self.clock is not None else 0.0


class FakeTimer:
    def __init__(self, timers: FakeTimers, callback: Callable[[], object], precise: bool) -> None:
        self._timers = timers
        self.callback = callback
        self.precise = precise
        self.due: float | None = None
        self.interval_ms: int | None = None
        self._order = 0

    def start(self, ms: int) -> None:
        self.interval_ms = max(0, ms)
        self.due = self._timers.clock.now + self.interval_ms / 1000
        self._order = self._timers.next_order()

    def stop(self) -> None:
        self.due = None

    def is_active(self) -> bool:
        return self.due is not None

    def remaining_ms(self) -> int | None:
        if self.due is None:
            return None
        return max(0, round((self.due - self._timers.clock.now) * 1000))


class FakeTimers:
    """The program's timers on a FakeClock, like qutebrowser's FakeTimer: `advance` moves
    the clock to each armed instant in turn and fires what is due there, so a test of a
    30 s workout runs in milliseconds and sees exactly the wake-ups the real loop would."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self._timers: list[FakeTimer] = []
        self._soon: list[Callable[[], object]] = []
        self._count = 0
        self.fired = 0

    def next_order(self) -> int:
        self._count += 1
        return self._count

    def timer(self, callback, *, precise=False, parent=None) -> FakeTimer:  # type: ignore[no-untyped-def]
        made = FakeTimer(self, callback, precise)
        self._timers.append(made)
        return made

    def soon(self, callback: Callable[[], object]) -> None:
        self._soon.append(callback)

    def flush(self) -> None:
        """Run what waits for the current event to end (log writes, the finish screen)."""
        while self._soon:
            self._soon.pop(0)()

    def advance(self, seconds: float) -> None:
        target = self.clock.now + seconds
        self.flush()
        while True:
            due = [t for t in self._timers if t.due is not None and t.due <= target + 1e-9]
            if not due:
                break
            first = min(due, key=lambda t: (t.due, t._order))
            assert first.due is not None
            self.clock.now = max(self.clock.now, first.due)
            first.due = None
            self.fired += 1
            first.callback()
            self.flush()
        self.clock.now = max(self.clock.now, target)
        self.flush()

    def jump(self, seconds: float) -> None:
        """The clock leaps (a laptop's lid closed) and the loop wakes once, late."""
        self.clock.advance(seconds)
        self.advance(0)


def circuit_from(text: str) -> Circuit:
    return parse_circuit(textwrap.dedent(text).encode())


def run_for(engine, clock: FakeClock, seconds: float, step: float = 0.25) -> list:  # type: ignore[no-untyped-def]
    """Advance the clock in small steps, looking at the engine each time as the window does."""
    events = []
    remaining = seconds
    while remaining > 1e-9:
        delta = min(step, remaining)
        clock.advance(delta)
        remaining -= delta
        events += engine.poll()
    return events


def advance(window, clock, seconds, step=None):  # type: ignore[no-untyped-def]
    """Move time for the window: every timer it armed fires at its instant."""
    window.parts.timers.advance(seconds)


class PlayObject:
    """simpleaudio's PlayObject at its boundary: logs ("stop", name) into `log` when stopped."""

    def __init__(self, log: list, name: str) -> None:  # type: ignore[type-arg]
        self.log, self.name, self.playing = log, name, True

    def is_playing(self) -> bool:
        return self.playing

    def stop(self) -> None:
        if self.playing:
            self.log.append(("stop", self.name))
        self.playing = False

    def wait_done(self) -> None:
        self.playing = False


def builtin_circuit_dict(key: str) -> dict:  # type: ignore[type-arg]
    from postrun.core.circuit_toml import circuit_to_dict
    from postrun.store.library import load_library

    entry = next(e for e in load_library() if e.key == key)
    assert entry.circuit is not None
    return circuit_to_dict(entry.circuit)


def seed_history(log, today, offset_hours: float = 1.0) -> list:  # type: ignore[no-untyped-def]
    """12 weeks of workouts ending `today` (a date): most weeks posterior-chain on Monday
    and Thursday, one quad day, week 5 back empty, two stopped part-way. Returns the drafts
    in the order written."""
    from datetime import datetime, time, timedelta, timezone

    from postrun.core.weeks import week_of
    from postrun.store.workout_log import WorkoutDraft

    zone = timezone(timedelta(hours=offset_hours))
    posterior, quads = builtin_circuit_dict("posterior-chain"), builtin_circuit_dict("quad-circuit")
    drafts = []
    for weeks_back in range(11, -1, -1):
        if weeks_back == 5:
            continue
        monday = week_of(today) - timedelta(weeks=weeks_back)
        for day, circuit, key in ((0, posterior, "posterior-chain"), (3, posterior, "posterior-chain"),
                                  (5, quads if weeks_back == 8 else None, "quad-circuit")):
            when = monday + timedelta(days=day)
            if circuit is None or when > today:
                continue
            start = datetime.combine(when, time(18, 30), zone)
            stopped = weeks_back in (2, 9) and day == 3
            draft = WorkoutDraft(key, circuit, start, status="abandoned" if stopped else "completed",
                                 finished_at=start + timedelta(minutes=20), active_seconds=600 if stopped else 1200,
                                 segment_index=5 if stopped else 40,
                                 segment_label="work: Kettlebell windmills (left), round 1" if stopped else "cool-down",
                                 note=f"week -{weeks_back}", effort=6)
            log.write(draft)
            drafts.append(draft)
    return drafts


def _common_prefix(a: bytes, b: bytes) -> int:
    """How many leading bytes two buffers share (a binary search: prefixes match or not)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def cues_in(data: bytes, buffers: dict[str, bytes], rate: int = 44100) -> list[tuple[float, str]]:
    """The cues in a buffer handed to the device, in order, each with the seconds of audio
    in front of it: one cue, a cue after silence, or a run of them (a cue cut where the
    next begins is still recognised)."""
    found: list[tuple[float, str]] = []
    pos = 0
    while True:
        rest = data[pos:]
        first = pos + ((len(rest) - len(rest.lstrip(b"\0"))) & ~1)
        if first >= len(data):
            return found
        best = (0, "", 0)
        for name, sound in buffers.items():
            start = first - ((len(sound) - len(sound.lstrip(b"\0"))) & ~1)
            if start < pos:
                continue
            shared = _common_prefix(data[start:], sound) & ~1
            if shared > best[0] or (shared == best[0] and shared == len(sound)):
                best = (shared, name, start)
        shared, name, start = best
        if shared < 2 * rate // 50:
            raise AssertionError(f"sound at {first / 2 / rate:.3f} s is no cue")
        found.append((start / 2 / rate, name))
        pos = start + shared


def seeded_folder(folder, today) -> list:  # type: ignore[no-untyped-def]
    """A data folder whose log holds seed_history's 12 weeks up to `today` (closed again)."""
    from postrun.store.workout_log import WorkoutLog

    folder.mkdir(parents=True, exist_ok=True)
    log = WorkoutLog.open(folder / "postrun.sqlite3")
    try:
        return seed_history(log, today)
    finally:
        log.close()
