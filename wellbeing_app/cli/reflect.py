"""``reflect`` (the end-of-day reflection) and ``checkin who5`` (the WHO-5 well-being check)."""

from __future__ import annotations

import argparse
from typing import Any

from wellbeing_app.core.journal import Journal
from wellbeing_app.core.language import _, ngettext
from wellbeing_app.core.reflection.affirmations import affirmation_for, against_advice_line
from wellbeing_app.core.reflection.reflections import ReflectionDraft, handoff_items
from wellbeing_app.core.time.local_time import day_bounds
from wellbeing_app.core.vocabulary import who5_change_sentence


def reflect(args: argparse.Namespace, journal: Journal) -> str:
    day = args.date or journal.today()
    journal.save_reflection(
        ReflectionDraft(
            day,
            args.mood,
            args.energy,
            args.stress,
            args.detach,
            args.went_well,
            args.leave,
            args.tonight,
        )
    )
    left = len(handoff_items(args.leave))
    said = _("Reflection for {day} saved.").format(day=day)
    if left:
        # TRANSLATORS: English says "thing(s)" for any count; give each plural form its own words
        handed = ngettext(
            "{count} thing(s) left at work for next time.",
            "{count} thing(s) left at work for next time.",
            left,
        )
        said += " " + handed.format(count=left)
    zone = journal.zone()
    advice = against_advice_line(journal.incidents_between(*day_bounds(day, zone)), day, zone)
    return f"{said} {advice or affirmation_for(day)}"


def checkin(args: argparse.Namespace, journal: Journal) -> str | dict[str, Any]:
    row = journal.check_in(args.answers, args.date or journal.today())
    result = row.result
    if args.json:
        return {
            "raw": result.raw,
            "score": result.score,
            "low": result.low,
            "low_answer": result.low_answer,
        }
    lines = [
        _("WHO-5 well-being: {score}/100 (raw {raw}/25).").format(
            score=result.score, raw=result.raw
        )
    ]
    if result.worth_a_talk:
        lines.append(result.note())
    if change := who5_change_sentence(result.change):
        lines.append(change)
    return "\n".join(lines)
