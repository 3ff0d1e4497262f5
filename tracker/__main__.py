"""``python -m tracker``: the same entry point as the ``tracker`` script."""

import sys

from tracker.cli import main

sys.exit(main())
