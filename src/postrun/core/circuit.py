"""The circuit model: frozen dataclasses, built only through validation.

A circuit describes one workout: exercises done in order for a number of rounds,
with rests in between and an optional cool-down of timed stretches.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from postrun.core.load import Load
from postrun.core.progression_rule import Progression

FORMAT_VERSION = 1
HELD = ("kettlebell", "dumbbell", "barbell")      # loads that are equipment to bring

# Limits, stated in README. They keep every circuit readable from across a room and
# every timeline small: at most 50 x 3 x 50 work segments, listed and drawn at once.
MAX_ROUNDS = 50
MAX_REPS = 1000
MAX_NAME = 80                 # circuit, exercise, stretch, equipment, muscle and focus names
MAX_TIP = 120                 # one form tip
MAX_SUMMARY = 400
MAX_DEMO = 500                # a link to a demonstration
MAX_EXERCISES = 50
MAX_STRETCHES = 10
MAX_ALTERNATIVES = 10         # per exercise
MAX_LIST_ITEMS = 20           # tips, equipment, muscles or focus of one item
MAX_WORKOUT_SECONDS = 4 * 60 * 60


class Sides(StrEnum):
    """`both` is the usual two-sided exercise; `each` runs left then right, same time."""

    BOTH = "both"
    EACH = "each"


@dataclass(frozen=True)
class Alternative:
    """A substitute for an exercise, e.g. kneeling kickbacks when there is no cable machine.

    work/reps/sides left as None inherit from the exercise it replaces.
    """

    name: str
    equipment: tuple[str, ...] = ()
    muscles: tuple[str, ...] = ()
    tips: tuple[str, ...] = ()
    demo: str | None = None
    work: int | None = None
    reps: int | None = None
    sides: Sides | None = None
    reps_top: int | None = None          # a range: reps is its bottom
    load: Load | None = None             # its own; an alternative never takes the exercise's
    progression: Progression | None = None


@dataclass(frozen=True)
class Exercise:
    """One exercise: timed (`work` seconds, per side when `sides` is each) or rep-based."""

    name: str
    work: int | None = None
    reps: int | None = None
    sides: Sides = Sides.BOTH
    equipment: tuple[str, ...] = ()
    muscles: tuple[str, ...] = ()
    tips: tuple[str, ...] = ()
    demo: str | None = None
    alternatives: tuple[Alternative, ...] = ()
    reps_top: int | None = None          # a range (8-12): reps is its bottom
    load: Load | None = None
    progression: Progression | None = None    # None: the default for its kind (rule_of)

    @property
    def one_sided(self) -> bool:
        return self.sides is Sides.EACH

    def swapped(self, alternative_index: int) -> Exercise:
        """This exercise replaced by one of its alternatives (which keeps the original as an alternative)."""
        alt = self.alternatives[alternative_index]
        if alt.work is not None or alt.reps is not None:
            work, reps, reps_top = alt.work, alt.reps, alt.reps_top
        else:
            work, reps, reps_top = self.work, self.reps, self.reps_top
        original = Alternative(
            name=self.name, equipment=self.equipment, muscles=self.muscles, tips=self.tips,
            demo=self.demo, work=self.work, reps=self.reps, sides=self.sides, reps_top=self.reps_top,
            load=self.load, progression=self.progression,
        )
        others = tuple(a for i, a in enumerate(self.alternatives) if i != alternative_index)
        return Exercise(
            name=alt.name,
            work=work,
            reps=reps,
            sides=alt.sides or self.sides,
            equipment=alt.equipment,
            muscles=alt.muscles or self.muscles,
            tips=alt.tips,
            demo=alt.demo,
            alternatives=(original, *others),
            reps_top=reps_top,
            load=alt.load,
            progression=alt.progression,
        )


@dataclass(frozen=True)
class Stretch:
    """A timed cool-down hold; `each` holds left then right."""

    name: str
    hold: int
    sides: Sides = Sides.BOTH
    tips: tuple[str, ...] = ()


@dataclass(frozen=True)
class Circuit:
    name: str
    exercises: tuple[Exercise, ...]
    summary: str = ""
    focus: tuple[str, ...] = ()
    rounds: int = 1
    prepare: int = 10
    rest: int = 20
    round_rest: int = 60
    switch: int = 5
    skip_last_rest: bool = True
    cooldown: tuple[Stretch, ...] = field(default=())

    @property
    def equipment(self) -> tuple[str, ...]:
        """Every piece of equipment the exercises (as chosen) need, in order, once each."""
        seen: dict[str, None] = {}
        for exercise in self.exercises:
            for item in exercise.equipment:
                seen.setdefault(item, None)
            load = exercise.load
            # a kettlebell load needs a kettlebell, whether or not the equipment list says so
            if load is not None and load.type.value in HELD and not any(load.type.value in e for e in seen):
                seen.setdefault(load.type.value, None)
        return tuple(seen)

    def with_choices(self, rounds: int | None = None, swaps: Mapping[int, int] | None = None) -> Circuit:
        """The circuit as the user will run it: rounds changed, exercises swapped for alternatives.

        swaps maps exercise index -> alternative index; unknown indexes are ignored so a
        remembered choice for an edited circuit cannot break it.
        """
        exercises = list(self.exercises)
        for ex_index, alt_index in (swaps or {}).items():
            if 0 <= ex_index < len(exercises) and 0 <= alt_index < len(exercises[ex_index].alternatives):
                exercises[ex_index] = exercises[ex_index].swapped(alt_index)
        new_rounds = self.rounds if rounds is None else max(1, min(MAX_ROUNDS, rounds))
        return replace(self, exercises=tuple(exercises), rounds=new_rounds)


def swaps_of(circuit: Circuit, chosen: Mapping[int, int]) -> list[dict[str, Any]]:
    """The swaps a workout ran with, as its record keeps them: exercises numbered from 1,
    by name."""
    return [{"exercise": index + 1, "from": circuit.exercises[index].name,
             "to": circuit.exercises[index].alternatives[choice].name}
            for index, choice in sorted(chosen.items())]
