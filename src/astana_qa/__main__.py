"""`python -m astana_qa`: the same commands as `astana-qa`."""

import sys

from .cli import main

sys.exit(main())
