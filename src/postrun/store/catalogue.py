"""The editor's exercise catalogue: assets/exercises.toml (a circuit file's exercises)
plus every exercise and alternative of the built-in circuits, one entry per name."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from postrun.core.circuit import Exercise
from postrun.core.errors import CircuitError
from postrun.store.circuit_reading import read_circuit_file
from postrun.store.library import Source, load_library
from postrun.store.paths import assets_dir


@cache
def catalogue() -> tuple[Exercise, ...]:
    """Sorted by name; each without alternatives of its own unless the file gives them."""
    found: dict[str, Exercise] = {}
    try:
        for exercise in read_circuit_file(assets_dir() / "exercises.toml").exercises:
            found.setdefault(exercise.name.casefold(), exercise)
    except CircuitError:
        pass                    # the program's own file: its test keeps it valid
    for entry in load_library():
        if entry.source is not Source.BUILTIN or entry.circuit is None:
            continue
        for exercise in entry.circuit.exercises:
            found.setdefault(exercise.name.casefold(), exercise)
            for index, alternative in enumerate(exercise.alternatives):
                swapped = replace(exercise.swapped(index), alternatives=())
                found.setdefault(alternative.name.casefold(), swapped)
    return tuple(sorted(found.values(), key=lambda e: e.name.casefold()))


def find(name: str) -> Exercise | None:
    wanted = name.strip().casefold()
    return next((e for e in catalogue() if e.name.casefold() == wanted), None)
