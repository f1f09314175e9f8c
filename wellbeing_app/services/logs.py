"""Logging to a small rotating file in the data folder. Log lines never carry note text."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path


def configure_logging(log_file: Path | None) -> None:
    """Info and up to stderr and, if given, to ``log_file`` (at most 3 x 512 KiB)."""
    root = logging.getLogger("wellbeing_app")
    if root.handlers:
        return
    root.setLevel(logging.INFO)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    if log_file is not None:
        try:
            to_file = RotatingFileHandler(log_file, maxBytes=512 * 1024, backupCount=2)
        except OSError:
            pass  # an unwritable log file must not stop the app: stderr still works
        else:
            to_file.setFormatter(fmt)
            root.addHandler(to_file)
    to_stderr = logging.StreamHandler()
    to_stderr.setLevel(logging.INFO)
    to_stderr.setFormatter(fmt)
    root.addHandler(to_stderr)
