"""The end-of-day ritual and well-being: reflections and their hand-off list, the WHO-5 check,
streaks, and the affirmations that close the day. All of it private."""
