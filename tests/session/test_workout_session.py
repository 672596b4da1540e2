"""WorkoutSession on its own, without a window: fake clock and timers, the real log on a
temporary folder, recorded sound. What it emits, what it writes, and what each control does."""

import pytest

from postrun.core.controls import Control
from postrun.core.engine import State
from postrun.session.finish_report import SAVED
from postrun.session.workout_session import DISCARD_QUESTION, DISCARDED, STOP_QUESTION, WorkoutSession

from circuits import SHORT_SWINGS, SWINGS_AND_SQUATS_TWO_ROUNDS
from helpers import circuit_from


@pytest.fixture
def session(parts):
    made = WorkoutSession("test", circuit_from(SWINGS_AND_SQUATS_TWO_ROUNDS), parts)
    emitted = {"refreshed": [], "ended": [], "confirm": [], "sound": [], "notice": []}
    made.refreshed.connect(lambda snap, total: emitted["refreshed"].append((snap.index, snap.shown_seconds, total)))
    made.ended.connect(emitted["ended"].append)
    made.confirm_changed.connect(emitted["confirm"].append)
    made.sound_changed.connect(lambda *state: emitted["sound"].append(state))
    made.notice_changed.connect(emitted["notice"].append)
    made.emitted = emitted
    yield made
    made.close()


def records(parts):
    return list(parts.data.log.records())


def test_start_keeps_the_screen_awake_shows_the_first_step_and_writes_a_checkpoint(session, parts, awake_calls):
    session.start()
    parts.timers.advance(0.1)                                      # the write waits for the first paint
    assert session.running
    assert session.emitted["refreshed"][0][:2] == (0, 5)          # get ready, 5 s
    assert awake_calls[-1] == "enter"
    [record] = records(parts)
    assert (record.status, record.segment_index) == ("in_progress", 0)


def test_it_runs_to_the_end_on_the_clock_and_reports_once_the_record_is_saved(session, parts, awake_calls):
    session.start()
    timed = sum(segment.seconds or 0 for segment in session.timeline.segments)
    names = []
    while session.running:
        snap = session.snapshot()
        names.append(snap.segment.name)
        if snap.remaining is None:
            parts.timers.advance(4)                                # the reps take 4 s
            session.control(Control.DONE)
        else:
            parts.timers.advance(snap.remaining)
    parts.timers.flush()
    assert names.count("Goblet squats") == 2
    [report] = session.emitted["ended"]
    assert report.completed
    assert report.save.saved
    assert report.save.text == SAVED
    assert not session.running
    assert awake_calls[-1] == "exit"
    [record] = records(parts)
    assert record.status == "completed"
    assert record.active_seconds == pytest.approx(timed + 2 * 4)


def test_escape_asks_once_another_key_carries_on_and_escape_twice_stops(session, parts):
    session.start()
    parts.timers.advance(36)                                       # swings done, in the rest
    session.control(Control.ESCAPE)
    assert session.confirm == STOP_QUESTION
    session.control(Control.CANCEL_STOP)
    assert session.confirm == ""
    assert session.running
    session.control(Control.ESCAPE)
    session.control(Control.ESCAPE)
    parts.timers.flush()
    assert session.emitted["confirm"] == [STOP_QUESTION, "", STOP_QUESTION, ""]
    [report] = session.emitted["ended"]
    assert not report.completed
    assert records(parts)[0].status == "abandoned"


def test_space_pauses_and_resumes_and_time_stands_while_paused(session, parts):
    session.start()
    parts.timers.advance(2)
    session.control(Control.TOGGLE)
    assert session.snapshot().state is State.PAUSED
    parts.timers.advance(60)
    assert session.snapshot().shown_seconds == 3
    session.control(Control.TOGGLE)
    parts.timers.advance(1)
    assert session.snapshot().shown_seconds == 2


def test_a_control_that_does_not_apply_is_said_in_words_and_then_cleared(session, parts):
    session.start()
    session.control(Control.DONE)                                  # get ready is timed
    assert "'done' is for rep-based exercises" in session.notices.text()
    parts.timers.advance(5)
    assert "'done'" not in session.notices.text()


@pytest.mark.parametrize(("control", "muted", "volume", "voice"), [
    (Control.MUTE, True, 100, True),
    (Control.QUIETER, False, 90, True),
    (Control.VOICE, False, 100, False),
])
def test_sound_keys_change_the_settings_say_so_and_save_them(session, parts, control, muted, volume, voice):
    session.start()
    session.control(control)
    settings = parts.data.settings
    assert (settings.muted, settings.volume, settings.voice) == (muted, volume, voice)
    assert session.emitted["sound"][-1][:2] == (muted, volume)
    assert session.running                                         # the workout went on


def test_controls_after_the_end_do_nothing_and_say_nothing(parts):
    session = WorkoutSession("short", circuit_from(SHORT_SWINGS), parts)
    session.start()
    parts.timers.advance(2 + 3)
    parts.timers.flush()
    assert session.report is not None
    notices = session.notices.text()
    for control in (Control.SKIP, Control.BACK, Control.TOGGLE, Control.MORE):
        session.control(control)
    assert session.notices.text() == notices
    session.close()


def test_closing_mid_workout_keeps_it_in_the_log_as_stopped_where_it_was(session, parts):
    session.start()
    parts.timers.advance(5 + 12)
    session.close()
    [record] = records(parts)
    assert record.status == "abandoned"
    assert record.segment_index == 1
    assert record.active_seconds == pytest.approx(17)


def test_a_listener_that_fails_is_a_notice_and_the_workout_goes_on(session, parts):
    def broken(event):
        raise RuntimeError("the speaker fell over")

    session.engine.subscribe(broken, "speaker")
    session.start()
    parts.timers.advance(6)
    assert "The speaker stopped working (RuntimeError: the speaker fell over)" in session.notices.text()
    assert session.snapshot().segment.name == "Swings"


@pytest.mark.parametrize("seconds", [2, 20])          # in Get ready; in the first set, not done yet
def test_before_any_set_is_done_the_stop_question_offers_to_discard_and_d_keeps_nothing(session, parts, seconds):
    discarded = []
    session.discarded.connect(discarded.append)
    session.start()
    parts.timers.advance(seconds)
    assert records(parts)                                          # the checkpoint is in the log
    session.control(Control.ESCAPE)
    assert session.confirm == DISCARD_QUESTION
    session.control(Control.DISCARD)
    parts.timers.flush()
    assert discarded == [DISCARDED]
    assert session.emitted["ended"] == []
    assert not session.running
    assert records(parts) == []


def test_once_a_set_is_done_d_does_not_discard_it_carries_on(session, parts):
    discarded = []
    session.discarded.connect(discarded.append)
    session.start()
    parts.timers.advance(36)
    session.control(Control.ESCAPE)
    assert session.confirm == STOP_QUESTION
    session.control(Control.DISCARD)
    assert session.confirm == ""
    assert session.running
    session.control(Control.ESCAPE)
    session.control(Control.ESCAPE)
    parts.timers.flush()
    assert discarded == []
    [record] = records(parts)
    assert (record.status, record.sets_done) == ("abandoned", 1)


def test_d_without_the_question_does_nothing(session, parts):
    session.start()
    parts.timers.advance(2)
    session.control(Control.DISCARD)
    assert session.running
    assert len(records(parts)) == 1


def test_a_discard_the_log_refuses_is_said_and_the_workout_is_kept_as_stopped(session, parts, monkeypatch):
    import sqlite3

    def refuse(record_id):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    session.start()
    parts.timers.advance(2)
    monkeypatch.setattr(parts.data.log, "delete", refuse)
    session.control(Control.ESCAPE)
    session.control(Control.DISCARD)
    parts.timers.flush()
    [report] = session.emitted["ended"]
    assert not report.completed
    assert "It could not be discarded" in report.save.text
    assert records(parts)[0].status == "abandoned"
