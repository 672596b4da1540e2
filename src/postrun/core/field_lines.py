"""Which line of a circuit file's text defines a field, so a mistake names its line."""

from __future__ import annotations

import re


class FieldLines:
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
