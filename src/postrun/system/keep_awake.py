"""Keep the screen on during a workout with wakepy's "presenting" mode.

wakepy is reached only through `mode_factory`, so tests fake it at that boundary.
When no method works (no D-Bus session, say), `active` stays False and `problem`
says why, for the run view's "screen may sleep" notice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)


def _presenting_mode() -> Any:
    from wakepy import keep

    return keep.presenting(on_fail="pass")


class KeepAwake:
    def __init__(self, mode_factory: Callable[[], Any] = _presenting_mode) -> None:
        self._factory = mode_factory
        self._mode: Any = None
        self.active = False
        self.method: str | None = None
        self.problem: str | None = None

    def acquire(self) -> bool:
        """Idempotent; returns whether the screen is now kept on."""
        if self._mode is not None:
            return self.active
        try:
            mode = self._factory()
            mode.__enter__()
        except Exception as exc:  # wakepy or the platform failed in a way it did not report
            self.active, self.problem = False, f"keep-awake failed: {exc}"
            log.warning("keep-awake failed: %s", exc)
            return False
        self._mode = mode
        self.active = bool(getattr(mode, "active", False))
        method = getattr(mode, "active_method", None)
        # wakepy 1.0 names it with a MethodInfo; older ones with a string
        self.method = getattr(method, "name", method) if method is not None else None
        self.problem = None if self.active else "no way to keep the screen on was found on this system"
        return self.active

    def release(self) -> None:
        mode, self._mode = self._mode, None
        self.active = False
        if mode is not None:
            try:
                mode.__exit__(None, None, None)
            except Exception as exc:
                log.warning("releasing keep-awake failed: %s", exc)
