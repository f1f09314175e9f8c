"""Files the app ships: icons and texts, loaded with importlib.resources."""
