"""The history page and the finish screen's summary, over a log seeded with 12 weeks of
workouts, driven from the keyboard with pytest-qt."""

import csv
import json
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from postrun.store.record_file import read_workouts_file
from postrun.ui.history_view import EMPTY
from postrun.ui.picker_view import SUGGESTED

from helpers import advance, seed_history


def open_history(qtbot, window):
    qtbot.keyClick(window.picker.filter, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() is window.history
    return window.history


def test_an_empty_history_says_what_will_appear(qtbot, window):
    view = open_history(qtbot, window)
    assert view.pages.currentWidget() is view.empty
    assert view.empty.text() == EMPTY
    assert "No workouts yet" in EMPTY
    assert view.model.rowCount() == 0
    qtbot.keyClick(view.table, Qt.Key.Key_Escape)
    assert window.current_view() is window.picker


def test_the_button_opens_it_too(qtbot, window):
    qtbot.mouseClick(window.picker.history_button, Qt.MouseButton.LeftButton)
    assert window.current_view() is window.history


def test_typed_letters_still_filter_the_picker(qtbot, window):
    qtbot.keyClicks(window.picker.filter, "quad")
    assert window.current_view() is window.picker
    assert len(window.picker.entry_texts()) == 1


def test_twelve_weeks_listed_newest_first_with_chart_and_balance(qtbot, window, log, now):
    drafts = seed_history(log, now().date())
    view = open_history(qtbot, window)
    assert view.pages.currentWidget() is view.content
    assert view.model.rowCount() == len(drafts)
    starts = [row.started_at for row in view.model.rows]
    assert starts == sorted(starts, reverse=True)
    assert view.model.index(0, 1).data() == "Posterior chain after a run"
    assert view.model.index(0, 2).data() == "20:00"
    stopped = [view.model.index(r, 3).data() for r in range(view.model.rowCount())]
    assert stopped.count("stopped at Kettlebell windmills (left), round 1") == 2
    weeks = view.chart.weeks
    assert len(weeks) == 12
    assert weeks[-1].workouts >= 1
    assert [w.workouts for w in weeks].count(0) == 1             # the week with none is drawn as none
    heights = view.chart.bar_heights(100.0)
    assert max(heights) == 100.0
    assert heights[weeks.index(max(weeks, key=lambda w: w.seconds))] == 100.0
    assert view.bars.by_group["quads"] == 0
    assert view.bars.by_group["posterior chain"] > 0
    assert view.bars.bar_fractions()["posterior chain"] == 1.0
    assert "A quad circuit (“Quad day after a run”) would balance it." in view.sentence.text()
    assert "Streak: 5 weeks" in view.summary.text()


def test_a_workout_seen_whole(qtbot, window, log, now):
    seed_history(log, now().date())
    view = open_history(qtbot, window)
    row = next(r for r in range(view.model.rowCount()) if view.model.rows[r].status == "abandoned")
    view.table.selectRow(row)
    text = view.detail.toPlainText()
    assert "stopped at Kettlebell windmills (left), round 1" in text
    assert "✓ Cable kickbacks (left), round 1 — 0:40" in text
    assert "Kettlebell windmills (left), round 1: ■ stopped here" in text
    assert "Kettlebell swings, round 1: · not reached" in text
    assert "(UTC+01:00)" in text
    assert "3 rounds" in text


def test_swaps_and_skips_in_the_detail(qtbot, window, log, clock):
    window.open_by_key("posterior-chain-quick")
    window.preview.swap_boxes[0].setCurrentIndex(1)
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)
    advance(window, clock, 12)
    qtbot.keyClick(window.run_view, Qt.Key.Key_N)              # skip the first set
    advance(window, clock, 60 * 60)
    qtbot.keyClick(window.finish, Qt.Key.Key_Escape)
    view = open_history(qtbot, window)
    record = log.get(view.model.rows[0].id)
    assert record.swaps == [{"exercise": 1, "from": "Cable kickbacks", "to": "Kneeling kickbacks"}]
    assert record.segment_seconds                                   # time per segment measured
    text = view.detail.toPlainText()
    assert "Swapped: Cable kickbacks → Kneeling kickbacks" in text
    assert "Kneeling kickbacks (left), round 1: ✗ skipped" in text


def test_note_and_effort_are_edited(qtbot, window, log, now):
    seed_history(log, now().date())
    view = open_history(qtbot, window)
    view.table.selectRow(2)
    record_id = view.model.rows[2].id
    view.note.clear()
    qtbot.keyClicks(view.note, "Heavier bell next time")
    view.effort.setValue(9)
    qtbot.keyClick(view.note, Qt.Key.Key_Return)
    record = log.get(record_id)
    assert (record.note, record.effort) == ("Heavier bell next time", 9)
    assert view.model.index(view.model.row_of(record_id), 6).data() == "Heavier bell next time"
    assert view.status.text() == "Note saved."


def test_delete_is_asked_once_and_undone(qtbot, window, log, now):
    seed_history(log, now().date())
    view = open_history(qtbot, window)
    asked = []
    view.dialogs.confirm = lambda parent, text: asked.append(text) or False
    view.table.selectRow(1)
    victim = log.get(view.model.rows[1].id)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert len(asked) == 1
    assert log.get(victim.id) == victim
    view.dialogs.confirm = lambda parent, text: asked.append(text) or True
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert len(asked) == 2
    assert log.get(victim.id) is None
    assert view.model.row_of(victim.id) is None
    assert view.undo_button.isEnabled()
    assert view.status.text().startswith("Deleted “")
    label, width = view.undo_button.text(), view.undo_button.sizeHint().width()
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert log.get(victim.id) == victim                                 # same id, uuid and note
    assert view.status.text().startswith("Brought back “")             # not the stale "Deleted"
    assert (view.undo_button.text(), view.undo_button.sizeHint().width()) == (label, width)   # no jump
    assert view.model.row_of(victim.id) == 1
    assert view.record.id == victim.id
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert log.get(victim.id) is None                                   # redo
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert log.get(victim.id) is None                                   # redo, the other spelling
    qtbot.keyClick(view.table, Qt.Key.Key_Escape)                      # leaving ends the undo
    assert not view.undo_stack.canUndo()


def test_export_both_formats_and_import_once(qtbot, window, log, tmp_path, now):
    drafts = seed_history(log, now().date())
    view = open_history(qtbot, window)
    view.dialogs.export_history = lambda parent, name: tmp_path / "h.json"
    qtbot.keyClick(view.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert view.status.text() == f"Exported {len(drafts)} workouts to {tmp_path / 'h.json'}."
    assert {d.uuid for d in read_workouts_file(tmp_path / "h.json")} == {d.uuid for d in drafts}
    view.dialogs.export_history = lambda parent, name: tmp_path / "h.csv"
    view.export()
    with open(tmp_path / "h.csv", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == len(drafts)
    view.dialogs.import_history = lambda parent, name: tmp_path / "h.json"
    view.import_file()
    assert view.status.text() == f"Imported 0 workouts; {len(drafts)} were already here."
    doc = json.loads((tmp_path / "h.json").read_text())
    for item in doc["workouts"][:3]:
        item["id"] = item["id"][:-4] + "0000"
    (tmp_path / "other.json").write_text(json.dumps(doc))
    view.dialogs.import_history = lambda parent, name: tmp_path / "other.json"
    view.import_file()
    assert view.status.text().startswith("Imported 3 workouts;")
    assert view.model.rowCount() == len(drafts) + 3
    (tmp_path / "bad.json").write_text('{"format": 1, "kind": "postrun-workouts", "workouts": [1]}')
    view.dialogs.import_history = lambda parent, name: tmp_path / "bad.json"
    view.import_file()
    assert view.status.text() == f"Nothing was imported: {tmp_path / 'bad.json'}: workouts[1]: must be an object."
    assert view.model.rowCount() == len(drafts) + 3


def test_an_export_that_cannot_be_written_says_so(qtbot, window, log, tmp_path, now):
    seed_history(log, now().date())
    view = open_history(qtbot, window)
    (tmp_path / "ro").mkdir()
    (tmp_path / "ro" / "h.json").mkdir()                  # a folder where the file should go
    view.dialogs.export_history = lambda parent, name: tmp_path / "ro" / "h.json"
    view.export()
    assert view.status.text().startswith("Not exported:")


def test_the_picker_marks_the_circuit_that_balances(qtbot, window, log, timers, now):
    window.show_picker()
    timers.advance(1)
    assert not [t for t in window.picker.entry_texts() if SUGGESTED in t]      # nothing done: nothing to balance
    seed_history(log, now().date())
    window.show_picker()
    assert not [t for t in window.picker.entry_texts() if SUGGESTED in t]      # the list paints first
    timers.advance(1)
    marked = [t for t in window.picker.entry_texts() if SUGGESTED in t]
    assert len(marked) == 1
    assert marked[0].startswith("Quad day after a run")
    qtbot.keyClicks(window.picker.filter, "quad")                              # the filter keeps the mark
    assert window.picker.entry_texts() == marked


def test_the_finish_screen_shows_the_week_streak_and_balance(qtbot, window, log, clock, now):
    seed_history(log, now().date())
    window.open_by_key("posterior-chain-quick")
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)
    advance(window, clock, 60 * 60)
    assert window.current_view() is window.finish
    text = window.finish.summary.text()
    today = now().date()
    this_week = sum(1 for r in log.summaries() if r.started_at.date() >= today - timedelta(days=today.weekday()))
    assert text.startswith(f"This week: {this_week} workouts")
    assert "Streak: 5 weeks" in text
    assert "Last 4 weeks: posterior chain" in text
    assert "A quad circuit" in text
    finish = window.finish
    assert finish.chart.isVisible()
    assert finish.bars.isVisible()
    assert finish.chart.weeks[-1].workouts == this_week
    assert finish.bars.by_group["posterior chain"] > 0


def test_the_finish_screen_says_when_the_history_cannot_be_read(qtbot, window, log, clock, monkeypatch):
    import sqlite3

    from postrun.store import history

    def broken(*args, **kwargs):
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(history, "overview", broken)
    window.open_by_key("posterior-chain-quick")
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)
    advance(window, clock, 60 * 60)
    assert window.finish.summary.text() == "The history could not be read (database disk image is malformed)."
    assert not window.finish.chart.isVisible()
    assert window.finish.saved.text() == "Saved to your workout log."


def test_streak_across_a_new_year_and_a_trip_abroad(qtbot, window, log, now):
    from datetime import datetime, timedelta, timezone

    from postrun.store.workout_log import WorkoutDraft

    home, away = timezone(timedelta(hours=1)), timezone(timedelta(hours=-8))
    lived = [
        datetime(2026, 12, 21, 18, 0, tzinfo=home),     # Monday, week of 21 Dec
        datetime(2026, 12, 27, 23, 30, tzinfo=away),    # Sunday night in California: Monday in UTC
        datetime(2027, 1, 1, 9, 0, tzinfo=away),        # new year's day, same week as 28 Dec
        # the week of 4 Jan has none
        datetime(2027, 1, 11, 7, 0, tzinfo=home),
        datetime(2027, 1, 18, 0, 30, tzinfo=home),      # just after midnight: Monday, lived there
    ]
    for when in lived:
        log.write(WorkoutDraft("posterior-chain", {"name": "P"}, when, status="completed", active_seconds=600))
    view = open_history(qtbot, window)
    now.set(datetime(2027, 1, 20, 12, 0, tzinfo=home))
    view.refresh()
    starts = [w.start for w in view.chart.weeks]
    counts = dict(zip(starts, [w.workouts for w in view.chart.weeks], strict=True))
    assert counts[date(2026, 12, 21)] == 2            # Sunday 27 Dec counts where it was lived
    assert counts[date(2026, 12, 28)] == 1            # 1 Jan belongs to the week of 28 Dec
    assert counts[date(2027, 1, 4)] == 0
    assert counts[date(2027, 1, 18)] == 1
    assert "Streak: 2 weeks" in view.summary.text()
    assert "January: 3 workouts, 30 min" in view.summary.text()
    now.set(datetime(2027, 1, 26, 12, 0, tzinfo=home))            # the next Tuesday: this week none yet
    view.refresh()
    assert "Streak: 2 weeks" in view.summary.text()
    now.set(datetime(2027, 2, 1, 12, 0, tzinfo=home))             # a whole week without: broken
    view.refresh()
    assert "Streak: 0 weeks" in view.summary.text()


SIZES = [(1024, 600), (1280, 720), (1366, 768)]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_the_list_and_detail_have_room_and_no_column_hides_behind_a_scroll_bar(qtbot, window, log, now, size):
    seed_history(log, now().date())
    view = open_history(qtbot, window)
    window.resize(*size)
    view.resize(*size)                         # the offscreen screen is smaller than these
    qtbot.wait(20)
    table = view.table
    assert table.horizontalScrollBar().maximum() == 0
    shown = [c for c in range(view.model.columnCount()) if not table.isColumnHidden(c)]
    assert sum(table.columnWidth(c) for c in shown) <= table.viewport().width()
    assert table.rowHeight(0) * 8 <= table.viewport().height()          # eight rows at least, not three
    assert view.detail.viewport().height() >= 6 * view.detail.fontMetrics().height()
    if size[0] >= 1366:
        assert not table.isColumnHidden(6)                                 # the Note column, seen whole
    else:
        assert view.record.note                                            # ...or in the detail's note box
        assert view.note.text() == view.record.note


def test_an_effort_past_ten_is_kept_as_typed_refused_in_words_and_the_note_still_saved(qtbot, window, log, now):
    seed_history(log, now().date())
    view = open_history(qtbot, window)
    view.table.selectRow(2)
    record_id = view.model.rows[2].id
    before = log.get(record_id).effort
    view.effort.setFocus()
    view.effort.selectAll()
    qtbot.keyClicks(view.effort, "15")
    assert view.effort.typed() == 15                                  # not 1
    view.note.clear()
    qtbot.keyClicks(view.note, "Grip gave out")
    qtbot.keyClick(view.note, Qt.Key.Key_Return)
    record = log.get(record_id)
    assert (record.note, record.effort) == ("Grip gave out", before)
    assert "Effort: at most 10, not 15" in view.status.text()
