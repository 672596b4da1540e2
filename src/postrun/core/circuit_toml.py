"""Circuit TOML text: bytes to a Circuit (by the reader's rules) and a Circuit to the
document a person would write. Pure: reading the file is store's job (store/circuit_reading)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from postrun.core.circuit import FORMAT_VERSION, Circuit, Exercise, Sides
from postrun.core.circuit_reader import circuit_from_document
from postrun.core.errors import CircuitError, Problem
from postrun.core.field_lines import FieldLines
from postrun.core.load import Load, Unit
from postrun.core.progression_rule import DEFAULT_TIME_STEP, Progression

MAX_FILE_BYTES = 1024 * 1024


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
    return circuit_from_document(document, lines=FieldLines(text), path=path)


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
        "name": exercise.name, "work": exercise.work, "reps": _reps(exercise.reps, exercise.reps_top),
        "sides": _sides(exercise.sides), "equipment": list(exercise.equipment), "muscles": list(exercise.muscles),
        "tips": list(exercise.tips), "demo": exercise.demo, "load": load_dict(exercise.load),
        "progression": _progression(exercise.progression),
    })
    if exercise.alternatives:
        item["alternative"] = [
            _drop_empty({
                "name": a.name, "work": a.work, "reps": _reps(a.reps, a.reps_top),
                "sides": a.sides.value if a.sides else None, "equipment": list(a.equipment),
                "muscles": list(a.muscles), "tips": list(a.tips), "demo": a.demo, "load": load_dict(a.load),
                "progression": _progression(a.progression),
            })
            for a in exercise.alternatives
        ]
    return item


def _reps(reps: int | None, top: int | None) -> int | str | None:
    return f"{reps}-{top}" if reps is not None and top is not None else reps


def load_dict(load: Load | None) -> dict[str, Any] | None:
    """A load as its file writes it: only what differs from the defaults."""
    if load is None:
        return None
    weight = load.weight
    table: dict[str, Any] = {"type": load.type.value}
    if weight is not None:
        key, weight = ("total", load.total) if load.as_total and load.implements > 1 else ("weight", weight)
        table[key] = int(weight) if float(weight).is_integer() else weight
    if load.unit is not Unit.KG:
        table["unit"] = load.unit.value
    if load.implements != 1:
        table["implements"] = load.implements
    if load.band:
        table["band"] = load.band
    return table


def _progression(progression: Progression | None) -> dict[str, Any] | None:
    if progression is None:
        return None
    table: dict[str, Any] = {"rule": progression.kind.value}
    if progression.time_step != DEFAULT_TIME_STEP:
        table["step"] = progression.time_step
    if progression.time_cap is not None:
        table["cap"] = progression.time_cap
    return table


def _sides(sides: Sides) -> str | None:
    return sides.value if sides is Sides.EACH else None


def _drop_empty(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if v is not None and v != []}
