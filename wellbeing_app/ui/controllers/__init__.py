"""One controller per feature, each owning that feature's actions, dialogs and windows.

Where a new feature goes: its dialog in ``ui/<name>_dialog.py`` (one dialog per file), its
controller in a module here, a ``Feature`` (``parts.py``) built from the app's shared parts;
``features.py`` builds it with the others and ``app.py`` connects its signals in its one wiring
block. A controller changes the store only through ``Feature.run`` (``ui/operation.py``), so every
change ends in one "state changed" signal that the views refresh from.
"""
