"""``demo``: made-up history up to now, into a database that holds no data yet."""

from __future__ import annotations

import argparse

from wellbeing_app.core.journal import Journal


def run(args: argparse.Namespace, journal: Journal) -> str:
    return journal.fill_demo(years=args.years, seed=args.seed).line()
