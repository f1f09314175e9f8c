"""``capture on|off|status`` and ``capture apps|map``: counting work notifications from the
command line. The choices are stored; the tray app, which does the counting while it runs,
follows them. The apps seen since it started live in its memory only: they are asked of it over
its private socket, and are missing when it does not run.
"""

from __future__ import annotations

import argparse
import json
import socket
from pathlib import Path
from typing import Any

from wellbeing_app.cli.replies import iso, local
from wellbeing_app.core.capture.apps import DEFAULT, IGNORE, default_table, source_for
from wellbeing_app.core.capture.availability import why_unavailable_here
from wellbeing_app.core.capture.seen import socket_path
from wellbeing_app.core.errors import ConflictError
from wellbeing_app.core.journal import Journal

ASK_TIMEOUT = 1.0  # seconds to wait for the running app's answer
KEPT = "Only the app and the time are kept, never what a notification says."
NOT_RUNNING = "Wellbeing (the tray app) is not running: nothing is counted until it starts."
Output = str | dict[str, Any]


def run(args: argparse.Namespace, journal: Journal) -> Output:
    action: str = args.action
    if action == "on":
        return _turn_on(journal)
    if action == "off":
        journal.counting.set_on(False)
        return "Counting work notifications is off. Log pings by hand."
    if action == "status":
        return _status(journal, args.json)
    if action == "apps":
        return _apps(journal, args.json)
    return _map(journal, args.app, args.source)


def ask_running_app(data_dir: Path, timeout: float = ASK_TIMEOUT) -> dict[str, Any] | None:
    """What the tray app running on ``data_dir`` says (listening, problem, apps seen), or None
    when none answers."""
    path = socket_path(data_dir)
    if not hasattr(socket, "AF_UNIX"):  # Windows: where nothing is counted, nothing answers
        return None
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(timeout)
            client.connect(str(path))
            data = b""
            while not data.endswith(b"\n"):
                chunk = client.recv(65536)
                if not chunk:
                    break
                data += chunk
        answer = json.loads(data)
    except (OSError, ValueError):
        return None
    return answer if isinstance(answer, dict) else None


def _turn_on(journal: Journal) -> str:
    why = why_unavailable_here()
    if why is not None:
        raise ConflictError(why)
    journal.counting.set_on(True)
    running = ask_running_app(journal.db.path.parent) is not None
    return f"Counting work notifications is on. {KEPT}" + ("" if running else f" {NOT_RUNNING}")


def _status(journal: Journal, as_json: bool) -> Output:
    counting, zone = journal.counting, journal.zone()
    settings, state = counting.settings(), counting.state()
    paused = state.paused_until if state.paused(journal.now()) else None
    today = counting.today()
    app = ask_running_app(journal.db.path.parent)
    why = why_unavailable_here()
    report: dict[str, Any] = {
        "on": settings.on,
        "available": why is None,
        "why_unavailable": why,
        "paused_until": iso(paused, zone) if paused else None,
        "burst_minutes": settings.burst_minutes,
        "app_running": app is not None,
        "listening": bool(app and app.get("listening")),
        "problem": app.get("problem") if app else None,
        "today": {"contacts": today.contacts, "notifications": today.notifications},
    }
    if as_json:
        return report
    if why is not None:
        lines = [f"Counting work notifications is not possible here. {why}"]
    elif not settings.on:
        lines = ["Counting work notifications is off ('capture on' turns it on)."]
    elif paused is not None:
        lines = [f"Counting work notifications is paused until {local(paused, zone)}."]
    elif app is None:
        lines = [f"Counting work notifications is on. {NOT_RUNNING}"]
    else:
        listening = ", listening" if app.get("listening") else ""
        lines = [f"Counting work notifications is on{listening}."]
    if settings.on and report["problem"]:
        lines.append(str(report["problem"]))
    lines.append(
        f"Today: {today.contacts} contact{'s' if today.contacts != 1 else ''} counted from "
        f"{today.notifications} notification{'s' if today.notifications != 1 else ''}; "
        f"notifications of one source within {settings.burst_minutes} min are one contact."
    )
    return "\n".join(lines)


def _apps(journal: Journal, as_json: bool) -> Output:
    mappings = journal.counting.settings().apps
    app = ask_running_app(journal.db.path.parent)
    seen = app.get("apps") if app else None
    yours = [{"app": k, "source": v, "by": "you"} for k, v in sorted(mappings.items())]
    defaults = [
        {"app": name, "source": str(source), "by": "default"}
        for name, source in default_table()
        if name not in mappings
    ]
    if as_json:
        return {"mappings": yours + defaults, "seen": seen, "app_running": app is not None}
    lines = ["Your mappings:"]
    lines += [f"  {m['app']:<42} {m['source']}" for m in yours] or ["  (none)"]
    lines += ["Defaults:"] + [f"  {m['app']:<42} {m['source']}" for m in defaults]
    if seen is None:
        lines.append(f"Apps seen: unknown. {NOT_RUNNING}")
    else:
        lines.append("Seen since Wellbeing started (map one with 'capture map APP SOURCE'):")
        lines += [
            f"  {s['app']:<42} {s['notifications']:>4} seen, {s['verdict']}"
            for s in seen
            if isinstance(s, dict)
        ] or ["  (none yet)"]
    return "\n".join(lines)


def _map(journal: Journal, app: str, source: str) -> str:
    settings = journal.counting.map_app(app, source)
    if source == DEFAULT:
        now = source_for([app], settings.apps)
        return f"{app}: back to the default ({now or 'not counted'})."
    if source == IGNORE:
        return f"{app}: ignored; its notifications are not counted."
    return f"{app}: its notifications count as {source}."
