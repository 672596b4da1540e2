import pytest

from postrun.core.timeline import Kind, Side, build_timeline
from postrun.store.circuit_reading import read_circuit_file
from postrun.store.paths import builtin_circuits_dir

from circuits import ONE_SIDED_SKIP_LAST_REST
from helpers import circuit_from


def shape(timeline):
    return [(s.kind.value, s.name, s.side.value if s.side else None, s.round, s.seconds) for s in timeline.segments]


def test_one_sided_exercise_gets_left_switch_right_with_equal_time():
    timeline = build_timeline(circuit_from(ONE_SIDED_SKIP_LAST_REST.format(skip="true")))
    assert shape(timeline) == [
        ("prepare", None, None, None, 10),
        ("work", "Kickbacks", "left", 1, 40),
        ("switch", "Kickbacks", "right", 1, 5),
        ("work", "Kickbacks", "right", 1, 40),
        ("rest", None, None, 1, 20),
        ("work", "Swings", None, 1, 30),
        ("round_rest", None, None, 1, 60),
        ("work", "Kickbacks", "left", 2, 40),
        ("switch", "Kickbacks", "right", 2, 5),
        ("work", "Kickbacks", "right", 2, 40),
        ("rest", None, None, 2, 20),
        ("work", "Swings", None, 2, 30),
    ]
    assert timeline.total_seconds == 10 + 2 * (40 + 5 + 40 + 20 + 30) + 60
    assert timeline.rep_segments == 0


def test_skip_last_rest_false_keeps_the_final_rest():
    timeline = build_timeline(circuit_from(ONE_SIDED_SKIP_LAST_REST.format(skip="false")))
    assert shape(timeline)[-1] == ("rest", None, None, 2, 20)


def test_round_complete_marks_the_last_work_of_each_round():
    timeline = build_timeline(circuit_from(ONE_SIDED_SKIP_LAST_REST.format(skip="true")))
    assert [i for i, s in enumerate(timeline.segments) if s.ends_round] == [5, 11]


@pytest.mark.parametrize(
    ("settings", "kinds"),
    [
        ("rest = 0\nround_rest = 0", ["work", "work", "work", "work"]),
        ("rest = 0\nround_rest = 30", ["work", "work", "round_rest", "work", "work"]),
        ("rest = 15\nround_rest = 0", ["work", "rest", "work", "rest", "work", "rest", "work"]),
        ("prepare = 5\nrest = 0\nround_rest = 0", ["prepare", "work", "work", "work", "work"]),
    ],
)
def test_zero_rests_leave_no_segment(settings, kinds):
    circuit = circuit_from(f"""\
        format = 1
        name = "x"
        rounds = 2
        prepare = 0
        {settings}
        [[exercise]]
        name = "a"
        work = 10
        [[exercise]]
        name = "b"
        work = 10
        """.replace("prepare = 0\n        prepare", "prepare"))
    assert [s.kind.value for s in build_timeline(circuit).segments] == kinds


def test_rep_segments_wait_and_count_as_unknown_time():
    circuit = circuit_from("""\
        format = 1
        name = "Reps"
        prepare = 5
        rest = 10
        [[exercise]]
        name = "Goblet squats"
        reps = 12
        [[exercise]]
        name = "Split squats"
        reps = 8
        sides = "each"
        switch = 0
        """.replace('        switch = 0\n', ''))
    timeline = build_timeline(circuit)
    assert [(s.kind.value, s.seconds, s.reps, s.side) for s in timeline.segments] == [
        ("prepare", 5, None, None),
        ("work", None, 12, None),
        ("rest", 10, None, None),
        ("work", None, 8, Side.LEFT),
        ("switch", 5, None, Side.RIGHT),
        ("work", None, 8, Side.RIGHT),
    ]
    assert timeline.total_seconds == 20
    assert timeline.rep_segments == 3


def test_cooldown_follows_the_last_round_and_holds_each_side():
    circuit = circuit_from("""\
        format = 1
        name = "x"
        prepare = 0
        [[exercise]]
        name = "a"
        work = 10
        [[cooldown]]
        name = "Hamstrings"
        hold = 30
        [[cooldown]]
        name = "Figure four"
        hold = "20s"
        sides = "each"
        """)
    assert shape(build_timeline(circuit)) == [
        ("work", "a", None, 1, 10),
        ("cooldown", "Hamstrings", None, None, 30),
        ("cooldown", "Figure four", "left", None, 20),
        ("switch", "Figure four", "right", None, 5),
        ("cooldown", "Figure four", "right", None, 20),
    ]


def test_swapped_alternative_and_rounds_change_the_timeline():
    circuit = read_circuit_file(builtin_circuits_dir() / "posterior-chain.toml")
    chosen = circuit.with_choices(rounds=1, swaps={0: 0, 2: 1})
    timeline = build_timeline(chosen)
    names = [s.name for s in timeline.segments if s.kind is Kind.WORK]
    assert names == ["Kneeling kickbacks", "Kneeling kickbacks", "Kettlebell windmills", "Kettlebell windmills",
                     "Glute bridges"]
    # the substitute keeps the original's time and sides, and lists the original as its alternative
    kneeling = chosen.exercises[0]
    assert (kneeling.work, kneeling.sides.value) == (40, "each")
    assert kneeling.alternatives[0].name == "Cable kickbacks"
    assert "cable machine" not in chosen.equipment


def test_unknown_swaps_and_rounds_out_of_range_are_tamed():
    circuit = read_circuit_file(builtin_circuits_dir() / "posterior-chain.toml")
    assert circuit.with_choices(rounds=99, swaps={7: 0, 0: 9}).exercises == circuit.exercises
    assert circuit.with_choices(rounds=99).rounds == 50
    assert circuit.with_choices(rounds=0).rounds == 1


# The expected shape of every built-in circuit: (file, rounds, total seconds, segments, work segments)
BUILTINS = [
    ("posterior-chain", 3, 915, 34, 15),
    ("posterior-chain-quick", 2, 445, 21, 10),
    ("posterior-chain-no-equipment", 3, 1170, 46, 21),
    ("quad-circuit", 3, 1070, 42, 18),
]


@pytest.mark.parametrize(("key", "rounds", "total", "count", "work"), BUILTINS)
def test_builtin_circuit_timelines(key, rounds, total, count, work):
    circuit = read_circuit_file(builtin_circuits_dir() / f"{key}.toml")
    timeline = build_timeline(circuit)
    assert circuit.rounds == rounds
    assert timeline.total_seconds == total
    assert len(timeline) == count
    assert sum(1 for s in timeline.segments if s.kind is Kind.WORK) == work
    assert timeline.segments[0].kind is Kind.PREPARE
    assert timeline.rep_segments == 0
    # skip_last_rest: the last work segment is not followed by a rest
    last_work = max(i for i, s in enumerate(timeline.segments) if s.kind is Kind.WORK)
    assert all(s.kind in (Kind.COOLDOWN, Kind.SWITCH) for s in timeline.segments[last_work + 1:])
    # both sides of every one-sided exercise get the same time
    for i, segment in enumerate(timeline.segments):
        if segment.side is Side.LEFT:
            right = next(s for s in timeline.segments[i + 1:] if s.side is Side.RIGHT and s.kind is segment.kind)
            assert right.seconds == segment.seconds
            assert right.name == segment.name


def test_seconds_after_is_the_suffix_sum():
    timeline = build_timeline(circuit_from(ONE_SIDED_SKIP_LAST_REST.format(skip="true")))
    for i in range(len(timeline)):
        assert timeline.seconds_after(i) == sum(s.seconds or 0 for s in timeline.segments[i + 1:])
