"""Run files for the tests, written by the tests: GPX with Garmin's heart-rate extension,
TCX, and Strava exports (zip or folder) around them. FIT files come from fit_writer."""

from __future__ import annotations

import csv
import gzip
import io
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fit_writer import FitRun, fit_file

START = datetime(2026, 12, 7, 17, 2, tzinfo=UTC)


def gpx(start: datetime = START, points: int = 60, step_s: int = 10, kind: str | None = "running",
        heart_rate: bool = True) -> bytes:
    rows = []
    for n in range(points):
        when = (start + timedelta(seconds=n * step_s)).strftime("%Y-%m-%dT%H:%M:%SZ")
        hr = (f"<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>{140 + n % 20}</gpxtpx:hr>"
              "</gpxtpx:TrackPointExtension></extensions>") if heart_rate else ""
        rows.append(f'<trkpt lat="{52.0 + n * 0.0003:.6f}" lon="4.0"><ele>1.0</ele><time>{when}</time>{hr}</trkpt>')
    kind_tag = f"<type>{kind}</type>" if kind else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="Garmin Connect" '
            'xmlns="http://www.topografix.com/GPX/1/1" '
            'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">'
            f"<trk><name>Evening run</name>{kind_tag}<trkseg>{''.join(rows)}</trkseg></trk></gpx>").encode()


def tcx(start: datetime = START, sport: str = "Running", seconds: float = 2830.0, metres: float = 8200.0) -> bytes:
    stamp = start.strftime("%Y-%m-%dT%H:%M:%SZ")
    end = (start + timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<TrainingCenterDatabase '
            'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
            f'<Activities><Activity Sport="{sport}"><Id>{stamp}</Id><Lap StartTime="{stamp}">'
            f"<TotalTimeSeconds>{seconds}</TotalTimeSeconds><DistanceMeters>{metres}</DistanceMeters>"
            "<AverageHeartRateBpm><Value>150</Value></AverageHeartRateBpm>"
            "<MaximumHeartRateBpm><Value>171</Value></MaximumHeartRateBpm>"
            f"<Track><Trackpoint><Time>{stamp}</Time></Trackpoint><Trackpoint><Time>{end}</Time></Trackpoint>"
            "</Track></Lap><Creator><Name>Forerunner 255</Name></Creator></Activity></Activities>"
            "</TrainingCenterDatabase>").encode()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<gpx version="1.1" creator="x"><trk><name>&lol9;</name></trk></gpx>"""

HEADER = ["Activity ID", "Activity Date", "Activity Name", "Activity Type", "Activity Description", "Elapsed Time",
          "Distance", "Max Heart Rate", "Relative Effort", "Commute", "Activity Private Note", "Activity Gear",
          "Filename", "Athlete Weight", "Bike Weight", "Elapsed Time", "Moving Time", "Distance", "Max Speed",
          "Average Speed", "Average Heart Rate"]


def activity_row(number: int, start: datetime, kind: str, filename: str, seconds: int = 2400,
                 metres: float = 8000.0) -> list[str]:
    row = [""] * len(HEADER)
    row[0], row[1], row[2], row[3] = str(number), start.strftime("%b %d, %Y, %I:%M:%S %p"), "Evening", kind
    row[5], row[6], row[12] = str(seconds), f"{metres / 1000:.2f}", filename
    row[15], row[16], row[17], row[20] = f"{seconds}.0", f"{seconds - 30}.0", f"{metres:.1f}", "151.2"
    return row


def strava_files(count: int = 4, start: datetime = START) -> tuple[list[list[str]], dict[str, bytes]]:
    """`count` activities a day apart: runs as .fit.gz, .gpx.gz and .tcx, a ride, a manual run."""
    rows, files = [], {}
    for n in range(count):
        when = start - timedelta(days=n)
        shape = n % 5
        if shape == 0:
            name = f"activities/{1000 + n}.fit.gz"
            files[name] = gzip.compress(fit_file(FitRun(start=when, serial=4_000_000 + n)))
            rows.append(activity_row(1000 + n, when, "Run", name))
        elif shape == 1:
            name = f"activities/{1000 + n}.gpx.gz"
            files[name] = gzip.compress(gpx(when))
            rows.append(activity_row(1000 + n, when, "Run", name, seconds=590, metres=1800.0))
        elif shape == 2:
            name = f"activities/{1000 + n}.tcx"
            files[name] = tcx(when)
            rows.append(activity_row(1000 + n, when, "Run", name))
        elif shape == 3:
            name = f"activities/{1000 + n}.fit.gz"
            files[name] = gzip.compress(fit_file(FitRun(start=when, sport="cycling")))
            rows.append(activity_row(1000 + n, when, "Ride", name))
        else:
            rows.append(activity_row(1000 + n, when, "Run", "", seconds=1800, metres=5000.0))
    return rows, files


def csv_bytes(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue().encode()


def strava_zip(path: Path, count: int = 5, extra: dict[str, bytes] | None = None, folder: str = "") -> Path:
    rows, files = strava_files(count)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(folder + "activities.csv", csv_bytes(rows))
        for name, data in {**files, **(extra or {})}.items():
            archive.writestr(folder + name, data)
    return path


def strava_folder(path: Path, count: int = 5) -> Path:
    rows, files = strava_files(count)
    (path / "activities").mkdir(parents=True)
    (path / "activities.csv").write_bytes(csv_bytes(rows))
    for name, data in files.items():
        (path / name).write_bytes(data)
    return path
