"""One running workout, owned by one object from start (or resume) to its end.

It builds the engine and its driver, subscribes the sound, the voice, the log and itself
to the engine's events (each isolated: one that fails is a notice, never a stop), keeps
the screen awake, holds the notices and the stop confirmation, and emits what the views
need. The window only navigates and shows; it never reads the engine.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from postrun.core.circuit import Circuit
from postrun.core.circuit_toml import circuit_to_dict
from postrun.core.controls import ENGINE_CONTROLS, SOUND_CONTROLS, Control
from postrun.core.engine import Engine, Snapshot, State
from postrun.core.equipment import stepped
from postrun.core.events import Abandoned, Event, Finished, Paused, PauseReason, Resumed
from postrun.core.progression import LoggedSet, Session, went_up
from postrun.core.set_corrections import Typing, corrected
from postrun.core.set_log import SetRow, set_rows
from postrun.core.set_states import sets_done
from postrun.core.timeline import Kind, Timeline, build_timeline
from postrun.session.finish_report import FinishReport, SaveState, finish_report, save_state
from postrun.session.notices import Notices
from postrun.session.parts import SessionParts
from postrun.session.run_driver import RunDriver
from postrun.store.resume_point import ResumePoint
from postrun.store.workout_recorder import WorkoutRecorder

RELEASE_AWAKE_AFTER_PAUSE_MS = 3 * 60 * 1000
REFUSED_NOTICE_MS = 3000
AFTER_PAINT_MS = 20      # a zero-delay call would run before Qt's paint, which it posts last
STOP_QUESTION = "Stop this workout? Esc again stops it; any other key carries on."
DISCARD_QUESTION = ("Stop this workout? No set is done yet: Esc again stops it and keeps it in your log, "
                    "D discards it, any other key carries on.")
DISCARDED = "That start was discarded: no set was done, and it is not in your log."


class WorkoutSession(QObject):
    refreshed = Signal(object, int)     # Snapshot, the workout's known total seconds
    notice_changed = Signal(str)
    confirm_changed = Signal(str)
    sound_changed = Signal(bool, int, str)   # muted, volume, voice state
    ended = Signal(object)              # FinishReport, once the record has been written (or failed)
    sound_problem_found = Signal(object)   # from the sound thread: queued to this one
    save_changed = Signal(object)       # SaveState, after a retry, a file or a note
    discarded = Signal(str)             # stopped before any set and taken out of the log: what to say
    logged_changed = Signal()           # a set was corrected (its reps or load)

    def __init__(self, key: str, circuit: Circuit, parts: SessionParts, resume: ResumePoint | None = None,
                 parent: QObject | None = None, swaps: list[dict[str, object]] | None = None,
                 aims: dict[int, int] | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.circuit = circuit
        self.parts = parts
        self._resume = resume
        self.notices = Notices()
        self.confirm = ""
        self._discarding = False
        self._typing = Typing()
        self._ended_at: tuple[bool, int] | None = None    # (completed, index) once over
        self.report: FinishReport | None = None
        self.engine = Engine(build_timeline(circuit), clock=parts.clock, on_listener_failure=self._listener_failed)
        self.driver = RunDriver(self.engine, parts.clock, parts.timers, self)
        # the log's write (an fsync) waits until this tick has been painted; the finish
        # screen writes whatever is still waiting before it shows
        self._write_later = parts.timers.timer(lambda: self.recorder.flush_pending(), parent=self)
        self.recorder = WorkoutRecorder(
            parts.data.log, key, circuit_to_dict(circuit), now=parts.data.now,
            record_id=resume.record_id if resume else None, started_at=resume.started_at if resume else None,
            note=resume.note if resume else "",
            record_uuid=resume.uuid if resume else None,
            swaps=list(resume.swaps) if resume else swaps,
            segment_seconds=dict(resume.segment_seconds) if resume else None, aims=aims,
            set_log=dict(resume.set_log) if resume else None,
            defer=lambda write: self._write_later.start(AFTER_PAINT_MS),
            on_problem=lambda text: self._notice("log-write", _log_problem(text)))
        settings = parts.data.settings
        # sound listens first: a cue is due the instant its event is
        self.sound_problem_found.connect(self._sound_problem)
        for name, listener in parts.sound.listeners(self.engine.timeline, settings, self.sound_problem_found.emit):
            self.engine.subscribe(listener, name)
        self.engine.subscribe(self.recorder, "workout log")
        self.engine.subscribe(self._on_event, "window")
        self._awake_release = parts.timers.timer(parts.keep_awake.release, parent=self)
        self._refused_clear = parts.timers.timer(lambda: self._notice("refused", None), parent=self)
        self.driver.refreshed.connect(self._refresh)
        self.driver.refused.connect(self._refused)
        if not parts.data.log.durable:
            self.notices.set("log", f"Not saving to the workout log: {parts.data.log.problem}. "
                                    "At the end you can save the record to a file.")

    # -- reading ---------------------------------------------------------------------

    @property
    def timeline(self) -> Timeline:
        return self.engine.timeline

    @property
    def running(self) -> bool:
        """Started and not over: a second window request must not replace it."""
        return self.engine.state in (State.RUNNING, State.PAUSED)

    def snapshot(self) -> Snapshot:
        return self.engine.snapshot()

    # -- the sets as logged, and correcting them with single keys ----------------------

    def logged_rows(self) -> list[SetRow]:
        """The exercise sets done so far (or in all, once over), as the log will keep them."""
        draft = self.recorder.draft
        completed, reached = self._ended_at or (False, self.engine.snapshot().index)
        rows = set_rows(self.timeline, completed=completed, reached=reached, skipped=draft.skipped,
                        spent=draft.segment_seconds, logged=draft.set_log)
        return [row for row in rows if row.state == "done"]

    def correctable(self) -> SetRow | None:
        """The set just done, while the rest after it runs: what the run view offers to correct."""
        if not self.running or self.engine.snapshot().segment.kind is Kind.WORK:
            return None
        rows = self.logged_rows()
        return rows[-1] if rows else None

    def correct(self, key: str, segment: int | None = None) -> SetRow | None:
        """A digit, "backspace", "lighter" or "heavier" for the set at `segment` (the set
        just done when None); the set as it now stands, or None when there is none."""
        rows = {row.segment: row for row in self.logged_rows()}
        row = rows.get(segment) if segment is not None else self.correctable()
        if row is None:
            return None
        equipment = self.parts.data.equipment
        entry, self._typing = corrected(self.recorder.draft.set_log.get(row.segment, {}), row, key, self._typing,
                                        lambda load, steps: stepped(equipment, load, steps))
        self.recorder.log_set(row.segment, entry)
        if not self.running:         # on the finish screen: written now, and its save line says so
            self.recorder.flush_pending()
            self.save_changed.emit(self.save_state())
        self.logged_changed.emit()
        return next((r for r in self.logged_rows() if r.segment == row.segment), None)

    def went_up_today(self) -> list[str]:
        """What went up today against each exercise's last time: 'Kettlebell swings: 20 kg
        kettlebell (was 16 kg kettlebell)'. Empty when nothing did (or the log cannot say)."""
        by_name: dict[str, list[LoggedSet]] = {}
        for row in self.logged_rows():
            by_name.setdefault(row.exercise, []).append(
                LoggedSet(row.load, reps=row.reps, seconds=row.seconds, planned_seconds=row.planned_seconds))
        said = []
        for name, sets in by_name.items():
            try:
                before = self.parts.data.log.exercise_sessions(name, limit=1, exclude=self.recorder.record_id)
            except sqlite3.Error:
                return []
            line = went_up(name, before[0] if before else None, Session(tuple(sets)))
            if line is not None:
                said.append(line)
        return said

    def sets_done(self) -> int:
        """Sets done so far, by the rule the log counts workouts with (set_states)."""
        return sets_done(self.timeline, self.engine.snapshot().index, self.engine.skipped, completed=False)

    def sound_state(self) -> tuple[bool, int, str]:
        settings = self.parts.data.settings
        return settings.muted, settings.volume, self.parts.sound.voice_state(settings)

    # -- controls --------------------------------------------------------------------

    def start(self) -> None:
        if not self.parts.keep_awake.acquire():
            self._notice("awake", "The screen may sleep: this system offers no way to keep it on.")
        self.parts.sound.workout_started(self.parts.data.settings)
        resume = self._resume
        if resume is None:
            self.driver.start()
        else:
            index = min(max(0, resume.index), len(self.timeline) - 1)
            self.driver.start(index, resume.active_seconds, resume.skipped)

    def control(self, name: Control) -> None:
        """A key or button from the run view. Once the workout is over (the finish screen
        is on its way) workout controls do nothing: the user did nothing wrong."""
        if name in SOUND_CONTROLS:
            self.change_sound(name)
        elif name is Control.ESCAPE:
            self.request_stop()
        elif name is Control.DISCARD:
            self.discard()
        elif name is Control.CANCEL_STOP:
            self._set_confirm("")
        elif name in ENGINE_CONTROLS and self.running:
            self.driver.control(name)

    def request_stop(self) -> None:
        """Esc asks once; Esc again stops."""
        if not self.running:
            return
        if self.confirm:
            self._set_confirm("")
            self.driver.control(Control.STOP)
        else:
            self._set_confirm(DISCARD_QUESTION if self.sets_done() == 0 else STOP_QUESTION)

    def discard(self) -> None:
        """D on the stop question, offered while no set is done: stop, and take the start out
        of the log. Anywhere else D is just another key that carries on."""
        if self.running and self.confirm == DISCARD_QUESTION and self.sets_done() == 0:
            self._discarding = True
            self._set_confirm("")
            self.driver.control(Control.STOP)
        else:
            self._set_confirm("")

    def change_sound(self, name: Control) -> None:
        settings = self.parts.data.settings
        if name is Control.MUTE:
            settings.muted = not settings.muted
        elif name is Control.VOICE:
            settings.voice = not settings.voice
        else:
            step = 10 if name is Control.LOUDER else -10
            settings.volume = max(0, min(100, settings.volume + step))
            settings.muted = False
        self.parts.sound.apply(settings)
        self._notice("settings", self.parts.data.save_settings())
        self.sound_changed.emit(*self.sound_state())

    def close(self) -> None:
        """The window is closing: a workout still going is kept as a partial one, written now
        (no event loop is left to run a deferred write)."""
        if self.running:
            self.driver.control(Control.STOP)
        self.driver.stop_timer()
        self.parts.sound.workout_ended()
        self._awake_release.stop()
        self.parts.keep_awake.release()
        self.recorder.flush_pending()

    # -- after the end ---------------------------------------------------------------

    def annotate(self, note: str, effort: int | None) -> None:
        self.recorder.annotate(note, effort)
        self.save_changed.emit(self.save_state())

    def retry_save(self) -> None:
        self.recorder.retry()
        self.save_changed.emit(self.save_state())

    def save_to_file(self, path: Path) -> str | None:
        """None when written, else why not in words."""
        try:
            self.recorder.save_to_file(path)
        except OSError as exc:
            return f"Could not write {path}: {exc.strerror or exc}."
        self.save_changed.emit(save_state(self.recorder.not_saved_reason, also=f"Saved to {path}."))
        return None

    def save_state(self) -> SaveState:
        return save_state(self.recorder.not_saved_reason)

    # -- events ----------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        awake = self.parts.keep_awake
        if isinstance(event, Paused):
            if event.reason is PauseReason.SLEEP:
                self._notice("slept", "Paused: the computer slept. Press Space to carry on.")
            self._awake_release.start(RELEASE_AWAKE_AFTER_PAUSE_MS)
        elif isinstance(event, Resumed):
            self._awake_release.stop()
            self._notice("slept", None)
            awake.acquire()
        elif isinstance(event, Finished | Abandoned):
            self._awake_release.stop()
            awake.release()
            self.parts.sound.workout_ended()
            self._set_confirm("")
            # after the engine has finished publishing and the log write queued before this
            self.parts.timers.soon(lambda: self._end(event))

    def _end(self, event: Finished | Abandoned) -> None:
        self.driver.stop_timer()
        self._ended_at = (isinstance(event, Finished), event.index)
        if self._discarding:
            problem = self.recorder.discard()
            if problem is None:
                self.discarded.emit(DISCARDED)
                return
            self._discarding = False
            also = f"It could not be discarded: {problem}."
            self.report = finish_report(self.circuit, self.timeline, event,
                                        save_state(self.recorder.not_saved_reason, also=also))
            self.ended.emit(self.report)
            return
        self.recorder.flush_pending()
        self.report = finish_report(self.circuit, self.timeline, event, self.save_state())
        self.ended.emit(self.report)

    def _refresh(self) -> None:
        if not self.running:
            return
        self.refreshed.emit(self.engine.snapshot(), self.timeline.total_seconds)
        # after the digits: the next cue is planned a second or more ahead of its instant
        self.parts.sound.plan(self.engine.upcoming(self.parts.clock() + self.parts.sound.foresight))

    def _refused(self, text: str) -> None:
        self._notice("refused", text)
        self._refused_clear.start(REFUSED_NOTICE_MS)

    def _sound_problem(self, text: str | None) -> None:
        self._notice("sound", text)

    def _listener_failed(self, name: str, event: Event, exc: Exception) -> None:
        key = f"failed:{name}"
        if self.notices.get(key) is None:
            self._notice(key, f"The {name} stopped working ({type(exc).__name__}: {exc}); the workout goes on.")

    def notify(self, key: str, text: str | None) -> None:
        """A notice from outside the workout (settings not saved, a second window's request)."""
        self._notice(key, text)

    def _notice(self, key: str, text: str | None) -> None:
        if self.notices.set(key, text):
            self.notice_changed.emit(self.notices.text())

    def _set_confirm(self, text: str) -> None:
        if text != self.confirm:
            self.confirm = text
            self.confirm_changed.emit(text)


def _log_problem(reason: str | None) -> str | None:
    return None if reason is None else f"Not saving to the workout log: {reason}. The workout goes on."
