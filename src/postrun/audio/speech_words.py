"""Why the voice cannot speak, in words a person can act on: what is missing and the
command that adds it (one place for the window, the speaker process and `postrun doctor`)."""

from __future__ import annotations

import sys

LINUX_INSTALL = "sudo apt install speech-dispatcher espeak-ng"


def no_engine() -> str:
    if sys.platform.startswith("linux"):
        return f"no speech engine is installed: on Debian or Ubuntu add one with `{LINUX_INSTALL}`"
    return "no speech engine is installed on this system"


def engine_failed(engine: str, error: str) -> str:
    detail = error or "it did not start"
    if engine == "speechd":
        # Qt's speechd plug-in says only "Text to speech engine not initialized"
        return ("the speech-dispatcher service did not answer (it is missing or not running; Qt says: "
                f"{detail}): on Debian or Ubuntu add it with `{LINUX_INSTALL}`, then log in again")
    return f"the {engine} speech engine failed ({detail})"
