"""Bringing records in from elsewhere: calendar files (a rota, on-call periods, days off) read
with icalendar and recurring-ical-events, kept as batches that can be updated or undone; and
pings and shifts from CSV. Every file is read bounded in size and time, and every import is one
transaction."""
