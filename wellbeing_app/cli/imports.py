"""``import calendar|pings|shifts|all|undo|list``: each kind in its own module."""

from __future__ import annotations

import argparse
import importlib
from typing import Any

from wellbeing_app.core.journal import Journal

# kind -> (module of this package, its function), imported only for the kind run
_KINDS = {
    "calendar": ("import_calendar", "run"),
    "undo": ("import_calendar", "undo"),
    "list": ("import_calendar", "listing"),
    "pings": ("import_csv", "run"),
    "shifts": ("import_csv", "run"),
    "all": ("everything", "import_all"),
}


def run(args: argparse.Namespace, journal: Journal) -> Any:
    module, function = _KINDS[args.kind]
    return getattr(importlib.import_module(f"wellbeing_app.cli.{module}"), function)(args, journal)
