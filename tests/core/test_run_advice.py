"""What today's run suggests for the strength after it, from the rules in assets/: the
full circuit after an easy or short run, fewer rounds after a long or hard one, the
cool-down only after a race; always with the reason, and said together with the balance."""

from datetime import UTC, datetime, timedelta

import pytest

from postrun.core.run import Run, RunKind, run_line
from postrun.core.run_advice import Advice, advise, with_balance
from postrun.store.run_rules import run_rules

EVENING = datetime(2026, 12, 7, 17, 2, tzinfo=UTC)
RULES = run_rules()


def run(minutes=40.0, km=8.0, **changes):
    return Run(EVENING, minutes * 60, km * 1000 if km else None, minutes * 60, **changes)


EARLIER = [Run(EVENING - timedelta(days=d), 2400, 8000.0) for d in (2, 4, 6, 9)]     # 8 km on average


@pytest.mark.parametrize(("today", "advice", "reasons"), [
    (run(), Advice.FULL, ()),
    (run(minutes=25, km=5, kind=RunKind.EASY), Advice.FULL, ()),
    (run(minutes=95, km=16), Advice.FEWER_ROUNDS, ("longer than 90 minutes", "1.5 times your 4-week average distance")),
    (run(km=12.5), Advice.FEWER_ROUNDS, ("1.5 times your 4-week average distance",)),
    (run(km=11.9), Advice.FULL, ()),                       # under 1.5 x 8 km
    (run(kind=RunKind.INTERVALS), Advice.FEWER_ROUNDS, ("intervals",)),
    (run(kind=RunKind.TEMPO), Advice.FULL, ()),
    (run(effort=8), Advice.FEWER_ROUNDS, ("effort 8 or more",)),
    (run(effort=7), Advice.FULL, ()),
    (run(training_effect=4.0), Advice.FEWER_ROUNDS, ("training effect 4 or more",)),
    (run(training_effect=3.9), Advice.FULL, ()),
    (run(kind=RunKind.RACE, effort=9), Advice.COOLDOWN_ONLY, ("a race",)),       # the strongest wins
    (run(minutes=130, km=25), Advice.COOLDOWN_ONLY, ("more than 2 hours",)),
    (run(km=0, minutes=30), Advice.FULL, ()),              # a treadmill run typed without distance
])
def test_the_advice_and_its_reasons(today, advice, reasons):
    found = advise(today, EARLIER, RULES)
    assert found.advice is advice
    assert found.reasons == reasons


def test_too_few_earlier_runs_make_no_average():
    assert advise(run(km=30, minutes=80), EARLIER[:2], RULES).advice is Advice.FULL


@pytest.mark.parametrize(("advice", "planned", "offered"), [
    (Advice.FULL, 3, 3), (Advice.FEWER_ROUNDS, 3, 2), (Advice.FEWER_ROUNDS, 4, 2), (Advice.FEWER_ROUNDS, 1, 1),
    (Advice.COOLDOWN_ONLY, 4, 1)])
def test_rounds_offered(advice, planned, offered):
    from postrun.core.run_advice import RunAdvice

    assert RunAdvice(advice, ("x",)).rounds(planned, RULES) == offered


def test_the_sentence_says_why():
    found = advise(run(kind=RunKind.INTERVALS, effort=8), EARLIER, RULES)
    assert found.sentence(RULES) == "After today's run (intervals, effort 8 or more): fewer rounds."
    assert advise(run(), EARLIER, RULES).sentence(RULES) == "After an easy or short run: the full circuit."


def test_the_balance_is_said_with_the_run_never_silently_overridden():
    hard = advise(run(kind=RunKind.INTERVALS), EARLIER, RULES)
    assert with_balance(hard, "Posterior chain", 3, RULES) == (
        "Posterior chain would balance your last 4 weeks: after this run, 2 rounds of it instead of 3.")
    race = advise(run(kind=RunKind.RACE), EARLIER, RULES)
    assert "can wait for another day" in with_balance(race, "Posterior chain", 3, RULES)
    assert with_balance(hard, None, 3, RULES) is None


def test_a_run_in_one_line_in_the_users_zone():
    from datetime import timezone

    line = run_line(Run(EVENING, 2830, 8200.0, 2830, average_heart_rate=152, kind=RunKind.INTERVALS),
                    timezone(timedelta(hours=1)))
    assert line == "18:02, 8.2 km in 47:10, average heart rate 152, intervals"
    assert run_line(Run(EVENING, 5525, None, None, sub_sport="treadmill"), UTC) == \
        "17:02, 1:32:05, treadmill"
