"""Limits and hostile input: every one refused with a message in words, never a traceback
or a hang, and cheaply (a refused file costs no timeline of 500,000 segments)."""

import os
import socket
import time
from pathlib import Path

import pytest

from postrun.core.circuit_toml import parse_circuit
from postrun.core.durations import DurationError, parse_duration
from postrun.core.errors import CircuitError
from postrun.store.circuit_reading import read_circuit_file

HEAD = "format = 1\nname = 'x'\n"
ONE = "[[exercise]]\nname = 'a'\nwork = 5\n"


def problems(text: str) -> list[str]:
    with pytest.raises(CircuitError) as caught:
        parse_circuit(text.encode(), Path("c.toml"))
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (HEAD.replace("'x'", "'" + "n" * 81 + "'") + ONE, "name: is 81 characters long; keep it to 80"),
        (HEAD + "[[exercise]]\nname = '" + "e" * 81 + "'\nwork = 5\n", "exercise[1].name: is 81 characters"),
        (HEAD + ONE + "tips = ['" + "t" * 121 + "']\n", "exercise[1].tips[1]: is 121 characters long; keep it to 120"),
        (HEAD + ONE + "equipment = ['" + "k" * 81 + "']\n", "exercise[1].equipment[1]: is 81"),
        (HEAD + "focus = ['" + "f" * 81 + "']\n" + ONE, "focus[1]: is 81"),
        (HEAD + ONE * 51, "exercise: there are 51 exercises; at most 50"),
        (HEAD + ONE + "[[cooldown]]\nname = 's'\nhold = 5\n" * 11,
         "cooldown: there are 11 cool-down stretches; at most 10"),
        (HEAD + ONE + "[[exercise.alternative]]\nname = 'b'\n" * 11, "exercise[1].alternative: there are 11"),
        (HEAD + ONE + "tips = [" + "'t', " * 21 + "]\n", "exercise[1].tips: has 21 items; at most 20"),
        (HEAD.replace("'x'", "'\u202eevil'") + ONE,
         "name: contains a right-to-left/left-to-right control character (U+202E)"),
        (HEAD.replace("'x'", '"a\\u2066b"') + ONE, "U+2066"),
        (HEAD.replace("'x'", '"bell\\u0007"') + ONE, "name: contains a control or unprintable character (U+0007)"),
        (HEAD + '[[exercise]]\nname = "a\\u200fb"\nwork = 5\n', "U+200F"),
        (HEAD + ONE + 'tips = ["two\\nlines"]\n', "exercise[1].tips[1]: contains a control"),
        (HEAD + ONE + 'muscles = ["a\\u2028b"]\n', "U+2028"),
        (HEAD + "[[exercise]]\nname = 'a'\nwork = '４０s'\n", "exercise[1].work: cannot read '４０s'"),
        (HEAD + "[[exercise]]\nname = 'a'\nwork = '٤٠'\n", "cannot read"),
        (HEAD + "[[exercise]]\nname = 'a'\nwork = '1:３0'\n", "cannot read"),
        (HEAD + "rounds = 50\n[[exercise]]\nname = 'a'\nwork = '2h'\n",
         "the whole workout would take 100:"),
        (HEAD + "rounds = 5\nrest = '1h'\n[[exercise]]\nname = 'a'\nwork = 5\n[[exercise]]\nname = 'b'\nwork = 5\n",
         "at most 4 hours"),
    ],
)
def test_limits_are_refused_with_their_field(text, words):
    found = problems(text)
    assert any(words in p for p in found), found


def test_four_hours_exactly_is_allowed():
    text = HEAD + "prepare = 0\nrest = 0\nround_rest = 0\nrounds = 2\n[[exercise]]\nname = 'a'\nwork = '2h'\n"
    assert parse_circuit(text.encode()).rounds == 2


def test_names_with_emoji_and_accents_are_printable():
    circuit = parse_circuit((HEAD.replace("'x'", "'Café 🏃‍♀️ Zürich'") + ONE).encode())
    assert circuit.name == "Café 🏃‍♀️ Zürich"


@pytest.mark.parametrize("digits", [30, 5000, 100_000])
def test_numbers_with_thousands_of_digits(digits):
    huge = "9" * digits
    for text in (HEAD + f"rounds = {huge}\n" + ONE,
                 HEAD + f"[[exercise]]\nname = 'a'\nwork = {huge}\n",
                 HEAD + f"[[exercise]]\nname = 'a'\nwork = '{huge}s'\n",
                 HEAD + f"[[exercise]]\nname = 'a'\nreps = -{huge}\n"):
        found = problems(text)
        assert found
        assert all(len(p) < 300 for p in found), "a message must not print the number"


@pytest.mark.parametrize("written", ["9" * 5000 + "s", "9" * 40 + "m", "1:" + "9" * 50 + ":00", 10**5000],
                         ids=["digits-s", "digits-m", "clock", "int"])
def test_huge_durations_are_over_the_limit(written):
    with pytest.raises(DurationError, match="limit"):
        parse_duration(written)


def test_the_largest_valid_circuit_is_checked_quickly():
    text = HEAD + "rounds = 50\nprepare = 0\nrest = 0\nround_rest = 0\nswitch = 0\n"
    text += "[[exercise]]\nname = 'a'\nwork = 1\nsides = 'each'\n" * 50
    began = time.perf_counter()
    circuit = parse_circuit(text.encode())
    assert len(circuit.exercises) == 50
    assert time.perf_counter() - began < 5.0     # generous: a guard against building huge timelines


# -- files that are not regular files ----------------------------------------------------

def test_a_fifo_is_refused_without_opening_it(tmp_path):
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    with pytest.raises(CircuitError, match="named pipe"):
        read_circuit_file(fifo)          # opening it for reading would block for ever


def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "s.toml"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(CircuitError, match="socket"):
            read_circuit_file(path)


def test_a_device_is_refused():
    with pytest.raises(CircuitError, match="device"):
        read_circuit_file(Path("/dev/zero"))


def test_a_folder_is_refused(tmp_path):
    (tmp_path / "dir.toml").mkdir()
    with pytest.raises(CircuitError, match="folder"):
        read_circuit_file(tmp_path / "dir.toml")


@pytest.mark.parametrize("name", ["n" * 256 + ".toml", "/".join(["d" * 200] * 30) + "/x.toml"])
def test_over_long_paths_get_one_line(tmp_path, name):
    with pytest.raises(CircuitError) as caught:
        read_circuit_file(tmp_path / name)
    message = str(caught.value)
    assert "too long" in message
    assert "\n" not in message
    assert len(message) < 200


def test_a_path_with_a_nul_byte(tmp_path):
    with pytest.raises(CircuitError, match="file name"):
        read_circuit_file(Path(str(tmp_path / "a") + "\x00b.toml"))
