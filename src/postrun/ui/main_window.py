"""The window: picker -> preview -> run -> finish, one view at a time.

It knows the parts only through `Services` (built in app.py): the library, the log,
settings and keep-awake stay out of the widgets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from postrun.core.circuit import Circuit
from postrun.core.clock import Clock, default_clock
from postrun.core.timeline import Kind, build_timeline
from postrun.store.library import LibraryEntry
from postrun.store.settings import Settings
from postrun.store.workout_log import WorkoutRecord
from postrun.ui.picker_view import PickerView
from postrun.ui.preview_view import PreviewView
from postrun.ui.segment_text import title as segment_title

if TYPE_CHECKING:
    # the workout's half of the program loads when the first workout starts, not
    # before the picker's first paint (about 20 ms of start-up)
    from postrun.core.engine import Engine
    from postrun.core.events import Event
    from postrun.ui.finish_view import FinishView
    from postrun.ui.run_driver import RunDriver
    from postrun.ui.run_view import RunView

RELEASE_AWAKE_AFTER_PAUSE_MS = 3 * 60 * 1000


class Services(Protocol):
    settings: Settings
    log_notice: str | None

    def library(self) -> list[LibraryEntry]: ...
    def last_done(self) -> dict[str, Any]: ...
    def save_settings(self) -> str | None: ...
    def recorder(self, engine: Engine, key: str, circuit: Circuit, record_id: int | None,
                 on_error: Any) -> Any: ...
    def annotate(self, record_id: int, note: str, effort: int | None) -> None: ...
    def interrupted(self) -> list[WorkoutRecord]: ...
    def keep_interrupted_as_unfinished(self, record_id: int) -> None: ...
    def circuit_of(self, record: WorkoutRecord) -> Circuit | None: ...
    def keep_awake(self) -> tuple[bool, str | None]: ...
    def let_sleep(self) -> None: ...
    def sound_listeners(self, engine: Engine, on_problem: Any) -> list[Any]: ...
    def apply_sound_settings(self) -> None: ...
    def voice_state(self) -> str: ...
    def voice_problem(self) -> str | None: ...


def skipped_sets(engine: Engine) -> list[str]:
    """What was skipped that matters: exercise sets and stretches, not rests."""
    names: list[str] = []
    for index in dict.fromkeys(engine.skipped):
        segment = engine.timeline[index]
        if segment.kind in (Kind.WORK, Kind.COOLDOWN):
            side = f" {segment.side.value}" if segment.side else ""
            round_text = f", round {segment.round}" if segment.round else ""
            names.append(f"{segment.name} ({side.strip() or 'set'}{round_text})")
    if len(names) > 6:
        names = names[:6] + [f"and {len(names) - 6} more"]
    return names


class MainWindow(QMainWindow):
    def __init__(self, services: Services, clock: Clock = default_clock) -> None:
        super().__init__()
        self.services = services
        self.clock = clock
        self.setWindowTitle("Postrun")
        self.resize(1366, 768)
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.picker = PickerView(self)
        self.stack.addWidget(self.picker)
        # the other views are built when first needed: the picker paints sooner
        self._preview: PreviewView | None = None
        self._run_view: RunView | None = None
        self._finish: FinishView | None = None

        self.driver: RunDriver | None = None
        self.recorder: Any = None
        self.current: tuple[str, Circuit] | None = None
        self._went_fullscreen = False
        self._notices: dict[str, str] = {}
        self._awake_release_timer = QTimer(self)
        self._awake_release_timer.setSingleShot(True)
        self._awake_release_timer.timeout.connect(self.services.let_sleep)

        self.picker.chosen.connect(self.open_entry)
        self.picker.resume_chosen.connect(self.resume_interrupted)
        self.picker.resume_discarded.connect(self.discard_interrupted)

        self.show_picker()
        self._offer_resume()

    @property
    def preview(self) -> PreviewView:
        if self._preview is None:
            self._preview = PreviewView(self)
            self._preview.start_requested.connect(self.start_from_preview)
            self._preview.back_requested.connect(self.show_picker)
            self.stack.addWidget(self._preview)
        return self._preview

    @property
    def run_view(self) -> RunView:
        if self._run_view is None:
            from postrun.ui.run_view import RunView

            self._run_view = RunView(self)
            self._run_view.control.connect(self.on_control)
            self.stack.addWidget(self._run_view)
        return self._run_view

    @property
    def finish(self) -> FinishView:
        if self._finish is None:
            from postrun.ui.finish_view import FinishView

            self._finish = FinishView(self)
            self._finish.again_requested.connect(self.again)
            self._finish.back_requested.connect(self.show_picker)
            self._finish.note_saved.connect(self._save_note)
            self.stack.addWidget(self._finish)
        return self._finish

    # -- picker and preview ----------------------------------------------------------

    def show_picker(self) -> None:
        self._leave_fullscreen()
        self.picker.filter.clear()          # back from a workout: every circuit again
        self.picker.set_entries(self.services.library(), self.services.last_done(),
                                select_key=self.services.settings.last_circuit)
        self.picker.show_notice(self.services.log_notice)
        self.stack.setCurrentWidget(self.picker)
        self.picker.setFocus()

    def open_entry(self, entry: LibraryEntry) -> None:
        settings = self.services.settings
        settings.last_circuit = entry.key
        self.preview.show_entry(entry, settings.swaps_for(entry.key), settings.rounds.get(entry.key),
                                settings.prepare_seconds, settings.fullscreen_on_start)
        self.preview.show_sound(settings.volume, settings.voice, settings.lead_in, self.services.voice_problem())
        self.stack.setCurrentWidget(self.preview)
        self.preview.start_button.setFocus()

    def open_by_key(self, key: str) -> bool:
        for entry in self.services.library():
            if entry.key == key and entry.circuit is not None:
                self.open_entry(entry)
                return True
        return False

    def start_from_preview(self) -> None:
        entry = self.preview.entry
        if entry is None or entry.circuit is None:
            return
        settings = self.services.settings
        settings.swaps[entry.key] = {str(k): v for k, v in self.preview.swaps().items()}
        settings.rounds[entry.key] = self.preview.rounds.value()
        if self.preview.prepare.value() != entry.circuit.prepare:
            settings.prepare_seconds = self.preview.prepare.value()
        settings.fullscreen_on_start = self.preview.fullscreen.isChecked()
        settings.volume = self.preview.volume.value()
        settings.lead_in = self.preview.lead_in.isChecked()
        if self.preview.voice.isEnabled():
            settings.voice = self.preview.voice.isChecked()
        problem = self.services.save_settings()
        self.begin(entry.key, self.preview.chosen_circuit())
        if problem:
            self._set_notice("settings", problem)

    # -- running ---------------------------------------------------------------------

    def begin(self, key: str, circuit: Circuit, index: int = 0, active_seconds: float = 0.0,
              record_id: int | None = None) -> None:
        from postrun.core.engine import Engine
        from postrun.ui.run_driver import RunDriver

        self.current = (key, circuit)
        engine = Engine(build_timeline(circuit), clock=self.clock)
        # sound listens first (a cue is due the instant its event is). The recorder's
        # writes (an fsync each) wait until this tick has drawn, but are queued before the
        # finish screen, so the completion is on disk before it asks for anything.
        for listener in self.services.sound_listeners(engine, self._sound_problem):
            engine.subscribe(listener)
        self.recorder = self.services.recorder(engine, key, circuit, record_id,
                                               on_error=lambda text: self._set_notice("log", text))
        recorder = self.recorder
        engine.subscribe(lambda event: QTimer.singleShot(0, lambda: recorder(event)))
        engine.subscribe(self._on_event)
        if self.driver is not None:
            self.driver.stop_timer()
            self.driver.deleteLater()
        self.driver = RunDriver(engine, self.clock, self)
        self.driver.refreshed.connect(self.refresh_run_view)
        self.driver.refused.connect(self._flash_notice)
        self._notices = {}
        if self.services.log_notice:
            self._set_notice("log", self.services.log_notice)
        self.run_view.reset()
        self._show_sound()
        self.stack.setCurrentWidget(self.run_view)
        self.run_view.setFocus()
        if self.services.settings.fullscreen_on_start and not self.isFullScreen():
            self._went_fullscreen = True
            self.showFullScreen()
        awake, problem = self.services.keep_awake()
        if not awake:
            self._set_notice("awake", "The screen may sleep: this system offers no way to keep it on.")
        self.driver.start(index, active_seconds)

    def refresh_run_view(self) -> None:
        if self.driver is None:
            return
        engine = self.driver.engine
        if engine.state in ("running", "paused"):
            self.run_view.show_snapshot(engine.snapshot(), engine.timeline.total_seconds)

    def on_control(self, name: str) -> None:
        if name == "fullscreen":
            if self.isFullScreen():
                self._leave_fullscreen(force=True)
            else:
                self._went_fullscreen = True
                self.showFullScreen()
        elif name in ("mute", "louder", "quieter", "voice"):
            settings = self.services.settings
            if name == "mute":
                settings.muted = not settings.muted
            elif name == "voice":
                settings.voice = not settings.voice
            else:
                step = 10 if name == "louder" else -10
                settings.volume = max(0, min(100, settings.volume + step))
                settings.muted = False
            self.services.apply_sound_settings()
            self.services.save_settings()
            self._show_sound()
        elif name == "help":
            self.run_view.toggle_help()
        elif name == "escape":
            if self.isFullScreen():
                self._leave_fullscreen(force=True)
            elif self.run_view.confirm.text():
                self.run_view.set_confirm("")
                self._control("stop")
            else:
                self.run_view.set_confirm("Stop this workout? Esc again stops it; any other key carries on.")
        elif name == "cancel_stop":
            self.run_view.set_confirm("")
        else:
            self._control(name)

    def _control(self, name: str) -> None:
        if self.driver is not None and self.driver.engine.state in ("running", "paused", "ready"):
            self.driver.control(name)

    def _on_event(self, event: Event) -> None:
        from postrun.core.events import Abandoned, Finished, Paused, PauseReason, Resumed

        if isinstance(event, Paused):
            if event.reason is PauseReason.SLEEP:
                self._set_notice("slept", "Paused: the computer slept. Press Space to carry on.")
            self._awake_release_timer.start(RELEASE_AWAKE_AFTER_PAUSE_MS)
        elif isinstance(event, Resumed):
            self._awake_release_timer.stop()
            self._notices.pop("slept", None)
            self._show_notices()
            self.services.keep_awake()
        elif isinstance(event, Finished | Abandoned):
            self._awake_release_timer.stop()
            self.services.let_sleep()
            # after the engine has finished publishing: the recorder has written by then
            completed = isinstance(event, Finished)
            QTimer.singleShot(0, lambda: self._show_finish(completed))

    def _show_finish(self, completed: bool) -> None:
        if self.driver is None or self.current is None:
            return
        engine = self.driver.engine
        self.driver.stop_timer()
        self._leave_fullscreen()
        skipped = skipped_sets(engine)
        saved = self.services.log_notice or "Saved to your workout log."
        snap = engine.snapshot()
        segment = snap.segment
        self.finish.show_result(
            completed=completed, circuit_name=self.current[1].name,
            active_seconds=snap.workout_elapsed, rounds=engine.timeline.circuit.rounds,
            skipped=skipped, saved_text=saved, stopped_at=segment_title(segment),
            round_reached=segment.round or engine.timeline.circuit.rounds,
        )
        self.stack.setCurrentWidget(self.finish)
        self.finish.note.setFocus()

    def again(self) -> None:
        if self.current is not None:
            self.begin(*self.current)

    def _save_note(self, note: str, effort: int | None) -> None:
        if self.recorder is not None and self.recorder.record_id is not None:
            self.services.annotate(self.recorder.record_id, note, effort)

    # -- interrupted workouts --------------------------------------------------------

    def _offer_resume(self) -> None:
        interrupted = self.services.interrupted()
        if not interrupted:
            self.picker.show_resume(None)
            return
        record = interrupted[0]
        self.picker.show_resume(
            f"“{record.circuit_name}” was interrupted at {record.segment_label or 'the start'} "
            f"({record.started_at:%a %d %b %H:%M}). Resume from that step?")

    def resume_interrupted(self) -> None:
        interrupted = self.services.interrupted()
        if not interrupted:
            self.picker.show_resume(None)
            return
        record = interrupted[0]
        circuit = self.services.circuit_of(record)
        self.picker.show_resume(None)
        if circuit is None:
            self.services.keep_interrupted_as_unfinished(record.id)
            self.picker.show_notice("That workout could not be resumed; it is kept in the log as unfinished.")
            return
        index = min(record.segment_index, len(build_timeline(circuit)) - 1)
        self.begin(record.circuit_key, circuit, index=index, active_seconds=record.active_seconds,
                   record_id=record.id)

    def discard_interrupted(self) -> None:
        for record in self.services.interrupted():
            self.services.keep_interrupted_as_unfinished(record.id)
        self._offer_resume()
        self.picker.setFocus()

    # -- sound -----------------------------------------------------------------------

    def _show_sound(self) -> None:
        settings = self.services.settings
        self.run_view.set_sound(settings.muted, settings.volume, self.services.voice_state())

    def _sound_problem(self, text: str | None) -> None:
        if text is None:
            self._notices.pop("sound", None)
            self._show_notices()
        else:
            self._set_notice("sound", text)

    # -- notices and full screen -----------------------------------------------------

    def _set_notice(self, key: str, text: str) -> None:
        self._notices[key] = text
        self._show_notices()

    def _flash_notice(self, text: str) -> None:
        self._set_notice("refused", text)
        QTimer.singleShot(3000, self._clear_refused)

    def _clear_refused(self) -> None:
        self._notices.pop("refused", None)
        self._show_notices()

    def _show_notices(self) -> None:
        self.run_view.set_notice("   ".join(self._notices.values()))

    def _leave_fullscreen(self, force: bool = False) -> None:
        if self.isFullScreen() and (self._went_fullscreen or force):
            self.showNormal()
        self._went_fullscreen = False

    def current_view(self) -> QWidget | None:
        return self.stack.currentWidget()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Closing mid-workout keeps it in the log as a partial workout."""
        if self.driver is not None and self.driver.engine.state in ("running", "paused"):
            self.driver.control("stop")
            self.driver.stop_timer()
        self.services.let_sleep()
        super().closeEvent(event)
