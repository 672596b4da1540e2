"""Runs brought in from folders and Strava exports, each once: the same file or an export
that overlaps the watch's files twice changes nothing; a hostile export imports nothing."""

import gzip
import shutil
import zipfile

import pytest

from fit_writer import FitRun, fit_file
from postrun.store.run_import import import_runs, run_files_in, tally
from run_files import START, csv_bytes, gpx, strava_files, strava_folder, strava_zip, tcx


def states(outcomes):
    return [(o.result.name.rsplit("/", 1)[-1], o.state) for o in outcomes]


def test_a_watch_folder_is_read_below_and_each_run_stored_once(log, tmp_path):
    activity = tmp_path / "GARMIN" / "Activity"
    activity.mkdir(parents=True)
    (activity / "a.fit").write_bytes(fit_file(FitRun()))
    (activity / "b.gpx").write_bytes(gpx(START.replace(day=6)))
    (activity / "notes.txt").write_text("hello")
    first = import_runs(log, [tmp_path / "GARMIN"])
    assert states(first) == [("a.fit", "imported"), ("b.gpx", "imported")]
    (activity / "a-copy.fit.gz").write_bytes(gzip.compress(fit_file(FitRun())))
    again = import_runs(log, [tmp_path / "GARMIN"])
    assert states(again) == [("a-copy.fit.gz", "already there"), ("a.fit", "already there"),
                             ("b.gpx", "already there")]
    assert tally(again) == "3 already there"
    assert len(log.runs()) == 2
    assert log.runs()[1].source == "a.fit"


@pytest.mark.parametrize("shape", ["zip", "zip in a folder", "folder"])
def test_a_strava_export_brings_its_runs_and_lists_the_rest_as_skipped(log, tmp_path, shape):
    if shape == "folder":
        path = strava_folder(tmp_path / "export_123")
    else:
        path = strava_zip(tmp_path / "export_123.zip", folder="export_123/" if shape == "zip in a folder" else "")
    outcomes = import_runs(log, [path])
    assert [o.state for o in outcomes] == ["imported", "imported", "imported", "skipped", "imported"]
    assert outcomes[3].line == "activities/1003.fit.gz: skipped, a ride activity, not a run"
    runs = log.runs()
    assert len(runs) == 4
    manual = [r for r in runs if r.device == "Strava"]
    assert manual[0].distance_m == 5000.0                 # from activities.csv: it has no file
    assert {r.source for r in runs} == {"Strava export"}


def test_an_export_that_overlaps_the_watchs_files_adds_nothing_twice(log, tmp_path):
    rows, files = strava_files(1)
    (tmp_path / "watch.fit").write_bytes(gzip.decompress(files["activities/1000.fit.gz"]))
    assert states(import_runs(log, [tmp_path / "watch.fit"])) == [("watch.fit", "imported")]
    export = strava_zip(tmp_path / "export.zip", count=1)
    assert states(import_runs(log, [export])) == [("1000.fit.gz", "already there")]
    assert len(log.runs()) == 1


def hostile_zip(path, members):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize(("members", "words"), [
    ({"activities.csv": csv_bytes([]), "../../evil.fit": b"x"}, "would land outside the export"),
    ({"activities.csv": csv_bytes([]), "/etc/passwd": b"x"}, "would land outside the export"),
    ({"activities.csv": csv_bytes([]), "C:\\evil.fit": b"x"}, "would land outside the export"),
    ({"notes.txt": b"hello"}, "no activities.csv"),
    ({"activities.csv": b"a,b,c\n1,2,3\n"}, "no “Activity Date” and “Activity Type” columns"),
])
def test_a_hostile_or_foreign_zip_imports_nothing(log, tmp_path, members, words):
    rows, files = strava_files(3)
    good = {"activities.csv": csv_bytes(rows), **files}
    path = hostile_zip(tmp_path / "export.zip", {**good, **members} if "activities.csv" in members else members)
    outcomes = import_runs(log, [path])
    assert len(outcomes) == 1
    assert outcomes[0].state == "not imported"
    assert words in outcomes[0].line
    assert log.runs() == []


def test_a_member_that_expands_over_the_limit_imports_nothing(log, tmp_path, monkeypatch):
    import postrun.store.strava_export as strava

    monkeypatch.setattr(strava, "MAX_FILE_BYTES", 1024 * 1024)
    rows, files = strava_files(3)
    files["activities/1002.tcx"] = tcx() + b" " * (3 * 1024 * 1024)
    path = hostile_zip(tmp_path / "export.zip", {"activities.csv": csv_bytes(rows), **files})
    outcomes = import_runs(log, [path])
    assert "expands to more than 1 MB" in outcomes[0].line
    assert log.runs() == []


def test_a_zip_of_thousands_of_files_is_refused_unread(log, tmp_path, monkeypatch):
    import postrun.store.strava_export as strava

    monkeypatch.setattr(strava, "MAX_MEMBERS", 2000)
    members = {"activities.csv": csv_bytes([])} | {f"activities/{n}.gpx": b"" for n in range(2001)}
    outcomes = import_runs(log, [hostile_zip(tmp_path / "export.zip", members)])
    assert "holds 2,002 files, more than the 2,000" in outcomes[0].line


def test_a_folder_that_goes_away_while_read_imports_nothing(log, tmp_path):
    path = strava_folder(tmp_path / "export", count=10)

    def unplugged(done, total):
        if done == 4:
            shutil.rmtree(path)

    from postrun.store.run_import import import_runs as bring

    outcomes = bring(log, [path], progress=unplugged)
    assert len(outcomes) == 1
    assert "went away while it was read" in outcomes[0].line
    assert log.runs() == []


def test_a_watch_folder_that_goes_away_keeps_what_was_read_and_says_the_rest(log, tmp_path):
    folder = tmp_path / "Activity"
    folder.mkdir()
    for n in range(4):
        (folder / f"{n}.fit").write_bytes(fit_file(FitRun(start=START.replace(day=1 + n))))

    def unplugged(done, total):
        if done == 2:
            shutil.rmtree(folder)

    outcomes = import_runs(log, [folder], progress=unplugged)
    assert [o.state for o in outcomes] == ["imported", "not imported", "not imported", "not imported"]
    assert outcomes[1].line == "1.fit: not imported, No such file or directory"


def test_a_folder_of_more_files_than_any_watch_holds_is_said(tmp_path, monkeypatch):
    import postrun.store.run_import as run_import

    monkeypatch.setattr(run_import, "MAX_FOLDER_FILES", 3)
    for n in range(5):
        (tmp_path / f"{n}.fit").write_bytes(b"")
    with pytest.raises(OSError, match="more than 3 run files"):
        run_files_in(tmp_path)
