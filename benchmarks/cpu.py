"""CPU used by the process while a workout runs, beside a countdown that polls and
repaints at 20 Hz (what a typical Qt interval timer does), each in its own process.

Target: under 0.5% of one core.
Run: .venv/bin/python benchmarks/cpu.py [--seconds 60]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from _audio import ensure_sound_device  # noqa: E402
from _table import print_table  # noqa: E402

WARM_UP = 2.0


def child(kind: str, seconds: float) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])
    keep: list[object] = []
    if kind == "postrun":
        from postrun.app import build_parts
        from postrun.core.circuit_file import read_circuit_file
        from postrun.store.paths import builtin_circuits_dir
        from postrun.ui.main_window import MainWindow

        window = MainWindow(build_parts())
        window.resize(1366, 768)
        window.show()
        window.begin("posterior-chain", read_circuit_file(builtin_circuits_dir() / "posterior-chain.toml"))
        keep.append(window)
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--child", choices=["postrun", "polling"])
    args = parser.parse_args()
    if args.child:
        child(args.child, args.seconds)
        return
    device = ensure_sound_device()      # the workout's cues play, as they would for a user
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", POSTRUN_DATA_DIR=tempfile.mkdtemp(prefix="postrun-bench-"))
    rows = []
    for kind, label in [("polling", "20 Hz polling countdown (typical)"), ("postrun", "postrun run view")]:
        output = subprocess.run([sys.executable, __file__, "--child", kind, "--seconds", str(args.seconds)],
                                capture_output=True, text=True, env=env, check=True).stdout.split()
        cpu, wall = float(output[1]), float(output[3])
        rows.append([label, f"{wall:.1f}", f"{cpu * 1000:.0f}", f"{100 * cpu / wall:.3f}%"])
    print(f"CPU time while a workout runs for {args.seconds:.0f} s (after {WARM_UP:.0f} s warm-up; "
          f"cues on {device})")
    print_table(["program", "wall s", "CPU ms", "share of one core"], rows)
    print("Target: postrun under 0.5% of one core")


if __name__ == "__main__":
    main()
