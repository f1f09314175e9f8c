"""Made-up history for trying the app: a seeded working life, written only into an empty
database."""
