"""An exercise's page from History (Ctrl+X): six weeks of swings going from 16 to 20 kg,
drawn, with the bests, the step and the next time, every number from logged sets."""

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from postrun.core.circuit_toml import circuit_to_dict, parse_circuit
from postrun.core.load import Load, LoadType
from postrun.core.timeline import build_timeline
from postrun.store.paths import user_circuits_dir
from postrun.store.workout_log import WorkoutDraft
from postrun.ui.exercise_chart import BAR, STEP

BELLS = """\
format = 1
name = "Bells"
rounds = 3
[[exercise]]
name = "Kettlebell swings"
reps = "8-12"
load = { type = "kettlebell", weight = 16 }
"""
WEEKS = [(16, 8), (16, 10), (16, 12), (20, 8), (20, 10), (20, 11)]


@pytest.fixture
def six_weeks(window, log, now):
    user_circuits_dir().mkdir(parents=True)
    (user_circuits_dir() / "bells.toml").write_text(BELLS)
    circuit = parse_circuit(BELLS.encode(), Path("bells.toml"))
    start = now() - timedelta(weeks=len(WEEKS))
    for week, (weight, reps) in enumerate(WEEKS):
        ran = replace(circuit, exercises=(replace(circuit.exercises[0],
                                                  load=Load(LoadType.KETTLEBELL, float(weight))),))
        timeline = build_timeline(ran)
        logged = {i: {"reps": reps} for i, s in enumerate(timeline.segments) if s.name == "Kettlebell swings"}
        log.write(WorkoutDraft("bells", circuit_to_dict(ran), start + timedelta(weeks=week), status="completed",
                               finished_at=start + timedelta(weeks=week), active_seconds=300,
                               segment_index=len(timeline) - 1, set_log=logged))
    return window


def test_from_history_by_key_the_swings_go_from_16_to_20(qtbot, six_weeks):
    window = six_weeks
    window.show_history()
    qtbot.keyClick(window.history.table, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    page = window.exercise_page
    assert window.current_view() is page
    assert page.heading.text() == "Kettlebell swings"
    assert [d.load.weight for d in page.chart.days] == [16, 16, 16, 20, 20, 20]
    assert page.chart.steps() == [3]
    assert "16 kg kettlebell → 20 kg kettlebell" in page.steps.text()
    assert page.steps.text().endswith("10 → 11 reps a set at 20 kg kettlebell")
    assert "Heaviest: 20 kg kettlebell" in page.bests.text()
    assert "Most reps in a set: 12 at 16 kg kettlebell" in page.bests.text()
    assert page.next.text().startswith("Next time: 20 kg kettlebell for 12")
    image = page.chart.grab().toImage()
    row = image.height() * 2 // 3                          # across the columns, above the axis
    colours = {image.pixelColor(x, row).name() for x in range(0, image.width(), 3)}
    assert {BAR.name(), STEP.name()} <= colours              # the columns, the step in amber
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert window.current_view() is window.history


def test_with_nothing_logged_history_says_so(qtbot, window):
    window.show_history()
    window.history.open_exercise()
    assert window.current_view() is window.history
