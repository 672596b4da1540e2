"""The circuit list's 'when' words, by table, and as the window shows them after a workout
stopped part-way."""

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from postrun.store.user_data import LastTimes
from postrun.ui.picker_view import when_text

from helpers import PINNED, advance

DAY = timedelta(days=1)


@pytest.mark.parametrize(("last", "words"), [
    (None, "never done"),
    (LastTimes(PINNED - 3 * DAY, None), "done 3 days ago"),
    (LastTimes(PINNED, None), "done today"),
    (LastTimes(None, PINNED), "stopped part-way today, never done"),
    (LastTimes(PINNED - 9 * DAY, PINNED - DAY), "stopped part-way yesterday, done 9 days ago"),
    (LastTimes(PINNED - 40 * DAY, None), f"done {(PINNED - 40 * DAY).date().isoformat()}"),
])
def test_when_words(last, words):
    assert when_text(last, PINNED) == words


def test_a_circuit_stopped_part_way_is_not_listed_as_never_done(qtbot, window, clock):
    window.open_by_key("posterior-chain-quick")
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)
    advance(window, clock, 20.0)
    qtbot.keyClick(window.run_view, Qt.Key.Key_Escape)
    qtbot.keyClick(window.run_view, Qt.Key.Key_Escape)
    window.parts.timers.flush()
    window.show_picker()
    line = next(t for t in window.picker.entry_texts() if "Posterior chain, quick" in t)
    assert "stopped part-way today, never done" in line
