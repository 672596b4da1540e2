"""Screenshots of the real window for the AppStream metainfo and README, at 1366x768:
the circuit list, a workout running, the history and the editor. The window draws
offscreen into a temporary data folder filled with a few weeks of sample workouts. The
build machine has no sound card and no screen saver, so the sound goes nowhere and the
keep-awake is told it worked: the run view shows no notice a user would not see.
    .venv/bin/python packaging/take_screenshots.py [OUT_DIR]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from datetime import time as clock_time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["POSTRUN_DATA_DIR"] = tempfile.mkdtemp(prefix="postrun-shots-")

from PySide6.QtWidgets import QApplication  # noqa: E402

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "screenshots"


def sample_history() -> None:
    from postrun.core.circuit_file import circuit_to_dict
    from postrun.core.weeks import week_of
    from postrun.store.library import load_library
    from postrun.store.workout_log import WorkoutDraft, WorkoutLog

    circuits = {e.key: circuit_to_dict(e.circuit) for e in load_library() if e.circuit is not None}
    zone = timezone(timedelta(hours=1))
    log = WorkoutLog.open()
    today = date.today()
    for weeks_back in range(11, -1, -1):
        monday = week_of(today) - timedelta(weeks=weeks_back)
        for day, key in ((0, "posterior-chain"), (3, "posterior-chain-quick" if weeks_back % 3 else "quad-circuit")):
            when = monday + timedelta(days=day)
            if when >= today or weeks_back == 6:
                continue
            start = datetime.combine(when, clock_time(18, 30), zone)
            log.write(WorkoutDraft(key, circuits[key], start, status="completed",
                                   finished_at=start + timedelta(minutes=20),
                                   active_seconds=900 if "quick" not in key else 450, segment_index=40,
                                   note="heavy bell" if day else "", effort=6 + day % 3))
    log.close()


class _Silent:
    """A sound that played (to nowhere)."""

    def is_playing(self) -> bool:
        return False

    def stop(self) -> None:
        pass

    def wait_done(self) -> None:
        pass


class _Awake:
    active = True
    active_method = "screenshot"

    def __enter__(self) -> _Awake:
        return self

    def __exit__(self, *args: object) -> bool:
        return False


def settle(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def main() -> int:
    sample_history()
    app = QApplication(sys.argv[:1])
    from postrun.app import build_parts, window_icon
    from postrun.ui.main_window import MainWindow

    QApplication.setWindowIcon(window_icon())
    from dataclasses import replace

    from PySide6.QtCore import Qt

    from postrun.audio.player import CuePlayer
    from postrun.audio.sound import Sound
    from postrun.system.keep_awake import KeepAwake

    parts = build_parts()
    parts = replace(parts, sound=Sound(player=CuePlayer(play_buffer=lambda *args: _Silent()), timers=parts.timers,
                                       clock=parts.clock),
                    keep_awake=KeepAwake(lambda: _Awake()))
    window = MainWindow(parts)
    window.setWindowState(Qt.WindowState.WindowNoState)
    window.resize(1366, 768)
    window.show()
    OUT.mkdir(parents=True, exist_ok=True)
    shots = []

    def shoot(name: str) -> None:
        settle(app, 0.4)
        path = OUT / f"{name}.png"
        window.grab().save(str(path))
        shots.append(path)

    window.show_picker()
    shoot("picker")
    window.show_history()
    shoot("history")
    window.circuit_actions.duplicate(next(e for e in window.data.library() if e.key == "posterior-chain"))
    shoot("editor")
    window.editor.undo_stack.clear()
    window.editor.initial = window.editor.form.copy()
    window.open_by_key("posterior-chain")
    window.data.settings.fullscreen_on_start = False
    window.start_from_preview()
    settle(app, 12.5)                   # the get-ready countdown, into the first exercise
    shoot("run")
    window.close()
    parts.sound.shutdown()
    print("\n".join(str(p) for p in shots))
    return 0


if __name__ == "__main__":
    sys.exit(main())
