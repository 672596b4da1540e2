"""The window: picker -> preview -> run -> finish, one view at a time.

It only navigates and shows: a running workout is a WorkoutSession (built here from the
parts app.py wires), whose signals fill the run and finish views.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from postrun.core.circuit import Circuit, swaps_of
from postrun.core.controls import Control
from postrun.store.library import LibraryEntry, NotFound, find_entry
from postrun.ui.picker_view import PickerView
from postrun.ui.window_place import place, remembered

if TYPE_CHECKING:
    # the workout's half of the program loads when the first workout starts, not
    # before the picker's first paint (about 20 ms of start-up)
    from postrun.core.engine import Snapshot
    from postrun.session.finish_report import FinishReport
    from postrun.session.parts import SessionParts
    from postrun.session.workout_session import WorkoutSession
    from postrun.store.resume_point import ResumePoint
    from postrun.ui.circuit_actions import CircuitActions
    from postrun.ui.dialogs import Dialogs
    from postrun.ui.editor_state import CircuitForm
    from postrun.ui.editor_view import EditorView
    from postrun.ui.equipment_view import EquipmentView
    from postrun.ui.exercise_view import ExerciseView
    from postrun.ui.finish_view import FinishView
    from postrun.ui.history_view import HistoryView
    from postrun.ui.media_presenter import MediaPresenter, MediaShow
    from postrun.ui.preview_view import PreviewView
    from postrun.ui.run_presenter import RunPresenter
    from postrun.ui.run_view import RunView

MARK_AFTER_MS = 30


class MainWindow(QMainWindow):
    def __init__(self, parts: SessionParts, dialogs: Dialogs | None = None) -> None:
        super().__init__()
        self.parts = parts
        self.data = parts.data
        self._dialogs = dialogs
        self.setWindowTitle("Postrun")
        from PySide6.QtCore import QLocale

        from postrun.core.load import Numbers

        Numbers.decimal_point = QLocale().decimalPoint() or "."    # 12,5 kg where the locale writes so
        place(self, self.data.settings.window)
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.picker = PickerView(self)
        self.stack.addWidget(self.picker)
        # the other views are built when first needed: the picker paints sooner
        self._preview: PreviewView | None = None
        self._run_view: RunView | None = None
        self._finish: FinishView | None = None
        self._history: HistoryView | None = None
        self._editor: EditorView | None = None
        self._equipment: EquipmentView | None = None
        self._exercise: ExerciseView | None = None
        self._circuit_actions: CircuitActions | None = None
        self._runs: RunPresenter | None = None
        self._mark_later = parts.timers.timer(self._mark_suggestion, parent=self)

        self.session: WorkoutSession | None = None
        self.current: tuple[str, Circuit, list[dict[str, object]], dict[int, int]] | None = None
        self.media_presenter: MediaPresenter | None = None     # where a session bus exists (attach_media)
        self._went_fullscreen = False
        self._logged_for: int | None = None     # the segment the run view's "Logged" line was made for

        parts.sound.on_voice_change.append(self._voice_changed)
        self.picker.chosen.connect(self.open_entry)
        self.picker.resume_chosen.connect(self.resume_interrupted)
        self.picker.resume_discarded.connect(self.discard_interrupted)
        self.picker.history_requested.connect(self.show_history)
        self.picker.equipment_requested.connect(self.show_equipment)
        self.picker.action.connect(lambda name, entry: self.circuit_actions.handle(name, entry))
        self.picker.files_dropped.connect(self._files_dropped)
        self.picker.run_action.connect(lambda name: self.runs.handle(name))

        quit_key = QShortcut(QKeySequence("Ctrl+Q"), self)
        quit_key.setContext(Qt.ShortcutContext.WindowShortcut)
        quit_key.activated.connect(self.quit_asked)
        self.show_picker()

    def quit_asked(self) -> None:
        """Ctrl+Q: quit; during a workout, asked first (closing keeps it in the log as stopped)."""
        if self.workout_running and not self.dialogs.confirm(
                self, "A workout is running. Quit Postrun? The workout is kept in your log as stopped here."):
            return
        self.close()

    # -- the rooms behind the picker load here, when first opened ---------------------

    @property
    def circuit_actions(self) -> CircuitActions:
        if self._circuit_actions is None:
            from postrun.ui.circuit_actions import CircuitActions

            self._circuit_actions = CircuitActions(self, self.data, self.dialogs, self)
        return self._circuit_actions

    @property
    def runs(self) -> RunPresenter:
        if self._runs is None:
            from postrun.ui.run_presenter import RunPresenter

            self._runs = RunPresenter(self.data, self.dialogs, self.picker, self, self)
        return self._runs

    @property
    def dialogs(self) -> Dialogs:
        if self._dialogs is None:
            from postrun.ui.dialogs import Dialogs

            self._dialogs = Dialogs()
        return self._dialogs

    @property
    def preview(self) -> PreviewView:
        if self._preview is None:
            from postrun.ui.preview_view import PreviewView

            self._preview = PreviewView(self)
            self._preview.suggest_for = self.data.suggestion
            self._preview.equipment = lambda: self.data.equipment
            self._preview.start_requested.connect(self.start_from_preview)
            self._preview.back_requested.connect(self.show_picker)
            self._preview.resume_bar.resume_chosen.connect(self.resume_interrupted)
            self._preview.resume_bar.discard_chosen.connect(self.discard_interrupted)
            self.stack.addWidget(self._preview)
        return self._preview

    @property
    def run_view(self) -> RunView:
        if self._run_view is None:
            from postrun.ui.run_view import RunView

            self._run_view = RunView(self, self.parts.timers)
            self._run_view.control.connect(self.on_control)
            self._run_view.correction.connect(self._correct_last_set)
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
            self._finish.retry_requested.connect(self._retry_save)
            self._finish.save_file_requested.connect(self._save_to_file)
            self._finish.glance.sets.correction.connect(self._correct_finished_set)
            self.stack.addWidget(self._finish)
        return self._finish

    @property
    def history(self) -> HistoryView:
        if self._history is None:
            from postrun.ui.history_view import HistoryView

            self._history = HistoryView(self.data, self.dialogs, self)
            self._history.back_requested.connect(self.show_picker)
            self._history.exercise_requested.connect(self.show_exercise)
            self.stack.addWidget(self._history)
        return self._history

    @property
    def editor(self) -> EditorView:
        if self._editor is None:
            from postrun.ui.editor_view import EditorView

            self._editor = EditorView(self.dialogs, self)
            self._editor.saved.connect(lambda circuit: self.circuit_actions.save(circuit))
            self._editor.closed.connect(self.show_picker)
            self.stack.addWidget(self._editor)
        return self._editor

    @property
    def equipment_page(self) -> EquipmentView:
        if self._equipment is None:
            from PySide6.QtCore import QLocale

            from postrun.ui.equipment_view import EquipmentView

            self._equipment = EquipmentView(QLocale().decimalPoint() or ".", self)
            self._equipment.save_with = self.data.save_equipment
            self._equipment.closed.connect(lambda said: self.show_picker(said or None))
            self.stack.addWidget(self._equipment)
        return self._equipment

    @property
    def exercise_page(self) -> ExerciseView:
        if self._exercise is None:
            from postrun.ui.exercise_view import ExerciseView

            self._exercise = ExerciseView(self)
            self._exercise.back_requested.connect(self.show_history)
            self._exercise.exercise_chosen.connect(self.show_exercise)
            self.stack.addWidget(self._exercise)
        return self._exercise

    def show_exercise(self, name: str) -> None:
        """An exercise's page; with no name (or one never logged), the first logged one."""
        names = self.data.exercise_names()
        if not names:
            self.history.say("No exercise has been logged yet: its page shows once a workout is done.")
            return
        chosen = name if name in names else names[0]
        self.exercise_page.show_report(self.data.exercise_report(chosen), names)
        self.stack.setCurrentWidget(self.exercise_page)
        self.exercise_page.choice.setFocus()

    def show_equipment(self) -> None:
        if self.workout_running:
            return
        self.equipment_page.show_equipment(self.data.equipment)
        self.stack.setCurrentWidget(self.equipment_page)
        self.equipment_page.fields["kettlebells"].setFocus()

    def show_editor(self, form: CircuitForm, title: str) -> None:
        if self.workout_running:
            return
        self.editor.load(form, title)
        self.stack.setCurrentWidget(self.editor)
        self.editor.name.setFocus()

    def say_on_picker(self, text: str) -> None:
        self.picker.show_notice(text)

    def say_in_editor(self, text: str) -> None:
        self.editor.show_save_problem(text)

    def editor_saved(self) -> None:
        self.editor.mark_saved()

    def show_history(self) -> None:
        if self.workout_running:
            return
        self._leave_fullscreen()
        self.history.refresh()
        self.stack.setCurrentWidget(self.history)
        self.history.table.setFocus()

    @property
    def workout_running(self) -> bool:
        return self.session is not None and self.session.running

    # -- picker and preview ----------------------------------------------------------

    def show_picker(self, notice: str | None = None) -> None:
        """The circuit list, read again from disk (a file edited meanwhile shows as it is now);
        `notice` says what just happened (saved, imported, deleted)."""
        self._leave_fullscreen()
        self.picker.filter.clear()          # back from a workout: every circuit again
        library = self.data.library()
        self.picker.set_entries(library, self.data.last_times(), self.data.now(),
                                select_key=self.data.settings.last_circuit)
        # which circuit balances the last 4 weeks reads the log: marked after the list has painted
        self._mark_later.start(MARK_AFTER_MS)
        self.picker.show_notice("\n".join([*self.data.notices, *([notice] if notice else [])]) or None)
        self.stack.setCurrentWidget(self.picker)
        self.picker.setFocus()
        self._offer_resume()

    def _mark_suggestion(self) -> None:
        """After the list's first paint: the watched folder's new runs, today's run, and the
        circuit that balances the last weeks, said with what the run suggests."""
        if self.picker_showing():
            self.runs.shown()
            self.refresh_suggestion()

    def picker_showing(self) -> bool:
        return self.stack.currentWidget() is self.picker

    def refresh_suggestion(self) -> None:
        if not self.picker_showing():
            return
        entries = self.picker.entries()
        key = self.data.suggested_key(entries)
        entry = next((e for e in entries if e.key == key and e.circuit is not None), None)
        words = None
        if entry is not None and entry.circuit is not None:
            planned = self.data.settings.rounds.get(entry.key) or entry.circuit.rounds
            words = self.runs.balance_words(entry.title, planned)
        self.picker.mark_suggested(key, words)

    def _files_dropped(self, paths: list[Path]) -> None:
        """Run files, folders and Strava zips to the runs; circuit files to the list."""
        from postrun.ui.run_presenter import is_run_drop

        runs = [p for p in paths if is_run_drop(p)]
        self.runs.import_paths(runs)
        circuits = [p for p in paths if p not in runs]
        if circuits:
            self.circuit_actions.import_files(circuits)

    def open_entry(self, entry: LibraryEntry) -> None:
        settings = self.data.settings
        settings.last_circuit = entry.key
        self.preview.show_entry(entry, settings.swaps_for(entry.key), settings.rounds.get(entry.key),
                                settings.prepare_seconds, settings.fullscreen_on_start)
        self.preview.show_sound(settings.muted, settings.volume, settings.voice, settings.lead_in,
                                self.parts.sound.voice_problem())
        self.preview.show_notice("\n".join(self.data.notices) or None)
        today = self.data.todays_run()
        if today is not None:
            self.preview.offer_run_rounds(today.sentence, today.rounds(self.preview.rounds.value()))
        self.parts.sound.warm(settings)          # the first cue must not pay for opening the output
        self.stack.setCurrentWidget(self.preview)
        self._offer_resume()
        self.preview.start_button.setFocus()

    def _voice_changed(self) -> None:
        """The speech engine answered (or failed): what the preview and run view say follows."""
        settings = self.data.settings
        if self._preview is not None:
            self._preview.show_voice(settings.voice, self.parts.sound.voice_problem())
        if self.session is not None and self._run_view is not None:
            self.parts.sound.apply(settings)
            self._run_view.set_sound(*self.session.sound_state())

    def open_by_key(self, key: str) -> bool:
        for entry in self.data.library():
            if entry.key == key and entry.circuit is not None:
                self.open_entry(entry)
                return True
        return False

    def start_from_preview(self) -> None:
        entry = self.preview.entry
        if entry is None or entry.circuit is None or self.preview.problem() is not None:
            return
        choices = self.preview.choices()
        self.data.settings.remember_start(entry.key, choices, entry.circuit.prepare)
        problem = self.data.save_settings()
        # a new workout instead of the interrupted one: that one is kept as unfinished
        self._keep_interrupted_as_unfinished()
        self.begin(entry.key, choices.applied_to(entry.circuit), swaps=swaps_of(entry.circuit, choices.swaps),
                   aims=choices.aims)
        if problem and self.session is not None:
            self.session.notify("settings", problem)

    # -- running ---------------------------------------------------------------------

    def begin(self, key: str, circuit: Circuit, resume: ResumePoint | None = None,
              swaps: list[dict[str, object]] | None = None, aims: dict[int, int] | None = None) -> None:
        from postrun.session.workout_session import WorkoutSession

        if self.session is not None:
            self.session.close()
            self.session.deleteLater()
        self.current = (key, circuit, swaps or [], dict(aims or {}))
        session = WorkoutSession(key, circuit, self.parts, resume, self, swaps, aims=aims)
        self.session = session
        view = self.run_view
        session.refreshed.connect(view.show_snapshot)
        session.refreshed.connect(self._show_in_media_player)
        session.refreshed.connect(self._show_logged)
        session.logged_changed.connect(lambda: self._show_logged(session.snapshot(), 0, force=True))
        session.notice_changed.connect(view.set_notice)
        session.confirm_changed.connect(view.set_confirm)
        session.sound_changed.connect(view.set_sound)
        session.ended.connect(self._show_finish)
        session.discarded.connect(self._discarded)
        session.save_changed.connect(lambda state: self.finish.show_save(state))
        view.reset()
        view.show_logged("")
        view.keep_logged_line(any(e.load is not None or e.reps is not None for e in circuit.exercises))
        self._logged_for = None
        view.aims = dict(aims or {})
        view.set_notice(session.notices.text())
        view.set_sound(*session.sound_state())
        self.stack.setCurrentWidget(view)
        view.setFocus()
        if self.data.settings.fullscreen_on_start and not self.isFullScreen():
            self._went_fullscreen = True
            self.showFullScreen()
        session.start()

    def on_control(self, name: Control) -> None:
        """Keys and buttons of the run view: the window's own (full screen, help), or the workout's."""
        if name is Control.FULLSCREEN:
            if self.isFullScreen():
                self._leave_fullscreen(force=True)
            else:
                self._went_fullscreen = True
                self.showFullScreen()
        elif name is Control.HELP:
            self.run_view.toggle_help()
        elif name is Control.ESCAPE and self.isFullScreen():
            self._leave_fullscreen(force=True)
        elif self.session is not None:
            self.session.control(name)

    def _show_logged(self, snap: Snapshot, total_seconds: int, force: bool = False) -> None:
        """In the rest after a set, the set as logged (once a segment: not every tick)."""
        session = self.session
        if session is None or (snap.index == self._logged_for and not force):
            return
        self._logged_for = snap.index
        from postrun.core.set_corrections import logged_words

        row = session.correctable()
        self.run_view.show_logged(f"Logged: {logged_words(row)} · type the reps · , . lighter / heavier"
                                  if row is not None else "")

    def _correct_finished_set(self, key: str, segment: int) -> None:
        session = self.session
        if session is not None and not session.running:
            session.correct(key, segment)
            self.finish.show_logged(session.logged_rows())

    def _correct_last_set(self, key: str) -> None:
        if self.session is not None:
            self.session.correct(key)

    def _show_finish(self, report: FinishReport) -> None:
        if self.media_presenter is not None:
            self.media_presenter.show_finished(report.completed, report.circuit_name)
        self._leave_fullscreen()
        self.finish.show_result(report)
        self.finish.show_summary(*self.data.overview())
        if self.session is not None:
            self.finish.show_logged(self.session.logged_rows())
            self.finish.show_up_today(self.session.went_up_today())
        self.stack.setCurrentWidget(self.finish)
        self.finish.note.setFocus()

    def _discarded(self, text: str) -> None:
        """A start discarded on the stop question: back to its preview, saying so."""
        if self.media_presenter is not None and self.session is not None:
            self.media_presenter.show_finished(False, self.session.circuit.name)
        self._leave_fullscreen()
        key = self.current[0] if self.current is not None else ""
        if self.open_by_key(key):
            self.preview.show_notice(text)
        else:
            self.show_picker(text)

    def again(self) -> None:
        if self.current is not None:
            key, circuit, swaps, aims = self.current
            self.begin(key, circuit, swaps=swaps, aims=aims)

    def _save_note(self, note: str, effort: int | None) -> None:
        if self.session is not None:
            self.session.annotate(note, effort)

    def _retry_save(self) -> None:
        if self.session is not None:
            self.session.retry_save()

    def _save_to_file(self) -> None:
        session = self.session
        if session is None:
            return
        started = session.recorder.draft.started_at
        path = self.dialogs.save_workout_record(self, f"postrun-workout-{started:%Y%m%d-%H%M}.json")
        if path is not None:
            problem = session.save_to_file(path)
            if problem is not None:
                self.finish.saved.setText(f"{session.save_state().text} {problem}")

    # -- interrupted workouts --------------------------------------------------------

    def _offer_resume(self) -> None:
        interrupted = self.data.interrupted()
        text = interrupted.offer if interrupted is not None else None
        if self.stack.currentWidget() is self.picker:
            self.picker.show_resume(text)
        elif self._preview is not None:
            self._preview.resume_bar.offer(text)

    def resume_interrupted(self) -> None:
        interrupted = self.data.interrupted()
        if interrupted is None:
            self._offer_resume()
            return
        if interrupted.circuit is None:
            self._keep_interrupted_as_unfinished(interrupted.record.id)
            self.show_picker()
            self.picker.show_notice("That workout could not be resumed; it is kept in the log as unfinished.")
            return
        self.parts.sound.warm(self.data.settings)
        self.begin(interrupted.key, interrupted.circuit, interrupted.point)

    def discard_interrupted(self) -> None:
        self._keep_interrupted_as_unfinished()
        self._offer_resume()
        current = self.stack.currentWidget()
        if current is not None:
            current.setFocus()

    def _keep_interrupted_as_unfinished(self, record_id: int | None = None) -> None:
        refused = self.data.keep_interrupted_as_unfinished(record_id)
        if refused is not None:
            self.picker.show_notice(refused.text)

    # -- headset and keyboard media buttons (MPRIS) --------------------------------

    def attach_media(self, media: MediaShow) -> None:
        """Headset and keyboard media buttons (MPRIS) found: what the workout shows there."""
        from postrun.ui.media_presenter import MediaPresenter

        self.media_presenter = MediaPresenter(media)

    def media_control(self, name: Control) -> None:
        """A media button, from the session bus: the workout's control, or Start on the preview."""
        if name is Control.RAISE:
            self.handle_request(None)
        elif self.workout_running and self.session is not None:
            self.session.control(name)
        elif name is Control.TOGGLE and self._preview is not None and self.current_view() is self._preview:
            self._preview.request_start()

    def _show_in_media_player(self, snap: Snapshot, total_seconds: int) -> None:
        session = self.session
        if session is not None and self.media_presenter is not None:
            self.media_presenter.show_step(snap, session.circuit.name, lambda: session.snapshot().elapsed,
                                           self.data.settings.volume)

    # -- a second `postrun` hands its request to this window -------------------------

    def handle_request(self, circuit: str | None) -> str:
        """Raise the window; open `circuit` unless a workout is running. Returns what to tell
        the second process, in words."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()
        if circuit is None:
            return "Postrun is already open; its window was brought to the front."
        try:
            entry = find_entry(circuit, self.data.library())
        except NotFound as exc:
            return f"Postrun is already open, and could not open that circuit: {exc}"
        if entry.circuit is None:
            return f"Postrun is already open, and {entry.path.name} cannot be used: {entry.error}"
        if self.workout_running:
            text = f"A workout is running: finish or stop it to open “{entry.title}”."
            if self.session is not None:
                self.session.notify("request", text)
            return f"Postrun is already open and a workout is running there; “{entry.title}” was not opened."
        self.open_entry(entry)
        return f"Opened “{entry.title}” in the Postrun window that was already open."

    def remember_place(self) -> None:
        place_now = remembered(self)
        if place_now is not None:
            self.data.settings.window = place_now
            self.data.save_settings()

    # -- full screen -----------------------------------------------------------------

    def _leave_fullscreen(self, force: bool = False) -> None:
        if self.isFullScreen() and (self._went_fullscreen or force):
            self.showNormal()
        self._went_fullscreen = False

    def current_view(self) -> QWidget | None:
        return self.stack.currentWidget()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Closing mid-workout keeps it in the log as a partial workout."""
        self.remember_place()
        if self.session is not None:
            self.session.close()
        else:
            self.parts.keep_awake.release()
        super().closeEvent(event)
