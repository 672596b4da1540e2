"""The bundle's entry point: the same command as the installed `postrun` (the window,
every subcommand, and `--speaker`, the voice's own process)."""

import sys

from postrun.launch import main

if __name__ == "__main__":
    sys.exit(main())
