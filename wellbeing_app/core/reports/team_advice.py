"""The team roll-up of an opt-in figure: incidents that followed decisions made against a
member's advice. Each member chooses whether their summary holds it; the team sums it only
from those who did, says how many did, and shows the sum only when at least ``min_group`` of
them did (the rule of every breakdown), saying why it is withheld otherwise."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from wellbeing_app.core.language import formats, ngettext
from wellbeing_app.core.workload.figures import AGAINST_ADVICE

if TYPE_CHECKING:
    from wellbeing_app.core.reports.document import TeamSummary
    from wellbeing_app.core.reports.team import Member

KEY = AGAINST_ADVICE.key


class AdviceRollUp(NamedTuple):
    members: int  # members whose summaries hold the figure
    total: int | None  # their sum, None when withheld (or no one included it)
    previous: int | None
    withheld: str | None  # why the sum is not shown


def roll_up(members: Sequence[Member], min_group: int) -> AdviceRollUp:
    including = [m for m in members if KEY in m.totals]
    if not including:
        return AdviceRollUp(0, None, None, None)
    if len(including) < min_group:
        why = ngettext(
            "Incidents after decisions the team advised against are shown only when at least "
            "{min_group} member includes them in their summaries; {count} of {members} did.",
            "Incidents after decisions the team advised against are shown only when at least "
            "{min_group} members include them in their summaries; {count} of {members} did.",
            min_group,
        ).format(
            min_group=formats.number(min_group),
            count=formats.number(len(including)),
            members=formats.number(len(members)),
        )
        return AdviceRollUp(len(including), None, None, why)
    total = sum(int(m.totals[KEY]) for m in including)
    previous = sum(int(m.previous[KEY]) for m in including)
    return AdviceRollUp(len(including), total, previous, None)


def sentence(document: TeamSummary) -> str | None:
    """The team summary's line on it: the sum and from how many members, why it is withheld,
    or None when no member included it."""
    including = document["incidents_against_advice_members"]
    if document["incidents_against_advice_withheld"] is not None:
        return document["incidents_against_advice_withheld"]
    if not including or KEY not in document["totals"]:
        return None
    members = document["members"]
    # TRANSLATORS: {total} and {previous} are the numbers of incidents; {count} of {members}
    # are the team's members who included the figure in their summaries.
    return ngettext(
        "Incidents after decisions the team advised against: {total} (from the {count} of "
        "{members} member who included it; previous period: {previous}).",
        "Incidents after decisions the team advised against: {total} (from the {count} of "
        "{members} members who included it; previous period: {previous}).",
        members,
    ).format(
        total=AGAINST_ADVICE.text(document["totals"][KEY]),
        count=formats.number(including),
        members=formats.number(members),
        previous=AGAINST_ADVICE.text(document["previous"][KEY]),
    )
