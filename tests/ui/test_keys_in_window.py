"""Every button a runner needs has a key: Again on the finish screen, Keep as unfinished on
the resume offer, and Ctrl+Q to quit (asked first during a workout)."""

from PySide6.QtCore import Qt

from helpers import advance

CTRL = Qt.KeyboardModifier.ControlModifier


def start(qtbot, window, key="posterior-chain-quick"):
    window.open_by_key(key)
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)


def test_ctrl_enter_on_the_finish_screen_starts_the_same_workout_again(qtbot, window, clock):
    start(qtbot, window)
    advance(window, clock, 60 * 60)
    assert window.current_view() is window.finish
    assert "Ctrl+Enter" in window.finish.again.text()
    first = window.session
    assert window.finish.note.hasFocus()
    qtbot.keyClick(window.finish.note, Qt.Key.Key_Return, CTRL)
    assert window.current_view() is window.run_view
    assert window.session is not first
    assert window.session.running


def test_ctrl_k_keeps_an_interrupted_workout_as_unfinished(qtbot, window, log, now):
    from postrun.store.workout_log import WorkoutDraft

    from helpers import builtin_circuit_dict

    # what a power cut leaves: a record still in progress
    log.write(WorkoutDraft("posterior-chain-quick", builtin_circuit_dict("posterior-chain-quick"), now(),
                           status="in_progress", active_seconds=40, segment_index=3, segment_label="rest, round 1"))
    window.show_picker()
    assert window.picker.resume_bar.isVisible()
    assert "Ctrl+K" in window.picker.resume_bar.discard_button.text()
    qtbot.keyClick(window.picker.filter, Qt.Key.Key_K, CTRL)
    assert not window.picker.resume_bar.isVisible()
    assert window.data.interrupted() is None


def test_ctrl_q_quits_and_asks_first_during_a_workout(qtbot, window, clock):
    asked = []
    window.dialogs.confirm = lambda parent, text: asked.append(text) or False
    start(qtbot, window)
    advance(window, clock, 3.0)
    qtbot.keyClick(window.run_view, Qt.Key.Key_Q, CTRL)
    assert "A workout is running" in asked[0]
    assert window.isVisible()                             # "no": nothing happened
    assert window.session.running
    window.dialogs.confirm = lambda parent, text: True
    qtbot.keyClick(window.run_view, Qt.Key.Key_Q, CTRL)
    assert not window.isVisible()
    assert not window.session.running                     # kept in the log as stopped


def test_ctrl_q_on_the_picker_quits_without_asking(qtbot, window):
    window.dialogs.confirm = lambda parent, text: (_ for _ in ()).throw(AssertionError("asked"))
    qtbot.keyClick(window.picker.filter, Qt.Key.Key_Q, CTRL)
    assert not window.isVisible()
