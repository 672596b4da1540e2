"""What a view gets back when an operation on the user's data did not happen: the problem
in words, with nothing changed. Views show `text`; they never catch a storage exception."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Refused:
    text: str
