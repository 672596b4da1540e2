"""Keep ALSA's library from printing to stderr on every failed device open.

With no sound card, each cue retry makes alsa-lib print eight lines; Postrun reports the
problem once, in words, itself. The handler is a C callback kept alive for the process.
"""

from __future__ import annotations

import sys
from typing import Any

_handler: Any = None


def silence_alsa_errors() -> bool:
    """Install a no-op ALSA error handler; True if it was installed (Linux with alsa-lib)."""
    global _handler
    if _handler is not None:
        return True
    if not sys.platform.startswith("linux"):
        return False
    import ctypes
    import ctypes.util

    handler_type = ctypes.CFUNCTYPE(None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int,
                                    ctypes.c_char_p)
    name = ctypes.util.find_library("asound") or "libasound.so.2"
    try:
        library = ctypes.CDLL(name)
    except OSError:
        return False

    def ignore(filename: bytes, line: int, function: bytes, err: int, fmt: bytes) -> None:
        return None

    _handler = handler_type(ignore)
    library.snd_lib_error_set_handler(_handler)
    return True
