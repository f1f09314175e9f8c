"""Translations: every marked string is in every catalogue, translated, with the same
placeholders and mnemonics; the compiled catalogues match their sources; the language follows
the environment, the CLI included; numbers and dates follow the language; and the pseudo-locale
stretches text without breaking what code reads in it."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from tests.cli_runner import run_process
from wellbeing_app.core.language import _, current_language, formats, ngettext, use_language
from wellbeing_app.core.language.pseudo import pseudo

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("translations", ROOT / "packaging/translations.py")
assert spec is not None and spec.loader is not None
tools = importlib.util.module_from_spec(spec)
sys.modules["translations"] = tools
spec.loader.exec_module(tools)

PLACEHOLDER = re.compile(r"\{[^{}]*\}|%(?:\([^)]*\))?[sd]")
MNEMONIC = re.compile(r"&(?!&|\w+;)\w")


@pytest.fixture(autouse=True)
def english_again() -> Iterator[None]:
    yield
    use_language("en")


def catalogue(language: str) -> Catalog:
    with tools.po_path(language).open("rb") as file:
        return read_po(file, locale=language, domain=tools.DOMAIN)


def forms(message: Message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


def ids(message: Message) -> list[str]:
    return list(message.id) if isinstance(message.id, tuple) else [message.id]


def test_there_is_a_polish_catalogue() -> None:
    assert "pl" in tools.languages()


@pytest.mark.parametrize("language", tools.languages())
def test_every_marked_string_is_translated(language: str) -> None:
    translated = catalogue(language)
    missing, empty = [], []
    for message in tools.extracted():
        if not message.id:
            continue
        found = translated.get(message.id, message.context)
        if found is None:
            missing.append(ids(message)[0])
        elif not all(forms(found)) or found.fuzzy:
            empty.append(ids(message)[0])
    assert missing == [], f"not in {language}'s catalogue: run `make translations`"
    assert empty == [], f"untranslated or fuzzy in {language}"


@pytest.mark.parametrize("language", tools.languages())
def test_translations_keep_placeholders_and_mnemonics(language: str) -> None:
    wrong = []
    for message in catalogue(language):
        if not message.id or not message.string:
            continue
        wanted = set(PLACEHOLDER.findall(ids(message)[-1]))
        mnemonics = len(MNEMONIC.findall(ids(message)[0]))
        for form in forms(message):
            if (
                form
                and set(PLACEHOLDER.findall(form)) != wanted
                and (
                    # a singular may name the count in words ("one ping"): only the plural's must
                    len(ids(message)) == 1 or set(PLACEHOLDER.findall(form)) - wanted
                )
            ):
                wrong.append((ids(message)[0], form))
            if form and len(MNEMONIC.findall(form)) != mnemonics:
                wrong.append((ids(message)[0], form))
    assert wrong == []


@pytest.mark.parametrize("language", tools.languages())
def test_plural_forms_are_complete(language: str) -> None:
    translated = catalogue(language)
    assert translated.num_plurals == (3 if language == "pl" else translated.num_plurals)
    for message in translated:
        if message.pluralizable and message.string:
            assert len(forms(message)) == translated.num_plurals, message.id


@pytest.mark.parametrize("language", tools.languages())
def test_the_compiled_catalogue_is_up_to_date(language: str) -> None:
    compiled = tools.po_path(language).with_suffix(".mo").read_bytes()
    assert compiled == tools.mo_bytes(language), "run `make translations`"


def test_the_template_is_up_to_date() -> None:
    with tools.TEMPLATE.open("rb") as file:
        template = read_po(file)
    stored = {m.id for m in template if m.id}
    assert stored == {m.id for m in tools.extracted() if m.id}, "run `make translations`"


def test_the_language_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "pl_PL.UTF-8")
    assert use_language() == "pl"
    assert _("No shift running.") == "Żadna zmiana nie trwa."
    monkeypatch.setenv("LANG", "de_DE.UTF-8")  # no German yet: English
    assert use_language() == "en"
    assert _("No shift running.") == "No shift running."
    monkeypatch.setenv("LANGUAGE", "fr:pl")
    assert use_language() == "pl"
    monkeypatch.setenv("LC_ALL", "C")
    monkeypatch.delenv("LANGUAGE")
    assert use_language() == "en"


def test_polish_plurals_take_three_forms() -> None:
    use_language("pl")
    said = [
        ngettext(
            "Removed {count} rota window on {days}; the weekly pattern applies.",
            "Removed {count} rota windows on {days}; the weekly pattern applies.",
            n,
        ).format(count=n, days="1.12")
        for n in (1, 3, 5, 22)
    ]
    assert current_language() == "pl"
    assert [s.split(" w ")[0] for s in said] == [
        "Usunięto 1 okno grafiku",
        "Usunięto 3 okna grafiku",
        "Usunięto 5 okien grafiku",
        "Usunięto 22 okna grafiku",
    ]


def test_the_cli_answers_in_polish(tmp_path: Path) -> None:
    result = run_process(tmp_path, "shift", "status", env={"LANG": "pl_PL.UTF-8"})
    assert (result.returncode, result.stdout) == (0, "Żadna zmiana nie trwa.\n")
    english = run_process(tmp_path, "shift", "status", env={"LANG": "en_GB.UTF-8"})
    assert english.stdout == "No shift running.\n"


def test_numbers_and_dates_follow_the_language() -> None:
    day = date(2026, 11, 27)
    assert (formats.number(1204.5, 2), formats.short_date(day)) == ("1,204.50", "27 Nov")
    assert formats.long_date(day) == "Fri 27 Nov 2026"
    use_language("pl")
    assert formats.number(1204.5, 2) == "1\xa0204,50"
    assert formats.short_date(day) == "27 lis"
    assert formats.weekday(0, long=True) == "poniedziałek"
    assert formats.percent(0.42) == "42%"


def test_the_pseudo_locale_stretches_text_and_keeps_what_code_reads() -> None:
    text = "&Save {count} pings at %s <b>now</b> &amp; later"
    stretched = pseudo(text)
    assert len(stretched) >= len(text) * 1.4
    for kept in ("{count}", "%s", "<b>", "</b>", "&amp;"):
        assert kept in stretched
    assert MNEMONIC.findall(stretched) == ["&S"]
    use_language("pseudo")
    assert _("No shift running.").startswith("[Ñõ šhîft")
