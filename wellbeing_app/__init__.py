"""Wellbeing app: a tray companion for social media managers. You are not your brand."""

__version__ = "0.1.0"
APP_NAME = "Wellbeing"
APP_ID = "io.github.wellbeing_app.WellbeingApp"
