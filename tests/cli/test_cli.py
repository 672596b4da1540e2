"""The command line as a user runs it: a real subprocess, exit codes and output lines."""

import json
import os
import subprocess
import sys

import pytest

from postrun import __version__


def postrun(*args, data_dir=None):
    env = dict(os.environ)
    if data_dir is not None:
        env["POSTRUN_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, "-m", "postrun", *args], capture_output=True, text=True, env=env, timeout=60,
    )


def test_version():
    result = postrun("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"postrun {__version__}"


def test_list_shows_builtins_and_a_broken_user_file(data_dir):
    (data_dir / "circuits").mkdir(parents=True)
    (data_dir / "circuits" / "oops.toml").write_text("format = 1\nname = 'Oops'\nrounds = 0\n")
    result = postrun("list", data_dir=data_dir)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    chain = next(line for line in lines if line.startswith("posterior-chain "))
    assert "built-in" in chain
    assert "15:15" in chain
    assert "3 exercises" in chain
    assert "Posterior chain after a run" in chain
    oops = next(line for line in lines if line.startswith("oops"))
    assert "user" in oops
    assert "BROKEN" in oops
    assert "rounds: must be from 1 to 50, not 0" in oops


def test_list_columns_stay_in_line_with_rep_sets(data_dir):
    (data_dir / "circuits").mkdir(parents=True)
    (data_dir / "circuits" / "reps.toml").write_text(
        "format = 1\nname = 'Reps'\nrounds = 2\n[[exercise]]\nname = 'Squats'\nreps = 12\n"
        "[[exercise]]\nname = 'Swings'\nwork = 40\n")
    lines = postrun("list", data_dir=data_dir).stdout.splitlines()
    assert any("rep sets" in line for line in lines)
    starts = {line.index(" exercise") - 1 for line in lines if " exercise" in line}
    assert len(starts) == 1, lines                       # every count in one column


def test_list_json(data_dir):
    result = postrun("list", "--json", data_dir=data_dir)
    assert result.returncode == 0
    entries = {e["key"]: e for e in json.loads(result.stdout)}
    quick = entries["posterior-chain-quick"]
    assert quick["source"] == "built-in"
    assert quick["total_seconds"] == 445
    assert quick["exercises"] == 3
    assert quick["error"] is None


def test_check_valid_files_exit_zero(tmp_path):
    good = tmp_path / "good.toml"
    good.write_text("format = 1\nname = 'Good'\n[[exercise]]\nname = 'Swings'\nwork = '40s'\n")
    result = postrun("check", str(good))
    assert result.returncode == 0
    assert result.stdout.splitlines() == [f"{good}: ok"]


def test_check_reports_one_line_per_problem_and_exits_one(tmp_path):
    good = tmp_path / "good.toml"
    good.write_text("format = 1\nname = 'Good'\n[[exercise]]\nname = 'Swings'\nwork = '40s'\n")
    bad = tmp_path / "bad.toml"
    bad.write_text("format = 1\nname = 'Bad'\nrounds = 99\n[[exercise]]\nname = 'a'\nwork = 10\n"
                   "[[exercise]]\nname = 'b'\nwork = '0s'\n")
    result = postrun("check", str(good), str(bad))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{good}: ok",
        f"{bad}:3: rounds: must be from 1 to 50, not 99",
        f"{bad}:9: exercise[2].work: must be longer than zero seconds",
    ]
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00", "binary file"),
        (b"\xff\xfe\x00n\x00a", "binary file"),
        (b"name = 'caf\xe9'", "not UTF-8"),
        (b"format = 1\nname = 'x'\n[[exercise]\n", "not valid TOML"),
        (b"", "'format' is missing"),
    ],
)
def test_check_never_prints_a_traceback_whatever_the_bytes(tmp_path, content, words):
    path = tmp_path / "weird.toml"
    path.write_bytes(content)
    result = postrun("check", str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.startswith(f"{path}")
    assert words in result.stdout


def test_check_missing_file_and_folder(tmp_path):
    result = postrun("check", str(tmp_path / "nope.toml"), str(tmp_path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{tmp_path / 'nope.toml'}: cannot read the file")
    assert lines[1] == f"{tmp_path}: is a folder, not a circuit file"


def test_show_json_matches_the_timeline():
    result = postrun("show", "posterior-chain", "--json")
    assert result.returncode == 0
    shown = json.loads(result.stdout)
    assert shown["name"] == "Posterior chain after a run"
    assert shown["total_seconds"] == 915
    assert shown["segments"][0] == {"kind": "prepare", "exercise": None, "side": None, "round": None,
                                    "seconds": 10, "reps": None}
    assert shown["segments"][1] == {"kind": "work", "exercise": "Cable kickbacks", "side": "left", "round": 1,
                                    "seconds": 40, "reps": None}
    assert shown["segments"][2]["kind"] == "switch"
    assert sum(s["seconds"] for s in shown["segments"]) == 915
    assert {s["kind"] for s in shown["segments"]} == {"prepare", "work", "switch", "rest", "round_rest", "cooldown"}


def test_show_text_lists_every_segment_with_its_start_time():
    result = postrun("show", "Quad day after a run")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Quad day after a run: 3 rounds, 17:50"
    assert any("0:10  WORK" in line and "Goblet squats" in line for line in lines)
    assert lines[-1].strip() == "17:50  END"


def test_show_a_rep_circuit_from_a_path(tmp_path):
    path = tmp_path / "reps.toml"
    path.write_text("format = 1\nname = 'Reps'\nprepare = 5\n[[exercise]]\nname = 'Squats'\nreps = 12\n")
    shown = json.loads(postrun("show", str(path), "--json").stdout)
    assert shown["total_seconds"] is None
    assert shown["timed_seconds"] == 5
    assert shown["segments"][1]["reps"] == 12
    assert shown["segments"][1]["seconds"] is None


def test_show_broken_and_unknown(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("format = 9\n")
    result = postrun("show", str(path))
    assert result.returncode == 1
    assert "newer Postrun" in result.stderr
    result = postrun("show", "no-such-circuit")
    assert result.returncode == 1
    assert "no circuit called 'no-such-circuit'" in result.stderr
    assert "Traceback" not in result.stderr


def test_run_opens_the_window_on_the_circuit(data_dir):
    env = dict(os.environ, POSTRUN_EXIT_AFTER_FIRST_PAINT="1", QT_QPA_PLATFORM="offscreen",
               POSTRUN_DATA_DIR=str(data_dir))
    result = subprocess.run([sys.executable, "-m", "postrun", "run", "quad-circuit"], capture_output=True,
                            text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == "PreviewView"


def test_no_arguments_opens_the_picker(data_dir):
    env = dict(os.environ, POSTRUN_EXIT_AFTER_FIRST_PAINT="1", QT_QPA_PLATFORM="offscreen",
               POSTRUN_DATA_DIR=str(data_dir))
    result = subprocess.run([sys.executable, "-m", "postrun"], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == "PickerView"


def test_run_an_unknown_circuit():
    result = postrun("run", "no-such-circuit")
    assert result.returncode == 1
    assert "no circuit called 'no-such-circuit'" in result.stderr


def test_run_a_circuit_file_from_anywhere(tmp_path, data_dir):
    path = tmp_path / "shared.toml"
    path.write_text("format = 1\nname = 'Shared'\n[[exercise]]\nname = 'Swings'\nwork = 30\n")
    env = dict(os.environ, POSTRUN_EXIT_AFTER_FIRST_PAINT="1", QT_QPA_PLATFORM="offscreen",
               POSTRUN_DATA_DIR=str(data_dir))
    result = subprocess.run([sys.executable, "-m", "postrun", "run", str(path)], capture_output=True,
                            text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == "PreviewView"


def test_without_a_display_the_window_says_so_in_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["POSTRUN_DATA_DIR"] = str(tmp_path)
    result = subprocess.run([sys.executable, "-m", "postrun"], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 1
    assert result.stderr.startswith("postrun: the window needs a desktop session")
    assert len(result.stderr.strip().splitlines()) == 1
    listed = subprocess.run([sys.executable, "-m", "postrun", "list"], capture_output=True, text=True, env=env,
                            timeout=60)
    assert listed.returncode == 0


def test_self_test_runs_every_check_and_passes(tmp_path):
    env = dict(os.environ, POSTRUN_DATA_DIR=str(tmp_path / "must-stay-empty"), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "postrun", "--self-test"], capture_output=True, text=True,
                            env=env, timeout=90)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[1].rstrip(":") for line in lines[:-1]] == ["circuits", "engine", "sound", "log", "runs",
                                                                     "window", "voice"]
    assert all(line.startswith(("ok", "note", "skip")) for line in lines[:-1])
    assert lines[-1] == "all checks passed" or lines[-1].endswith(" skipped")
    assert not (tmp_path / "must-stay-empty").exists()      # the user's data is never touched
    assert "propagateSizeHints" not in result.stderr        # Qt's offscreen note is not the user's business


def test_self_test_without_a_sound_device_skips_the_sound_check_and_says_why(tmp_path):
    """A machine with no sound device cannot say cues are heard: neither "ok" nor a failure."""
    no_devices = tmp_path / "asound.conf"
    no_devices.write_text("# no pcm.default: no device at all\n")
    env = dict(os.environ, POSTRUN_DATA_DIR=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen",
               ALSA_CONFIG_PATH=str(no_devices))
    result = subprocess.run([sys.executable, "-m", "postrun", "--self-test"], capture_output=True, text=True,
                            env=env, timeout=90)
    assert result.returncode == 0, result.stdout + result.stderr
    sound = next(line for line in result.stdout.splitlines() if " sound:" in line)
    assert sound.startswith("skip  sound:")
    assert "cues cannot be heard on this machine" in sound
    assert result.stdout.splitlines()[-1] == "6 of 7 checks passed, 1 skipped"
