"""Settings' "Your data" tab: bringing data in (a rota typed or from calendars, pings or shifts
from CSV) and taking it out (all of it to one file, or deleted). Each button runs an action the
Settings controller hands in; the tab itself reads and writes nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QPushButton, QVBoxLayout, QWidget

from wellbeing_app.core.language import N_, _
from wellbeing_app.ui.quiet_label import quiet_label

# Each action is given the window to open its own over.
Action = Callable[[QWidget], object]


@dataclass(frozen=True)
class DataActions:
    rota: Action
    import_csv: Action
    export_all: Action
    delete_all: Callable[[QWidget], bool]  # True: everything is gone (Settings is out of date)


STAYS_HERE = N_("Nothing is sent anywhere: every file stays where you put it.")
BRING_IN = (
    (
        N_("R&ota and calendars…"),
        "rota",
        N_("Working hours on given dates, typed in or from a calendar file (.ics)."),
    ),
    (
        N_("&Import pings or shifts from CSV…"),
        "import_csv",
        N_("Pings or shifts from a spreadsheet saved as CSV, previewed first."),
    ),
)
TAKE_OUT = (
    (
        N_("&Export all my data…"),
        "export_all",
        N_("Every record, private notes and reflections included, in one file."),
    ),
    (
        N_("Delete all &my data…"),
        "delete_all",
        N_("Every record and every backup, gone for good (you confirm first)."),
    ),
)
GROUPS = ((N_("Bring data in"), BRING_IN), (N_("Take it out"), TAKE_OUT))


class YourDataTab(QWidget):
    """The four buttons, each with a line on what it does; ``buttons`` by action name.
    ``closing`` is called once everything was deleted."""

    def __init__(
        self, actions: DataActions, closing: Callable[[], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._actions = actions
        self._closing = closing
        self.buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        for title, rows in GROUPS:
            group = QGroupBox(_(title))
            group_layout = QVBoxLayout(group)
            for text, name, meaning in rows:
                button = QPushButton(_(text))
                button.setAutoDefault(False)  # Return in Settings saves, as on the other tabs
                button.clicked.connect(lambda _checked=False, n=name: self._run(n))
                self.buttons[name] = button
                hint = quiet_label(_(meaning), wrap=False)
                hint.setContentsMargins(4, 0, 0, 6)
                group_layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
                group_layout.addWidget(hint)
            layout.addWidget(group)
        layout.addWidget(quiet_label(_(STAYS_HERE)))
        layout.addStretch()

    def _run(self, name: str) -> None:
        window = self.window()
        if name == "delete_all":
            if self._actions.delete_all(window):
                self._closing()
            return
        action: Action = getattr(self._actions, name)
        action(window)
