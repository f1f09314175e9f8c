"""What the user logs: shifts, pings (work contacts) and incidents, each checked field by field,
and one local day's log of them."""
