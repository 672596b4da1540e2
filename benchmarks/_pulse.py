"""A private PulseAudio with a null sink, and a recorder of what reaches it, for benchmarks
that hear what a desktop user hears (ALSA's null device plays faster than real time and
hides the cost of opening a sound stream).

The server runs in its own runtime folder, is ended by pid, and suspends an idle sink
after 5 s as desktop servers do. ALSA's default device is pointed at it (ALSA_CONFIG_PATH),
so simpleaudio plays through `pulse` exactly as on a desktop.

The recorder reads the sink's monitor with parec in small chunks and notes when each
chunk arrives on the monotonic clock; the earliest arrival relative to its sample count
maps every recorded sample to a monotonic instant (to about a millisecond), so a cue's
onset in the recording is compared with the instant the engine meant it for.
"""

from __future__ import annotations

import array
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

RATE = 44_100
SINK = "postrun_bench"


def available() -> str | None:
    """None when the tools are here, else what is missing (Debian package names)."""
    missing = [tool for tool, package in (("pulseaudio", "pulseaudio"), ("parec", "pulseaudio-utils"))
               if shutil.which(tool) is None]
    plugin = any(Path(p).exists() for p in ("/usr/lib/x86_64-linux-gnu/alsa-lib/libasound_module_pcm_pulse.so",
                                            "/usr/lib/aarch64-linux-gnu/alsa-lib/libasound_module_pcm_pulse.so"))
    if not plugin:
        missing.append("libasound2-plugins")
    return ", ".join(missing) or None


class PulseServer:
    def __init__(self, suspend_after: float = 5.0) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="postrun-pulse-"))
        self.suspend_after = suspend_after
        self.process: subprocess.Popen[bytes] | None = None
        self.env: dict[str, str] = {}

    def __enter__(self) -> PulseServer:
        runtime = self.folder / "runtime"
        runtime.mkdir(mode=0o700)
        script = self.folder / "server.pa"
        script.write_text(
            f"load-module module-null-sink sink_name={SINK} rate={RATE}\n"
            f"set-default-sink {SINK}\n"
            "load-module module-native-protocol-unix\n"
            f"load-module module-suspend-on-idle timeout={int(self.suspend_after)}\n")
        asound = self.folder / "asound.conf"
        asound.write_text("</usr/share/alsa/alsa.conf>\npcm.!default { type pulse }\nctl.!default { type pulse }\n")
        # as on a desktop: clients find the server through XDG_RUNTIME_DIR, not PULSE_SERVER
        self.env = {"XDG_RUNTIME_DIR": str(runtime),
                    "ALSA_CONFIG_PATH": str(asound), "PULSE_RUNTIME_PATH": str(runtime / "pulse")}
        env = dict(os.environ, **self.env)
        self.process = subprocess.Popen(
            ["pulseaudio", "-n", "-F", str(script), "--exit-idle-time=-1", "--daemonize=no",
             "--disallow-exit", "--log-target=stderr", "--log-level=error"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        socket = runtime / "pulse" / "native"
        deadline = time.monotonic() + 10
        while not socket.exists():
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError("PulseAudio did not start")
            time.sleep(0.05)
        os.environ.update(self.env)          # this process and its children play to it
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)

    def sink_state(self) -> str:
        done = subprocess.run(["pactl", "list", "short", "sinks"], capture_output=True, text=True,
                              env=dict(os.environ, **self.env))
        return done.stdout.split()[4] if done.stdout.split() else "?"


@dataclass
class Recording:
    samples: array.array[int] = field(default_factory=lambda: array.array("h"))
    arrivals: list[tuple[float, int]] = field(default_factory=list)   # (monotonic, samples so far)

    def instant_of(self, sample: int) -> float:
        """The monotonic instant a recorded sample was played.

        A chunk arrives some time after its samples were played, never before: in each
        second of recording the least-late chunk is the best estimate of that second's map
        from sample count to time. A line through those estimates also takes out the drift
        between the sink's clock and the monotonic clock (a few ms over half a minute),
        which a single origin would leave in every onset as a slow slide."""
        origin, slope = self._map()
        return origin + slope * sample + sample / RATE

    def _map(self) -> tuple[float, float]:
        if getattr(self, "_fitted", None) is None:
            lowest: dict[int, tuple[float, int]] = {}
            for at, count in self.arrivals:
                offset = at - count / RATE
                window = count // RATE
                if window not in lowest or offset < lowest[window][0]:
                    lowest[window] = (offset, count)
            points = [(count, offset) for offset, count in lowest.values()]
            if len(points) < 3:                 # too short to see a drift
                self._fitted = (min(offset for _, offset in points), 0.0)
            else:
                mean_x = sum(x for x, _ in points) / len(points)
                mean_y = sum(y for _, y in points) / len(points)
                slope = (sum((x - mean_x) * (y - mean_y) for x, y in points)
                         / sum((x - mean_x) ** 2 for x, _ in points))
                # the line through the estimates, moved down so that no estimate is below it
                origin = min(y - slope * x for x, y in points)
                self._fitted = (origin, slope)
        return self._fitted

    def onsets(self, after: float = 0.0, threshold: int = 2000, quiet: float = 0.05) -> list[float]:
        """Monotonic instants where sound starts after at least `quiet` seconds of silence."""
        found: list[float] = []
        gap = int(quiet * RATE)
        last_loud = -gap - 1
        for index, value in enumerate(self.samples):
            if value > threshold or value < -threshold:
                if index - last_loud > gap:
                    at = self.instant_of(index)
                    if at >= after:
                        found.append(at)
                last_loud = index
        return found


class Recorder:
    """parec on the sink's monitor, read in 5 ms chunks on a thread."""

    CHUNK = int(RATE * 0.005) * 2

    def __init__(self) -> None:
        self.recording = Recording()
        self._process: subprocess.Popen[bytes] | None = None
        self._thread = threading.Thread(target=self._read, daemon=True)

    def __enter__(self) -> Recorder:
        self._process = subprocess.Popen(
            ["parec", f"--device={SINK}.monitor", "--format=s16le", f"--rate={RATE}", "--channels=1", "--raw",
             "--latency-msec=5"], stdout=subprocess.PIPE)
        self._thread.start()
        deadline = time.monotonic() + 5
        while not self.recording.arrivals and time.monotonic() < deadline:
            time.sleep(0.01)
        return self

    def _read(self) -> None:
        assert self._process is not None
        assert self._process.stdout is not None
        stream = self._process.stdout
        while True:
            chunk = os.read(stream.fileno(), self.CHUNK)
            if not chunk:
                return
            now = time.monotonic()
            self.recording.samples.frombytes(chunk[: len(chunk) // 2 * 2])
            self.recording.arrivals.append((now, len(self.recording.samples)))

    def __exit__(self, *exc: object) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=5)
        self._thread.join(timeout=5)
