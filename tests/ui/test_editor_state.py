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
    stretches_from_text,
    stretches_text,
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
