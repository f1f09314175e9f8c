"""The XDG autostart entry's Exec line, quoted per the Desktop Entry spec and read back the way
a desktop reads it, and the entry's keys (Hidden, GNOME's enabled flag)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wellbeing_app.platforms.autostart_xdg import DesktopEntry, entry, entry_keys, exec_value

HOSTILE = [
    "/opt/My Apps/wellbeing-app",
    '/tmp/quote"d/and`tick`/$HOME/back\\slash',
    "/tmp/100% sure/it's/#(here);&|<>~*?",
    "/tmp/tab\there",
    "/tmp/zażółć/gęślą jaźń",
    "",
]


def read_exec(value: str) -> list[str]:
    """The arguments a desktop makes of an Exec value (Desktop Entry spec 1.4)."""
    unescaped, chars = [], iter(value)
    for c in chars:
        if c == "\\":
            nxt = next(chars)
            unescaped.append({"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}[nxt])
        else:
            unescaped.append(c)
    line = "".join(unescaped)
    arguments: list[str] = []
    i, current, started = 0, "", False
    while i < len(line):
        c = line[i]
        if c == " ":
            if started:
                arguments.append(current)
            current, started = "", False
        elif c == '"':
            started = True
            i += 1
            while line[i] != '"':
                if line[i] == "\\":
                    i += 1
                    assert line[i] in '"`$\\', f"a bare backslash before {line[i]!r}"
                current += line[i]
                i += 1
        else:
            assert c not in "\t\n\"'\\><~|&;$*?#()`", f"{c!r} outside quotes"
            started = True
            current += c
        i += 1
    if started:
        arguments.append(current)
    return [a.replace("%%", "%") for a in arguments]


@pytest.mark.parametrize("path", HOSTILE)
def test_any_path_survives_the_quoting(path: str) -> None:
    argv = [path, "-m", "wellbeing_app", "--data-dir", path]
    assert read_exec(exec_value(argv)) == argv


def test_plain_arguments_stay_unquoted() -> None:
    assert exec_value(["/usr/bin/wellbeing-app"]) == "/usr/bin/wellbeing-app"
    assert exec_value(["/a b/python", "-m", "wellbeing_app"]) == '"/a b/python" -m wellbeing_app'


def test_what_a_desktop_entry_cannot_hold_is_refused() -> None:
    with pytest.raises(ValueError, match="not UTF-8"):
        exec_value(["/tmp/caf\udce9/wellbeing-app"])
    with pytest.raises(ValueError):
        exec_value([])


def test_a_hidden_or_disabled_entry_is_off(tmp_path: Path) -> None:
    place = DesktopEntry(tmp_path)
    assert place.read().on is False
    place.write(["/usr/bin/wellbeing-app"])
    assert place.read().on is True
    text = place.file.read_text()
    place.file.write_text(text + "Hidden=true\n")
    assert place.read().on is False
    place.file.write_text(text.replace("Autostart-enabled=true", "Autostart-enabled=false"))
    assert place.read().on is False
    assert place.remove() is True and place.remove() is False


def test_only_the_desktop_entry_group_counts() -> None:
    text = entry("/usr/bin/wellbeing-app") + "[Desktop Action x]\nExec=/bin/false\n"
    assert entry_keys(text)["Exec"] == "/usr/bin/wellbeing-app"
    assert entry_keys("# Exec=/bin/false\n[Desktop Entry]\n#Exec=x\nName = W \n") == {"Name": "W"}
