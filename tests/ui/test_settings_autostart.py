"""Settings' "Start Wellbeing when I log in": ticked as the autostart entry says, and saving
writes or removes the entry (Linux, for real, under a temporary $XDG_CONFIG_HOME); when it
cannot be written, the dialog stays open and says why."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from wellbeing_app.app import WellbeingApp
from wellbeing_app.ui.settings_dialog import SettingsDialog


def entry() -> Path:
    return Path(os.environ["XDG_CONFIG_HOME"]) / "autostart" / "wellbeing.desktop"


def settings_choosing(
    monkeypatch: pytest.MonkeyPatch, tick: bool, shown: list[tuple[SettingsDialog, bool]]
) -> None:
    """Settings opens, shows whether it is ticked (kept in ``shown``), gets ``tick``, saves."""

    def fake(*args: object, **kwargs: object) -> tuple[object, bool]:
        dialog = SettingsDialog(*args, **kwargs)  # type: ignore[arg-type]
        shown.append((dialog, dialog.autostart.isChecked()))
        dialog.autostart.setChecked(tick)
        dialog.accept()
        return dialog.value, dialog.value is not None

    monkeypatch.setattr(SettingsDialog, "edit", staticmethod(fake))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="an XDG desktop")
def test_ticking_writes_the_entry_and_unticking_removes_it(
    wellbeing: WellbeingApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert wellbeing.features is not None
    settings = wellbeing.features.settings
    shown: list[tuple[SettingsDialog, bool]] = []
    settings_choosing(monkeypatch, True, shown)
    settings.open_settings()
    dialog, ticked = shown[0]
    assert not dialog.autostart.isHidden() and dialog.autostart.isEnabled() and not ticked
    assert dialog.autostart.text() == "Start Wellbeing when I &log in"
    text = entry().read_text(encoding="utf-8")
    assert f"--data-dir {wellbeing.journal.db.path.parent}" in text  # this app's own folder

    settings_choosing(monkeypatch, False, shown)
    settings.open_settings()
    assert shown[1][1]  # ticked, as the entry says
    assert not entry().exists()


def test_an_entry_that_cannot_be_written_keeps_the_dialog_open(
    wellbeing: WellbeingApp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert wellbeing.features is not None
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocked))
    shown: list[tuple[SettingsDialog, bool]] = []
    settings_choosing(monkeypatch, True, shown)
    wellbeing.features.settings.open_settings()
    dialog = shown[0][0]
    assert dialog.value is None  # not saved: still open
    assert "Cannot turn start at login on" in dialog.error.text()
