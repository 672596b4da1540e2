"""A whole workout from the window, keyboard only, with a fake clock."""

import sqlite3
from contextlib import closing
from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from postrun.core.engine import State
from postrun.core.timeline import Kind
from postrun.store.paths import log_path, user_circuits_dir
from postrun.ui.theme import PAUSED, PHASES

from circuits import GOBLET_SQUATS_THEN_PLANK
from helpers import PINNED, advance


def shown(window):
    view = window.run_view
    return {
        "word": view.word.text(),
        "title": view.exercise.text(),
        "digits": view.digits.text(),
        "tip": view.tip.text(),
        "next": view.next_up.text(),
        "round": view.round_label.text(),
        "background": view.phase.background,
    }


def type_text(qtbot, widget, text):
    for char in text:
        qtbot.keyClick(widget, char)


def test_pick_preview_swap_run_finish_and_log(qtbot, window, clock, parts):
    picker = window.picker
    assert window.current_view() is picker
    assert any("Posterior chain, quick" in text and "7:25" in text and "never done" in text
               for text in picker.entry_texts())
    type_text(qtbot, picker.filter, "quick")
    assert len(picker.entry_texts()) == 1
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)

    preview = window.preview
    assert window.current_view() is preview
    assert preview.title.text() == "Posterior chain, quick"
    assert preview.total.text() == "Total 7:25"
    # swap cable kickbacks for kneeling kickbacks, one round fewer
    box = preview.swap_boxes[0]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.currentText().startswith("Swap: Kneeling kickbacks")
    preview.rounds.setFocus()
    qtbot.keyClick(preview.rounds, Qt.Key.Key_Down)
    assert preview.rounds.value() == 1
    assert preview.total.text() == "Total 3:40"
    assert "cable machine" not in preview.facts.text()
    preview.start_button.setFocus()
    qtbot.keyClick(preview.start_button, Qt.Key.Key_Space)

    assert window.current_view() is window.run_view
    view = window.run_view
    first = shown(window)
    assert first["word"] == "GET READY"
    assert first["digits"] == "10"
    assert first["background"] == PHASES[Kind.PREPARE].background
    assert first["next"] == "Next: Kneeling kickbacks, left side first · 30 s"
    assert first["tip"] == "On all fours, kick the straight leg up to back level."
    assert first["round"] == "Round 1 of 1"

    advance(window, clock, 10.0)
    work = shown(window)
    assert (work["word"], work["title"], work["digits"]) == ("WORK", "Kneeling kickbacks — LEFT", "30")
    assert work["background"] == PHASES[Kind.WORK].background
    assert work["tip"] == "On all fours, kick the straight leg up to back level."
    assert work["next"] == "Next: switch sides"
    assert view.flashing

    advance(window, clock, 8.0)
    assert shown(window)["tip"] == "Slow and controlled; no swinging."   # tips rotate every 8 s

    # pause with 17.6 s left; resume with exactly that left
    advance(window, clock, 4.4)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    paused = window.session.engine.snapshot()
    assert paused.state is State.PAUSED
    assert abs(paused.remaining - 17.6) < 1e-9
    assert view.word.text() == "PAUSED · WORK"
    assert view.phase == PAUSED
    advance(window, clock, 120.0)
    assert view.digits.text() == "18"
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert abs(window.session.engine.snapshot().remaining - 17.6) < 1e-9

    advance(window, clock, 17.6)
    switch = shown(window)
    assert (switch["word"], switch["title"], switch["digits"]) == ("SWITCH SIDES", "Kneeling kickbacks — RIGHT", "5")
    assert switch["tip"] == "Switch to the right side"
    assert switch["background"] == PHASES[Kind.SWITCH].background

    advance(window, clock, 5.0 + 30.0)
    rest = shown(window)
    assert (rest["word"], rest["title"], rest["digits"]) == ("REST", "Rest", "15")
    assert rest["next"] == "Next: Kettlebell windmills, left side first · 25 s · 8 kg"      # the load is said too
    assert rest["background"] == PHASES[Kind.REST].background

    # skip the rest with the presenter clicker's PageDown, then back with PageUp
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert shown(window)["title"] == "Kettlebell windmills — LEFT · 8 kg"
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert shown(window)["title"] == "Rest"
    qtbot.keyClick(view, Qt.Key.Key_N)
    # +10 s and -10 s
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.digits.text() == "35"
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.digits.text() == "25"

    advance(window, clock, 25.0 + 5.0 + 25.0 + 15.0 + 30.0)
    cooldown = shown(window)
    assert (cooldown["word"], cooldown["title"]) == ("COOL-DOWN", "Standing hamstring stretch")
    assert cooldown["round"] == "Cool-down"
    assert cooldown["background"] == PHASES[Kind.COOLDOWN].background

    status_when_finish_shown = []
    window.stack.currentChanged.connect(lambda _: status_when_finish_shown.append(
        [r.status for r in parts.data.log.history()]))
    advance(window, clock, 30.0)
    window.parts.timers.flush()
    assert window.current_view() is window.finish
    # on disk before the finish screen asks for anything
    assert status_when_finish_shown[-1] == ["completed"]
    finish = window.finish
    assert finish.heading.text() == "Workout complete"
    # only a rest was skipped (twice): rests are not worth listing
    assert finish.details.text() == "Posterior chain, quick\nTime: 3:25   Rounds: 1\nNothing skipped"

    # saved the moment the last segment ended, before any note
    with closing(sqlite3.connect(log_path())) as db:
        row = db.execute("SELECT circuit_key, status, note, effort, skipped_json, c.json, started_at, "
                         "finished_at, active_seconds FROM workouts JOIN circuits c ON c.id = circuit_id").fetchone()
    key, status, note, effort, skipped, circuit_json, started, finished, active = row
    assert (key, status, note, effort) == ("posterior-chain-quick", "completed", "", None)
    assert '"Kneeling kickbacks"' in circuit_json
    assert '"rounds": 1' in circuit_json
    started, finished = datetime.fromisoformat(started), datetime.fromisoformat(finished)
    # the wall clock handed in: the pinned evening, and as far apart as the fake seconds that passed
    assert started.utcoffset() == PINNED.utcoffset()
    assert PINNED <= started < PINNED + timedelta(minutes=1)
    assert (finished - started).total_seconds() >= active + 120
    # prepare 10, left 30 (the 120 s pause not counted), switch 5, right 30, rest skipped,
    # windmills 25 + 5 + 25, rest 15, swings 30, stretch 30
    assert abs(active - 205.0) < 1e-6

    type_text(qtbot, finish.note, "heavy bell")
    finish.effort.setValue(7)
    qtbot.keyClick(finish, Qt.Key.Key_Escape)
    assert window.current_view() is window.picker
    with closing(sqlite3.connect(log_path())) as db:
        assert db.execute("SELECT note, effort FROM workouts").fetchone() == ("heavy bell", 7)
    # the picker now knows it was done, and the swap and rounds are remembered
    assert any("Posterior chain, quick" in t and "done today" in t for t in window.picker.entry_texts())
    assert parts.data.settings.swaps["posterior-chain-quick"] == {"0": 0}
    assert parts.data.settings.rounds["posterior-chain-quick"] == 1
    window.open_by_key("posterior-chain-quick")
    assert window.preview.swap_boxes[0].currentText().startswith("Swap: Kneeling kickbacks")
    assert window.preview.rounds.value() == 1


def test_rep_segment_counts_up_and_waits_for_enter(qtbot, window, clock):
    user_circuits_dir().mkdir(parents=True)
    (user_circuits_dir() / "reps.toml").write_text(GOBLET_SQUATS_THEN_PLANK)
    window.show_picker()
    assert window.open_by_key("reps")
    qtbot.keyClick(window.preview, Qt.Key.Key_Return)
    view = window.run_view
    advance(window, clock, 3.0 + 65.0)
    assert view.word.text() == "WORK"
    assert view.reps.text() == "12 reps — press Enter when done"
    assert view.digits.text() == "1:05"
    assert view.buttons["done"].isEnabled()
    assert window.session.engine.index == 1
    advance(window, clock, 100.0)
    assert window.session.engine.index == 1           # it waits
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.word.text() == "REST"
    assert view.digits.text() == "5"
    # Enter on a timed segment is refused in words, not ignored silently
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert "rep-based" in view.notice.text()


def test_escape_asks_once_then_stops_and_saves_a_partial_workout(qtbot, window, clock):
    window.open_by_key("posterior-chain")
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)
    view = window.run_view
    advance(window, clock, 15.0)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert "Stop this workout?" in view.confirm.text()
    qtbot.keyClick(view, Qt.Key.Key_M)          # any other key carries on
    assert view.confirm.text() == ""
    assert window.session.engine.state is State.RUNNING
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    window.parts.timers.flush()
    assert window.current_view() is window.finish
    assert window.finish.heading.text() == "Workout stopped"
    assert "Stopped in round 1 of 3, at Cable kickbacks — LEFT" in window.finish.details.text()
    with closing(sqlite3.connect(log_path())) as db:
        status, index, label = db.execute("SELECT status, segment_index, segment_label FROM workouts").fetchone()
    assert (status, index) == ("abandoned", 1)
    assert label == "work: Cable kickbacks (left), round 1"


def test_shortcut_sheet_fullscreen_and_mute_keys(qtbot, window, parts):
    window.open_by_key("posterior-chain")
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)
    view = window.run_view
    qtbot.keyClick(view, Qt.Key.Key_Question)
    assert view.help_sheet.isVisible()
    assert "PageDown" in view.help_sheet.text()
    qtbot.keyClick(view, Qt.Key.Key_Question)
    assert not view.help_sheet.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_M)
    assert parts.data.settings.muted
    assert parts.sound.player.muted
    assert view.buttons["mute"].text() == "Unmute"
    assert view.sound.text() == "Muted"
    qtbot.keyClick(view, Qt.Key.Key_Down)          # a volume key unmutes
    assert (parts.data.settings.volume, parts.sound.player.muted) == (90, False)
    assert view.sound.text() == "Volume 90%"
    assert parts.sound.player.cues.volume == 0.9
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert parts.data.settings.volume == 100
    assert view.buttons["voice"].text() == "Voice on"
    qtbot.keyClick(view, Qt.Key.Key_V)
    assert view.buttons["voice"].text() == "Voice off"
    assert not parts.sound.voice.enabled
    qtbot.keyClick(view, Qt.Key.Key_F)
    assert window.isFullScreen()
    qtbot.keyClick(view, Qt.Key.Key_Escape)      # leaves full screen, does not ask to stop
    assert not window.isFullScreen()
    assert view.confirm.text() == ""


def test_media_keys_and_buttons_drive_the_workout(qtbot, window, clock):
    window.open_by_key("posterior-chain")
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)
    view = window.run_view
    qtbot.keyClick(view, Qt.Key.Key_MediaTogglePlayPause)
    assert window.session.engine.state is State.PAUSED
    qtbot.mouseClick(view.buttons["toggle"], Qt.MouseButton.LeftButton)
    assert window.session.engine.state is State.RUNNING
    qtbot.keyClick(view, Qt.Key.Key_MediaNext)
    assert window.session.engine.index == 1
    qtbot.mouseClick(view.buttons["skip"], Qt.MouseButton.LeftButton)
    assert window.session.engine.index == 2
    qtbot.keyClick(view, Qt.Key.Key_MediaPrevious)
    assert window.session.engine.index == 1


def test_finish_lists_skipped_sets_not_rests(qtbot, window, clock):
    window.open_by_key("posterior-chain-quick")
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)
    view = window.run_view
    for _ in range(3):                       # get ready, left side, switch
        qtbot.keyClick(view, Qt.Key.Key_Right)
    while window.session.engine.state is State.RUNNING:
        advance(window, clock, 1.0)
    window.parts.timers.flush()
    assert window.current_view() is window.finish
    assert "Skipped: Cable kickbacks (left, round 1)" in window.finish.details.text()


def test_broken_user_file_is_listed_with_its_error(window):
    user_circuits_dir().mkdir(parents=True)
    (user_circuits_dir() / "oops.toml").write_text("format = 1\nname = 'Oops'\nrounds = 99\n[[exercise]]\n"
                                                   "name = 'a'\nwork = 5\n")
    window.show_picker()
    broken = [t for t in window.picker.entry_texts() if "oops.toml" in t]
    assert broken == ["oops.toml  (user) — CANNOT BE USED\n"
                      f"{user_circuits_dir() / 'oops.toml'}:3: rounds: must be from 1 to 50, not 99"]



def test_an_effort_past_ten_on_the_finish_screen_is_said_and_not_saved(qtbot, window, clock):
    window.open_by_key("posterior-chain-quick")
    qtbot.keyClick(window.preview, Qt.Key.Key_Space)
    advance(window, clock, 60 * 60)
    finish = window.finish
    assert window.current_view() is finish
    finish.effort.setFocus()
    finish.effort.selectAll()
    qtbot.keyClicks(finish.effort, "15")
    assert finish.effort.typed() == 15
    assert finish.effort_problem.isVisible()
    assert finish.effort_problem.text() == "Effort: at most 10, not 15: not saved"
    type_text(qtbot, finish.note, "grip")
    qtbot.keyClick(finish, Qt.Key.Key_Escape)
    with closing(sqlite3.connect(log_path())) as db:
        assert db.execute("SELECT note, effort FROM workouts").fetchone() == ("grip", None)
