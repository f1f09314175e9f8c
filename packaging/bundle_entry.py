"""The bundle's one executable (``wellbeing-app``): with no arguments the tray app, with arguments
the command line, exactly as the installed ``wellbeing-app`` command.

The app starts another copy of itself as ``sys.executable -m wellbeing_app ...`` (the demo's
second window); in the bundle ``sys.executable`` is this program, so ``-m wellbeing_app`` is
dropped here and the rest of the arguments are taken as given.
"""

import sys

from wellbeing_app.cli import main

if __name__ == "__main__":
    if sys.argv[1:3] == ["-m", "wellbeing_app"]:
        del sys.argv[1:3]
    sys.exit(main())
