"""What differs between Linux, macOS and Windows, one small module per difference, so that no
POSIX-only call sits on a path Windows takes (nor a Windows-only one on the others).

Each module picks its variant once, when it is imported, from ``sys.platform``, and imports the
system modules of that variant only (``fcntl`` on POSIX; ``msvcrt`` and ``winreg`` on Windows).
The package is the house's basement: the standard library and platformdirs, nothing else of the
app and no Qt, so core, services, the UI and the command line may all stand on it.
"""
