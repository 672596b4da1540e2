import sys

from postrun.launch import main

sys.exit(main())
