"""The data folder as users leave it: full disks, a folder where the log belongs, damaged
settings. Nothing crashes, nothing is lost, and each is said in words."""

import json
import os
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from postrun.store.settings import Settings, read_settings, settings_path
from postrun.store.workout_log import WorkoutDraft, WorkoutLog

from helpers import PINNED


@pytest.mark.parametrize("free_kb", [0, 20])
def test_a_full_disk_at_first_start_gives_a_log_in_memory_and_says_why(tiny_disk, free_kb):
    folder = tiny_disk(free_kb) / "data"
    log = WorkoutLog.open(folder / "postrun.sqlite3")
    assert not log.durable
    assert "is full" in log.notice
    assert str(folder) in log.notice
    record = log.write(WorkoutDraft("k", {"name": "n"}, PINNED))    # the workout still runs
    assert log.get(record).circuit_key == "k"
    log.close()


def test_the_window_starts_on_a_full_disk(tiny_disk):
    folder = tiny_disk(0) / "data"
    env = dict(os.environ, POSTRUN_DATA_DIR=str(folder), POSTRUN_EXIT_AFTER_FIRST_PAINT="1",
               QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-m", "postrun"], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "first-paint" in done.stdout


def test_a_folder_named_like_the_log(tmp_path):
    (tmp_path / "postrun.sqlite3").mkdir()
    log = WorkoutLog.open(tmp_path / "postrun.sqlite3")
    assert not log.durable
    assert "there is a folder named postrun.sqlite3" in log.notice
    assert "not writable" not in log.notice
    assert (tmp_path / "postrun.sqlite3").is_dir()           # the user's folder is left alone
    log.close()


def test_a_fifo_named_like_the_log(tmp_path):
    os.mkfifo(tmp_path / "postrun.sqlite3")
    log = WorkoutLog.open(tmp_path / "postrun.sqlite3")      # must not block on the pipe
    assert "not a regular file" in log.notice
    log.close()


def test_a_read_only_log_file_is_named(tmp_path, monkeypatch):
    path = tmp_path / "postrun.sqlite3"
    WorkoutLog.open(path).close()
    monkeypatch.setattr(os, "access", lambda p, mode: Path(p) != path)   # root ignores modes: ask as a user would
    import sqlite3

    from postrun.store.workout_log import explain

    error = sqlite3.OperationalError("attempt to write a readonly database")
    assert explain(error, path) == f"the log file {path} is read-only"


def test_a_log_in_memory_moves_its_records_to_the_file_when_it_can(tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder belongs")
    log = WorkoutLog.open(blocker / "postrun.sqlite3")
    first = log.write(WorkoutDraft("a", {"name": "A"}, PINNED, status="completed"))
    with pytest.raises(OSError, match="Not a directory|File exists"):
        log.reopen()
    blocker.unlink()
    moved = log.reopen()
    assert log.durable
    assert log.notice is None
    assert log.get(moved[first]).circuit_key == "a"
    log.close()
    import sqlite3

    with closing(sqlite3.connect(blocker / "postrun.sqlite3")) as db:
        assert db.execute("SELECT circuit_key, status FROM workouts").fetchall() == [("a", "completed")]


def test_rows_edited_by_hand_do_not_stop_the_log_from_being_read(tmp_path):
    import sqlite3

    path = tmp_path / "postrun.sqlite3"
    log = WorkoutLog.open(path)
    log.write(WorkoutDraft("a", {"name": "A"}, PINNED, status="completed"))
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("UPDATE circuits SET json = '{broken'")
        db.execute("UPDATE workouts SET skipped_json = 'x', started_at = 'yesterday', swaps_json = '{', "
                   "seconds_json = '{\"a\": 1, \"2\": \"x\", \"3\": 1e999, \"4\": 5}', uuid = 'not one'")
    [record] = log.history()
    assert (record.circuit, record.skipped, record.swaps, record.segment_seconds) == ({}, [], [], {4: 5.0})
    # every other reader of the history goes on too
    from postrun.store.history import overview
    from postrun.store.library import load_library

    assert [r.skipped_count for r in log.summaries()] == [0]
    assert log.days() == []
    assert overview(log, load_library(), PINNED.date()).total_workouts == 0
    log.close()


# -- settings ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"\xff{{{", "not a settings file"),
        (b'{"volume": 40, "muted": tr', "not a settings file"),        # cut short
        (b"[1, 2, 3]", "not a settings file"),
        (b"", "not a settings file"),
        (b"[" * 100_000, "not a settings file"),
    ],
    ids=["garbage", "truncated", "array", "empty", "deep"],
)
def test_a_damaged_settings_file_is_kept_aside_and_said(content, words):
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_bytes(content)
    settings, notice = read_settings()
    assert settings == Settings()
    assert words in notice
    kept = list(settings_path().parent.glob("settings.bad-*.json"))
    assert len(kept) == 1
    assert kept[0].read_bytes() == content          # never silently overwritten
    assert kept[0].name in notice
    assert not settings_path().exists()


def test_remembered_rounds_out_of_range_are_reset_not_clamped_to_fifty():
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(json.dumps({"rounds": {"x": 99999, "y": 3, "z": 0, "w": True}, "volume": 70,
                                           "swaps": {"x": {"0": -1, "1": 1}}, "prepare_seconds": 10**6}))
    settings, notice = read_settings()
    assert settings.rounds == {"y": 3}
    assert settings.swaps == {}
    assert settings.volume == 70
    assert settings.prepare_seconds is None
    assert "rounds" in notice
    assert "swaps" in notice
    assert "prepare_seconds" in notice
    assert list(settings_path().parent.glob("settings.bad-*.json"))


def test_settings_that_are_a_pipe_or_a_folder_do_not_block_the_start():
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(settings_path())
    settings, notice = read_settings()
    assert settings == Settings()
    assert "not a regular file" in notice
    settings_path().unlink()
    settings_path().mkdir()
    assert "not a regular file" in read_settings()[1]


def test_good_settings_give_no_notice():
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(json.dumps({"rounds": {"x": 2}, "volume": 70, "last_circuit": "x"}))
    settings, notice = read_settings()
    assert notice is None
    assert settings.rounds == {"x": 2}
