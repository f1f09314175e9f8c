"""When several notifications are one contact: a chat burst, the portal's forwarded copy, and a
ping logged by hand just after a captured one.

- Notifications of one source that each come within the burst window (2 minutes unless the
  user changes it) of the one before are one contact; how many there were is kept.
- A Flatpak app's notification passes twice: as the portal call, then as the call the portal
  makes on its behalf. The second is the same notification and is not counted again.
- A ping of the same source logged by hand within 5 minutes of a captured contact is that
  contact: its minutes and note go onto it instead of a second ping being counted.
"""

from __future__ import annotations

from collections import deque
from datetime import datetime, timedelta

from wellbeing_app.core.capture.reading import Path

BURST_MINUTES = 2  # default
MAX_BURST_MINUTES = 60
BY_HAND_WINDOW = timedelta(minutes=5)
FORWARD_WINDOW = timedelta(seconds=5)  # the portal forwards at once; allow for a slow desktop
# For the command line's lean path (plain SQLite): is there a captured contact of a source
# (?1) that began by ?2 (the ping's time + 5 min) and whose latest notification came at or after
# ?3 (the ping's time - 5 min)? Then ``log ping`` must join it, on the full path.
CAPTURED_NEARBY_SQL = (
    "SELECT 1 FROM ping JOIN captured_ping ON captured_ping.ping_id = ping.id "
    "WHERE ping.source = ? AND ping.at_utc <= ? AND captured_ping.last_utc >= ? LIMIT 1"
)


def same_burst(last_notification: datetime, at: datetime, window: timedelta) -> bool:
    """``at`` continues a contact whose latest notification came at ``last_notification``."""
    return timedelta(0) <= at - last_notification <= window


def near_by_hand(first: datetime, last: datetime, at: datetime) -> bool:
    """A ping logged by hand at ``at`` belongs to the captured contact spanning first..last."""
    return first - BY_HAND_WINDOW <= at <= last + BY_HAND_WINDOW


class ForwardedCopies:
    """Remembers the portal's notifications for a few seconds, to know their forwarded copies."""

    def __init__(self) -> None:
        self._portal: deque[tuple[str, datetime]] = deque()

    def is_copy(self, source: str, at: datetime, path: Path) -> bool:
        """True for the copy of a portal notification already counted; remembers portal ones."""
        while self._portal and at - self._portal[0][1] > FORWARD_WINDOW:
            self._portal.popleft()
        if path is Path.PORTAL:
            self._portal.append((source, at))
            return False
        for index, (seen_source, _) in enumerate(self._portal):
            if seen_source == source:
                del self._portal[index]
                return True
        return False
