"""What the circuit editor holds, as plain data (no Qt): the form's fields as the user
typed them, turned into the circuit file's document and checked by the same reader as
`postrun check`, so every message beside a field is the one the command line gives.

Durations stay text ("40s", "1:30") until checked; lists are typed comma-separated
(equipment, muscles, focus) or one per line (tips, alternatives).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from postrun.core.circuit import FORMAT_VERSION, Alternative, Circuit, Exercise, Sides
from postrun.core.circuit_reader import circuit_from_document
from postrun.core.circuit_toml import load_dict
from postrun.core.durations import parse_duration
from postrun.core.errors import CircuitError, Problem
from postrun.core.load import number_text
from postrun.core.progression_rule import Progression


@dataclass
class ExerciseForm:
    name: str = ""
    timed: bool = True
    amount: str = "40s"            # seconds when timed ("40s", "1:30"), a count when reps
    each_side: bool = False
    equipment: str = ""            # comma-separated
    muscles: str = ""
    tips: str = ""                 # one per line
    demo: str = ""
    alternatives: str = ""         # one name per line
    # the full alternatives it came with: a name kept in the list keeps its details
    known: tuple[Alternative, ...] = ()
    load_type: str = ""            # "" for no load given; else a LoadType value
    load_weight: str = ""          # as typed: "16", "12.5" or "12,5"
    load_unit: str = "kg"
    load_pair: bool = False        # two kettlebells or dumbbells: the weight is each one's
    load_both: bool = False        # ... or, ticked, the weight of both together (`total`)
    load_band: str = ""
    progression: str = ""          # "" for the default of its kind; else a RuleKind value
    known_progression: Progression | None = None    # its step and cap, kept while the rule is


@dataclass
class StretchForm:
    name: str = ""
    hold: str = "30s"
    each_side: bool = False
    tips: str = ""


@dataclass
class CircuitForm:
    name: str = ""
    summary: str = ""
    focus: str = ""
    rounds: int = 1
    prepare: str = "10s"
    rest: str = "20s"
    round_rest: str = "60s"
    switch: str = "5s"
    skip_last_rest: bool = True
    exercises: list[ExerciseForm] = field(default_factory=lambda: [ExerciseForm()])
    cooldown: list[StretchForm] = field(default_factory=list)

    def copy(self) -> CircuitForm:
        return copy.deepcopy(self)


def _seconds(value: int) -> str:
    return f"{value // 60}:{value % 60:02d}" if value >= 60 and value % 60 else (
        f"{value // 60}m" if value >= 60 else f"{value}s")


def _commas(items: tuple[str, ...]) -> str:
    return ", ".join(items)


def exercise_form(exercise: Exercise) -> ExerciseForm:
    timed = exercise.work is not None
    load = exercise.load
    reps = f"{exercise.reps}-{exercise.reps_top}" if exercise.reps_top is not None else str(exercise.reps or "")
    return ExerciseForm(
        name=exercise.name, timed=timed,
        amount=_seconds(exercise.work) if exercise.work is not None else reps,
        each_side=exercise.sides is Sides.EACH, equipment=_commas(exercise.equipment),
        muscles=_commas(exercise.muscles), tips="\n".join(exercise.tips), demo=exercise.demo or "",
        alternatives="\n".join(a.name for a in exercise.alternatives), known=exercise.alternatives,
        load_type=load.type.value if load else "",
        load_weight=number_text(load.total if load.as_total else load.weight)
        if load and load.weight is not None else "",
        load_unit=load.unit.value if load else "kg", load_pair=bool(load and load.implements == 2),
        load_both=bool(load and load.implements == 2 and load.as_total),
        load_band=load.band or "" if load else "",
        progression=exercise.progression.kind.value if exercise.progression else "",
        known_progression=exercise.progression)


def form_of(circuit: Circuit) -> CircuitForm:
    return CircuitForm(
        name=circuit.name, summary=circuit.summary, focus=_commas(circuit.focus), rounds=circuit.rounds,
        prepare=_seconds(circuit.prepare), rest=_seconds(circuit.rest), round_rest=_seconds(circuit.round_rest),
        switch=_seconds(circuit.switch), skip_last_rest=circuit.skip_last_rest,
        exercises=[exercise_form(e) for e in circuit.exercises],
        cooldown=[StretchForm(s.name, _seconds(s.hold), s.sides is Sides.EACH, "\n".join(s.tips))
                  for s in circuit.cooldown])


def _split(text: str, separator: str) -> list[str]:
    return [part.strip() for part in text.split(separator) if part.strip()]


def _amount(text: str) -> Any:
    """A count as a number when it is one; anything else as typed, for the reader to word."""
    stripped = text.strip()
    return int(stripped) if stripped.isascii() and stripped.isdigit() and len(stripped) < 10 else stripped


def _alternative(name: str, known: tuple[Alternative, ...], lookup: Any) -> dict[str, Any]:
    found = next((a for a in known if a.name.casefold() == name.casefold()), None)
    if found is None and lookup is not None:
        exercise = lookup(name)
        if exercise is not None:
            found = Alternative(name=name, equipment=exercise.equipment, muscles=exercise.muscles,
                                tips=exercise.tips, demo=exercise.demo)
    item: dict[str, Any] = {"name": name}
    if found is not None:
        for key in ("equipment", "muscles", "tips"):
            if getattr(found, key):
                item[key] = list(getattr(found, key))
        if found.demo:
            item["demo"] = found.demo
        if found.work is not None:
            item["work"] = found.work
        if found.reps is not None:
            item["reps"] = f"{found.reps}-{found.reps_top}" if found.reps_top is not None else found.reps
        if found.load is not None:
            item["load"] = load_dict(found.load)
        if found.progression is not None:
            item["progression"] = {"rule": found.progression.kind.value, "step": found.progression.time_step,
                                   **({"cap": found.progression.time_cap} if found.progression.time_cap else {})}
        if found.sides is not None:
            item["sides"] = found.sides.value
    return item


def document_of(form: CircuitForm, lookup: Any = None) -> dict[str, Any]:
    """The circuit file's document for the form (what would be written, before checking).
    `lookup(name)` finds a catalogue exercise, for an alternative typed by name."""
    doc: dict[str, Any] = {"format": FORMAT_VERSION, "name": form.name}
    if form.summary.strip():
        doc["summary"] = form.summary
    doc.update(focus=_split(form.focus, ","), rounds=form.rounds, prepare=form.prepare, rest=form.rest,
               round_rest=form.round_rest, switch=form.switch, skip_last_rest=form.skip_last_rest)
    exercises = []
    for item in form.exercises:
        exercise: dict[str, Any] = {"name": item.name}
        exercise["work" if item.timed else "reps"] = _amount(item.amount) if not item.timed else item.amount
        if item.each_side:
            exercise["sides"] = "each"
        for key in ("equipment", "muscles"):
            if values := _split(getattr(item, key), ","):
                exercise[key] = values
        if tips := _split(item.tips, "\n"):
            exercise["tips"] = tips
        if item.demo.strip():
            exercise["demo"] = item.demo.strip()
        if names := _split(item.alternatives, "\n"):
            exercise["alternative"] = [_alternative(n, item.known, lookup) for n in names]
        if item.load_type:
            exercise["load"] = _load(item)
        if item.progression:
            rule: dict[str, Any] = {"rule": item.progression}
            known = item.known_progression
            if known is not None and known.kind.value == item.progression:
                rule.update(step=known.time_step, **({"cap": known.time_cap} if known.time_cap else {}))
            exercise["progression"] = rule
        exercises.append(exercise)
    doc["exercise"] = exercises
    if form.cooldown:
        doc["cooldown"] = []
        for stretch in form.cooldown:
            entry: dict[str, Any] = {"name": stretch.name, "hold": stretch.hold}
            if stretch.each_side:
                entry["sides"] = "each"
            if tips := _split(stretch.tips, "\n"):
                entry["tips"] = tips
            doc["cooldown"].append(entry)
    return doc


def _load(item: ExerciseForm) -> dict[str, Any]:
    """The load as the file writes it; a weight that is not a number goes as typed, for the
    reader to say so beside the field."""
    load: dict[str, Any] = {"type": item.load_type}
    typed = item.load_weight.strip().replace(",", ".")
    key = "total" if item.load_pair and item.load_both else "weight"
    if typed:
        try:
            load[key] = float(typed)
        except ValueError:
            load[key] = item.load_weight.strip()
    if item.load_unit != "kg":
        load["unit"] = item.load_unit
    if item.load_pair:
        load["implements"] = 2
    if item.load_band:
        load["band"] = item.load_band
    return load


def check(form: CircuitForm, lookup: Any = None) -> tuple[Circuit | None, list[Problem]]:
    """The circuit, or the problems `postrun check` would report for it (without a path):
    the form's document goes to the same reader as a file's, without TOML text between."""
    try:
        return circuit_from_document(document_of(form, lookup)), []
    except CircuitError as error:
        return None, list(error.problems)        # no text and no path: no line, no file named


def field_problems(problems: list[Problem], prefix: str) -> list[str]:
    """The messages about a field (`rounds`) or everything under it (`exercise[2]`),
    worded as `postrun check` words them: 'exercise[2].work: must be more than zero'."""
    found = []
    for problem in problems:
        name = problem.field
        if name == prefix or name.startswith(prefix + ".") or name.startswith(prefix + "["):
            found.append(f"{name}: {problem.message}" if name else problem.message)
    return found


def without_details(problems: list[Problem]) -> list[str]:
    return [f"{p.field}: {p.message}" if p.field else p.message for p in problems]


CIRCUIT_FIELDS = ("name", "summary", "focus", "rounds", "prepare", "rest", "round_rest", "switch")
# the exercise box's rows and the file's fields each one shows ("length" is work, reps and sides)
EXERCISE_ROWS = {"name": ("name",), "length": ("work", "reps", "sides"), "load": ("load",),
                 "progression": ("progression",), "equipment": ("equipment",),
                 "muscles": ("muscles",), "tips": ("tips",), "demo": ("demo",), "alternative": ("alternative",)}


@dataclass(frozen=True)
class ProblemsByField:
    """Where each problem is shown: beside a circuit field, beside a row of the selected
    exercise, under the cool-down, as a mark on an exercise in the list, and the first
    few at the bottom."""

    circuit: dict[str, list[str]]
    exercise: dict[str, list[str]]
    cooldown: list[str]
    flagged: frozenset[int]            # exercises (from 0) with any problem
    overall: list[str]


def problems_by_field(problems: list[Problem], selected: int, exercises: int, shown: int = 3) -> ProblemsByField:
    prefix = f"exercise[{selected + 1}]"
    exercise = {row: [m for key in keys for m in field_problems(problems, f"{prefix}.{key}")]
                for row, keys in EXERCISE_ROWS.items()}
    # a problem with the exercise as a whole ("needs 'work' or 'reps'") shows under its name
    exercise["name"] += field_problems([p for p in problems if p.field == prefix], prefix)
    listed = without_details(problems)
    overall = listed[:shown] + ([f"and {len(listed) - shown} more"] if len(listed) > shown else [])
    return ProblemsByField(
        circuit={key: field_problems(problems, key) for key in CIRCUIT_FIELDS},
        exercise=exercise,
        cooldown=field_problems(problems, "cooldown"),
        flagged=frozenset(i for i in range(exercises) if field_problems(problems, f"exercise[{i + 1}]")),
        overall=overall,
    )


def stretches_from_text(text: str, known: list[StretchForm]) -> list[StretchForm]:
    """The cool-down box's lines ("Figure-four glute stretch, 30s, each") as stretches.
    Tips are not shown in the box, so a stretch keeps the tips it had under its name."""
    tips = {s.name: s.tips for s in known}
    stretches = []
    for line in text.splitlines():
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split(",")]
        stretches.append(StretchForm(name=parts[0], hold=parts[1] if len(parts) > 1 else "",
                                     each_side=len(parts) > 2 and parts[2].casefold() in ("each", "each side"),
                                     tips=tips.get(parts[0], "")))
    return stretches


def stretches_text(cooldown: list[StretchForm]) -> str:
    """The cool-down as the box shows it, one stretch a line."""
    return "\n".join(", ".join([s.name, s.hold] + (["each"] if s.each_side else [])) for s in cooldown)


def same_stretches(first: list[StretchForm], second: list[StretchForm]) -> bool:
    return [(s.name, s.hold, s.each_side) for s in first] == [(s.name, s.hold, s.each_side) for s in second]



def blank_from_catalogue(exercise: Exercise) -> ExerciseForm:
    """A new exercise filled from the catalogue: its tips, muscles, equipment and length."""
    return exercise_form(Exercise(
        name=exercise.name, work=exercise.work, reps=exercise.reps, sides=exercise.sides,
        equipment=exercise.equipment, muscles=exercise.muscles, tips=exercise.tips, demo=exercise.demo))



# -- switching timed <-> reps -------------------------------------------------------------

SECONDS_PER_REP = 3          # as the balance counts a rep set with no measured time
DEFAULT_SECONDS = "40s"
DEFAULT_REPS = "10"


def switch_kind(exercise: ExerciseForm, timed: bool) -> str | None:
    """Change an exercise between timed and reps, never silently: 10 reps becomes 30s (about
    3 s a rep) and 45s becomes 15 reps, and the sentence returned says so. None when it
    was already that kind."""
    if exercise.timed == timed:
        return None
    old = exercise.amount.strip()
    if timed:
        count = _amount(old)
        new = f"{count * SECONDS_PER_REP}s" if isinstance(count, int) and count > 0 else DEFAULT_SECONDS
        said = f"{old} reps" if old else "no count"
        note = f"Now timed: {new} instead of {said} (about {SECONDS_PER_REP} s a rep). Change it if that is not right."
    else:
        try:
            seconds = parse_duration(old)
        except ValueError:
            seconds = 0
        new = str(max(1, round(seconds / SECONDS_PER_REP))) if seconds > 0 else DEFAULT_REPS
        note = f"Now reps: {new} instead of {old or 'no time'}. Change it if that is not right."
    exercise.timed, exercise.amount = timed, new
    return note


# -- what to show while typing --------------------------------------------------------------

EXERCISE_KEYS = {"name": ("name",), "timed": ("work", "reps"), "amount": ("work", "reps"), "each_side": ("sides",),
                 "equipment": ("equipment",), "muscles": ("muscles",), "tips": ("tips",), "demo": ("demo",),
                 "alternatives": ("alternative",), "load_type": ("load",), "load_weight": ("load",),
                 "load_unit": ("load",), "load_pair": ("load",), "load_both": ("load",), "load_band": ("load",),
                 "progression": ("progression",)}


def touched_fields(form: CircuitForm, initial: CircuitForm) -> set[str]:
    """The fields (as the file names them: 'name', 'exercise[2].work', 'cooldown') that
    differ from the form as opened. An exercise added since is compared with a blank one,
    so a new circuit or a just-added exercise shows no error before anything is typed."""
    touched = {key for key in CIRCUIT_FIELDS if getattr(form, key) != getattr(initial, key)}
    blank = ExerciseForm()
    for index, exercise in enumerate(form.exercises):
        before = initial.exercises[index] if index < len(initial.exercises) else blank
        for attribute, keys in EXERCISE_KEYS.items():
            if getattr(exercise, attribute) != getattr(before, attribute):
                touched.update(f"exercise[{index + 1}].{key}" for key in keys)
    if form.cooldown != initial.cooldown:
        touched.add("cooldown")
    return touched


def shown_problems(problems: list[Problem], touched: set[str]) -> list[Problem]:
    """The problems to show beside their fields: those of a touched field, and those of no
    one field (the workout as a whole, an exercise as a whole once any of it is typed)."""
    def shown(problem: Problem) -> bool:
        name = problem.field
        if not name or name == "exercise" or name == "format":
            return True
        if name.startswith("cooldown"):
            return "cooldown" in touched
        if name.startswith("exercise["):
            row = name.split("]", 1)[0] + "]"
            if name == row:         # the exercise as a whole ("needs work or reps")
                return any(t.startswith(row + ".") for t in touched)
            return any(name == t or name.startswith(t + ".") or name.startswith(t + "[") for t in touched)
        return name.split(".", 1)[0].split("[", 1)[0] in touched
    return [p for p in problems if shown(p)]


PLACEHOLDER_CIRCUIT = "New circuit"
PLACEHOLDER_EXERCISE = "(new exercise)"


def step_form(form: CircuitForm) -> CircuitForm:
    """The form with its blank names filled in, for the step list and the total: a name not
    typed yet does not change how long the workout is."""
    steps = form.copy()
    steps.name = steps.name.strip() or PLACEHOLDER_CIRCUIT
    for exercise in steps.exercises:
        exercise.name = exercise.name.strip() or PLACEHOLDER_EXERCISE
    return steps


def form_texts(form: CircuitForm) -> list[tuple[str, str]]:
    """Every text typed in the form, with the field it goes in (as the file names it)."""
    texts = [("name", form.name), ("summary", form.summary), ("focus", form.focus)]
    for index, exercise in enumerate(form.exercises):
        prefix = f"exercise[{index + 1}]"
        texts += [(f"{prefix}.name", exercise.name), (f"{prefix}.equipment", exercise.equipment),
                  (f"{prefix}.muscles", exercise.muscles), (f"{prefix}.tips", exercise.tips),
                  (f"{prefix}.alternative", exercise.alternatives)]
    texts += [("cooldown", f"{s.name} {s.tips}") for s in form.cooldown]
    return [(field, text) for field, text in texts if text]
