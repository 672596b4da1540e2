"""Plays cues off the engine's events: with simpleaudio, or on Linux through one output kept
open (alsa_output.AlsaOutput, handed in by Sound).

play_buffer starts playback and returns at once (simpleaudio plays on its own thread, the
open output from its buffer), so the GUI thread never waits (no wait_done here). One cue
at a time: a new cue stops the old one.
A missing or failing device never stops the workout: the first failure is logged and
reported through `on_problem` (the window shows it), later cues retry quietly, and a
cue that plays again clears the problem.

Every cue the engine foresees is started *before* its instant with silence in front
(`start_early`, planned by EarlyCues), so that its audible onset is on the instant:
- by OPEN_AHEAD at least: starting the output holds Python's GIL while PulseAudio answers
  (simpleaudio's open about 1.3 ms, the open output's restart about 0.9 ms), so a cue
  started on the instant would hold back the GUI thread just when the digits change;
- by the lead-in with the Bluetooth setting, so the silence wakes a sleeping speaker.
Cues foreseen close together start as one buffer (cue_runs.run_buffer). The silence is
measured on the sound thread just before the stream opens, so the time a job waits in the
queue does not move the onset. The voice, timed from the instant, still follows the cue's
end. A cue that could not be foreseen (a key pressed) plays at once without the silence.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Sequence
from typing import Any

from postrun.audio.alsa_quiet import silence_alsa_errors
from postrun.audio.cue_choice import CueChooser
from postrun.audio.cue_runs import FORESIGHT, RUN_SPAN, Foreseen, StartedAhead, run_buffer
from postrun.audio.cues import RATE, CueSet
from postrun.audio.output_thread import inline
from postrun.core.clock import Clock, default_clock
from postrun.core.events import Event

log = logging.getLogger(__name__)
NO_DEVICE = "No sound device — cues are visual only"
WARM_SECONDS = 0.05
OPEN_AHEAD = 0.03     # a foreseen cue's stream opens this long before its instant, at least

PlayBuffer = Callable[[bytes, int, int, int], Any]
Run = Callable[[Callable[[], object]], None]


def _simpleaudio_play(data: bytes, channels: int, width: int, rate: int) -> Any:
    import simpleaudio

    silence_alsa_errors()
    return simpleaudio.play_buffer(data, channels, width, rate)


def _is_playing(play: Any) -> bool:
    try:
        return bool(play.is_playing())
    except Exception:
        return False


class CuePlayer:
    def __init__(self, cues: CueSet | None = None, play_buffer: PlayBuffer | None = None,
                 on_problem: Callable[[str | None], None] | None = None, run: Run = inline,
                 clock: Clock = default_clock, quiet_play_buffer: PlayBuffer = _simpleaudio_play) -> None:
        self._cues = cues              # synthesized on first use: not before the first paint
        self._clock = clock
        self._volume = cues.volume if cues else 1.0
        self.lead_in = 0.0
        self._play_buffer = play_buffer or _simpleaudio_play
        # the keep-alive plays beside the cues: on an output of its own (a cue would stop it)
        self._quiet_play_buffer = quiet_play_buffer
        self._run = run                  # where device calls are made: inline, or the OutputThread
        self.on_problem = on_problem
        self._chooser = CueChooser()
        self._current: Any = None
        self._streams: list[Any] = []        # every stream started and maybe still playing
        self._quiet: list[Any] = []          # the keep-alive's streams
        self.ahead_started = StartedAhead()  # cues started ahead of their instants, not yet come
        self.muted = False
        self.problem: str | None = None
        self.detail = ""
        self.played: list[str] = []          # names, in order: for the window's tests and `cues --play`

    @property
    def cues(self) -> CueSet:
        if self._cues is None:
            self._cues = CueSet(self._volume)
        return self._cues

    @property
    def ahead(self) -> float:
        """How long before its instant a foreseen cue is started."""
        return max(self.lead_in, OPEN_AHEAD)

    @property
    def foresight(self) -> float:
        """How far ahead the engine must say what is coming: a run starts `ahead` of its
        first cue and reaches RUN_SPAN past it."""
        return self.ahead + FORESIGHT + RUN_SPAN

    def set_volume(self, volume: float, lead_in: float | None = None) -> None:
        if volume != self._volume:
            self._volume = volume
            self._cues = None
        if lead_in is not None:
            self.lead_in = lead_in

    def reset(self) -> None:
        """A new workout: forget which cue came last."""
        self._chooser = CueChooser()
        self.ahead_started.forget()

    # -- on the instant ----------------------------------------------------------------

    def __call__(self, event: Event) -> None:
        name = self._chooser.choose(event)
        if name is None or self.muted:
            return
        if self.ahead_started.arrive(name, event.at):
            self.played.append(name)          # started ahead: its sound begins now
            return
        self.play(name)                       # not as foreseen: this cue stops what was started

    def play(self, name: str) -> bool:
        return self._start(self.cues[name], name)

    # -- ahead of the instant ----------------------------------------------------------

    def foresee(self, events: list[Event]) -> list[Foreseen]:
        """The cues these foreseen events would sound, with their instants, in order."""
        chooser = self._chooser.copy()
        cues = []
        for event in events:
            name = chooser.choose(event)
            if name is not None:
                cues.append((event.at, name))
        return cues

    def start_early(self, run: Sequence[Foreseen]) -> None:
        """Start these cues now in one buffer, with silence in front of each, so that each
        one's sound begins at its instant."""
        if self.muted or not run:
            return
        cues, clock = self.cues, self._clock

        def with_silence() -> bytes:       # on the sound thread, just before the stream opens
            return run_buffer(cues.__getitem__, run, clock(), RATE)

        if self._start(with_silence, None):
            self.ahead_started.started(run)

    def cancel_early(self) -> None:
        """What was foreseen will not happen (a pause, a skip): stop it while it is still silent."""
        if self.ahead_started.forget():
            self.stop()

    # -- the device --------------------------------------------------------------------

    def warm(self) -> None:
        """Open the output path now with a moment of silence, so the first cue of a workout
        does not pay for it. play_buffer returns at once: the open happens on
        simpleaudio's own thread, off the GUI thread's path."""
        silence = bytes(2 * int(RATE * WARM_SECONDS))

        def warm() -> None:
            try:
                self._keep(self._play_buffer(silence, 1, 2, RATE))
            except Exception as exc:
                log.debug("warming the output failed: %s", exc)
                self._report(NO_DEVICE, detail=str(exc))

        self._run(warm)

    def play_quietly(self, data: bytes) -> None:
        """Play a buffer beside the cues (the keep-alive stream)."""
        def play() -> None:
            try:
                stream = self._keep(self._quiet_play_buffer(data, 1, 2, RATE))
                self._quiet = [p for p in self._quiet if _is_playing(p)] + [stream]
            except Exception as exc:
                log.debug("keep-alive failed: %s", exc)

        self._run(play)

    def stop_quietly(self) -> None:
        def stop() -> None:
            quiet, self._quiet = self._quiet, []
            for play in quiet:
                with contextlib.suppress(Exception):
                    play.stop()

        self._run(stop)

    def _start(self, data: bytes | Callable[[], bytes], name: str | None) -> bool:
        """Start a buffer, or the buffer a function makes at the last moment (stopping the
        cue before it). True once it is queued; with the inline runner (tests, the command
        line) only when the device took it."""
        self.stop()
        started = [False]

        def play() -> None:
            try:
                buffer = data if isinstance(data, bytes) else data()
                self._current = self._keep(self._play_buffer(buffer, 1, 2, RATE))
            except Exception as exc:  # simpleaudio raises its own error type, or OSError
                log.debug("playing %s failed: %s", name, exc)
                self._report(NO_DEVICE, detail=str(exc))
                return
            started[0] = True
            if self.problem is not None:
                self._report(None)

        self._run(play)
        if self._run is inline and not started[0]:
            return False
        if name is not None:
            self.played.append(name)
        return True

    def _keep(self, play: Any) -> Any:
        self._streams = [p for p in self._streams if _is_playing(p)] + [play]
        return play

    def stop(self) -> None:
        def stop() -> None:
            current, self._current = self._current, None
            if current is not None:
                try:
                    if current.is_playing():
                        current.stop()
                except Exception as exc:
                    log.debug("stopping a cue failed: %s", exc)

        self._run(stop)

    def stop_all(self) -> None:
        """Stop every stream this process plays (cues, warm-up, keep-alive), wait until
        simpleaudio's threads have let go of them, and close an output kept open."""
        def stop_all() -> None:
            streams, self._streams = self._streams, []
            self._current = None
            for play in streams:
                with contextlib.suppress(Exception):
                    play.stop()
            deadline = time.monotonic() + 1.0
            while any(_is_playing(play) for play in streams) and time.monotonic() < deadline:
                time.sleep(0.01)
            close = getattr(self._play_buffer, "close", None)
            if close is not None:
                with contextlib.suppress(Exception):
                    close()

        self._run(stop_all)
        drain = getattr(self._run, "drain", None)
        if drain is not None:
            drain()

    def wait(self) -> None:
        """Blocks until the cue ends. For the command line and tests, never the GUI thread."""
        drain = getattr(self._run, "drain", None)
        if drain is not None:
            drain()
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
