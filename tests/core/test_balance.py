"""Balance as tables: work time per muscle group from what was actually done."""

import pytest

from postrun.core.balance import (
    OTHER,
    REP_SECONDS,
    DoneWork,
    GroupTable,
    add,
    group_seconds,
    lagging,
    planned_seconds,
    sentence,
    suggest,
    works_text,
)
from postrun.store.muscle_groups import group_table

from helpers import circuit_from

TABLE = GroupTable(
    order=("posterior chain", "quads", "calves", "core", "upper body"),
    of_muscle={"glutes": "posterior chain", "hamstrings": "posterior chain", "quads": "quads",
               "calves": "calves", "obliques": "core", "shoulders": "upper body"},
    circuit_words={"quads": "a quad circuit"})

CIRCUIT = circuit_from("""
    format = 1
    name = "Mixed"
    rounds = 2
    prepare = 10
    rest = 15
    round_rest = 30
    switch = 5
    [[exercise]]
    name = "Swings"
    work = 40
    muscles = ["glutes", "hamstrings"]
    [[exercise]]
    name = "Split squat"
    work = 30
    sides = "each"
    muscles = ["Quads", "glutes"]
    [[exercise]]
    name = "Calf raise"
    reps = 20
    muscles = ["calves"]
    [[exercise]]
    name = "Mystery"
    work = 20
    muscles = ["spleen"]
    [[exercise]]
    name = "Untagged"
    work = 10
""")


def work_indexes(circuit):
    from postrun.core.timeline import Kind, build_timeline
    return [i for i, s in enumerate(build_timeline(circuit).segments) if s.kind is Kind.WORK]


def test_a_whole_workout_counts_sides_once_each_and_shares_time_among_muscles():
    totals = group_seconds(DoneWork(CIRCUIT, completed=True, reached=0), TABLE)
    # per round: swings 40 posterior; split squat 30 per side x2 = 60, half quads half glutes;
    # calf raise 20 reps x 3 s; mystery 20 other; untagged 10 other
    assert totals["posterior chain"] == pytest.approx(2 * (40 + 30))
    assert totals["quads"] == pytest.approx(2 * 30)
    assert totals["calves"] == pytest.approx(2 * 20 * REP_SECONDS)
    assert totals[OTHER] == pytest.approx(2 * 30)


def test_skipped_sets_are_left_out_and_measured_time_wins():
    work = work_indexes(CIRCUIT)
    swings_round_1, squat_left, squat_right, calves = work[0], work[1], work[2], work[3]
    done = DoneWork(CIRCUIT, completed=True, reached=0, skipped=frozenset({swings_round_1, squat_left}),
                    spent={calves: 50.0, squat_right: 35.0})
    totals = group_seconds(done, TABLE)
    assert totals["posterior chain"] == pytest.approx(17.5 + 40 + 30)   # right squat half; round 2 swings, squat half
    assert totals["quads"] == pytest.approx(17.5 + 30)
    assert totals["calves"] == pytest.approx(50 + 20 * REP_SECONDS)


def test_a_stopped_workout_counts_what_was_done_before_it_stopped():
    work = work_indexes(CIRCUIT)
    stopped_in = work[2]          # the right side of the split squat, round 1
    done = DoneWork(CIRCUIT, completed=False, reached=stopped_in)
    totals = group_seconds(done, TABLE)
    assert totals == pytest.approx({"posterior chain": 40 + 15, "quads": 15})
    with_time = DoneWork(CIRCUIT, completed=False, reached=stopped_in, spent={stopped_in: 12.0})
    assert group_seconds(with_time, TABLE)["quads"] == pytest.approx(15 + 6)


def test_add_gives_every_group_in_order():
    summed = add([{"quads": 60.0}, {"quads": 30.0, OTHER: 5.0}], TABLE)
    assert list(summed) == [*TABLE.order, OTHER]
    assert summed["quads"] == 90.0
    assert summed["calves"] == 0.0


@pytest.mark.parametrize(("posterior", "quads", "expected"), [
    (0, 0, None),
    (48 * 60, 12 * 60, "quads"),
    (12 * 60, 48 * 60, "posterior chain"),
    (20 * 60, 15 * 60, None),                 # within 1.5x
    (30, 0, None),                            # less than a minute apart: too little to judge
    (600, 0, "quads"),
])
def test_lagging(posterior, quads, expected):
    assert lagging({"posterior chain": posterior, "quads": quads}, TABLE) == expected


def test_sentence_words():
    assert sentence({"posterior chain": 48 * 60, "quads": 12 * 60}, TABLE) == (
        "Last 4 weeks: posterior chain 48 min, quads 12 min. A quad circuit would balance it.")
    assert sentence({"posterior chain": 48 * 60, "quads": 12 * 60}, TABLE, "Quad day") == (
        "Last 4 weeks: posterior chain 48 min, quads 12 min. A quad circuit (“Quad day”) would balance it.")
    assert sentence({"posterior chain": 10 * 60, "quads": 40 * 60}, TABLE).endswith(
        "A posterior chain circuit would balance it.")
    assert sentence({"posterior chain": 600, "quads": 540}, TABLE).endswith(
        "Balanced between posterior chain and quads.")
    assert sentence({}, TABLE).startswith("No strength work in the last 4 weeks yet")
    assert "under 1 min" in sentence({"posterior chain": 20, "quads": 0}, TABLE)


@pytest.mark.parametrize("by_group", [
    {"posterior chain": 0, "quads": 0, "core": 600},          # other groups worked, not the pair
    {"posterior chain": 20, "quads": 0, "core": 600},
    {"posterior chain": 59, "quads": 59},
])
def test_two_zeros_are_not_called_balanced(by_group):
    text = sentence(by_group, TABLE)
    assert "Balanced" not in text
    assert text.endswith("Not enough posterior chain or quads work yet to say how they balance.")


def test_suggest_picks_the_circuit_that_evens_the_pair():
    now = {"posterior chain": 48 * 60.0, "quads": 12 * 60.0}
    candidates = {
        "posterior": {"posterior chain": 600.0},
        "small-quads": {"quads": 120.0, "posterior chain": 60.0},
        "quads": {"quads": 900.0, "posterior chain": 300.0},
        "calves": {"calves": 600.0},
    }
    assert suggest(now, candidates, TABLE) == "quads"
    assert suggest({"posterior chain": 600.0, "quads": 600.0}, candidates, TABLE) is None
    assert suggest(now, {"posterior": {"posterior chain": 600.0}}, TABLE) is None


def test_the_shipped_table_groups_every_muscle_of_the_built_ins():
    from postrun.store.library import load_library

    table = group_table()
    for entry in load_library():
        for exercise in entry.circuit.exercises:
            for muscle in exercise.muscles:
                assert table.group(muscle) != OTHER, (entry.key, muscle)
    assert table.group("Hamstrings") == "posterior chain"
    assert table.group("spleen") == OTHER
    quad = next(e for e in load_library() if e.key == "quad-circuit")
    profile = planned_seconds(quad.circuit, table)
    assert profile["quads"] > profile["posterior chain"] > 0


def test_works_text_is_each_tagged_groups_share_of_the_work_largest_first():
    # per round: posterior 70 s, calves 60 s, quads 30 s; the untagged and unknown are left out
    assert works_text(CIRCUIT, TABLE) == "posterior chain 44 %, calves 38 %, quads 19 %"


def test_works_text_is_empty_when_nothing_is_tagged():
    untagged = circuit_from("""
        format = 1
        name = "Bare"
        [[exercise]]
        name = "Swings"
        work = 40
        """)
    assert works_text(untagged, TABLE) == ""


@pytest.mark.parametrize(("seconds", "words"), [(0, "0 min"), (10, "under 1 min"), (30, "1 min"), (89, "1 min"),
                                                (90, "2 min"), (150, "3 min"), (3600, "1 h 0 min")])
def test_minutes_words_round_half_up_and_never_say_zero_for_some_work(seconds, words):
    from postrun.core.balance import minutes_words
    assert minutes_words(seconds) == words
