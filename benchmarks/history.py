"""The history over ten years of daily workouts (10,000 records, the built-in circuits with
their loads: well over 100,000 logged sets), beside an empty log in the same run: the
history page to first paint, the balance and chart, an exercise's page and the preview's
"last time", the migration of that log from before the sets table, a JSON export,
importing that export into an empty log, and the window's start-up.

Targets: page to first paint <= 150 ms, balance and chart <= 50 ms, an exercise's page and
the preview's last time <= 50 ms, the migration <= 3 s, JSON export <= 1 s, import <= 2 s,
start-up with 10,000 workouts within noise of an empty log.
Run: .venv/bin/python benchmarks/history.py [--runs N] [--offscreen]
(on a real X server, Xvfb, unless --offscreen or Xvfb is missing)
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import timedelta, timezone
from pathlib import Path

sys.path.insert(0, os.path.dirname(__file__))
from _table import median, print_table  # noqa: E402
from _xvfb import Xvfb  # noqa: E402
from postrun.core.clock import local_now  # noqa: E402
from startup import measure as measure_startup  # noqa: E402

WORKOUTS = 10_000

PAGE = """
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
app = QApplication([])
from postrun.app import build_parts
from postrun.ui.main_window import MainWindow
parts = build_parts()
window = MainWindow(parts)
window.show()
app.processEvents()
class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched is window.history:
            print(f"painted {time.monotonic() - started:.6f}", flush=True)
            app.quit()
        return False
probe = Probe()
def go():
    global started
    started = time.monotonic()
    window.history.installEventFilter(probe)
    window.show_history()
from PySide6.QtCore import QTimer
QTimer.singleShot(300, go)
app.exec()
"""


def fill(folder: Path, count: int) -> None:
    """`count` daily workouts ending yesterday, the four built-ins in turn, some stopped."""
    from postrun.core.circuit_toml import circuit_to_dict
    from postrun.store.library import load_library
    from postrun.store.workout_log import WorkoutDraft, WorkoutLog

    circuits = [(e.key, circuit_to_dict(e.circuit)) for e in load_library() if e.circuit is not None]
    zone = timezone(timedelta(hours=1))
    first = local_now().astimezone(zone).replace(hour=18, minute=30, second=0, microsecond=0) - timedelta(days=count)
    chance = random.Random(7)
    drafts = []
    for day in range(count):
        key, circuit = circuits[day % len(circuits)]
        start = first + timedelta(days=day)
        stopped = chance.random() < 0.1
        drafts.append(WorkoutDraft(
            key, circuit, start, status="abandoned" if stopped else "completed",
            finished_at=start + timedelta(minutes=18), active_seconds=600.0 if stopped else 1000.0 + day % 300,
            segment_index=7 if stopped else 40, segment_label="work: Kettlebell swings",
            skipped=[3] if day % 9 == 0 else [], note=f"day {day}" if day % 5 == 0 else "",
            effort=1 + day % 10, segment_seconds={1: 41.0, 3: 40.5}))
    folder.mkdir(parents=True, exist_ok=True)
    log = WorkoutLog.open(folder / "postrun.sqlite3")
    log.merge(drafts)
    log.close()


def timed(action, runs: int) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return median(samples) * 1000


def in_process(full: Path, empty: Path, runs: int) -> list[list[object]]:
    from postrun.store.history import overview
    from postrun.store.library import load_library
    from postrun.store.record_file import read_workouts_file, write_json
    from postrun.store.workout_log import WorkoutLog, draft_of

    library = load_library()
    rows: list[list[object]] = []
    logs = {name: WorkoutLog.open(folder / "postrun.sqlite3") for name, folder in (("10,000", full), ("empty", empty))}
    today = local_now().date()
    overview_ms = {name: timed(lambda log=log: overview(log, library, today), runs) for name, log in logs.items()}
    rows.append(["balance and chart (overview)", f"{overview_ms['10,000']:.1f}", f"{overview_ms['empty']:.1f}",
                 "<= 50"])
    rows.extend(loads(logs, library, runs, full))
    export = full / "export.json"
    export_ms = timed(lambda: write_json(export, [draft_of(r) for r in logs["10,000"].records()]), max(1, runs // 2))
    size_mb = export.stat().st_size / 1e6
    empty_export_ms = timed(lambda: write_json(empty / "export.json", [draft_of(r) for r in logs["empty"].records()]),
                            max(1, runs // 2))
    rows.append([f"JSON export ({size_mb:.0f} MB)", f"{export_ms:.0f}", f"{empty_export_ms:.1f}", "<= 1000"])

    def import_fresh() -> None:
        target = Path(tempfile.mkdtemp(prefix="postrun-import-")) / "postrun.sqlite3"
        log = WorkoutLog.open(target)
        added, _ = log.merge(read_workouts_file(export))
        assert added == WORKOUTS
        log.close()

    rows.append(["import of that export into an empty log", f"{timed(import_fresh, max(1, runs // 2)):.0f}", "",
                 "<= 2000"])
    for log in logs.values():
        log.close()
    return rows


def loads(logs: dict[str, object], library: list[object], runs: int, full: Path) -> list[list[object]]:
    """An exercise's page and the preview's "last time" over the sets table, and the
    migration of the whole log from schema 3 (no sets table) in one transaction."""
    import shutil
    import sqlite3

    from postrun.core.equipment import DEFAULT_KG
    from postrun.core.progression import suggest
    from postrun.store.exercise_report import exercise_in, report
    from postrun.store.workout_log import WorkoutLog

    rows: list[list[object]] = []
    swings = exercise_in(library, "Kettlebell swings")  # type: ignore[arg-type]
    assert swings is not None
    sets = {name: log._db.execute("SELECT COUNT(*) FROM sets").fetchone()[0] for name, log in logs.items()}  # type: ignore[attr-defined]
    from postrun.store.user_data import EXERCISE_PAGE_WORKOUTS as LAST

    page = {name: timed(lambda log=log: report(log, "Kettlebell swings", library, DEFAULT_KG, last=LAST),  # type: ignore[arg-type]
                        runs)
            for name, log in logs.items()}
    rows.append([f"an exercise's page (of {sets['10,000']:,} sets)", f"{page['10,000']:.1f}", f"{page['empty']:.1f}",
                 "<= 50"])
    last = {name: timed(lambda log=log: suggest(swings, log.exercise_sessions("Kettlebell swings"), DEFAULT_KG),  # type: ignore[attr-defined]
                        runs) for name, log in logs.items()}
    rows.append(["the preview's last time and suggestion (one exercise)", f"{last['10,000']:.1f}",
                 f"{last['empty']:.1f}", "<= 50"])

    def migrate() -> float:
        folder = Path(tempfile.mkdtemp(prefix="postrun-schema3-"))
        shutil.copy(full / "postrun.sqlite3", folder / "postrun.sqlite3")
        db = sqlite3.connect(folder / "postrun.sqlite3")
        db.executescript("DROP TABLE sets; DROP TABLE runs; ALTER TABLE workouts DROP COLUMN sets_json; "
                         "PRAGMA user_version = 3;")
        db.close()
        started = time.perf_counter()
        log = WorkoutLog.open(folder / "postrun.sqlite3")
        spent = time.perf_counter() - started
        assert log.notice is None, log.notice
        assert log._db.execute("SELECT COUNT(*) FROM sets").fetchone()[0] == sets["10,000"]
        log.close()
        return spent * 1000

    samples = [migrate() for _ in range(max(1, runs // 2))]
    rows.append(["migration of the 10,000-workout log to the sets table", f"{median(samples):.0f}", "", "<= 3000"])
    return rows


def page_ms(folder: Path, env: dict[str, str]) -> float:
    result = subprocess.run([sys.executable, "-c", PAGE], capture_output=True, text=True, timeout=60,
                            env=dict(env, POSTRUN_DATA_DIR=str(folder)))
    line = next((x for x in result.stdout.splitlines() if x.startswith("painted")), None)
    if line is None:
        raise SystemExit(f"the page did not paint: {result.stdout}{result.stderr}")
    return float(line.split()[1]) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--offscreen", action="store_true")
    args = parser.parse_args()
    full, empty = Path(tempfile.mkdtemp(prefix="postrun-10k-")), Path(tempfile.mkdtemp(prefix="postrun-empty-"))
    fill(full, WORKOUTS)
    use_x = not args.offscreen and Xvfb.available()
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    xvfb = Xvfb() if use_x else None
    if xvfb is not None:
        xvfb.__enter__()
        env.update(DISPLAY=xvfb.display, QT_QPA_PLATFORM="xcb")
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    try:
        rows = in_process(full, empty, args.runs)
        page_ms(full, env)   # warm the bytecode and the disk cache
        pages = {"10,000": [], "empty": []}  # type: dict[str, list[float]]
        starts = {"10,000": [], "empty": []}  # type: dict[str, list[float]]
        start_env = dict(env, POSTRUN_EXIT_AFTER_FIRST_PAINT="1")
        for _ in range(args.runs):          # interleaved: both see the same machine
            for name, folder in (("10,000", full), ("empty", empty)):
                pages[name].append(page_ms(folder, env))
                starts[name].append(measure_startup([sys.executable, "-m", "postrun"],
                                                    dict(start_env, POSTRUN_DATA_DIR=str(folder)))[0] * 1000)
        rows.insert(0, ["history page to first paint", f"{median(pages['10,000']):.0f}",
                        f"{median(pages['empty']):.0f}", "<= 150"])
        spread = max(starts["empty"]) - min(starts["empty"])
        rows.append(["window start-up to first paint (picker)", f"{median(starts['10,000']):.0f}",
                     f"{median(starts['empty']):.0f}", f"within noise (empty log's spread {spread:.0f})"])
    finally:
        if xvfb is not None:
            xvfb.__exit__()
    where = "Xvfb" if use_x else "offscreen"
    print(f"History over {WORKOUTS:,} workouts, medians of {args.runs} runs ({where}); ms")
    print_table(["measure", "10,000 workouts", "empty log", "target"], rows)


if __name__ == "__main__":
    main()
