"""Runs brought in: a 4-hour FIT file with one record a second (as a watch writes them: ten
fields a record) beside fitdecode decoding every message of it; a Strava export of 2,000
activities (45-minute runs, .fit.gz from a watch and a share of .gpx.gz from a phone)
imported from the command line beside unzipping its members in memory; the circuit list's
first paint with a watched folder of 2,000 run files beside none, and the folder's reads
(the first, which imports them, and each one after, which only lists them).

Targets: the FIT file <= 0.5 s; the export <= 20 s; first paint with the folder within
noise of none.
Run: .venv/bin/python benchmarks/runs.py [--runs N] [--offscreen] [--gpx-share 0.1]
(first paint on a real X server, Xvfb, unless --offscreen or Xvfb is missing)
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))      # the tests' FIT writer and GPX maker
from _table import median, print_table  # noqa: E402
from _xvfb import Xvfb  # noqa: E402
from fit_writer import FitRun, fit_file  # noqa: E402
from run_files import activity_row, csv_bytes, gpx  # noqa: E402
from startup import measure as measure_startup  # noqa: E402

ACTIVITIES = 2_000
FOLDER_FILES = 2_000
RUN_SECONDS = 45 * 60
START = datetime(2021, 1, 4, 17, 0, tzinfo=UTC)


def timed(work, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        samples.append(time.perf_counter() - started)
    return samples


def four_hour_fit(runs: int) -> list[list[object]]:
    import fitdecode

    from postrun.store.fit_run import fit_run

    data = fit_file(FitRun(seconds=4 * 3600, records=None, full_records=True, distance_m=40_000.0))

    def every_message() -> None:
        with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE) as fit:
            for _ in fit:
                pass

    ours = median(timed(lambda: fit_run(data, "long.fit"), runs))
    whole = median(timed(every_message, max(1, runs // 2)))
    return [["4-hour FIT (14,400 records, 10 fields): Postrun reads it", f"{ours * 1000:.1f} ms", "<= 500 ms"],
            ["  reference: fitdecode decoding every message", f"{whole * 1000:.1f} ms", ""]]


def strava_export(path: Path, gpx_share: float) -> Path:
    rows, every = [], round(1 / gpx_share) if gpx_share else 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for number in range(ACTIVITIES):
            start = START + timedelta(days=number, minutes=number % 50)
            if every and number % every == 0:
                name = f"activities/{number}.gpx.gz"
                data = gzip.compress(gpx(start, points=RUN_SECONDS, step_s=1), 6)
            else:
                name = f"activities/{number}.fit.gz"
                data = gzip.compress(fit_file(FitRun(start=start, seconds=RUN_SECONDS, records=None,
                                                     full_records=True, distance_m=8000.0 + number % 40 * 100)), 6)
            archive.writestr(name, data)
            rows.append(activity_row(number, start, "Run", name, seconds=RUN_SECONDS))
        archive.writestr("activities.csv", csv_bytes(rows))
    return path


def export_import(gpx_share: float) -> list[list[object]]:
    with tempfile.TemporaryDirectory(prefix="postrun-bench-") as folder:
        export = strava_export(Path(folder) / "export.zip", gpx_share)
        started = time.perf_counter()
        with zipfile.ZipFile(export) as archive:
            for member in archive.infolist():
                gzip.decompress(archive.read(member)) if member.filename.endswith(".gz") else archive.read(member)
        unzip = time.perf_counter() - started
        env = dict(os.environ, POSTRUN_DATA_DIR=str(Path(folder) / "data"))
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "postrun", "runs", "import", str(export)], env=env,
                              capture_output=True, text=True, timeout=600)
        imported = time.perf_counter() - started
        last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr.strip()
        size = export.stat().st_size / 1e6
    share = "all GPX" if gpx_share == 1 else f"{gpx_share:.0%} GPX" if gpx_share else "all FIT"
    return [[f"Strava export, {ACTIVITIES:,} runs ({share}, {size:.0f} MB zip): postrun runs import",
             f"{imported:.1f} s", "<= 20 s"],
            [f"  it said: {last}", "", ""],
            ["  reference: unzipping and gunzipping every member in memory", f"{unzip:.1f} s", ""]]


def watched_folder(folder: Path) -> Path:
    activity = folder / "GARMIN" / "Activity"
    activity.mkdir(parents=True)
    for number in range(FOLDER_FILES):
        start = START + timedelta(days=number)
        (activity / f"{start:%Y-%m-%d-%H-%M-%S}.fit").write_bytes(
            fit_file(FitRun(start=start, seconds=RUN_SECONDS, records=120, full_records=True)))
    return folder / "GARMIN"


def folder_reads(folder: Path, data: Path) -> list[list[object]]:
    os.environ["POSTRUN_DATA_DIR"] = str(data)
    from postrun.store.run_folder import read_run_folder
    from postrun.store.workout_log import WorkoutLog

    log = WorkoutLog.open()
    started = time.perf_counter()
    first = read_run_folder(log, folder)
    first_s = time.perf_counter() - started
    again = median(timed(lambda: read_run_folder(log, folder), 5))
    log.close()
    return [[f"watched folder of {FOLDER_FILES:,} files: first read (imports {len(first):,})",
             f"{first_s:.1f} s", "after first paint"],
            ["  each read after it (nothing new: a listing)", f"{again * 1000:.1f} ms", ""]]


def first_paint(runs: int, offscreen: bool) -> list[list[object]]:
    with tempfile.TemporaryDirectory(prefix="postrun-bench-") as folder:
        root = Path(folder)
        watched = watched_folder(root)
        plain, with_folder = root / "plain", root / "watching"
        plain.mkdir()
        with_folder.mkdir()
        (with_folder / "settings.json").write_text(json.dumps({"run_folder": str(watched)}))
        rows = folder_reads(watched, root / "reads")

        def env_for(data: Path, display: str | None) -> dict[str, str]:
            env = dict(os.environ, POSTRUN_EXIT_AFTER_FIRST_PAINT="1", POSTRUN_DATA_DIR=str(data))
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            if display:
                env.update(QT_QPA_PLATFORM="xcb", DISPLAY=display)
            else:
                env["QT_QPA_PLATFORM"] = "offscreen"
            return env

        def measure_all(display: str | None) -> tuple[float, float]:
            command = [sys.executable, "-m", "postrun"]
            measure_startup(command, env_for(plain, display))
            measure_startup(command, env_for(with_folder, display))
            without, with_ = [], []
            for _ in range(runs):      # interleaved: both see the same machine
                without.append(measure_startup(command, env_for(plain, display))[0])
                with_.append(measure_startup(command, env_for(with_folder, display))[0])
            return median(without), median(with_)

        if offscreen or not Xvfb.available():
            without, with_ = measure_all(None)
            where = "offscreen"
        else:
            with Xvfb() as screen:
                without, with_ = measure_all(screen.display)
            where = "Xvfb"
    return [[f"first paint of the list, watching {FOLDER_FILES:,} files ({where})", f"{with_ * 1000:.0f} ms",
             f"{with_ / without:.2f}x of none"],
            ["  reference: no folder watched", f"{without * 1000:.0f} ms", ""], *rows]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--offscreen", action="store_true")
    parser.add_argument("--gpx-share", type=float, default=0.1, help="the share of the export's runs that are GPX")
    args = parser.parse_args()
    rows = four_hour_fit(args.runs)
    for share in dict.fromkeys([0.0, args.gpx_share, 1.0]):      # a watch's, a mix, a phone's
        rows += export_import(share)
    rows += first_paint(args.runs, args.offscreen)
    print_table(["what", "measured", "target"], rows)


if __name__ == "__main__":
    main()
