"""Cues on Linux through one ALSA output kept open for the session (pyalsaaudio).

simpleaudio opens a new stream for every buffer. Through PulseAudio's ALSA plugin, what
desktop Linux plays to, that connects a new client to the server each time: about 3 ms of
CPU per cue. This output connects once (when the preview warms the path) and restarts the
same output for each cue: about 1.4 ms (benchmarks/cpu.py measures the whole program).

- One write per cue, or per run of cues (3, 2, 1, go). The buffer holds BUFFER_SECONDS,
  more than the longest run with the Bluetooth lead-in, so the sound thread never waits on
  the device.
- Periods of PERIOD_FRAMES (25 ms), simpleaudio's own. PulseAudio's plugin asks the sink for
  a latency that follows the period, so cues keep the latency they had.
- After a cue the output is stopped (dropped), so an idle sink may still sleep as before.
  The stop is made half-way between two seconds after the cue's sound began: pyalsaaudio
  holds Python's lock while the plugin answers, and a second's digits must not wait for it.
- A write that fails (the sound server restarted, the device went away) reopens the output
  once before it gives up.
"""

from __future__ import annotations

import contextlib
import math
import threading
import time
from collections.abc import Callable
from typing import Protocol

from postrun.audio.cues import RATE

PERIOD_FRAMES = 1102          # 25 ms at RATE
BUFFER_SECONDS = 5.0         # the lead-in (0.3 s), a run's span (3.2 s), its last cue (up to 1.2 s)
TAIL = 0.1                    # the output's own latency, and a margin: played by then
SETUP, PREPARED = 1, 2        # ALSA's PCM states (pyalsaaudio's PCM_STATE_*) that hold no sound


class Pcm(Protocol):
    def state(self) -> int: ...
    def write(self, data: bytes) -> int: ...
    def drop(self) -> int: ...
    def close(self) -> None: ...


def open_default(device: str = "default") -> Pcm:
    import alsaaudio

    from postrun.audio.alsa_quiet import silence_alsa_errors

    silence_alsa_errors()
    periods = math.ceil(BUFFER_SECONDS * RATE / PERIOD_FRAMES)
    pcm: Pcm = alsaaudio.PCM(alsaaudio.PCM_PLAYBACK, alsaaudio.PCM_NORMAL, rate=RATE, channels=1,
                             format=alsaaudio.PCM_FORMAT_S16_LE, periodsize=PERIOD_FRAMES, periods=periods,
                             device=device)
    return pcm


def release_time(data: bytes, written_at: float, rate: int = RATE) -> float:
    """When to stop the output after this buffer: once it has been heard (with TAIL), at the
    first half second after its sound began (its leading silence skipped): the cue began on
    a second's instant, so the seconds' digits change far from the stop."""
    silent_frames = (len(data) - len(data.lstrip(b"\0"))) // 2
    onset = written_at + silent_frames / rate
    heard = written_at + len(data) / 2 / rate + TAIL
    return onset + 0.5 + max(0, math.ceil(heard - onset - 0.5))


class Playback:
    """One buffer on the output, with simpleaudio's PlayObject's three calls."""

    def __init__(self, output: AlsaOutput, serial: int, ends: float) -> None:
        self._output = output
        self._serial = serial
        self.ends = ends

    def is_playing(self) -> bool:
        return self._output.current(self._serial) and self._output.clock() < self.ends

    def stop(self) -> None:
        self._output.stop(self._serial)

    def wait_done(self) -> None:
        while self.is_playing():
            time.sleep(min(0.05, max(0.001, self.ends - self._output.clock())))


class AlsaOutput:
    """A play_buffer(data, channels, width, rate) for the cue player, on one open output."""

    def __init__(self, open_pcm: Callable[[], Pcm] = open_default, clock: Callable[[], float] = time.monotonic,
                 releaser: bool = True) -> None:
        self._open_pcm = open_pcm
        self.clock = clock
        self._pcm: Pcm | None = None
        self._lock = threading.Condition()
        self._serial = 0              # the newest buffer written
        self._stopped = 0             # the newest buffer stopped before its end
        self._release_at: float | None = None
        self._closed = False
        self.opens = 0                # for tests and benchmarks: connections made
        if releaser:
            threading.Thread(target=self._release_loop, name="postrun-sound-release", daemon=True).start()

    def __call__(self, data: bytes, channels: int, width: int, rate: int) -> Playback:
        if (channels, width, rate) != (1, 2, RATE):
            raise ValueError(f"this output plays mono 16-bit {RATE} Hz, not {channels}x{8 * width} bit {rate} Hz")
        with self._lock:
            if self._closed:
                raise RuntimeError("the sound output is closed")
            try:
                self._write(data)
            except Exception:
                self._close_pcm()      # a stale connection: one more try on a new one
                self._write(data)
            written_at = self.clock()
            self._serial += 1
            self._release_at = release_time(data, written_at)
            self._lock.notify()
            return Playback(self, self._serial, written_at + len(data) / 2 / rate)

    def _write(self, data: bytes) -> None:
        if self._pcm is None:
            self._pcm = self._open_pcm()
            self.opens += 1
        pcm = self._pcm
        if pcm.state() not in (SETUP, PREPARED):
            pcm.drop()                 # still sounding, or run dry: the new cue replaces it
        written = pcm.write(data)      # after a stop this prepares the output again
        if written < 0:
            raise OSError(f"the sound output refused the cue ({written})")

    def current(self, serial: int) -> bool:
        return serial == self._serial and serial != self._stopped and not self._closed

    def stop(self, serial: int) -> None:
        with self._lock:
            if self.current(serial):
                self._stopped = serial
                self._drop()

    def release_due(self) -> float | None:
        """Stop the output if its cue has been heard; the seconds until the next stop is due."""
        with self._lock:
            return self._release_due()

    def _release_due(self) -> float | None:
        if self._release_at is None:
            return None
        wait = self._release_at - self.clock()
        if wait > 0:
            return wait
        self._release_at = None
        self._drop()
        return None

    def _drop(self) -> None:
        self._release_at = None
        if self._pcm is not None:
            with contextlib.suppress(Exception):    # a dead connection is reopened at the next cue
                self._pcm.drop()

    def _release_loop(self) -> None:
        with self._lock:
            while not self._closed:
                self._lock.wait(self._release_due())

    def _close_pcm(self) -> None:
        pcm, self._pcm = self._pcm, None
        if pcm is not None:
            with contextlib.suppress(Exception):
                pcm.close()

    def close(self) -> None:
        """Stop and let go of the output (the process is ending)."""
        with self._lock:
            self._drop()
            self._close_pcm()
            self._closed = True
            self._lock.notify()


def system_output() -> AlsaOutput | None:
    """The open-once output where it exists (Linux with pyalsaaudio); None elsewhere, where
    simpleaudio plays each cue."""
    import sys

    if not sys.platform.startswith("linux"):
        return None
    try:
        import alsaaudio  # noqa: F401
    except ImportError:
        return None
    return AlsaOutput()
