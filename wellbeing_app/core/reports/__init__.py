"""Summaries for managers: one typed document of aggregates, its formats (JSON, CSV, Markdown,
HTML for the PDF), and the team roll-up of members' summaries."""
