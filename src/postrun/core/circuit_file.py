"""Reading and writing circuit TOML: the only I/O core/ does.

Every problem is collected (not just the first) with its field path and, where the
text shows it, its line, so a person editing by hand can fix the file in one go.
Field paths count from 1 as people do: `exercise[2].work` is the second exercise.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tomllib
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
from postrun.core.text_rules import unreadable_character

MAX_FILE_BYTES = 1024 * 1024
MAX_TEXT = MAX_NAME

CIRCUIT_KEYS = {
    "format", "name", "summary", "focus", "rounds", "prepare", "rest", "round_rest",
    "switch", "skip_last_rest", "exercise", "cooldown",
}
EXERCISE_KEYS = {"name", "work", "reps", "sides", "equipment", "muscles", "tips", "demo", "alternative"}
ALTERNATIVE_KEYS = {"name", "work", "reps", "sides", "equipment", "muscles", "tips", "demo"}
STRETCH_KEYS = {"name", "hold", "sides", "tips"}


_NOT_REGULAR = [
    (stat.S_ISDIR, "is a folder, not a circuit file"),
    (stat.S_ISFIFO, "is a named pipe (FIFO), not a circuit file; it was not opened"),
    (stat.S_ISSOCK, "is a socket, not a circuit file; it was not opened"),
    (stat.S_ISCHR, "is a device, not a circuit file; it was not opened"),
    (stat.S_ISBLK, "is a device, not a circuit file; it was not opened"),
]


def _not_regular(mode: int) -> str | None:
    for test, words in _NOT_REGULAR:
        if test(mode):
            return words
    return None if stat.S_ISREG(mode) else "is not a regular file; it was not opened"


def os_problem(exc: OSError, path: Path | None) -> Problem:
    """An OSError about a circuit file, in words (a path too long, missing, not allowed…)."""
    if exc.errno == errno.ENAMETOOLONG:
        shown = str(path)
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        return Problem("the path or file name is too long for this system (at most 255 bytes a name)",
                       path=Path(shown))
    if exc.errno == errno.ENOENT:
        return Problem("cannot read the file: no such file", path=path)
    return Problem(f"cannot read the file: {exc.strerror or exc}", path=path)


def read_circuit_file(path: Path) -> Circuit:
    """Load and validate one circuit file; raise CircuitError for anything wrong, OSError never.

    Only regular files are read: a FIFO named *.toml would block for ever and a device may
    act on being opened, so the kind is checked before opening, and again on the open
    descriptor (opened non-blocking) in case the file was swapped in between.
    """
    try:
        words = _not_regular(os.stat(path).st_mode)
        if words is not None:
            raise CircuitError([Problem(words, path=path)])
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(descriptor, "rb") as handle:
            words = _not_regular(os.fstat(handle.fileno()).st_mode)
            if words is not None:
                raise CircuitError([Problem(words, path=path)])
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise CircuitError([os_problem(exc, path)]) from None
    except ValueError as exc:       # a path with a NUL byte in it
        raise CircuitError([Problem(f"not a usable file name ({exc})", path=path)]) from None
    return parse_circuit(data, path)


def parse_circuit(data: bytes, path: Path | None = None) -> Circuit:
    """Bytes -> Circuit, or CircuitError. Whatever the bytes, nothing else escapes."""
    text = _decode(data, path)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CircuitError([_toml_problem(exc, path)]) from None
    except RecursionError:
        raise CircuitError([Problem("the file nests arrays or tables too deeply", path=path)]) from None
    except ValueError:
        # tomllib's int() of a number with thousands of digits ("Exceeds the limit …")
        raise CircuitError([Problem("not valid TOML: a number in it has thousands of digits", path=path)]) from None
    reader = _Reader(text, path)
    circuit = reader.circuit(document)
    if reader.problems or circuit is None:
        raise CircuitError(reader.problems or [Problem("not a valid circuit", path=path)])
    total = _timed_total(circuit)
    if total > MAX_WORKOUT_SECONDS:
        raise CircuitError([Problem(
            f"the whole workout would take {format_duration(total)}; a circuit runs at most 4 hours "
            "(fewer rounds, exercises or shorter sets)", path=path)])
    return circuit


def _timed_total(circuit: Circuit) -> int:
    from postrun.core.timeline import build_timeline

    return build_timeline(circuit).total_seconds


def _decode(data: bytes, path: Path | None) -> str:
    if len(data) > MAX_FILE_BYTES:
        raise CircuitError([Problem("the file is larger than 1 MB; this is not a circuit file", path=path)])
    if b"\x00" in data:
        raise CircuitError([Problem("this is a binary file, not a circuit (TOML text)", path=path)])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CircuitError(
            [Problem(f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x}); save it as UTF-8",
                     line=line, path=path)]
        ) from None
    return text.removeprefix("\ufeff")


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_TOML_END = re.compile(r"\s*\(at end of document\)\s*$")


def _toml_problem(exc: tomllib.TOMLDecodeError, path: Path | None) -> Problem:
    message = str(exc)
    line: int | None = None
    match = _TOML_POSITION.search(message)
    if match:
        line = int(match.group(1))
        message = message[: match.start()] + f" (column {match.group(2)})"
    else:
        message = _TOML_END.sub(" (at the end of the file)", message)
    return Problem(f"not valid TOML: {message}", line=line, path=path)


class _Locator:
    """Maps field paths to the line that defines them, from the raw text.

    tomllib keeps no positions, so this follows table headers and `key =` lines. It
    knows the shapes circuit files use; anything cleverer (inline tables, dotted keys)
    is simply not located and the error is reported without a line.
    """

    _HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\s\"']+?)\s*\]\]?\s*(?:#.*)?$")
    _KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+)\s*=")

    def __init__(self, text: str) -> None:
        self.lines: dict[str, int] = {}
        counters: dict[str, int] = {}
        table = ""
        for number, raw in enumerate(text.splitlines(), start=1):
            header = self._HEADER.match(raw)
            if header:
                table = self._table_path(header.group(1) == "[[", header.group(2), counters)
                self.lines.setdefault(table, number)
                continue
            key = self._KEY.match(raw)
            if key:
                full = f"{table}.{key.group(1)}" if table else key.group(1)
                self.lines.setdefault(full, number)

    def _table_path(self, is_array: bool, name: str, counters: dict[str, int]) -> str:
        parts = [p.strip().strip("\"'") for p in name.split(".")]
        path = ""
        for i, part in enumerate(parts):
            base = f"{path}.{part}" if path else part
            last = i == len(parts) - 1
            if last and is_array:
                counters[base] = counters.get(base, 0) + 1
                # a new parent element restarts the numbering of its children
                for key in [k for k in counters if k.startswith(base + "[")]:
                    del counters[key]
                path = f"{base}[{counters[base]}]"
            elif base in counters:
                path = f"{base}[{counters[base]}]"
            else:
                path = base
        return path

    def line_of(self, field: str) -> int | None:
        candidate = field
        while candidate:
            if candidate in self.lines:
                return self.lines[candidate]
            # not found: try the enclosing field (exercise[2].work -> exercise[2] -> exercise)
            shorter = re.sub(r"(\[\d+\]|\.[^.\[]+)$", "", candidate)
            if shorter == candidate:
                return None
            candidate = shorter
        return None


class _Reader:
    """Validates a parsed TOML document into a Circuit, collecting problems."""

    def __init__(self, text: str, path: Path | None) -> None:
        self.path = path
        self.locator = _Locator(text)
        self.problems: list[Problem] = []

    def problem(self, field: str, message: str) -> None:
        self.problems.append(Problem(message, field=field, line=self.locator.line_of(field), path=self.path))

    # -- generic field readers -------------------------------------------------------

    def check_keys(self, table: dict[str, Any], allowed: set[str], where: str) -> None:
        import difflib  # only for a mistake: keeps start-up lean

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
        exercises = [self.exercise(t, f"exercise[{i}]") for i, t in enumerate(exercise_tables, start=1)]
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
            exercises=tuple(e for e in exercises if e is not None),
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

    def work_or_reps(self, table: dict[str, Any], where: str, *, required: bool) -> tuple[int | None, int | None]:
        has_work, has_reps = "work" in table, "reps" in table
        if has_work and has_reps:
            self.problem(_join(where, "reps"), "give either 'work' (a time) or 'reps' (a count), not both")
            return None, None
        if required and not has_work and not has_reps:
            self.problem(where, "needs 'work' (a time such as \"40s\") or 'reps' (a count such as 12)")
            return None, None
        work = self.duration(table, "work", where, None, positive=True)
        reps = self.integer(table, "reps", where, 1, MAX_REPS, None)
        return work, reps

    def exercise(self, table: dict[str, Any], where: str) -> Exercise | None:
        before = len(self.problems)
        self.check_keys(table, EXERCISE_KEYS, where)
        name = self.text(table, "name", where, required=True)
        work, reps = self.work_or_reps(table, where, required=True)
        sides = self.sides(table, where) or Sides.BOTH
        equipment = self.text_list(table, "equipment", where)
        muscles = self.text_list(table, "muscles", where)
        tips = self.text_list(table, "tips", where, limit=MAX_TIP)
        demo = self.text(table, "demo", where, limit=MAX_DEMO)
        alternatives = [self.alternative(t, f"{where}.alternative[{i}]")
                        for i, t in enumerate(self.tables(table, "alternative", where, MAX_ALTERNATIVES),
                                              start=1)]
        if len(self.problems) > before or name is None:
            return None
        return Exercise(
            name=name, work=work, reps=reps, sides=sides, equipment=equipment, muscles=muscles,
            tips=tips, demo=demo, alternatives=tuple(a for a in alternatives if a is not None),
        )

    def alternative(self, table: dict[str, Any], where: str) -> Alternative | None:
        before = len(self.problems)
        self.check_keys(table, ALTERNATIVE_KEYS, where)
        name = self.text(table, "name", where, required=True)
        work, reps = self.work_or_reps(table, where, required=False)
        sides = self.sides(table, where)
        equipment = self.text_list(table, "equipment", where)
        muscles = self.text_list(table, "muscles", where)
        tips = self.text_list(table, "tips", where, limit=MAX_TIP)
        demo = self.text(table, "demo", where, limit=MAX_DEMO)
        if len(self.problems) > before or name is None:
            return None
        return Alternative(name=name, equipment=equipment, muscles=muscles, tips=tips, demo=demo,
                           work=work, reps=reps, sides=sides)

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


def circuit_from_snapshot(snapshot: dict[str, Any]) -> Circuit | None:
    """A circuit as a workout record stored it (circuit_to_dict's shape), read back by the
    same rules as a file; None when the record's copy cannot be used (edited, too deep)."""
    import tomli_w

    try:
        return parse_circuit(tomli_w.dumps(snapshot).encode())
    except (CircuitError, TypeError, ValueError, RecursionError):
        return None


# -- writing ---------------------------------------------------------------------------

def circuit_to_dict(circuit: Circuit) -> dict[str, Any]:
    """The TOML document for a circuit, in the same shape a person would write."""
    doc: dict[str, Any] = {"format": FORMAT_VERSION, "name": circuit.name}
    if circuit.summary:
        doc["summary"] = circuit.summary
    doc.update(
        focus=list(circuit.focus), rounds=circuit.rounds, prepare=circuit.prepare, rest=circuit.rest,
        round_rest=circuit.round_rest, switch=circuit.switch, skip_last_rest=circuit.skip_last_rest,
    )
    doc["exercise"] = [_exercise_dict(e) for e in circuit.exercises]
    if circuit.cooldown:
        doc["cooldown"] = [
            _drop_empty({"name": s.name, "hold": s.hold, "sides": _sides(s.sides), "tips": list(s.tips)})
            for s in circuit.cooldown
        ]
    return doc


def _exercise_dict(exercise: Exercise) -> dict[str, Any]:
    item = _drop_empty({
        "name": exercise.name, "work": exercise.work, "reps": exercise.reps, "sides": _sides(exercise.sides),
        "equipment": list(exercise.equipment), "muscles": list(exercise.muscles), "tips": list(exercise.tips),
        "demo": exercise.demo,
    })
    if exercise.alternatives:
        item["alternative"] = [
            _drop_empty({
                "name": a.name, "work": a.work, "reps": a.reps, "sides": a.sides.value if a.sides else None,
                "equipment": list(a.equipment), "muscles": list(a.muscles), "tips": list(a.tips), "demo": a.demo,
            })
            for a in exercise.alternatives
        ]
    return item


def _sides(sides: Sides) -> str | None:
    return sides.value if sides is Sides.EACH else None


def _drop_empty(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if v is not None and v != []}
