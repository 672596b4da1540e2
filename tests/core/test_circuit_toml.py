import textwrap
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postrun.core.circuit import Sides
from postrun.core.circuit_toml import circuit_to_dict, parse_circuit
from postrun.core.errors import CircuitError
from postrun.store.circuit_reading import read_circuit_file
from postrun.store.paths import builtin_circuits_dir

GOOD = """\
format = 1
name = "Test circuit"
rounds = 2

[[exercise]]
name = "Swings"
work = "40s"

[[exercise]]
name = "Kickbacks"
work = 30
sides = "each"

[[exercise.alternative]]
name = "Kneeling kickbacks"
tips = ["Slow and controlled."]
"""


def problems_of(text: str) -> list:
    with pytest.raises(CircuitError) as caught:
        parse_circuit(textwrap.dedent(text).encode(), Path("c.toml"))
    return caught.value.problems


def test_good_circuit_reads_with_defaults():
    circuit = parse_circuit(GOOD.encode())
    assert circuit.name == "Test circuit"
    assert circuit.rounds == 2
    assert circuit.prepare == 10
    assert circuit.rest == 20
    assert circuit.skip_last_rest is True
    assert [e.name for e in circuit.exercises] == ["Swings", "Kickbacks"]
    assert circuit.exercises[1].sides is Sides.EACH
    assert circuit.exercises[1].alternatives[0].name == "Kneeling kickbacks"


# (the file's text, the field path named, the line named or None, words in the message)
BAD = [
    ("name = 'x'\n[[exercise]]\nname='a'\nwork=5\n", "format", None, "'format' is missing"),
    ("format = 2\nname='x'\n[[exercise]]\nname='a'\nwork=5\n", "format", 1, "newer Postrun"),
    ("format = 'one'\nname='x'\n", "format", 1, "whole number"),
    ("format = 1\n[[exercise]]\nname='a'\nwork=5\n", "name", None, "'name' is missing"),
    ("format = 1\nname = '  '\n[[exercise]]\nname='a'\nwork=5\n", "name", 2, "must not be empty"),
    ("format = 1\nname = 3\n[[exercise]]\nname='a'\nwork=5\n", "name", 2, "text in quotes"),
    ("format = 1\nname = 'x'\n", "exercise", None, "no exercises"),
    ("format = 1\nname = 'x'\nexercise = []\n", "exercise", 3, "at least one exercise"),
    ("format = 1\nname = 'x'\nrounds = 0\n[[exercise]]\nname='a'\nwork=5\n", "rounds", 3, "from 1 to 50"),
    ("format = 1\nname = 'x'\nrounds = 51\n[[exercise]]\nname='a'\nwork=5\n", "rounds", 3, "from 1 to 50"),
    ("format = 1\nname = 'x'\nrounds = 2.5\n[[exercise]]\nname='a'\nwork=5\n", "rounds", 3, "whole number"),
    ("format = 1\nname = 'x'\nrounds = true\n[[exercise]]\nname='a'\nwork=5\n", "rounds", 3, "whole number"),
    ("format = 1\nname = 'x'\nrest = '-10s'\n[[exercise]]\nname='a'\nwork=5\n", "rest", 3, "negative"),
    ("format = 1\nname = 'x'\nprepare = 'soon'\n[[exercise]]\nname='a'\nwork=5\n", "prepare", 3, "cannot read"),
    ("format = 1\nname = 'x'\nskip_last_rest = 'yes'\n[[exercise]]\nname='a'\nwork=5\n", "skip_last_rest", 3,
     "true or false"),
    ("format = 1\nname = 'x'\ncolour = 'red'\n[[exercise]]\nname='a'\nwork=5\n", "colour", 3, "unknown key"),
    ("format = 1\nname = 'x'\nround = 3\n[[exercise]]\nname='a'\nwork=5\n", "round", 3, "did you mean 'rounds'"),
    ("format = 1\nname = 'x'\n[[exercise]]\nname='a'\n", "exercise[1]", 3, "needs 'work'"),
    ("format = 1\nname = 'x'\n[[exercise]]\nname='a'\nwork=5\nreps=3\n", "exercise[1].reps", 6, "not both"),
    ("format = 1\nname = 'x'\n[[exercise]]\nname='a'\nwork=5\n[[exercise]]\nname='b'\nwork=0\n",
     "exercise[2].work", 8, "longer than zero"),
    ("format = 1\nname = 'x'\n[[exercise]]\nname='a'\nwork=5\n[[exercise]]\nname='b'\nwork='3h'\n",
     "exercise[2].work", 8, "2 hour limit"),
    ("format = 1\nname = 'x'\n[[exercise]]\nname='a'\nwork=-1\n", "exercise[1].work", 5, "negative"),
    ("format = 1\nname = 'x'\n[[exercise]]\nname='a'\nreps=0\n", "exercise[1].reps", 5, "from 1 to 1000"),
    ("format = 1\nname = 'x'\n[[exercise]]\nname='a'\nreps='ten'\n", "exercise[1].reps", 5, "cannot read 'ten'"),
    ("format = 1\nname = 'x'\n[[exercise]]\nname=''\nwork=5\n", "exercise[1].name", 4, "must not be empty"),
    ("format = 1\nname = 'x'\n[[exercise]]\nwork=5\n", "exercise[1]", 3, "'name' is missing"),
    ("format = 1\nname = 'x'\n[[exercise]]\nname='a'\nwork=5\nsides='left'\n", "exercise[1].sides", 6, "each"),
    ("format = 1\nname = 'x'\n[[exercise]]\nname='a'\nwork=5\ntips='x'\nequipment=3\n", "exercise[1].equipment", 7,
     "list of text"),
    ("format = 1\nname = 'x'\n[[exercise]]\nname='a'\nwork=5\ntips=['ok', 4]\n", "exercise[1].tips[2]", 6,
     "text in quotes"),
    ("format = 1\nname = 'x'\n[[exercise]]\nname='a'\nwork=5\ntips=['" + "long " * 30 + "']\n",
     "exercise[1].tips[1]", 6, "across the room"),
    ("format = 1\nname = 'x'\n[[exercise]]\nname='a'\nwork=5\nwrok=3\n", "exercise[1].wrok", 6, "did you mean 'work'"),
    ("format = 1\nname = 'x'\n[[exercise]]\nname='a'\nwork=5\n[[exercise.alternative]]\nwork=5\n",
     "exercise[1].alternative[1]", 6, "'name' is missing"),
    ("format = 1\nname = 'x'\n[[exercise]]\nname='a'\nwork=5\n[[exercise]]\nname='b'\nwork=5\n"
     "[[exercise.alternative]]\nname='c'\n[[exercise.alternative]]\nname='d'\nreps=-2\n",
     "exercise[2].alternative[2].reps", 13, "from 1 to 1000"),
    ("format = 1\nname = 'x'\n[[exercise]]\nname='a'\nwork=5\n[[cooldown]]\nname='s'\n", "cooldown[1]", 6,
     "needs 'hold'"),
    ("format = 1\nname = 'x'\n[[exercise]]\nname='a'\nwork=5\n[[cooldown]]\nname='s'\nhold='0s'\n",
     "cooldown[1].hold", 8, "longer than zero"),
]


@pytest.mark.parametrize(("text", "field", "line", "words"), BAD, ids=[f"{b[1]}-{i}" for i, b in enumerate(BAD)])
def test_bad_input_names_its_field_and_line(text, field, line, words):
    problems = problems_of(text)
    matching = [p for p in problems if p.field == field]
    assert matching, f"no problem names {field}: {[str(p) for p in problems]}"
    assert words in matching[0].message
    assert matching[0].line == line
    assert matching[0].path == Path("c.toml")


def test_every_problem_is_reported_not_just_the_first():
    problems = problems_of("""\
        format = 1
        name = "x"
        rounds = 0
        [[exercise]]
        name = "a"
        work = "forever"
        [[exercise]]
        reps = 0
        """)
    assert {p.field for p in problems} == {"rounds", "exercise[1].work", "exercise[2]", "exercise[2].reps"}


def test_problem_reads_as_path_line_field_message():
    problem = problems_of("format = 1\nname = 'x'\n[[exercise]]\nname='a'\nwork=0\n")[0]
    assert str(problem) == "c.toml:5: exercise[1].work: must be longer than zero seconds"


@pytest.mark.parametrize(
    ("data", "words", "line"),
    [
        (b"format = 1\nname = 'caf\xe9'\n", "not UTF-8", 2),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file", None),
        (b"format = 1\nname = \n", "not valid TOML", 2),
        (b"format = 1\n[[exercise]\n", "not valid TOML", 2),
        (b"format = 1\nname = 'x'\nname = 'y'\n", "not valid TOML", 3),
        (b"x = " + b"[" * 100_000, "nests arrays or tables too deeply", None),
        (b"x" * (1024 * 1024 + 10), "larger than 1 MB", None),
    ],
)
def test_unreadable_files_are_circuit_errors(data, words, line):
    with pytest.raises(CircuitError) as caught:
        parse_circuit(data, Path("c.toml"))
    assert words in caught.value.first.message
    assert caught.value.first.line == line


def test_utf8_byte_order_mark_is_accepted():
    assert parse_circuit("\ufeff".encode() + GOOD.encode()).name == "Test circuit"


def test_missing_file_is_a_circuit_error(tmp_path):
    with pytest.raises(CircuitError, match="cannot read the file"):
        read_circuit_file(tmp_path / "nope.toml")


def test_builtin_circuits_are_valid_and_round_trip():
    files = sorted(builtin_circuits_dir().glob("*.toml"))
    assert len(files) >= 4
    for path in files:
        circuit = read_circuit_file(path)
        again = parse_circuit(tomli_w.dumps(circuit_to_dict(circuit)).encode())
        assert again == circuit, path.name


def test_builtin_tips_are_short_enough_to_read_from_across_the_room():
    for path in builtin_circuits_dir().glob("*.toml"):
        circuit = read_circuit_file(path)
        tips = [t for e in circuit.exercises for t in e.tips]
        tips += [t for e in circuit.exercises for a in e.alternatives for t in a.tips]
        tips += [t for s in circuit.cooldown for t in s.tips]
        assert tips, path.name
        assert all(len(t) <= 60 for t in tips), [t for t in tips if len(t) > 60]


def test_posterior_chain_has_the_no_cable_substitute():
    circuit = read_circuit_file(builtin_circuits_dir() / "posterior-chain.toml")
    kickbacks = circuit.exercises[0]
    assert kickbacks.name == "Cable kickbacks"
    assert "cable machine" in kickbacks.equipment
    assert kickbacks.alternatives[0].name == "Kneeling kickbacks"
    assert "cable machine" not in kickbacks.alternatives[0].equipment


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_any_bytes_give_a_circuit_or_a_circuit_error(data):
    assert_circuit_or_circuit_error(data)


def assert_circuit_or_circuit_error(data: bytes) -> None:
    """Anything else escaping (KeyError, RecursionError, ...) fails the test."""
    try:
        parse_circuit(data)
    except CircuitError as error:
        problems = error.problems
    else:
        return
    assert all(p.message for p in problems)


toml_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10_000) | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(
        ["name", "work", "reps", "sides", "tips", "hold", "alternative", "equipment"]), inner, max_size=4),
    max_leaves=8,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(
    st.sampled_from(["format", "name", "rounds", "rest", "prepare", "exercise", "cooldown", "focus", "x"]),
    toml_values, max_size=7,
))
def test_any_toml_shape_gives_a_circuit_or_a_circuit_error(document):
    document = {k: v for k, v in document.items() if v is not None}
    try:
        text = tomli_w.dumps(_drop_none(document))
    except (TypeError, ValueError):
        return
    assert_circuit_or_circuit_error(text.encode())


def _drop_none(value):
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value if v is not None]
    return value
