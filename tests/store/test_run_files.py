"""Run files as the watches and apps write them, and the files that must be refused: each
gives a line in words, quickly and in bounded memory, and nothing half-imported."""

import gzip
import io
import os
import resource
import time
from datetime import UTC, datetime

import fitdecode
import pytest

from fit_writer import FitRun, fit_file, later
from postrun.core.run import Run
from postrun.store.run_file import run_from_bytes, run_from_file
from run_files import BILLION_LAUGHS, START, gpx, tcx


def read(name, data):
    return run_from_bytes(name, data)


def test_the_test_fit_files_decode_in_fitdecode_as_a_devices_would():
    data = fit_file(FitRun(records=30, training_effect=3.4, sub_sport="trail"))
    names = []
    with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE,
                             error_handling=fitdecode.ErrorHandling.RAISE) as fit:
        for frame in fit:
            if isinstance(frame, fitdecode.FitDataMessage):
                names.append(frame.name)
                if frame.name == "session":
                    assert frame.get_value("total_training_effect") == pytest.approx(3.4)
                    assert frame.get_value("sub_sport") == "trail"
    assert names == ["file_id", *["record"] * 30, "session"]


def test_a_watchs_run_from_its_session_summary():
    result = read("2026-12-07-17-02-00.fit", fit_file(FitRun(records=120, training_effect=4.1, timer_seconds=2800)))
    run = result.run
    assert result.refused is None
    assert run.started_at == START
    assert (run.elapsed_seconds, run.moving_seconds, run.distance_m) == (2830.0, 2800.0, 8200.0)
    assert (run.average_heart_rate, run.max_heart_rate, run.training_effect) == (152, 178, pytest.approx(4.1))
    assert run.device == "garmin 3456789012"
    assert run.source == "2026-12-07-17-02-00.fit"


def test_a_treadmill_run_has_no_track_and_needs_none():
    run = read("t.fit", fit_file(FitRun(records=0, sub_sport="treadmill", distance_m=6000.0))).run
    assert run is not None
    assert (run.sub_sport, run.distance_m) == ("treadmill", 6000.0)


def test_a_file_without_a_summary_is_summed_from_its_records():
    run = read("r.fit", fit_file(FitRun(records=600, seconds=600, session=False))).run
    assert run is not None
    assert run.elapsed_seconds == 599.0
    assert run.average_heart_rate == pytest.approx(149, abs=1)


def test_compressed_fit_gpx_and_tcx():
    fit = read("a.fit.gz", gzip.compress(fit_file(FitRun()))).run
    track = read("b.gpx", gpx()).run
    lap = read("c.tcx", tcx()).run
    assert fit.started_at == track.started_at == lap.started_at == START
    assert track.elapsed_seconds == 590.0
    assert track.average_heart_rate == 150             # Garmin's TrackPointExtension
    assert track.distance_m == pytest.approx(1970, rel=0.05)
    assert (lap.distance_m, lap.average_heart_rate, lap.max_heart_rate, lap.device) == (8200.0, 150, 171,
                                                                                         "Forerunner 255")


@pytest.mark.parametrize(("name", "data", "sport"), [
    ("ride.fit", fit_file(FitRun(sport="cycling")), "cycling"),
    ("swim.fit", fit_file(FitRun(sport="swimming")), "swimming"),
    ("hike.gpx", gpx(kind="hiking"), "hiking"),
    ("bike.tcx", tcx(sport="Biking"), "biking"),
])
def test_other_sports_are_skipped_with_their_sport(name, data, sport):
    result = read(name, data)
    assert result.run is None
    assert result.skipped == f"a {sport} activity, not a run"


GOOD = fit_file(FitRun(records=40))


@pytest.mark.parametrize(("name", "data", "words"), [
    ("crc.fit", GOOD[:-2] + bytes([GOOD[-2] ^ 0xFF, GOOD[-1]]), "CRC does not match"),
    ("body.fit", GOOD[:200] + bytes([GOOD[200] ^ 0x55]) + GOOD[201:], "CRC does not match"),
    ("cut.fit", GOOD[: len(GOOD) // 2], "cut short"),
    ("tiny.fit", GOOD[:10], "not a FIT file"),
    # FIT holds a distance as centimetres in 32 bits: 40,000 km is as absurd as it can write
    ("far.fit", fit_file(FitRun(raw_overrides={"total_distance": 4_000_000_000})), "more than the 400 km"),
    ("far.tcx", tcx(metres=1e9), "more than the 400 km"),
    ("negative.tcx", tcx(seconds=-100), "not a run's length"),
    ("never.fit", fit_file(FitRun(raw_overrides={"start_time": 0})), "before 1990"),
    ("zero.fit", fit_file(FitRun(raw_overrides={"total_elapsed_time": 0})), "not a run's length"),
    ("text.fit", b"hello, this is not a FIT file at all" * 10, "not a FIT file"),
    ("bad.fit.gz", b"\x1f\x8b\x08\x00garbage", "not gzip"),
    ("not.gpx", b"this is not xml <<<", "not XML"),
    ("laughs.gpx", BILLION_LAUGHS, "declares a DTD or entities"),
    ("laughs.tcx", BILLION_LAUGHS.replace(b"gpx", b"TrainingCenterDatabase"), "declares a DTD or entities"),
    ("external.gpx", b'<?xml version="1.0"?><!DOCTYPE gpx SYSTEM "http://x/evil.dtd"><gpx/>', "declares a DTD"),
    ("back.gpx", gpx(step_s=-10), "not a run's length"),
    ("old.gpx", gpx(start=datetime(1900, 1, 1, tzinfo=UTC)), "before 1990"),
    ("empty.gpx", gpx(points=0), "no track points"),
    ("html.gpx", b"<html><body>hello</body></html>", "not GPX"),
    ("song.mp3", b"ID3", "not a run file"),
])
def test_bad_files_are_refused_in_words(name, data, words):
    result = read(name, data)
    assert result.run is None
    assert words in (result.refused or ""), result
    assert result.line.startswith(f"{name}: not imported, ")


def test_a_billion_laughs_is_refused_at_once_in_bounded_memory():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    result = read("laughs.gpx", BILLION_LAUGHS)
    assert time.perf_counter() - started < 0.5
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000     # KiB
    assert "entities" in result.refused


def test_a_gzip_bomb_is_refused_before_it_expands(monkeypatch):
    import postrun.store.run_file as run_file

    monkeypatch.setattr(run_file, "MAX_FILE_BYTES", 1024 * 1024)
    bomb = gzip.compress(bytes(20 * 1024 * 1024))
    assert "expands to more than 1 MB" in run_from_bytes("bomb.fit.gz", bomb).refused


def test_what_is_not_a_file_is_not_read(tmp_path):
    fifo = tmp_path / "watch.fit"
    os.mkfifo(fifo)
    loop = tmp_path / "loop.fit"
    loop.symlink_to(loop)
    folder = tmp_path / "folder.fit"
    folder.mkdir()
    started = time.perf_counter()
    assert run_from_file(fifo).refused == "a named pipe, not a file: not read"
    assert run_from_file(loop).refused == "a link that points round in a loop"
    assert run_from_file(folder).refused == "a folder, not a file: not read"
    assert run_from_file(tmp_path / "gone.fit").refused == "No such file or directory"
    assert time.perf_counter() - started < 1


def test_a_200_mb_file_that_is_not_a_run_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "huge.fit"
    with big.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)          # sparse: no 200 MB written to the disk
    started = time.perf_counter()
    assert run_from_file(big).refused == "larger than 64 MB: not a run file"
    assert time.perf_counter() - started < 0.5


def test_the_same_run_has_the_same_id_from_any_file_of_its_device():
    one = read("a.fit", fit_file(FitRun(records=5))).run
    two = read("a.fit.gz", gzip.compress(fit_file(FitRun(records=50)))).run
    other = read("b.fit", fit_file(later(FitRun(), serial=1))).run
    assert one.id == two.id == "2026-12-07T17:02:00Z|garmin 3456789012"
    assert other.id != one.id
    assert isinstance(one, Run)
