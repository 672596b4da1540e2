"""The run view's notices: one line per degraded part, each said once and cleared when
that part recovers."""

from __future__ import annotations

SEPARATOR = "\n"          # one a line: the run view shows each whole


class Notices:
    def __init__(self) -> None:
        self._texts: dict[str, str] = {}

    def set(self, key: str, text: str | None) -> bool:
        """Set (or with None clear) one notice; True when what is shown changed."""
        before = self.text()
        if text:
            self._texts[key] = text
        else:
            self._texts.pop(key, None)
        return self.text() != before

    def get(self, key: str) -> str | None:
        return self._texts.get(key)

    def text(self) -> str:
        return SEPARATOR.join(self._texts.values())
