"""GPX read from the tree defusedxml checked, measured by gpxpy's own objects: the same
start, length, moving time and heart rate as gpxpy's parser finds in the whole file, for
tracks of several segments, times with fractions and offsets, and points without a time."""

from datetime import UTC, datetime, timedelta

import gpxpy
import pytest

from postrun.store.run_file import run_from_bytes
from postrun.store.xml_runs import XmlRunError, gpx_run
from run_files import gpx


def two_segments() -> bytes:
    one = gpx(points=300, step_s=1).decode()
    later = gpx(start=datetime(2026, 12, 7, 17, 30, tzinfo=UTC), points=200, step_s=2, heart_rate=False).decode()
    segment = later.split("<trkseg>", 1)[1].split("</trkseg>", 1)[0]
    return one.replace("</trkseg>", f"</trkseg><trkseg>{segment}</trkseg>", 1).encode()


def offsets_and_fractions() -> bytes:
    text = gpx(points=120, step_s=5).decode()
    return text.replace(":00Z</time>", ":00.250+01:00</time>").replace("17:", "18:").encode()


def untimed_points() -> bytes:
    text = gpx(points=100, step_s=3).decode()
    return text.replace("<time>2026-12-07T17:02:03Z</time>", "", 1).encode()


@pytest.mark.parametrize("data", [gpx(points=2700, step_s=1), gpx(points=60, heart_rate=False), two_segments(),
                                  offsets_and_fractions(), untimed_points()],
                         ids=["long", "no heart rate", "two segments", "offsets", "untimed"])
def test_the_same_as_gpxpys_parser_finds(data):
    whole = gpxpy.parse(data.decode())
    run = gpx_run(data, "a.gpx")
    times = [p.time for t in whole.tracks for s in t.segments for p in s.points if p.time]
    assert run.started_at == times[0]
    assert run.elapsed_seconds == (times[-1] - times[0]).total_seconds()
    assert run.distance_m == pytest.approx(whole.length_2d())
    assert run.moving_seconds == pytest.approx(whole.get_moving_data().moving_time)


@pytest.mark.parametrize(("point", "words"), [
    ('<trkpt lon="4.0"><time>2026-12-07T17:02:00Z</time></trkpt>', "a track point without a latitude"),
    ('<trkpt lat="north" lon="4.0"><time>2026-12-07T17:02:00Z</time></trkpt>', "a track point without a latitude"),
    ('<trkpt lat="91" lon="4.0"><time>2026-12-07T17:02:00Z</time></trkpt>', "which is not on Earth"),
])
def test_a_point_that_is_no_place_is_refused_in_words(point, words):
    data = gpx(points=10).decode().replace("<trkseg>", f"<trkseg>{point}", 1).encode()
    with pytest.raises(XmlRunError, match=words):
        gpx_run(data, "a.gpx")
    assert words in run_from_bytes("a.gpx", data).line


def test_a_start_is_the_first_timed_point_across_tracks():
    data = gpx(start=datetime(2026, 12, 7, 6, 0, tzinfo=UTC), points=30).decode()
    assert gpx_run(data.encode(), "a.gpx").started_at == datetime(2026, 12, 7, 6, 0, tzinfo=UTC)
    assert gpx_run(data.encode(), "a.gpx").elapsed_seconds == timedelta(seconds=290).total_seconds()
