"""The dialog shown when the data cannot be opened: what is wrong, and for a damaged file the way
back in one step, the newest good backup restored in its place (the damaged file is kept aside
in the backups folder, never deleted)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from wellbeing_app import APP_NAME
from wellbeing_app.core.errors import StorageError
from wellbeing_app.core.language import N_, _
from wellbeing_app.core.store import backups
from wellbeing_app.core.store.paths import AppPaths
from wellbeing_app.core.time.clock import Clock
from wellbeing_app.core.time.local_time import in_zone

NO_BACKUP = N_(
    "There is no backup to restore. Copy the file somewhere safe, then move it away to start "
    "afresh, or start Wellbeing with another data folder (--data-dir)."
)


class RestoreDialog(QMessageBox):
    """Says the data file is damaged; offers the newest good backup when there is one."""

    def __init__(self, problem: str, offered: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(APP_NAME)
        self.setText(_("Your Wellbeing data file is damaged."))
        if offered is None:
            self.setInformativeText(f"{problem}\n\n{_(NO_BACKUP)}")
            self.restore_button = None
            self.addButton(_("&Quit"), QMessageBox.ButtonRole.RejectRole)
            return
        # TRANSLATORS: {made} is when the backup was made, such as "2026-03-10 at 21:30".
        offer = _(
            "The newest good backup was made {made}. Restore it? What you recorded since then "
            "is not in it. The damaged file is kept in the backups folder."
        ).format(made=offered)
        self.setInformativeText(f"{problem}\n\n{offer}")
        self.restore_button = self.addButton(
            _("&Restore the backup"), QMessageBox.ButtonRole.AcceptRole
        )
        self.setDefaultButton(self.restore_button)
        self.addButton(_("&Quit"), QMessageBox.ButtonRole.RejectRole)

    @classmethod
    def ask(cls, problem: str, offered: str | None, parent: QWidget | None = None) -> bool:
        """Run the dialog (the one call tests replace): True when the user chose to restore."""
        dialog = cls(problem, offered, parent)
        dialog.exec()
        return dialog.restore_button is not None and dialog.clickedButton() is dialog.restore_button

    @classmethod
    def tell(
        cls,
        message: str,
        damaged: bool,
        paths: AppPaths,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> bool:
        """Say why the data cannot be opened. For a damaged file, offer the newest good backup
        and restore it when asked: True once it is in place (the app then opens it)."""
        if not damaged:
            QMessageBox.critical(parent, APP_NAME, message)
            return False
        backup = backups.newest_good_backup(paths.database)
        offered = None
        if backup is not None:
            made = in_zone(backup.made, clock.zone())
            # TRANSLATORS: {day} is an ISO date (2026-03-10), {time} a time (21:30).
            offered = _("{day} at {time}").format(day=f"{made:%Y-%m-%d}", time=f"{made:%H:%M}")
        if not cls.ask(message, offered, parent) or backup is None:
            return False
        try:
            backups.restore_backup(paths.database, backup.path, clock.now())
        except StorageError as exc:
            message = _("The backup could not be restored: {error}").format(error=exc)
            QMessageBox.critical(parent, APP_NAME, message)
            return False
        return True
