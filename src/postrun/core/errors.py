"""Typed errors for bad circuit files: where (file, line, field) and what, in words."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a circuit file, with as much location as is known."""

    message: str
    field: str = ""
    line: int | None = None
    path: Path | None = None

    def __str__(self) -> str:
        where = [str(self.path) if self.path else "<circuit>"]
        if self.line is not None:
            where.append(str(self.line))
        prefix = ":".join(where)
        return f"{prefix}: {self.field}: {self.message}" if self.field else f"{prefix}: {self.message}"


class CircuitError(Exception):
    """A circuit file that cannot be used; holds every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("CircuitError needs at least one problem")
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    @property
    def first(self) -> Problem:
        return self.problems[0]


class ControlError(Exception):
    """A workout control that makes no sense in the engine's current state."""
