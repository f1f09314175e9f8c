"""Which desktop apps are work apps, and the source a notification from each counts as.

An app is known by several names: the app name it sends, its desktop entry, its application id,
and for a browser the host of the site that sent the notification. The user's own mappings come
first (to a source, or ``ignore``), then the defaults below; an app matched by neither is not a
work app, and nothing of its notifications is stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from wellbeing_app.core.errors import ValidationError
from wellbeing_app.core.language import _
from wellbeing_app.core.records.rules import check_source
from wellbeing_app.core.vocabulary import PingSource

IGNORE = "ignore"  # a mapping that says: never count this app
DEFAULT = "default"  # given to ``capture map``: forget the user's mapping, use the default
DISCORD = "discord"  # an app's own name as its source (no PingSource of its own)

# App names and desktop entries / application ids, in lowercase.
DEFAULT_APPS: dict[str, str] = {
    "slack": PingSource.SLACK,
    "com.slack.slack": PingSource.SLACK,
    "teams-for-linux": PingSource.TEAMS,
    "com.github.ismaelmartinez.teams_for_linux": PingSource.TEAMS,
    "microsoft teams": PingSource.TEAMS,
    "microsoft teams - preview": PingSource.TEAMS,
    "discord": DISCORD,
    "com.discordapp.discord": DISCORD,
    "thunderbird": PingSource.EMAIL,
    "mozilla thunderbird": PingSource.EMAIL,
    "org.mozilla.thunderbird": PingSource.EMAIL,
    "net.thunderbird.thunderbird": PingSource.EMAIL,
    "evolution": PingSource.EMAIL,
    "org.gnome.evolution": PingSource.EMAIL,
}
# Sites whose notifications a browser shows, by host.
DEFAULT_SITES: dict[str, str] = {
    "app.slack.com": PingSource.SLACK,
    "teams.microsoft.com": PingSource.TEAMS,
    "teams.cloud.microsoft": PingSource.TEAMS,
    "teams.live.com": PingSource.TEAMS,
    "mail.google.com": PingSource.EMAIL,
    "outlook.office.com": PingSource.EMAIL,
    "outlook.office365.com": PingSource.EMAIL,
    "outlook.live.com": PingSource.EMAIL,
    "discord.com": DISCORD,
}
# Browsers, by app name and desktop entry: their notifications are told apart by site.
BROWSERS = frozenset(
    {
        "google chrome",
        "google-chrome",
        "com.google.chrome",
        "chromium",
        "chromium-browser",
        "org.chromium.chromium",
        "microsoft edge",
        "microsoft-edge",
        "com.microsoft.edge",
        "brave",
        "brave-browser",
        "com.brave.browser",
        "vivaldi",
        "vivaldi-stable",
        "opera",
        "firefox",
        "firefox-esr",
        "org.mozilla.firefox",
        "librewolf",
        "io.gitlab.librewolf-community",
        "epiphany",
        "org.gnome.epiphany",
    }
)


# Wellbeing's own reminders: never counted, never listed.
OURS = frozenset({"wellbeing", "io.github.wellbeing_app.wellbeingapp"})


def is_ours(names: Iterable[str]) -> bool:
    return any(name in OURS for name in names)


def app_key(name: str) -> str:
    """The form an app is mapped by: ``Slack`` -> ``slack``, ``slack.desktop`` -> ``slack``."""
    key = name.strip().lower()
    return key.removesuffix(".desktop")


def is_browser(names: Iterable[str]) -> bool:
    return any(name in BROWSERS for name in names)


def source_for(names: Iterable[str], mappings: Mapping[str, str]) -> str | None:
    """The source a notification from the app known by ``names`` (most specific first) counts
    as, or None: not a work app, or ignored by the user."""
    names = list(names)
    for name in names:
        if name in mappings:
            chosen = mappings[name]
            return None if chosen == IGNORE else chosen
    for name in names:
        default = DEFAULT_SITES.get(name) or DEFAULT_APPS.get(name)
        if default is not None:
            return str(default)
    return None


def verdict(names: Iterable[str], mappings: Mapping[str, str]) -> str:
    """What becomes of the app's notifications, in words: ``counted as slack``, ``ignored``,
    ``not counted (not mapped)``."""
    names = list(names)
    source = source_for(names, mappings)
    if source is not None:
        return _("counted as {source}").format(source=source)
    if any(mappings.get(name) == IGNORE for name in names):
        return _("ignored")
    return _("not counted (not mapped)")


def check_app(app: str) -> str:
    """An app as the user typed it, in the form it is mapped by."""
    key = app_key(app)
    if not key or len(key) > 100 or any(ch in key for ch in "\n\r\t"):
        raise ValidationError(
            "APP",
            _("{value} is not an app name; use one 'capture apps' lists").format(value=repr(app)),
        )
    return key


def check_target(source: str) -> str:
    """What an app is to count as: a source (as ``log ping`` takes it), ``ignore`` or
    ``default``."""
    chosen = source.strip().lower()
    if chosen in (IGNORE, DEFAULT):
        return chosen
    try:
        return check_source(chosen, "SOURCE")
    except ValidationError as exc:
        raise ValidationError(
            "SOURCE", _("{problem}; or ignore, or default").format(problem=exc.message)
        ) from None


def check_mapping(app: str, source: str) -> tuple[str, str]:
    """An app and what it counts as, as the user typed them: (key, source | ignore | default)."""
    return check_app(app), check_target(source)


def default_table() -> list[tuple[str, str]]:
    """Every default mapping, apps then sites: (name, source)."""
    return [*DEFAULT_APPS.items(), *DEFAULT_SITES.items()]
