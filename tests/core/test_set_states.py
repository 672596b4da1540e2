"""What became of each set, from where a workout ended: one rule for the history's detail,
the stop question's discard and the week/streak/month counts."""

import pytest

from postrun.core.set_states import SetState, set_outcomes, sets_done
from postrun.core.timeline import build_timeline

from circuits import TIMED_TWO_ROUNDS
from helpers import circuit_from

# TIMED_TWO_ROUNDS: 0 prepare | 1 A | 2 rest | 3 B-left | 4 switch | 5 B-right | 6 round rest
#                   | 7 A | 8 rest | 9 B-left | 10 switch | 11 B-right
TIMELINE = build_timeline(circuit_from(TIMED_TWO_ROUNDS))


@pytest.mark.parametrize(("reached", "skipped", "completed", "done"), [
    (0, (), False, 0),          # stopped in Get ready
    (1, (), False, 0),          # stopped in the first set: it was not done
    (2, (), False, 1),          # stopped in the rest after it
    (2, (1,), False, 0),        # ... after skipping it
    (4, (), False, 2),          # in the switch between the sides: the left side counts
    (7, (3, 5), False, 1),      # both sides of B skipped: only A
    (11, (), True, 6),          # completed: every set
    (11, (1, 7), True, 4),      # completed with two skipped
    (0, (), True, 6),           # completed and written with an odd index: still every set
])
def test_sets_done_is_what_was_passed_and_not_skipped(reached, skipped, completed, done):
    assert sets_done(TIMELINE, reached, set(skipped), completed) == done


def test_each_set_has_one_state_and_rests_are_not_sets():
    outcomes = set_outcomes(TIMELINE, 5, {3}, completed=False)
    assert [(o.index, o.state) for o in outcomes] == [
        (1, SetState.DONE), (3, SetState.SKIPPED), (5, SetState.STOPPED_HERE),
        (7, SetState.NOT_REACHED), (9, SetState.NOT_REACHED), (11, SetState.NOT_REACHED)]
