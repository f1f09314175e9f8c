"""Time as the user lives it: the clock (injected, never read directly), local times and dates
in IANA zones, the local calendar laid out for SQL, and the periods a user picks."""
