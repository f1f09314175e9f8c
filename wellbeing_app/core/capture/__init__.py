"""Counting work notifications (Linux): which apps are work apps and what source each counts as,
reading a desktop notification into the sending app and nothing else, folding a burst into one
contact, and the choices and memory of counting (on, paused, the apps mapped by the user)."""
