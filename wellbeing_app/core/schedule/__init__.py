"""The working schedule: weekly windows with their history, days off, on-call periods, and the
after-hours rule that judges an instant against them."""
