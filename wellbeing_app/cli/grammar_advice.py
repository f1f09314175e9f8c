"""The grammar of an incident that followed a decision made against the user's advice
(``--against-advice``, ``--not-against-advice``, ``--advised-on``) and of showing their count
in a summary (``--include-advice``)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date

from wellbeing_app.core.language import N_, _

AGAINST_ADVICE = N_("it followed a decision made against your advice: the reaction is not on you")
ADVISED_ON = N_("the day you gave that advice (optional; not after the incident)")


def add_advice_options(
    incident: argparse.ArgumentParser, day: Callable[[str], date], *, editing: bool
) -> None:
    """``log incident``'s --against-advice [--advised-on DATE]; ``edit incident`` also takes
    --not-against-advice, which clears the day too."""
    if editing:
        marks = incident.add_mutually_exclusive_group()
        marks.add_argument(
            "--against-advice",
            dest="against_advice",
            action="store_const",
            const=True,
            help=_(AGAINST_ADVICE),
        )
        marks.add_argument(
            "--not-against-advice",
            dest="against_advice",
            action="store_const",
            const=False,
            help=_("it did not (clears --advised-on too)"),
        )
    else:
        incident.add_argument("--against-advice", action="store_true", help=_(AGAINST_ADVICE))
    incident.add_argument("--advised-on", metavar="DATE", type=day, help=_(ADVISED_ON))


def add_advice_opt_in(summary: argparse.ArgumentParser) -> None:
    """``summary --include-advice``: the count is left out unless the user asks for it."""
    summary.add_argument(
        "--include-advice",
        action="store_true",
        help=_(
            "add how many incidents followed decisions made against your advice "
            "(left out unless you ask)"
        ),
    )
