"""``autostart on|off|status [--json]``: whether Wellbeing starts when you log in. It writes no
data and opens no database; ``services.start_at_login`` does the work."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from wellbeing_app.cli.parser import PROG
from wellbeing_app.core.language import _
from wellbeing_app.core.store.paths import resolve_paths
from wellbeing_app.services.start_at_login import LoginState, login_state, start_at_login


def run(args: argparse.Namespace) -> str | dict[str, Any]:
    data_dir = resolve_paths(getattr(args, "data_dir", None)).data_dir
    before = login_state(data_dir)
    changed = args.action != "status"
    state = start_at_login(args.action == "on", data_dir) if changed else before
    if args.json:
        return asdict(state)
    if args.action == "on":
        # TRANSLATORS: {path} is the entry file (or registry value), {command} what it runs.
        return _("Wellbeing starts when you log in: {path} runs {command}.").format(
            path=state.path, command=state.command
        )
    if args.action == "off":
        if not before.on:
            return _("Wellbeing does not start when you log in; there was nothing to turn off.")
        return _("Wellbeing no longer starts when you log in ({path} removed).").format(
            path=state.path
        )
    return _status(state)


def _status(state: LoginState) -> str:
    if not state.on:
        line = _("Off: Wellbeing does not start when you log in.")
        if state.current is None:
            return line
        return " ".join(
            [
                line,
                _("With '{command}', {path} would run {current}.").format(
                    command=f"{PROG} autostart on", path=state.path, current=state.current
                ),
            ]
        )
    line = _("On: Wellbeing starts when you log in ({path} runs {command}).").format(
        path=state.path, command=state.command
    )
    if state.points_elsewhere:
        line += "\n" + _(
            "That is not the Wellbeing you ran this with ({current}); '{command}' points it at "
            "this one."
        ).format(current=state.current, command=f"{PROG} autostart on")
    return line
