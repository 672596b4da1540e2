"""Today's run in the window: the circuit list says it and what it suggests (with the balance
suggestion, never contradicting it), Ctrl+T types one, Ctrl+Shift+I and a drop import files,
a watched folder's new files are read when the list shows and while it is open, and the
preview applies the suggested rounds on A, for today only."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from fit_writer import FitRun, fit_file
from postrun.core.run import RunKind
from postrun.core.run_typing import TypedRun, typed_run
from postrun.ui.run_dialog import RunDialog

from helpers import PINNED, seed_history

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
# a long run earlier on the pinned evening (19:00 +01:00)
LONG = FitRun(start=datetime(2026, 11, 26, 16, 0, tzinfo=UTC), seconds=5700, distance_m=16_100.0,
              average_heart_rate=149)
EASY = FitRun(start=datetime(2026, 11, 26, 16, 0, tzinfo=UTC), seconds=1800, distance_m=5_000.0,
              average_heart_rate=138)


def shown(window, timers):
    window.show_picker()
    timers.advance(1)          # the run line and the mark come after the list's first paint
    return window.picker


def write_fit(folder: Path, name: str, run: FitRun) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(fit_file(run))
    return path


def test_with_no_run_the_list_says_how_to_bring_one_in(window, timers):
    picker = shown(window, timers)
    assert picker.run_line.isVisible()
    text = picker.run_line.text()
    assert text.startswith("No run today yet: Ctrl+T types it")
    assert "Ctrl+Shift+W chooses a watch's folder" in text


def test_ctrl_t_types_todays_run_and_the_list_says_what_it_suggests(qtbot, window, timers, log, now):
    picker = shown(window, timers)
    asked = []

    def type_run(parent, finished):
        asked.append(finished)
        return typed_run(TypedRun("16.1", "1:35:00", "long", "6"), finished)

    window.dialogs.type_run = type_run
    qtbot.keyClick(picker.filter, Qt.Key.Key_T, CTRL)
    assert asked == [now()]
    [run] = log.runs()
    assert run.kind is RunKind.LONG
    assert run.distance_m == 16_100
    lines = picker.run_line.text().split("\n")
    assert lines[0] == "Today's run: 17:25, 16.1 km in 1:35:00, long, effort 6."
    assert lines[1].startswith("After today's run (")
    assert lines[1].endswith("): fewer rounds.")
    assert lines[2] == "Strength after 0 of 1 run this month."
    assert picker.notice.text() == "Today's run is saved."


def test_a_cancelled_run_dialog_stores_nothing(qtbot, window, timers, log):
    picker = shown(window, timers)
    window.dialogs.type_run = lambda parent, finished: None
    qtbot.keyClick(picker.filter, Qt.Key.Key_T, CTRL)
    assert log.runs() == []
    assert picker.run_line.text().startswith("No run today yet")


def test_the_run_dialog_says_a_mistake_and_saves_nothing_until_it_is_mended(qtbot):
    dialog = RunDialog(None, PINNED)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.time, "47:99")
    dialog.save()
    assert dialog.run is None
    assert dialog.problem.text().startswith("Time")
    assert dialog.time.hasFocus() or not dialog.isVisible()
    dialog.time.setText("47:10")
    qtbot.keyClicks(dialog.distance, "8.2")
    dialog.kind.setCurrentIndex(dialog.kind.findData("intervals"))
    qtbot.keyClicks(dialog.effort, "8")
    dialog.save()
    assert dialog.run is not None
    assert dialog.run.distance_m == 8200
    assert dialog.run.elapsed_seconds == 2830
    assert dialog.run.effort == 8
    assert dialog.run.started_at == PINNED - timedelta(seconds=2830)


def test_the_balance_suggestion_is_said_with_the_run(window, timers, log, now):
    seed_history(log, now().date())
    log.add_runs([typed_run(TypedRun("8", "45", "intervals", ""), now())])
    picker = shown(window, timers)
    [marked] = [t for t in picker.entry_texts() if "★ Suggested" in t]
    assert marked.startswith("Quad day after a run")
    assert marked.endswith("★ Suggested: Quad day after a run would balance your last 4 weeks: "
                           "after this run, 2 rounds of it instead of 3.")
    assert "fewer rounds" in picker.run_line.text()


def test_after_an_easy_run_the_suggestion_stands_as_it_is(window, timers, log, now):
    seed_history(log, now().date())
    log.add_runs([typed_run(TypedRun("5", "30", "easy", "3"), now())])
    picker = shown(window, timers)
    [marked] = [t for t in picker.entry_texts() if "★ Suggested" in t]
    assert marked.endswith("★ Suggested: Quad day after a run would balance your last 4 weeks.")
    assert "the full circuit" in picker.run_line.text()


def test_the_preview_offers_the_rounds_and_a_takes_them_for_today_only(qtbot, window, log, now, timers):
    log.add_runs([typed_run(TypedRun("16", "1:40:00", "long", ""), now())])
    window.data.settings.rounds["posterior-chain"] = 4
    assert window.open_by_key("posterior-chain")
    preview = window.preview
    assert preview.rounds.value() == 4
    assert preview.run_offer.isVisible()
    assert preview.run_offer.text().endswith("fewer rounds.  Press A for 2 rounds today.")
    assert preview.rounds.value() == 4                        # nothing changes until the key
    qtbot.keyClick(preview.start_button, Qt.Key.Key_A)
    assert preview.rounds.value() == 2
    assert "Taken for today" in preview.run_offer.text()
    assert preview.choices().rounds_for_today
    window.start_from_preview()
    assert window.session is not None
    assert window.session.circuit.rounds == 2
    assert window.data.settings.rounds["posterior-chain"] == 4   # next time: the rounds kept


def test_rounds_changed_by_hand_after_a_are_remembered_as_usual(qtbot, window, log, now):
    log.add_runs([typed_run(TypedRun("16", "1:40:00", "long", ""), now())])
    window.open_by_key("posterior-chain")
    preview = window.preview
    qtbot.keyClick(preview.start_button, Qt.Key.Key_A)
    preview.rounds.setValue(1)
    assert not preview.choices().rounds_for_today
    window.start_from_preview()
    assert window.data.settings.rounds["posterior-chain"] == 1


def test_without_a_run_today_the_preview_offers_nothing_and_a_does_nothing(qtbot, window):
    window.open_by_key("posterior-chain")
    preview = window.preview
    assert not preview.run_offer.isVisible()
    before = preview.rounds.value()
    qtbot.keyClick(preview.start_button, Qt.Key.Key_A)
    assert preview.rounds.value() == before


def test_after_an_easy_run_the_preview_says_so_and_offers_no_key(window, log, now):
    log.add_runs([typed_run(TypedRun("5", "30", "easy", "3"), now())])
    window.open_by_key("posterior-chain")
    assert window.preview.run_offer.text() == "After an easy or short run: the full circuit."


def test_ctrl_shift_i_imports_files_and_says_each(qtbot, window, timers, log, tmp_path):
    picker = shown(window, timers)
    good = write_fit(tmp_path / "in", "run.fit", LONG)
    bad = tmp_path / "in" / "broken.fit"
    bad.write_bytes(fit_file(EASY)[:-7])
    window.dialogs.open_run_files = lambda parent: [good, bad]
    qtbot.keyClick(picker.filter, Qt.Key.Key_I, CTRL | SHIFT)
    assert len(log.runs()) == 1
    lines = picker.notice.text().split("\n")
    assert lines[0] == "run.fit: imported"
    assert lines[1].startswith("broken.fit: ")
    assert lines[-1] == "Runs: 1 imported, 1 not imported."
    assert picker.run_line.text().startswith("Today's run: 17:00, 16.1 km in 1:35:00")
    qtbot.keyClick(picker.filter, Qt.Key.Key_I, CTRL | SHIFT)    # again: nothing new
    assert len(log.runs()) == 1
    assert picker.notice.text().split("\n")[-1] == "Runs: 1 already there, 1 not imported."


def test_a_strava_exports_activities_csv_stands_for_its_folder(qtbot, window, timers, log, tmp_path):
    from run_files import strava_folder

    folder = strava_folder(tmp_path / "export", count=3)
    picker = shown(window, timers)
    window.dialogs.open_run_files = lambda parent: [folder / "activities.csv"]
    qtbot.keyClick(picker.filter, Qt.Key.Key_I, CTRL | SHIFT)
    assert len(log.runs()) == 3
    assert picker.notice.text().endswith("Runs: 3 imported.")


def test_run_files_dropped_on_the_list_are_imported_and_circuits_go_to_the_list(window, timers, log, tmp_path):
    shown(window, timers)
    fit = write_fit(tmp_path / "drop", "run.fit", EASY)
    toml = tmp_path / "drop" / "mine.toml"
    toml.write_text('format = 1\nname = "Mine"\n[[exercise]]\nname = "Plank"\nwork = 30\n')
    window._files_dropped([fit, toml])
    assert len(log.runs()) == 1
    assert any(e.title.startswith("Mine") for e in window.picker.entries())


def test_the_watched_folder_is_read_when_the_list_shows(window, timers, log, tmp_path):
    folder = tmp_path / "GARMIN"
    write_fit(folder / "Activity", "a.fit", LONG)
    window.data.settings.run_folder = str(folder)
    picker = shown(window, timers)
    assert len(log.runs()) == 1
    assert picker.run_line.text().startswith("Today's run: 17:00, 16.1 km")
    assert picker.notice.text().endswith("Runs from GARMIN: 1 imported.")
    assert str(folder / "Activity") in window.runs.watched
    shown(window, timers)                                    # read again: nothing new, nothing said
    assert len(log.runs()) == 1
    assert "Runs from" not in picker.notice.text()


def test_a_new_file_in_the_watched_folder_is_read_while_the_list_shows(qtbot, window, timers, log, tmp_path):
    folder = tmp_path / "watch"
    folder.mkdir()
    window.data.settings.run_folder = str(folder)
    picker = shown(window, timers)
    assert log.runs() == []
    write_fit(folder, "today.fit", LONG)                      # the watch copies its file in
    qtbot.waitUntil(lambda: len(log.runs()) == 1, timeout=5000)
    qtbot.waitUntil(lambda: picker.run_line.text().startswith("Today's run"), timeout=2000)


def test_an_unplugged_watch_is_said_on_the_run_line_not_as_a_problem(window, timers, tmp_path):
    window.data.settings.run_folder = str(tmp_path / "gone")
    picker = shown(window, timers)
    assert f"(watching {tmp_path / 'gone'}: not there now; plug the watch in)" in picker.run_line.text()
    assert not picker.notice.isVisible()


def test_ctrl_shift_w_chooses_the_folder_reads_it_and_can_stop_watching(qtbot, window, timers, log, tmp_path):
    folder = tmp_path / "phone"
    write_fit(folder, "a.fit", EASY)
    picker = shown(window, timers)
    window.dialogs.choose_run_folder = lambda parent, current: folder
    qtbot.keyClick(picker.filter, Qt.Key.Key_W, CTRL | SHIFT)
    assert window.data.settings.run_folder == str(folder)
    assert len(log.runs()) == 1
    assert picker.notice.text().endswith("Runs from phone: 1 imported.")
    window.dialogs.choose_run_folder = lambda parent, current: Path()
    qtbot.keyClick(picker.filter, Qt.Key.Key_W, CTRL | SHIFT)
    assert window.data.settings.run_folder is None
    assert window.runs.watched == []
    assert len(log.runs()) == 1                              # the runs read stay
    assert picker.notice.text().startswith("No folder is watched for runs now")


@pytest.mark.parametrize("many", [True, False])
def test_a_cancelled_folder_read_stores_nothing_and_is_read_again(window, timers, log, tmp_path, monkeypatch, many):
    import postrun.ui.run_presenter as presenter

    folder = tmp_path / "watch"
    for day in range(3):
        write_fit(folder, f"{day}.fit", FitRun(start=LONG.start - timedelta(days=day + 1)))
    monkeypatch.setattr(presenter, "PROGRESS_FROM", 1 if many else 100)
    cancels = []

    def cancelled(self):
        cancels.append(1)
        return many

    monkeypatch.setattr(presenter.QProgressDialog, "wasCanceled", cancelled)
    window.data.settings.run_folder = str(folder)
    picker = shown(window, timers)
    if many:
        assert log.runs() == []
        assert picker.notice.text().startswith("Reading the folder was cancelled")
        monkeypatch.setattr(presenter, "PROGRESS_FROM", 100)
        shown(window, timers)
    assert len(log.runs()) == 3


def test_history_shows_both_halves(qtbot, window, log, now):
    from postrun.core.run import Run
    from postrun.store.workout_log import WorkoutDraft

    from helpers import builtin_circuit_dict

    evening = now().replace(hour=17)
    run = Run(started_at=evening, elapsed_seconds=2830, distance_m=8200, average_heart_rate=152,
              device="garmin 1", source="a.fit")
    log.add_runs([run, Run(started_at=evening - timedelta(days=7), elapsed_seconds=1800, distance_m=5000,
                           device="garmin 1", source="b.fit")])
    lift = evening.replace(hour=18)
    log.write(WorkoutDraft("posterior-chain", builtin_circuit_dict("posterior-chain"), lift, status="completed",
                           finished_at=lift + timedelta(minutes=15), active_seconds=900, segment_index=40))
    window.show_history()
    view = window.history
    model = view.model
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == [
        "Posterior chain after a run · after 8.2 km", "Run · 8.2 km", "Run · 5.0 km"]
    assert "after the run of 17:00, 8.2 km in 47:10" in model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "After the run of 17:00, 8.2 km in 47:10, average heart rate 152." in view.detail.toPlainText()
    assert view.chart.kilometres[-1] == pytest.approx(8.2)
    assert view.chart.kilometres[-2] == pytest.approx(5.0)
    assert view.summary.text().endswith("strength after 1 of 2 runs this month")
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert view.run == run
    assert "Strength after it: Posterior chain after a run." in view.detail.toPlainText()
    assert not view.note.isEnabled()
    view.dialogs.confirm = lambda parent, text: True
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert [r.source for r in log.runs()] == ["b.fit"]
    assert model.rowCount() == 2
    assert model.index(0, 1).data() == "Posterior chain after a run"
    qtbot.keyClick(view.table, Qt.Key.Key_Z, CTRL)
    assert len(log.runs()) == 2
    assert view.run == run                                  # selected again where it was


def test_a_large_import_says_only_what_was_not_imported_and_the_tally(tmp_path):
    from postrun.store.run_file import FileResult
    from postrun.store.run_import import Outcome
    from postrun.ui.run_presenter import outcome_notice

    outcomes = [Outcome(FileResult(f"{n}.fit"), "imported") for n in range(30)]
    outcomes.append(Outcome(FileResult("bad.fit", refused="cut short"), "not imported"))
    assert outcome_notice(outcomes, "Runs").split("\n") == ["bad.fit: not imported, cut short",
                                                           "Runs: 30 imported, 1 not imported."]
    assert outcome_notice(outcomes[:2], "Runs").split("\n") == ["0.fit: imported", "1.fit: imported",
                                                               "Runs: 2 imported."]


def test_a_log_that_cannot_be_written_says_so_and_keeps_nothing_half(qtbot, window, timers, log, tmp_path):
    picker = shown(window, timers)
    log._db.execute("PRAGMA query_only = ON")          # every write fails as on a read-only disk
    window.dialogs.type_run = lambda parent, finished: typed_run(TypedRun("8", "45", "", ""), finished)
    qtbot.keyClick(picker.filter, Qt.Key.Key_T, CTRL)
    assert picker.notice.text().startswith("The run could not be saved (")
    assert picker.notice.text().endswith("nothing was stored.")
    folder = tmp_path / "watch"
    write_fit(folder, "a.fit", LONG)
    window.data.settings.run_folder = str(folder)
    shown(window, timers)
    assert picker.notice.text().startswith("The runs could not be saved (")
    log._db.execute("PRAGMA query_only = OFF")          # space freed: the folder is read again
    shown(window, timers)
    assert len(log.runs()) == 1


def test_a_watch_plugged_in_while_the_list_shows_is_read(qtbot, window, timers, log, tmp_path):
    media = tmp_path / "media"
    media.mkdir()
    folder = media / "GARMIN"
    window.data.settings.run_folder = str(folder)
    picker = shown(window, timers)
    assert window.runs.watched == [str(media)]                # the folder above, while the watch is away
    staged = tmp_path / "staged"
    write_fit(staged / "Activity", "a.fit", LONG)
    staged.rename(folder)                                     # mounted
    qtbot.waitUntil(lambda: len(log.runs()) == 1, timeout=5000)
    qtbot.waitUntil(lambda: picker.run_line.text().startswith("Today's run"), timeout=2000)
    assert str(folder / "Activity") in window.runs.watched
    assert str(media) not in window.runs.watched


def test_a_file_landing_during_an_import_is_read_after_it(window, timers, log, tmp_path):
    folder = tmp_path / "watch"
    folder.mkdir()
    window.data.settings.run_folder = str(folder)
    shown(window, timers)
    write_fit(folder, "a.fit", LONG)
    presenter = window.runs
    presenter._busy = True                  # an import's progress dialog is running the events
    presenter._folder_changed()
    assert log.runs() == []
    assert presenter._settle.isActive()     # tried again a second later
    presenter._busy = False
    presenter._folder_changed()
    assert len(log.runs()) == 1
