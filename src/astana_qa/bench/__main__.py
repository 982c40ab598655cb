"""`python -m astana_qa.bench`: the measuring commands (`bench/cli.py`)."""

import sys

from .cli import main

sys.exit(main())
