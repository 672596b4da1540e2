"""Process start to first paint of the picker, and peak memory, beside a bare PySide6
window that paints once and quits, measured in the same run.

Target: at most 2x the bare window's time and 1.6x its memory.
Run: .venv/bin/python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from _table import median, print_table  # noqa: E402

BARE = """
import time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel("bare window")
class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"first-paint {time.monotonic():.6f}", flush=True)
            app.quit()
        return False
probe = Probe()
label.installEventFilter(probe)
label.resize(1366, 768)
label.show()
app.exec()
"""


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawn to first paint, and the child's peak resident memory in MB."""
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    output = process.stdout.read() if process.stdout else ""
    process.stdout.close() if process.stdout else None
    process.returncode = os.waitstatus_to_exitcode(status)
    painted = next((line for line in output.splitlines() if line.startswith("first-paint")), None)
    if process.returncode != 0 or painted is None:
        raise SystemExit(f"{command} failed ({process.returncode}): {output}")
    return float(painted.split()[1]) - started, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               POSTRUN_EXIT_AFTER_FIRST_PAINT="1",
               POSTRUN_DATA_DIR=tempfile.mkdtemp(prefix="postrun-bench-"))
    # an installed program runs from compiled bytecode: let Python write it, and warm up once
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    measure([sys.executable, "-c", BARE], env)
    measure([sys.executable, "-m", "postrun"], env)
    results: dict[str, list[tuple[float, float]]] = {"bare PySide6 window": [], "postrun (picker)": []}
    for _ in range(args.runs):   # interleaved, so both see the same machine state
        results["bare PySide6 window"].append(measure([sys.executable, "-c", BARE], env))
        results["postrun (picker)"].append(measure([sys.executable, "-m", "postrun"], env))
    bare_time = median([t for t, _ in results["bare PySide6 window"]])
    bare_mem = median([m for _, m in results["bare PySide6 window"]])
    rows = []
    for name, samples in results.items():
        t = median([s for s, _ in samples])
        m = median([s for _, s in samples])
        rows.append([name, f"{t * 1000:.0f}", f"{min(s for s, _ in samples) * 1000:.0f}", f"{m:.1f}",
                     f"{t / bare_time:.2f}x", f"{m / bare_mem:.2f}x"])
    print(f"Start-up to first paint, median of {args.runs} runs (platform {env['QT_QPA_PLATFORM']})")
    print_table(["program", "median ms", "best ms", "peak RSS MB", "time ratio", "memory ratio"], rows)
    print("Targets: time ratio <= 2.00x, memory ratio <= 1.60x")


if __name__ == "__main__":
    main()
