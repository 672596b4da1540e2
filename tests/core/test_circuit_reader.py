"""The document reader on its own: a dict (from TOML text or from a workout record's JSON)
becomes a Circuit by one set of rules, without going through TOML text."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postrun.core.circuit import Alternative, Exercise, Sides
from postrun.core.circuit_reader import circuit_from_document, circuit_from_snapshot
from postrun.core.circuit_toml import circuit_to_dict
from postrun.core.errors import CircuitError
from postrun.store.circuit_reading import read_circuit_file
from postrun.store.paths import builtin_circuits_dir

MINIMAL = {"format": 1, "name": "Two", "exercise": [{"name": "Swings", "work": 40}]}


def test_builtin_circuits_survive_a_record_round_trip():
    """What a workout record keeps (JSON of circuit_to_dict) reads back to the same circuit."""
    for path in sorted(builtin_circuits_dir().glob("*.toml")):
        circuit = read_circuit_file(path)
        stored = json.loads(json.dumps(circuit_to_dict(circuit)))
        assert circuit_from_snapshot(stored) == circuit, path.name


@pytest.mark.parametrize(("table", "alternative", "expected"), [
    ({"name": "Swings", "work": 40}, False, Exercise(name="Swings", work=40)),
    ({"name": "Lunge", "reps": 8, "sides": "each"}, False, Exercise(name="Lunge", reps=8, sides=Sides.EACH)),
    ({"name": "Kneeling"}, True, Alternative(name="Kneeling")),
    ({"name": "Kneeling", "reps": 10, "sides": "each"}, True, Alternative(name="Kneeling", reps=10, sides=Sides.EACH)),
])
def test_an_exercise_and_an_alternative_are_read_by_the_same_rules(table, alternative, expected):
    if alternative:
        document = {**MINIMAL, "exercise": [{"name": "Swings", "work": 40, "alternative": [table]}]}
        assert circuit_from_document(document).exercises[0].alternatives == (expected,)
    else:
        assert circuit_from_document({**MINIMAL, "exercise": [table]}).exercises == (expected,)


@pytest.mark.parametrize(("table", "field", "words"), [
    ({"name": "Swings"}, "exercise[1]", "needs 'work'"),
    ({"name": "Swings", "work": 40, "alternative": [{"name": "A", "alternative": []}]},
     "exercise[1].alternative[1].alternative", "unknown key"),
    ({"name": "Swings", "work": 40, "alternative": [{"name": "A", "work": "0s"}]},
     "exercise[1].alternative[1].work", "longer than zero"),
    ({"name": "Swings", "work": 40, "alternative": [{"name": "A", "sides": "left"}]},
     "exercise[1].alternative[1].sides", '"each"'),
])
def test_mistakes_name_the_field_without_a_line_when_there_is_no_text(table, field, words):
    with pytest.raises(CircuitError) as caught:
        circuit_from_document({**MINIMAL, "exercise": [table]})
    problem = caught.value.problems[0]
    assert (problem.field, problem.line) == (field, None)
    assert words in problem.message


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10, 10_000) | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(
        ["name", "work", "reps", "sides", "tips", "hold", "alternative", "equipment", "format"]), inner, max_size=4),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(["format", "name", "rounds", "rest", "exercise", "cooldown", "focus"]),
                       json_values, max_size=7))
def test_any_json_shape_gives_a_circuit_or_none(document):
    """A record's copy is JSON: nulls, floats, lists where tables belong; nothing escapes."""
    result = circuit_from_snapshot(document)
    assert result is None or result.exercises
