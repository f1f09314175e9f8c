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
from wellbeing_app.core.language import N_, _, formats, ngettext

ASK_TIMEOUT = 1.0  # seconds to wait for the running app's answer
KEPT = N_("Only the app and the time are kept, never what a notification says.")
NOT_RUNNING = N_("Wellbeing (the tray app) is not running: nothing is counted until it starts.")
Output = str | dict[str, Any]


def run(args: argparse.Namespace, journal: Journal) -> Output:
    action: str = args.action
    if action == "on":
        return _turn_on(journal)
    if action == "off":
        journal.counting.set_on(False)
        return _("Counting work notifications is off. Log pings by hand.")
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
    said = _("Counting work notifications is on. {kept}").format(kept=_(KEPT))
    return said if running else f"{said} {_(NOT_RUNNING)}"


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
        lines = [_("Counting work notifications is not possible here. {why}").format(why=why)]
    elif not settings.on:
        lines = [_("Counting work notifications is off ('capture on' turns it on).")]
    elif paused is not None:
        lines = [
            _("Counting work notifications is paused until {time}.").format(
                time=local(paused, zone)
            )
        ]
    elif app is None:
        lines = [_("Counting work notifications is on. {kept}").format(kept=_(NOT_RUNNING))]
    elif app.get("listening"):
        lines = [_("Counting work notifications is on, listening.")]
    else:
        lines = [_("Counting work notifications is on.")]
    if settings.on and report["problem"]:
        lines.append(str(report["problem"]))
    contacts = ngettext(
        "{count} contact counted", "{count} contacts counted", today.contacts
    ).format(count=formats.number(today.contacts))
    notifications = ngettext(
        "from {count} notification", "from {count} notifications", today.notifications
    ).format(count=formats.number(today.notifications))
    lines.append(
        _(
            "Today: {contacts} {notifications}; notifications of one source within {minutes} "
            "min are one contact."
        ).format(contacts=contacts, notifications=notifications, minutes=settings.burst_minutes)
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
    lines = [_("Your mappings:")]
    lines += [f"  {m['app']:<42} {m['source']}" for m in yours] or ["  " + _("(none)")]
    lines += [_("Defaults:")] + [f"  {m['app']:<42} {m['source']}" for m in defaults]
    if seen is None:
        lines.append(_("Apps seen: unknown. {why}").format(why=_(NOT_RUNNING)))
    else:
        lines.append(_("Seen since Wellbeing started (map one with 'capture map APP SOURCE'):"))
        lines += [
            f"  {s['app']:<42} "
            + _("{count} seen, {verdict}").format(
                count=f"{s['notifications']:>4}", verdict=s["verdict"]
            )
            for s in seen
            if isinstance(s, dict)
        ] or ["  " + _("(none yet)")]
    return "\n".join(lines)


def _map(journal: Journal, app: str, source: str) -> str:
    settings = journal.counting.map_app(app, source)
    if source == DEFAULT:
        now = source_for([app], settings.apps)
        return _("{app}: back to the default ({source}).").format(
            app=app, source=now or _("not counted")
        )
    if source == IGNORE:
        return _("{app}: ignored; its notifications are not counted.").format(app=app)
    return _("{app}: its notifications count as {source}.").format(app=app, source=source)
