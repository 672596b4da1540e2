"""The editor's pure parts, by tables: the cool-down box's lines, where each problem is
shown, and the form's check by the same reader as `postrun check`."""

import pytest

from postrun.core.errors import Problem
from postrun.ui.editor_state import (
    CircuitForm,
    ExerciseForm,
    StretchForm,
    check,
    problems_by_field,
    same_stretches,
    shown_problems,
    step_form,
    stretches_from_text,
    stretches_text,
    switch_kind,
    touched_fields,
)


@pytest.mark.parametrize(("text", "expected"), [
    ("", []),
    ("Child's pose, 30s", [("Child's pose", "30s", False)]),
    ("Figure-four, 30s, each\n\n  Hamstring, 1:00, Each side ", [("Figure-four", "30s", True),
                                                                  ("Hamstring", "1:00", True)]),
    ("Just a name", [("Just a name", "", False)]),
    ("Pigeon, 45s, both", [("Pigeon", "45s", False)]),
])
def test_the_cool_down_box_lines_are_stretches(text, expected):
    assert [(s.name, s.hold, s.each_side) for s in stretches_from_text(text, [])] == expected


def test_a_stretch_keeps_its_tips_by_name_though_the_box_does_not_show_them():
    known = [StretchForm("Pigeon", "30s", False, "Square the hips")]
    typed = stretches_from_text("Pigeon, 45s\nCobra, 20s", known)
    assert [s.tips for s in typed] == ["Square the hips", ""]


def test_the_box_text_reads_back_to_the_same_stretches():
    cooldown = [StretchForm("Pigeon", "30s", True, ""), StretchForm("Cobra", "20s", False, "")]
    assert stretches_text(cooldown) == "Pigeon, 30s, each\nCobra, 20s"
    assert same_stretches(stretches_from_text(stretches_text(cooldown), []), cooldown)


PROBLEMS = [
    Problem("must be from 1 to 20, not 0", field="rounds"),
    Problem("must be longer than zero seconds", field="exercise[2].work"),
    Problem("needs 'work' or 'reps'", field="exercise[2]"),
    Problem("unknown key 'x'", field="exercise[3].x"),
    Problem("must not be empty", field="cooldown[1].name"),
]


def test_each_problem_is_shown_beside_its_field():
    where = problems_by_field(PROBLEMS, selected=1, exercises=3)
    assert where.circuit["rounds"] == ["rounds: must be from 1 to 20, not 0"]
    assert where.circuit["name"] == []
    assert where.exercise["length"] == ["exercise[2].work: must be longer than zero seconds"]
    assert where.exercise["name"] == ["exercise[2]: needs 'work' or 'reps'"]
    assert where.cooldown == ["cooldown[1].name: must not be empty"]
    assert where.flagged == {1, 2}
    assert where.overall[-1] == "and 2 more"
    assert len(where.overall) == 4


def test_another_selected_exercise_shows_only_its_own_problems():
    where = problems_by_field(PROBLEMS, selected=0, exercises=3)
    assert all(messages == [] for messages in where.exercise.values())


def test_the_form_is_checked_by_the_files_reader():
    form = CircuitForm(name="Quick", exercises=[ExerciseForm(name="Swings", amount="40s")])
    circuit, problems = check(form)
    assert problems == []
    assert circuit is not None
    assert circuit.exercises[0].work == 40
    form.exercises[0].amount = "0s"
    form.rounds = 0
    circuit, problems = check(form)
    assert circuit is None
    assert {p.field for p in problems} == {"rounds", "exercise[1].work"}
    assert all(p.line is None for p in problems)


@pytest.mark.parametrize(("timed", "amount", "to_timed", "after", "said"), [
    (False, "10", True, "30s", "Now timed: 30s instead of 10 reps"),
    (False, "", True, "40s", "Now timed: 40s instead of no count"),
    (False, "lots", True, "40s", "Now timed: 40s"),
    (True, "45s", False, "15", "Now reps: 15 instead of 45s"),
    (True, "1:30", False, "30", "Now reps: 30 instead of 1:30"),
    (True, "2s", False, "1", "Now reps: 1 instead of 2s"),
    (True, "a while", False, "10", "Now reps: 10 instead of a while"),
])
def test_switching_timed_and_reps_converts_the_amount_and_says_so(timed, amount, to_timed, after, said):
    exercise = ExerciseForm(name="Swings", timed=timed, amount=amount)
    note = switch_kind(exercise, to_timed)
    assert (exercise.timed, exercise.amount) == (to_timed, after)
    assert note is not None
    assert note.startswith(said)


def test_switching_to_the_kind_it_already_is_changes_nothing():
    exercise = ExerciseForm(timed=True, amount="40s")
    assert switch_kind(exercise, True) is None
    assert exercise.amount == "40s"


def problems_of(form):
    _, problems = check(form)
    return problems


def test_a_new_circuit_shows_no_error_before_anything_is_typed():
    form = CircuitForm()
    assert problems_of(form)                                       # it cannot be saved...
    assert shown_problems(problems_of(form), touched_fields(form, CircuitForm())) == []   # ...and says nothing red


def test_a_typed_field_shows_its_problem_and_untouched_ones_stay_quiet():
    initial = CircuitForm()
    form = initial.copy()
    form.rest = "a while"
    shown = shown_problems(problems_of(form), touched_fields(form, initial))
    assert [p.field for p in shown] == ["rest"]


def test_a_just_added_exercise_is_quiet_until_typed_in():
    initial = CircuitForm(name="Legs", exercises=[ExerciseForm(name="Plank")])
    form = initial.copy()
    form.exercises.append(ExerciseForm())
    assert shown_problems(problems_of(form), touched_fields(form, initial)) == []
    form.exercises[1].amount = "0"
    shown = shown_problems(problems_of(form), touched_fields(form, initial))
    assert [p.field for p in shown] == ["exercise[2].work"]


def test_a_problem_of_the_whole_workout_always_shows():
    problems = [Problem("the workout is longer than 4 hours", field="")]
    assert shown_problems(problems, set()) == problems


def test_the_steps_do_not_wait_for_names():
    form = CircuitForm(exercises=[ExerciseForm(), ExerciseForm(name="Plank", amount="30s")])
    assert check(form)[0] is None
    circuit, problems = check(step_form(form))
    assert problems == []
    assert [e.name for e in circuit.exercises] == ["(new exercise)", "Plank"]


LOADED = """\
format = 1
name = 'Loaded'
[[exercise]]
name = 'Swings'
reps = '8-12'
progression = 'double'
load = { type = 'dumbbell', weight = 12.5, implements = 2, unit = 'lb' }
[[exercise.alternative]]
name = 'KB swings'
reps = '10-15'
load = { type = 'kettlebell', weight = 16 }
[[exercise]]
name = 'Plank'
work = 30
progression = { rule = 'time', step = '5s', cap = '45s' }
[[exercise]]
name = 'Band pull-apart'
reps = 15
load = { type = 'band', band = 'green' }
"""


def test_loads_ranges_and_progressions_survive_the_editor_unchanged():
    from pathlib import Path

    from postrun.core.circuit_toml import parse_circuit
    from postrun.ui.editor_state import form_of

    circuit = parse_circuit(LOADED.encode(), Path("loaded.toml"))
    again, problems = check(form_of(circuit))
    assert problems == []
    assert again == circuit


@pytest.mark.parametrize(("weight", "field_words"), [("12,5", None), ("heavy", "must be a number"),
                                                       ("-4", "cannot be negative")])
def test_a_typed_weight_is_read_with_either_decimal_mark_or_refused_beside_the_load(weight, field_words):
    form = CircuitForm(name="L", exercises=[ExerciseForm(name="Swings", timed=False, amount="10",
                                                         load_type="kettlebell", load_weight=weight)])
    circuit, problems = check(form)
    if field_words is None:
        assert circuit.exercises[0].load.weight == 12.5
    else:
        [problem] = problems
        assert (problem.field, field_words in problem.message) == ("exercise[1].load.weight", True)


def test_a_pair_given_as_both_together_stays_so_through_the_editor():
    from pathlib import Path

    from postrun.core.circuit_toml import circuit_to_dict, parse_circuit
    from postrun.ui.editor_state import form_of

    text = LOADED.replace("weight = 12.5, implements = 2", "total = 25, implements = 2")
    circuit = parse_circuit(text.encode(), Path("loaded.toml"))
    form = form_of(circuit)
    assert form.exercises[0].load_both
    assert form.exercises[0].load_weight == "25"
    again, problems = check(form)
    assert problems == []
    assert again == circuit
    assert circuit_to_dict(again)["exercise"][0]["load"]["total"] == 25
    form.exercises[0].load_both = False          # unticked: the same number is each one's
    again, _ = check(form)
    assert again.exercises[0].load.weight == 25.0
    assert again.exercises[0].load.total == 50.0
