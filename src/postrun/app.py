"""Wiring: builds the parts and connects them; nothing else."""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING, Any

from postrun.core.circuit import Circuit
from postrun.core.circuit_file import circuit_to_dict, parse_circuit
from postrun.core.clock import Clock, default_clock
from postrun.core.errors import CircuitError
from postrun.store.library import LibraryEntry, load_library
from postrun.store.settings import Settings, load_settings, save_settings
from postrun.store.workout_log import WorkoutLog, WorkoutRecord
from postrun.system.keep_awake import KeepAwake

if TYPE_CHECKING:
    # loaded with the first workout, not before the window's first paint
    from postrun.audio.player import CuePlayer
    from postrun.audio.speech_probe import BackgroundProbe
    from postrun.core.engine import Engine
    from postrun.store.workout_recorder import WorkoutRecorder

LEAD_IN = 0.3    # seconds of silence before each cue when the lead-in setting is on


class AppServices:
    """What the window needs from the rest of the program."""

    def __init__(self, log: WorkoutLog, settings: Settings, keep_awake: KeepAwake,
                 player: CuePlayer | None = None, voice: Any = None) -> None:
        self.log = log
        self.settings = settings
        self.awake = keep_awake
        self.log_notice = log.notice
        self._player = player
        self.voice = voice           # a Voice; made on first use when None
        self.speech_wanted = voice is None
        self.probe: BackgroundProbe | None = None

    @property
    def player(self) -> CuePlayer:
        if self._player is None:
            from postrun.audio.player import CuePlayer

            self._player = CuePlayer()
        return self._player

    def library(self) -> list[LibraryEntry]:
        return load_library()

    def last_done(self) -> dict[str, Any]:
        return dict(self.log.last_done())

    def save_settings(self) -> str | None:
        try:
            save_settings(self.settings)
        except OSError as exc:
            return f"Your choices could not be saved ({exc.strerror or exc}); they last until you quit."
        return None

    def recorder(self, engine: Engine, key: str, circuit: Circuit, record_id: int | None,
                 on_error: Any) -> WorkoutRecorder:
        from postrun.store.workout_recorder import WorkoutRecorder

        return WorkoutRecorder(self.log, engine, key, circuit_to_dict(circuit), record_id, on_error)

    def annotate(self, record_id: int, note: str, effort: int | None) -> None:
        self.log.annotate(record_id, note, effort)

    def interrupted(self) -> list[WorkoutRecord]:
        return self.log.interrupted()

    def keep_interrupted_as_unfinished(self, record_id: int) -> None:
        self.log.abandon_interrupted(record_id)

    def circuit_of(self, record: WorkoutRecord) -> Circuit | None:
        """The circuit exactly as it was run, rebuilt from the record's snapshot."""
        import tomli_w

        try:
            return parse_circuit(tomli_w.dumps(record.circuit).encode())
        except (CircuitError, TypeError, ValueError):
            return None

    def keep_awake(self) -> tuple[bool, str | None]:
        active = self.awake.acquire()
        return active, self.awake.problem

    def let_sleep(self) -> None:
        self.awake.release()

    def probe_speech(self) -> None:
        """Check the speech engine in a child process, off the GUI thread (see speech_probe)."""
        from postrun.audio.speech_probe import BackgroundProbe

        if self.speech_wanted and self.probe is None:
            self.probe = BackgroundProbe()
            self.probe.start()

    def start_voice(self) -> None:
        """Make the voice once the probe says its engine answers; until then, or when it
        does not, voice_problem() says why there is no voice."""
        if self.voice is not None or not self.speech_wanted or self.probe is None or self.probe.result is None:
            return
        if self.probe.result.engine is not None:
            from postrun.audio.voice import Voice

            self.voice = Voice(self.probe.result.engine)

    def sound_listeners(self, engine: Engine, on_problem: Any) -> list[Any]:
        self.start_voice()
        self.apply_sound_settings()
        self.player.reset()
        self.player.on_problem = on_problem
        listeners: list[Any] = [self.player]
        if self.voice is not None:
            self.voice.attach(engine.timeline)
            listeners.append(self.voice)
        return listeners

    def apply_sound_settings(self) -> None:
        settings = self.settings
        self.player.muted = settings.muted
        self.player.set_volume(settings.volume / 100, LEAD_IN if settings.lead_in else 0.0)
        if self.voice is not None:
            self.voice.enabled = settings.voice and not settings.muted
            self.voice.set_volume(settings.volume / 100)

    def voice_problem(self) -> str | None:
        self.start_voice()
        if self.voice is not None:
            return None if self.voice.available else self.voice.reason
        if self.probe is not None and self.probe.result is not None:
            return self.probe.result.problem
        if self.probe is not None:
            return "still checking for a speech engine"
        return "speech is not set up"

    def voice_state(self) -> str:
        if self.voice_problem() is not None:
            return "unavailable"
        return "on" if self.settings.voice else "off"


def build_window(services: AppServices, clock: Clock = default_clock) -> Any:
    from postrun.ui.main_window import MainWindow

    return MainWindow(services, clock)


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


def main(open_entry: LibraryEntry | None = None, argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName("Postrun")
    services = AppServices(WorkoutLog.open(), load_settings(), KeepAwake())
    window = build_window(services)
    if open_entry is not None:
        window.open_entry(open_entry)
    if os.environ.get(PROBE_VARIABLE):
        _exit_after_first_paint(app, window)
    window.show()
    from PySide6.QtCore import QTimer

    QTimer.singleShot(500, services.probe_speech)     # after the first paint, on its own thread
    try:
        return int(app.exec())
    finally:
        services.let_sleep()
        services.log.close()
