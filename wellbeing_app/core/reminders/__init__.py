"""Reminders to disconnect: the pure planner, and its memory between runs (what was shown, a
snooze, the evening's after-hours word), kept in the settings table."""
