"""The editor's exercise catalogue: every built-in exercise plus those runners ask for,
each with tips and muscles, valid by the same rules as a circuit file."""

from postrun.core.balance import OTHER
from postrun.core.circuit import MAX_TIP
from postrun.store.catalogue import catalogue, find
from postrun.store.circuit_reading import read_circuit_file
from postrun.store.library import load_library
from postrun.store.muscle_groups import group_table
from postrun.store.paths import assets_dir

ASKED_FOR = ["Deadlift", "Romanian deadlift", "Single-leg deadlifts", "Hip thrust", "Nordic curl", "Calf raise",
             "Side plank", "Copenhagen plank", "Clamshell", "Monster walk"]


def test_the_file_is_a_valid_circuit_file():
    assert read_circuit_file(assets_dir() / "exercises.toml").exercises


def test_every_builtin_exercise_and_every_asked_for_one_is_there():
    names = {e.name for e in catalogue()}
    for entry in load_library():
        for exercise in entry.circuit.exercises:
            assert exercise.name in names
            assert {a.name for a in exercise.alternatives} <= names
    assert set(ASKED_FOR) <= names
    assert len(names) == len({n.casefold() for n in names})


def test_each_has_short_tips_muscles_that_count_and_a_length():
    table = group_table()
    for exercise in catalogue():
        assert exercise.tips, exercise.name
        assert all(len(tip) <= MAX_TIP for tip in exercise.tips)
        assert exercise.muscles, exercise.name
        assert all(table.group(m) != OTHER for m in exercise.muscles), exercise.name
        assert (exercise.work is None) != (exercise.reps is None)


def test_find_ignores_case():
    assert find("nordic CURL").name == "Nordic curl"
    assert find("Underwater basket weaving") is None
