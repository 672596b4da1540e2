"""Wiring: builds the parts and connects them; nothing else."""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING, Any

from postrun.core.clock import Clock, WallClock, default_clock, local_now
from postrun.store.library import LibraryEntry, Source
from postrun.store.paths import builtin_circuits_dir, data_dir, user_circuits_dir
from postrun.store.settings import read_settings
from postrun.store.user_data import UserData
from postrun.store.workout_log import WorkoutLog
from postrun.system.instance_lock import InstanceLock, instance_name
from postrun.system.keep_awake import KeepAwake

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

    from postrun.session.parts import SessionParts
    from postrun.timers import Timers

PROBE_VARIABLE = "POSTRUN_EXIT_AFTER_FIRST_PAINT"


def _exit_after_first_paint(app: Any, window: Any) -> None:
    """For benchmarks and smoke tests: report the first paint of the window, then quit."""
    from PySide6.QtCore import QEvent, QObject

    class FirstPaint(QObject):
        def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and watched is window.current_view():
                print(f"first-paint {time.monotonic():.6f} {type(watched).__name__}", flush=True)
                app.quit()
            return False

    probe = FirstPaint(window)
    window.picker.installEventFilter(probe)
    if window.current_view() is not window.picker:
        window.current_view().installEventFilter(probe)


def _media_buttons(window: Any) -> None:
    """Headset and keyboard media buttons through MPRIS, where there is a session bus (Linux)."""
    if not sys.platform.startswith("linux"):
        return
    from postrun.system.media_buttons import MediaButtons

    media = MediaButtons(window.media_control, parent=window)
    if media.register():
        window.attach_media(media)


def request_for(entry: LibraryEntry | None) -> str | None:
    """How a second `postrun` names the circuit to the first: a library key, or a file path."""
    if entry is None:
        return None
    library = (builtin_circuits_dir().resolve(), user_circuits_dir().resolve())
    if entry.source in (Source.BUILTIN, Source.USER) and entry.path.resolve().parent in library:
        return entry.key
    return str(entry.path.resolve())


def build_parts(clock: Clock = default_clock, timers: Timers | None = None,
                now: WallClock = local_now) -> SessionParts:
    """The program's parts on the user's real data folder (also used by the benchmarks)."""
    from postrun.audio.sound import Sound
    from postrun.session.parts import SessionParts
    from postrun.timers import QtTimers

    timers = timers or QtTimers()
    settings, settings_notice = read_settings(now=now)
    return SessionParts(data=UserData(WorkoutLog.open(now=now), settings, settings_notice, now=now),
                        sound=Sound(timers=timers, clock=clock), keep_awake=KeepAwake(), clock=clock, timers=timers)


DESKTOP_ID = "io.github.postrun.Postrun"


def window_icon() -> QIcon:
    from PySide6.QtGui import QIcon

    from postrun.store.paths import assets_dir

    return QIcon(str(assets_dir() / "icons" / "postrun.svg"))


def no_display_problem(environ: dict[str, str] | None = None, platform: str = sys.platform) -> str | None:
    """Why the window cannot open here, in a sentence, before Qt aborts with its own
    plugin error; None when a display (or an explicit Qt platform) is there."""
    environ = dict(os.environ) if environ is None else environ
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return None
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return ("the window needs a desktop session (no DISPLAY or WAYLAND_DISPLAY is set, as over ssh or in a "
            "text console). The commands work without one: postrun list, show, check, history, doctor.")


class _DeferredServer:
    """The request server, made when it is time to listen (after the first paint)."""

    def __init__(self, name: str, window: Any) -> None:
        self.name, self.window = name, window
        self.server: Any = None

    def listen(self) -> None:
        from postrun.system.single_instance import RequestServer

        self.server = RequestServer(self.name, self.window.handle_request, parent=self.window)
        self.server.listen()

    def close(self) -> None:
        if self.server is not None:
            self.server.close()


def main(open_entry: LibraryEntry | None = None, argv: list[str] | None = None) -> int:
    problem = no_display_problem()
    if problem is not None:
        print(f"postrun: {problem}", file=sys.stderr)
        return 1

    lock = InstanceLock(instance_name(data_dir()))
    if not lock.claim():
        from postrun.system.single_instance import send  # the second instance's whole job

        answer = send(lock.name, request_for(open_entry))
        if answer is None:
            print("postrun: another Postrun window is running but did not answer; close it, or wait and "
                  "try again", file=sys.stderr)
            return 1
        print(answer)
        return 0

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from postrun.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Postrun")
    QApplication.setDesktopFileName(DESKTOP_ID)     # Wayland matches the window to the .desktop file (and its icon)
    parts = build_parts()
    window = MainWindow(parts)
    if open_entry is not None:
        window.open_entry(open_entry)
    if os.environ.get(PROBE_VARIABLE):
        _exit_after_first_paint(app, window)
    window.show()
    QTimer.singleShot(500, parts.sound.start_speech)     # after the first paint, in its own process
    QTimer.singleShot(300, lambda: _media_buttons(window))
    # answering a second `postrun` (QtNetwork) after the first paint: it retries for 5 s
    server = _DeferredServer(lock.name, window)
    QTimer.singleShot(100, server.listen)
    # the icon (its SVG plug-in) after the first paint: the taskbar shows it a moment later
    QTimer.singleShot(200, lambda: QApplication.setWindowIcon(window_icon()))
    try:
        return int(app.exec())
    finally:
        parts.sound.shutdown()
        parts.keep_awake.release()
        parts.data.log.close()
        server.close()
        lock.release()
