"""A log that cannot be written is still read: on a full disk and on a read-only mount the
history, the command line's list and exports show the real workouts, writes are refused
in words, and the log becomes writable again when the disk is freed. Tried for real on a
small tmpfs (root, as CI runs; elsewhere each test says why it did not run)."""

import json
import os
import subprocess
import sys

import pytest

from postrun.store.log_opening import LogState
from postrun.store.workout_history import WorkoutHistory
from postrun.store.workout_log import WorkoutDraft, WorkoutLog

from helpers import PINNED, FakeWallClock, seeded_folder


def seeded(folder):
    return seeded_folder(folder, PINNED.date())


@pytest.fixture
def full_disk(tiny_disk):
    """A data folder with 12 weeks of workouts on a disk that then filled up: (folder, drafts)."""
    folder = tiny_disk(3000) / "data"
    drafts = seeded(folder)
    fill(folder.parent)
    return folder, drafts


def fill(folder):
    """Every free byte taken, as a disk that filled up after the log was written."""
    fd = os.open(folder / "filler-rest", os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)


def history(folder, *args):
    env = dict(os.environ, POSTRUN_DATA_DIR=str(folder))
    return subprocess.run([sys.executable, "-m", "postrun", "history", *args], capture_output=True, text=True,
                          env=env, timeout=60)


@pytest.mark.slow
def test_a_full_disk_shows_the_whole_history_and_exports_it_whole(full_disk):
    folder, drafts = full_disk
    log = WorkoutLog.open(folder / "postrun.sqlite3")
    assert log.state is LogState.READ_ONLY
    assert not log.durable
    assert "cannot be written" in log.notice
    assert "Your workouts are shown" in log.notice
    assert len(log.summaries()) == len(drafts)
    page = WorkoutHistory(log, lambda: [], FakeWallClock()).page()
    assert len(page.rows) == len(drafts)
    assert page.summary.startswith("This week: 2 workouts")
    with pytest.raises(Exception, match="readonly"):
        log.write(WorkoutDraft("k", {"name": "K"}, PINNED))
    log.close()

    exported = history(folder, "--json")
    assert exported.returncode == 0, exported.stderr
    assert len(json.loads(exported.stdout)["workouts"]) == len(drafts)
    assert "cannot be written" in exported.stderr
    listed = history(folder)
    assert listed.returncode == 0
    assert len(listed.stdout.splitlines()) == len(drafts) + 1
    balance = history(folder, "--balance")
    assert balance.returncode == 0
    assert "posterior chain" in balance.stdout


@pytest.mark.slow
def test_a_full_disk_log_is_written_again_once_space_is_freed(full_disk):
    folder, drafts = full_disk
    log = WorkoutLog.open(folder / "postrun.sqlite3")
    assert log.read_only
    with pytest.raises(OSError, match="No space left"):
        (folder.parent / "more").write_bytes(b"x" * 8192)
    (folder.parent / "filler-rest").unlink()
    assert log.reopen() == {}                  # the file's own records: nothing to copy
    assert log.durable
    record = log.write(WorkoutDraft("k", {"name": "K"}, PINNED, status="completed"))
    assert log.get(record).circuit_key == "k"
    assert len(log.summaries()) == len(drafts) + 1
    log.close()


@pytest.mark.slow
def test_a_read_only_mount_is_read(read_only_mount):
    point = read_only_mount(lambda p: seeded(p / "data"))
    folder = point / "data"
    log = WorkoutLog.open(folder / "postrun.sqlite3")
    assert log.read_only
    assert len(log.summaries()) > 20
    count = len(log.summaries())
    log.close()
    listed = history(folder, "--csv")
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.splitlines()) == count + 1          # the header and every workout
    refused = history(folder, "--import", str(folder / "postrun.sqlite3"))
    assert refused.returncode == 1
    assert "Nothing was imported" in refused.stderr


def test_a_log_that_cannot_be_read_at_all_exports_nothing_and_says_so(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "postrun.sqlite3").mkdir()             # a folder where the file belongs
    for args in ((), ("--json",), ("--csv",), ("--balance",)):
        done = history(folder, *args)
        assert done.returncode == 1, args
        assert done.stdout == ""
        assert "could not be read" in done.stderr


def test_an_unreadable_log_is_not_complete_but_a_missing_one_is(tmp_path):
    (tmp_path / "postrun.sqlite3").mkdir()
    unreadable = WorkoutLog.open(tmp_path / "postrun.sqlite3")
    assert not unreadable.complete
    unreadable.close()
    blocker = tmp_path / "file"
    blocker.write_text("")
    missing = WorkoutLog.open(blocker / "postrun.sqlite3")        # no folder can be made: no workouts either
    assert missing.state is LogState.MEMORY
    assert missing.complete
    missing.close()


@pytest.mark.parametrize(("args", "words"), [
    (("--circuit", "nosuch"), "No workouts of “nosuch” ({n} in the log)."),
    (("--since", "2099-01-01"), "No workouts since 2099-01-01 ({n} in the log)."),
    (("--circuit", "nosuch", "--since", "2099-01-01"), "No workouts of “nosuch” since 2099-01-01 ({n} in the log)."),
])
def test_a_filter_that_matches_nothing_says_what_it_filtered(tmp_path, args, words):
    drafts = seeded(tmp_path / "data")
    done = history(tmp_path / "data", *args)
    assert done.returncode == 0
    assert done.stdout.strip() == words.format(n=len(drafts))
