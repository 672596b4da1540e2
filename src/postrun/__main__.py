import sys

from postrun.cli import main

sys.exit(main())
