"""Cue runs, pure (no device, no Qt): which foreseen cues start together as one buffer,
that buffer with silence up to each cue's instant, and the cues started ahead that have
not come yet. The player (stream lifecycle) and EarlyCues (the timer) use these; tables
test them on their own.

Cues foreseen close together (3, 2, 1, go) start as one buffer, each after silence up to
its instant: one stream start for the run instead of one a cue, each start costing about
2 ms of CPU through PulseAudio.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from postrun.audio.cue_choice import SAME_INSTANT

Foreseen = tuple[float, str]       # a cue's instant and name
RUN_GAP = 1.5        # a cue this soon after the one before joins its run
RUN_SPAN = 3.2       # a run's last cue comes at most this long after its first (3, 2, 1, go: 3 s)
FORESIGHT = 1.2      # a run is planned at least one tick (a second) before it starts


def first_run(cues: Sequence[Foreseen]) -> tuple[Foreseen, ...]:
    """The first cue and those that follow it closely, within RUN_SPAN."""
    run: list[Foreseen] = []
    for at, name in cues:
        if run and (at - run[-1][0] > RUN_GAP or at - run[0][0] > RUN_SPAN):
            break
        run.append((at, name))
    return tuple(run)


def run_buffer(sound_of: Callable[[str], bytes], run: Sequence[Foreseen], now: float, rate: int) -> bytes:
    """One 16-bit mono buffer for cues foreseen from `now`: silence up to each one's
    instant, then its sound, cut where the next begins (as a new cue stops the one
    before). A cue whose instant has passed follows at once."""
    pieces: list[bytes] = []
    frames = 0
    starts = [max(0, round((at - now) * rate)) for at, _ in run]
    for index, (_, name) in enumerate(run):
        if starts[index] > frames:
            pieces.append(bytes(2 * (starts[index] - frames)))
            frames = starts[index]
        sound = sound_of(name)
        if index + 1 < len(run):
            sound = sound[:2 * max(0, starts[index + 1] - frames)]
        pieces.append(sound)
        frames += len(sound) // 2
    return b"".join(pieces)


class StartedAhead:
    """The cues of a run started ahead of their instants that have not come yet. Only
    these methods change it: the player starts a run and meets each event; the planner
    reads it and forgets it when the plan no longer agrees."""

    def __init__(self) -> None:
        self._cues: tuple[Foreseen, ...] = ()

    @property
    def cues(self) -> tuple[Foreseen, ...]:
        return self._cues

    def __bool__(self) -> bool:
        return bool(self._cues)

    def started(self, run: Sequence[Foreseen]) -> None:
        self._cues = tuple(run)

    def arrive(self, name: str, at: float) -> bool:
        """The event for `name` came at `at`: True when it is the next cue started ahead
        (its sound begins now, nothing more to play); else what was started is not as
        foreseen and is forgotten."""
        if self._cues and self._cues[0][1] == name and abs(self._cues[0][0] - at) < SAME_INSTANT:
            self._cues = self._cues[1:]
            return True
        self._cues = ()
        return False

    def agrees_with(self, foreseen: Sequence[Foreseen]) -> bool:
        """The plan still begins with what was started."""
        return tuple(foreseen[:len(self._cues)]) == self._cues

    def forget(self) -> bool:
        """True when something had been started (and must be stopped)."""
        had, self._cues = bool(self._cues), ()
        return had
