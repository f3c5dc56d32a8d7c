"""`python -m scoring`: the command line in scoring/cli.py."""

import sys

from scoring.cli import main

sys.exit(main())
