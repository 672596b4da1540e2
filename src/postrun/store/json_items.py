"""One JSON object read from a file a piece at a time: its small top-level values, and the
items of one big array, handed out one by one, so that a file of any size is read in
memory bounded by its largest single item, not by the file.

Each value is decoded by the standard library's own decoder (json.JSONDecoder.raw_decode),
so a value means exactly what json.loads makes of it; only the walk over the top-level
object is ours. (A streaming library such as ijson decodes numbers and escapes its own
way: the same file would have been read differently by the importer and by everything
else that reads it.)
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

CHUNK = 1 << 20
_SPACE = re.compile(r"[ \t\n\r]*")


class NotJson(ValueError):
    """The text is not the JSON it should be; the message says where, in words."""


class NotAnObject(NotJson):
    """The text is JSON, or starts like it, but not an object."""


class _Reader:
    def __init__(self, handle: BinaryIO, chunk: int = CHUNK) -> None:
        self._handle = handle
        self._chunk = chunk
        self._text = codecs.getincrementaldecoder("utf-8")()
        self._json = json.JSONDecoder()
        self._read_bytes = 0
        self.buffer = ""
        self.pos = 0
        self.eof = False

    def more(self, at_least: int = 0) -> bool:
        """Read on (dropping what was used); False at the end of the file."""
        if self.eof:
            return False
        data = self._handle.read(max(self._chunk, at_least))
        try:
            text = self._text.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            raise UnicodeDecodeError(exc.encoding, exc.object, self._read_bytes + exc.start,
                                     self._read_bytes + exc.end, exc.reason) from None
        self._read_bytes += len(data)
        self.eof = not data
        self.buffer = self.buffer[self.pos:] + text
        self.pos = 0
        return bool(data) or bool(text)

    def peek(self) -> str:
        while True:
            self.pos = _SPACE.match(self.buffer, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buffer) or not self.more():
                return self.buffer[self.pos:self.pos + 1]

    def take(self, char: str, what: str) -> None:
        found = self.peek()
        if found != char:
            raise NotJson(f"expected {what}, found {repr(found) if found else 'the end of the file'}")
        self.pos += 1

    def _number_runs_to_end(self, end: int) -> bool:
        rest = self.buffer[end:]
        return all(char in _NUMBER_CHARS for char in rest)

    def value(self) -> Any:
        """The next whole JSON value. An item cut by the end of the buffer is read again with
        more text, twice as much each time, so that re-reading stays linear in the item."""
        self.peek()
        while True:
            try:
                found, end = self._json.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError as exc:
                if not self.more(at_least=len(self.buffer) - self.pos):
                    raise NotJson(str(exc)) from None
                continue
            # a number the buffer cuts ("12", "0.", "1e") may go on in the next chunk
            if isinstance(found, int | float) and not self.eof and self._number_runs_to_end(end) and self.more():
                continue
            self.pos = end
            return found


_NUMBER_CHARS = frozenset("0123456789+-.eE")


def read_object(handle: BinaryIO, array: str, on_value: Callable[[str, Any], None],
                chunk: int = CHUNK) -> Iterator[Any]:
    """The items of the top-level object's `array`, one at a time; every other top-level
    key's value goes to `on_value(key, value)` as it is met. Raises NotJson, or
    UnicodeDecodeError, or RecursionError for absurd nesting."""
    reader = _Reader(handle, chunk)
    if reader.peek() != "{":
        raise NotAnObject("not a JSON object")
    reader.pos += 1
    if reader.peek() == "}":
        reader.pos += 1
    else:
        while True:
            key = reader.value()
            if not isinstance(key, str):
                raise NotJson("a key of the object is not a string")
            reader.take(":", "':' after a key")
            if key == array and reader.peek() == "[":
                reader.pos += 1
                if reader.peek() == "]":
                    reader.pos += 1
                else:
                    while True:
                        yield reader.value()
                        if reader.peek() == ",":
                            reader.pos += 1
                            continue
                        reader.take("]", f"',' or ']' in {array!r}")
                        break
                on_value(key, [])      # the array was there (its items handed out above)
            else:
                on_value(key, reader.value())
            if reader.peek() == ",":
                reader.pos += 1
                continue
            reader.take("}", "',' or '}'")
            break
    if reader.peek():
        raise NotJson("extra data after the JSON object")
