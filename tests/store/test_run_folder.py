"""The watched folder: each file read once (a folder of years of files costs a listing),
a file that changes read again, a watch unplugged part-way stores what was read and reads
the rest when it is back, and a damaged record of what was read only means reading again."""

import shutil
from datetime import timedelta

import pytest

import postrun.store.run_import as run_import
from fit_writer import FitRun, fit_file
from postrun.store.run_folder import read_run_folder, seen_path

START = FitRun().start


def watch(folder, count=3):
    activity = folder / "GARMIN" / "Activity"
    activity.mkdir(parents=True, exist_ok=True)
    for day in range(count):
        (activity / f"{day}.fit").write_bytes(fit_file(FitRun(start=START - timedelta(days=day))))
    return folder / "GARMIN"


@pytest.fixture
def reads(monkeypatch):
    """The files read, by name."""
    seen = []
    real = run_import.run_from_file

    def counting(path):
        seen.append(path.name)
        return real(path)

    monkeypatch.setattr(run_import, "run_from_file", counting)
    return seen


def test_each_file_is_read_once(log, tmp_path, reads):
    folder = watch(tmp_path)
    assert [o.state for o in read_run_folder(log, folder)] == ["imported"] * 3
    assert read_run_folder(log, folder) == []
    assert len(reads) == 3
    assert len(log.runs()) == 3


def test_a_file_that_changes_is_read_again(log, tmp_path, reads):
    folder = watch(tmp_path)
    (folder / "Activity" / "0.fit").write_bytes(fit_file(FitRun())[:-20])      # still being copied
    assert sorted(o.state for o in read_run_folder(log, folder)) == ["imported", "imported", "not imported"]
    (folder / "Activity" / "0.fit").write_bytes(fit_file(FitRun()))              # whole now
    assert [o.state for o in read_run_folder(log, folder)] == ["imported"]
    assert len(log.runs()) == 3


def test_a_watch_unplugged_part_way_stores_what_was_read_and_reads_the_rest_later(log, tmp_path):
    folder = watch(tmp_path, count=4)
    kept = tmp_path / "kept"
    shutil.copytree(folder, kept)

    def unplug(done, total):
        if done == 3:
            shutil.rmtree(folder)

    outcomes = read_run_folder(log, folder, unplug)
    assert [o.state for o in outcomes] == ["imported", "imported", "not imported"]
    assert "went away while it was read" in outcomes[-1].line
    assert len(log.runs()) == 2
    shutil.copytree(kept, folder)                                               # plugged in again
    assert sorted(o.state for o in read_run_folder(log, folder)) == [
        "already there", "already there", "imported", "imported"]
    assert len(log.runs()) == 4


def test_a_folder_not_there_is_said_once(log, tmp_path):
    [outcome] = read_run_folder(log, tmp_path / "GARMIN")
    assert "is the watch plugged in?" in outcome.line


@pytest.mark.parametrize("record", [b"{not json", b"[1, 2]", b'{"folder": "/elsewhere", "files": {}}',
                                    b'{"folder": 1, "files": []}', b"\xff\xfe"])
def test_a_damaged_record_of_what_was_read_means_reading_again(log, tmp_path, reads, record):
    folder = watch(tmp_path)
    read_run_folder(log, folder)
    seen_path().write_bytes(record.replace(b"/elsewhere", str(tmp_path / "other").encode()))
    assert sorted(o.state for o in read_run_folder(log, folder)) == ["already there"] * 3
    assert len(log.runs()) == 3
