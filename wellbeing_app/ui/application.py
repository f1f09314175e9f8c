"""The QApplication, named for the desktop and speaking the app's language: Qt's own strings
(stock buttons such as Cancel, the file dialogs) from Qt's ``qtbase`` catalogue, and dates and
numbers in Qt's widgets from the same language, so no window mixes two languages."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from wellbeing_app import APP_ID, APP_NAME
from wellbeing_app.core.language import PSEUDO, current_language

_kept: list[QTranslator] = []  # a translator must outlive its installation


def make_application() -> QApplication:
    app = QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    app.setQuitOnLastWindowClosed(False)
    speak_the_language(app)
    return app


def speak_the_language(app: QApplication) -> str:
    """Loads Qt's catalogue for the language in use and makes it Qt's default locale; returns
    the language (``en`` needs no catalogue)."""
    language = current_language()
    QLocale.setDefault(qt_locale(language))
    if language in ("en", PSEUDO):
        return language
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", folder):
        app.installTranslator(translator)
        _kept.append(translator)
    return language


def qt_locale(language: str) -> QLocale:
    """English is written the British way the app uses (27 Nov, 24-hour clock)."""
    if language in ("en", PSEUDO):
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return QLocale(language)
