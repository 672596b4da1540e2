"""The `postrun` command: with no arguments, straight to the window (the common case, and
the one whose start-up a person waits for); with any, the command line and its parser."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        from postrun.app import main as open_window

        return open_window()
    from postrun.cli import main as command_line

    return command_line(args)
