"""The dashboard opens from the tray, fills its cards and charts for the chosen period, switches
period, follows a dark palette, and says what to log first when there is nothing yet."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from matplotlib.colors import to_hex
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QStyleFactory
from pytestqt.qtbot import QtBot

from tests.schedules import weekdays_9_to_5
from wellbeing_app.app import WellbeingApp
from wellbeing_app.core.time.periods import Period
from wellbeing_app.core.workload.cards import Card
from wellbeing_app.core.workload.charts.theme import (
    GRAPHIC_CONTRAST,
    TEXT_CONTRAST,
    contrast_ratio,
)
from wellbeing_app.ui.dashboard_window import CHART_KEYS, DashboardWindow
from wellbeing_app.ui.workload_cards import CardView, change_colour

NOW = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)  # the clock fixture: Sunday 15 November


def open_dashboard(qtbot: QtBot, wellbeing: WellbeingApp) -> DashboardWindow:
    wellbeing.actions.dashboard.trigger()
    window = wellbeing.windows.get(DashboardWindow)
    assert window is not None
    qtbot.waitUntil(lambda: window.workload is not None, timeout=10_000)
    return window


def card(window: DashboardWindow, title: str) -> tuple[str, str, str]:
    view = next(v for v in window.cards.views if v.title.text() == title)
    return view.value.text(), view.detail.text(), view.change.text()


def test_opens_from_the_tray_with_every_chart(qtbot: QtBot, wellbeing: WellbeingApp) -> None:
    journal = wellbeing.journal
    assert journal is not None
    journal.start_shift(at=NOW - timedelta(days=4, hours=10))  # Wednesday 03:00 Berlin...
    journal.end_shift(at=NOW - timedelta(days=4, hours=1))  # ...to 12:00: 9 h
    window = open_dashboard(qtbot, wellbeing)

    assert window.isVisible()
    assert window.workload is not None and window.workload.period.end == date(2026, 11, 15)
    assert window.workload.period.days == 28
    # Only the chart on screen is drawn; another is drawn when its tab is chosen.
    assert window.current_chart().key == "hours" and window.charts["hours"].figure is not None
    assert all(window.charts[key].figure is None for key in CHART_KEYS[1:])
    window.tabs.setCurrentIndex(CHART_KEYS.index("heatmap"))
    heatmap = window.charts["heatmap"].figure
    assert (
        heatmap is not None and heatmap.texts[0].get_text() == "When work reaches you after hours"
    )
    # Hours to 2 decimals, as in every summary; nothing was logged before this period, so no
    # change from zero (it said "+9.0 h on the previous period").
    assert card(window, "Hours worked")[0] == "9.00 h"
    assert card(window, "Hours worked")[2] == "no earlier data to compare"
    assert not window.empty.isVisible()
    assert "15 Nov 2026" in window.heading.text() and "Europe/Berlin" in window.heading.text()
    assert "no earlier data to compare" in window.heading.text()
    # No working hours set yet: a line under the heading says so, and how to set them.
    assert window.hours_notice.isVisible()
    assert window.hours_notice.text().startswith("Working hours are not set, so no contact ")
    assert "with:<br><code>wellbeing-app schedule set " in window.hours_notice.text()
    assert "Settings… in the tray" in window.hours_notice.text()
    assert "wellbeing-app schedule set --days mon-fri" in window.hours_notice.text()
    assert card(window, "After-hours pings")[:2] == (
        "–",
        "Working hours are not set. Set them in Settings… in the tray.",
    )


def test_switching_period_redraws_for_the_new_period(qtbot: QtBot, wellbeing: WellbeingApp) -> None:
    window = open_dashboard(qtbot, wellbeing)
    before = window.charts["hours"].figure
    window.picker.choose("year")
    assert window.workload is not None and window.workload.period.days == 364
    assert window.workload.period.start == date(2025, 11, 17)  # a Monday, 52 weeks back
    assert window.charts["hours"].figure is not before
    window.tabs.setCurrentIndex(CHART_KEYS.index("incidents"))
    incidents = window.charts["incidents"].figure
    window.tabs.setCurrentIndex(0)
    window.picker.choose("4 weeks")
    window.tabs.setCurrentIndex(CHART_KEYS.index("incidents"))
    assert window.charts["incidents"].figure is not incidents  # rebuilt for the new period
    window.picker.choose("quarter")
    assert window.workload.period.start == date(2026, 8, 17)


def test_custom_dates_and_a_range_that_ends_before_it_starts(
    qtbot: QtBot, wellbeing: WellbeingApp
) -> None:
    window = open_dashboard(qtbot, wellbeing)
    window.picker.choose(None)
    assert window.picker.start.isVisible() and window.picker.end.isVisible()
    with qtbot.waitSignal(window.period_chosen) as chosen:
        window.picker.start.setDate(date(2026, 9, 1))
    assert chosen.args == [Period(date(2026, 9, 1), date(2026, 11, 15))]
    assert window.workload is not None and window.workload.period.start == date(2026, 9, 1)
    with qtbot.assertNotEmitted(window.period_chosen):
        window.picker.end.setDate(date(2026, 8, 1))
    assert window.picker.error.isVisible()
    assert window.picker.error.text().startswith("To: the period ends (2026-08-01)")
    assert window.workload.period.start == date(2026, 9, 1)  # still the last good period


def test_an_empty_store_says_what_to_log_first(qtbot: QtBot, wellbeing: WellbeingApp) -> None:
    window = open_dashboard(qtbot, wellbeing)
    assert window.empty.isVisible()
    assert "Start a shift from the tray" in window.empty.text()
    hours = window.charts["hours"].figure
    assert hours is not None
    assert all(not ax.axison for ax in hours.axes)  # a message, not empty axes
    assert card(window, "Latest WHO-5")[:2] == ("–", "no check-in yet")


def test_charts_follow_a_dark_palette(qtbot: QtBot) -> None:
    from wellbeing_app.ui.chart_colours import theme_from

    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#202020"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#f0f0f0"))
    theme = theme_from(palette)
    assert theme.dark and theme.background == "#202020" and theme.foreground == "#f0f0f0"
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    assert not theme_from(palette).dark


def fusion_light() -> QPalette:
    style = QStyleFactory.create("Fusion")
    assert style is not None
    return style.standardPalette()


def fusion_dark() -> QPalette:
    """Qt's own dark Fusion colours (qt_fusionPalette with a dark appearance)."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#323232"),
        (roles.WindowText, "#f0f0f0"),
        (roles.Base, "#242424"),
        (roles.Text, "#f0f0f0"),
        (roles.Button, "#323232"),
        (roles.ButtonText, "#f0f0f0"),
        (roles.Mid, "#262626"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def very_dark() -> QPalette:
    """Darker still, like the palette of the test above."""
    palette = fusion_dark()
    palette.setColor(QPalette.ColorRole.Window, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#202020"))
    return palette


PALETTES = pytest.mark.parametrize(
    "make_palette", [fusion_light, fusion_dark, very_dark], ids=["light", "dark", "darker"]
)


@PALETTES
def test_change_text_meets_wcag_aa_on_the_card(qtbot: QtBot, make_palette) -> None:
    palette = make_palette()
    card_background = palette.color(QPalette.ColorRole.Window).name()
    view = CardView()
    qtbot.addWidget(view)
    view.setPalette(palette)
    for worse in (True, False):
        colour = change_colour(palette, worse)
        assert colour is not None
        assert contrast_ratio(colour, card_background) >= TEXT_CONTRAST, colour
        view.show_card(Card("Overtime", "4.00 h", change="+1.00 h", worse=worse))
        assert view.change.styleSheet() == f"color: {colour};"
    view.show_card(Card("Overtime", "4.00 h", change="same as the previous period"))
    assert view.change.styleSheet() == ""  # no change: the plain text colour


def test_the_single_red_of_before_fails_on_dark() -> None:
    """What the check above catches: the one red used on every theme read at 2:1 on dark."""
    assert contrast_ratio("#b3261e", fusion_dark().color(QPalette.ColorRole.Window).name()) < 2.5


def test_a_switch_to_dark_recolours_the_change(qtbot: QtBot) -> None:
    view = CardView()
    qtbot.addWidget(view)
    view.setPalette(fusion_light())
    view.show_card(Card("Overtime", "4.00 h", change="+1.00 h", worse=True))
    view.setPalette(fusion_dark())
    assert view.change.styleSheet() == f"color: {change_colour(fusion_dark(), True)};"
    assert change_colour(fusion_dark(), True) != change_colour(fusion_light(), True)


@PALETTES
def test_chart_colours_meet_wcag_aa_on_the_palette(make_palette) -> None:
    from wellbeing_app.ui.chart_colours import theme_from

    theme = theme_from(make_palette())
    assert contrast_ratio(theme.foreground, theme.background) >= TEXT_CONTRAST
    for colour in (*theme.series, theme.other):
        assert contrast_ratio(colour, theme.background) >= GRAPHIC_CONTRAST, colour
    assert contrast_ratio(theme.grid, theme.background) > 1.2  # faint, but there


def test_a_switch_to_dark_redraws_the_chart(qtbot: QtBot, wellbeing: WellbeingApp) -> None:
    window = open_dashboard(qtbot, wellbeing)
    window.setPalette(fusion_dark())
    figure = window.charts["hours"].figure
    assert figure is not None
    assert to_hex(figure.get_facecolor()) == "#242424"


def test_a_write_elsewhere_refreshes_an_open_dashboard(
    qtbot: QtBot, wellbeing: WellbeingApp
) -> None:
    window = open_dashboard(qtbot, wellbeing)
    journal = wellbeing.journal
    assert journal is not None
    weekdays_9_to_5(journal.db)
    journal.log_ping("slack", at=NOW - timedelta(hours=2))  # Sunday: after hours
    wellbeing.on_state_changed()
    assert card(window, "After-hours pings")[0] == "1"
    assert not window.hours_notice.isVisible()  # set since January: the whole period


def test_working_hours_set_within_the_period_are_named_with_the_days_they_cover(
    qtbot: QtBot, wellbeing: WellbeingApp
) -> None:
    journal = wellbeing.journal
    assert journal is not None
    weekdays_9_to_5(journal.db, since=date(2026, 11, 10))
    window = open_dashboard(qtbot, wellbeing)  # 19 Oct - 15 Nov: from 10 Nov, 6 days
    assert window.hours_notice.isVisible()
    assert window.hours_notice.text() == (
        "Working hours were set from 10 Nov 2026: after-hours figures cover 6 of the 28 days "
        "in this period."
    )


def test_before_the_figures_arrive_it_says_it_is_adding_up(qtbot: QtBot) -> None:
    from wellbeing_app.ui.dashboard_window import LOADING

    window = DashboardWindow(date(2026, 11, 15))
    qtbot.addWidget(window)
    window.show()
    assert window.heading.text() == LOADING
    assert not window.empty.isVisible()  # not "nothing is logged" before anything was read


def test_the_incident_card_and_chart_show_those_after_decisions_against_advice(
    qtbot: QtBot, wellbeing: WellbeingApp
) -> None:
    from wellbeing_app.core.records.incidents import IncidentDraft
    from wellbeing_app.core.workload.charts.incidents import AGAINST_ADVICE

    journal = wellbeing.journal
    assert journal is not None
    for days, against in ((3, True), (4, False), (5, False)):
        journal.log_incident(
            IncidentDraft(NOW - timedelta(days=days), "crisis", 3, against_advice=against)
        )
    window = open_dashboard(qtbot, wellbeing)
    assert card(window, "Incidents")[1].endswith("\n1 of 3 after decisions you advised against")
    window.tabs.setCurrentIndex(CHART_KEYS.index("incidents"))
    figure = window.charts["incidents"].figure
    assert figure is not None
    assert AGAINST_ADVICE in [text.get_text() for text in figure.legends[0].get_texts()]
