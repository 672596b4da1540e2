"""The command line survives every hostile input with a line in words and exit 1; never a
traceback, never a hang (every run here has a time limit)."""

import os
import subprocess
import sys

import pytest


def postrun(*args, data_dir, timeout=20):
    env = dict(os.environ, POSTRUN_DATA_DIR=str(data_dir))
    return subprocess.run([sys.executable, "-m", "postrun", *args], capture_output=True, text=True, env=env,
                          timeout=timeout)


@pytest.fixture
def hostile(data_dir, tmp_path):
    circuits = data_dir / "circuits"
    circuits.mkdir(parents=True)
    os.mkfifo(circuits / "pipe.toml")
    (tmp_path / "rounds.toml").write_text("format = 1\nname = 'x'\nrounds = " + "9" * 5000 + "\n"
                                          "[[exercise]]\nname = 'a'\nwork = 5\n")
    (tmp_path / "work.toml").write_text("format = 1\nname = 'x'\n[[exercise]]\nname = 'a'\nwork = '"
                                        + "9" * 5000 + "s'\n")
    big = "format = 1\nname = 'big'\nrounds = 50\n" + "[[exercise]]\nname = 'a'\nwork = 30\n" * 10_000
    (tmp_path / "huge.toml").write_text(big)
    (tmp_path / "years.toml").write_text("format = 1\nname = 'long'\nrounds = 50\n"
                                         + "[[exercise]]\nname = 'a'\nwork = '2h'\n" * 50)
    (tmp_path / "good.toml").write_text("format = 1\nname = 'Good'\n[[exercise]]\nname = 'a'\nwork = 5\n")
    return tmp_path


def no_traceback(result):
    assert "Traceback" not in result.stderr + result.stdout
    return result


def test_check_reports_every_file_even_after_a_huge_number(hostile):
    files = ["rounds.toml", "work.toml", "huge.toml", "years.toml", "good.toml"]
    result = no_traceback(postrun("check", *(str(hostile / f) for f in files), str(hostile / "no.toml"),
                                  "/dev/zero", data_dir=hostile / "data"))
    assert result.returncode == 1
    out = result.stdout
    assert "rounds.toml: not valid TOML: a number in it has thousands of digits" in out
    assert "work.toml:5: exercise[1].work: a duration of 5000 digits is longer than the 2 hour limit" in out
    assert "huge.toml: exercise: there are 10000 exercises; at most 50 are allowed" in out
    assert "years.toml: the whole workout would take" in out
    assert "at most 4 hours" in out
    assert f"{hostile / 'good.toml'}: ok" in out
    assert "no.toml: cannot read the file: no such file" in out
    assert "/dev/zero: is a device, not a circuit file; it was not opened" in out


def test_a_fifo_in_the_circuits_folder_never_hangs(hostile, data_dir):
    listing = no_traceback(postrun("list", data_dir=data_dir, timeout=20))
    assert listing.returncode == 0
    assert "pipe" in listing.stdout
    assert "named pipe (FIFO)" in listing.stdout
    for verb in ("show", "check"):
        result = no_traceback(postrun(verb, str(data_dir / "circuits" / "pipe.toml"), data_dir=data_dir))
        assert result.returncode == 1
        assert "named pipe" in result.stdout + result.stderr


@pytest.mark.parametrize("verb", ["show", "run"])
@pytest.mark.parametrize("argument", ["n" * 300, "n" * 300 + ".toml", "/".join(["d" * 200] * 30),
                                      "/".join(["d" * 200] * 30) + ".toml"],
                         ids=["long-name", "long-file", "long-path", "long-path-file"])
def test_over_long_names_and_paths_get_one_line(verb, argument, data_dir):
    result = no_traceback(postrun(verb, argument, data_dir=data_dir))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert len(lines[0]) < 400


def test_a_refused_circuit_is_fast_to_check(hostile, data_dir):
    # 10,000 exercises x 50 rounds: refused by its count, no timeline of 1.5 million segments
    result = no_traceback(postrun("show", "--json", str(hostile / "huge.toml"), data_dir=data_dir, timeout=20))
    assert result.returncode == 1
    assert "at most 50" in result.stderr
