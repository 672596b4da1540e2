"""Load in the window: the preview says what to lift today and why, from the sets logged
last time; ↑/↓ on its box change it, said as "your choice"; the run view shows the load
beside the name; every set is logged with the load lifted and the reps aimed for."""

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from postrun.core.circuit_toml import circuit_to_dict, parse_circuit
from postrun.core.load import Load, LoadType
from postrun.core.timeline import build_timeline
from postrun.store.paths import user_circuits_dir
from postrun.store.workout_log import WorkoutDraft

from helpers import advance

BELLS = """\
format = 1
name = "Bells"
rounds = 2
prepare = 5
rest = 10
[[exercise]]
name = "Kettlebell swings"
reps = "8-12"
load = { type = "kettlebell", weight = 16 }
[[exercise]]
name = "Plank"
work = 30
"""


@pytest.fixture
def bells(window, log, now):
    user_circuits_dir().mkdir(parents=True)
    (user_circuits_dir() / "bells.toml").write_text(BELLS)
    circuit = parse_circuit(BELLS.encode(), Path("bells.toml"))
    timeline = build_timeline(circuit)
    top = {i: {"reps": 12} for i, s in enumerate(timeline.segments) if s.name == "Kettlebell swings"}
    started = now() - timedelta(days=3)
    log.write(WorkoutDraft("bells", circuit_to_dict(circuit), started, status="completed", finished_at=started,
                           active_seconds=300, segment_index=len(timeline) - 1, set_log=top))
    window.open_by_key("bells")
    return window.preview


def test_the_preview_says_what_to_lift_today_and_why(bells):
    plan = bells.plans[0]
    assert plan.isVisible()
    assert plan.today.text() == "Today: 20 kg kettlebell for 8"
    assert plan.why.text() == ("Last time 2 × 12 at 16 kg kettlebell, every set at the top of the range. "
                               "Every set reached 12 at 16 kg kettlebell: try 20 kg kettlebell for 8.")
    assert not bells.plans[1].isVisible()                  # a plank with no load: nothing to suggest


def test_a_load_changed_on_the_preview_is_said_and_is_what_runs_and_is_logged(qtbot, window, bells, clock, log):
    box = bells.plans[0].box
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Up)                    # one lighter: back to 16
    assert box.currentData() == Load(LoadType.KETTLEBELL, 16.0)
    assert bells.plans[0].today.text() == "Today: 16 kg kettlebell — your choice; suggested 20 kg kettlebell for 8"
    qtbot.keyClick(box, Qt.Key.Key_Space)                  # Space still starts, from the box too
    view = window.run_view
    advance(window, clock, 6.0)
    assert view.exercise.text() == "Kettlebell swings · 16 kg"
    assert view.reps.text() == "8 reps (8–12) — press Enter when done"
    finish(qtbot, window, clock)
    today = [r for r in log.set_rows("Kettlebell swings") if r[1] == window.session.recorder.draft.uuid]
    assert [(r[6], r[8]) for r in today] == [('{"type": "kettlebell", "weight": 16}', 8)] * 2


def finish(qtbot, window, clock):
    """Run to the end: the timed parts on the clock, Enter after each rep set."""
    while window.session.running:
        snap = window.session.snapshot()
        if snap.remaining is None:
            advance(window, clock, 20.0)
            qtbot.keyClick(window.run_view, Qt.Key.Key_Return)
        else:
            advance(window, clock, snap.remaining + 0.1)
    window.parts.timers.flush()


def test_the_suggestion_runs_when_nothing_is_changed_and_the_next_time_follows_from_it(qtbot, window, bells, clock,
                                                                                       log):
    qtbot.keyClick(bells.start_button, Qt.Key.Key_Space)
    advance(window, clock, 6.0)
    assert window.run_view.exercise.text() == "Kettlebell swings · 20 kg"
    assert window.session.circuit.exercises[0].load == Load(LoadType.KETTLEBELL, 20.0)
    finish(qtbot, window, clock)
    assert window.current_view() is window.finish
    window.open_by_key("bells")
    plan = window.preview.plans[0]
    assert plan.today.text() == "Today: 20 kg kettlebell for 9"          # 8 done as aimed: one more a set
    assert plan.why.text().startswith("Last time 2 × 8 at 20 kg kettlebell.")


def test_the_set_just_done_is_corrected_in_its_rest_with_single_keys(qtbot, window, bells, clock, log):
    qtbot.keyClick(bells.start_button, Qt.Key.Key_Space)
    view = window.run_view
    advance(window, clock, 8.0)                            # in the swings, the first set
    assert view.logged.text() == ""
    qtbot.keyClick(view, Qt.Key.Key_Return)                # done: the rest begins
    advance(window, clock, 0.5)
    assert view.logged.text().startswith("Logged: Kettlebell swings, round 1: 8 reps at 20 kg")
    for key in (Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_Comma):
        qtbot.keyClick(view, key)
    assert view.logged.text().startswith("Logged: Kettlebell swings, round 1: 11 reps at 16 kg")
    assert window.session.running                          # the keys changed nothing else
    finish(qtbot, window, clock)
    today = [r for r in log.set_rows("Kettlebell swings") if r[1] == window.session.recorder.draft.uuid]
    assert [(r[6], r[8]) for r in today] == [('{"type": "kettlebell", "weight": 16}', 11),
                                             ('{"type": "kettlebell", "weight": 20}', 8)]


def test_the_finish_screen_names_what_went_up_and_corrects_any_set_by_keys(qtbot, window, bells, clock, log):
    qtbot.keyClick(bells.start_button, Qt.Key.Key_Space)
    finish(qtbot, window, clock)
    screen = window.finish
    assert screen.up_today.text() == "Up today: Kettlebell swings: 20 kg kettlebell (was 16 kg kettlebell)"
    sets = screen.glance.sets
    assert sets.isVisible()
    assert [sets.item(i).text() for i in range(sets.count())] == [
        "Kettlebell swings, round 1: 8 reps at 20 kg", "Plank, round 1: 30 s",
        "Kettlebell swings, round 2: 8 reps at 20 kg", "Plank, round 2: 30 s"]
    sets.setFocus()
    sets.setCurrentRow(2)
    for key in (Qt.Key.Key_6, Qt.Key.Key_Comma):           # the last swings: 6 reps, at 16 kg
        qtbot.keyClick(sets, key)
    assert sets.item(2).text() == "Kettlebell swings, round 2: 6 reps at 16 kg"
    assert screen.saved.text() == "Saved to your workout log."
    today = [r for r in log.set_rows("Kettlebell swings") if r[1] == window.session.recorder.draft.uuid]
    assert [(r[6], r[8]) for r in today][-1] == ('{"type": "kettlebell", "weight": 16}', 6)
