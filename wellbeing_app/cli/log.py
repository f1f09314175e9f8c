"""``log ping`` and ``log incident`` on the full path, through the journal (pings also have a
quick path, ``quick``)."""

from __future__ import annotations

import argparse

from wellbeing_app.cli import replies
from wellbeing_app.core.journal import Journal
from wellbeing_app.core.language import _
from wellbeing_app.core.vocabulary import category_label


def run(args: argparse.Namespace, journal: Journal) -> str:
    if args.kind == "ping":
        ping = journal.log_ping(args.source, args.at or journal.now(), args.minutes, args.note)
        return replies.ping_logged(ping.source, ping.at, ping.zone, ping.timing)
    incident = journal.log_incident(args.incident)  # checked as a whole before the database
    category = category_label(incident.category).lower()
    if incident.against_advice:
        # TRANSLATORS: {category} is the kind of incident in lower case, e.g. "harassment"
        return _(
            "Incident logged: {category}, severity {severity}, after a decision made against "
            "your advice. You said so, and it was not your call: the reaction is not on you."
        ).format(category=category, severity=incident.severity)
    # TRANSLATORS: {category} is the kind of incident in lower case, e.g. "harassment"
    return _(
        "Incident logged: {category}, severity {severity}. "
        "It happened to the brand's account; it is not a verdict on you."
    ).format(category=category, severity=incident.severity)
