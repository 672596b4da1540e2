"""What today's run says about tonight's strength: the full circuit after an easy or short
run, fewer rounds after a long or hard one, the cool-down only after the hardest. The
rules are data (assets/run_rules.toml, read by store/run_rules.py); this applies them and
says why in words. Nothing here changes a workout: the preview offers, the user takes."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import IntEnum

from postrun.core.run import Run, RunKind


class Advice(IntEnum):
    """Ordered: the strongest advice of the rules that match wins."""

    FULL = 0
    FEWER_ROUNDS = 1
    COOLDOWN_ONLY = 2


@dataclass(frozen=True)
class RunRule:
    """One rule: when any of its conditions holds, `advice`, said as `words`."""

    advice: Advice
    words: str
    minutes_over: float | None = None
    distance_over_average: float | None = None      # times the average run of the last weeks
    kinds: frozenset[RunKind] = frozenset()
    effort_at_least: int | None = None
    training_effect_at_least: float | None = None
    heart_rate_at_least: int | None = None

    def holds(self, run: Run, average_distance: float | None) -> bool:
        return any((
            self.minutes_over is not None and run.minutes > self.minutes_over,
            self.distance_over_average is not None and average_distance is not None and run.distance_m is not None
            and run.distance_m > self.distance_over_average * average_distance,
            run.kind is not None and run.kind in self.kinds,
            self.effort_at_least is not None and run.effort is not None and run.effort >= self.effort_at_least,
            self.training_effect_at_least is not None and run.training_effect is not None
            and run.training_effect >= self.training_effect_at_least,
            self.heart_rate_at_least is not None and run.average_heart_rate is not None
            and run.average_heart_rate >= self.heart_rate_at_least,
        ))


@dataclass(frozen=True)
class RunRules:
    rules: tuple[RunRule, ...]
    average_weeks: int = 4                 # the average run is of these weeks before the day
    fewer_rounds_share: float = 0.5        # fewer rounds: this share of the circuit's, rounded up
    easy_words: str = "an easy or short run: the full circuit"


@dataclass(frozen=True)
class RunAdvice:
    advice: Advice
    reasons: tuple[str, ...] = field(default_factory=tuple)     # the words of each rule that holds

    def rounds(self, planned: int, rules: RunRules) -> int:
        """The rounds to offer for a circuit of `planned` rounds."""
        if self.advice is Advice.FULL:
            return planned
        if self.advice is Advice.COOLDOWN_ONLY:
            return 1
        return max(1, min(planned, math.ceil(planned * rules.fewer_rounds_share)))

    def sentence(self, rules: RunRules) -> str:
        """'After today's run (longer than 90 minutes, intervals): fewer rounds.'"""
        if self.advice is Advice.FULL:
            return f"After {rules.easy_words}."
        what = "fewer rounds" if self.advice is Advice.FEWER_ROUNDS else \
            "the cool-down only (or at most one easy round)"
        return f"After today's run ({', '.join(self.reasons)}): {what}."


def average_distance(earlier: Sequence[Run]) -> float | None:
    """The average distance of the runs before today (of the weeks the rules say), or None
    with too few to compare with (fewer than three)."""
    known = [r.distance_m for r in earlier if r.distance_m]
    return sum(known) / len(known) if len(known) >= 3 else None


def advise(run: Run, earlier: Sequence[Run], rules: RunRules) -> RunAdvice:
    """The advice for the strength after `run`, given the runs of the weeks before it."""
    average = average_distance(earlier)
    holding = [rule for rule in rules.rules if rule.holds(run, average)]
    if not holding:
        return RunAdvice(Advice.FULL)
    strongest = max(rule.advice for rule in holding)
    if strongest is Advice.FULL:
        return RunAdvice(Advice.FULL)
    reasons = tuple(dict.fromkeys(rule.words for rule in holding if rule.advice is strongest))
    return RunAdvice(strongest, reasons)


def with_balance(advice: RunAdvice, balance_circuit: str | None, planned_rounds: int, rules: RunRules) -> str | None:
    """The circuit the muscle balance suggests, said together with the run's advice, so
    neither silently overrides the other."""
    if balance_circuit is None:
        return None
    if advice.advice is Advice.FULL:
        return f"{balance_circuit} would balance your last 4 weeks."
    if advice.advice is Advice.COOLDOWN_ONLY:
        return f"{balance_circuit} would balance your last 4 weeks; after this run it can wait for another day."
    rounds = advice.rounds(planned_rounds, rules)
    return (f"{balance_circuit} would balance your last 4 weeks: after this run, "
            f"{rounds} round{'s' if rounds != 1 else ''} of it instead of {planned_rounds}.")
