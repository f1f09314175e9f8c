"""The grammar of ``autostart on|off|status``: whether Wellbeing starts when you log in."""

from __future__ import annotations

import argparse

from wellbeing_app.cli.parser import Parser
from wellbeing_app.core.language import _


def add_autostart(commands: argparse._SubParsersAction[Parser], common: Parser) -> None:
    autostart = commands.add_parser(
        "autostart",
        help=_("start Wellbeing when you log in, or not"),
        description=_(
            "Start Wellbeing in the tray at every login (on), or not (off), and say which "
            "(status). Linux: an entry in $XDG_CONFIG_HOME/autostart; Windows: the Run key of "
            "the current user; macOS: a LaunchAgent. It starts the Wellbeing you run this with, "
            "on the same data folder."
        ),
        parents=[common],
    )
    autostart.add_argument("action", choices=["on", "off", "status"])
    autostart.add_argument(
        "--json", action="store_true", help=_("print one JSON object: on, path, command, current")
    )
