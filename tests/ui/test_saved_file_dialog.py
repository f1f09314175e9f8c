"""After saving: Open hands the file to the desktop, Show in folder its folder; when the desktop
cannot open it, the dialog says so and stays. QDesktopServices.openUrl is replaced: no test
starts another application."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from wellbeing_app.ui.saved_file_dialog import SavedFileDialog


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    urls: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return urls


def shown(qtbot: QtBot, path: Path) -> SavedFileDialog:
    dialog = SavedFileDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_open_hands_the_file_to_the_desktop(qtbot: QtBot, tmp_path: Path, opened) -> None:
    path = tmp_path / "summary.pdf"
    dialog = shown(qtbot, path)
    assert dialog.open_button.isDefault()  # Return opens it
    dialog.open_button.click()
    assert opened == [QUrl.fromLocalFile(str(path))]
    assert dialog.opened == "file" and not dialog.isVisible()


def test_show_in_folder_opens_the_folder(qtbot: QtBot, tmp_path: Path, opened) -> None:
    dialog = shown(qtbot, tmp_path / "summary.pdf")
    dialog.folder_button.click()
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]
    assert dialog.opened == "folder" and not dialog.isVisible()


def test_nothing_to_open_it_with_is_said_and_the_dialog_stays(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    dialog = shown(qtbot, tmp_path / "summary.pdf")
    dialog.open_button.click()
    assert dialog.isVisible() and dialog.opened is None
    assert dialog.error.isVisible()
    assert str(tmp_path / "summary.pdf") in dialog.error.text()


def test_close_opens_nothing(qtbot: QtBot, tmp_path: Path, opened) -> None:
    dialog = shown(qtbot, tmp_path / "summary.pdf")
    dialog.reject()
    assert opened == [] and dialog.opened is None
