"""`postrun history` as a user runs it: listing, filters, exports, the balance and merging
an export from another computer, in real subprocesses."""

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date

from helpers import seeded_folder


def postrun(*args, data_dir):
    env = dict(os.environ, POSTRUN_DATA_DIR=str(data_dir))
    return subprocess.run([sys.executable, "-m", "postrun", "history", *args], capture_output=True, text=True,
                          env=env, timeout=60)


def seeded(folder):
    """The history of 12 weeks up to the real today: the subprocess lives in the real now,
    so its "this week" is today's. Assertions compare with these drafts, never with today."""
    return seeded_folder(folder, date.today())


def test_an_empty_history_says_what_will_appear(tmp_path):
    result = postrun(data_dir=tmp_path / "d")
    assert result.returncode == 0
    assert "No workouts yet" in result.stdout


def test_lists_newest_first_with_filters(tmp_path):
    drafts = seeded(tmp_path / "d")
    result = postrun(data_dir=tmp_path / "d")
    lines = result.stdout.splitlines()
    assert len(lines) == len(drafts) + 1
    newest = max(drafts, key=lambda d: d.started_at)
    assert lines[0].startswith(newest.started_at.strftime("%Y-%m-%d %H:%M %z"))
    assert "stopped at Kettlebell windmills (left), round 1" in result.stdout
    assert lines[-1].startswith(f"{len(drafts)} workouts")
    quads = postrun("--circuit", "quad-circuit", data_dir=tmp_path / "d")
    assert len(quads.stdout.splitlines()) == 2
    bad = postrun("--since", "26/11/2026", data_dir=tmp_path / "d")
    assert bad.returncode == 2
    assert "YYYY-MM-DD" in bad.stderr


def test_json_export_moves_to_a_new_laptop_once(tmp_path):
    drafts = seeded(tmp_path / "old")
    exported = postrun("--json", data_dir=tmp_path / "old")
    assert exported.returncode == 0
    doc = json.loads(exported.stdout)
    assert doc["format"] == 1
    assert len(doc["workouts"]) == len(drafts)
    path = tmp_path / "history.json"
    path.write_text(exported.stdout)
    first = postrun("--import", str(path), data_dir=tmp_path / "new")
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == f"Imported {len(drafts)} workouts from {path}."
    second = postrun("--import", str(path), data_dir=tmp_path / "new")
    assert second.stdout.strip() == f"Imported 0 workouts from {path}; {len(drafts)} already in your log."
    assert json.loads(postrun("--json", data_dir=tmp_path / "new").stdout) == doc


def test_csv_export(tmp_path):
    drafts = seeded(tmp_path / "d")
    rows = list(csv.DictReader(io.StringIO(postrun("--csv", data_dir=tmp_path / "d").stdout)))
    assert len(rows) == len(drafts)
    assert {r["id"] for r in rows} == {d.uuid for d in drafts}


def test_a_malformed_import_explains_and_changes_nothing(tmp_path):
    drafts = seeded(tmp_path / "d")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": 1, "kind": "postrun-workouts",
                               "workouts": [{"circuit_key": "x", "started_at": "soon", "status": "completed"}]}))
    result = postrun("--import", str(bad), data_dir=tmp_path / "d")
    assert result.returncode == 1
    assert "workouts[1].started_at: must be a date and time" in result.stderr
    assert "Nothing was imported" in result.stderr
    assert len(postrun(data_dir=tmp_path / "d").stdout.splitlines()) == len(drafts) + 1


def test_balance_prints_bars_and_the_sentence(tmp_path):
    # the weeks are the real today's: a run that straddles midnight seeds again on the new day
    for attempt in range(2):
        day = date.today()
        seeded(tmp_path / f"d{attempt}")
        result = postrun("--balance", data_dir=tmp_path / f"d{attempt}")
        if date.today() == day:
            break
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("posterior chain")
    assert lines[0].endswith("min")
    assert any(line.startswith("quads") and line.endswith("0 min") for line in lines)
    assert any(line.startswith("Last 4 weeks: posterior chain") and "A quad circuit" in line for line in lines)
    assert "Suggested: postrun run quad-circuit" in lines
    assert any(line.startswith("This week:") and "Streak: 5 weeks" in line for line in lines)



def test_an_export_to_a_full_disk_says_so(tmp_path):
    seeded(tmp_path / "d")
    env = dict(os.environ, POSTRUN_DATA_DIR=str(tmp_path / "d"), PYTHONUNBUFFERED="1")
    with open("/dev/full", "w") as full:           # every write: no space left on device
        result = subprocess.run([sys.executable, "-m", "postrun", "history", "--json"], stdout=full,
                                stderr=subprocess.PIPE, text=True, env=env, timeout=60)
    assert result.returncode == 1
    assert "the export is incomplete" in result.stderr


def test_an_import_into_a_log_that_cannot_be_written_changes_nothing(tmp_path):
    drafts = seeded(tmp_path / "old")
    path = tmp_path / "history.json"
    path.write_text(postrun("--json", data_dir=tmp_path / "old").stdout)
    (tmp_path / "new" / "postrun.sqlite3").mkdir(parents=True)     # a folder where the log belongs
    result = postrun("--import", str(path), data_dir=tmp_path / "new")
    assert result.returncode == 1
    assert "the workout log cannot be written" in result.stderr
    assert result.stderr.strip().endswith("Nothing was imported.")
    assert len(drafts) > 0
