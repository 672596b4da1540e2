"""A parsed circuit document (a dict, from TOML text or a workout record) into a Circuit.

Every problem is collected (not just the first) with its field path and, when the text is
known, its line, so a person editing by hand can fix the file in one go. Field paths count
from 1 as people do: `exercise[2].work` is the second exercise.
"""

from __future__ import annotations

import difflib
import math
import re
from pathlib import Path
from typing import Any

from postrun.core.circuit import (
    FORMAT_VERSION,
    MAX_ALTERNATIVES,
    MAX_DEMO,
    MAX_EXERCISES,
    MAX_LIST_ITEMS,
    MAX_NAME,
    MAX_REPS,
    MAX_ROUNDS,
    MAX_STRETCHES,
    MAX_SUMMARY,
    MAX_TIP,
    MAX_WORKOUT_SECONDS,
    Alternative,
    Circuit,
    Exercise,
    Sides,
    Stretch,
)
from postrun.core.durations import DurationError, format_duration, parse_duration
from postrun.core.errors import CircuitError, Problem
from postrun.core.field_lines import FieldLines
from postrun.core.load import (
    BAND_COLOURS,
    EXTERNAL,
    LB_PER_KG,
    MAX_IMPLEMENTS,
    MAX_KG,
    WITH_WEIGHT,
    Load,
    LoadType,
    Unit,
)
from postrun.core.progression_rule import Progression, RuleKind
from postrun.core.text_rules import unreadable_character
from postrun.core.timeline import build_timeline

MAX_TEXT = MAX_NAME

CIRCUIT_KEYS = {
    "format", "name", "summary", "focus", "rounds", "prepare", "rest", "round_rest",
    "switch", "skip_last_rest", "exercise", "cooldown",
}
ALTERNATIVE_KEYS = {"name", "work", "reps", "sides", "equipment", "muscles", "tips", "demo", "load", "progression"}
LOAD_KEYS = {"type", "weight", "total", "unit", "implements", "band"}
PROGRESSION_KEYS = {"rule", "step", "cap"}
_RANGE = re.compile(r"^\s*(\d{1,6})\s*[-–]\s*(\d{1,6})\s*$")
EXERCISE_KEYS = ALTERNATIVE_KEYS | {"alternative"}
STRETCH_KEYS = {"name", "hold", "sides", "tips"}


def circuit_from_document(document: dict[str, Any], *, lines: FieldLines | None = None,
                          path: Path | None = None) -> Circuit:
    """A circuit document -> Circuit, or CircuitError listing every mistake."""
    reader = _Reader(lines, path)
    circuit = reader.circuit(document) if isinstance(document, dict) else None
    if reader.problems or circuit is None:
        raise CircuitError(reader.problems or [Problem("not a valid circuit", path=path)])
    total = build_timeline(circuit).total_seconds
    if total > MAX_WORKOUT_SECONDS:
        raise CircuitError([Problem(
            f"the whole workout would take {format_duration(total)}; a circuit runs at most 4 hours "
            "(fewer rounds, exercises or shorter sets)", path=path)])
    return circuit


def circuit_from_snapshot(snapshot: dict[str, Any]) -> Circuit | None:
    """A circuit as a workout record stored it (circuit_to_dict's shape), read back by the
    same rules as a file; None when the record's copy cannot be used (edited, too deep)."""
    try:
        return circuit_from_document(snapshot)
    except (CircuitError, RecursionError):
        return None


class _Reader:
    """Validates a parsed TOML document into a Circuit, collecting problems."""

    def __init__(self, lines: FieldLines | None, path: Path | None) -> None:
        self.path = path
        self.locator = lines
        self.problems: list[Problem] = []

    def problem(self, field: str, message: str) -> None:
        line = self.locator.line_of(field) if self.locator is not None else None
        self.problems.append(Problem(message, field=field, line=line, path=self.path))

    # -- generic field readers -------------------------------------------------------

    def check_keys(self, table: dict[str, Any], allowed: set[str], where: str) -> None:
        for key in table:
            if key not in allowed:
                hint = difflib.get_close_matches(key, sorted(allowed), n=1)
                suggestion = f"; did you mean '{hint[0]}'?" if hint else f"; known keys: {', '.join(sorted(allowed))}"
                self.problem(_join(where, key), f"unknown key '{key}'{suggestion}")

    def text(self, table: dict[str, Any], key: str, where: str, *, required: bool = False,
             limit: int = MAX_TEXT) -> str | None:
        field = _join(where, key)
        if key not in table:
            if required:
                self.problem(where or field, f"'{key}' is missing")
            return None
        value = table[key]
        if not isinstance(value, str):
            self.problem(field, f"must be text in quotes, not {_kind(value)}")
            return None
        value = value.strip()
        if required and not value:
            self.problem(field, "must not be empty")
            return None
        problem = _text_problem(value, limit)
        if problem is not None:
            self.problem(field, problem)
            return None
        return value

    def text_list(self, table: dict[str, Any], key: str, where: str, limit: int = MAX_TEXT) -> tuple[str, ...]:
        field = _join(where, key)
        if key not in table:
            return ()
        value = table[key]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.problem(field, f"must be a list of text such as [\"a\", \"b\"], not {_kind(value)}")
            return ()
        if len(value) > MAX_LIST_ITEMS:
            self.problem(field, f"has {len(value)} items; at most {MAX_LIST_ITEMS} are allowed")
            return ()
        items: list[str] = []
        for index, item in enumerate(value, start=1):
            if not isinstance(item, str):
                self.problem(f"{field}[{index}]", f"must be text in quotes, not {_kind(item)}")
            elif not item.strip():
                self.problem(f"{field}[{index}]", "must not be empty")
            elif (problem := _text_problem(item.strip(), limit)) is not None:
                self.problem(f"{field}[{index}]", problem)
            else:
                items.append(item.strip())
        return tuple(items)

    def duration(self, table: dict[str, Any], key: str, where: str, default: int | None,
                 *, positive: bool) -> int | None:
        if key not in table:
            return default
        try:
            seconds = parse_duration(table[key])
        except DurationError as exc:
            self.problem(_join(where, key), str(exc))
            return None
        if positive and seconds == 0:
            self.problem(_join(where, key), "must be longer than zero seconds")
            return None
        return seconds

    def integer(self, table: dict[str, Any], key: str, where: str, low: int, high: int,
                default: int | None) -> int | None:
        if key not in table:
            return default
        value = table[key]
        field = _join(where, key)
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(field, f"must be a whole number from {low} to {high}, not {_kind(value)}")
            return None
        if not low <= value <= high:
            shown = value if abs(value) <= 10**12 else "a very large number"
            self.problem(field, f"must be from {low} to {high}, not {shown}")
            return None
        return value

    def sides(self, table: dict[str, Any], where: str) -> Sides | None:
        if "sides" not in table:
            return None
        value = table["sides"]
        try:
            return Sides(value)
        except (ValueError, TypeError):
            self.problem(_join(where, "sides"), f"must be \"each\" (left then right) or \"both\", not {value!r}")
            return None

    def tables(self, document: dict[str, Any], key: str, where: str, most: int) -> list[dict[str, Any]]:
        value = document.get(key, [])
        if isinstance(value, dict):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            self.problem(_join(where, key), f"must be written as [[{_join(where, key).split('[')[0]}]] tables")
            return []
        if len(value) > most:
            words = {"exercise": "exercises", "cooldown": "cool-down stretches", "alternative": "alternatives"}[key]
            self.problem(_join(where, key), f"there are {len(value)} {words}; at most {most} are allowed")
            return []
        return value

    # -- the circuit -----------------------------------------------------------------

    def circuit(self, document: dict[str, Any]) -> Circuit | None:
        if not self.format_ok(document):
            return None
        self.check_keys(document, CIRCUIT_KEYS, "")
        name = self.text(document, "name", "", required=True)
        summary = self.text(document, "summary", "", limit=MAX_SUMMARY) or ""
        focus = self.text_list(document, "focus", "")
        rounds = self.integer(document, "rounds", "", 1, MAX_ROUNDS, 1)
        prepare = self.duration(document, "prepare", "", 10, positive=False)
        rest = self.duration(document, "rest", "", 20, positive=False)
        round_rest = self.duration(document, "round_rest", "", 60, positive=False)
        switch = self.duration(document, "switch", "", 5, positive=False)
        skip_last_rest = document.get("skip_last_rest", True)
        if not isinstance(skip_last_rest, bool):
            self.problem("skip_last_rest", f"must be true or false, not {_kind(skip_last_rest)}")
        exercise_tables = self.tables(document, "exercise", "", MAX_EXERCISES)
        if "exercise" in document and not exercise_tables and not self.problems:
            self.problem("exercise", "there must be at least one exercise")
        if "exercise" not in document:
            self.problem("exercise", "there are no exercises; add at least one [[exercise]] table")
        exercises = [self.item(t, f"exercise[{i}]", alternative=False)
                     for i, t in enumerate(exercise_tables, start=1)]
        stretch_tables = self.tables(document, "cooldown", "", MAX_STRETCHES)
        stretches = [self.stretch(t, f"cooldown[{i}]") for i, t in enumerate(stretch_tables, start=1)]
        if self.problems:
            return None
        if None in (name, rounds, prepare, rest, round_rest, switch):
            return None
        assert name is not None
        assert rounds is not None
        assert prepare is not None
        assert rest is not None
        assert round_rest is not None
        assert switch is not None
        return Circuit(
            name=name, summary=summary, focus=focus, rounds=rounds, prepare=prepare, rest=rest,
            round_rest=round_rest, switch=switch, skip_last_rest=bool(skip_last_rest),
            exercises=tuple(e for e in exercises if isinstance(e, Exercise)),
            cooldown=tuple(s for s in stretches if s is not None),
        )

    def format_ok(self, document: dict[str, Any]) -> bool:
        if "format" not in document:
            self.problem("format", f"'format' is missing; start the file with: format = {FORMAT_VERSION}")
            return False
        value = document["format"]
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.problem("format", f"must be a whole number such as {FORMAT_VERSION}, not {value!r}")
            return False
        if value > FORMAT_VERSION:
            self.problem("format", f"this file uses format {value}, made by a newer Postrun; "
                                   f"this version reads format {FORMAT_VERSION}. Update Postrun to open it")
            return False
        return True

    def work_or_reps(self, table: dict[str, Any], where: str, *,
                     required: bool) -> tuple[int | None, int | None, int | None]:
        """(work, reps or the bottom of a range, the top of a range)."""
        has_work, has_reps = "work" in table, "reps" in table
        if has_work and has_reps:
            self.problem(_join(where, "reps"), "give either 'work' (a time) or 'reps' (a count), not both")
            return None, None, None
        if required and not has_work and not has_reps:
            self.problem(where, "needs 'work' (a time such as \"40s\") or 'reps' (a count such as 12)")
            return None, None, None
        work = self.duration(table, "work", where, None, positive=True)
        reps, top = self.reps(table, where)
        return work, reps, top

    def reps(self, table: dict[str, Any], where: str) -> tuple[int | None, int | None]:
        """`reps = 12`, or a range `reps = "8-12"`: (bottom, top or None)."""
        value = table.get("reps")
        if not isinstance(value, str):
            return self.integer(table, "reps", where, 1, MAX_REPS, None), None
        field = _join(where, "reps")
        if not value.strip():
            self.problem(field, "must not be empty; write a count such as 12 or a range such as \"8-12\"")
            return None, None
        match = _RANGE.match(value)
        if match is None:
            self.problem(field, f"cannot read {value[:40]!r} as reps; write a count such as 12 or a range "
                                "such as \"8-12\"")
            return None, None
        low, high = int(match.group(1)), int(match.group(2))
        if low < 1 or high > MAX_REPS:
            self.problem(field, f"a range of reps goes from 1 to {MAX_REPS}, not {low}-{high}")
            return None, None
        if low >= high:
            self.problem(field, f"the range {low}-{high} is upside down or empty; write the fewer reps first, "
                                f"such as \"{min(low, high)}-{max(low, high) + (low == high)}\"")
            return None, None
        return low, high

    def load(self, table: dict[str, Any], where: str) -> Load | None:
        """`load = { type = "kettlebell", weight = 16 }`; a type alone may be written as
        text (`load = "bodyweight"`)."""
        if "load" not in table:
            return None
        value = table["load"]
        field = _join(where, "load")
        if isinstance(value, str):
            value = {"type": value}
        if not isinstance(value, dict):
            self.problem(field, f"must be a table such as {{ type = \"kettlebell\", weight = 16 }}, not {_kind(value)}")
            return None
        before = len(self.problems)
        self.check_keys(value, LOAD_KEYS, field)
        kind = self.choice(value, "type", field, [t.value for t in LoadType], required=True)
        unit = self.choice(value, "unit", field, [u.value for u in Unit], required=False) or "kg"
        load_type = LoadType(kind) if kind else None
        weight = self.weight(value, field, load_type, Unit(unit) if unit in ("kg", "lb") else Unit.KG)
        implements = 1
        if "implements" in value:
            if load_type not in (LoadType.KETTLEBELL, LoadType.DUMBBELL):
                self.problem(_join(field, "implements"), "only a kettlebell or dumbbell load comes in a pair")
            else:
                implements = self.integer(value, "implements", field, 1, MAX_IMPLEMENTS, 1) or 1
        as_total = "total" in value
        if as_total:
            # a pair given as both together: `total = 32` is two 16 kg bells
            if "weight" in value:
                self.problem(_join(field, "total"), "give the weight of each (weight) or of both together "
                                                    "(total), not both")
            elif implements < 2:
                self.problem(_join(field, "total"), "is the weight of a pair together; add implements = 2, "
                                                    "or write weight for one")
            else:
                both = self.weight(value, field, load_type, Unit(unit) if unit in ("kg", "lb") else Unit.KG,
                                   key="total")
                weight = both / implements if both is not None else None
        band = None
        if load_type is LoadType.BAND:
            band = self.choice(value, "band", field, list(BAND_COLOURS), required=True)
        elif "band" in value:
            self.problem(_join(field, "band"), "a band colour goes with type = \"band\" only")
        if len(self.problems) > before or load_type is None:
            return None
        return Load(load_type, weight, Unit(unit), implements, band, as_total)

    def weight(self, table: dict[str, Any], where: str, kind: LoadType | None, unit: Unit,
               key: str = "weight") -> float | None:
        if key not in table:
            return None
        value = table[key]
        field = _join(where, key)
        if kind is not None and kind not in WITH_WEIGHT:
            self.problem(field, f"a {kind.value} load has no weight; use type = \"weighted\" for weight added "
                                "to the body, or \"assisted\" for weight taken off")
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            self.problem(field, f"must be a number such as 16 or 12.5, not {_kind(value)}")
            return None
        limit = MAX_KG if unit is Unit.KG else round(MAX_KG * LB_PER_KG)
        if value < 0:
            self.problem(field, "cannot be negative; for weight taken off the body write type = \"assisted\" "
                                "and the weight it takes off")
            return None
        if value == 0:
            what = f"a 0 {unit.value} {kind.value}" if kind in EXTERNAL and kind is not None else "0"
            self.problem(field, f"{what} is no load; leave the weight out, or give the weight used")
            return None
        if value > limit:
            self.problem(field, f"{value:g} {unit.value} is more than the {limit:g} {unit.value} a circuit allows")
            return None
        return float(value)

    def choice(self, table: dict[str, Any], key: str, where: str, allowed: list[str], *,
               required: bool) -> str | None:
        field = _join(where, key)
        if key not in table:
            if required:
                self.problem(where, f"'{key}' is missing; one of: {', '.join(allowed)}")
            return None
        value = table[key]
        if isinstance(value, str) and value.strip().lower() in allowed:
            return value.strip().lower()
        shown = repr(value[:40]) if isinstance(value, str) else _kind(value)
        hint = difflib.get_close_matches(value.strip().lower(), allowed, n=1) if isinstance(value, str) else []
        maybe = f"; did you mean {hint[0]!r}?" if hint else ""
        self.problem(field, f"must be one of {', '.join(allowed)}, not {shown}{maybe}")
        return None

    def progression(self, table: dict[str, Any], where: str, work: int | None,
                    top: int | None) -> Progression | None:
        """`progression = "double"`, or `{ rule = "time", step = "5s", cap = "60s" }`."""
        if "progression" not in table:
            return None
        value = table["progression"]
        field = _join(where, "progression")
        if isinstance(value, str):
            value = {"rule": value}
        if not isinstance(value, dict):
            self.problem(field, f"must be \"double\", \"time\" or \"none\", or a table, not {_kind(value)}")
            return None
        before = len(self.problems)
        self.check_keys(value, PROGRESSION_KEYS, field)
        rule = self.choice(value, "rule", field, [r.value for r in RuleKind], required=True)
        step = self.duration(value, "step", field, 5, positive=True)
        cap = self.duration(value, "cap", field, None, positive=True)
        if rule == "double" and top is None:
            self.problem(field, "double progression needs a range of reps, such as reps = \"8-12\"")
        if rule == "time" and work is None:
            self.problem(field, "time progression is for a timed exercise (one with 'work')")
        if rule == "time" and cap is not None and work is not None and cap < work:
            self.problem(_join(field, "cap"), f"the cap ({format_duration(cap)}) is shorter than the work "
                                              f"({format_duration(work)})")
        if len(self.problems) > before or rule is None or step is None:
            return None
        return Progression(RuleKind(rule), step, cap)

    def item(self, table: dict[str, Any], where: str, *, alternative: bool) -> Exercise | Alternative | None:
        """An exercise or one of its alternatives: the same fields, read by the same rules.
        An alternative may leave work/reps/sides out (it inherits them) and has no
        alternatives of its own."""
        before = len(self.problems)
        self.check_keys(table, ALTERNATIVE_KEYS if alternative else EXERCISE_KEYS, where)
        name = self.text(table, "name", where, required=True)
        work, reps, top = self.work_or_reps(table, where, required=not alternative)
        load = self.load(table, where)
        progression = self.progression(table, where, work, top)
        sides = self.sides(table, where)
        equipment = self.text_list(table, "equipment", where)
        muscles = self.text_list(table, "muscles", where)
        tips = self.text_list(table, "tips", where, limit=MAX_TIP)
        demo = self.text(table, "demo", where, limit=MAX_DEMO)
        alternatives = [] if alternative else [
            self.item(t, f"{where}.alternative[{i}]", alternative=True)
            for i, t in enumerate(self.tables(table, "alternative", where, MAX_ALTERNATIVES), start=1)]
        if len(self.problems) > before or name is None:
            return None
        if alternative:
            return Alternative(name=name, equipment=equipment, muscles=muscles, tips=tips, demo=demo,
                               work=work, reps=reps, sides=sides, reps_top=top, load=load, progression=progression)
        return Exercise(
            name=name, work=work, reps=reps, sides=sides or Sides.BOTH, equipment=equipment, muscles=muscles,
            tips=tips, demo=demo, alternatives=tuple(a for a in alternatives if isinstance(a, Alternative)),
            reps_top=top, load=load, progression=progression,
        )

    def stretch(self, table: dict[str, Any], where: str) -> Stretch | None:
        before = len(self.problems)
        self.check_keys(table, STRETCH_KEYS, where)
        name = self.text(table, "name", where, required=True)
        if "hold" not in table:
            self.problem(where, "needs 'hold', how long to hold the stretch (such as \"30s\")")
        hold = self.duration(table, "hold", where, None, positive=True)
        sides = self.sides(table, where) or Sides.BOTH
        tips = self.text_list(table, "tips", where, limit=MAX_TIP)
        if len(self.problems) > before or name is None or hold is None:
            return None
        return Stretch(name=name, hold=hold, sides=sides, tips=tips)


def _text_problem(value: str, limit: int) -> str | None:
    unreadable = unreadable_character(value)
    if unreadable is not None:
        return f"contains {unreadable}; use printable text only"
    if len(value) > limit:
        return f"is {len(value)} characters long; keep it to {limit} or fewer so it reads from across the room"
    return None


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _kind(value: object) -> str:
    names: dict[type, str] = {bool: "true/false", int: "a number", float: "a number", str: "text",
                              list: "a list", dict: "a table"}
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**12:
        return "a very large number"
    for kind, label in names.items():
        if isinstance(value, kind):
            return f"{label} ({value!r})" if kind in (bool, int, float) else label
    return type(value).__name__
