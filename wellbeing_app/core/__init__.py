"""The app's rules and data, free of Qt: one subpackage per thing a user would name.

Stacked from the bottom, each layer importing only those below it (tests/test_layers.py holds
it to that): ``vocabulary`` and ``errors`` (words and refusals every layer shares), ``store``,
``time``, ``schedule``, ``records``, ``workload``, ``reflection``, ``reports``, ``reminders``,
``demo``, and the ``journal`` facade on top, the one way the UI and the CLI reach the store.
"""
