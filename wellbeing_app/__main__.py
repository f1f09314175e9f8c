"""Run the app with ``python -m wellbeing_app``."""

import sys

from wellbeing_app.cli import main

sys.exit(main())
