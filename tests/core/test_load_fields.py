"""Load, rep ranges and progression in a circuit file: read, written back the same, and
every bad value refused with a line naming its field."""

from pathlib import Path

import pytest

from postrun.core.circuit_toml import circuit_to_dict, parse_circuit
from postrun.core.errors import CircuitError
from postrun.core.load import Load, LoadType, Unit, heaviness, lifted, load_text, short_text
from postrun.core.progression_rule import RuleKind
from postrun.core.segment_words import amount_text

HEAD = "format = 1\nname = 'Loads'\n[[exercise]]\nname = 'Swings'\n"


def circuit(body: str):
    return parse_circuit((HEAD + body).encode(), Path("c.toml"))


def problems(body: str):
    with pytest.raises(CircuitError) as caught:
        circuit(body)
    return caught.value.problems


@pytest.mark.parametrize(("body", "load"), [
    ("work = 40\nload = { type = 'kettlebell', weight = 16 }\n", Load(LoadType.KETTLEBELL, 16.0)),
    ("reps = '8-12'\nload = { type = 'dumbbell', weight = 12.5, implements = 2 }\n",
     Load(LoadType.DUMBBELL, 12.5, implements=2)),
    ("reps = 5\nload = { type = 'barbell', weight = 135, unit = 'lb' }\n", Load(LoadType.BARBELL, 135.0, Unit.LB)),
    ("reps = 10\nload = 'bodyweight'\n", Load(LoadType.BODYWEIGHT)),
    ("reps = 8\nload = { type = 'weighted', weight = 10 }\n", Load(LoadType.WEIGHTED, 10.0)),
    ("reps = 8\nload = { type = 'assisted', weight = 20 }\n", Load(LoadType.ASSISTED, 20.0)),
    ("reps = 15\nload = { type = 'band', band = 'Red' }\n", Load(LoadType.BAND, band="red")),
    ("work = 30\nload = 'none'\n", Load(LoadType.NONE)),
    ("work = 30\nload = { type = 'kettlebell' }\n", Load(LoadType.KETTLEBELL)),      # weight chosen later
])
def test_each_kind_of_load_is_read_and_written_back_the_same(body, load):
    read = circuit(body)
    assert read.exercises[0].load == load
    again = parse_circuit(__import__("tomli_w").dumps(circuit_to_dict(read)).encode(), Path("again.toml"))
    assert again == read


def test_a_pair_may_be_written_as_the_weight_of_both_together():
    """`total = 32` is two 16 kg bells: the same load as `weight = 16`, written back as given."""
    both = circuit("reps = '8-12'\nload = { type = 'kettlebell', total = 32, implements = 2 }\n")
    each = circuit("reps = '8-12'\nload = { type = 'kettlebell', weight = 16, implements = 2 }\n")
    assert both.exercises[0].load == each.exercises[0].load
    assert both.exercises[0].load.weight == 16.0
    assert both.exercises[0].load.total == 32.0
    assert circuit_to_dict(both)["exercise"][0]["load"] == {"type": "kettlebell", "total": 32, "implements": 2}
    assert circuit_to_dict(each)["exercise"][0]["load"] == {"type": "kettlebell", "weight": 16, "implements": 2}
    assert load_text(both.exercises[0].load) == "2 × 16 kg kettlebells (32 kg in all)"
    assert lifted(both.exercises[0].load) == 32.0


def test_a_rep_range_and_its_progression():
    read = circuit("reps = '8-12'\nprogression = 'double'\nload = { type = 'kettlebell', weight = 16 }\n")
    exercise = read.exercises[0]
    assert (exercise.reps, exercise.reps_top, exercise.progression.kind) == (8, 12, RuleKind.DOUBLE)
    assert amount_text(exercise) == "8–12 reps"
    assert circuit_to_dict(read)["exercise"][0]["reps"] == "8-12"


def test_time_progression_with_a_step_and_a_cap():
    exercise = circuit("work = 30\nprogression = { rule = 'time', step = '5s', cap = '45s' }\n").exercises[0]
    assert (exercise.progression.kind, exercise.progression.time_step, exercise.progression.time_cap) == (
        RuleKind.TIME, 5, 45)


def test_old_files_without_loads_stay_valid():
    exercise = circuit("work = 40\n").exercises[0]
    assert (exercise.load, exercise.reps_top, exercise.progression) == (None, None, None)


@pytest.mark.parametrize(("body", "field", "words"), [
    ("work = 40\nload = { type = 'kettlebell', weight = -16 }\n", "exercise[1].load.weight", "cannot be negative"),
    ("work = 40\nload = { type = 'kettlebell', weight = 0 }\n", "exercise[1].load.weight", "a 0 kg kettlebell"),
    ("work = 40\nload = { type = 'barbell', weight = 600 }\n", "exercise[1].load.weight", "more than the 500 kg"),
    ("work = 40\nload = { type = 'barbell', weight = 1200, unit = 'lb' }\n", "exercise[1].load.weight",
     "more than the 1102 lb"),
    ("work = 40\nload = { type = 'kettlebell', weight = 16, unit = 'stone' }\n", "exercise[1].load.unit",
     "must be one of kg, lb"),
    ("work = 40\nload = { type = 'kettlebel', weight = 16 }\n", "exercise[1].load.type", "did you mean 'kettlebell'"),
    ("work = 40\nload = { type = 'band', band = 'pink' }\n", "exercise[1].load.band", "yellow, red, green"),
    ("work = 40\nload = { type = 'band' }\n", "exercise[1].load", "'band' is missing"),
    ("work = 40\nload = { type = 'bodyweight', weight = 5 }\n", "exercise[1].load.weight", "has no weight"),
    ("work = 40\nload = { type = 'barbell', weight = 60, implements = 2 }\n", "exercise[1].load.implements",
     "only a kettlebell or dumbbell"),
    ("work = 40\nload = { type = 'kettlebell', weight = 'heavy' }\n", "exercise[1].load.weight", "must be a number"),
    ("work = 40\nload = { type = 'kettlebell', weight = nan }\n", "exercise[1].load.weight", "must be a number"),
    ("work = 40\nload = { type = 'kettlebell', colour = 'red' }\n", "exercise[1].load.colour", "unknown key"),
    ("work = 40\nload = 16\n", "exercise[1].load", "must be a table"),
    ("reps = 8\nload = { type = 'kettlebell', weight = 16, total = 32, implements = 2 }\n",
     "exercise[1].load.total", "not both"),
    ("reps = 8\nload = { type = 'kettlebell', total = 32 }\n", "exercise[1].load.total", "add implements = 2"),
    ("reps = 8\nload = { type = 'dumbbell', total = 1200, implements = 2 }\n", "exercise[1].load.total",
     "more than the 500 kg"),
    ("reps = 8\nload = { type = 'dumbbell', total = -4, implements = 2 }\n", "exercise[1].load.total",
     "cannot be negative"),
    ("reps = '12-8'\n", "exercise[1].reps", "upside down"),
    ("reps = '8-8'\n", "exercise[1].reps", "upside down or empty"),
    ("reps = ''\n", "exercise[1].reps", "must not be empty"),
    ("reps = '0-5'\n", "exercise[1].reps", "from 1 to"),
    ("reps = '8 to 12'\n", "exercise[1].reps", "cannot read"),
    ("reps = 10\nprogression = 'double'\n", "exercise[1].progression", "needs a range of reps"),
    ("reps = '8-12'\nprogression = 'time'\n", "exercise[1].progression", "for a timed exercise"),
    ("work = 60\nprogression = { rule = 'time', cap = '30s' }\n", "exercise[1].progression.cap", "shorter than"),
    ("work = 60\nprogression = 'linear'\n", "exercise[1].progression.rule", "double, time, none"),
])
def test_bad_load_fields_are_refused_with_their_field_and_line(body, field, words):
    found = [p for p in problems(body) if p.field == field]
    assert found, [str(p) for p in problems(body)]
    assert words in found[0].message
    assert found[0].line is not None


def test_assistance_is_less_load_and_never_a_negative_weight():
    light_help, heavy_help = Load(LoadType.ASSISTED, 10.0), Load(LoadType.ASSISTED, 30.0)
    assert heaviness(light_help) > heaviness(heavy_help)           # less help is harder
    assert lifted(heavy_help) == 0.0                                 # body unknown: nothing, not -30
    assert lifted(heavy_help, bodyweight=70) == 40.0
    assert lifted(Load(LoadType.ASSISTED, 90.0), bodyweight=70) == 0.0


def test_a_pair_counts_both_implements():
    pair = Load(LoadType.DUMBBELL, 12.5, implements=2)
    assert lifted(pair) == 25.0
    assert heaviness(pair) > heaviness(Load(LoadType.DUMBBELL, 20.0))


@pytest.mark.parametrize(("load", "text", "short"), [
    (Load(LoadType.KETTLEBELL, 16.0), "16 kg kettlebell", "16 kg"),
    (Load(LoadType.KETTLEBELL, 16.0, implements=2), "2 × 16 kg kettlebells", "2×16 kg"),
    (Load(LoadType.DUMBBELL, 12.5, Unit.LB), "12.5 lb dumbbell", "12.5 lb"),
    (Load(LoadType.WEIGHTED, 10.0), "bodyweight + 10 kg", "BW +10 kg"),
    (Load(LoadType.ASSISTED, 20.0), "assisted, 20 kg off", "BW −20 kg"),
    (Load(LoadType.BAND, band="red"), "red band", "red band"),
    (Load(LoadType.CABLE, 25.0), "25 kg cable stack", "25 kg"),
    (Load(LoadType.NONE), "", ""),
])
def test_a_load_in_words(load, text, short):
    assert load_text(load) == text
    assert short_text(load) == short


def test_the_decimal_separator_follows_the_locale():
    assert load_text(Load(LoadType.DUMBBELL, 12.5), ",") == "12,5 kg dumbbell"


def test_a_held_load_is_equipment_to_bring_even_when_not_listed():
    read = circuit("reps = '8-12'\nload = { type = 'kettlebell', weight = 16 }\n")
    assert read.equipment == ("kettlebell",)
    listed = circuit("reps = 10\nequipment = ['kettlebell']\nload = { type = 'kettlebell', weight = 16 }\n")
    assert listed.equipment == ("kettlebell",)


def test_the_windows_decimal_mark_is_the_default(monkeypatch):
    from postrun.core.load import Numbers

    monkeypatch.setattr(Numbers, "decimal_point", ",")
    assert load_text(Load(LoadType.DUMBBELL, 12.5)) == "12,5 kg dumbbell"
    assert short_text(Load(LoadType.DUMBBELL, 12.5, implements=2)) == "2×12,5 kg"
