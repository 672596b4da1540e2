"""A Strava export's GPX runs (a phone's): the summary from activities.csv, the start and
device from the file's first bytes, so each is the same run as its GPX read whole (stored
once either way); a member that is not a GPX, declares a DTD, or is cut short is refused
in words, alone."""

import gzip
import zipfile
from datetime import timedelta

import pytest

from postrun.store.run_file import run_from_bytes
from postrun.store.run_import import import_runs
from postrun.store.strava_export import read_export
from postrun.store.xml_runs import XmlRunError, gpx_head
from run_files import BILLION_LAUGHS, START, activity_row, csv_bytes, gpx


def export(path, members: dict[str, bytes], seconds=2400, metres=8000.0):
    rows = [activity_row(2000 + n, START - timedelta(days=n), "Run", name, seconds=seconds, metres=metres)
            for n, name in enumerate(members)]
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("activities.csv", csv_bytes(rows))
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_a_gpx_run_is_the_csvs_summary_with_the_files_start_and_device(tmp_path):
    track = gpx(START, points=600, step_s=4)
    [result] = read_export(export(tmp_path / "e.zip", {"activities/1.gpx.gz": gzip.compress(track)}))
    whole = run_from_bytes("1.gpx", track).run
    assert result.run is not None
    assert (result.run.id, result.run.started_at, result.run.device) == (whole.id, whole.started_at, whole.device)
    assert (result.run.elapsed_seconds, result.run.distance_m, result.run.average_heart_rate) == (2400, 8000, 151)
    assert result.run.source == "Strava export"


def test_the_same_gpx_run_from_the_export_and_on_its_own_is_stored_once(log, tmp_path):
    track = gpx(START, points=100)
    (tmp_path / "run.gpx").write_bytes(track)
    import_runs(log, [export(tmp_path / "e.zip", {"activities/1.gpx": track})])
    assert [o.state for o in import_runs(log, [tmp_path / "run.gpx"])] == ["already there"]
    assert len(log.runs()) == 1


@pytest.mark.parametrize(("data", "words"), [
    (BILLION_LAUGHS, "declares a DTD or entities"),
    (b"<html><body>not a track</body></html>", "not GPX (its root is <html>)"),
    (b"\x00\x01binary", "not XML"),
    (gzip.compress(gpx())[:-30], "cut short"),
])
def test_a_member_that_is_not_a_gpx_is_refused_alone(tmp_path, data, words):
    name = "activities/2.gpx.gz" if data[:2] == b"\x1f\x8b" else "activities/2.gpx"
    results = list(read_export(export(tmp_path / "e.zip", {"activities/1.gpx": gpx(), name: data})))
    assert results[0].run is not None
    assert results[1].run is None
    assert words in results[1].line


def test_the_head_is_read_from_the_first_bytes_alone():
    track = gpx(START, points=5000, step_s=1)
    creator, first = gpx_head(track)
    assert (creator, first) == ("Garmin Connect", START)
    with pytest.raises(XmlRunError, match="declares a DTD"):
        gpx_head(BILLION_LAUGHS)
