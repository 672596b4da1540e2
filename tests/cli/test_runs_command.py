"""`postrun runs`: import files, folders and Strava exports with one line per file, type a
run, list them (as JSON too), and what today's run suggests. The listing is run with the
tests' wall clock; the import also as a real subprocess, as a user runs it."""

import json
import os
import subprocess
import sys
from datetime import timedelta

from fit_writer import FitRun, fit_file
from postrun.cli import build_parser
from postrun.cli_runs import cmd_runs
from run_files import gpx, strava_zip


def runs(*argv, now):
    return cmd_runs(build_parser().parse_args(["runs", *argv]), now=now)


def test_import_says_what_became_of_each_file_and_exits_1_when_one_was_refused(tmp_path, data_dir):
    (tmp_path / "run.fit").write_bytes(fit_file(FitRun()))
    (tmp_path / "ride.fit").write_bytes(fit_file(FitRun(sport="cycling")))
    (tmp_path / "cut.fit").write_bytes(fit_file(FitRun())[:-9])
    env = dict(os.environ, POSTRUN_DATA_DIR=str(data_dir))
    done = subprocess.run([sys.executable, "-m", "postrun", "runs", "import", str(tmp_path)], capture_output=True,
                          text=True, env=env, timeout=60)
    assert done.stdout.splitlines() == ["cut.fit: not imported, cut short (it ends part-way through)",
                                        "ride.fit: skipped, a cycling activity, not a run",
                                        "run.fit: imported",
                                        "Runs: 1 imported, 1 skipped, 1 not imported."]
    assert done.returncode == 1
    again = subprocess.run([sys.executable, "-m", "postrun", "runs", "import", str(tmp_path / "run.fit")],
                           capture_output=True, text=True, env=env, timeout=60)
    assert again.stdout.splitlines() == ["run.fit: already there", "Runs: 1 already there."]
    assert again.returncode == 0


def test_a_strava_export_from_the_command_line(tmp_path, now, capsys):
    assert runs("import", str(strava_zip(tmp_path / "export.zip")), now=now) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "Runs: 4 imported, 1 skipped."


def test_typed_listed_and_advised(tmp_path, now, capsys):
    moment = now()
    (tmp_path / "old.gpx").write_bytes(gpx(moment - timedelta(days=3)))
    runs("import", str(tmp_path / "old.gpx"), now=now)
    assert runs("add", "--time", "47:10", "--distance", "8,2", "--kind", "intervals", "--effort", "8", now=now) == 0
    out = capsys.readouterr().out
    finished = moment - timedelta(minutes=47, seconds=10)
    assert f"Added: {finished:%H:%M}, 8.2 km in 47:10, intervals, effort 8." in out
    assert runs(now=now) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{moment:%Y-%m-%d}  {finished:%H:%M}, 8.2 km in 47:10, intervals")
    assert lines[0].endswith("(typed)")
    assert lines[-2] == "Today: After today's run (intervals, effort 8 or more): fewer rounds."
    assert lines[-1] == f"Strength after 0 of {1 + ((moment - timedelta(days=3)).month == moment.month)} runs this " \
                        "month."
    assert runs("--json", "--since", f"{moment:%Y-%m-%d}", now=now) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(r["kind"], r["effort"], r["distance_m"], r["device"]) for r in data] == [("intervals", 8, 8200.0,
                                                                                      "typed")]


def test_a_typing_mistake_is_said_and_nothing_added(now, capsys, log):
    assert runs("add", "--time", "47:70", now=now) == 2
    assert "time: “47:70” has minutes or seconds of 60 or more" in capsys.readouterr().err
    assert runs(now=now) == 0
    assert capsys.readouterr().out.startswith("No runs yet.")


def test_history_json_carries_the_runs_and_its_import_adds_them(tmp_path):
    def postrun(*argv, data):
        env = dict(os.environ, POSTRUN_DATA_DIR=str(data))
        return subprocess.run([sys.executable, "-m", "postrun", *argv], capture_output=True, text=True, env=env,
                              timeout=60)

    (tmp_path / "run.fit").write_bytes(fit_file(FitRun()))
    assert postrun("runs", "import", str(tmp_path / "run.fit"), data=tmp_path / "a").returncode == 0
    exported = postrun("history", "--json", data=tmp_path / "a")
    assert exported.returncode == 0
    document = json.loads(exported.stdout)
    assert document["workouts"] == []
    [run] = document["runs"]
    assert run["distance_m"] == 8200.0
    assert run["started_at"] == "2026-12-07T17:02:00+00:00"
    (tmp_path / "export.json").write_text(exported.stdout)
    merged = postrun("history", "--import", str(tmp_path / "export.json"), data=tmp_path / "b")
    assert merged.stdout.splitlines() == [f"Imported 0 workouts from {tmp_path / 'export.json'}.", "Imported 1 run."]
    again = postrun("history", "--import", str(tmp_path / "export.json"), data=tmp_path / "b")
    assert again.stdout.splitlines()[-1] == "Imported 0 runs; 1 already in your log."
    listed = postrun("runs", "--json", data=tmp_path / "b")
    assert json.loads(listed.stdout) == document["runs"]
    of_one = postrun("history", "--json", "--circuit", "posterior-chain", data=tmp_path / "a")
    assert json.loads(of_one.stdout)["runs"] == []          # an export of one circuit has no runs
