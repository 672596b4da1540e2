"""CPU used by the process while a workout runs, beside a countdown that polls and
repaints at 20 Hz (what a typical Qt interval timer does), each in its own process, in the
same run: on a real X server (Xvfb, where painting costs what it does on a desktop) and on
Qt's offscreen platform, with cues playing to a PulseAudio null sink (what desktop Linux
plays to). The Bluetooth setting's two mechanisms are measured on their own and together.

Target: postrun at most 0.25% of one core on the X server with PulseAudio.
Run: .venv/bin/python benchmarks/cpu.py [--seconds 60]
Needs Debian xvfb, pulseaudio, pulseaudio-utils, libasound2-plugins (`make bench-deps`);
without them it says which rows it could not measure.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from _audio import ensure_sound_device  # noqa: E402
from _pulse import PulseServer  # noqa: E402
from _pulse import available as pulse_missing  # noqa: E402
from _table import print_table  # noqa: E402
from _xvfb import Xvfb  # noqa: E402

# (label, child kind, Bluetooth setting, keep-alive, early start, a new stream per cue)
VARIANTS = [
    ("20 Hz polling countdown (typical)", "polling", False, False, False, False),
    ("postrun", "postrun", False, False, False, False),
    ("postrun, a stream per cue (simpleaudio: Windows, macOS)", "postrun", False, False, False, True),
    ("postrun, Bluetooth: keep-alive only", "postrun", True, True, False, False),
    ("postrun, Bluetooth: early start (the setting)", "postrun", True, False, True, False),
    ("postrun, Bluetooth: both", "postrun", True, True, True, False),
]

WARM_UP = 2.0


def child(kind: str, seconds: float, bluetooth: bool, keep_alive: bool, early: bool,
          stream_per_cue: bool = False) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])
    keep: list[object] = []
    if kind == "postrun":
        from postrun.app import build_parts
        from postrun.audio import sound
        from postrun.store.circuit_reading import read_circuit_file
        from postrun.store.paths import builtin_circuits_dir
        from postrun.ui.main_window import MainWindow

        sound.KEEP_ALIVE, sound.EARLY_START = keep_alive, early
        if stream_per_cue:          # simpleaudio opens a stream per cue; Linux keeps one output open
            from postrun.audio import alsa_output

            alsa_output.system_output = lambda: None
        parts = build_parts()
        parts.data.settings.lead_in = bluetooth
        parts.sound.speech_wanted = False
        window = MainWindow(parts)
        window.resize(1366, 768)
        window.show()
        window.begin("posterior-chain", read_circuit_file(builtin_circuits_dir() / "posterior-chain.toml"))
        keep += [window, parts]
    else:
        label = QLabel()
        label.resize(1366, 768)
        font = label.font()
        font.setPixelSize(300)
        label.setFont(font)
        label.show()
        deadline = time.monotonic() + 3600

        def poll() -> None:   # the usual way: look every 50 ms, repaint every time
            label.setText(f"{max(0.0, deadline - time.monotonic()):.0f}")
            label.repaint()

        timer = QTimer()
        timer.timeout.connect(poll)
        timer.start(50)
        keep += [label, timer]
    marks: dict[str, float] = {}

    def begin() -> None:
        marks["cpu"], marks["wall"] = time.process_time(), time.monotonic()

    def end() -> None:
        cpu, wall = time.process_time() - marks["cpu"], time.monotonic() - marks["wall"]
        print(f"cpu {cpu:.4f} wall {wall:.3f}", flush=True)
        app.quit()

    QTimer.singleShot(int(WARM_UP * 1000), begin)
    QTimer.singleShot(int((WARM_UP + seconds) * 1000), end)
    app.exec()
    if kind == "postrun":
        keep[0].close()                     # type: ignore[attr-defined]
        keep[1].sound.shutdown()            # type: ignore[attr-defined]


def measure(env: dict[str, str], seconds: float, variant: tuple[str, str, bool, bool, bool, bool]) -> list[str]:
    label, kind, bluetooth, keep_alive, early, stream_per_cue = variant
    flags = [f"--{name}" for name, on in (("bluetooth", bluetooth), ("keep-alive", keep_alive), ("early", early),
                                          ("stream-per-cue", stream_per_cue)) if on]
    output = subprocess.run([sys.executable, __file__, "--child", kind, "--seconds", str(seconds), *flags],
                            capture_output=True, text=True, env=env, check=True).stdout.split()
    cpu, wall = float(output[1]), float(output[3])
    return [label, f"{wall:.1f}", f"{cpu * 1000:.0f}", f"{100 * cpu / wall:.3f}%"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--child", choices=["postrun", "polling"])
    parser.add_argument("--bluetooth", action="store_true")
    parser.add_argument("--keep-alive", action="store_true")
    parser.add_argument("--early", action="store_true")
    parser.add_argument("--stream-per-cue", action="store_true")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.seconds, args.bluetooth, args.keep_alive, args.early, args.stream_per_cue)
        return
    base = dict(os.environ, POSTRUN_DATA_DIR=tempfile.mkdtemp(prefix="postrun-bench-"))
    rows = []
    missing = pulse_missing()
    with contextlib.ExitStack() as stack:
        if missing:
            sound = ensure_sound_device() + f" (no PulseAudio here: {missing})"
        else:
            stack.enter_context(PulseServer())
            sound = "a PulseAudio null sink"
        platforms = [("offscreen", dict(base, QT_QPA_PLATFORM="offscreen"))]
        if Xvfb.available():
            server = stack.enter_context(Xvfb())
            platforms.insert(0, ("X server (Xvfb)", dict(base, QT_QPA_PLATFORM="xcb", DISPLAY=server.display)))
        for platform, env in platforms:
            env = dict(env, **{k: v for k, v in os.environ.items() if k in ("XDG_RUNTIME_DIR", "ALSA_CONFIG_PATH")})
            for variant in VARIANTS:
                rows.append([platform, *measure(env, args.seconds, variant)])
    print(f"CPU time while a workout runs for {args.seconds:.0f} s (after {WARM_UP:.0f} s warm-up; cues on {sound}), "
          "all rows in one run")
    print_table(["display", "program", "wall s", "CPU ms", "share of one core"], rows)
    print("Target: postrun at most 0.25% of one core on the X server with PulseAudio")


if __name__ == "__main__":
    main()
