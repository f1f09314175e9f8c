"""Keep the translations in step with the code: extract every marked string (``_``,
``ngettext``, ``N_``) into ``resources/locale/wellbeing.pot``, bring each language's ``.po`` up
to date with it (new strings untranslated, gone ones dropped), and compile the ``.mo`` files the
app reads. ``make translations`` runs it; tests/test_translations.py fails when a catalogue
misses a string or a placeholder, or a ``.mo`` is older than its ``.po``.

    python packaging/translations.py            # extract, update, compile
    python packaging/translations.py compile    # compile only
    python packaging/translations.py new LANG   # start a catalogue for LANG (e.g. de)
    python packaging/translations.py todo LANG FILE.json   # untranslated strings, to fill in
    python packaging/translations.py fill LANG FILE.json   # take translations from FILE.json

A FILE.json for ``todo``/``fill`` maps each message (its singular, for plurals) to its
translation: a string, or a list of the language's plural forms.
"""

from __future__ import annotations

import io
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "wellbeing_app"
LOCALE = ROOT / "resources" / "locale"
TEMPLATE = LOCALE / "wellbeing.pot"
DOMAIN = "wellbeing"
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)  # headers carry no build time: files stay stable


def extracted() -> Catalog:
    """Every marked string in the package, with where it is used."""
    catalog = Catalog(project="Wellbeing", domain=DOMAIN, creation_date=FIXED_DATE)
    for filename, lineno, message, comments, context in extract_from_dir(
        str(SOURCE),
        method_map=[("**.py", "python")],
        keywords=DEFAULT_KEYWORDS,
        comment_tags=("TRANSLATORS:",),
    ):
        catalog.add(
            message,
            None,
            [(f"wellbeing_app/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def languages() -> list[str]:
    return sorted(p.name for p in LOCALE.iterdir() if (p / "LC_MESSAGES").is_dir())


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_bytes(language: str) -> bytes:
    with po_path(language).open("rb") as file:
        catalog = read_po(file, locale=language, domain=DOMAIN)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def write_catalog(path: Path, catalog: Catalog) -> None:
    out = io.BytesIO()
    write_po(out, catalog, sort_output=True, include_lineno=False, width=100)
    path.write_bytes(out.getvalue())


def update() -> None:
    template = extracted()
    write_catalog(TEMPLATE, template)
    for language in languages():
        with po_path(language).open("rb") as file:
            catalog = read_po(file, locale=language, domain=DOMAIN)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        catalog.revision_date = FIXED_DATE
        write_catalog(po_path(language), catalog)


def compile_all() -> None:
    for language in languages():
        po_path(language).with_suffix(".mo").write_bytes(mo_bytes(language))


def new(language: str) -> None:
    path = po_path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    catalog = Catalog(
        locale=language,
        domain=DOMAIN,
        project="Wellbeing",
        version="",
        copyright_holder="the Wellbeing authors",
        creation_date=FIXED_DATE,
        revision_date=FIXED_DATE,
        last_translator="the Wellbeing authors",
        language_team=language,
        fuzzy=False,
        header_comment=f"# {language} translation of Wellbeing: you are not your brand.\n"
        "# This file is distributed under the same license as the Wellbeing package.",
    )
    catalog.update(extracted(), no_fuzzy_matching=True)
    write_catalog(path, catalog)


def todo(language: str, out: Path) -> int:
    """Writes the untranslated (or fuzzy) messages of ``language`` to ``out``; returns how many."""
    with po_path(language).open("rb") as file:
        catalog = read_po(file, locale=language, domain=DOMAIN)
    open_ones: dict[str, object] = {}
    for message in catalog:
        if not message.id:
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(forms):
            if isinstance(message.id, tuple):
                open_ones[message.id[0]] = {"plural": message.id[1], "forms": catalog.num_plurals}
            else:
                open_ones[message.id] = ""
    out.write_text(json.dumps(open_ones, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(open_ones)


def fill(language: str, source: Path) -> int:
    """Takes the translations in ``source`` into ``language``'s catalogue; returns how many."""
    given = json.loads(source.read_text(encoding="utf-8"))
    with po_path(language).open("rb") as file:
        catalog = read_po(file, locale=language, domain=DOMAIN)
    taken = 0
    for message in catalog:
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        value = given.get(key) if key else None
        if isinstance(value, str) and value and not isinstance(message.id, tuple):
            message.string, message.flags = value, message.flags - {"fuzzy"}
            taken += 1
        elif isinstance(value, list) and isinstance(message.id, tuple) and all(value):
            message.string, message.flags = tuple(value), message.flags - {"fuzzy"}
            taken += 1
    write_catalog(po_path(language), catalog)
    return taken


if __name__ == "__main__":
    step = sys.argv[1] if len(sys.argv) > 1 else "all"
    if step == "todo":
        print(f"{todo(sys.argv[2], Path(sys.argv[3]))} strings to translate in {sys.argv[3]}")
        sys.exit(0)
    if step == "fill":
        print(f"took {fill(sys.argv[2], Path(sys.argv[3]))} translations")
    if step == "new":
        new(sys.argv[2])
    if step in ("all",):
        update()
    compile_all()
    print(f"{len(extracted())} strings; languages: {', '.join(languages())}")
